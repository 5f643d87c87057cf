// What a letter request refuses, and the sentence the freelancer reads: each
// date rule at its boundary (the same day passes, one day over is refused),
// with the sample letter of the golden files (clauses/letters/sample-letter.json:
// a contract effective 1 December 2026, invoice INV-2027-014 of $6,000.00
// issued 26 February 2027, due 12 March 2027, letter dated 26 April 2027).
import { describe, expect, it } from 'vitest';
import { isLetterKind, LETTER_KINDS, letterRequestSchemas, type LetterKind } from '../../src/letters/request.ts';
import { letterInput } from '../helpers/letters.ts';
import { inLanguage } from '../../src/language/messages.ts';

type Input = ReturnType<typeof letterInput>;

/** Every problem as "path: message", in the order the schema reports them. */
function problems(kind: LetterKind, change: (input: Input) => void = () => {}): string[] {
  const input = letterInput();
  change(input);
  const result = letterRequestSchemas[kind].safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('the sample letter', () => {
  it.each(LETTER_KINDS)('%s is accepted as it is', (kind) => {
    expect(problems(kind)).toEqual([]);
  });

  it('names only the letters the product sends', () => {
    expect(LETTER_KINDS.every(isLetterKind)).toBe(true);
    expect(isLetterKind('thank-you')).toBe(false);
    expect(isLetterKind('')).toBe(false);
  });
});

describe('the invoice a payment letter is about', () => {
  it('names each missing field of the invoice with its own sentence', () => {
    expect(problems('late-notice', (input) => delete input.letter.invoice)).toEqual([
      'letter.invoice.number: Enter the invoice number',
      'letter.invoice.amount: Enter the invoice amount, like 6,000',
      'letter.invoice.issuedOn: Enter the invoice date',
      'letter.invoice.dueDate: Enter the invoice due date',
    ]);
  });

  it('refuses an invoice that is not an object, or holds a field it does not have', () => {
    expect(problems('payment-reminder', (input) => (input.letter.invoice = 'INV-1'))).toEqual(['letter.invoice: The invoice must be an object']);
    // Not "Enter the the invoice", as it once read.
    expect(problems('payment-reminder', (input) => (input.letter.invoice = null))).toEqual(['letter.invoice: Enter the invoice']);
    expect(problems('payment-reminder', (input) => (input.letter.invoice.currency = 'USD'))).toEqual([
      'letter.invoice: This field is not part of an invoice; check its spelling.',
    ]);
  });

  it('takes a due date on the invoice date, and refuses one a day before', () => {
    expect(problems('payment-reminder', (input) => (input.letter.invoice.dueDate = '2027-02-26'))).toEqual([]);
    expect(problems('payment-reminder', (input) => (input.letter.invoice.dueDate = '2027-02-25'))).toEqual([
      'letter.invoice.dueDate: Enter a due date on or after the invoice date',
    ]);
  });

  it('takes an invoice dated on the effective date, and refuses one a day before', () => {
    expect(problems('payment-reminder', (input) => (input.letter.invoice.issuedOn = '2026-12-01'))).toEqual([]);
    expect(problems('payment-reminder', (input) => (input.letter.invoice.issuedOn = '2026-11-30'))).toEqual([
      "letter.invoice.issuedOn: Enter an invoice date on or after the contract's effective date, December 1, 2026",
    ]);
  });

  it('takes cents in dollars, not a fraction of a cent; no decimals at all in yen', () => {
    expect(problems('late-notice', (input) => (input.letter.invoice.amount = 6000.25))).toEqual([]);
    expect(problems('late-notice', (input) => (input.letter.invoice.amount = 6000.255))).toEqual([
      'letter.invoice.amount: Enter the invoice amount with at most 2 decimals. Did you mean 6,000.26?',
    ]);
    const yen = (input: Input) => {
      input.answers.fee = { ...input.answers.fee, currency: 'JPY', total: 1_200_000 };
      input.answers.language = 'en';
    };
    expect(problems('late-notice', (input) => { yen(input); input.letter.invoice.amount = 600_000; })).toEqual([]);
    expect(problems('late-notice', (input) => { yen(input); input.letter.invoice.amount = 600_000.5; })).toEqual([
      'letter.invoice.amount: Enter the invoice amount as a whole number: Japanese Yen amounts have no decimals. Did you mean 600,001?',
    ]);
  });
});

describe('each field of the letter at its edges, with the sentence the freelancer reads', () => {
  const refused = (change: (input: Input) => void) => problems('final-notice', change);

  it('the invoice number: text of up to 60 characters', () => {
    expect(refused((input) => (input.letter.invoice.number = 'N'.repeat(60)))).toEqual([]);
    expect(refused((input) => (input.letter.invoice.number = 'N'.repeat(61)))).toEqual(['letter.invoice.number: Invoice number must be 60 characters or fewer']);
    expect(refused((input) => (input.letter.invoice.number = 12 as never))).toEqual(['letter.invoice.number: Invoice number must be text']);
  });

  it('the invoice amount: more than 0, at most 1,000,000,000, a number', () => {
    expect(refused((input) => (input.letter.invoice.amount = 0.01))).toEqual([]);
    expect(refused((input) => (input.letter.invoice.amount = 1_000_000_000))).toEqual([]);
    expect(refused((input) => (input.letter.invoice.amount = 0))).toEqual(['letter.invoice.amount: Invoice amount must be more than 0']);
    expect(refused((input) => (input.letter.invoice.amount = 1_000_000_001))).toEqual(['letter.invoice.amount: Invoice amount must be 1,000,000,000 or less']);
    expect(refused((input) => (input.letter.invoice.amount = 'six' as never))).toEqual(['letter.invoice.amount: Invoice amount must be a number, like 6,000']);
  });

  it('the days to pay: a whole number from 5 to 30', () => {
    expect(refused((input) => (input.letter.deadlineDays = 5))).toEqual([]);
    expect(refused((input) => (input.letter.deadlineDays = 30))).toEqual([]);
    expect(refused((input) => (input.letter.deadlineDays = 4))).toEqual(['letter.deadlineDays: Days to pay must be between 5 and 30']);
    expect(refused((input) => (input.letter.deadlineDays = 10.5))).toEqual(['letter.deadlineDays: Days to pay must be a whole number, like 10']);
    expect(refused((input) => (input.letter.deadlineDays = null as never))).toEqual(['letter.deadlineDays: Enter the days to pay before legal action, like 10']);
  });

  it('how to pay: up to 1,000 characters', () => {
    expect(refused((input) => (input.letter.howToPay = 'x'.repeat(1000)))).toEqual([]);
    expect(refused((input) => (input.letter.howToPay = 'x'.repeat(1001)))).toEqual(['letter.howToPay: How to pay must be 1,000 characters or fewer']);
  });

  it('the dates: real calendar dates, each named', () => {
    expect(refused((input) => (input.letter.date = 5 as never))).toEqual(['letter.date: Date of the letter must be a real date, like 2027-03-01 (year, month, day)']);
    expect(refused((input) => (input.letter.calledOn = '2027-02-30'))).toEqual(['letter.calledOn: Date you called the client must be a real date, like 2027-03-01 (year, month, day)']);
  });
});

describe('a field left out of the letter or its invoice, asked for by name', () => {
  const refused = (change: (input: Input) => void) => problems('final-notice', change);

  it('each of the invoice\'s four fields, when the invoice is there without it', () => {
    expect(refused((input) => delete input.letter.invoice.number)).toEqual(['letter.invoice.number: Enter the invoice number']);
    expect(refused((input) => delete input.letter.invoice.amount)).toEqual(['letter.invoice.amount: Enter the invoice amount, like 6,000']);
    expect(refused((input) => delete input.letter.invoice.issuedOn)).toEqual(['letter.invoice.issuedOn: Enter the invoice date']);
    expect(refused((input) => delete input.letter.invoice.dueDate)).toEqual(['letter.invoice.dueDate: Enter the invoice due date']);
  });

  it('an invoice number of spaces only is no number', () => {
    expect(refused((input) => (input.letter.invoice.number = '   '))).toEqual(['letter.invoice.number: Enter the invoice number']);
    expect(refused((input) => (input.letter.invoice.number = ''))).toEqual(['letter.invoice.number: Enter the invoice number']);
  });

  it('the invoice\'s dates, each named when it is no date', () => {
    expect(refused((input) => (input.letter.invoice.issuedOn = '26 Feb 2027'))).toEqual([
      'letter.invoice.issuedOn: Invoice date must be a real date, like 2027-03-01 (year, month, day)',
    ]);
    expect(refused((input) => (input.letter.invoice.dueDate = '2027-02-30'))).toEqual([
      'letter.invoice.dueDate: Invoice due date must be a real date, like 2027-03-01 (year, month, day)',
    ]);
  });

  it('the date of the letter', () => {
    expect(refused((input) => delete input.letter.date)).toEqual(['letter.date: Enter the date of the letter']);
    expect(refused((input) => (input.letter.calledOn = null))).toEqual(['letter.calledOn: Enter the date you called the client']);
  });

  it('a letter date that is no date is named for its format alone, not also as before the contract', () => {
    // "2026-1-15" sorts before "2026-12-01" as text: compared, it would also read as before the effective date.
    expect(refused((input) => (input.letter.date = '2026-1-15'))).toEqual(['letter.date: Date of the letter must be a real date, like 2027-03-01 (year, month, day)']);
  });
});

describe('the date of the letter', () => {
  it('a late letter may be dated the day after the due date, not on it', () => {
    for (const kind of ['late-notice', 'final-notice'] as const) {
      expect(problems(kind, (input) => (input.letter.date = '2027-03-13'))).toEqual([]);
      expect(problems(kind, (input) => (input.letter.date = '2027-03-12'))).toEqual([
        'letter.date: Enter a date for the letter after the invoice’s due date, March 12, 2027: this letter is about a late invoice',
      ]);
    }
  });

  it('a payment reminder may go out before the due date, but not before the invoice', () => {
    expect(problems('payment-reminder', (input) => (input.letter.date = '2027-02-26'))).toEqual([]);
    expect(problems('payment-reminder', (input) => (input.letter.date = '2027-02-25'))).toEqual([
      'letter.date: Enter a date for the letter on or after the invoice date',
    ]);
    // Before the invoice is the one thing said, even for a letter that must also be after the due date.
    expect(problems('late-notice', (input) => (input.letter.date = '2027-02-25'))).toEqual([
      'letter.date: Enter a date for the letter on or after the invoice date',
    ]);
  });

  it('a letter without an invoice may be dated on the effective date, not the day before', () => {
    const noInvoice = (date: string) => (input: Input) => {
      delete input.letter.invoice;
      input.letter.date = date;
    };
    expect(problems('final-check-in', noInvoice('2026-12-01'))).toEqual([]);
    expect(problems('final-check-in', noInvoice('2026-11-30'))).toEqual([
      "letter.date: Enter a date for the letter on or after the contract's effective date, December 1, 2026",
    ]);
  });

  it('names an unknown field of the letter, and of the request', () => {
    expect(problems('work-paused', (input) => (input.letter.note = 'hi'))).toEqual(['letter: This field is not part of the letter; check its spelling.']);
    expect(problems('work-paused', (input) => ((input as Record<string, unknown>).extra = 1))).toEqual([': Send only "answers" and "letter".']);
  });

  it('refuses a letter section or a request that is not an object', () => {
    expect(problems('work-paused', (input) => (input.letter = 'today' as never))).toEqual(['letter: The letter must be an object with its date']);
    // A payment letter that is not an object: that one sentence, not the invoice's four fields besides.
    expect(problems('payment-reminder', (input) => (input.letter = 'today' as never))).toEqual(['letter: The letter must be an object with its date']);
    expect(problems('final-notice', (input) => (input.letter = 5 as never))).toEqual(['letter: The letter must be an object with its date']);
    expect(problems('work-paused', (input) => (input.letter = null as never))).toEqual(['letter: Enter the letter: its date at least']);
    expect(letterRequestSchemas['work-paused'].safeParse([]).error?.issues.map((issue) => issue.message)).toEqual([
      'The request must be a JSON object with "answers" and "letter".',
    ]);
  });
});

describe('the day the freelancer called', () => {
  const calledOn = (date: string, letterDate = '2027-04-26') => (input: Input) => {
    input.letter.calledOn = date;
    input.letter.date = letterDate;
  };

  it('may be the day of the letter, not the day after', () => {
    expect(problems('work-paused', calledOn('2027-04-26'))).toEqual([]);
    expect(problems('work-paused', calledOn('2027-04-27'))).toEqual(['letter.calledOn: Enter a call date on or before the date of the letter']);
  });

  it('may be the effective date, not the day before', () => {
    expect(problems('work-paused', calledOn('2026-12-01'))).toEqual([]);
    expect(problems('work-paused', calledOn('2026-11-30'))).toEqual([
      "letter.calledOn: Enter a call date on or after the contract's effective date, December 1, 2026",
    ]);
  });

  it('is compared only with a real date: a malformed one is named for its format alone', () => {
    const [problem, ...rest] = problems('work-paused', calledOn('2027-04-27x'));
    expect(problem).toMatch(/^letter\.calledOn: /);
    expect(problem).not.toContain('on or before');
    expect(rest).toEqual([]);
    // Dates JavaScript can read but the form does not take: each named for its format, none compared with the letter.
    for (const malformed of ['April 27, 2027', 'on 2027-04-27', '2027-04-27T00:00', ['2027-04-27']]) {
      expect(problems('work-paused', calledOn(malformed as string)).map((line) => line.split(':')[0])).toEqual(['letter.calledOn']);
    }
    // A malformed letter date, with a call after it: only the letter's date is named.
    expect(problems('work-paused', calledOn('2027-04-27', '26/04/2027')).map((line) => line.split(':')[0])).toEqual(['letter.date']);
  });

  it('names every cross-field problem in one pass, even with another field wrong', () => {
    expect(
      problems('payment-reminder', (input) => {
        input.letter.calledOn = '2027-04-27';
        input.letter.invoice.dueDate = '2027-02-25';
        input.letter.deadlineDays = 'ten';
      }),
    ).toEqual([
      'letter.deadlineDays: Days to pay must be a number, like 10',
      'letter.calledOn: Enter a call date on or before the date of the letter',
      'letter.invoice.dueDate: Enter a due date on or after the invoice date',
    ]);
  });
});

describe('in Japanese: the same rules, each sentence from the Japanese catalogue', () => {
  /** Every problem as "path: message", checked in Japanese. */
  const japanese = (kind: LetterKind, change: (input: Input) => void = () => {}) => inLanguage('ja', () => problems(kind, change));

  it('names each missing field of the invoice in Japanese', () => {
    expect(japanese('late-notice', (input) => delete input.letter.invoice)).toEqual([
      'letter.invoice.number: 請求書番号を入力してください',
      'letter.invoice.amount: 請求金額を入力してください（例：600,000円）',
      'letter.invoice.issuedOn: 請求日を入力してください',
      'letter.invoice.dueDate: 支払期日を入力してください',
    ]);
  });

  it('writes the dates it names the Japanese way', () => {
    expect(japanese('late-notice', (input) => (input.letter.date = '2027-03-12'))).toEqual([
      'letter.date: 文書の日付は請求書の支払期日（2027年3月12日）より後の日付を入力してください。この文書は支払期日を過ぎた請求書についてのものです',
    ]);
    expect(japanese('payment-reminder', (input) => (input.letter.invoice.issuedOn = '2026-11-30'))).toEqual([
      'letter.invoice.issuedOn: 請求日は契約の効力発生日（2026年12月1日）以降の日付を入力してください',
    ]);
    expect(japanese('work-paused', (input) => (input.letter.calledOn = '2027-04-27'))).toEqual(['letter.calledOn: 電話した日は文書の日付以前の日付を入力してください']);
  });

  it('names the currency in Japanese when yen has no decimals', () => {
    expect(
      japanese('late-notice', (input) => {
        input.answers.fee = { ...input.answers.fee, currency: 'JPY', total: 1_200_000 };
        input.letter.invoice.amount = 600_000.5;
      }),
    ).toEqual(['letter.invoice.amount: 請求金額は整数で入力してください（日本円には小数点以下の単位がありません）。600,001円のことですか？']);
  });

  it('numbers and text out of range, and the letter or invoice that is not an object', () => {
    expect(japanese('final-notice', (input) => (input.letter.deadlineDays = 31))).toEqual(['letter.deadlineDays: 支払猶予日数は5から30までの範囲で入力してください']);
    expect(japanese('final-notice', (input) => (input.letter.deadlineDays = 'ten' as never))).toEqual(['letter.deadlineDays: 支払猶予日数は数字で入力してください（例：10）']);
    expect(japanese('payment-reminder', (input) => (input.letter.invoice.number = 'N'.repeat(61)))).toEqual(['letter.invoice.number: 請求書番号は60文字以内で入力してください']);
    expect(japanese('payment-reminder', (input) => (input.letter.invoice = null))).toEqual(['letter.invoice: 請求書の内容を入力してください']);
    expect(japanese('work-paused', (input) => (input.letter = 'today' as never))).toEqual(['letter: 文書は日付を含むオブジェクトで指定してください']);
  });

  it('the English sentences are unchanged outside a Japanese check', () => {
    expect(problems('final-notice', (input) => (input.letter.deadlineDays = 31))).toEqual(['letter.deadlineDays: Days to pay must be between 5 and 30']);
    expect(problems('work-paused', (input) => (input.letter.howToPay = 7 as never))).toEqual(['letter.howToPay: How to pay must be text']);
  });
});
