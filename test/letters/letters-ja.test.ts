// The Japanese letters (clauses/letters-ja/): a golden sample for each, the
// late fee at the contract's yearly rate by the day, and the small-claims
// limit (¥600,000, late fees not counted) deciding what the final demand names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { CLAUSES_ROOT } from '../../src/clauses/load.ts';
import { assembleLetter } from '../../src/letters/assemble.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { renderLetterText } from '../../src/letters/plain-text.ts';
import { LETTER_KINDS, type LetterRequest } from '../../src/letters/request.ts';
import { renderLetterDocx } from '../../src/render/docx.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { expectGolden } from '../helpers/golden.ts';
import { sampleInput } from '../helpers/samples.ts';

const DIR = join(CLAUSES_ROOT, 'letters-ja');
const fixture = JSON.parse(readFileSync(join(DIR, 'sample-letter.json'), 'utf8'));
const english = loadLetterLibrary();
const answers = answersSchema.parse(sampleInput(fixture.answers));
const request = (letter: Partial<LetterRequest['letter']> = {}): LetterRequest => ({ answers, letter: { ...fixture.letter, ...letter } });

describe('Japanese golden samples: every letter renders as its sample file shows', () => {
  it.each(LETTER_KINDS)('%s', (kind) => {
    const text = renderLetterText(assembleLetter(kind, request(), english));
    expectGolden(join(DIR, `${kind}.sample.txt`), `(rendered from clauses/samples/${fixture.answers}.json and clauses/letters-ja/sample-letter.json)\n\n${text}`);
  });
});

describe('the Japanese letters', () => {
  it('open 拝啓, close 敬具, address the client\'s company and person 様, and carry no English', () => {
    expect.hasAssertions();
    for (const kind of LETTER_KINDS) {
      const letter = assembleLetter(kind, request(), english);
      expect(letter.salutation.startsWith('拝啓')).toBe(true);
      expect(letter.closing).toBe('敬具');
      expect(letter.recipient).toMatchObject({ name: '株式会社みどり商事', business: '代表取締役 山田太郎 様' });
      expect(letter.meta.language).toBe('ja');
      expect(renderLetterText(letter).replace(/^Subject: /, '').replace(/\S+@\S+|INV-\d+-\d+/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('count the late fee by the day at the contract\'s yearly rate: 660,000円 × 14.4% × 31/365, yen dropped', () => {
    const text = renderLetterText(assembleLetter('late-notice', request(), english));
    expect(text).toContain('遅延損害金（年14.4%、日割計算）: 8,071円');
    expect(text).toContain('668,071円');
  });

  it('the final demand does not claim to go by 内容証明郵便, whose grid its layout does not fit', async () => {
    const letter = assembleLetter('final-notice', request(), english);
    expect(renderLetterText(letter)).not.toContain('内容証明');
    expect(openDocx(await renderLetterDocx(letter)).text()).not.toContain('内容証明');
  });

  it('as an email, opens with the 宛名 and the email greeting, not 拝啓 and a seasonal greeting, and closes without 敬具', () => {
    expect.hasAssertions();
    for (const kind of LETTER_KINDS) {
      const text = renderLetterText(assembleLetter(kind, request(), english));
      expect(text).not.toMatch(/拝啓|時下|敬具/);
      const body = text.split('\n').slice(2);
      expect(body.slice(0, 4)).toEqual(['株式会社みどり商事', '代表取締役 山田太郎 様', '', 'いつもお世話になっております。花デザイン事務所の佐藤花子です。']);
      expect(text).toContain('どうぞよろしくお願いいたします。\n佐藤花子');
    }
  });

  it('on paper, puts the date, then the recipient (宛名), then the sender, and keeps 拝啓 … 敬具', async () => {
    const text = openDocx(await renderLetterDocx(assembleLetter('payment-reminder', request(), english))).text();
    const at = (needle: string) => text.indexOf(needle);
    expect(at('2027年8月30日')).toBeGreaterThanOrEqual(0);
    expect(at('2027年8月30日')).toBeLessThan(at('株式会社みどり商事'));
    expect(at('株式会社みどり商事')).toBeLessThan(at('佐藤花子'));
    expect(at('拝啓')).toBeGreaterThan(at('佐藤花子'));
    expect(text).toContain('敬具');
  });

  it.each([
    [600_000, '東京簡易裁判所に少額訴訟を提起いたします'],
    [600_001, '支払督促の申立て、又は'],
  ])('an invoice of ¥%i: the final demand names %s', (amount, step) => {
    const text = renderLetterText(assembleLetter('final-notice', request({ invoice: { ...fixture.letter.invoice, amount } }), english));
    expect(text).toContain(step);
    expect(text.includes('少額訴訟を提起')).toBe(amount <= 600_000);
  });

  it('the late fee does not count toward the small-claims limit', () => {
    // 598,000円 and 153 days late: with the late fee the balance is over 600,000円, the claim itself is not.
    const text = renderLetterText(assembleLetter('final-notice', request({ invoice: { ...fixture.letter.invoice, amount: 598_000 }, date: '2027-12-30' }), english));
    expect(text).toContain('少額訴訟を提起');
  });

  it('make a Word file in Japanese, with Japanese labels for email and phone', async () => {
    const docx = openDocx(await renderLetterDocx(assembleLetter('payment-reminder', request(), english)));
    const text = docx.text();
    expect(text).toContain('お支払いのお願い');
    expect(text).toContain('電子メール: hanako@hana-design.example');
    expect(text).not.toContain('Email:');
  });
});
