// The Word file's layout, read back from both Word writers with every XML
// part parsed strictly: what keeps a heading, a fee table or the signatures
// from being left alone at a page foot (keepNext), the clause numbering Word
// applies (clause headings and the points inside a clause, 7.1, 7.2 or
// 第7条 then 2, 3), the fee table read as a sum, and the space after a list.
// test/e2e/page-breaks.libreoffice.test.ts checks the printed pages.
import { describe, expect, it } from 'vitest';
import { answersSchema, type AnswersInput } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import type { Contract, Paragraph, Table } from '../../src/contract/tree.ts';
import { CONTRACT_RENDERERS } from '../helpers/contract-renderers.ts';
import { findAll, findFirst, openDocx, readParagraph, textContent, W, type DocxPackage, type XmlElement } from '../helpers/docx-reader.ts';
import { nonEmpty } from '../helpers/non-empty.ts';
import { JA_SAMPLE_NAMES, SAMPLE_NAMES, sampleInput } from '../helpers/samples.ts';

const library = loadContractLibrary();
const contractFrom = (input: AnswersInput): Contract => assembleContract(answersSchema.parse(input), library);

const withVat = (): AnswersInput => {
  const input = sampleInput('new-client-fixed');
  input.fee.tax = { label: 'VAT', percent: 20 };
  return input;
};

const CONTRACTS = [
  ...nonEmpty(SAMPLE_NAMES, 'samples').map((name) => ({ name, input: sampleInput(name) as AnswersInput })),
  { name: 'new-client-fixed with 20% VAT', input: withVat() },
  ...nonEmpty(JA_SAMPLE_NAMES, 'Japanese samples').map((name) => ({ name, input: sampleInput(name) as AnswersInput })),
];

/** Word's numbering for each language: heading and point level texts, and the first point that shows a number. */
const NUMBERING = {
  en: { heading: '%1.', point: '%1.%2', start: '1' },
  ja: { heading: '第%1条', point: '%2\u3000', start: '2' },
} as const;

const child = (element: XmlElement, local: string) =>
  element.children.find((c): c is XmlElement => typeof c !== 'string' && c.uri === W && c.local === local);
const keepsWithNext = (paragraph: XmlElement) => {
  const keepNext = findFirst(child(paragraph, 'pPr') ?? paragraph, W, 'keepNext');
  return keepNext !== undefined && keepNext.attributes['w:val'] !== 'false';
};
/** The body's paragraphs and tables, in order (a table's own paragraphs stay inside it). */
const bodyBlocks = (docx: DocxPackage) =>
  child(docx.xml('word/document.xml'), 'body')!.children.filter((c): c is XmlElement => typeof c !== 'string' && c.uri === W && (c.local === 'p' || c.local === 'tbl'));
const runsText = (paragraph: Paragraph) => paragraph.runs.map((run) => run.text).join('');
const feeTableOf = (contract: Contract) => contract.sections.flatMap((s) => s.blocks).find((b): b is Table => b.type === 'table')!;

describe.each(CONTRACT_RENDERERS)('the Word file made by $name', ({ render }) => {
  describe.each(CONTRACTS)('for $name', ({ input }) => {
    const contract = contractFrom(input);
    const language = contract.meta.language ?? 'en';
    const open = async () => openDocx(await render(contract));

    it('keeps every clause heading with its first lines: the heading style keeps with the next paragraph', async () => {
      const docx = await open();
      const heading = findAll(docx.xml('word/styles.xml'), W, 'style').find((style) => style.attributes['w:styleId'] === 'Heading1')!;
      expect(keepsWithNext(heading)).toBe(true);
      const headings = docx.paragraphs().filter((p) => p.style === 'Heading1');
      expect(headings).toHaveLength(contract.sections.length);
      // No heading overrides its style's keepNext.
      for (const paragraph of headings) expect(findFirst(paragraph.element, W, 'keepNext')).toBeUndefined();
    });

    it('keeps the fee table whole, its caption as its first row, and the paragraph before it on its page', async () => {
      const docx = await open();
      const table = feeTableOf(contract);
      const blocks = bodyBlocks(docx);
      const index = blocks.findIndex((block) => block.local === 'tbl' && textContent(findAll(block, W, 'tr')[0]!) === table.caption);
      expect(index, 'the fee table with its caption row').toBeGreaterThan(0);
      const before = blocks[index - 1]!;
      expect(before.local).toBe('p');
      expect(keepsWithNext(before), `"${textContent(before).slice(0, 40)}" keeps with the table`).toBe(true);
      const rows = findAll(blocks[index]!, W, 'tr');
      expect(rows).toHaveLength(table.rows.length + 2);
      for (const [rowIndex, row] of rows.entries()) {
        expect(findFirst(row, W, 'cantSplit'), `row ${rowIndex} cannot split`).toBeDefined();
        const keeps = findAll(row, W, 'p').every(keepsWithNext);
        expect(keeps, `row ${rowIndex} keeps with the next`).toBe(rowIndex < rows.length - 1);
      }
    });

    it('keeps the signatures with the closing words before them', async () => {
      const docx = await open();
      const blocks = bodyBlocks(docx);
      const signatures = contract.sections.at(-1)!;
      expect(signatures.id).toBe('signatures');
      const headingIndex = blocks.findLastIndex((block) => block.local === 'p' && readParagraph(block).style === 'Heading1');
      const kept = blocks.slice(headingIndex + 1, -1).filter((block) => block.local === 'p' && textContent(block) !== '');
      // Everything from the closing words to the last line before the signature table (or the last seal line) keeps with the next.
      const lastKept = language === 'en' ? kept.length : kept.length - 1;
      expect(lastKept).toBeGreaterThan(0);
      for (const paragraph of kept.slice(0, lastKept)) expect(keepsWithNext(paragraph), `"${textContent(paragraph).slice(0, 30)}" keeps with the next`).toBe(true);
    });

    it('keeps the last paragraph of the clause before the signatures with them, so no page holds the signatures alone', async () => {
      const docx = await open();
      const blocks = bodyBlocks(docx);
      const headingIndex = blocks.findLastIndex((block) => block.local === 'p' && readParagraph(block).style === 'Heading1');
      const before = blocks[headingIndex - 1]!;
      expect(before.local).toBe('p');
      expect(textContent(before)).not.toBe('');
      expect(keepsWithNext(before), `"${textContent(before).slice(0, 40)}" keeps with the signatures heading`).toBe(true);
    });

    it('keeps the whole short clause before the signatures with them: its heading and every paragraph move to the signatures page together', async () => {
      const docx = await open();
      const blocks = bodyBlocks(docx);
      const headings = blocks.flatMap((block, index) => (block.local === 'p' && readParagraph(block).style === 'Heading1' ? [index] : []));
      const [previous, last] = headings.slice(-2) as [number, number];
      // The samples' clause before the signatures is short (General terms, （協議）): kept whole.
      const clause = blocks.slice(previous + 1, last);
      expect(clause.length).toBeGreaterThan(0);
      for (const paragraph of clause) expect(keepsWithNext(paragraph), `"${textContent(paragraph).slice(0, 40)}" keeps with the next`).toBe(true);
    });

    it('numbers clause headings and points with one Word multilevel list: level 2 restarts under each heading', async () => {
      const docx = await open();
      const expected = NUMBERING[language];
      const paragraphs = docx.paragraphs();
      const headingNumIds = new Set(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.numId));
      expect(headingNumIds.size).toBe(1);
      const numId = [...headingNumIds][0]!;
      const numbering = docx.xml('word/numbering.xml');
      const num = findAll(numbering, W, 'num').find((n) => n.attributes['w:numId'] === numId)!;
      const abstractId = findFirst(num, W, 'abstractNumId')!.attributes['w:val'];
      const abstract = findAll(numbering, W, 'abstractNum').find((a) => a.attributes['w:abstractNumId'] === abstractId)!;
      const level = (ilvl: string) => findAll(abstract, W, 'lvl').find((l) => l.attributes['w:ilvl'] === ilvl)!;
      const attribute = (lvl: XmlElement, local: string) => findFirst(lvl, W, local)?.attributes['w:val'];
      expect([attribute(level('0'), 'numFmt'), attribute(level('0'), 'lvlText')]).toEqual(['decimal', expected.heading]);
      expect([attribute(level('1'), 'numFmt'), attribute(level('1'), 'lvlText'), attribute(level('1'), 'start')]).toEqual(['decimal', expected.point, expected.start]);
      // A lvlRestart would stop level 2 restarting under each heading.
      expect(findFirst(level('1'), W, 'lvlRestart')).toBeUndefined();

      // The numbered paragraphs are the tree's points, in order; Japanese leaves each article's first one unnumbered.
      const points = contract.sections
        .flatMap((section) => section.blocks)
        .filter((block): block is Paragraph => block.type === 'paragraph' && block.point !== undefined && block.point >= Number(expected.start));
      const numbered = paragraphs.filter((p) => p.numId === numId && p.level === '1');
      expect(numbered.map((p) => p.text)).toEqual(nonEmpty(points, 'points').map(runsText));
      for (const paragraph of numbered) expect(paragraph.style).toBe('ClausePoint');
    });

    it('leaves space after every list: its last item has more space after it than the items between', async () => {
      const docx = await open();
      const blocks = bodyBlocks(docx).filter((block) => block.local === 'p');
      const isItem = (block: XmlElement | undefined) => block !== undefined && readParagraph(block).style === 'ListParagraph';
      const lastItems = blocks.filter((block, index) => isItem(block) && !isItem(blocks[index + 1]));
      expect(lastItems).toHaveLength(contract.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'list').length);
      for (const item of nonEmpty(lastItems, 'lists')) expect(findFirst(item, W, 'spacing')?.attributes['w:after']).toBe('200');
    });
  });

  describe.each(nonEmpty([...SAMPLE_NAMES, 'new-client-fixed with 20% VAT'], 'English contracts'))('the fee table of %s', (name) => {
    it('reads as a sum: the deposit and the balance, then the price last, the only row in bold', async () => {
      const contract = contractFrom(name === 'new-client-fixed with 20% VAT' ? withVat() : sampleInput(name));
      const docx = openDocx(await render(contract));
      const table = findAll(docx.xml('word/document.xml'), W, 'tbl').find((tbl) => textContent(findAll(tbl, W, 'tr')[0]!) === feeTableOf(contract).caption)!;
      const rows = findAll(table, W, 'tr').slice(2);
      const labels = rows.map((row) => textContent(findAll(row, W, 'tc')[0]!));
      const bold = rows.map((row) => findAll(row, W, 'b').length > 0);
      expect(bold).toEqual(rows.map((_row, index) => index === rows.length - 1));
      const deposit = labels.findIndex((label) => label.startsWith('Deposit'));
      const balance = labels.findIndex((label) => label.startsWith('Balance'));
      const total = labels.at(-1)!;
      if (contract.answers.deposit.percent >= 100) {
        expect([deposit, balance]).toEqual([-1, -1]);
        expect(total).toMatch(/, paid in full before/);
      } else {
        expect(deposit).toBeGreaterThanOrEqual(0);
        expect(balance).toBe(deposit + 1);
        expect(balance).toBeLessThan(labels.length - 1);
        expect(total).toMatch(/^(Total price|Estimated fee|Monthly retainer)/);
      }
    });
  });
});

describe.each(CONTRACT_RENDERERS)('the signature block made by $name', ({ render }) => {
  /** Each signature column's paragraphs as text, left to right. */
  const columns = async (input: AnswersInput) => {
    const docx = openDocx(await render(contractFrom(input)));
    const table = bodyBlocks(docx).findLast((block) => block.local === 'tbl')!;
    return findAll(table, W, 'tc').map((cell) => findAll(cell, W, 'p').map((p) => readParagraph(p).text));
  };

  it('lines its columns up when only one party has a business: the same lines in each, the business named in bold', async () => {
    const input = sampleInput('new-client-fixed');
    delete input.client.business;
    const [freelancer, client] = await columns(input);
    expect(freelancer!.length).toBe(client!.length);
    expect(freelancer).toEqual(['Freelancer', 'Lee Studio LLC', '', 'Signature', 'Jordan Lee', 'Name', input.freelancer.title ?? '', 'Title', '', 'Date']);
    expect(client!.slice(1, 6)).toEqual([input.client.name, '', 'Signature', '', 'Name']);
  });

  it('gives a client entered as a company alone a line for the name of whoever signs for it', async () => {
    const input = sampleInput('new-client-fixed');
    delete input.client.business;
    input.client.name = 'Harbor Coffee Co.';
    const [, client] = await columns(input);
    expect(client).toContain('Name');
    expect(client![client!.indexOf('Name') - 1]).toBe('');
  });
});
