// A contract's Word file at close to the cost of zipping it. render/docx.ts
// (the docx library) builds, serialises and compresses every part of the
// package for every contract; most of those parts never change. So:
//
// - The docx library renders a small probe contract (render/docx-probes.ts:
//   at build time for the compiled server, at start-up from source), and at
//   start-up every part that does not depend on the contract (styles,
//   numbering, settings, theme, fonts, footnotes, the footer with its
//   PAGE/NUMPAGES fields, the relationships and content types, the embedded
//   answers' relationships) is taken from its zip and stored deflated, with its
//   CRC and size. Styles and numbering thus stay declared once, in docx.ts. The
//   probe is rendered once per paper size (US Letter, A4): the section
//   properties at the end of word/document.xml, which hold the page size, are
//   kept for each.
// - Per contract, only word/document.xml, the header, docProps/core.xml and
//   the two answers parts are written (render/docx-xml.ts builds the strings
//   from the tree), and the zip is assembled by fflate's streaming Zip from
//   the already-compressed entries. document.xml and the answers are deflated
//   with Node's zlib. Of the header, core.xml and the answers' properties
//   only a few hundred bytes change (the project's name, the title and dates,
//   an id): the text around them is deflated once at start-up, and the
//   changing middle goes between as a stored block (framedPart below).
//
// Nothing is cached per contract, so memory stays flat however many are made.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync, Zip, type ZipInputFile } from 'fflate';
import { LANGUAGES, PAPER_SIZES, type Language, type PaperSize } from '../answers/schema.ts';
import type { Contract } from '../contract/tree.ts';
import { CORE_PROPERTIES_START, corePropertiesRest, emitContractBodyXml, headerParagraphXml, type NumberingIds } from './docx-xml.ts';
import { answersPartBytes, ITEM_PROPS_AROUND_ID, newItemId } from './embedded-answers.ts';

/** A part ready for the zip: raw-deflated bytes with the CRC-32 and size of what they inflate to. */
export interface DeflatedPart {
  readonly name: string;
  readonly data: Uint8Array<ArrayBuffer>;
  readonly crc: number;
  readonly size: number;
}

/**
 * zlib level for the parts written per contract. Measured on the 5-page
 * sample's document.xml (27 kB) on the 2-core dev machine: level 1 deflates it
 * in about 0.06 ms to 5.7 kB, level 6 in 0.14 ms to 4.9 kB. The whole file is
 * 18.6 kB at level 1 against the docx library's 17.8 kB; the time saved is
 * worth more than the 0.8 kB.
 */
export const PER_CONTRACT_LEVEL = 1;
/** Constant parts are compressed once, so they get the smallest output. */
const CONSTANT_LEVEL = 9;

export function deflatePart(name: string, bytes: Uint8Array, level: number): DeflatedPart {
  return { name, data: deflateRawSync(bytes, { level }), crc: crc32(bytes), size: bytes.length };
}

/**
 * Text given in pieces, encoded one after the other into one buffer kept for
 * the purpose, valid until the next call: deflating and the CRC read it at
 * once, synchronously. Buffer.from measures the text, allocates and then
 * encodes, which took twice as long for a contract's document.xml. Pieces
 * that outgrow the kept buffer move to a larger one of their own, so a huge
 * part does not stay in memory.
 */
const ENCODED_KEPT_BYTES = 1024 * 1024;
const encoded = Buffer.allocUnsafe(ENCODED_KEPT_BYTES);

function utf8Pieces(write: (emit: (text: string) => void) => void): Buffer {
  let buffer = encoded;
  let length = 0;
  write((text) => {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (length + text.length * 3 > buffer.length) {
      const larger = Buffer.allocUnsafe(Math.max(2 * buffer.length, length + text.length * 3));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    length += buffer.write(text, length, 'utf8');
  });
  return buffer.subarray(0, length);
}

/** One text encoded as utf8Pieces encodes its pieces. */
const utf8 = (text: string): Buffer => utf8Pieces((emit) => emit(text));

/**
 * The CRC-32 of `bytes` continued from `crc`. Node 20's crc32 answers 0 for
 * an empty Buffer.from('') whatever `crc` it is given, so empty text is skipped.
 */
function crcAfter(bytes: Uint8Array, crc: number): number {
  return bytes.length === 0 ? crc : crc32(bytes, crc);
}

/** The largest stored deflate block: its length field has 16 bits. */
const MAX_STORED_BLOCK = 0xffff;

/**
 * A part made of constant text around a changing middle, as `middle =>
 * DeflatedPart`. The text before is deflated once, flushed to a byte
 * boundary and left open (Z_SYNC_FLUSH), the text after once as the final
 * block; per call only the middle goes between them, which any inflater
 * reads as one stream.
 *
 * A small middle (a name, a date, an id) goes in as stored (uncompressed)
 * deflate blocks: that costs a CRC instead of a compressor, and Node's zlib
 * sets up some 256 kB of state for every part it deflates, which for parts
 * this small costs more than the deflating itself (the bench measured it).
 * With `middleLevel`, the middle is deflated at that level on its own, also
 * flushed to a byte boundary: for word/document.xml, whose namespaces and
 * section properties (some 2.7 kB) are the same in every file.
 */
export function framedPart(name: string, before: string, after: string): (middle: string) => DeflatedPart;
export function framedPart(name: string, before: string, after: string, middleLevel: number): (middle: string | Uint8Array) => DeflatedPart;
export function framedPart(name: string, before: string, after: string, middleLevel?: number): (middle: string | Uint8Array) => DeflatedPart {
  const head = Buffer.from(before, 'utf8');
  const tail = Buffer.from(after, 'utf8');
  const headDeflated = deflateRawSync(head, { level: CONSTANT_LEVEL, finishFlush: constants.Z_SYNC_FLUSH });
  const tailDeflated = deflateRawSync(tail, { level: CONSTANT_LEVEL });
  const headCrc = crc32(head);
  const assemble = (bytes: Uint8Array, middle: Uint8Array): DeflatedPart => {
    const data = new Uint8Array(headDeflated.length + middle.length + tailDeflated.length);
    data.set(headDeflated, 0);
    data.set(middle, headDeflated.length);
    data.set(tailDeflated, headDeflated.length + middle.length);
    return { name, data, crc: crcAfter(tail, crcAfter(bytes, headCrc)), size: head.length + bytes.length + tail.length };
  };
  if (middleLevel !== undefined) {
    return (middle) => {
      const bytes = typeof middle === 'string' ? utf8(middle) : middle;
      return assemble(bytes, deflateRawSync(bytes, { level: middleLevel, finishFlush: constants.Z_SYNC_FLUSH }));
    };
  }
  return (middle) => {
    const bytes = typeof middle === 'string' ? Buffer.from(middle, 'utf8') : middle;
    return assemble(bytes, storedBlocks(bytes));
  };
}

/** `bytes` as stored deflate blocks, none of them final. */
function storedBlocks(bytes: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(bytes.length / MAX_STORED_BLOCK));
  const data = new Uint8Array(bytes.length + 5 * blocks);
  let at = 0;
  for (let block = 0; block < blocks; block++) {
    const chunk = bytes.subarray(block * MAX_STORED_BLOCK, (block + 1) * MAX_STORED_BLOCK);
    // Header byte 0: not the final block, type 0 (stored), padded to the byte; then LEN and its complement, little-endian.
    data[at] = 0;
    data[at + 1] = chunk.length & 0xff;
    data[at + 2] = chunk.length >>> 8;
    data[at + 3] = ~chunk.length & 0xff;
    data[at + 4] = (~chunk.length >>> 8) & 0xff;
    data.set(chunk, at + 5);
    at += 5 + chunk.length;
  }
  return data;
}

/** A zip of already-deflated parts, in the order given; nothing is compressed again. */
export function zipDeflatedParts(parts: readonly DeflatedPart[], modified: Date): Buffer {
  const chunks: Uint8Array[] = [];
  let length = 0;
  let failure: Error | null = null;
  // fflate calls back synchronously when every entry's data is handed over at once.
  const zip = new Zip((error, chunk) => {
    if (error) failure ??= error;
    else {
      chunks.push(chunk);
      length += chunk.length;
    }
  });
  for (const part of parts) {
    // A ZipInputFile of our own: fflate's documented way to add data compressed elsewhere.
    const entry: ZipInputFile = { filename: part.name, compression: 8, crc: part.crc, size: part.size, mtime: modified };
    zip.add(entry);
    entry.ondata!(null, part.data, true);
  }
  zip.end();
  if (failure) throw failure;
  const file = Buffer.allocUnsafe(length);
  let at = 0;
  for (const chunk of chunks) {
    file.set(chunk, at);
    at += chunk.length;
  }
  return file;
}

// ---------------------------------------------------------------------------
// The constant parts, from the docx library's own output

const DOCUMENT = 'word/document.xml';
const HEADER = 'word/header1.xml';
const CORE = 'docProps/core.xml';
const ANSWERS_ITEM = 'customXml/item1.xml';
const ANSWERS_PROPS = 'customXml/itemProps1.xml';
const CONTENT_TYPES = '[Content_Types].xml';
const PER_CONTRACT = new Set([DOCUMENT, HEADER, CORE, ANSWERS_ITEM, ANSWERS_PROPS]);

interface PackageTemplate {
  /** Part names in zip order, [Content_Types].xml first. */
  readonly order: readonly string[];
  readonly constant: ReadonlyMap<string, DeflatedPart>;
  /**
   * word/document.xml around its body: from the start up to and including
   * <w:body>, and from the section properties to the end, which differ with
   * the paper size (w:pgSz is there), so one for each.
   */
  readonly document: Readonly<Record<PaperSize, (body: string | Uint8Array) => DeflatedPart>>;
  /** word/header1.xml around its paragraph (the project's name). */
  readonly header: (paragraph: string) => DeflatedPart;
  readonly numbering: NumberingIds;
}

class PackageTemplateError extends Error {
  override readonly name = 'PackageTemplateError';
  constructor(detail: string) {
    super(`The docx library's output is not laid out as the fast Word writer expects: ${detail}. Compare render/docx-package.ts with the docx library's version.`);
  }
}

function between(xml: string, part: string, startMarker: string, endMarker: string): { start: string; end: string } {
  const startAt = xml.indexOf(startMarker);
  const endAt = xml.lastIndexOf(endMarker);
  if (startAt < 0 || endAt < startAt) throw new PackageTemplateError(`${part} has no ${startMarker} ... ${endMarker}`);
  return { start: xml.slice(0, startAt), end: xml.slice(endAt) };
}

function numIdOf(documentXml: string, style: string): number {
  // A list paragraph is a bullet (level 0), or, in a language that numbers a clause's items (the Japanese 号), level 2
  // of the clause list: then the probe has no bullet, and the id found is the clause list's, which bullets never use there.
  const match = new RegExp(`<w:pStyle w:val="${style}"/><w:numPr><w:ilvl w:val="[02]"/><w:numId w:val="(\\d+)"/></w:numPr>`).exec(documentXml);
  if (!match) throw new PackageTemplateError(`no numbered ${style} paragraph in the probe`);
  return Number(match[1]);
}

/** The docx library's probe files (render/docx-probes.ts), each language's by paper size. */
export type ProbeDocxFiles = Readonly<Record<Language, Readonly<Record<PaperSize, Buffer>>>>;

/** Where `npm run build` writes the probe files, beside the compiled module (dist/render/). */
export const BUILT_PROBES_FILE = new URL('./docx-probes.json', import.meta.url);

/**
 * The probe files the build wrote; without them (run from source), the
 * docx library renders them now. docx-probes.ts is imported only then, so
 * the compiled server never loads the docx library for contracts.
 */
async function probeDocxFiles(): Promise<ProbeDocxFiles> {
  let json: string;
  try {
    json = readFileSync(BUILT_PROBES_FILE, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return (await import('./docx-probes.ts')).renderProbes();
  }
  return parseProbesJson(json);
}

/** The probe files from the text docx-probes.ts writes (probesJson); a damaged file is named, with the way to mend it. */
export function parseProbesJson(json: string): ProbeDocxFiles {
  const unreadable = (detail: string) => new Error(`${fileURLToPath(BUILT_PROBES_FILE)} ${detail}: npm run build writes it again`);
  let encoded: Partial<Record<Language, Partial<Record<PaperSize, unknown>>>> | null;
  try {
    encoded = JSON.parse(json);
  } catch (error) {
    throw unreadable(`is not JSON (${(error as Error).message})`);
  }
  const files = {} as Record<Language, Record<PaperSize, Buffer>>;
  for (const language of LANGUAGES) {
    files[language] = {} as Record<PaperSize, Buffer>;
    for (const paperSize of PAPER_SIZES) {
      const file = encoded?.[language]?.[paperSize];
      if (typeof file !== 'string') throw unreadable(`has no ${language} ${paperSize} probe`);
      files[language][paperSize] = Buffer.from(file, 'base64');
    }
  }
  return files;
}

/**
 * The probe is rendered once per paper size. Only the section properties at
 * the end of word/document.xml may differ between the two; every other part
 * is taken from the first and checked to be the same in the other. A
 * language has its own template: its styles (fonts), numbering (第1条) and
 * footer are among the constant parts.
 */
function loadTemplate(probes: ProbeDocxFiles, language: Language): PackageTemplate {
  const [first, ...others] = PAPER_SIZES;
  const rendered = new Map<PaperSize, Record<string, Uint8Array>>();
  for (const paperSize of PAPER_SIZES) rendered.set(paperSize, unzipSync(probes[language][paperSize]));
  const files = rendered.get(first)!;
  const names = Object.keys(files).filter((name) => !name.endsWith('/'));
  for (const name of [...PER_CONTRACT, CONTENT_TYPES]) {
    if (!files[name]) throw new PackageTemplateError(`no ${name}`);
  }
  const documentXml = strFromU8(files[DOCUMENT]!);
  const headerXml = strFromU8(files[HEADER]!);
  const rels = strFromU8(files['word/_rels/document.xml.rels'] ?? new Uint8Array());
  if (!rels.includes('Target="header1.xml"') || !rels.includes('Target="../customXml/item1.xml"')) {
    throw new PackageTemplateError('word/_rels/document.xml.rels does not point at header1.xml and customXml/item1.xml');
  }
  const document = between(documentXml, DOCUMENT, '<w:body>', '<w:sectPr');
  const documentEnd = { [first]: document.end } as Record<PaperSize, string>;
  for (const paperSize of others) {
    const other = rendered.get(paperSize)!;
    const otherNames = Object.keys(other).filter((name) => !name.endsWith('/'));
    if (otherNames.join('\n') !== names.join('\n')) throw new PackageTemplateError(`the ${paperSize} probe has other parts`);
    for (const name of names) {
      if (PER_CONTRACT.has(name) || name === DOCUMENT) continue;
      if (Buffer.compare(other[name]!, files[name]!) !== 0) throw new PackageTemplateError(`${name} differs with the paper size`);
    }
    const otherDocument = between(strFromU8(other[DOCUMENT]!), DOCUMENT, '<w:body>', '<w:sectPr');
    if (otherDocument.start !== document.start) throw new PackageTemplateError(`${DOCUMENT} differs before its section properties with the paper size`);
    documentEnd[paperSize] = otherDocument.end;
  }
  const header = between(headerXml, HEADER, '<w:p>', '</w:p>');
  const constant = new Map<string, DeflatedPart>();
  for (const name of names) {
    if (!PER_CONTRACT.has(name)) constant.set(name, deflatePart(name, files[name]!, CONSTANT_LEVEL));
  }
  return {
    order: [CONTENT_TYPES, ...names.filter((name) => name !== CONTENT_TYPES)],
    constant,
    document: Object.fromEntries(
      PAPER_SIZES.map((paperSize) => [paperSize, framedPart(DOCUMENT, document.start + '<w:body>', documentEnd[paperSize], PER_CONTRACT_LEVEL)]),
    ) as Record<PaperSize, (body: string | Uint8Array) => DeflatedPart>,
    header: framedPart(HEADER, header.start, header.end.slice('</w:p>'.length)),
    numbering: { clauseHeadings: numIdOf(documentXml, 'Heading1'), bullets: numIdOf(documentXml, 'ListParagraph') },
  };
}

// ---------------------------------------------------------------------------
// Writing

export interface ContractDocxWriter {
  /** The contract as a Word file: synchronous, a few milliseconds at most. */
  write(contract: Contract, now?: Date): Buffer;
}

function createWriter(templates: Readonly<Record<Language, PackageTemplate>>): ContractDocxWriter {
  // The same in every language.
  const core = framedPart(CORE, CORE_PROPERTIES_START, '');
  const answersProps = framedPart(ANSWERS_PROPS, ITEM_PROPS_AROUND_ID.before, ITEM_PROPS_AROUND_ID.after);
  return {
    write(contract, now = new Date()) {
      const template = templates[contract.meta.language ?? 'en'];
      const changing: Record<string, () => DeflatedPart> = {
        [DOCUMENT]: () =>
          template.document[contract.meta.paperSize](utf8Pieces((emit) => emitContractBodyXml(contract, template.numbering, emit))),
        [HEADER]: () => template.header(headerParagraphXml(contract.meta)),
        [CORE]: () => core(corePropertiesRest(contract.meta, contract.subtitle, now)),
        [ANSWERS_ITEM]: () => deflatePart(ANSWERS_ITEM, answersPartBytes(contract.answers), PER_CONTRACT_LEVEL),
        [ANSWERS_PROPS]: () => answersProps(newItemId()),
      };
      const parts = template.order.map((name) => template.constant.get(name) ?? changing[name]!());
      return zipDeflatedParts(parts, now);
    },
  };
}

async function loadTemplates(): Promise<Record<Language, PackageTemplate>> {
  const probes = await probeDocxFiles();
  const templates = {} as Record<Language, PackageTemplate>;
  for (const language of LANGUAGES) templates[language] = loadTemplate(probes, language);
  return templates;
}

let writer: Promise<ContractDocxWriter> | undefined;

/**
 * The writer, its constant parts prepared on first call (one docx-library
 * render, a few tens of milliseconds). Call it at start-up so the first
 * request does not pay for that.
 */
export function contractDocxWriter(): Promise<ContractDocxWriter> {
  writer ??= loadTemplates().then(createWriter, (error: unknown) => {
    writer = undefined; // let a later call try again
    throw error;
  });
  return writer;
}

/**
 * The contract as a Word file, with the same content as renderContractDocx
 * (which stays the oracle in tests and the benchmark's baseline) at a small
 * fraction of its cost.
 */
export async function writeContractDocx(contract: Contract): Promise<Buffer> {
  return (await contractDocxWriter()).write(contract);
}
