// A tagged PDF/A-3b document's objects, written with render/pdf-writer.ts:
// pages and their content streams, embedded subset fonts (fontkit parses,
// subsets and lays out; this module writes the font dictionaries, widths,
// CMaps and ToUnicode maps), the structure tree with its ParentTree and
// marked-content ids, the XMP metadata, the sRGB output intent and an
// attached file. render/pdf.ts draws into it; nothing here knows about contracts.
//
// What does not change between documents is made once and kept: the sRGB
// profile's stream, each face's CMap, and for the glyphs a document drew
// from a face (their codes and the characters they copy as) the deflated
// subset program, widths, CID set, CIDToGIDMap and ToUnicode map.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type * as fontkit from 'fontkit';
import { PROJECT_ROOT } from '../project-root.ts';
import { ByteSink, dictionary, hexString, name, number, pdfDate, PdfWriter, reference, streamBody, textString, type Entries } from './pdf-writer.ts';

/** A node of the structure tree as the renderer names it (render/pdf-layout.ts's Tag has this shape). */
export interface StructureNode {
  readonly type: string;
  readonly parent: StructureNode | null;
  readonly options?: { readonly scope?: 'Row' | 'Column'; readonly lang?: string };
  /**
   * The element a document made of the node, kept on it so each piece of
   * marked content finds its element without a lookup (a Map of a
   * document's hundreds of nodes was a twentieth of a PDF's allocations).
   * The document checks it is its own (`Element.owner`).
   */
  element?: unknown;
}

/**
 * Marked content as a kid of its element, in one number: the page's index
 * in the document times MARKS_A_PAGE, plus its MCID. A number, not an
 * object: a document has hundreds.
 */
type Mark = number;
const MARKS_A_PAGE = 0x10000;

/**
 * A structure element: its kids are elements or marked content on a page.
 * Most have one (a paragraph drawn on one page), kept as `first`; the
 * rest, when there are more, in `more` (an array grown by push starts with
 * room for seventeen: for every paragraph, that was the largest part of a
 * PDF's allocations).
 */
interface Element {
  readonly owner: PdfDocument;
  readonly id: number;
  readonly node: StructureNode;
  readonly parent: number;
  first: Element | Mark | undefined;
  more: (Element | Mark)[] | undefined;
}

function addKid(element: Element, kid: Element | Mark): void {
  if (element.first === undefined) element.first = kid;
  else if (element.more === undefined) element.more = [kid];
  else element.more.push(kid);
}

/**
 * zlib's settings for the attached answers when they are large (below):
 * zlib's defaults (a 32 kB window, memLevel 8) set up about 256 kB of
 * state, zeroed, for every stream, more memory written than the file it
 * compresses; an 8 kB window and memLevel 6 set up a quarter of that and
 * give the same bytes within a few; output in 4 kB pieces, not 16 kB.
 */
const SMALL_DEFLATE = { level: 1, windowBits: 13, memLevel: 6, chunkSize: 4096 } as const;

/**
 * Attached files shorter than this are stored as they are: a contract's
 * answers are about 5 kB, which deflate to 2 kB for about a thirtieth of a
 * PDF's CPU (setting up a compressor costs more than the bytes). Longer
 * ones (answers with pages of typed text) are deflated.
 */
const STORED_ATTACHMENT_BYTES = 16 * 1024;

/**
 * The page being drawn: its content stream's bytes, written in place. One
 * buffer serves every page of every document in turn (a PDF is drawn
 * synchronously, page after page, and each page starts again at 0 and is
 * deflated into bytes of its own before the next begins), so the operators
 * and glyph codes go straight into it.
 */
export class PageContent {
  /** Shared by every page of every document (see above). */
  private static readonly sink = new ByteSink(Buffer.allocUnsafe(64 * 1024));
  /**
   * The font (`/F1 11 Tf`) and fill colour (`0 0 0 rg`) the page's graphics
   * state holds ('' at the page's start: none set). Both outlive a text
   * object (ET), so a text object names them only where they change: most
   * of a page is one font in one colour, and naming them again in every
   * paragraph was a seventh of the page's bytes.
   */
  pen = '';
  fill = '';

  get length(): number {
    return PageContent.sink.length;
  }

  /** Starts the next page's content, empty, with nothing yet set. */
  restart(): void {
    PageContent.sink.length = 0;
    this.pen = '';
    this.fill = '';
  }

  /** Operators and binary strings: a byte a character. */
  text(operators: string): void {
    PageContent.sink.text(operators);
  }

  /** A whole number (a marked-content id). */
  int(value: number): void {
    PageContent.sink.int(value);
  }

  /** Bytes made earlier (a line's code, render/pdf.ts), copied in. */
  bytes(data: Uint8Array): void {
    PageContent.sink.put(data);
  }

  /** The page's bytes, for its stream: a view of the shared buffer, to be copied before the next page begins. */
  view(): Buffer {
    return PageContent.sink.bytes.subarray(0, PageContent.sink.length);
  }
}

/**
 * How a glyph is coded on the page, the same in every document (so the
 * renderer can keep a line's drawn bytes between documents, render/pdf.ts).
 * Printable ASCII (U+0020 to U+007E) is one byte, its own code, as in any
 * simple font: most of an English contract, half the bytes of two-byte
 * codes to write, keep and deflate. Every other glyph is two bytes, 0x8000
 * plus its CID. The face's CMap (`encodingOf`) says both: a one-byte code's
 * CID is the glyph the face draws for that character, a two-byte code's CID
 * is the code less 0x8000. A CID is the face's own glyph id (or, past the
 * face's glyphs, a copy: see PdfFont.copy).
 */
export const TWO_BYTE = 0x8000;

/** The code of a character drawn with its glyph `glyph`: one byte for printable ASCII, else two. */
export const codeOf = (character: number, glyph: number): number => (character >= 0x20 && character <= 0x7e ? character : TWO_BYTE | glyph);

const glyphCodes: string[] = [];
/**
 * A code's bytes as they stand in a PDF literal string (one byte below 0x80,
 * else two): half the bytes of hex for the page to hold and deflate. A
 * backslash, a parenthesis and a carriage return are escaped (a reader
 * would take a bare CR inside a string for a LF), so no glyph code can end
 * the string and become an operator.
 */
export function glyphCode(code: number): string {
  let bytes = glyphCodes[code];
  if (bytes === undefined) {
    bytes = '';
    for (const byte of code < 0x80 ? [code] : [code >> 8, code & 0xff]) {
      if (byte === 0x28 || byte === 0x29 || byte === 0x5c) bytes += `\\${String.fromCharCode(byte)}`;
      else if (byte === 0x0d) bytes += '\\r';
      else bytes += String.fromCharCode(byte);
    }
    glyphCodes[code] = bytes;
  }
  return bytes;
}

/** fontkit's subset (its typings leave these out). */
interface Subset {
  readonly glyphs: number[];
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
}

/**
 * A face as this document uses it: the codes it drew, each with its CID and
 * the characters it copies as. The embedded program is a subset made when
 * the document is finished, with a CIDToGIDMap from each CID to its glyph's
 * place in the subset.
 *
 * A mirrored character in right-to-left text gets a CID of its own past the
 * face's glyphs (`copy`): it draws its mirror's glyph and copies as the
 * character typed.
 */
export class PdfFont {
  /** The Type0 font's object: pages name it before it is written. */
  readonly ref: number;
  /** Codes drawn, in the order first drawn, and each one's CID and characters (the first ones it was drawn for). */
  private readonly codes: number[] = [];
  private readonly cids = new Map<number, number>();
  private readonly characters = new Map<number, readonly number[]>();
  /**
   * Per code, 1 once drawn: a one-byte code at its own place, a two-byte
   * code at 0x80 plus its CID. Read by the renderer's loop over a line's
   * glyphs, which calls `include` only for a new one.
   */
  readonly seen: Uint8Array;
  /** The glyph each copy (CID `font.numGlyphs + index`) draws. */
  private readonly copies: number[] = [];

  constructor(
    /** The resource name on the pages (F1, F2), the same for a face in every document. */
    readonly id: string,
    /** The face's name, part of the subset programs' key. */
    readonly key: string,
    readonly font: fontkit.Font,
    ref: number,
  ) {
    // A two-byte code is 0x8000 plus the CID: the face's glyphs and their copies must stay below 0x8000.
    if (font.numGlyphs >= TWO_BYTE - MAX_COPIES) throw new Error(`${key}: ${font.numGlyphs} glyphs, more than two-byte codes can name`);
    this.ref = ref;
    this.seen = new Uint8Array(0x80 + font.numGlyphs);
  }

  /** A code drawn (`codeOf`), the CID it draws and the characters it copies as. */
  include(code: number, cid: number, characters: readonly number[]): void {
    const slot = code < 0x80 ? code : 0x80 + cid;
    if (this.seen[slot] === 1) return;
    this.seen[slot] = 1;
    this.codes.push(code);
    this.cids.set(code, cid);
    this.characters.set(code, characters);
  }

  /** A CID of its own drawing `glyph` and copying as `typed` (a ")" drawn for a "(" typed in right-to-left text): its code on the page. */
  copy(glyph: number, typed: number): number {
    if (this.copies.length >= MAX_COPIES) throw new Error(`${this.key}: more than ${MAX_COPIES} mirrored characters`);
    const cid = this.font.numGlyphs + this.copies.length;
    const code = TWO_BYTE | cid;
    this.copies.push(glyph);
    this.codes.push(code);
    this.cids.set(code, cid);
    this.characters.set(code, [typed]);
    return code;
  }

  /** What the document drew, in code order: each code's CID, the glyph of the face it draws, and the characters it copies as. */
  drawn(): Drawn {
    const { numGlyphs } = this.font;
    return {
      codes: [...this.codes].sort((a, b) => a - b),
      cidOf: (code) => this.cids.get(code)!,
      glyphOf: (cid) => (cid < numGlyphs ? cid : this.copies[cid - numGlyphs]!),
      characters: (code) => this.characters.get(code) ?? [],
    };
  }
}

/** Mirrored characters a document can draw in one face (each has its own CID): far more than Unicode's mirrored pairs. */
const MAX_COPIES = 512;

interface Drawn {
  readonly codes: readonly number[];
  readonly cidOf: (code: number) => number;
  readonly glyphOf: (cid: number) => number;
  readonly characters: (code: number) => readonly number[];
}

/** The codespace of a face's codes: one byte below 0x80, two from 0x8000. */
const CODESPACE = '2 begincodespacerange\n<00> <7f>\n<8000> <ffff>\nendcodespacerange';

/** A code in a CMap: two hex digits for one byte, four for two. */
const codeHex = (code: number) => (code < 0x80 ? code.toString(16).padStart(2, '0') : code.toString(16).padStart(4, '0'));

/** The CMap stream of each face (its objects are the same in every document), made once. */
const encodings = new Map<string, { readonly name: string; readonly body: Buffer }>();

/**
 * The face's CMap from codes to CIDs: each printable ASCII character's
 * byte to the glyph the face draws it with, and 0x8000 plus a CID to that
 * CID. Embedded, as PDF/A asks of any CMap but Identity-H; its CIDSystemInfo
 * is the CID font's (Adobe-Identity-0).
 */
function encodingOf(font: PdfFont): { readonly name: string; readonly body: Buffer } {
  let found = encodings.get(font.key);
  if (!found) {
    const cmapName = `${font.font.postscriptName.replace(/[^A-Za-z0-9-]/g, '')}-FCG-H`;
    const ascii: string[] = [];
    for (let character = 0x20; character <= 0x7e; character++) ascii.push(`<${codeHex(character)}> ${font.font.glyphForCodePoint(character).id}`);
    const cmap = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo 3 dict dup begin
/Registry (Adobe) def
/Ordering (Identity) def
/Supplement 0 def
end def
/CMapName /${cmapName} def
/CMapType 1 def
/WMode 0 def
${CODESPACE}
${ascii.length} begincidchar
${ascii.join('\n')}
endcidchar
1 begincidrange
<8000> <ffff> 0
endcidrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
    const body = streamBody(
      { Type: '/CMap', CMapName: `/${cmapName}`, CIDSystemInfo: '<<\n/Registry (Adobe)\n/Ordering (Identity)\n/Supplement 0\n>>', WMode: '0', Filter: '/FlateDecode' },
      deflateSync(Buffer.from(cmap, 'latin1'), { level: 9 }),
    );
    found = { name: cmapName, body };
    encodings.set(font.key, found);
  }
  return found;
}

const hex4 = (value: number) => value.toString(16).padStart(4, '0');

/** Characters as ToUnicode writes them: UTF-16BE in hex, a surrogate pair above U+FFFF. */
function utf16(characters: readonly number[]): string {
  let encoded = '';
  for (const code of characters) {
    if (code > 0xffff) {
      const value = code - 0x10000;
      encoded += `${hex4(0xd800 | ((value >>> 10) & 0x3ff))}${hex4(0xdc00 | (value & 0x3ff))}`;
    } else encoded += hex4(code);
  }
  return encoded;
}

/** The ToUnicode CMap: each code drawn to the characters it was drawn for, a hundred a block as CMaps keep them. */
function toUnicodeMap(codes: readonly number[], characters: (code: number) => readonly number[]): string {
  const blocks: string[] = [];
  const mapped = codes.filter((code) => characters(code).length > 0);
  for (let start = 0; start < mapped.length; start += 100) {
    const entries = mapped.slice(start, start + 100).map((code) => `<${codeHex(code)}> <${utf16(characters(code))}>`);
    blocks.push(`${entries.length} beginbfchar\n${entries.join('\n')}\nendbfchar`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
${CODESPACE}
${blocks.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}

/** `[first [w w …] first [w …]]`: the widths of the CIDs drawn, consecutive CIDs in one run. */
function widthsArray(cids: readonly number[], width: (cid: number) => number): string {
  let out = '';
  let previous = -2;
  for (const cid of cids) {
    if (cid !== previous + 1) out += `${out === '' ? '' : '] '}${cid} [`;
    else out += ' ';
    out += number(width(cid));
    previous = cid;
  }
  return `[${out === '' ? '' : `${out}]`}]`;
}

/**
 * What a font's objects hold for the glyphs a document drew, made once: the
 * deflated subset program (fontkit's subsetting and the deflate of the font
 * file were a third of a PDF's time), its tag, the descriptor's and CID
 * font's entries, and the deflated CID set, CIDToGIDMap and ToUnicode map.
 * Most documents of a language draw the same glyphs, and the same glyphs
 * give the same parts.
 */
interface SubsetParts {
  readonly program: Uint8Array;
  /** The program's length before deflating (/Length1). */
  readonly length: number;
  readonly fontName: string;
  readonly descriptor: Entries;
  readonly widths: string;
  readonly cidSet: Uint8Array;
  readonly cidToGid: Uint8Array;
  readonly toUnicode: Uint8Array;
  /** Bytes kept, counted against the ceiling. */
  readonly size: number;
}

/**
 * Kept subsets' parts by face and everything the parts are made from (each
 * code, its CID, the glyph it draws and the characters it copies as, in
 * code order): the same list, the same parts. Found by a 32-bit hash of the
 * list, then the list itself compared byte for byte, so two lists never
 * share parts. (Building the list as a string for every font of every
 * document was a twentieth of a PDF's time; a SHA-256 digest of it, a
 * fiftieth.)
 */
const subsetParts = new Map<string, { readonly fields: Buffer; readonly parts: SubsetParts }[]>();
/** A ceiling on the kept parts' bytes: a Japanese subset is tens of kB, a Latin one a few. */
const MAX_SUBSET_BYTES = 4 * 1024 * 1024;
let subsetBytes = 0;

/** FNV-1a over the list's 32-bit fields: which bucket to look in, not proof of anything. */
function fieldsHash(fields: Uint32Array): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < fields.length; index++) hash = Math.imul(hash ^ fields[index]!, 0x01000193);
  return hash >>> 0;
}

function partsOf(font: PdfFont): SubsetParts {
  const drawn = font.drawn();
  let length = 0;
  for (const code of drawn.codes) length += 4 + drawn.characters(code).length;
  const fields = new Uint32Array(length);
  let at = 0;
  for (const code of drawn.codes) {
    const characters = drawn.characters(code);
    const cid = drawn.cidOf(code);
    fields[at++] = code;
    fields[at++] = cid;
    fields[at++] = drawn.glyphOf(cid);
    fields[at++] = characters.length;
    for (const character of characters) fields[at++] = character;
  }
  const bytes = Buffer.from(fields.buffer, fields.byteOffset, fields.byteLength);
  const key = `${font.key}:${fieldsHash(fields)}`;
  const bucket = subsetParts.get(key);
  const found = bucket?.find((kept) => kept.fields.equals(bytes));
  if (bucket && found) {
    // Most recently used last: the oldest go first when the ceiling is reached.
    subsetParts.delete(key);
    subsetParts.set(key, bucket);
    return found.parts;
  }
  const parts = makeParts(font, bytes, drawn);
  for (const [oldest, kept] of subsetParts) {
    if (subsetBytes + parts.size + bytes.length <= MAX_SUBSET_BYTES) break;
    subsetParts.delete(oldest);
    for (const { fields: oldFields, parts: old } of kept) subsetBytes -= old.size + oldFields.length;
  }
  const entry = { fields: Buffer.from(bytes), parts };
  const kept = subsetParts.get(key);
  if (kept) kept.push(entry);
  else subsetParts.set(key, [entry]);
  subsetBytes += parts.size + bytes.length;
  return parts;
}

function makeParts(font: PdfFont, fields: Buffer, drawn: Drawn): SubsetParts {
  const { font: face } = font;
  const scale = 1000 / face.unitsPerEm;
  // The CIDs drawn (a glyph drawn with a one-byte and a two-byte code is one CID), in order.
  const cids = [...new Set(drawn.codes.map(drawn.cidOf))].sort((a, b) => a - b);
  // The subset in CID order (glyph 0, .notdef, first, as in every TrueType subset), and each CID's place in it.
  const subset = (face as unknown as { createSubset(): Subset }).createSubset();
  const last = cids.length === 0 ? 0 : cids[cids.length - 1]!;
  const cidToGid = Buffer.alloc(2 * (last + 1));
  for (const cid of cids) cidToGid.writeUInt16BE(subset.includeGlyph(drawn.glyphOf(cid)), 2 * cid);
  const encoded = subset.encode();
  const program = deflateSync(encoded, { level: 9 });
  // Six capital letters naming the subset (PDF's `ABCDEF+` tag), from what it holds: another subset, another tag.
  const digest = createHash('md5').update(font.key).update(fields).digest();
  let tag = '';
  for (let index = 0; index < 6; index++) tag += String.fromCharCode(65 + (digest[index]! % 26));
  const tables = face as unknown as { 'OS/2'?: { sFamilyClass?: number }; post: { isFixedPitch: boolean }; head: { macStyle: { italic: boolean } } };
  const familyClass = (tables['OS/2']?.sFamilyClass ?? 0) >> 8;
  // Symbolic (the glyphs are named by id, not by a standard encoding); fixed pitch, serif, script, italic as the font says.
  let flags = 1 << 2;
  if (tables.post.isFixedPitch) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (tables.head.macStyle.italic) flags |= 1 << 6;
  const fontName = name(`${tag}+${face.postscriptName.replaceAll(' ', '_')}`);
  const { bbox } = face;
  // The CIDs the program holds a glyph for: 0 (.notdef) and every one drawn.
  const cidSet = new Uint8Array(Math.ceil((last + 1) / 8));
  for (const cid of [0, ...cids]) cidSet[cid >> 3]! |= 0x80 >> cid % 8;
  const deflatedSet = deflateSync(cidSet);
  const deflatedMap = deflateSync(cidToGid, { level: 9 });
  const toUnicode = deflateSync(Buffer.from(toUnicodeMap(drawn.codes, drawn.characters), 'latin1'));
  const widths = widthsArray(cids, (cid) => face.getGlyph(drawn.glyphOf(cid)).advanceWidth * scale);
  return {
    program,
    length: encoded.length,
    fontName,
    descriptor: {
      Type: '/FontDescriptor',
      FontName: fontName,
      Flags: String(flags),
      FontBBox: `[${[bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((value) => number(value * scale)).join(' ')}]`,
      ItalicAngle: number(face.italicAngle),
      Ascent: number(face.ascent * scale),
      Descent: number(face.descent * scale),
      CapHeight: number((face.capHeight || face.ascent) * scale),
      XHeight: number((face.xHeight || 0) * scale),
      StemV: '0',
    },
    widths,
    cidSet: deflatedSet,
    cidToGid: deflatedMap,
    toUnicode,
    size: program.length + widths.length + deflatedSet.length + deflatedMap.length + toUnicode.length,
  };
}

/** The font's objects: program, descriptor (with the CID set), CID font with widths and CIDToGIDMap, Type0 font with its CMap and ToUnicode map. */
function writeFont(writer: PdfWriter, font: PdfFont): void {
  const parts = partsOf(font);
  const file = writer.reserve();
  writer.stream(file, { Length1: String(parts.length), Filter: '/FlateDecode' }, parts.program);
  const set = writer.reserve();
  writer.stream(set, { Filter: '/FlateDecode' }, parts.cidSet);
  const descriptor = writer.reserve();
  writer.object(descriptor, dictionary({ ...parts.descriptor, FontFile2: reference(file), CIDSet: reference(set) }));
  const map = writer.reserve();
  writer.stream(map, { Filter: '/FlateDecode' }, parts.cidToGid);
  const descendant = writer.reserve();
  writer.object(
    descendant,
    dictionary({
      Type: '/Font',
      Subtype: '/CIDFontType2',
      BaseFont: parts.fontName,
      CIDSystemInfo: '<<\n/Registry (Adobe)\n/Ordering (Identity)\n/Supplement 0\n>>',
      FontDescriptor: reference(descriptor),
      W: parts.widths,
      CIDToGIDMap: reference(map),
    }),
  );
  const toUnicode = writer.reserve();
  writer.stream(toUnicode, { Filter: '/FlateDecode' }, parts.toUnicode);
  const encoding = writer.reserve();
  writer.raw(encoding, encodingOf(font).body);
  writer.object(
    font.ref,
    dictionary({ Type: '/Font', Subtype: '/Type0', BaseFont: parts.fontName, Encoding: reference(encoding), DescendantFonts: `[${reference(descendant)}]`, ToUnicode: reference(toUnicode) }),
  );
}

let iccStream: Buffer | undefined;
/**
 * The sRGB profile's stream, deflated once for every document: the ICC's own
 * sRGB2014 profile (assets/sRGB2014.icc, 3 kB, which the ICC lets anyone copy
 * and embed), the output intent PDF/A asks for with DeviceRGB colours.
 */
function sRgbProfile(): Buffer {
  iccStream ??= streamBody({ N: '3', Filter: '/FlateDecode' }, deflateSync(readFileSync(join(PROJECT_ROOT, 'assets', 'sRGB2014.icc'))));
  return iccStream;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface DocumentInfo {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords?: string;
  readonly creator: string;
  /** The document's language (`en-US`). */
  readonly language: string;
}

const PRODUCER = 'Freelance contract generator';

/**
 * The XMP packet PDF/A asks for: the PDF/A part and conformance, and the
 * Info dictionary's entries again (title, author, subject, keywords,
 * creator, producer, date), escaped as XML.
 */
function xmp(info: DocumentInfo, created: Date): Buffer {
  const text = (value: string) => escapeXml(value);
  return Buffer.from(
    `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>3</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreateDate>${created.toISOString().slice(0, 19)}Z</xmp:CreateDate>
<xmp:CreatorTool>${text(info.creator)}</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${text(info.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${text(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${text(info.subject)}</rdf:li></rdf:Alt></dc:description>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>${text(PRODUCER)}</pdf:Producer>${info.keywords ? `\n<pdf:Keywords>${text(info.keywords)}</pdf:Keywords>` : ''}
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`,
    'utf8',
  );
}

const structureTypes = new Map<string, string>();
/** A structure type as a name (/P, /TD), made once: the renderer names a few dozen types, thousands of times. */
function structureType(type: string): string {
  let found = structureTypes.get(type);
  if (found === undefined) {
    found = name(type);
    structureTypes.set(type, found);
  }
  return found;
}

interface Page {
  readonly id: number;
  readonly fonts: Map<string, number>;
  /** The structure element of each marked-content id on the page, in order. */
  readonly marks: Element[];
}

/**
 * The document being written: pages one after another (each finished, its
 * content deflated, before the next begins), then `finish` writes the fonts,
 * the structure tree, the metadata and the catalogue.
 */
export class PdfDocument {
  private readonly writer = new PdfWriter();
  private readonly pagesId = this.writer.reserve();
  private readonly structRoot = this.writer.reserve();
  private readonly pages: Page[] = [];
  /** Every structure element, in the order made. */
  private readonly elements: Element[] = [];
  private readonly roots: Element[] = [];
  private readonly fonts: PdfFont[] = [];
  private attachment: number | undefined;
  private page: Page | undefined;
  readonly content = new PageContent();
  private readonly created = new Date();

  constructor(
    private readonly info: DocumentInfo,
    private readonly size: { readonly width: number; readonly height: number },
  ) {}

  /** A font of this document for a face, under the resource name `id` (F1, F2…); render/pdf.ts keeps one per face. */
  font(id: string, key: string, face: fontkit.Font): PdfFont {
    const font = new PdfFont(id, key, face, this.writer.reserve());
    this.fonts.push(font);
    return font;
  }

  /** The font in the current page's resources. */
  use(font: PdfFont): void {
    this.current().fonts.set(font.id, font.ref);
  }

  /** Starts a page, in PDF's own coordinates (up from the page's foot): the renderer turns its top-down positions as it writes them. */
  addPage(): void {
    if (this.page) this.endPage();
    this.page = { id: this.writer.reserve(), fonts: new Map(), marks: [] };
    this.pages.push(this.page);
    this.content.restart();
  }

  /** Starts marked content tied to the node's structure element (made, with its parents, on first use), until `close`. */
  open(node: StructureNode): void {
    const page = this.current();
    const element = this.element(node);
    const mcid = page.marks.length;
    if (mcid >= MARKS_A_PAGE) throw new Error(`More than ${MARKS_A_PAGE} pieces of marked content on one page`);
    page.marks.push(element);
    addKid(element, (this.pages.length - 1) * MARKS_A_PAGE + mcid);
    const { content } = this;
    content.text(structureType(node.type));
    content.text(' <</MCID ');
    content.int(mcid);
    content.text('>> BDC\n');
  }

  /** Ends the marked content (or artifact) begun last. */
  close(): void {
    this.content.text('EMC\n');
  }

  /** Draws content that is not the document's text (the running header, rules, shading): an artifact, skipped by screen readers. */
  artifact(draw: () => void): void {
    this.content.text('/Artifact BMC\n');
    draw();
    this.close();
  }

  /** The file attached as PDF/A-3 lets a document carry its source: an EmbeddedFile with its size, date and MD5, under the Source relationship. */
  attach(fileName: string, description: string, bytes: Uint8Array, subtype: string): void {
    const file = this.writer.reserve();
    this.writer.stream(
      file,
      {
        Type: '/EmbeddedFile',
        Subtype: name(subtype),
        Params: dictionary({ ModDate: pdfDate(this.created), CheckSum: hexString(createHash('md5').update(bytes).digest()), Size: String(bytes.length) }),
        Filter: bytes.length < STORED_ATTACHMENT_BYTES ? undefined : '/FlateDecode',
      },
      bytes.length < STORED_ATTACHMENT_BYTES ? bytes : deflateSync(bytes, SMALL_DEFLATE),
    );
    this.attachment = this.writer.reserve();
    this.writer.object(
      this.attachment,
      dictionary({ Type: '/Filespec', AFRelationship: '/Source', F: textString(fileName), UF: textString(fileName), EF: `<<\n/F ${reference(file)}\n>>`, Desc: textString(description) }),
    );
    this.attachmentName = fileName;
  }

  private attachmentName = '';

  /** Everything after the last page, and the file. */
  finish(): Buffer {
    const { writer, info } = this;
    if (this.page) this.endPage();
    this.page = undefined;
    for (const font of this.fonts) writeFont(writer, font);
    writer.object(this.pagesId, dictionary({ Type: '/Pages', Count: String(this.pages.length), Kids: `[${this.pages.map((page) => reference(page.id)).join(' ')}]` }));

    // The structure tree: each element with its parent and kids; the ParentTree maps each page's marked-content ids back to their elements.
    for (const element of this.elements) this.writeElement(element);
    const parentTree = writer.reserve();
    const nums = this.pages.map((page, index) => `${index} [${page.marks.map((element) => reference(element.id)).join(' ')}]`).join(' ');
    writer.object(parentTree, dictionary({ Nums: `[${nums}]` }));
    writer.object(
      this.structRoot,
      dictionary({ Type: '/StructTreeRoot', ParentTree: reference(parentTree), ParentTreeNextKey: String(this.pages.length), K: `[${this.roots.map((root) => reference(root.id)).join(' ')}]` }),
    );

    const markInfo = writer.reserve();
    writer.object(markInfo, dictionary({ Marked: 'true' }));
    const metadata = writer.reserve();
    // Uncompressed, as PDF/A asks, so a reader finds it without inflating.
    writer.stream(metadata, { Type: '/Metadata', Subtype: '/XML' }, xmp(info, this.created));
    const profile = writer.reserve();
    writer.raw(profile, sRgbProfile());
    const intent = writer.reserve();
    writer.object(
      intent,
      dictionary({ Type: '/OutputIntent', S: '/GTS_PDFA1', Info: textString('sRGB IEC61966-2.1'), OutputConditionIdentifier: textString('sRGB IEC61966-2.1'), DestOutputProfile: reference(profile) }),
    );
    const documentInfo = writer.reserve();
    writer.object(
      documentInfo,
      dictionary({
        Title: textString(info.title),
        Author: textString(info.author),
        Subject: textString(info.subject),
        Keywords: info.keywords ? textString(info.keywords) : undefined,
        Creator: textString(info.creator),
        Producer: textString(PRODUCER),
        CreationDate: pdfDate(this.created),
      }),
    );
    const attached = this.attachment === undefined ? undefined : reference(this.attachment);
    const root = writer.reserve();
    writer.object(
      root,
      dictionary({
        Type: '/Catalog',
        Pages: reference(this.pagesId),
        Names: attached && `<<\n/EmbeddedFiles <<\n/Names [${textString(this.attachmentName)} ${attached}]\n>>\n>>`,
        Lang: textString(info.language),
        ViewerPreferences: '<<\n/DisplayDocTitle true\n>>',
        MarkInfo: reference(markInfo),
        StructTreeRoot: reference(this.structRoot),
        Metadata: reference(metadata),
        OutputIntents: `[${reference(intent)}]`,
        AF: attached && `[${attached}]`,
      }),
    );
    // The file identifier: a digest of what identifies this document (its description and the moment it was made).
    const id = createHash('md5').update(`${this.created.getTime()}\n${info.title}\n${info.author}\n${info.subject}\n${this.pages.length}`).digest();
    return writer.finish({ root, info: documentInfo, id });
  }

  private current(): Page {
    if (!this.page) throw new Error('Drawn before the first page');
    return this.page;
  }

  private element(node: StructureNode): Element {
    const held = node.element as Element | undefined;
    if (held !== undefined && held.owner === this) return held;
    const parent = node.parent ? this.element(node.parent) : undefined;
    const made: Element = { owner: this, id: this.writer.reserve(), node, parent: parent?.id ?? this.structRoot, first: undefined, more: undefined };
    if (parent) addKid(parent, made);
    else this.roots.push(made);
    this.elements.push(made);
    node.element = made;
    return made;
  }

  /**
   * As `dictionary` would write it (/S, /P, /Pg, /Lang, /A, /K), written
   * directly: a document has hundreds of elements. A marked-content kid on
   * the element's own page (/Pg, the page of its first) is its MCID alone;
   * one on another page (a paragraph that runs over) a marked-content
   * reference naming its page.
   */
  private writeElement(element: Element): void {
    const { options } = element.node;
    const { first, more } = element;
    const count = first === undefined ? 0 : 1 + (more?.length ?? 0);
    // The kids in order, without an array made for them: the first, then the rest.
    let page: number | undefined;
    for (let index = 0; index < count && page === undefined; index++) {
      const kid = index === 0 ? first! : more![index - 1]!;
      if (typeof kid === 'number') page = Math.floor(kid / MARKS_A_PAGE);
    }
    const out = this.writer.begin(element.id);
    out.text('<<\n/S ');
    out.text(structureType(element.node.type));
    out.text('\n/P ');
    out.int(element.parent);
    out.text(' 0 R\n');
    if (page !== undefined) {
      out.text('/Pg ');
      out.int(this.pages[page]!.id);
      out.text(' 0 R\n');
    }
    if (options?.lang !== undefined) out.text(`/Lang ${textString(options.lang)}\n`);
    if (options?.scope !== undefined) out.text(`/A <<\n/O /Table\n/Scope ${name(options.scope)}\n>>\n`);
    out.text('/K [');
    for (let index = 0; index < count; index++) {
      const kid = index === 0 ? first! : more![index - 1]!;
      if (index > 0) out.text(' ');
      if (typeof kid !== 'number') {
        out.int(kid.id);
        out.text(' 0 R');
        continue;
      }
      const onPage = Math.floor(kid / MARKS_A_PAGE);
      const mcid = kid % MARKS_A_PAGE;
      if (onPage === page) out.int(mcid);
      else {
        out.text('<<\n/Type /MCR\n/Pg ');
        out.int(this.pages[onPage]!.id);
        out.text(' 0 R\n/MCID ');
        out.int(mcid);
        out.text('\n>>');
      }
    }
    out.text(']\n>>');
    this.writer.end();
  }

  private endPage(): void {
    const page = this.current();
    const contents = this.writer.reserve();
    // Not deflated: see docs/pdf.md ("The page content is not compressed"). The writer copies the bytes into the file.
    this.writer.stream(contents, {}, this.content.view());
    let fonts = '';
    for (const [id, ref] of page.fonts) fonts += `${name(id)} ${reference(ref)}\n`;
    const entries: Entries = {
      Type: '/Page',
      Parent: reference(this.pagesId),
      MediaBox: `[0 0 ${number(this.size.width)} ${number(this.size.height)}]`,
      Contents: reference(contents),
      Resources: `<<\n/ProcSet [/PDF /Text]\n/Font <<\n${fonts}>>\n>>`,
      StructParents: String(this.pages.indexOf(page)),
    };
    this.writer.object(page.id, dictionary(entries));
    this.content.restart();
  }
}
