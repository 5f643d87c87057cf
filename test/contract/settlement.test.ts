// The settlement model against PRODUCT.md's worked examples ("How the money
// and the endings fit together"): each row of its table is a test here, with
// the figures written as a freelancer reads them on the page.
import { describe, expect, it } from 'vitest';
import { answersSchema, type Answers } from '../../src/answers/schema.ts';
import { formatMoney, type Money } from '../../src/answers/money.ts';
import {
  balanceBill,
  contractMoney,
  depositBill,
  ending,
  exampleEndingInput,
  hoursBill,
  lateFigures,
  retainerMonthBill,
  taxesOn,
  withLateFee,
  type BillLine,
} from '../../src/contract/settlement.ts';
import { sampleInput } from '../helpers/samples.ts';

const fmt = (amount: Money) => formatMoney(amount);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function answers(name: string, change: (input: any) => void = () => {}): Answers {
  const input = sampleInput(name);
  change(input);
  return answersSchema.parse(input);
}

// fixed $12,000, deposit 50%, kill fee 25%: the new-client example as shipped.
const fixed = answers('new-client-fixed');
// hourly £85, 60 h estimate, deposit 30% (£1,530), kill fee 20%
const hourly = answers('returning-client-hourly', (input) => {
  input.killFee.percentOfRemainingFee = 20;
});
// retainer $2,500/month, 30 days' notice, kill fee 50%
const retainer = answers('retainer-prepaid', (input) => {
  input.killFee.percentOfRemainingFee = 50;
});

describe('the contract figures', () => {
  it('fixed $12,000 with a 50% deposit: $6,000.00 deposit and $6,000.00 balance', () => {
    const figures = contractMoney(fixed);
    expect([fmt(figures.base), fmt(figures.deposit), fmt(figures.balance)]).toEqual(['$12,000.00', '$6,000.00', '$6,000.00']);
    expect(figures.depositBill.taxes).toEqual([]);
    expect(fmt(figures.depositBill.total)).toBe('$6,000.00');
  });

  it('hourly £85 × 60 h with 30%: a £1,530.00 deposit of the £5,100.00 estimate', () => {
    const figures = contractMoney(hourly);
    expect([fmt(figures.base), fmt(figures.deposit), fmt(figures.balance)]).toEqual(['£5,100.00', '£1,530.00', '£3,570.00']);
  });

  it('deposit and balance always add up to the base, whatever the rounding', () => {
    const odd = answers('new-client-fixed', (input) => {
      input.fee.total = 1000.01;
      input.deposit.percent = 33.3;
    });
    const figures = contractMoney(odd);
    expect(figures.deposit.minor + figures.balance.minor).toBe(figures.base.minor);
    expect(fmt(figures.deposit)).toBe('$333.00');
  });

  it('with 20% VAT on £1,275.00 and a 50% deposit: £637.50 net, £127.50 VAT, £765.00 total', () => {
    const vat = answers('returning-client-hourly', (input) => {
      input.fee = { model: 'fixed', currency: 'GBP', total: 1275, paymentDueDays: 30, lateFeePercentPerMonth: 2, tax: { label: 'VAT', percent: 20 } };
      input.deposit.percent = 50;
    });
    const bill = depositBill(vat);
    expect(fmt(bill.net)).toBe('£637.50');
    expect(bill.taxes.map((t) => [t.label, t.percent, fmt(t.amount)])).toEqual([['VAT', 20, '£127.50']]);
    expect(fmt(bill.total)).toBe('£765.00');
    expect(fmt(balanceBill(vat).total)).toBe('£765.00');
  });

  it('yen have no decimals: 10% consumption tax on ¥600,000 is ¥60,000', () => {
    const yen = answers('new-client-fixed', (input) => {
      input.fee.currency = 'JPY';
      input.fee.total = 1_200_000;
      input.fee.tax = { label: '消費税', percent: 10 };
    });
    const bill = depositBill(yen);
    expect([bill.net.minor, bill.taxes[0]!.amount.minor, bill.total.minor]).toEqual([600_000, 60_000, 660_000]);
  });
});

describe('PRODUCT.md worked examples: what is owed at an ending', () => {
  // Issue 23 point 7: keeping the deposit beyond work done + kill fee would be a
  // penalty (Cavendish v Makdessi [2015] UKSC 67; 民法420条・90条), so that part is refunded.
  it('fixed $12,000, 50% deposit, kill fee 25%, work done $2,400: $0.00 owed, the $1,200.00 beyond work and kill fee refunded', () => {
    const result = ending(fixed, { workDoneAmount: 2400 });
    expect(fmt(result.feeNotEarned)).toBe('$9,600.00');
    expect(fmt(result.killFee)).toBe('$2,400.00');
    expect(fmt(result.earned)).toBe('$4,800.00');
    expect(fmt(result.bill.total)).toBe('$0.00');
    expect(fmt(result.depositCredited)).toBe('$4,800.00');
    expect(fmt(result.refund)).toBe('$1,200.00');
  });

  it('100% paid up front, no kill fee, $500 of work done: the freelancer keeps $500, the rest is refunded', () => {
    const prepaid = answers('new-client-fixed', (input) => {
      input.fee.total = 5000;
      input.deposit.percent = 100;
      input.killFee.percentOfRemainingFee = 0;
    });
    const result = ending(prepaid, { workDoneAmount: 500 });
    expect(fmt(result.earned)).toBe('$500.00');
    expect(fmt(result.bill.total)).toBe('$0.00');
    expect(fmt(result.refund)).toBe('$4,500.00');
  });

  it('same, work done $9,000: $9,000 + 25% × $3,000 = $9,750 − $6,000 = $3,750.00', () => {
    const result = ending(fixed, { workDoneAmount: 9000 });
    expect(fmt(result.killFee)).toBe('$750.00');
    expect(fmt(result.bill.total)).toBe('$3,750.00');
    expect(result.bill.lines.map((l) => [l.kind, fmt(l.amount)])).toEqual([
      ['work-done', '$9,000.00'],
      ['kill-fee', '$750.00'],
      ['deposit-credit', '-$6,000.00'],
    ]);
  });

  it('same, no kill fee, work done $9,000: $3,000.00', () => {
    const noKill = answers('new-client-fixed', (input) => {
      input.killFee.percentOfRemainingFee = 0;
    });
    const result = ending(noKill, { workDoneAmount: 9000 });
    expect(result.killFee.minor).toBe(0);
    expect(result.bill.lines.some((l) => l.kind === 'kill-fee')).toBe(false);
    expect(fmt(result.bill.total)).toBe('$3,000.00');
  });

  it('hourly £85, 60 h, 30% deposit, kill fee 20%, 24 h worked: £1,122.00', () => {
    const result = ending(hourly, { hoursWorked: 24 });
    expect(fmt(result.workDone)).toBe('£2,040.00');
    expect(fmt(result.feeNotEarned)).toBe('£3,060.00');
    expect(fmt(result.killFee)).toBe('£612.00');
    expect(fmt(result.earned)).toBe('£2,652.00');
    expect(fmt(result.bill.total)).toBe('£1,122.00');
  });

  it('retainer $2,500, 30 days\' notice, kill fee 50%, client gives 10 days: $833.33', () => {
    const result = ending(retainer, { noticeDaysGiven: 10 });
    expect(fmt(result.feeNotEarned)).toBe('$1,666.67');
    expect(fmt(result.killFee)).toBe('$833.33');
    expect(fmt(result.bill.total)).toBe('$833.33');
  });

  it('a retainer client who gives the full notice owes no kill fee', () => {
    expect(ending(retainer, { noticeDaysGiven: 30 }).killFee.minor).toBe(0);
    expect(ending(retainer, { noticeDaysGiven: 45 }).killFee.minor).toBe(0);
  });

  it('fixed $12,000, 50% deposit, the Freelancer ends for convenience at $2,400: $3,600.00 refunded', () => {
    const result = ending(fixed, { cause: 'freelancer', workDoneAmount: 2400 });
    expect(result.killFee.minor).toBe(0);
    expect(fmt(result.bill.total)).toBe('$0.00');
    expect(fmt(result.refund)).toBe('$3,600.00');
  });

  it('a refundable deposit beyond what is owed goes back even when the client ends', () => {
    const refundable = answers('new-client-fixed', (input) => {
      input.deposit.nonRefundable = false;
    });
    const result = ending(refundable, { workDoneAmount: 2400 });
    expect(fmt(result.refund)).toBe('$1,200.00');
  });

  it('payments made and the deposit beyond what is owed are refunded alike', () => {
    const result = ending(fixed, { workDoneAmount: 2400, paymentsMade: 3000 });
    expect(fmt(result.refund)).toBe('$4,200.00');
    expect(fmt(result.bill.total)).toBe('$0.00');
  });

  it('approved expenses are owed at cost and taxed with the rest', () => {
    const vat = answers('new-client-fixed', (input) => {
      input.fee.tax = { label: 'VAT', percent: 20 };
      // Under English law a kill fee bears VAT (HMRC Brief 2/2022); in Oregon it would not.
      input.jurisdiction.governingLaw = 'England and Wales';
      input.jurisdiction.venue = 'London';
    });
    const result = ending(vat, { workDoneAmount: 9000, expenses: [{ description: 'Stock photos', amount: 250 }] });
    // 9,000 + 250 + 750 − 6,000 = 4,000 net; VAT 800
    expect(fmt(result.bill.net)).toBe('$4,000.00');
    expect(fmt(result.bill.taxes[0]!.amount)).toBe('$800.00');
    expect(fmt(result.bill.total)).toBe('$4,800.00');
  });

  it('the kill fee is rounded once, on the fee not earned', () => {
    const odd = answers('new-client-fixed', (input) => {
      input.fee.total = 100;
      input.killFee.percentOfRemainingFee = 33.3;
    });
    // 33.3% of $99.99 = $33.29667 -> $33.30
    expect(fmt(ending(odd, { workDoneAmount: 0.01 }).killFee)).toBe('$33.30');
  });
});

describe('invoices from the same figures', () => {
  it('hours at the rate; the final one credits the deposit and never goes below zero', () => {
    expect(fmt(hoursBill(hourly, 24).total)).toBe('£2,040.00');
    expect(fmt(hoursBill(hourly, 24, { final: true }).total)).toBe('£510.00');
    expect(fmt(hoursBill(hourly, 10, { final: true }).total)).toBe('£0.00');
  });

  it('one retainer month, paid in advance', () => {
    expect(fmt(retainerMonthBill(retainer).total)).toBe('$2,500.00');
  });
});

describe('the example ending the contract works through', () => {
  it('a fifth of the price done on a fixed price', () => {
    expect(exampleEndingInput(fixed)).toEqual({ workDoneAmount: 2400 });
  });
  it('a fifth of the hours on an hourly estimate', () => {
    expect(exampleEndingInput(hourly)).toEqual({ hoursWorked: 12 });
  });
  it('a third of the notice on a retainer', () => {
    expect(exampleEndingInput(retainer)).toEqual({ noticeDaysGiven: 10 });
  });
});

describe('late fee: the contract\'s percentage for each full 30 days', () => {
  it.each([
    ['2027-03-12', 0, '$0.00'],
    ['2027-04-10', 0, '$0.00'],
    ['2027-04-11', 1, '$90.00'],
    ['2027-05-11', 2, '$180.00'],
  ])('on %s: %i periods, %s', (onDate, periods, fee) => {
    const figures = lateFigures({ amount: 6000, dueDate: '2027-03-12' }, 'USD', 1.5, onDate);
    expect(figures.periods).toBe(periods);
    expect(fmt(figures.lateFee)).toBe(fee);
  });
});

describe('what an invoice adds to the contract figures', () => {
  it('the balance invoice carries approved expenses at cost, taxed once with the balance', () => {
    const vat = answers('new-client-fixed', (input) => {
      input.fee.tax = { label: 'VAT', percent: 20 };
    });
    const bill = balanceBill(vat, { expenses: [{ description: 'Stock photos', amount: 120.5 }] });
    expect(bill.lines.map((l) => [l.kind, fmt(l.amount)])).toEqual([
      ['balance', '$6,000.00'],
      ['expense', '$120.50'],
    ]);
    expect(bill.taxes.map((t) => fmt(t.amount))).toEqual(['$1,224.10']);
    expect(fmt(bill.total)).toBe('$7,344.60');
  });

  it('a retainer\'s first month credits the deposit; a 100% deposit leaves nothing to ask', () => {
    const thirty = answers('retainer-prepaid', (input) => {
      input.deposit.percent = 30;
    });
    const first = retainerMonthBill(thirty, { firstMonth: true });
    expect(first.lines.map((l) => [l.kind, fmt(l.amount)])).toEqual([
      ['fee', '$2,500.00'],
      ['deposit-credit', '-$750.00'],
    ]);
    expect(fmt(first.total)).toBe('$1,750.00');
    expect(fmt(retainerMonthBill(thirty).total)).toBe('$2,500.00');
    expect(fmt(retainerMonthBill(retainer, { firstMonth: true }).total)).toBe('$0.00');
  });

  it('resent 45 days late at 1.5% a month: one period, $90.00 on $6,000.00, untaxed', () => {
    const { bill, late } = withLateFee(balanceBill(fixed), 1.5, '2027-03-12', '2027-04-26');
    expect(late.periods).toBe(1);
    expect(bill.lines.at(-1)).toEqual({
      kind: 'late-fee',
      label: 'Late fee: 1.5% a month for 1 full 30-day period since March 12, 2027',
      amount: { minor: 9000, currency: 'USD' },
      taxable: false,
    });
    expect(fmt(bill.total)).toBe('$6,090.00');
  });

  it('the late fee is a share of the invoice with its tax, and adds no tax of its own', () => {
    const vat = answers('new-client-fixed', (input) => {
      input.fee.tax = { label: 'VAT', percent: 20 };
    });
    // $6,000.00 + $1,200.00 VAT = $7,200.00; two periods at 1.5% = $216.00
    const { bill } = withLateFee(balanceBill(vat), 1.5, '2027-03-12', '2027-05-11');
    expect(bill.taxes.map((t) => fmt(t.amount))).toEqual(['$1,200.00']);
    expect(fmt(bill.net)).toBe('$6,216.00');
    expect(fmt(bill.total)).toBe('$7,416.00');
  });

  it('no line at all before a full 30 days, or when the contract has no late fee', () => {
    expect(withLateFee(balanceBill(fixed), 1.5, '2027-03-12', '2027-04-10').bill).toEqual(balanceBill(fixed));
    expect(withLateFee(balanceBill(fixed), 0, '2027-03-12', '2027-09-10').bill).toEqual(balanceBill(fixed));
  });
});

// Tax is rounded once per invoice and rate (a qualified invoice must: 消費税法施行令
// 第70条の10), half up, never line by line. Each figure worked by hand.
describe('tax on a bill: one rounding per rate over the taxable lines', () => {
  const line = (minor: number, taxable = true, currency = 'JPY'): BillLine => ({
    kind: 'fee',
    label: 'work',
    amount: { minor, currency },
    taxable,
  });

  it('two lines of ¥333 at 10%: 10% of ¥666 is ¥66.6, so ¥67 (line by line it would be ¥33 + ¥33 = ¥66)', () => {
    expect(taxesOn([line(333), line(333)], [{ label: '消費税', percent: 10 }], 'JPY').map((tax) => tax.amount.minor)).toEqual([67]);
  });

  it('half a unit rounds up: 10% of ¥5 is ¥1, 10% of ¥4 is ¥0', () => {
    expect(taxesOn([line(5)], [{ label: '消費税', percent: 10 }], 'JPY')[0]!.amount.minor).toBe(1);
    expect(taxesOn([line(4)], [{ label: '消費税', percent: 10 }], 'JPY')[0]!.amount.minor).toBe(0);
  });

  it('20% VAT on £10.03 + £10.03 is £4.012, so £4.01; an untaxed line (a late fee) stays out of the base', () => {
    const [vat] = taxesOn([line(10_03, true, 'GBP'), line(10_03, true, 'GBP'), line(50_00, false, 'GBP')], [{ label: 'VAT', percent: 20 }], 'GBP');
    expect(vat!.base.minor).toBe(20_06);
    expect(vat!.amount.minor).toBe(4_01);
  });
});
