// The invoice resent "with the late fee added" (contract/settlement.ts): the
// fee is a line of its own, never taxed and never withheld from, worded with
// its rate, its periods and the due date; no line at all before one is owed.
// English contracts charge a percentage per full 30 days, the Japanese one
// 遅延損害金 at a yearly rate by the day, yen fractions dropped.
import { beforeEach, describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { balanceBill, dailyLateFigures, depositBill, firstLateFeeDate, withDailyLateFee, withLateFee, type Bill } from '../../src/contract/settlement.ts';
import { sampleInput } from '../helpers/samples.ts';

type Loose = any;
const lines = (bill: Bill) => bill.lines.map((line) => [line.kind, line.label, line.amount.minor, line.taxable]);

describe('an English invoice with its late fee', () => {
  const input: Loose = sampleInput('new-client-fixed');
  input.fee = { model: 'fixed', currency: 'GBP', total: 1275, paymentDueDays: 30, lateFeePercentPerMonth: 2, tax: { label: 'VAT', percent: 20 } };
  input.deposit = { percent: 50 };
  // £637.50 + 20% VAT = £765.00 asked for.
  // Built before each test, not as the file is collected: a mutant is on only while tests run (test/README.md).
  let deposit!: Bill;
  beforeEach(() => {
    deposit = depositBill(answersSchema.parse(input));
  });

  it('adds 2% of the £765.00 asked for per full 30 days as an untaxed line: the VAT stays £127.50', () => {
    const { bill, late } = withLateFee(deposit, 2, '2027-01-01', '2027-03-02');
    expect(lines(bill)).toEqual([
      ['deposit', 'Deposit (50%)', 63750, true],
      ['late-fee', 'Late fee: 2% a month for 2 full 30-day periods since January 1, 2027', 3060, false],
    ]);
    expect(bill.taxes.map((tax) => [tax.label, tax.base.minor, tax.amount.minor])).toEqual([['VAT', 63750, 12750]]);
    expect([bill.net.minor, bill.gross.minor, bill.total.minor]).toEqual([66810, 79560, 79560]);
    expect(late).toMatchObject({ daysLate: 60, periods: 2, lateFee: { minor: 3060 }, balance: { minor: 79560 } });
  });

  it('says "period" for one, and leaves the bill as it was before the first full period', () => {
    expect(withLateFee(deposit, 1.5, '2027-01-01', '2027-01-31').bill.lines.at(-1)!.label).toBe('Late fee: 1.5% a month for 1 full 30-day period since January 1, 2027');
    const early = withLateFee(deposit, 2, '2027-01-01', '2027-01-30');
    expect(early.bill).toBe(deposit);
    expect(early.late).toMatchObject({ daysLate: 29, periods: 0, lateFee: { minor: 0 } });
    expect(withLateFee(deposit, 0, '2027-01-01', '2027-12-01').bill).toBe(deposit);
  });

  it('owes the first fee one full period after the due date', () => {
    expect(firstLateFeeDate('2027-01-01')).toBe('2027-01-31');
    expect(firstLateFeeDate('2028-02-15')).toBe('2028-03-16');
  });
});

describe('a Japanese invoice with its 遅延損害金', () => {
  // ¥600,000 + 消費税 ¥60,000 − 源泉徴収 ¥61,260 = ¥598,740 asked for.
  // Built before each test, not as the file is collected: a mutant is on only while tests run (test/README.md).
  let balance!: Bill;
  beforeEach(() => {
    balance = balanceBill(answersSchema.parse(sampleInput('ja/tokyo-fixed')));
  });

  it('adds 14.4% a year by the day on what was asked for, neither taxed nor withheld from', () => {
    const { bill, late } = withDailyLateFee(balance, 14.4, '2027-01-01', '2027-01-02');
    // 598,740 × 14.4% × 1/365 = 236.2: ¥236.
    expect(lines(bill)).toEqual([
      ['balance', 'Balance', 600000, true],
      ['late-fee', 'Late-payment damages: 14.4% a year for 1 day since January 1, 2027', 236, false],
    ]);
    expect(bill.taxes.map((tax) => tax.amount.minor)).toEqual([60000]);
    expect(bill.deductions.map((line) => [line.kind, line.amount.minor])).toEqual([['withholding', -61260]]);
    expect(bill.total.minor).toBe(598740 + 236);
    expect(late).toMatchObject({ daysLate: 1, periods: 1, lateFee: { minor: 236 } });
    expect(withDailyLateFee(balance, 14.4, '2027-01-01', '2027-01-31').bill.lines.at(-1)!.label).toBe('Late-payment damages: 14.4% a year for 30 days since January 1, 2027');
  });

  it('adds nothing on the due date or before it', () => {
    expect(withDailyLateFee(balance, 14.4, '2027-01-01', '2027-01-01').bill).toBe(balance);
    expect(withDailyLateFee(balance, 14.4, '2027-01-01', '2026-12-20').bill).toBe(balance);
  });

  it('drops the yen fraction once, over the days together', () => {
    // ¥100,000 at 14.6% a year: ¥40 a day exactly; ¥10,000 at 14.4%: ¥3.945 a day, ¥11.83 for 3 days: ¥11.
    expect(dailyLateFigures({ amount: 100_000, dueDate: '2027-01-01' }, 'JPY', 14.6, '2027-01-11')).toMatchObject({ daysLate: 10, periods: 10, lateFee: { minor: 400 }, balance: { minor: 100_400 } });
    expect(dailyLateFigures({ amount: 10_000, dueDate: '2027-01-01' }, 'JPY', 14.4, '2027-01-04').lateFee.minor).toBe(11);
    expect(dailyLateFigures({ amount: 10_000, dueDate: '2027-01-10' }, 'JPY', 14.4, '2027-01-04')).toMatchObject({ daysLate: -6, periods: 0, lateFee: { minor: 0 }, balance: { minor: 10_000 } });
  });
});
