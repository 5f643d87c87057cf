// Issue 23, the Japanese letters as a lawyer reads them: the final demand goes by
// 内容証明郵便, which takes one document and nothing else (no enclosures, no
// tables: 日本郵便, 内容証明のご案内), its deadline runs from arrival (到達), and a
// 支払督促 is filed at the summary court of the debtor's address (民事訴訟法383条)
// and only where it can be served in Japan (同382条). Each failed before its fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { CLAUSES_ROOT } from '../../src/clauses/load.ts';
import { assembleLetter } from '../../src/letters/assemble.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { renderLetterText } from '../../src/letters/plain-text.ts';
import type { LetterRequest } from '../../src/letters/request.ts';
import { sampleInput } from '../helpers/samples.ts';

const DIR = join(CLAUSES_ROOT, 'letters-ja');
const fixture = JSON.parse(readFileSync(join(DIR, 'sample-letter.json'), 'utf8'));
const english = loadLetterLibrary();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const answersWith = (change: (input: any) => void = () => {}) => {
  const input = sampleInput(fixture.answers);
  change(input);
  return answersSchema.parse(input);
};
const finalNotice = (amount: number, change?: Parameters<typeof answersWith>[0]) => {
  const request: LetterRequest = { answers: answersWith(change), letter: { ...fixture.letter, invoice: { ...fixture.letter.invoice, amount } } };
  return assembleLetter('final-notice', request, english);
};

describe('the final demand (最終催告書) is fit for 内容証明郵便', () => {
  it('encloses nothing and says nothing is enclosed', () => {
    const letter = finalNotice(660_000);
    expect(letter.enclosures ?? []).toEqual([]);
    expect(renderLetterText(letter)).not.toContain('同封');
  });

  it('has no table: the figures are written in its sentences', () => {
    const letter = finalNotice(660_000);
    expect(letter.blocks.filter((block) => block.type === 'table')).toEqual([]);
    expect(renderLetterText(letter)).toContain('請求金額660,000円');
    expect(renderLetterText(letter)).toContain('遅延損害金8,071円');
  });

  it('gives its deadline from arrival, not as a date counted from the day it was written', () => {
    const text = renderLetterText(finalNotice(660_000));
    expect(text).toContain('本書到達後10日以内に');
    expect(text).not.toContain('2027年9月9日まで');
  });

  it('the reminders before it still enclose the invoice', () => {
    const request: LetterRequest = { answers: answersWith(), letter: fixture.letter };
    expect(assembleLetter('payment-reminder', request, english).enclosures).toEqual(['同封書類：請求書 INV-2027-031 の写し']);
  });
});

describe('a 支払督促 goes to the summary court of the debtor’s address, and only in Japan', () => {
  it('above the small-claims limit: 支払督促 at the court of the company’s head office, not the agreed court', () => {
    const text = renderLetterText(finalNotice(660_001));
    expect(text).toContain('貴社の本店所在地を管轄する簡易裁判所への支払督促の申立て');
    expect(text).not.toMatch(/定める[^。]*において、支払督促/);
  });

  it('a private client: the court of the person’s address', () => {
    const text = renderLetterText(finalNotice(660_001, (i) => delete i.client.business));
    expect(text).toContain('貴殿の住所地を管轄する簡易裁判所への支払督促の申立て');
  });

  it('small claims not chosen: still the debtor’s court for a 支払督促', () => {
    const text = renderLetterText(finalNotice(300_000, (i) => (i.jurisdiction.smallClaims = false)));
    expect(text).toContain('貴社の本店所在地を管轄する簡易裁判所への支払督促の申立て');
    expect(text).not.toContain('東京簡易裁判所において、支払督促');
  });

  it('a client abroad: no 支払督促 (it cannot be served outside Japan), a suit in the agreed court', () => {
    const text = renderLetterText(finalNotice(660_001, (i) => (i.client.address = '10 Downing Street, London SW1A 2AA, United Kingdom')));
    expect(text).not.toContain('支払督促');
    expect(text).toContain('訴訟を提起');
  });

  it('an address written in English in Japan is still in Japan', () => {
    const text = renderLetterText(finalNotice(660_001, (i) => (i.client.address = '1-1-1 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan')));
    expect(text).toContain('支払督促');
  });
});
