// The lines of every bill the settlement model makes (contract/settlement.ts), as a
// freelancer and a client read them: each line's wording, whether it is there at
// all, the refund bill of an ending with the tax paid in advance on it, the credits
// against a kill fee, the first retainer month's date, and late charges. Every
// figure is worked by hand from the contract's rules in the comment beside it.
// Answers are built inside each test, never as the file is collected (test/README.md).
import { describe, expect, it } from 'vitest';
import { answersSchema, type Answers } from '../../src/answers/schema.ts';
import {
  contractMoney,
  ending,
  hoursBill,
  lateFigures,
  makeBill,
  retainerMonthBill,
  retainerMonthDue,
  retainerMonthStart,
  unusedDepositBill,
  withholdingOn,
  withLateCharges,
  withLateFee,
  depositBill,
  type Bill,
  type BillLine,
} from '../../src/contract/settlement.ts';
import { sampleInput, underJapaneseLaw } from '../helpers/samples.ts';

function answers(name: string, change: (input: any) => void = () => {}): Answers {
  const input = sampleInput(name);
  change(input);
  return answersSchema.parse(input);
}

// fixed $12,000, deposit 50% ($6,000), kill fee 25%, Oregon, no tax.
const fixed = () => answers('new-client-fixed');
// hourly £85, 60 h estimate (£5,100), deposit 30% (£1,530), kill fee 20%, England, no tax.
const hourly = () => answers('returning-client-hourly', (input) => (input.killFee.percentOfRemainingFee = 20));
// retainer $2,500 a month from January 4, 2027, deposit 30% ($750).
const retainer = () => answers('retainer-prepaid', (input) => (input.deposit.percent = 30));
// An English contract under Japanese law: ¥1,200,000 fixed, deposit 50% (¥600,000), Consumption tax 10%,
// income tax withheld, kill fee 50%. A Japanese kill fee is compensation, not a supply: it bears no tax.
const japaneseLaw = () => answers('new-client-fixed', underJapaneseLaw);

/** Each line as [kind, label, minor units, taxed]. */
const rows = (bill: Bill) => bill.lines.map((line) => [line.kind, line.label, line.amount.minor, line.taxable]);
const taxRows = (bill: Bill) => bill.taxes.map((tax) => [tax.label, tax.percent, tax.base.minor, tax.amount.minor]);
const totals = (bill: Bill) => [bill.net.minor, bill.gross.minor, bill.total.minor];

describe('the price as a bill', () => {
  it('names the price by the fee model: "Total price", "Estimated fee", "Monthly retainer"', () => {
    expect(contractMoney(fixed()).baseBill.lines).toEqual([{ kind: 'fee', label: 'Total price', amount: { minor: 1_200_000, currency: 'USD' }, taxable: true }]);
    // £85 × 60 h = £5,100.00
    expect(contractMoney(hourly()).baseBill.lines).toEqual([{ kind: 'fee', label: 'Estimated fee', amount: { minor: 510_000, currency: 'GBP' }, taxable: true }]);
    expect(contractMoney(retainer()).baseBill.lines).toEqual([{ kind: 'fee', label: 'Monthly retainer', amount: { minor: 250_000, currency: 'USD' }, taxable: true }]);
  });
});

describe('invoices for retainer months and hours', () => {
  it('a retainer month reads "Monthly retainer, paid in advance"; the first month credits the 30% deposit as "Deposit paid, credited"', () => {
    const first = retainerMonthBill(retainer(), { firstMonth: true });
    expect(rows(first)).toEqual([
      ['fee', 'Monthly retainer, paid in advance', 250_000, true],
      ['deposit-credit', 'Deposit paid, credited', -75_000, true],
    ]);
    // $2,500.00 − $750.00
    expect(first.total.minor).toBe(175_000);
    expect(rows(retainerMonthBill(retainer()))).toEqual([['fee', 'Monthly retainer, paid in advance', 250_000, true]]);
  });

  it('the first retainer month starts on the start date (January 4) and is due then; every later month starts on the 1st', () => {
    const a = retainer();
    expect(retainerMonthStart(a, '2027-01')).toBe('2027-01-04');
    expect(retainerMonthStart(a, '2027-02')).toBe('2027-02-01');
    // Invoiced in December: due when the month starts. Invoiced after that: on receipt.
    expect(retainerMonthDue(a, '2027-01', '2026-12-20')).toBe('2027-01-04');
    expect(retainerMonthDue(a, '2027-01', '2027-01-10')).toBe('2027-01-10');
    expect(retainerMonthDue(a, '2027-02', '2027-01-25')).toBe('2027-02-01');
  });

  it('a final hours invoice with nothing left to bill shows no £0.00 deposit credit', () => {
    const bill = hoursBill(hourly(), 0, { final: true });
    expect(rows(bill)).toEqual([['fee', '0 hours at the hourly rate', 0, true]]);
    expect(bill.total.minor).toBe(0);
  });

  it('an hours invoice needs an hourly contract and a retainer month a retainer: anything else is refused, never billed as NaN', () => {
    expect(() => hoursBill(fixed(), 10)).toThrow(new RangeError('hoursBill: the contract is not hourly'));
    expect(() => retainerMonthBill(fixed())).toThrow(new RangeError('retainerMonthBill: the contract is not a retainer'));
    expect(() => withholdingOn({ minor: 100_000, currency: 'USD' })).toThrow(new RangeError('withholdingOn: withholding is computed in yen'));
  });
});

describe('what is owed when the Agreement ends', () => {
  it('an hourly ending says how many hours were worked, and credits the deposit and other payments on lines of their own; no refund bill', () => {
    // 24 h × £85 = £2,040.00; kill fee 20% × (£5,100 − £2,040) = £612.00; owed £2,652.00,
    // less the £1,530.00 deposit and £500.00 paid: £622.00, nothing paid beyond it.
    const result = ending(hourly(), { hoursWorked: 24, paymentsMade: 500 });
    expect(rows(result.bill)).toEqual([
      ['work-done', 'Work done: 24 hours at the hourly rate', 204_000, true],
      ['kill-fee', 'Kill fee: 20% of the fee not yet earned', 61_200, true],
      ['deposit-credit', 'Deposit paid, credited', -153_000, true],
      ['payment-credit', 'Payments already made, credited', -50_000, true],
    ]);
    expect(result.bill.total.minor).toBe(62_200);
    expect(result.refund.minor).toBe(0);
    expect(result.taxRefunded.minor).toBe(0);
    expect(result.refundBill).toBeUndefined();
  });

  it('a client who paid more up front than the work done and the kill fee gets a refund bill, with VAT on what goes back', () => {
    // $12,000 with 20% VAT under English law (the kill fee bears VAT); work done $2,400, kill fee
    // 25% × $9,600 = $2,400: $4,800 owed, taken from the $6,000 deposit; $1,200 + $240 VAT go back.
    const vat = answers('new-client-fixed', (input) => {
      input.fee.tax = { label: 'VAT', percent: 20 };
      input.jurisdiction.governingLaw = 'England and Wales';
      input.jurisdiction.venue = 'London';
    });
    const result = ending(vat, { workDoneAmount: 2400 });
    expect(rows(result.bill)).toEqual([
      ['work-done', 'Work done', 240_000, true],
      ['kill-fee', 'Kill fee: 25% of the fee not yet earned', 240_000, true],
      ['deposit-credit', 'Deposit paid, credited', -480_000, true],
    ]);
    expect(totals(result.bill)).toEqual([0, 0, 0]);
    expect(result.taxRefunded).toEqual({ minor: 24_000, currency: 'USD' });
    expect(result.refundBill).toEqual({
      currency: 'USD',
      lines: [{ kind: 'deposit-credit', label: 'Paid in advance beyond the work done, refunded', amount: { minor: 120_000, currency: 'USD' }, taxable: true }],
      net: { minor: 120_000, currency: 'USD' },
      taxes: [{ label: 'VAT', percent: 20, base: { minor: 120_000, currency: 'USD' }, amount: { minor: 24_000, currency: 'USD' } }],
      gross: { minor: 144_000, currency: 'USD' },
      deductions: [],
      total: { minor: 144_000, currency: 'USD' },
    });
  });

  it('a client who ends before any work under Japanese law: the deposit pays the untaxed kill fee, and the Consumption tax paid with it comes back on a refund bill', () => {
    // Kill fee 50% × ¥1,200,000 = ¥600,000, untaxed: the whole ¥600,000 deposit is credited against it,
    // untaxed, so nothing is owed and nothing withheld (no ¥0 line); the ¥60,000 tax paid with the deposit goes back.
    const result = ending(japaneseLaw(), { workDoneAmount: 0 });
    expect(rows(result.bill)).toEqual([
      ['work-done', 'Work done', 0, true],
      ['kill-fee', 'Kill fee: 50% of the fee not yet earned', 600_000, false],
      ['deposit-credit', 'Deposit paid, credited against the kill fee', -600_000, false],
    ]);
    expect(taxRows(result.bill)).toEqual([['Consumption tax', 10, 0, 0]]);
    expect(result.bill.deductions).toEqual([]);
    expect(totals(result.bill)).toEqual([0, 0, 0]);
    expect(result.refund.minor).toBe(0);
    expect(result.taxRefunded.minor).toBe(60_000);
    expect(rows(result.refundBill!)).toEqual([['deposit-credit', 'Consumption tax paid in advance on the part credited against the kill fee, refunded', 60_000, false]]);
    expect(taxRows(result.refundBill!)).toEqual([['Consumption tax', 10, 0, 0]]);
    expect(result.refundBill!.deductions).toEqual([]);
    expect(totals(result.refundBill!)).toEqual([60_000, 60_000, 60_000]);
  });

  it('a deposit that pays both the taxed work and the untaxed kill fee is credited on two lines; only the tax paid on the kill fee\'s part is refunded', () => {
    // Work ¥100,000 (taxed); kill fee 50% × ¥1,100,000 = ¥550,000 (untaxed); ¥650,000 owed.
    // The ¥600,000 deposit meets the ¥100,000 of taxed work first, then ¥500,000 of the kill fee.
    // Net ¥50,000, tax 10% of ¥0; ¥5,105 withheld (10.21% of ¥50,000); ¥44,895 to pay.
    // 10% of the ¥500,000 credited against the kill fee, ¥50,000, is refunded.
    const result = ending(japaneseLaw(), { workDoneAmount: 100_000 });
    expect(rows(result.bill)).toEqual([
      ['work-done', 'Work done', 100_000, true],
      ['kill-fee', 'Kill fee: 50% of the fee not yet earned', 550_000, false],
      ['deposit-credit', 'Deposit paid, credited', -100_000, true],
      ['deposit-credit', 'Deposit paid, credited against the kill fee', -500_000, false],
    ]);
    expect(taxRows(result.bill)).toEqual([['Consumption tax', 10, 0, 0]]);
    expect(result.bill.deductions).toEqual([{ kind: 'withholding', label: 'Income tax withheld', amount: { minor: -5_105, currency: 'JPY' }, taxable: false }]);
    expect(totals(result.bill)).toEqual([50_000, 50_000, 44_895]);
    expect(result.refund.minor).toBe(0);
    expect(result.taxRefunded.minor).toBe(50_000);
    expect(rows(result.refundBill!)).toEqual([['deposit-credit', 'Consumption tax paid in advance on the part credited against the kill fee, refunded', 50_000, false]]);
    expect(totals(result.refundBill!)).toEqual([50_000, 50_000, 50_000]);
  });
});

describe('a deposit an hourly contract did not use', () => {
  it('goes back with the tax paid on it; without tax, alone', () => {
    // Deposit 30% of £5,100 = £1,530.00; a final bill of 10 h × £85 = £850.00 credits £850.00 of it:
    // £680.00 unused, at 20% VAT £136.00 more, £816.00 in all.
    const withVat = answers('returning-client-hourly', (input) => (input.fee.tax = { label: 'VAT', percent: 20 }));
    const back = unusedDepositBill(withVat, hoursBill(withVat, 10, { final: true }));
    expect(rows(back)).toEqual([['deposit-credit', 'Deposit not used, refunded', 68_000, true]]);
    expect(totals(back)).toEqual([68_000, 81_600, 81_600]);
    const noTax = hourly();
    expect(totals(unusedDepositBill(noTax, hoursBill(noTax, 10, { final: true })))).toEqual([68_000, 68_000, 68_000]);
  });

  it('is nothing when the hours used all of it', () => {
    // 24 h × £85 = £2,040.00 uses the whole £1,530.00 deposit.
    const noTax = hourly();
    expect(totals(unusedDepositBill(noTax, hoursBill(noTax, 24, { final: true })))).toEqual([0, 0, 0]);
  });
});

describe('paying late', () => {
  it('an invoice is not late before its due date or on it: no period, no fee, the balance as it was', () => {
    // Due March 12, 2027; asked on March 1 (11 days early) and on March 12.
    expect(lateFigures({ amount: 6000, dueDate: '2027-03-12' }, 'USD', 1.5, '2027-03-01')).toEqual({
      daysLate: -11,
      periods: 0,
      amount: { minor: 600_000, currency: 'USD' },
      lateFee: { minor: 0, currency: 'USD' },
      balance: { minor: 600_000, currency: 'USD' },
    });
    expect(lateFigures({ amount: 6000, dueDate: '2027-03-12' }, 'USD', 1.5, '2027-03-12')).toMatchObject({ daysLate: 0, periods: 0, lateFee: { minor: 0 }, balance: { minor: 600_000 } });
  });

  it('a statutory charge of zero is left off the bill; the others are added as untaxed lines', () => {
    // The £1,530.00 deposit invoice on its due date: no interest yet, the statute's £70 compensation already.
    const bill = withLateCharges(depositBill(hourly()), [
      { kind: 'statutory-interest', label: 'Statutory interest', amount: { minor: 0, currency: 'GBP' } },
      { kind: 'statutory-compensation', label: 'Fixed compensation for recovery costs', amount: { minor: 7_000, currency: 'GBP' } },
    ]);
    expect(rows(bill)).toEqual([
      ['deposit', 'Deposit (30%)', 153_000, true],
      ['statutory-compensation', 'Fixed compensation for recovery costs', 7_000, false],
    ]);
    expect(bill.total.minor).toBe(160_000);
    expect(rows(withLateCharges(depositBill(hourly()), [{ kind: 'statutory-interest', label: 'Statutory interest', amount: { minor: 0, currency: 'GBP' } }]))).toEqual([
      ['deposit', 'Deposit (30%)', 153_000, true],
    ]);
  });

  it('a late fee makes the withholding be worked out again, and leaves any other deduction as it was', () => {
    const work: BillLine = { kind: 'fee', label: 'Design work', amount: { minor: 100_000, currency: 'JPY' }, taxable: true };
    const onAccount: BillLine = { kind: 'payment-credit', label: 'Paid on account', amount: { minor: -20_000, currency: 'JPY' }, taxable: false };
    // ¥100,000 + ¥10,000 tax − ¥20,000 − ¥10,210 withheld (10.21%) = ¥79,790.
    const bill = makeBill([work], { currency: 'JPY', tax: { label: '消費税', percent: 10 }, deductions: [onAccount], withholding: true });
    expect(bill.total.minor).toBe(79_790);
    // One period at 2% of ¥79,790 = ¥1,595.8: ¥1,596, neither taxed nor withheld from.
    const late = withLateFee(bill, 2, '2027-01-01', '2027-01-31').bill;
    expect(late.deductions.map((line) => [line.kind, line.label, line.amount.minor])).toEqual([
      ['payment-credit', 'Paid on account', -20_000],
      ['withholding', 'Income tax withheld', -10_210],
    ]);
    // ¥101,596 + ¥10,000 − ¥20,000 − ¥10,210
    expect(late.total.minor).toBe(81_386);
  });

  it('a bill with a deduction and no withholding keeps its deduction, and gains no withholding, when a late fee is added', () => {
    const work: BillLine = { kind: 'fee', label: 'Design work', amount: { minor: 100_000, currency: 'USD' }, taxable: true };
    const onAccount: BillLine = { kind: 'payment-credit', label: 'Paid on account', amount: { minor: -20_000, currency: 'USD' }, taxable: false };
    const bill = makeBill([work], { currency: 'USD', deductions: [onAccount] });
    // One period at 1.5% of the $800.00 asked for: $12.00.
    const late = withLateFee(bill, 1.5, '2027-01-01', '2027-01-31').bill;
    expect(late.deductions).toEqual([onAccount]);
    expect(totals(late)).toEqual([101_200, 101_200, 81_200]);
  });
});
