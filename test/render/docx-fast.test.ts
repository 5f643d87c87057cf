// The fast writer (render/docx-package.ts + docx-xml.ts), held to the docx
// library's file for the same contract: what a reader sees must not differ.
// test/render/docx.test.ts runs its own assertions over both renderers; this
// file compares the two files with each other, part by part.
import { crc32, inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { answersSchema, type AnswersInput } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import type { Contract } from '../../src/contract/tree.ts';
import { renderContractDocx } from '../../src/render/docx.ts';
import { contractDocxWriter, framedPart, writeContractDocx } from '../../src/render/docx-package.ts';
import { readEmbeddedAnswers } from '../../src/render/embedded-answers.ts';
import { findAll, findFirst, openDocx, parseXmlStrict, W, type DocxPackage } from '../helpers/docx-reader.ts';
import { hostileInput } from '../helpers/hostile-answers.ts';
import { JA_SAMPLE_NAMES, SAMPLE_NAMES, sampleInput } from '../helpers/samples.ts';

const library = loadContractLibrary();
const contractFrom = (input: AnswersInput): Contract => assembleContract(answersSchema.parse(input), library);

/**
 * Parts the writer makes for each contract that are compared as parsed XML;
 * it also makes the two answers parts, compared byte for byte with the rest
 * (every other part is the docx library's, stored once).
 */
const COMPARED_AS_XML = ['word/document.xml', 'word/header1.xml', 'docProps/core.xml'];

/** What a reader sees of each paragraph of a part (the parsed element itself left out). */
function paragraphsOf(docx: DocxPackage, part: string) {
  return docx.paragraphs(part).map(({ element: _element, ...seen }) => seen);
}

function withoutTimes(core: Record<string, string>) {
  const { created: _created, modified: _modified, ...rest } = core;
  return rest;
}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly data: Uint8Array;
  /** CRC and sizes from the data descriptor after the data, when the local header defers them there. */
  readonly descriptor?: { crc: number; compressedSize: number; size: number };
}

/** Reads a zip's central directory and each entry's local header the way a strict reader would, without fflate. */
function zipEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end, 'end of central directory').toBeGreaterThan(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    expect(zip.readUInt32LE(at), 'central directory signature').toBe(0x02014b50);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    expect(zip.readUInt32LE(local), `local header of ${name}`).toBe(0x04034b50);
    const localNameLength = zip.readUInt16LE(local + 26);
    expect(zip.toString('utf8', local + 30, local + 30 + localNameLength)).toBe(name);
    const dataStart = local + 30 + localNameLength + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    let descriptor: ZipEntry['descriptor'];
    if (flags & 8) {
      let d = dataStart + compressedSize;
      if (zip.readUInt32LE(d) === 0x08074b50) d += 4;
      descriptor = { crc: zip.readUInt32LE(d), compressedSize: zip.readUInt32LE(d + 4), size: zip.readUInt32LE(d + 8) };
    }
    entries.push({ name, method, crc, size, data, descriptor });
  }
  return entries;
}

// The samples' currencies give US Letter (USD) and A4 (GBP); each is also made on the other paper.
const CASES: { name: string; contract: () => Contract }[] = [
  ...SAMPLE_NAMES.map((sample) => ({ name: `the ${sample} sample`, contract: () => contractFrom(sampleInput(sample)) })),
  { name: 'the new-client-fixed sample on A4', contract: () => contractFrom({ ...sampleInput('new-client-fixed'), paperSize: 'a4' }) },
  { name: 'the returning-client-hourly sample on US Letter', contract: () => contractFrom({ ...sampleInput('returning-client-hourly'), paperSize: 'letter' }) },
  { name: 'hostile answers', contract: () => contractFrom(hostileInput()) },
  // A Japanese contract has its own styles, numbering and footer among the constant parts.
  ...JA_SAMPLE_NAMES.map((sample) => ({ name: `the ${sample} sample`, contract: () => contractFrom(sampleInput(sample)) })),
  // Hyphenated emails after 電子メール： get a break space before them (render/address-hyphens.ts).
  { name: 'the ja/tokyo-fixed sample with hyphenated emails', contract: () => contractFrom(withEmails(sampleInput('ja/tokyo-fixed'), 'ya-ma-da@mi-do-ri.example', 'ha-na@ha-na-design.example')) },
];

function withEmails(input: AnswersInput, client: string, freelancer: string): AnswersInput {
  const loose = input as AnswersInput & { client: object; freelancer: object };
  return { ...loose, client: { ...loose.client, email: client }, freelancer: { ...loose.freelancer, email: freelancer } } as AnswersInput;
}

/** The w:pgSz of word/document.xml's section properties. */
function pageSize(docx: DocxPackage) {
  const sections = findAll(docx.xml('word/document.xml'), W, 'sectPr');
  expect(sections).toHaveLength(1);
  const { 'w:w': width, 'w:h': height } = findFirst(sections[0]!, W, 'pgSz')!.attributes;
  return { width, height };
}

const TWIPS = { letter: { width: '12240', height: '15840' }, a4: { width: '11906', height: '16838' } } as const;

/** The width between the 1300-twip margins: what every table's grid adds up to. */
const TEXT_WIDTH = { letter: 9640, a4: 9306 } as const;

/** Each table's w:gridCol widths in twips, in document order. */
function tableGrids(docx: DocxPackage): number[][] {
  return findAll(docx.xml('word/document.xml'), W, 'tbl').map((table) =>
    findAll(findFirst(table, W, 'tblGrid')!, W, 'gridCol').map((col) => Number(col.attributes['w:w'])),
  );
}

describe.each(CASES)('the fast Word file for $name, against the docx library’s', ({ contract: makeContract }) => {
  let contract: Contract;
  let oracle: DocxPackage;
  let oracleBytes: Buffer;
  let buffer: Buffer;
  let fast: DocxPackage;

  beforeAll(async () => {
    contract = makeContract();
    oracleBytes = await renderContractDocx(contract);
    oracle = openDocx(oracleBytes);
    buffer = await writeContractDocx(contract);
    fast = openDocx(buffer); // parses every .xml and .rels part strictly
  });

  it('holds the same parts, every XML part parsing strictly', () => {
    expect([...fast.partNames].sort()).toEqual([...oracle.partNames].sort());
    expect(fast.partNames[0]).toBe('[Content_Types].xml');
  });

  it('has the same paragraphs in the same order: text, style, numbering, direction', () => {
    const paragraphs = paragraphsOf(fast, 'word/document.xml');
    expect(paragraphs.length).toBeGreaterThan(50);
    expect(paragraphs).toEqual(paragraphsOf(oracle, 'word/document.xml'));
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(contract.sections.map((s) => s.title));
  });

  it('has the same header text and the same "Page X of Y" footer fields', () => {
    expect(paragraphsOf(fast, 'word/header1.xml')).toEqual(paragraphsOf(oracle, 'word/header1.xml'));
    expect(fast.text('word/header1.xml')).toBe(oracle.text('word/header1.xml'));
    expect(fast.paragraphs('word/footer1.xml').flatMap((p) => p.fields)).toEqual(['PAGE', 'NUMPAGES']);
    expect(paragraphsOf(fast, 'word/footer1.xml')).toEqual(paragraphsOf(oracle, 'word/footer1.xml'));
  });

  it('sets the page size its answers ask for, as the docx library does', () => {
    expect(pageSize(fast)).toEqual(TWIPS[contract.meta.paperSize]);
    expect(pageSize(fast)).toEqual(pageSize(oracle));
  });

  it('sizes every table’s grid to its paper’s text width, as the docx library does', () => {
    const grids = tableGrids(fast);
    // English: parties, fees, signatures; Japanese: the fees (parties and seal lines are wording).
    expect(grids).toHaveLength(contract.meta.language === 'ja' ? 1 : 3);
    expect(grids).toEqual(tableGrids(oracle));
    for (const columns of grids) expect(columns.reduce((sum, width) => sum + width, 0)).toBe(TEXT_WIDTH[contract.meta.paperSize]);
  });

  it('has the same core properties, stamped with the time it was made', () => {
    const core = fast.coreProperties();
    expect(withoutTimes(core)).toEqual(withoutTimes(oracle.coreProperties()));
    expect(core.title).toBeTruthy();
    expect(core.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(core.modified).toBe(core.created);
  });

  it('writes word/document.xml, the header and the core properties as the same XML as the docx library: elements, attributes and text', () => {
    for (const part of COMPARED_AS_XML) {
      const ours = parseXmlStrict(fast.xmlText(part).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME'), part);
      const theirs = parseXmlStrict(oracle.xmlText(part).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME'), part);
      expect(ours, part).toEqual(theirs);
    }
  });

  it('keeps every other part exactly as the docx library writes it (styles, numbering, settings, footer, relationships)', () => {
    const itemId = /ds:itemID="\{[0-9A-F-]+\}"/;
    for (const name of fast.partNames) {
      if (COMPARED_AS_XML.includes(name)) continue;
      const ours = Buffer.from(fast.bytes(name));
      const theirs = Buffer.from(oracle.bytes(name));
      if (name === 'customXml/itemProps1.xml') {
        // A fresh item id per file, as Word does.
        expect(ours.toString('utf8').replace(itemId, 'ID'), name).toBe(theirs.toString('utf8').replace(itemId, 'ID'));
        expect(ours.toString('utf8')).toMatch(itemId);
      } else {
        expect(ours.equals(theirs), `${name} is the docx library's`).toBe(true);
      }
    }
  });

  it('carries its answers, so it can be loaded back into the wizard', () => {
    expect(readEmbeddedAnswers(buffer)).toEqual(contract.answers);
    expect(answersSchema.parse(readEmbeddedAnswers(buffer))).toEqual(contract.answers);
  });

  it("is a zip a strict reader accepts: every entry deflated, each CRC and size matching what it inflates to", () => {
    const entries = zipEntries(buffer);
    expect(entries.map((e) => e.name)).toEqual(fast.partNames);
    for (const entry of entries) {
      expect(entry.method, entry.name).toBe(8);
      const inflated = inflateRawSync(entry.data);
      expect(inflated.length, entry.name).toBe(entry.size);
      expect(crc32(inflated), entry.name).toBe(entry.crc);
      if (entry.descriptor) expect(entry.descriptor, entry.name).toEqual({ crc: entry.crc, compressedSize: entry.data.length, size: entry.size });
    }
  });
});

describe('the fast writer on a tree the samples never produce', () => {
  // Explicitly "not bold" runs, right-to-left runs and paragraphs, empty
  // paragraphs, lines and list items, tabs and line breaks at the edges,
  // characters XML forbids, three-party tables, a fee table without rows:
  // each a branch of docx.ts that the samples leave untried.
  const treeOn = (paperSize: 'letter' | 'a4'): Contract => {
    const base = contractFrom({ ...sampleInput('new-client-fixed'), paperSize });
    const [first, ...rest] = base.sections;
    return {
      ...base,
      meta: { ...base.meta, projectName: 'שלום project', title: 'Title\u0001 <&>"\'', keywords: '' },
      sections: [
        {
          ...first!,
          title: 'مرحبا clause',
          blocks: [
            { type: 'paragraph', runs: [{ text: '' }] },
            { type: 'paragraph', runs: [] },
            {
              type: 'paragraph',
              runs: [
                { text: 'a\n\nb\n', bold: false },
                { text: '\tx\t', italic: false },
                { text: 'שלום', bold: false, italic: true },
                { text: 'שלום x', bold: true, italic: false },
                { text: 'a\r\nb\u0000c\uD800 & <d>' },
              ],
            },
            { type: 'list', items: [] },
            { type: 'list', items: [[{ text: 'שלום' }, { text: ' item', bold: true }], []] },
            { type: 'table', caption: 'Empty', header: ['A', 'שלום'], rows: [] },
            { type: 'table', caption: 'שלום', header: ['A', 'B'], rows: [{ label: 'x', value: 'שלום', emphasis: false }] },
            {
              type: 'parties',
              parties: [
                { role: 'R1', name: 'N1', address: 'A\nB', email: 'e', phone: 'p' },
                { role: 'R2', name: 'N2', business: 'B', address: 'A', email: 'שלום', phone: 'p' },
                { role: 'R3', name: 'N3', address: 'A', email: 'e', phone: 'p' },
              ],
            },
            { type: 'paragraph', runs: [{ text: 'By signing below' }] },
            {
              type: 'signatures',
              parties: [
                { role: 'R1', name: 'N1', title: 'T' },
                { role: 'R2', name: 'N2', business: 'B' },
                { role: 'R3', name: 'שלום' },
              ],
            },
          ],
        },
        ...rest,
      ],
    };
  };

  // On both papers: the three-party tables' grids round differently on each (3 x 3102 on A4, 3213 + 3214 + 3213 on US Letter).
  it.each(['letter', 'a4'] as const)('writes the same XML as the docx library, on %s', async (paperSize) => {
    const contract = treeOn(paperSize);
    const oracle = openDocx(await renderContractDocx(contract));
    const fast = openDocx(await writeContractDocx(contract));
    for (const part of ['word/document.xml', 'word/header1.xml']) {
      expect(parseXmlStrict(fast.xmlText(part), part), part).toEqual(parseXmlStrict(oracle.xmlText(part), part));
    }
    expect(withoutTimes(fast.coreProperties())).toEqual(withoutTimes(oracle.coreProperties()));
    expect(fast.coreProperties().title).toBe('Title <&>"\'');
    expect(fast.coreProperties()).not.toHaveProperty('keywords');
    expect(pageSize(fast)).toEqual(TWIPS[paperSize]);
    const grids = tableGrids(fast);
    expect(grids.map((columns) => columns.length)).toEqual([2, 2, 3, 3, 2, 2]); // the tree's four, then the sample's fee table and signatures
    expect(grids).toEqual(tableGrids(oracle));
    for (const columns of grids) expect(columns.reduce((sum, width) => sum + width, 0)).toBe(TEXT_WIDTH[paperSize]);
  });
});

describe('the fast writer from one contract to the next', () => {
  it('carries nothing of one contract into the next', async () => {
    const writer = await contractDocxWriter();
    const first = contractFrom(sampleInput('new-client-fixed'));
    const second = contractFrom(sampleInput('returning-client-hourly'));
    const when = new Date('2027-01-02T03:04:05.000Z');
    const before = writer.write(first, when);
    const between = openDocx(writer.write(second, when));
    const after = writer.write(first, when);
    expect(openDocx(after).xmlText('word/document.xml')).toBe(openDocx(before).xmlText('word/document.xml'));
    expect(between.text()).not.toContain(first.answers.client.name);
    // US Letter, then A4, then US Letter again: the page size is the contract's own each time.
    expect(pageSize(openDocx(before))).toEqual(TWIPS.letter);
    expect(pageSize(between)).toEqual(TWIPS.a4);
    expect(pageSize(openDocx(after))).toEqual(TWIPS.letter);
    // And so is the tables' grid: the A4 contract's does not linger into the next.
    expect(tableGrids(openDocx(before))[1]).toEqual([6555, 3085]);
    expect(tableGrids(between)[1]).toEqual([6328, 2978]);
    expect(tableGrids(openDocx(after))[1]).toEqual([6555, 3085]);
    expect(readEmbeddedAnswers(after)).toEqual(first.answers);
  });

  it('writes a body larger than the buffer it keeps for encoding whole, and the next contract after it as before', async () => {
    const writer = await contractDocxWriter();
    const small = contractFrom(sampleInput('new-client-fixed'));
    const when = new Date('2027-01-02T03:04:05.000Z');
    // Over the kept megabyte in UTF-8 (東 takes three bytes), in pieces the writer encodes one after the other.
    const long = '東京 Harbor '.repeat(80_000);
    const [first, ...rest] = small.sections;
    const huge: Contract = { ...small, sections: [{ ...first!, blocks: [{ type: 'paragraph', runs: [{ text: long }] }] }, ...rest] };
    const before = openDocx(writer.write(small, when)).xmlText('word/document.xml');
    const written = openDocx(writer.write(huge, when));
    expect(Buffer.byteLength(written.xmlText('word/document.xml'))).toBeGreaterThan(1024 * 1024);
    expect(written.paragraphs('word/document.xml').some((paragraph) => paragraph.text === long)).toBe(true);
    expect(written.text()).toContain(rest.at(-1)!.title);
    expect(openDocx(writer.write(small, when)).xmlText('word/document.xml')).toBe(before);
  });

  it('refuses answers too large to be loaded back, as the docx library does', async () => {
    const contract = contractFrom(sampleInput('new-client-fixed'));
    const oversized = { ...contract, answers: { ...contract.answers, padding: 'x'.repeat(3 * 1024 * 1024) } } as Contract;
    const writer = await contractDocxWriter();
    expect(() => writer.write(oversized)).toThrow(/more than the \d+ the reader accepts/);
    await expect(renderContractDocx(oversized)).rejects.toThrow(/more than the \d+ the reader accepts/);
  });
});

describe('a part with constant text around a changing middle (header, core properties, answers properties)', () => {
  // The sides are deflated once and the middle stored between them: whatever
  // the middle, the part must inflate to exactly the three joined, with the
  // CRC and size of that text, or Word reports the file as damaged.
  const part = framedPart('word/header1.xml', '<?xml version="1.0"?><w:hdr>'.repeat(20), '</w:hdr>');
  it.each([
    ['empty', ''],
    ['a project name', 'Harbor Coffee website redesign'],
    ['text in three scripts, as UTF-8', 'Café 東京 עברית'.repeat(30)],
    // A stored block holds at most 65,535 bytes: this needs three.
    ['longer than two stored blocks', 'x'.repeat(70_000) + 'é'.repeat(30_000)],
  ])('inflates to the text around %s, with its CRC and size', (_name, middle) => {
    const whole = Buffer.from('<?xml version="1.0"?><w:hdr>'.repeat(20) + middle + '</w:hdr>', 'utf8');
    const deflated = part(middle);
    expect(Buffer.from(inflateRawSync(deflated.data)).equals(whole)).toBe(true);
    expect(deflated.crc).toBe(crc32(whole));
    expect(deflated.size).toBe(whole.length);
    expect(deflated.name).toBe('word/header1.xml');
  });

  it.each([
    ['empty', ''],
    ['a body of paragraphs', '<w:p><w:r><w:t>Café 東京</w:t></w:r></w:p>'.repeat(2_000)],
    ['bytes already encoded', Buffer.from('<w:p/>'.repeat(100), 'utf8')],
  ])('with the middle deflated on its own (word/document.xml), inflates to the text around %s', (_name, middle) => {
    const document = framedPart('word/document.xml', '<w:document><w:body>', '<w:sectPr/></w:body></w:document>', 1);
    const whole = Buffer.concat([Buffer.from('<w:document><w:body>'), Buffer.from(middle), Buffer.from('<w:sectPr/></w:body></w:document>')]);
    const deflated = document(middle);
    expect(Buffer.from(inflateRawSync(deflated.data)).equals(whole)).toBe(true);
    expect(deflated.crc).toBe(crc32(whole));
    expect(deflated.size).toBe(whole.length);
  });

  it('an empty text after the middle still ends the stream (core properties end with their middle)', () => {
    const ending = framedPart('docProps/core.xml', '<a>', '');
    expect(inflateRawSync(ending('<b/></a>').data).toString('utf8')).toBe('<a><b/></a>');
  });
});
