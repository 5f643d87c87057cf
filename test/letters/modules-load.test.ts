// The letters' modules load, and each library checks its templates as it
// does when the server starts: five English letters, five Japanese ones.
//
// Why the imports are inside the tests: a module whose top-level code throws
// (a table that builds an invalid pattern, a shape letter the loader cannot
// format) fails every test file that imports it statically while the file is
// collected, before any test runs, and the mutation run (Stryker's vitest
// runner) reads "no test ran" as "no test failed". A test that imports the
// module itself fails instead, as the server's start would.
import { describe, expect, it } from 'vitest';

describe('the letters load as the server starts', () => {
  it('the letter request schemas load, one per letter kind', async () => {
    const { LETTER_KINDS, letterRequestSchemas } = await import('../../src/letters/request.ts');
    expect(Object.keys(letterRequestSchemas)).toEqual(['final-check-in', 'work-paused', 'payment-reminder', 'late-notice', 'final-notice']);
    expect(LETTER_KINDS).toEqual(Object.keys(letterRequestSchemas));
  });

  it('the English library loads its five letters', async () => {
    const { loadLetterLibrary } = await import('../../src/letters/library.ts');
    expect(loadLetterLibrary().clauses.map((letter) => letter.id).sort()).toEqual(['final-check-in', 'final-notice', 'late-notice', 'payment-reminder', 'work-paused']);
  });

  it('the Japanese library loads its five letters, each with its Japanese title', async () => {
    const { loadJapaneseLetterLibrary } = await import('../../src/letters/edition-ja.ts');
    const titles = Object.fromEntries(loadJapaneseLetterLibrary().clauses.map((letter) => [letter.id, letter.title]));
    expect(titles).toEqual({
      'final-check-in': '最後のご連絡',
      'work-paused': '作業一時停止のお知らせ',
      'payment-reminder': 'お支払いのお願い',
      'late-notice': '督促状',
      'final-notice': '最終催告書',
    });
  });

  it('tells a client in 東京都 from one abroad, as the final demand must (支払督促 or not)', async () => {
    const { isAddressInJapan } = await import('../../src/letters/edition-ja.ts');
    expect(isAddressInJapan('東京都世田谷区北沢2-1-1')).toBe(true);
    expect(isAddressInJapan('1 Market St, San Francisco, CA, USA')).toBe(false);
  });
});
