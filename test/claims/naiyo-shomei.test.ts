// The Japanese final demand as 内容証明郵便: on the post office's grid, counted as the post office counts, no enclosure.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NAIYO_CHARACTERS_A_SHEET, NAIYO_GRIDS, naiyoShomeiText, postOfficeCounts } from '../../src/claims/naiyo-shomei.ts';
import { assembleLetter } from '../../src/letters/assemble.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { letterRequestSchemas } from '../../src/letters/request.ts';
import { nonEmpty } from '../helpers/non-empty.ts';
import { sampleInput } from '../helpers/samples.ts';

/** The real final notice of the Japanese golden sample (ja/tokyo-fixed, clauses/letters-ja/sample-letter.json). */
function finalDemand() {
  const fixture = JSON.parse(readFileSync(new URL('../../clauses/letters-ja/sample-letter.json', import.meta.url), 'utf8'));
  const request = letterRequestSchemas['final-notice'].parse({ answers: sampleInput(fixture.answers), letter: fixture.letter });
  return assembleLetter('final-notice', request, loadLetterLibrary());
}

describe('counting as the post office counts', () => {
  it.each([
    ['お支払いください。', 9],
    // A pair of brackets is one character, counted with the opening one.
    ['（第18条）', 5],
    ['「本件」', 3],
    // Half-width characters count one each, like full-width ones.
    ['INV-2027-031', 12],
    // A circled number: its digits and the circle.
    ['①', 2],
    ['⑩', 3],
    // A squared unit is two.
    ['㎡', 2],
  ])('%s counts %i', (line, count) => {
    expect(postOfficeCounts([line])).toEqual([count]);
  });

  it('a bracket opened on one line and closed on the next is counted once, on the first line', () => {
    expect(postOfficeCounts(['請求金額（66万', '円）'])).toEqual([8, 1]);
  });
});

describe('the final demand of the Japanese sample as 内容証明', () => {
  it.each(Object.entries(NAIYO_GRIDS))('fits the %s grid: no line over its characters, no sheet over its lines or 520 characters', (_name, grid) => {
    const { sheets } = naiyoShomeiText(finalDemand(), grid);
    for (const sheet of nonEmpty(sheets, 'sheets')) {
      expect(sheet.length).toBeLessThanOrEqual(grid.rows);
      const counts = postOfficeCounts(sheet);
      expect(Math.max(...counts)).toBeLessThanOrEqual(grid.columns);
      expect(Array.from(sheet.join('')).length).toBeLessThanOrEqual(grid.columns * grid.rows);
      expect(counts.reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(NAIYO_CHARACTERS_A_SHEET);
    }
  });

  it('loses no word of the letter on the way: the lines put together are the letter\'s text', () => {
    const { sheets } = naiyoShomeiText(finalDemand());
    const joined = sheets.flat().join('');
    // The deadline counts from arrival (到達), so no date counted from the day of writing is given.
    expect(joined).toContain('本書到達後10日以内に、668,071円');
    expect(joined).toContain('少額訴訟は利用いたしません。');
  });

  it('names no enclosure: a 内容証明 certifies one document and encloses nothing', () => {
    const { text } = naiyoShomeiText(finalDemand());
    expect(text).not.toMatch(/同封|別紙|添付/);
  });

  it('ends with the date, the sender\'s block and the recipient\'s block', () => {
    const { text } = naiyoShomeiText(finalDemand());
    const tail = text.replace(/\n/g, '').replace(/\f/g, '');
    expect(tail.endsWith('2027年8月30日東京都世田谷区北沢2-1-1差出人\u3000花デザイン事務所\u3000佐藤花子東京都千代田区丸の内1-1-1受取人\u3000株式会社みどり商事\u3000代表取締役 山田太郎 様')).toBe(true);
  });
});
