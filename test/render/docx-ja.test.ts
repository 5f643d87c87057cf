// The Japanese contract's Word file, read back: Word numbers the clauses
// 第1条 …, the text carries the Tokyo figures and courts, and the runs are
// Japanese (font and language), from both Word writers.
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { renderContractHtml } from '../../src/render/html.ts';
import { CONTRACT_RENDERERS } from '../helpers/contract-renderers.ts';
import { findAll, findFirst, openDocx, W } from '../helpers/docx-reader.ts';
import { sampleInput } from '../helpers/samples.ts';

const tokyo = assembleContract(answersSchema.parse(sampleInput('ja/tokyo-fixed')), loadContractLibrary());

describe.each(CONTRACT_RENDERERS)('the Tokyo contract made by $name', ({ render }) => {
  it('reads 業務委託契約書, the fee with 消費税, the withholding on the deposit and the courts', async () => {
    const text = openDocx(await render(tokyo)).text();
    expect(text).toContain('業務委託契約書');
    expect(text).toContain('金1,200,000円（消費税別）');
    expect(text).toMatch(/消費税（10%）\n?120,000円/);
    expect(text).toContain('源泉徴収税額61,260円を差し引いた振込額は598,740円');
    expect(text).toContain('東京地方裁判所又は東京簡易裁判所');
  });

  it('numbers the clause headings 第1条, 第2条 … with Word numbering, with the title in brackets', async () => {
    const docx = openDocx(await render(tokyo));
    const numbering = docx.xml('word/numbering.xml');
    const levelTexts = findAll(numbering, W, 'lvlText').map((element) => element.attributes['w:val']);
    expect(levelTexts).toContain('第%1条');
    const headings = docx.paragraphs().filter((p) => p.style === 'Heading1');
    expect(headings[0]!.text).toBe('（目的）');
    expect(headings).toHaveLength(tokyo.sections.length);
  });

  it('puts the 前文 between the title and 第1条, outside Word\'s numbering', async () => {
    const paragraphs = openDocx(await render(tokyo)).paragraphs();
    const preamble = paragraphs.findIndex((p) => p.text.startsWith('株式会社みどり商事（以下「委託者」という。）'));
    const first = paragraphs.findIndex((p) => p.style === 'Heading1');
    expect(preamble).toBeGreaterThan(0);
    expect(preamble).toBeLessThan(first);
    expect(paragraphs[preamble]!.numId).toBeUndefined();
    expect(paragraphs[first]!.text).toBe('（目的）');
  });

  it('numbers a clause\'s items (号) (1), (2) with Word numbering under their point, not bullets', async () => {
    const docx = openDocx(await render(tokyo));
    const levelTexts = findAll(docx.xml('word/numbering.xml'), W, 'lvlText').map((element) => element.attributes['w:val']);
    expect(levelTexts).toContain('(%3)\u3000');
    const paragraphs = docx.paragraphs();
    const headingList = paragraphs.find((p) => p.style === 'Heading1')!.numId;
    const deliverable = paragraphs.find((p) => p.text === 'トップページ及び下層ページ5点のデザインカンプ')!;
    expect(deliverable).toMatchObject({ numId: headingList, level: '2' });
  });

  it('sets a Japanese Mincho font and the ja-JP language, so Word and LibreOffice break lines the Japanese way', async () => {
    const styles = openDocx(await render(tokyo)).xml('word/styles.xml');
    const defaults = findFirst(findFirst(styles, W, 'docDefaults')!, W, 'rPr')!;
    expect(findFirst(defaults, W, 'rFonts')!.attributes['w:eastAsia']).toBe('ＭＳ 明朝');
    expect(findFirst(defaults, W, 'lang')!.attributes['w:eastAsia']).toBe('ja-JP');
  });

  it('names the page numbers without English words', async () => {
    const footer = openDocx(await render(tokyo)).text('word/footer1.xml');
    expect(footer).not.toMatch(/Page|of/);
  });
});

describe('the 前文 in the HTML preview', () => {
  it('comes before 第1条, unnumbered', () => {
    const html = renderContractHtml(tokyo);
    const preamble = html.indexOf('株式会社みどり商事（以下「委託者」という。）');
    expect(preamble).toBeGreaterThan(0);
    expect(preamble).toBeLessThan(html.indexOf('第1条'));
    expect(html.slice(html.lastIndexOf('<p', preamble), preamble)).not.toContain('point');
  });

  it('numbers items (号) 「(1)　」「(2)　」 as Word does, never bullets', () => {
    const html = renderContractHtml(tokyo);
    expect(html).toContain('<ol class="items"><li dir="auto"><span class="item-number">(1)\u3000</span>トップページ及び下層ページ5点のデザインカンプ</li><li dir="auto"><span class="item-number">(2)\u3000</span>');
    expect(html).not.toContain('<ul>');
  });
});
