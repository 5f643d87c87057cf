// Paragraphs inside a clause are numbered as points (7.1, 7.2), so they can be
// cited; the HTML preview prints the numbers Word gives them.
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { numberPoints } from '../../src/contract/points.ts';
import type { Block, Paragraph } from '../../src/contract/tree.ts';
import { renderContractHtml } from '../../src/render/html.ts';
import { sampleInput } from '../helpers/samples.ts';

const paragraph = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });
const list: Block = { type: 'list', items: [[{ text: 'one' }], [{ text: 'two' }]] };
const table: Block = { type: 'table', caption: 'Fees', header: ['Item', 'Amount'], rows: [] };

describe('points in a clause', () => {
  it('numbers every paragraph of a clause of two or more, skipping lists and tables', () => {
    expect(numberPoints([paragraph('A.'), list, paragraph('B.'), table, paragraph('C.')])).toEqual([
      { ...paragraph('A.'), point: 1 },
      list,
      { ...paragraph('B.'), point: 2 },
      table,
      { ...paragraph('C.'), point: 3 },
    ]);
  });

  it('leaves a clause of one paragraph unnumbered: it is cited as the clause', () => {
    const blocks = [paragraph('Only this.'), table];
    expect(numberPoints(blocks)).toBe(blocks);
  });

  it('reads a lower-case paragraph after a list as the rest of the sentence before the list, not a new point', () => {
    expect(numberPoints([paragraph('Between:'), list, paragraph('each a Party.'), paragraph('Next.')])).toEqual([
      { ...paragraph('Between:'), point: 1 },
      list,
      { ...paragraph('each a Party.'), continuesPoint: true },
      { ...paragraph('Next.'), point: 2 },
    ]);
    // Only one point is left: the clause is not divided.
    const single = [paragraph('Between:'), list, paragraph('each a Party.')];
    expect(numberPoints(single)).toBe(single);
  });

  it('reads a paragraph a colon introduces as part of the point before it: 2.1 never ends with a colon and its description is not 2.2', () => {
    expect(numberPoints([paragraph('The Freelancer will carry out the project (the “Project”):'), paragraph('Design a website.'), paragraph('Work starts soon.')])).toEqual([
      { ...paragraph('The Freelancer will carry out the project (the “Project”):'), point: 1 },
      { ...paragraph('Design a website.'), continuesPoint: true },
      { ...paragraph('Work starts soon.'), point: 2 },
    ]);
  });

  it('a colon inside a paragraph introduces nothing: only one that ends it, blanks after it allowed', () => {
    expect(numberPoints([paragraph('Payment: within 14 days of each invoice.'), paragraph('Late payment costs 1% a month.')])).toEqual([
      { ...paragraph('Payment: within 14 days of each invoice.'), point: 1 },
      { ...paragraph('Late payment costs 1% a month.'), point: 2 },
    ]);
    expect(numberPoints([paragraph('The deliverables are: '), paragraph('A logo.'), paragraph('Work starts soon.')])).toEqual([
      { ...paragraph('The deliverables are: '), point: 1 },
      { ...paragraph('A logo.'), continuesPoint: true },
      { ...paragraph('Work starts soon.'), point: 2 },
    ]);
    // A paragraph with no text yet introduces nothing either.
    const empty: Block = { type: 'paragraph', runs: [] };
    expect(numberPoints([paragraph('First.'), empty, paragraph('Third.')])).toEqual([
      { ...paragraph('First.'), point: 1 },
      { ...empty, point: 2 },
      { ...paragraph('Third.'), point: 3 },
    ]);
  });

  it('counts a paragraph starting with a digit or a capital as a point of its own', () => {
    const numbered = numberPoints([paragraph('Items:'), list, paragraph('30 days later.'), paragraph('Then.')]);
    expect(numbered.filter((b) => b.type === 'paragraph').map((b) => (b.type === 'paragraph' ? b.point : undefined))).toEqual([1, 2, 3]);
  });

  it('counts a paragraph starting with a title-case letter (ǅ), a digit, a quote or a Japanese character as a point of its own', () => {
    expect.hasAssertions();
    for (const start of ['ǅamija je', '“Work” means', '2. The', '受託者は']) {
      const numbered = numberPoints([paragraph('Items:'), list, paragraph(start), paragraph('Then.')]);
      expect(numbered.filter((b) => b.type === 'paragraph').map((b) => (b.type === 'paragraph' ? b.point : undefined)), start).toEqual([1, 2, 3]);
    }
  });

  it('a table or a second list right after a list, and a paragraph without text, leave the numbering alone', () => {
    const empty: Block = { type: 'paragraph', runs: [] };
    expect(numberPoints([paragraph('Fees:'), list, table, list, paragraph('Next.'), list, empty])).toEqual([
      { ...paragraph('Fees:'), point: 1 },
      list,
      table,
      list,
      { ...paragraph('Next.'), point: 2 },
      list,
      { ...empty, point: 3 },
    ]);
  });

  it('a paragraph after a table, or a lower-case one not after a list, is a point of its own', () => {
    const numbered = numberPoints([paragraph('Fees:'), table, paragraph('each due on receipt.'), paragraph('and more.')]);
    expect(numbered.filter((b) => b.type === 'paragraph').map((b) => (b.type === 'paragraph' ? b.point : undefined))).toEqual([1, 2, 3]);
  });
});

describe('the HTML preview numbers the points as Word does', () => {
  const library = loadContractLibrary();

  it('7.1, 7.2 in English, after the clause number', () => {
    const contract = assembleContract(answersSchema.parse(sampleInput('new-client-fixed')), library);
    const html = renderContractHtml(contract);
    const late = contract.sections.findIndex((s) => s.id === 'late-payment') + 1;
    expect(html).toContain(`<h2><span class="clause-number">${late}.</span> Late payment</h2>`);
    expect(html).toContain(`<p dir="auto" class="point"><span class="point-number">${late}.1</span> An invoice not paid when due`);
    expect(html).toContain(`<span class="point-number">${late}.2</span> If an invoice is unpaid`);
    // The signatures are one paragraph and a block: no point numbers there.
    expect(html).toContain('<p dir="auto">By signing below, each Party agrees to this Agreement.</p>');
  });

  it('第N条, then 2, 3 from an article’s second paragraph in Japanese', () => {
    const contract = assembleContract(answersSchema.parse(sampleInput('ja/tokyo-fixed')), library);
    const html = renderContractHtml(contract);
    expect(html).toContain('<article class="contract" lang="ja">');
    expect(html).toContain('<h2><span class="clause-number">第1条</span>（目的）</h2>');
    const first = contract.sections[0]!;
    const [point1, point2] = first.blocks.filter((b): b is Paragraph => b.type === 'paragraph');
    expect(point1).toMatchObject({ point: 1 });
    expect(html).toContain(`<p dir="auto" class="point">${point1!.runs[0]!.text.slice(0, 10)}`);
    expect(html).toContain(`<p dir="auto" class="point"><span class="point-number">2\u3000</span>${point2!.runs[0]!.text.slice(0, 10)}`);
  });
});
