// POST /api/letters/final-notice/naiyo-shomei: the Japanese final demand as 内容証明 text.
import { describe, expect, it } from 'vitest';
import { postOfficeCounts } from '../../src/claims/naiyo-shomei.ts';
import { japaneseLetterInput, letterInput, NAIYO_SHOMEI_PATH } from '../helpers/letters.ts';
import { jsonPostsToOneApp } from '../helpers/test-app.ts';

const post = jsonPostsToOneApp();

describe('the 内容証明 download', () => {
  it('gives the final demand as plain text on the 20 x 26 grid, titled 最終催告書, with no enclosure', async () => {
    const response = await post(NAIYO_SHOMEI_PATH, japaneseLetterInput());
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    const sheets = response.body.trimEnd().split('\n\f\n').map((sheet) => sheet.split('\n'));
    expect(sheets[0]![0]).toBe('最終催告書');
    for (const sheet of sheets) {
      expect(sheet.length).toBeLessThanOrEqual(26);
      expect(Math.max(...postOfficeCounts(sheet))).toBeLessThanOrEqual(20);
    }
    expect(response.body).not.toMatch(/同封/);
  });

  it('lays it on the 13 x 40 grid when asked', async () => {
    const response = await post(`${NAIYO_SHOMEI_PATH}?grid=13x40`, japaneseLetterInput());
    const lines = response.body.split('\n').filter((line) => line !== '\f');
    expect(Math.max(...postOfficeCounts(lines))).toBeLessThanOrEqual(13);
    expect(Math.max(...lines.map((line) => Array.from(line).length))).toBeLessThanOrEqual(13);
  });

  it('refuses English answers with a problem saying the form is Japanese', async () => {
    const response = await post(NAIYO_SHOMEI_PATH, letterInput());
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ title: 'Not a Japanese letter', detail: expect.stringContaining('"language": "ja"') });
  });

  it('refuses a grid the post office does not use, naming the field', async () => {
    const response = await post(`${NAIYO_SHOMEI_PATH}?grid=30x30`, japaneseLetterInput());
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/grid/);
  });
});
