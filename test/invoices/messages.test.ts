// What a person reads when an invoice request is refused: one plain sentence
// per field and per mistake, in the answers' GOV.UK style ("Enter the hours
// worked, like 12.5"; "Hours worked must be more than 0"), at the path of the
// field to change, the same through the API's problem details. Each rule is
// checked on both sides of its boundary.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import { inLanguage } from '../../src/language/messages.ts';
import { sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

function problems(sample: string, invoice: Loose, change: (answers: Loose) => void = () => {}): Record<string, string> {
  const answers = sampleInput(sample);
  change(answers);
  const result = invoiceRequestSchema.safeParse({ answers, invoice });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

const fixed = { kind: 'balance', number: 'B-1', issuedOn: '2027-03-01' };
const hourly = { kind: 'hours', number: 'H-1', issuedOn: '2027-04-01', hours: 10 };
const ending = { kind: 'ending', number: 'E-1', issuedOn: '2027-03-01', workDoneAmount: 2400 };

// [what, sample, invoice, path, message]
const CASES: [string, string, Loose, string, string][] = [
  ['no kind', 'new-client-fixed', { number: 'X', issuedOn: '2027-03-01' }, 'invoice.kind', 'Select the kind of invoice: "deposit", "balance" (fixed price), "hours" (hourly), "retainer" (one month) or "ending" (what is owed when the client ends the contract)'],
  ['an unknown kind', 'new-client-fixed', { ...fixed, kind: 'refund' }, 'invoice.kind', 'Select the kind of invoice: "deposit", "balance" (fixed price), "hours" (hourly), "retainer" (one month) or "ending" (what is owed when the client ends the contract)'],
  ['no number', 'new-client-fixed', { kind: 'balance', issuedOn: '2027-03-01' }, 'invoice.number', 'Enter the invoice number, like INV-2027-001'],
  ['a blank number', 'new-client-fixed', { ...fixed, number: '   ' }, 'invoice.number', 'Enter the invoice number, like INV-2027-001'],
  ['a number that is a number', 'new-client-fixed', { ...fixed, number: 7 }, 'invoice.number', 'Enter the invoice number, like INV-2027-001'],
  ['a number of 61 characters', 'new-client-fixed', { ...fixed, number: 'N'.repeat(61) }, 'invoice.number', 'Invoice number must be 60 characters or fewer'],
  ['no date', 'new-client-fixed', { kind: 'balance', number: 'B' }, 'invoice.issuedOn', 'Enter the invoice date'],
  ['a date that does not exist', 'new-client-fixed', { ...fixed, issuedOn: '2027-02-30' }, 'invoice.issuedOn', 'Invoice date must be a real date, like 2027-03-01 (year, month, day)'],
  ['hours left out of an hours invoice', 'returning-client-hourly', { ...hourly, hours: undefined }, 'invoice.hours', 'Enter the hours worked, like 12.5'],
  ['hours as words', 'returning-client-hourly', { ...hourly, hours: 'ten' }, 'invoice.hours', 'Hours worked must be a number, like 12.5'],
  ['0 hours', 'returning-client-hourly', { ...hourly, hours: 0 }, 'invoice.hours', 'Hours worked must be more than 0'],
  ['100,000.25 hours', 'returning-client-hourly', { ...hourly, hours: 100_000.25 }, 'invoice.hours', 'Hours worked must be 100,000 or less'],
  ['hours to the thousandth', 'returning-client-hourly', { ...hourly, hours: 12.255 }, 'invoice.hours', 'Enter hours worked with at most 2 decimals, like 12.25 for a quarter hour'],
  ['final as a word', 'returning-client-hourly', { ...hourly, final: 'yes' }, 'invoice.final', 'Select whether this is the final invoice: true or false'],
  ['a month left out of a retainer invoice', 'retainer-prepaid', { kind: 'retainer', number: 'R', issuedOn: '2027-01-20' }, 'invoice.month', 'Enter the month this retainer invoice pays for, like 2027-02'],
  ['month 13', 'retainer-prepaid', { kind: 'retainer', number: 'R', issuedOn: '2027-01-20', month: '2027-13' }, 'invoice.month', 'Month must be a year and a month, like 2027-02'],
  ['work done below zero', 'new-client-fixed', { ...ending, workDoneAmount: -1 }, 'invoice.workDoneAmount', 'Work done must be 0 or more'],
  ['work done as words', 'new-client-fixed', { ...ending, workDoneAmount: 'lots' }, 'invoice.workDoneAmount', 'Work done must be a number, like 2,400'],
  ['work done over the price', 'new-client-fixed', { ...ending, workDoneAmount: 12_000.01 }, 'invoice.workDoneAmount', 'Work done must be $12,000.00 or less: the total price'],
  ['work done left out at an ending', 'new-client-fixed', { ...ending, workDoneAmount: undefined }, 'invoice.workDoneAmount', 'Enter the value of the work done up to the ending, like 2,400'],
  ['hours worked left out at an hourly ending', 'returning-client-hourly', { kind: 'ending', number: 'E', issuedOn: '2027-04-01' }, 'invoice.hoursWorked', 'Enter the hours worked up to the ending, like 24'],
  ['notice given of 366 days', 'retainer-prepaid', { kind: 'ending', number: 'E', issuedOn: '2027-03-01', workDoneAmount: 0, noticeDaysGiven: 366 }, 'invoice.noticeDaysGiven', 'Days of notice given must be between 0 and 365 days'],
  ['notice given of half a day', 'retainer-prepaid', { kind: 'ending', number: 'E', issuedOn: '2027-03-01', workDoneAmount: 0, noticeDaysGiven: 1.5 }, 'invoice.noticeDaysGiven', 'Days of notice given must be a whole number, like 10'],
  ['notice on a fixed price', 'new-client-fixed', { ...ending, noticeDaysGiven: 10 }, 'invoice.noticeDaysGiven', 'Leave out noticeDaysGiven: notice applies only to a retainer, and this contract has a fixed price'],
  ['payments made below zero', 'new-client-fixed', { ...ending, paymentsMade: -5 }, 'invoice.paymentsMade', 'Payments already made must be 0 or more'],
  ['an expense without a description', 'new-client-fixed', { ...fixed, expenses: [{ amount: 250 }] }, 'invoice.expenses.0.description', 'Enter what the expense was for, like Stock photos'],
  ['an expense of 201 characters', 'new-client-fixed', { ...fixed, expenses: [{ description: 'E'.repeat(201), amount: 250 }] }, 'invoice.expenses.0.description', 'Expense description must be 200 characters or fewer'],
  ['an expense without an amount', 'new-client-fixed', { ...fixed, expenses: [{ description: 'Fonts' }] }, 'invoice.expenses.0.amount', 'Enter the expense amount, like 250'],
  ['an expense of 0', 'new-client-fixed', { ...fixed, expenses: [{ description: 'Fonts', amount: 0 }] }, 'invoice.expenses.0.amount', 'Expense amount must be more than 0'],
  ['an expense over the largest amount', 'new-client-fixed', { ...fixed, expenses: [{ description: 'Fonts', amount: 1_000_000_001 }] }, 'invoice.expenses.0.amount', 'Expense amount must be 1,000,000,000 or less'],
  ['an expense in half cents', 'new-client-fixed', { ...fixed, expenses: [{ description: 'Fonts', amount: 10.005 }] }, 'invoice.expenses.0.amount', 'Enter the expense amount with at most 2 decimals, like 250.50. Did you mean 10.01?'],
  ['an expense as text', 'new-client-fixed', { ...fixed, expenses: ['Fonts'] }, 'invoice.expenses.0', 'Enter each expense as a description and an amount, like { "description": "Stock photos", "amount": 250 }'],
  ['51 expenses', 'new-client-fixed', { ...fixed, expenses: Array.from({ length: 51 }, () => ({ description: 'Fonts', amount: 1 })) }, 'invoice.expenses', 'Enter at most 50 expenses: group the smaller ones'],
  ['expenses not a list', 'new-client-fixed', { ...fixed, expenses: 'fonts' }, 'invoice.expenses', 'Expenses must be a list of expenses, each a description and an amount'],
  ['a late fee from the invoice date itself', 'new-client-fixed', { ...fixed, lateFeeSince: '2027-03-01' }, 'invoice.lateFeeSince', 'Enter an original due date before the invoice date, March 1, 2027: the late fee is added for the time since then'],
  ['how to pay of 1,001 characters', 'new-client-fixed', { ...fixed, howToPay: 'x'.repeat(1001) }, 'invoice.howToPay', 'How to pay must be 1,000 characters or fewer'],
  ['a field of another kind', 'new-client-fixed', { ...fixed, month: '2027-03' }, 'invoice.month', 'Leave out "month" on a balance invoice: it belongs on a retainer invoice'],
  ['hours worked on a deposit invoice', 'new-client-fixed', { kind: 'deposit', number: 'D', issuedOn: '2026-12-01', hoursWorked: 2 }, 'invoice.hoursWorked', 'Leave out "hoursWorked" on a deposit invoice: it belongs on an ending invoice'],
  ['work done on a deposit invoice', 'new-client-fixed', { kind: 'deposit', number: 'D', issuedOn: '2026-12-01', workDoneAmount: 10 }, 'invoice.workDoneAmount', 'Leave out "workDoneAmount" on a deposit invoice: it belongs on an ending invoice'],
  ['notice given on a deposit invoice', 'new-client-fixed', { kind: 'deposit', number: 'D', issuedOn: '2026-12-01', noticeDaysGiven: 3 }, 'invoice.noticeDaysGiven', 'Leave out "noticeDaysGiven" on a deposit invoice: it belongs on an ending invoice'],
  ['payments made on a deposit invoice', 'new-client-fixed', { kind: 'deposit', number: 'D', issuedOn: '2026-12-01', paymentsMade: 1 }, 'invoice.paymentsMade', 'Leave out "paymentsMade" on a deposit invoice: it belongs on an ending invoice'],
  ['a due date that does not exist', 'new-client-fixed', { ...fixed, dueDate: '2027-13-01' }, 'invoice.dueDate', 'Due date must be a real date, like 2027-03-01 (year, month, day)'],
  ['a due date of null', 'new-client-fixed', { ...fixed, dueDate: null }, 'invoice.dueDate', 'Enter the due date'],
  ['an original due date given as a number', 'new-client-fixed', { ...fixed, lateFeeSince: 5 }, 'invoice.lateFeeSince', 'Original due date must be a real date, like 2027-03-01 (year, month, day)'],
  ['an original due date of null', 'new-client-fixed', { ...fixed, lateFeeSince: null }, 'invoice.lateFeeSince', 'Enter the original due date'],
  ['an original due date before the contract', 'new-client-fixed', { ...fixed, lateFeeSince: '2026-11-01' }, 'invoice.lateFeeSince', "Enter an original due date on or after the contract's effective date, December 1, 2026"],
  ['how to pay given as a number', 'new-client-fixed', { ...fixed, howToPay: 5 }, 'invoice.howToPay', 'How to pay must be text, like bank details or a payment link'],
  ['a month before 1900', 'retainer-prepaid', { kind: 'retainer', number: 'R', issuedOn: '2027-01-20', month: '1899-02' }, 'invoice.month', 'Month must be between 1900 and 2200, like 2027-02'],
  ['a retainer invoice on a fixed price', 'new-client-fixed', { kind: 'retainer', number: 'R', issuedOn: '2026-12-01', month: '2027-01' }, 'invoice.kind', 'Select a balance invoice: a retainer invoice is for a contract that is a monthly retainer, and this contract has a fixed price'],
  ['work done on an hourly ending', 'returning-client-hourly', { kind: 'ending', number: 'E', issuedOn: '2027-04-01', workDoneAmount: 10, hoursWorked: 2 }, 'invoice.workDoneAmount', 'Leave out workDoneAmount: on an hourly contract the work done is counted in hours (hoursWorked)'],
  ['work done to the thousandth', 'new-client-fixed', { ...ending, workDoneAmount: 10.555 }, 'invoice.workDoneAmount', 'Enter the work done with at most 2 decimals, like 250.50. Did you mean 10.56?'],
  ['payments made to the thousandth', 'new-client-fixed', { ...ending, paymentsMade: 1.234 }, 'invoice.paymentsMade', 'Enter the payments already made with at most 2 decimals, like 250.50. Did you mean 1.23?'],
  ['payments made of null', 'new-client-fixed', { ...ending, paymentsMade: null }, 'invoice.paymentsMade', 'Enter the payments already made besides the deposit, like 500, or 0 for none'],
  ['a field no invoice has', 'new-client-fixed', { ...fixed, colour: 'red' }, 'invoice', 'This field is not part of an invoice; check its spelling'],
  ['a month with more after it', 'retainer-prepaid', { kind: 'retainer', number: 'R', issuedOn: '2027-01-20', month: '2027-02x' }, 'invoice.month', 'Month must be a year and a month, like 2027-02'],
  ['a month with more before it', 'retainer-prepaid', { kind: 'retainer', number: 'R', issuedOn: '2027-01-20', month: 'x2027-02' }, 'invoice.month', 'Month must be a year and a month, like 2027-02'],
  ['a month given as a number', 'retainer-prepaid', { kind: 'retainer', number: 'R', issuedOn: '2027-01-20', month: 202702 }, 'invoice.month', 'Month must be a year and a month, like 2027-02'],
  ['a month of null', 'retainer-prepaid', { kind: 'retainer', number: 'R', issuedOn: '2027-01-20', month: null }, 'invoice.month', 'Enter the month this retainer invoice pays for, like 2027-02'],
  ['hours worked at an ending as words', 'returning-client-hourly', { kind: 'ending', number: 'E', issuedOn: '2027-04-01', hoursWorked: 'many' }, 'invoice.hoursWorked', 'Hours worked must be a number, like 24'],
  ['notice given as words', 'retainer-prepaid', { kind: 'ending', number: 'E', issuedOn: '2027-03-01', workDoneAmount: 0, noticeDaysGiven: 'ten' }, 'invoice.noticeDaysGiven', 'Days of notice given must be a number, like 10'],
  ['notice given below zero', 'retainer-prepaid', { kind: 'ending', number: 'E', issuedOn: '2027-03-01', workDoneAmount: 0, noticeDaysGiven: -1 }, 'invoice.noticeDaysGiven', 'Days of notice given must be between 0 and 365 days'],
  ['an expense amount as words', 'new-client-fixed', { ...fixed, expenses: [{ description: 'Fonts', amount: 'ten' }] }, 'invoice.expenses.0.amount', 'Expense amount must be a number, like 250'],
  ['a field no expense has', 'new-client-fixed', { ...fixed, expenses: [{ description: 'Fonts', amount: 1, vat: 2 }] }, 'invoice.expenses.0', 'This field is not part of an expense: give only its description and amount'],
];

describe('each mistake in an invoice request gets its own sentence at its own field', () => {
  it.each(CASES)('%s', (_what, sample, invoice, path, message) => {
    expect(problems(sample, invoice)[path]).toBe(message);
  });

  it('every sentence reads as the answers\' do: a capital first, no full stop, never "is required" or a code', () => {
    expect.hasAssertions();
    for (const [, , , , message] of CASES) {
      expect(message).toMatch(/^[A-Z]/);
      expect(message).not.toMatch(/\.$/);
      expect(message).not.toMatch(/is required|invalid|expected/i);
    }
  });

  it('yen amounts: a whole number, said with the currency\'s name', () => {
    const jpy = (answers: Loose) => {
      answers.fee = { model: 'fixed', currency: 'JPY', total: 1_200_000, paymentDueDays: 30, lateFeePercentPerMonth: 1 };
    };
    expect(problems('new-client-fixed', { ...ending, workDoneAmount: 2400.5 }, jpy)).toEqual({
      'invoice.workDoneAmount': 'Enter the work done as a whole number: Japanese Yen amounts have no decimals. Did you mean 2,401?',
    });
    expect(problems('new-client-fixed', { ...ending, paymentsMade: 1.5, expenses: [{ description: 'Fonts', amount: 10.5 }] }, jpy)).toEqual({
      'invoice.paymentsMade': 'Enter the payments already made as a whole number: Japanese Yen amounts have no decimals. Did you mean 2?',
      'invoice.expenses.0.amount': 'Enter the expense amount as a whole number: Japanese Yen amounts have no decimals. Did you mean 11?',
    });
  });

  it('a UK contract that charges VAT needs the freelancer\'s VAT number; with it, or outside the UK, the invoice is made', () => {
    const vat = (governingLaw: string, vatNumber?: string) => (answers: Loose) => {
      answers.jurisdiction.governingLaw = governingLaw;
      answers.fee = { model: 'fixed', currency: 'GBP', total: 1275, paymentDueDays: 30, lateFeePercentPerMonth: 2, tax: { label: 'VAT', percent: 20 } };
      answers.freelancer.vatNumber = vatNumber;
    };
    expect(problems('new-client-fixed', fixed, vat('England and Wales'))).toEqual({
      'answers.freelancer.vatNumber': 'A UK invoice that charges VAT must show your VAT number (VAT Regulations 1995, reg. 14): add it as freelancer.vatNumber, like GB123456789',
    });
    expect(problems('new-client-fixed', fixed, vat('England and Wales', 'GB123456789'))).toEqual({});
    expect(problems('new-client-fixed', fixed, vat('Oregon'))).toEqual({});
  });

  it('hours that bill more than 1,000,000,000,000 are refused on an hours invoice and at an hourly ending; exactly that is made', () => {
    const rate = (value: number) => (answers: Loose) => {
      answers.fee.rate = value;
    };
    const tooMuch = 'Hours times the hourly rate must come to £1,000,000,000,000.00 or less';
    expect(problems('returning-client-hourly', { ...hourly, hours: 100_000 }, rate(10_000_001))).toEqual({ 'invoice.hours': tooMuch });
    expect(problems('returning-client-hourly', { kind: 'ending', number: 'E', issuedOn: '2027-04-01', hoursWorked: 100_000 }, rate(10_000_001))).toEqual({ 'invoice.hoursWorked': tooMuch });
    expect(problems('returning-client-hourly', { ...hourly, hours: 100_000 }, rate(10_000_000))).toEqual({});
  });

  it('each kind takes its own fields: an ending on a fixed price with work done, payments and expenses; on an hourly contract with 0 hours; on a retainer with notice and any work done', () => {
    expect(problems('new-client-fixed', { ...ending, paymentsMade: 0, expenses: [{ description: 'Fonts', amount: 80 }] })).toEqual({});
    expect(problems('returning-client-hourly', { kind: 'ending', number: 'E', issuedOn: '2027-04-01', hoursWorked: 0 })).toEqual({});
    expect(problems('retainer-prepaid', { kind: 'ending', number: 'E', issuedOn: '2027-03-01', workDoneAmount: 99_999_999, noticeDaysGiven: 10 })).toEqual({});
  });

  it('a late fee may run from the contract\'s effective date itself', () => {
    expect(problems('new-client-fixed', { ...fixed, lateFeeSince: '2026-12-01' })).toEqual({});
  });

  it('answers that fail are named alone: the invoice\'s rules against the contract wait for answers that can be read', () => {
    expect(problems('new-client-fixed', { ...fixed, issuedOn: '2020-01-01' }, (answers) => (answers.effectiveDate = 'x'))).toEqual({
      'answers.effectiveDate': 'Effective date must be a real date, like 2027-03-01 (year, month, day)',
    });
  });

  it('a request that is not one: nothing, not an object, or a part beside the answers and the invoice', () => {
    const said = (request: unknown) => invoiceRequestSchema.safeParse(request).error?.issues.map((issue) => issue.message);
    expect(said(undefined)).toEqual(['Enter the answers and the invoice']);
    expect(said(null)).toEqual(['Enter the answers and the invoice']);
    expect(said(5)).toEqual(['The request must be a JSON object with "answers" and "invoice"']);
    expect(said({ answers: sampleInput('new-client-fixed'), invoice: fixed, letter: {} })).toEqual(['This field is not part of the request: send only "answers" and "invoice"']);
  });

  it('the boundaries themselves are accepted: 100,000 hours, 12.25 hours, 365 days of notice, 50 expenses, 60 characters', () => {
    expect(problems('returning-client-hourly', { ...hourly, hours: 100_000 })).toEqual({});
    expect(problems('returning-client-hourly', { ...hourly, hours: 12.25 })).toEqual({});
    expect(problems('retainer-prepaid', { kind: 'ending', number: 'E', issuedOn: '2027-03-01', workDoneAmount: 0, noticeDaysGiven: 365 })).toEqual({});
    expect(problems('new-client-fixed', { ...fixed, number: 'N'.repeat(60), expenses: Array.from({ length: 50 }, () => ({ description: 'Fonts', amount: 1 })) })).toEqual({});
    expect(problems('new-client-fixed', { ...ending, workDoneAmount: 12_000 })).toEqual({});
  });
});

describe('the same sentences in the API\'s problem details', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp({ rateLimitPerMinute: 0 });
  });
  afterAll(async () => {
    await app.close();
  });

  it('a misspelt key in an expense or beside the invoice is named as part of what it is not part of', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/invoices',
      payload: { answers: sampleInput('new-client-fixed'), invoice: { ...fixed, expenses: [{ description: 'Fonts', amount: 10, vat: true }] }, letter: {} },
      headers: { 'content-type': 'application/json' },
    });
    expect(response.json().errors).toEqual(
      expect.arrayContaining([
        { path: 'invoice.expenses.0.vat', message: '"vat" is not part of an expense; check its spelling or remove it.' },
        { path: 'letter', message: '"letter" is not part of the request; check its spelling or remove it.' },
      ]),
    );
  });

  it('several mistakes at once, each named by its path', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/invoices',
      payload: { answers: sampleInput('returning-client-hourly'), invoice: { kind: 'hours', number: '', issuedOn: '2027-04-01', hours: 0, colour: 'red' } },
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual(
      expect.arrayContaining([
        { path: 'invoice.number', message: 'Enter the invoice number, like INV-2027-001' },
        { path: 'invoice.hours', message: 'Hours worked must be more than 0' },
        { path: 'invoice.colour', message: '"colour" is not part of an invoice; check its spelling or remove it.' },
      ]),
    );
  });
});

describe('in Japanese: the same rules, each sentence from the Japanese catalogue', () => {
  const japanese = (sample: string, invoice: Loose) => inLanguage('ja', () => problems(sample, invoice));
  const tokyoBalance = { kind: 'balance', number: 'B-1', issuedOn: '2027-06-01' };

  // [what, sample, invoice, path, message]
  const JA_CASES: [string, string, Loose, string, string][] = [
    ['no number', 'ja/tokyo-fixed', { kind: 'balance', issuedOn: '2027-06-01' }, 'invoice.number', '請求書番号を入力してください（例：INV-2027-001）'],
    ['no kind', 'ja/tokyo-fixed', { number: 'X', issuedOn: '2027-06-01' }, 'invoice.kind', '請求書の種類を選択してください："deposit"（着手金）、"balance"（固定額の残金）、"hours"（作業時間分）、"retainer"（1か月分の月額報酬）、"ending"（委託者が契約を終了したときの精算）のいずれかです'],
    ['an hours invoice on a fixed price', 'ja/tokyo-fixed', { ...tokyoBalance, kind: 'hours', hours: 10 }, 'invoice.kind', '残金の請求書を選択してください。作業時間分の請求書は時間単価の契約で使うもので、この契約は固定額の契約です'],
    ['a balance invoice on an hourly contract', 'ja/osaka-hourly', { ...tokyoBalance }, 'invoice.kind', '作業時間分の請求書（final: trueで着手金を差し引きます）を選択してください。残金の請求書は固定額の契約で使うもので、この契約は時間単価の契約です'],
    ['an invoice before the effective date', 'ja/tokyo-fixed', { ...tokyoBalance, issuedOn: '2027-03-31' }, 'invoice.issuedOn', '請求日は契約の効力発生日（2027年4月1日）以降の日付を入力してください'],
    ['a due date before the invoice', 'ja/tokyo-fixed', { ...tokyoBalance, dueDate: '2027-05-31' }, 'invoice.dueDate', '支払期日は請求日（2027年6月1日）以降の日付を入力してください'],
    ['an expense in decimal yen', 'ja/tokyo-fixed', { ...tokyoBalance, expenses: [{ description: '素材写真', amount: 3000.5 }] }, 'invoice.expenses.0.amount', '経費の金額は整数で入力してください（日本円には小数点以下の単位がありません）。3,001円のことですか？'],
    ['work done over the price', 'ja/tokyo-fixed', { kind: 'ending', number: 'E-1', issuedOn: '2027-06-01', workDoneAmount: 1_200_001 }, 'invoice.workDoneAmount', '作業済みの分の金額は、報酬総額の1,200,000円以下で入力してください'],
    ['a month before the retainer starts', 'ja/yokohama-retainer', { kind: 'retainer', number: 'R-1', issuedOn: '2027-07-01', month: '2027-06' }, 'invoice.month', '2027年7月以降の月を入力してください。月額報酬は2027年7月から始まります'],
    ['a month on a balance invoice', 'ja/tokyo-fixed', { ...tokyoBalance, month: '2027-06' }, 'invoice.month', '残金の請求書には「month」を記載できませんので、削除してください。月額報酬の請求書の項目です'],
    ['no hours on an hours invoice', 'ja/osaka-hourly', { kind: 'hours', number: 'H-1', issuedOn: '2027-06-01', hours: 0 }, 'invoice.hours', '作業時間は0より大きい値を入力してください'],
    ['hours to the thousandth', 'ja/osaka-hourly', { kind: 'hours', number: 'H-1', issuedOn: '2027-06-01', hours: 12.255 }, 'invoice.hours', '作業時間は小数点以下2桁までで入力してください（例：12時間15分は12.25）'],
    ['notice given on a fixed price', 'ja/tokyo-fixed', { kind: 'ending', number: 'E-1', issuedOn: '2027-06-01', workDoneAmount: 0, noticeDaysGiven: 3 }, 'invoice.noticeDaysGiven', '「noticeDaysGiven」を削除してください。予告期間は月額報酬の契約だけに適用され、この契約は固定額の契約です'],
    ['notice given of 366 days', 'ja/yokohama-retainer', { kind: 'ending', number: 'E-1', issuedOn: '2027-08-01', workDoneAmount: 0, noticeDaysGiven: 366 }, 'invoice.noticeDaysGiven', '委託者が予告した日数は0から365日までの範囲で入力してください'],
  ];

  it.each(JA_CASES)('%s', (_what, sample, invoice, path, message) => {
    expect(japanese(sample, invoice)[path]).toBe(message);
  });

  it('the same mistakes in an English check keep their English sentences', () => {
    expect(problems('ja/tokyo-fixed', { ...tokyoBalance, issuedOn: '2027-03-31' })['invoice.issuedOn']).toBe("Enter an invoice date on or after the contract's effective date, April 1, 2027");
    expect(problems('ja/yokohama-retainer', { kind: 'retainer', number: 'R-1', issuedOn: '2027-07-01', month: '2027-06' })['invoice.month']).toBe('Enter July 2027 or a later month: the retainer starts in July 2027');
  });
});
