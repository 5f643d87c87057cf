// The 内容証明 as a Word file: counted as the post office counts, in the file's own text.
import { describe, expect, it } from 'vitest';
import { postOfficeCounts } from '../../src/claims/naiyo-shomei.ts';
import { findFirst, openDocx, W, type DocxPackage } from '../helpers/docx-reader.ts';
import { japaneseLetterInput, NAIYO_SHOMEI_PATH } from '../helpers/letters.ts';
import { jsonPostsToOneApp } from '../helpers/test-app.ts';

const post = jsonPostsToOneApp();

/** The copies (sections) of the file, each a list of sheets (pages), each a list of lines (paragraphs). */
function copiesOf(docx: DocxPackage): string[][][] {
  const copies: string[][][] = [[]];
  for (const paragraph of docx.paragraphs()) {
    const pPr = findFirst(paragraph.element, W, 'pPr');
    const copy = copies.at(-1)!;
    if (copy.length === 0 || (pPr && findFirst(pPr, W, 'pageBreakBefore'))) copy.push([]);
    copy.at(-1)!.push(paragraph.text);
    // A section ends at the paragraph carrying its properties; the last one's are the body's own.
    if (pPr && findFirst(pPr, W, 'sectPr')) copies.push([]);
  }
  return copies.filter((copy) => copy.length > 0);
}

describe('the 内容証明 Word file', () => {
  it('holds three copies of the same sheets, each sheet at most 26 lines of 20 counted characters and 520 in all', async () => {
    const response = await post(`${NAIYO_SHOMEI_PATH}?format=docx`, japaneseLetterInput());
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toContain('最終催告書 内容証明.docx');
    const docx = openDocx(response.rawPayload);
    const copies = copiesOf(docx);
    expect(copies).toHaveLength(3);
    // The sample demand (clauses/letters-ja/final-notice.sample.txt) fills two sheets and part of a third.
    expect(copies.map((copy) => copy.length)).toEqual([3, 3, 3]);
    expect(copies[1]).toEqual(copies[0]);
    expect(copies[2]).toEqual(copies[0]);
    for (const sheet of copies[0]!) {
      expect(sheet.length).toBeLessThanOrEqual(26);
      const counts = postOfficeCounts(sheet);
      expect(Math.max(...counts)).toBeLessThanOrEqual(20);
      expect(counts.reduce((total, count) => total + count, 0)).toBeLessThanOrEqual(520);
    }
    expect(copies[0]![0]![0]).toBe('最終催告書');
    expect(copies[0]![0]).toHaveLength(26);
    expect(copies[0]!.at(-1)!.at(-1)).toBe('山田太郎 様');
    expect(docx.text()).not.toMatch(/同封|添付/);
    // Which copy is which is said in the page header, outside the certified text.
    const headers = docx.partNames.filter((name) => /^word\/header\d+\.xml$/.test(name)).map((name) => docx.text(name)).sort();
    expect(headers).toEqual(['受取人用', '差出人用', '郵便局用'].sort());
  });

  it('is the Word file when asked for by Accept, and the text otherwise', async () => {
    const headers = { 'content-type': 'application/json', accept: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
    const word = await post(NAIYO_SHOMEI_PATH, japaneseLetterInput(), headers);
    expect(word.headers['content-type']).toMatch(/wordprocessingml/);
    const text = await post(NAIYO_SHOMEI_PATH, japaneseLetterInput(), { accept: '*/*' });
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
  });
});
