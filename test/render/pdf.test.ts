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
import { breakLines } from '../../src/render/pdf-lines.ts';
import type { LayoutBlock, Placement } from '../../src/render/pdf-layout.ts';
import { contractPages, invoicePages, renderContractPdf, renderInvoicePdf, renderLetterPdf } from '../../src/render/pdf.ts';
import { FORBIDDEN, hostileInput } from '../helpers/hostile-answers.ts';
import { letterRequest } from '../helpers/letters.ts';
import { nonEmpty } from '../helpers/non-empty.ts';
import { objectsOfType, pdfText } from '../helpers/pdf-reader.ts';
import { JA_SAMPLE_NAMES, SAMPLE_NAMES, sampleInput } from '../helpers/samples.ts';

const library = loadContractLibrary();
const contractFrom = (input: AnswersInput): Contract => assembleContract(answersSchema.parse(input), library);

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
    expect(printed).toContain('<script>alert("x")</script> &amp; & "quoted"');
    expect(printed).toContain('契約書の条項');
    for (const character of FORBIDDEN) expect(printed).not.toContain(character);
    // The very long word is broken to fit, not run off the page.
    for (const line of nonEmpty(lines, 'lines')) expect(line.width).toBeLessThanOrEqual(400.001);
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
    const spacing = (pdf: Buffer) => [...pdfText(pdf).matchAll(/ Tf (-?[\d.]+) Tc </g)].map((match) => Number(match[1]));
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
