// The Japanese letters as the client reads them, sentence by sentence, for an
// engagement other than the golden samples': the Tokyo contract (年14.4%,
// effective 2027年4月1日), its client's person given no title, the freelancer
// with no trade name and no payment method in the contract. Invoice HD-12,
// 600,000円, issued 2027年5月31日, due 2027年6月30日; the letters dated
// 2027年7月31日 with 14 days to pay. Every figure worked by hand:
// 31 days late; 600,000円 × 14.4% × 31 / 365 = 7,338.08円, yen fractions
// dropped: 7,338円; 607,338円 in all; 14 days from 7月31日: 2027年8月14日.
// 600,000円 is at the small-claims limit (not above it): the final demand
// names 少額訴訟 at 東京簡易裁判所.
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleLetter } from '../../src/letters/assemble.ts';
import { japaneseLetterEdition, japaneseLetterOwnFacts, loadJapaneseLetterLibrary } from '../../src/letters/edition-ja.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { renderLetterText } from '../../src/letters/plain-text.ts';
import type { LetterKind, LetterRequest } from '../../src/letters/request.ts';
import { sampleInput } from '../helpers/samples.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function tokyoAnswers(change: (input: any) => void = () => {}) {
  const input = sampleInput('ja/tokyo-fixed');
  delete input.client.title;
  delete input.freelancer.business;
  delete input.fee.paymentMethod;
  change(input);
  return answersSchema.parse(input);
}
const LETTER: LetterRequest['letter'] = {
  date: '2027-07-31',
  invoice: { number: 'HD-12', amount: 600_000, issuedOn: '2027-05-31', dueDate: '2027-06-30' },
  deadlineDays: 14,
};
const english = loadLetterLibrary();
const text = (kind: LetterKind, letter: LetterRequest['letter'] = LETTER, answers = tokyoAnswers()) => renderLetterText(assembleLetter(kind, { answers, letter }, english));

describe('the 督促状 (late notice), written out', () => {
  it('reads, from the subject to the enclosure, as a client reads it', () => {
    expect(text('late-notice')).toBe(
      [
        'Subject: 督促状（請求書 HD-12、コーポレートサイトのリニューアル）',
        '',
        '株式会社みどり商事',
        '山田太郎 様',
        '',
        'いつもお世話になっております。佐藤花子です。',
        '',
        '2027年5月31日付けでご請求いたしました「コーポレートサイトのリニューアル」の報酬（請求書番号 HD-12）につきまして、支払期日の2027年6月30日から31日を経過した現在も、お支払いをいただいておりません。これまでにもご連絡を差し上げておりますが、ご入金の確認ができておりません。',
        '',
        '請求書 HD-12',
        '請求書番号: HD-12',
        '請求日: 2027年5月31日',
        '支払期日: 2027年6月30日',
        '遅延日数: 31日',
        '請求金額: 600,000円',
        '遅延損害金（年14.4%、日割計算）: 7,338円',
        'お支払いいただく金額: 607,338円',
        '',
        '2027年4月1日付け業務委託契約書（第7条）の定めにより、支払期日の翌日から年14.4%の割合による遅延損害金が日割で発生しております。本日までの遅延損害金を加えたお支払額は607,338円です。',
        '',
        'つきましては、2027年8月14日までに、同封の請求書記載の方法によりお支払いくださいますよう督促いたします。',
        '',
        '既にお支払いいただいている場合は、行き違いのご容赦をお願いするとともに、ご一報いただけますと幸いです。期限までにお支払いいただけない場合は、誠に不本意ながら、法的措置を検討せざるを得ませんので、あらかじめご承知おきください。ご事情がございましたら、hanako@hana-design.example又はお電話（03-1234-5678）までご連絡ください。',
        '',
        'どうぞよろしくお願いいたします。',
        '佐藤花子',
        'hanako@hana-design.example | 03-1234-5678',
        '',
        '同封書類：請求書 HD-12 の写し',
        '',
      ].join('\n'),
    );
  });

  it('dated on the due date: no 遅延損害金 line in the table, only the amount', () => {
    const onDueDate = text('payment-reminder', { ...LETTER, date: '2027-06-30' });
    expect(onDueDate).toContain('請求金額: 600,000円\nお支払いいただく金額: 600,000円');
    expect(onDueDate).not.toContain('遅延損害金');
  });
});

describe('the 最終催告書 (final demand), its sentences written out', () => {
  // Written inside each test, not once here: the mutation run switches a mutant on for a test, after a describe body has run.
  const finalNotice = () => text('final-notice');

  it('claims the amount, the 遅延損害金 and the total, each in figures', () => {
    expect(finalNotice()).toContain('ご請求の内訳は、請求金額600,000円及び本日までの遅延損害金7,338円（年14.4%、日割計算）、合計607,338円です。');
  });

  it('demands payment within 14 days of its arrival, the fee still running', () => {
    expect(finalNotice()).toContain('つきましては、本書到達後14日以内に、607,338円（以後も完済まで年14.4%の割合で遅延損害金が日割により発生します。）をお支払いくださいますよう、本書をもって催告いたします。');
  });

  it('with no payment method in the contract or the letter, points to the invoice already sent', () => {
    expect(finalNotice()).toContain('お支払いは、先にお送りした請求書記載の方法によりお願いいたします。');
  });

  it('at 600,000円, names 少額訴訟 at the agreed summary court', () => {
    expect(finalNotice()).toContain('期限までにお支払いいただけない場合は、誠に不本意ながら、2027年4月1日付け業務委託契約書（第18条）の定めに従い、東京簡易裁判所に少額訴訟を提起いたします。');
    expect(finalNotice()).not.toContain('支払督促');
  });
});

describe('the letter facts of a Japanese letter without an invoice', () => {
  it('still give the contract\'s yearly rate, and no first day of delay and no way to pay', () => {
    expect(japaneseLetterOwnFacts(tokyoAnswers(), { date: '2027-07-31' })).toMatchObject({
      lateFeeRate: '年14.4%',
      hasStatutoryRate: false,
      lateFeeSince: '',
      howToPay: '',
      hasHowToPay: false,
      deadlineDate: '2027年8月10日',
    });
  });

  it('a contract at 0.5% a month gives 年6%', () => {
    expect(japaneseLetterOwnFacts(tokyoAnswers((input) => (input.fee.lateFeePercentPerMonth = 0.5)), { date: '2027-07-31' }).lateFeeRate).toBe('年6%');
  });
});

describe('the frame of a Japanese letter', () => {
  it('addresses the company, then its person with 様 and no title when none is given', () => {
    const letter = assembleLetter('final-check-in', { answers: tokyoAnswers(), letter: { date: '2027-07-31' } }, english);
    expect(letter.recipient).toMatchObject({ name: '株式会社みどり商事', business: '山田太郎 様' });
  });

  it('is marked Japanese, so the Word file is', () => {
    expect(japaneseLetterEdition(loadJapaneseLetterLibrary()).language).toBe('ja');
    expect(assembleLetter('work-paused', { answers: tokyoAnswers(), letter: { date: '2027-07-31' } }, english).meta.language).toBe('ja');
  });
});
