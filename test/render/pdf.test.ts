// The PDF read back: what makes it archivable (PDF/A-3b: XMP identification,
// an output intent, every font embedded and subset), accessible (tagged, in
// the document's language, a structure tree of headings, paragraphs, lists and
// tables), described (title and author), and able to start a draft (the
// answers attached). Its pages, from the layout itself: a clause heading never
// ends a page, the signatures stay with the words that introduce them, no
// paragraph leaves a single line alone, and Japanese lines break by kinsoku.
// test/e2e/pdf.poppler.test.ts reads the same files with qpdf, pdffonts and pdftotext.
import { describe, expect, it } from 'vitest';
import { answersSchema, type AnswersInput } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import type { Contract } from '../../src/contract/tree.ts';
import type { Invoice } from '../../src/invoices/tree.ts';
import { assembleInvoice } from '../../src/invoices/assemble.ts';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import { assembleLetter } from '../../src/letters/assemble.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { readPdfAnswers, PdfAnswersError } from '../../src/render/pdf-answers.ts';
import { breakLines, layoutCacheSize, LAYOUT_CACHE_CHARACTERS, LAYOUT_CACHE_ENTRIES, type Line } from '../../src/render/pdf-lines.ts';
import type { LayoutBlock, Placement } from '../../src/render/pdf-layout.ts';
import { contractPages, FACE_IDS, invoicePages, renderContractPdf, renderInvoicePdf, renderLetterPdf } from '../../src/render/pdf.ts';
import { FORBIDDEN, hostileInput } from '../helpers/hostile-answers.ts';
import { letterRequest } from '../helpers/letters.ts';
import { nonEmpty } from '../helpers/non-empty.ts';
import { objectsOfType, pageContents, pdfText, shownTexts } from '../helpers/pdf-reader.ts';
import { JA_SAMPLE_NAMES, SAMPLE_NAMES, sampleInput } from '../helpers/samples.ts';

const library = loadContractLibrary();
const contractFrom = (input: AnswersInput): Contract => assembleContract(answersSchema.parse(input), library);

/** The attached file's stream dictionary, as written (its data not read). */
const embeddedFileDictionary = (pdf: Buffer) => /\d+ 0 obj\n(<<\n\/Type \/EmbeddedFile\n[\s\S]*?>>)\nstream\n/.exec(pdf.toString('latin1'))![1]!;

describe('a contract PDF', () => {
  it('is PDF/A-3b with an sRGB output intent, titled and authored as the Word file is', async () => {
    const contract = contractFrom(sampleInput('new-client-fixed'));
    const text = pdfText(await renderContractPdf(contract));
    expect(text.startsWith('%PDF-1.7')).toBe(true);
    expect(text).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(text).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(text).toContain('/S /GTS_PDFA1');
    expect(text).toContain(`<rdf:li xml:lang="x-default">${contract.meta.title}</rdf:li>`);
    expect(text).toContain(`<rdf:li>${contract.meta.author}</rdf:li>`);
    expect(text).toContain('/DisplayDocTitle true');
  });

  it('is tagged in English: headings, paragraphs, a list and the fee table in the structure tree', async () => {
    const text = pdfText(await renderContractPdf(contractFrom(sampleInput('new-client-fixed'))));
    expect(text).toContain('/Lang (en-US)');
    expect(text).toContain('/Marked true');
    expect(text).toContain('/Type /StructTreeRoot');
    for (const type of ['Document', 'H1', 'H2', 'Sect', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Caption']) expect(text, type).toContain(`/S /${type}\n`);
    // The running header and the page numbers are not read out as content.
    expect(text).toContain('/Artifact BMC');
  });

  it('reads top to bottom on every page: the running header at the top, the page number at the foot, the text between them in order', async () => {
    const contract = contractFrom(sampleInput('new-client-fixed'));
    const contents = pageContents(await renderContractPdf(contract));
    expect(contents).toHaveLength(contractPages(contract).length);
    for (const content of contents) {
      // PDF's y runs up from the page's foot (Letter: 792 pt tall): each text object's start, from its first move.
      const starts = [...content.matchAll(/BT\b[^(]*? (-?[\d.]+) (-?[\d.]+) Td/g)].map((match) => Number(match[2]));
      const [header, footer, ...text] = nonEmpty(starts, 'text objects');
      expect(header).toBeGreaterThan(792 - 72);
      expect(footer).toBeLessThan(72);
      for (const y of text) {
        expect(y).toBeLessThan(header!);
        expect(y).toBeGreaterThan(footer!);
      }
      expect(text[0]).toBeGreaterThan(text.at(-1)!);
    }
  });

  it('embeds and subsets every font it uses: Carlito for English', async () => {
    const text = pdfText(await renderContractPdf(contractFrom(sampleInput('new-client-fixed'))));
    const descriptors = nonEmpty(objectsOfType(text, 'FontDescriptor'), 'font descriptors');
    for (const descriptor of descriptors) {
      expect(descriptor).toMatch(/\/FontName \/[A-Z]{6}\+Carlito-/);
      expect(descriptor).toMatch(/\/FontFile2 \d+ 0 R/);
    }
  });

  it('sets a Japanese contract in Noto Serif JP, in Japanese (ja-JP)', async () => {
    const text = pdfText(await renderContractPdf(contractFrom(sampleInput(nonEmpty(JA_SAMPLE_NAMES, 'Japanese samples')[0]!))));
    expect(text).toContain('/Lang (ja-JP)');
    const descriptors = nonEmpty(objectsOfType(text, 'FontDescriptor'), 'font descriptors');
    for (const descriptor of descriptors) expect(descriptor).toMatch(/\/FontName \/[A-Z]{6}\+NotoSerifJP-/);
  });

  it('carries the answers it was made from, which read back as they went in', async () => {
    const answers = answersSchema.parse(sampleInput('returning-client-hourly'));
    const pdf = await renderContractPdf(assembleContract(answers, library));
    expect(pdfText(pdf)).toContain('/AFRelationship /Source');
    expect(answersSchema.parse(readPdfAnswers(pdf))).toEqual(answers);
    // A few kB of answers are stored as they are.
    expect(embeddedFileDictionary(pdf)).not.toContain('/Filter');
  });

  it('deflates long answers (pages of typed text), which read back the same', async () => {
    const input = sampleInput('returning-client-hourly');
    const answers = answersSchema.parse({ ...input, project: { ...input.project, description: 'A long brief. '.repeat(1400) } });
    const pdf = await renderContractPdf(assembleContract(answers, library));
    expect(embeddedFileDictionary(pdf)).toContain('/Filter /FlateDecode');
    expect(answersSchema.parse(readPdfAnswers(pdf))).toEqual(answers);
  });

  it('a PDF without attached answers is refused with a sentence', async () => {
    const letter = assembleLetter('final-check-in', letterRequest('final-check-in'), loadLetterLibrary());
    const pdf = await renderLetterPdf({ ...letter, answers: undefined });
    expect(() => readPdfAnswers(pdf)).toThrow(PdfAnswersError);
    expect(() => readPdfAnswers(Buffer.from('%PDF-1.7\n/Type /EmbeddedFile 1 0 obj <<>> stream\nnot json'))).toThrow('This PDF was not made by this app');
  });

  it('prints hostile answers as text: markup stays words, forbidden characters go, nothing breaks the file', async () => {
    const contract = contractFrom(hostileInput());
    const pdf = await renderContractPdf(contract);
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    const lines = breakLines([{ text: contract.meta.projectName }], { size: 11 }, 400, 'en');
    const printed = lines.map((line) => line.pieces.map((piece) => piece.text).join('')).join('');
    // The name starts with Hebrew, so it is a right-to-left paragraph: its pieces come in the order drawn from the left.
    // The "<" between the Arabic and the markup belongs to the right-to-left stretch (UAX #9), drawn with it.
    expect(printed).toContain('script>alert("x")</script> &amp; & "quoted"');
    expect(lines.flatMap((line) => line.pieces).find((piece) => piece.text.trim() === '<')?.rtl).toBe(true);
    expect(printed).toContain('שלום עליכם');
    expect(printed).toContain('مرحبا');
    expect(printed.replace(/\s/g, '')).toMatch(/契約書の条.*項/);
    for (const character of FORBIDDEN) expect(printed).not.toContain(character);
    // The very long word is broken to fit, not run off the page.
    for (const line of nonEmpty(lines, 'lines')) expect(line.width).toBeLessThanOrEqual(400.001);
  });
});

// ---------------------------------------------------------------------------
// PDF/A-3b, as far as it can be checked without veraPDF (not packaged for Debian)

/** The file's objects by number, their streams inflated (test/helpers/pdf-reader.ts). */
function objectsOf(pdf: Buffer): Map<number, string> {
  const objects = new Map<number, string>();
  for (const match of pdfText(pdf).matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(Number(match[1]), match[2]!);
  return objects;
}

/** The object a key of a dictionary points at (`/Key 12 0 R`). */
function follow(objects: Map<number, string>, dictionary: string, key: string): string {
  const reference = new RegExp(`/${key} (\\d+) 0 R`).exec(dictionary);
  expect(reference, `/${key} in ${dictionary.slice(0, 80)}`).not.toBeNull();
  const target = objects.get(Number(reference![1]));
  expect(target, `object ${reference![1]}`).toBeDefined();
  return target!;
}

describe.each([
  { name: 'the English contract', make: () => renderContractPdf(contractFrom(sampleInput('new-client-fixed'))) },
  { name: 'the Japanese contract', make: () => renderContractPdf(contractFrom(sampleInput(nonEmpty(JA_SAMPLE_NAMES, 'Japanese samples')[0]!))) },
  {
    name: 'an invoice',
    make: () => renderInvoicePdf(assembleInvoice(invoiceRequestSchema.parse({ answers: sampleInput('new-client-fixed'), invoice: { kind: 'deposit', number: 'INV-1', issuedOn: '2026-12-01' } }))),
  },
])('$name, read as a PDF/A-3b validator would', ({ make }) => {
  it('opens with a binary comment, is not encrypted, and has a file identifier', async () => {
    const pdf = await make();
    expect(pdf.subarray(0, 9).toString('latin1')).toBe('%PDF-1.7\n');
    // PDF/A: the header's second line is a comment of at least four bytes above 127.
    const second = pdf.subarray(9, pdf.indexOf(0x0a, 9));
    expect(second[0]).toBe(0x25);
    expect([...second.subarray(1)].filter((byte) => byte > 127).length).toBeGreaterThanOrEqual(4);
    const trailer = pdf.toString('latin1').slice(pdf.lastIndexOf('trailer'));
    expect(trailer).not.toContain('/Encrypt');
    expect(trailer).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
    expect(pdfText(pdf)).not.toMatch(/\/JavaScript|\/JS /);
  });

  it('identifies itself as PDF/A-3b in uncompressed XMP, with an sRGB output intent, and is tagged', async () => {
    const pdf = await make();
    const objects = objectsOf(pdf);
    const catalog = nonEmpty([...objects.values()].filter((object) => object.includes('/Type /Catalog\n')), 'catalogs')[0]!;
    const metadata = follow(objects, catalog, 'Metadata');
    expect(metadata).not.toContain('/Filter');
    expect(metadata).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(metadata).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    const intent = nonEmpty([...objects.values()].filter((object) => object.includes('/Type /OutputIntent\n')), 'output intents')[0]!;
    expect(catalog).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(intent).toContain('/S /GTS_PDFA1');
    const profile = follow(objects, intent, 'DestOutputProfile');
    const icc = Buffer.from(profile.slice(profile.indexOf('stream\n') + 'stream\n'.length), 'latin1');
    // An ICC profile: its signature at byte 36, an RGB colour space at 16.
    expect(icc.subarray(36, 40).toString('latin1')).toBe('acsp');
    expect(icc.subarray(16, 20).toString('latin1')).toBe('RGB ');
    expect(follow(objects, catalog, 'MarkInfo')).toContain('/Marked true');
    expect(follow(objects, catalog, 'StructTreeRoot')).toContain('/Type /StructTreeRoot');
    expect(catalog).toMatch(/\/Lang \((en-US|ja-JP)\)/);
  });

  it('embeds every font it uses as a subset, with a map back to the characters', async () => {
    const pdf = await make();
    const objects = objectsOf(pdf);
    const fonts = nonEmpty([...objects.values()].filter((object) => object.includes('/Type /Font\n') && object.includes('/Subtype /Type0')), 'fonts');
    for (const font of fonts) {
      expect(font).toMatch(/\/ToUnicode \d+ 0 R/);
      const descendant = objects.get(Number(/\/DescendantFonts \[(\d+) 0 R\]/.exec(font)![1]))!;
      const descriptor = follow(objects, descendant, 'FontDescriptor');
      expect(descriptor).toMatch(/\/FontName \/[A-Z]{6}\+/);
      expect(follow(objects, descriptor, 'FontFile2').length).toBeGreaterThan(1000);
    }
    // No font that is only named (the standard 14 are not embedded).
    expect([...objects.values()].filter((object) => object.includes('/Subtype /Type1'))).toEqual([]);
  });
});

/** The pieces a page's placements draw, in the order drawn: a label before its paragraph's lines; a row cell by cell. */
function piecesDrawn(placements: readonly Placement[]): Line['pieces'][number][] {
  const pieces: Line['pieces'][number][] = [];
  for (const { block, from, to } of placements) {
    if (block.kind === 'row') {
      for (const cell of block.cells) for (const paragraph of cell.paragraphs) for (const line of paragraph.lines) pieces.push(...line.pieces);
      continue;
    }
    if (from === 0 && block.label) pieces.push(...block.label.line.pieces);
    for (const line of block.lines.slice(from, to)) pieces.push(...line.pieces);
  }
  return pieces;
}

/** A colour as the page's `rg` writes it: each channel to two decimals. */
const rgOperands = (hex: string) => [0, 2, 4].map((at) => String(Number((parseInt(hex.slice(at, at + 2), 16) / 255).toFixed(2)))).join(' ');

describe('fonts and colours on the page', () => {
  it.each([
    ['English', 'new-client-fixed'],
    ['Japanese', JA_SAMPLE_NAMES[0]!],
  ])('%s: every string is shown in the font, size and colour its line was set in, though a page names each only where it changes', async (_, name) => {
    const contract = contractFrom(sampleInput(name));
    const pages = contractPages(contract);
    const contents = pageContents(await renderContractPdf(contract));
    expect(contents).toHaveLength(pages.length);
    let named = 0;
    let shownAll = 0;
    contents.forEach((content, index) => {
      const shown = shownTexts(content);
      const pieces = piecesDrawn(pages[index]!);
      // The running header and the page number come first, as artifacts: the number small and grey.
      const furniture = shown.length - pieces.length;
      expect(furniture, `page ${index + 1}`).toBe(2);
      expect(shown[1]).toMatchObject({ size: 9, color: rgOperands('595959') });
      if (name === 'new-client-fixed') expect(shown[1]!.bytes).toBe(`Page ${index + 1} of ${pages.length}`);
      pieces.forEach((piece, at) => {
        const drawn = shown[furniture + at]!;
        expect({ font: drawn.font, size: drawn.size, color: drawn.color }, `page ${index + 1}, "${piece.text}"`).toEqual({ font: `/${FACE_IDS[piece.face]}`, size: piece.size, color: rgOperands(piece.color) });
        if (/^[\x20-\x7e]*$/.test(piece.text)) expect(drawn.bytes).toBe(piece.text);
      });
      named += content.match(/ Tf\b/g)?.length ?? 0;
      shownAll += shown.length;
    });
    // Not a font named for every string: body text goes on in the font already set.
    expect(named).toBeLessThan(shownAll / 2);
  });
});

describe('letters and invoices', () => {
  it('a letter made from a contract\'s answers carries them, so it can start a draft', async () => {
    const request = letterRequest('final-check-in');
    const letter = assembleLetter('final-check-in', request, loadLetterLibrary());
    const pdf = await renderLetterPdf(letter);
    expect(readPdfAnswers(pdf)).toEqual(letter.answers);
    expect(pdfText(pdf)).toContain('/S /H1\n');
  });

  it('an invoice is a tagged PDF/A with its lines as a table', async () => {
    const invoice = assembleInvoice(invoiceRequestSchema.parse({ answers: sampleInput('new-client-fixed'), invoice: { kind: 'deposit', number: 'INV-1', issuedOn: '2026-12-01' } }));
    const text = pdfText(await renderInvoicePdf(invoice));
    expect(text).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(text).toContain('/S /Table\n');
    for (const type of ['THead', 'TBody', 'TR', 'TH', 'TD']) expect(text, type).toContain(`/S /${type}\n`);
  });

  it('a table longer than a page sets its header row again at the top of the next page, as the Word file marks it', async () => {
    const invoice = assembleInvoice(invoiceRequestSchema.parse({ answers: sampleInput('new-client-fixed'), invoice: { kind: 'deposit', number: 'INV-1', issuedOn: '2026-12-01' } }));
    const long: Invoice = { ...invoice, lines: { ...invoice.lines, lines: Array.from({ length: 70 }, (_, index) => ({ number: index + 1, description: `Design round ${index + 1}`, amount: '$100.00' })) } };
    const pages = invoicePages(long);
    expect(pages.length).toBeGreaterThan(1);
    const cellText = (placement: Placement) =>
      placement.block.kind === 'row' ? placement.block.cells.map((cell) => cell.paragraphs.map((paragraph) => paragraph.lines.map((line) => line.pieces.map((piece) => piece.text).join('')).join(' ')).join(' ')) : [];
    // The pages after the first that the lines reach (the notes follow on a page of their own).
    const continued = pages.slice(1).filter((page) => page.some((placement) => cellText(placement)[1]?.startsWith('Design round')));
    expect(continued.length).toBeGreaterThan(0);
    for (const page of continued) {
      const [first, second] = page;
      expect(first!.repeated).toBe(true);
      expect(cellText(first!)).toEqual(['No.', 'Description', 'Amount']);
      expect(second!.repeated).toBeUndefined();
      expect(cellText(second!)[1]).toMatch(/^Design round \d+$/);
    }
    // Read once: the repeated rows are drawn as artifacts, so the structure tree has one header row.
    const text = pdfText(await renderInvoicePdf(long));
    expect(text.match(/\/S \/THead\n/g)).toHaveLength(1);
    expect(text.match(/\/S \/TH\n/g)).toHaveLength(3);
  });
});

// ---------------------------------------------------------------------------
// Pages, from the layout

const isHeading = (block: LayoutBlock) => block.kind === 'text' && block.tag.type === 'H2';
const isSignatures = (block: LayoutBlock) => block.kind === 'row' && block.cells.some((cell) => cell.paragraphs.some((paragraph) => paragraph.rule));

const CASES = [
  ...nonEmpty(SAMPLE_NAMES, 'samples').flatMap((name) => (['letter', 'a4'] as const).map((paperSize) => ({ name: `${name} on ${paperSize}`, input: { ...sampleInput(name), paperSize } as AnswersInput }))),
  ...nonEmpty(JA_SAMPLE_NAMES, 'Japanese samples').map((name) => ({ name, input: sampleInput(name) as AnswersInput })),
];

describe.each(CASES)('the pages of the $name contract', ({ input }) => {
  it('never end with a clause heading', () => {
    const pages = contractPages(contractFrom(input));
    for (const page of nonEmpty(pages, 'pages').slice(0, -1)) expect(isHeading(page[page.length - 1]!.block)).toBe(false);
  });

  it('never leave one line of a paragraph alone at the foot or the head of a page', () => {
    const pages = contractPages(contractFrom(input));
    const parts = new Map<LayoutBlock, Placement[]>();
    for (const placement of pages.flat()) parts.set(placement.block, [...(parts.get(placement.block) ?? []), placement]);
    const split = [...parts.values()].filter((placements) => placements.length > 1);
    for (const placements of split) for (const placement of placements) expect(placement.to - placement.from).toBeGreaterThanOrEqual(2);
    expect(pages.flat().length).toBeGreaterThan(0);
  });

  it('keep the signatures on the page of the words that introduce them', () => {
    const pages = contractPages(contractFrom(input));
    const withSignatures = pages.filter((page) => page.some((placement) => isSignatures(placement.block)));
    if (input.language === 'ja') {
      // The Japanese contract signs with seal lines in its closing article, kept together like any paragraph.
      expect(withSignatures).toEqual([]);
      return;
    }
    expect(withSignatures).toHaveLength(1);
    const page = withSignatures[0]!;
    const at = page.findIndex((placement) => isSignatures(placement.block));
    expect(at).toBeGreaterThan(0);
    expect(page.slice(0, at).some((placement) => isHeading(placement.block))).toBe(true);
  });
});

describe('justified Japanese', () => {
  it('a wrapped line is stretched to the margin between its characters, and the last line of a paragraph is not', async () => {
    const text = '受託者は、委託者から本業務を受託し、誠実に遂行する。'.repeat(6);
    const lines = breakLines([{ text }], { size: 11 }, 300, 'ja');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(0, -1).every((line) => line.wrapped === true)).toBe(true);
    expect(lines[lines.length - 1]!.wrapped).toBeUndefined();
    // A line ended by a line break (an address) stays as typed.
    expect(breakLines([{ text: '大阪府大阪市北区\n梅田1-1-1' }], { size: 11 }, 300, 'ja').map((line) => line.wrapped)).toEqual([undefined, undefined]);

    // The Japanese contract sets character spacing (Tc) on its wrapped lines; the English one, flush left as its Word file, never does.
    const spacing = (pdf: Buffer) => [...pdfText(pdf).matchAll(/BT (-?[\d.]+) Tc /g)].map((match) => Number(match[1]));
    const ja = spacing(await renderContractPdf(contractFrom(sampleInput(nonEmpty(JA_SAMPLE_NAMES, 'Japanese samples')[0]!))));
    expect(ja.length).toBeGreaterThan(10);
    // Less than a character's width shared out across a line: the text still reads as one word run.
    for (const each of ja) {
      expect(each).toBeGreaterThan(0);
      expect(each).toBeLessThan(11);
    }
    expect(spacing(await renderContractPdf(contractFrom(sampleInput('new-client-fixed'))))).toEqual([]);
  });
});

describe('Japanese line breaking', () => {
  it('no line starts with 。、」） and none ends with 「（', () => {
    const text = '受託者は、委託者から「本業務」（以下「本業務」という。）を受託する。'.repeat(12);
    for (const width of [120, 157, 203, 250, 311]) {
      const lines = breakLines([{ text }], { size: 11 }, width, 'ja').map((line) => line.pieces.map((piece) => piece.text).join(''));
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) {
        expect(line).not.toMatch(/^[。、」）]/);
        expect(line).not.toMatch(/[「（]$/);
      }
      expect(lines.join('')).toBe(text);
    }
  });
});

describe('paragraphs kept between documents', () => {
  const textOf = (lines: readonly Line[]) => lines.map((line) => line.pieces.map((piece) => piece.text).join('')).join('\n');

  it('gives a paragraph the lines of its own text and style only', () => {
    // The same words in another weight, size, width or language are measured again: bold Carlito is wider.
    const plainLines = breakLines([{ text: 'Payment is due within 30 days of each invoice.' }], { size: 11 }, 120, 'en');
    const boldLines = breakLines([{ text: 'Payment is due within 30 days of each invoice.', bold: true }], { size: 11 }, 120, 'en');
    expect(boldLines[0]!.pieces[0]!.face).toBe('latinBold');
    expect(plainLines[0]!.pieces[0]!.face).toBe('latin');
    expect(boldLines[0]!.width).not.toBe(plainLines[0]!.width);
    // Two runs that join to the same text as one run are not the same paragraph when their styles differ.
    const split = breakLines([{ text: 'Payment is due ' }, { text: 'within 30 days of each invoice.', italic: true }], { size: 11 }, 120, 'en');
    expect(split.flatMap((line) => line.pieces).some((piece) => piece.face === 'latinItalic')).toBe(true);
    expect(textOf(split)).toBe(textOf(plainLines));
    // One run typed to spell what a paragraph of two runs is kept by (each run's style, length and text) is its own text.
    const two = breakLines([{ text: 'Payment ' }, { text: 'due', bold: true }], { size: 11 }, 400, 'en');
    const spelled = breakLines([{ text: ['---', '', '', 8, 'Payment ', '1--', '', '', 3, 'due'].join('\u0001') }], { size: 11 }, 400, 'en');
    expect(textOf(two)).toBe('Payment due');
    expect(textOf(spelled)).toBe('---8Payment 1--3due');
  });

  it('keeps at most LAYOUT_CACHE_ENTRIES paragraphs, one used again kept over the ones never used again', () => {
    const kept = breakLines([{ text: 'A clause every contract holds.' }], { size: 11 }, 400, 'en');
    for (let index = 0; index < LAYOUT_CACHE_ENTRIES + 500; index++) {
      breakLines([{ text: `Client number ${index} of many.` }], { size: 11 }, 400, 'en');
      // Used by every document: it stays.
      if (index % 1000 === 0) breakLines([{ text: 'A clause every contract holds.' }], { size: 11 }, 400, 'en');
    }
    const { entries, characters } = layoutCacheSize();
    expect(entries).toBe(LAYOUT_CACHE_ENTRIES);
    expect(characters).toBeLessThanOrEqual(LAYOUT_CACHE_CHARACTERS);
    expect(breakLines([{ text: 'A clause every contract holds.' }], { size: 11 }, 400, 'en')).toBe(kept);
    expect(textOf(breakLines([{ text: 'Client number 0 of many.' }], { size: 11 }, 400, 'en'))).toBe('Client number 0 of many.');
  });

  it('keeps one text set a few ways, each width its own lines', () => {
    const text = 'The deposit is non-refundable once work has started on the project.';
    const before = layoutCacheSize().entries;
    const widths = Array.from({ length: 20 }, (_, index) => 100 + index * 20);
    const lines = widths.map((width) => breakLines([{ text }], { size: 11 }, width, 'en'));
    expect(layoutCacheSize().entries - before).toBeLessThanOrEqual(8);
    // Narrower, more lines; and the widest set again is the one kept, not another width's.
    expect(lines[0]!.length).toBeGreaterThan(lines.at(-1)!.length);
    for (const set of lines) expect(textOf(set).replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(breakLines([{ text }], { size: 11 }, widths.at(-1)!, 'en')).toBe(lines.at(-1));
  });

  it('keeps no more than LAYOUT_CACHE_CHARACTERS characters of text, however long the paragraphs', () => {
    const long = 'x'.repeat(LAYOUT_CACHE_CHARACTERS / 4);
    for (let index = 0; index < 6; index++) breakLines([{ text: `${index}${long}` }], { size: 11 }, 400, 'en');
    expect(layoutCacheSize().characters).toBeLessThanOrEqual(LAYOUT_CACHE_CHARACTERS);
  });
});
