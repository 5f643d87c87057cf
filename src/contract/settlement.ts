// The settlement model: every figure the contract, the letters and the
// invoices print, computed once from the answers, in minor units (cents,
// pence, whole yen). PRODUCT.md, "How the money and the endings fit
// together", is the specification and its worked examples are the tests
// (test/contract/settlement.test.ts). Templates and renderers only print
// what this module returns; none of them does arithmetic.
//
// Shapes that later layers build on:
// - a Bill is labelled net lines (credits negative), tax computed once per
//   rate over the taxable lines, deductions after tax (Japanese withholding
//   goes there), and the total;
// - `ending()` is what is owed when the Agreement ends, as a Bill plus what
//   happens to the deposit (credited, kept or refunded).
import type { Answers } from '../answers/schema.ts';
import { addDays, daysBetween, formatLongDate } from '../answers/dates.ts';
import { formatPercent, money, toMajor, type Money } from '../answers/money.ts';
import { placeFor } from '../jurisdictions/place-for.ts';

/** A tax as the contract names it: "VAT" at 20%, "消費税" at 10%. */
export interface TaxRate {
  readonly label: string;
  readonly percent: number;
}

export type LineKind =
  | 'fee' // the price, an hours line, a retainer month
  | 'deposit' // the deposit asked for
  | 'balance'
  | 'work-done'
  | 'kill-fee'
  | 'expense'
  | 'late-fee'
  | 'statutory-interest' // interest under the place's late-payment statute, instead of the late fee (src/claims)
  | 'statutory-compensation' // the statute's fixed sum for recovery costs (UK £40/£70/£100, EU €40)
  | 'deposit-credit' // the deposit credited (negative)
  | 'payment-credit' // other payments already made (negative)
  | 'withholding'; // Japanese withholding income tax, a deduction after tax (negative)

export interface BillLine {
  readonly kind: LineKind;
  /** English wording of the line; a language edition may label by `kind` instead. */
  readonly label: string;
  /** Net of tax; negative for a credit. */
  readonly amount: Money;
  /** Whether the contract's tax applies (approved expenses billed at cost may be passed through untaxed). */
  readonly taxable: boolean;
}

export interface TaxLine {
  readonly label: string;
  readonly percent: number;
  /** The taxable lines added up. */
  readonly base: Money;
  /** Rounded once for the rate, never line by line. */
  readonly amount: Money;
}

export interface Bill {
  readonly currency: string;
  readonly lines: readonly BillLine[];
  /** The lines added up, before tax. */
  readonly net: Money;
  readonly taxes: readonly TaxLine[];
  /** Net plus every tax line. */
  readonly gross: Money;
  /** Taken off after tax (withholding); empty in the English contract. */
  readonly deductions: readonly BillLine[];
  /** What the client pays: gross less deductions. */
  readonly total: Money;
}

const sum = (currency: string, amounts: readonly Money[]): Money => ({
  minor: amounts.reduce((total, amount) => total + amount.minor, 0),
  currency,
});

/** A share of an amount in minor units, rounded once (half away from zero). */
export function share(amount: Money, numerator: number, denominator = 100): Money {
  const exact = (amount.minor * numerator) / denominator;
  return { minor: Math.sign(exact) * Math.round(Math.abs(exact)), currency: amount.currency };
}

/** Tax for each rate over the taxable lines, each rounded once. */
export function taxesOn(lines: readonly BillLine[], rates: readonly TaxRate[], currency: string): TaxLine[] {
  const base = sum(currency, lines.filter((line) => line.taxable).map((line) => line.amount));
  return rates.map((rate) => ({ label: rate.label, percent: rate.percent, base, amount: share(base, rate.percent) }));
}

// ---------------------------------------------------------------------------
// Japanese withholding income tax (源泉徴収)
//
// Income Tax Act art. 204 and art. 205 (1), with the special reconstruction
// income tax (復興特別所得税, 2.1% of the income tax, until 2037): 10.21% of a
// payment up to ¥1,000,000 and 20.42% of the part above, on each payment, on
// the amount before consumption tax when that tax is stated separately
// (the National Tax Agency's guidance on 報酬・料金等の源泉徴収). Yen fractions
// are dropped. Kept in integers: 10.21% is 1021 / 10000.

/** The payment up to which the lower rate applies, in yen. */
export const WITHHOLDING_THRESHOLD_YEN = 1_000_000;
/** The two rates in hundredths of a percent (10.21%, 20.42%), for printing and for the arithmetic. */
export const WITHHOLDING_RATES = { upToThreshold: 10.21, aboveThreshold: 20.42 } as const;

/** Income tax withheld from one payment of `base` yen (net of consumption tax); nothing from zero or a credit. */
export function withholdingOn(base: Money): Money {
  if (base.currency !== 'JPY') throw new RangeError('withholdingOn: withholding is computed in yen');
  const yen = Math.max(0, base.minor);
  const lower = Math.min(yen, WITHHOLDING_THRESHOLD_YEN);
  const upper = yen - lower;
  // Each part's product is an integer number of ten-thousandths of a yen; the fraction of a yen is dropped once.
  const minor = Math.floor((lower * 1021 + upper * 2042) / 10_000);
  return { minor, currency: 'JPY' };
}

/** The contract's tax rate, if it charges one (`fee.tax: null` turns a language's default tax off). */
export function taxRateOf(answers: Pick<Answers, 'fee'>): TaxRate | undefined {
  return answers.fee.tax || undefined;
}

/** Lines into a bill: the net, the tax once per rate, the gross, deductions, the total. */
export function makeBill(
  lines: readonly BillLine[],
  options: { currency: string; tax?: TaxRate; deductions?: readonly BillLine[]; withholding?: boolean },
): Bill {
  const { currency } = options;
  const net = sum(currency, lines.map((line) => line.amount));
  const taxes = options.tax ? taxesOn(lines, [options.tax], currency) : [];
  const gross = sum(currency, [net, ...taxes.map((tax) => tax.amount)]);
  const deductions = [...(options.deductions ?? []), ...(options.withholding ? withholdingLines(lines, currency) : [])];
  const total = sum(currency, [gross, ...deductions.map((line) => line.amount)]);
  return { currency, lines, net, taxes, gross, deductions, total };
}

/** Charges for paying late: damages, never a fee, so never withheld from. */
const LATE_CHARGE_KINDS: ReadonlySet<LineKind> = new Set(['late-fee', 'statutory-interest', 'statutory-compensation']);

/**
 * The withholding deduction on a bill's lines: on the fee, the credits and the
 * expenses billed with it (expenses paid to the freelancer are part of the
 * payment; 所得税基本通達 204-2 and 204-4 spare only those the client pays to the
 * carrier or hotel directly), never on a late fee, which is damages, not a fee.
 */
function withholdingLines(lines: readonly BillLine[], currency: string): BillLine[] {
  const base = sum(currency, lines.filter((l) => !LATE_CHARGE_KINDS.has(l.kind)).map((l) => l.amount));
  const withheld = withholdingOn(base);
  return withheld.minor > 0 ? [line('withholding', 'Income tax withheld', negate(withheld), false)] : [];
}

const line = (kind: LineKind, label: string, amount: Money, taxable = true): BillLine => ({ kind, label, amount, taxable });
/** The amount with its sign turned: a credit line, or a deduction read as what it takes off. */
export const negate = (amount: Money): Money => ({ minor: -amount.minor, currency: amount.currency });
const zero = (currency: string): Money => ({ minor: 0, currency });
const max0 = (amount: Money): Money => (amount.minor > 0 ? amount : zero(amount.currency));

/** The figures a contract states: what the deposit is a share of, the deposit, the balance, and each with tax. */
export interface ContractMoney {
  readonly currency: string;
  readonly model: Answers['fee']['model'];
  /** The total price, the estimated fee (rate × hours, rounded once) or one month's retainer: net of tax. */
  readonly base: Money;
  readonly depositPercent: number;
  /** Net of tax. */
  readonly deposit: Money;
  /** base − deposit, net of tax. */
  readonly balance: Money;
  readonly tax?: TaxRate;
  /** Each figure's tax and gross (equal to the net figure when there is no tax). */
  readonly baseBill: Bill;
  readonly depositBill: Bill;
  readonly balanceBill: Bill;
  /** True when the deposit is the whole price (or the whole month, for a retainer). */
  readonly inFull: boolean;
}

/** The contract's fee as money: base, deposit, balance, each net and with tax. */
export function contractMoney(answers: Answers): ContractMoney {
  const { fee } = answers;
  const currency = fee.currency;
  const base =
    fee.model === 'fixed'
      ? money(fee.total, currency)
      : fee.model === 'hourly'
        ? // Rate times hours, rounded once at the end as an invoice would be.
          money(fee.rate * fee.estimatedHours, currency)
        : money(fee.monthly, currency);
  const percent = answers.deposit.percent;
  const deposit = share(base, percent);
  const balance: Money = { minor: base.minor - deposit.minor, currency };
  const tax = taxRateOf(answers);
  // The price itself is not a payment; the deposit and the balance are, and income tax is withheld from each.
  const bill = (kind: LineKind, label: string, amount: Money, withholding = false) => makeBill([line(kind, label, amount)], { currency, tax, withholding });
  return {
    currency,
    model: fee.model,
    base,
    depositPercent: percent,
    deposit,
    balance,
    tax,
    baseBill: bill('fee', baseLabel(answers), base),
    depositBill: bill('deposit', `Deposit (${formatPercent(percent)})`, deposit, fee.withholding),
    balanceBill: bill('balance', 'Balance', balance, fee.withholding),
    inFull: percent >= 100,
  };
}


function baseLabel(answers: Answers): string {
  const { fee } = answers;
  return fee.model === 'fixed' ? 'Total price' : fee.model === 'hourly' ? 'Estimated fee' : 'Monthly retainer';
}

/** The deposit invoice: the deposit, with tax where the contract sets it. */
export function depositBill(answers: Answers): Bill {
  return contractMoney(answers).depositBill;
}

/** The fixed price less the deposit, with tax; approved expenses at cost on the same invoice. */
export function balanceBill(answers: Answers, options: { expenses?: readonly Expense[] } = {}): Bill {
  const figures = contractMoney(answers);
  if (!options.expenses?.length) return figures.balanceBill;
  return extendBill(figures.balanceBill, expenseLines(options.expenses, figures.currency));
}

/** Hours worked at the hourly rate; on the final invoice, the deposit is credited (never below zero). */
export function hoursBill(answers: Answers, hours: number, options: { final?: boolean; expenses?: readonly Expense[] } = {}): Bill {
  const { fee } = answers;
  if (fee.model !== 'hourly') throw new RangeError('hoursBill: the contract is not hourly');
  const currency = fee.currency;
  const work = money(fee.rate * hours, currency);
  const lines: BillLine[] = [line('fee', `${hoursText(hours)} hours at the hourly rate`, work), ...expenseLines(options.expenses, currency)];
  if (options.final) {
    const deposit = contractMoney(answers).deposit;
    const before = sum(currency, lines.map((l) => l.amount));
    // The deposit is credited up to what this invoice asks for: a credit never makes an invoice negative.
    const credit = deposit.minor < before.minor ? deposit : max0(before);
    if (credit.minor > 0) lines.push(line('deposit-credit', 'Deposit paid, credited', negate(credit)));
  }
  return makeBill(lines, { currency, tax: taxRateOf(answers), withholding: fee.withholding });
}

/**
 * One month of the retainer, paid in advance. The deposit of a retainer is
 * part of its first month (see `ending`), so the first month's invoice
 * credits it (`firstMonth`): deposit plus first month is one month's fee.
 */
/**
 * The retainer's payment term, the one rule the contract (both languages) and each month's
 * invoice state (issue 23, point 10): a month is paid in advance, due on its first day (the
 * start date in the first month), or on receipt when the invoice is sent later than that.
 * `fee.paymentDueDays` is the term of every other invoice (approved expenses, an ending).
 */
export function retainerMonthStart(answers: Pick<Answers, 'project'>, month: string): string {
  return month === answers.project.startDate.slice(0, 7) ? answers.project.startDate : `${month}-01`;
}

/** The due date of the retainer invoice for `month` ("2027-02") issued on `issuedOn`. */
export function retainerMonthDue(answers: Pick<Answers, 'project'>, month: string, issuedOn: string): string {
  const starts = retainerMonthStart(answers, month);
  return starts > issuedOn ? starts : issuedOn;
}

export function retainerMonthBill(answers: Answers, options: { expenses?: readonly Expense[]; firstMonth?: boolean } = {}): Bill {
  const { fee } = answers;
  if (fee.model !== 'retainer') throw new RangeError('retainerMonthBill: the contract is not a retainer');
  const lines = [line('fee', 'Monthly retainer, paid in advance', money(fee.monthly, fee.currency)), ...expenseLines(options.expenses, fee.currency)];
  if (options.firstMonth) {
    const deposit = contractMoney(answers).deposit;
    if (deposit.minor > 0) lines.push(line('deposit-credit', 'Deposit paid, credited', negate(deposit)));
  }
  return makeBill(lines, { currency: fee.currency, tax: taxRateOf(answers), withholding: fee.withholding });
}

/** The deposit a bill credits, as a positive amount (zero when it credits none). */
export function depositCreditedOn(bill: Bill): Money {
  const credits = sum(bill.currency, bill.lines.filter((l) => l.kind === 'deposit-credit').map((l) => l.amount));
  return { minor: 0 - credits.minor, currency: bill.currency };
}

/**
 * The part of the deposit a final hours invoice (`bill`) leaves unused, as a
 * bill of what goes back to the Client: the net, with the tax that was paid
 * on it, which goes back with it (the deposit invoice charged the tax on the
 * whole deposit).
 */
export function unusedDepositBill(answers: Answers, bill: Bill): Bill {
  const unused = max0({ minor: contractMoney(answers).deposit.minor - depositCreditedOn(bill).minor, currency: bill.currency });
  return makeBill([line('deposit-credit', 'Deposit not used, refunded', unused)], { currency: bill.currency, tax: taxRateOf(answers) });
}

const hoursText = (hours: number) => Number(hours.toFixed(2)).toLocaleString('en-US');

/** An expense the client approved in writing, billed at cost (major units, as typed). */
export interface Expense {
  readonly description: string;
  readonly amount: number;
  /** Defaults to true: the contract's tax applies to expenses re-billed. */
  readonly taxable?: boolean;
}

function expenseLines(expenses: readonly Expense[] | undefined, currency: string): BillLine[] {
  return (expenses ?? []).map((expense) => line('expense', `Expense at cost: ${expense.description}`, money(expense.amount, currency), expense.taxable ?? true));
}

// ---------------------------------------------------------------------------
// Endings

/** Days within which a payment beyond what is owed goes back, as the contract's deposit and termination clauses say. */
export const REFUND_DAYS = 14;

/**
 * Who caused the ending. `client`: the Client ended for convenience, or the
 * Freelancer ended for non-payment or silence (PRODUCT.md: all caused by the
 * Client). `freelancer`: the Freelancer ended for convenience or is in breach.
 */
export type EndingCause = 'client' | 'freelancer';

export interface EndingInput {
  readonly cause?: EndingCause;
  /** Fixed price and retainer: the value of the work done and not yet paid for by a retainer month (major units). */
  readonly workDoneAmount?: number;
  /** Hourly: hours worked (valued at the rate, rounded once). */
  readonly hoursWorked?: number;
  /** Retainer: days of notice the Client gave (0 for none); the kill fee covers the rest of the notice period. */
  readonly noticeDaysGiven?: number;
  /** Payments already made besides the deposit, net of tax (major units). */
  readonly paymentsMade?: number;
  readonly expenses?: readonly Expense[];
}

export interface Ending {
  readonly cause: EndingCause;
  readonly currency: string;
  readonly workDone: Money;
  readonly expenses: Money;
  /** Fixed: price − work done; hourly: estimate − hours × rate; retainer: the retainer for the notice not given. Never below zero. */
  readonly feeNotEarned: Money;
  readonly killFeePercent: number;
  /** Zero without a kill fee, and always zero for an ending the Freelancer caused. */
  readonly killFee: Money;
  /** Work done + expenses + kill fee: what the ending is worth before anything paid is credited. */
  readonly earned: Money;
  /** The deposit paid (net); a retainer's advance payment is a month's fee, not a deposit to credit. */
  readonly deposit: Money;
  readonly paymentsMade: Money;
  /** Credited against what is owed (at most what is owed). */
  readonly depositCredited: Money;
  /** The part of the deposit beyond what is owed: refunded with the rest of `refund`, never kept. */
  readonly depositRefunded: Money;
  /** What goes back to the Client, net of tax: everything paid beyond work done, expenses and kill fee. */
  readonly refund: Money;
  /** The tax that goes back with it: on `refund`, and on an advance credited against a kill fee that bears none. */
  readonly taxRefunded: Money;
  /** `refund` and `taxRefunded` as a bill (absent when nothing goes back). */
  readonly refundBill?: Bill;
  /** What the Client still owes, with tax: lines, tax, total (never below zero). */
  readonly bill: Bill;
}

/** Work valued for an ending, per fee model (major-unit inputs turned into minor units once). */
function workDoneFor(answers: Answers, input: EndingInput): Money {
  const { fee } = answers;
  if (fee.model === 'hourly') return money(fee.rate * Math.max(0, input.hoursWorked ?? 0), fee.currency);
  return money(Math.max(0, input.workDoneAmount ?? 0), fee.currency);
}

function missingNoticeDays(answers: Answers, input: EndingInput): number {
  const { fee } = answers;
  return fee.model === 'retainer' ? Math.max(0, fee.noticeDays - Math.max(0, input.noticeDaysGiven ?? 0)) : 0;
}

/** The fee not yet earned, on which the kill fee is a percentage. */
export function feeNotEarned(answers: Answers, input: EndingInput): Money {
  const { fee } = answers;
  const figures = contractMoney(answers);
  // The retainer for the part of the notice period not given; a month counts as 30 days.
  if (fee.model === 'retainer') return share(figures.base, missingNoticeDays(answers, input), 30);
  return max0({ minor: figures.base.minor - workDoneFor(answers, input).minor, currency: fee.currency });
}

/** What is owed when the Agreement ends (PRODUCT.md's formula, in minor units). */
export function ending(answers: Answers, input: EndingInput = {}): Ending {
  const { fee } = answers;
  const currency = fee.currency;
  const cause = input.cause ?? 'client';
  const figures = contractMoney(answers);
  const workDone = workDoneFor(answers, input);
  const expenseItems = expenseLines(input.expenses, currency);
  const expenses = sum(currency, expenseItems.map((l) => l.amount));
  const notEarned = feeNotEarned(answers, input);
  const killFeePercent = cause === 'client' ? answers.killFee.percentOfRemainingFee : 0;
  // Rounded once: for a retainer the fee not earned is itself a share of the
  // month, so the kill fee is taken from the month directly (50% × $2,500 × 20/30 = $833.33).
  const killFee =
    fee.model === 'retainer'
      ? share(figures.base, killFeePercent * missingNoticeDays(answers, input), 100 * 30)
      : share(notEarned, killFeePercent);
  const earned = sum(currency, [workDone, expenses, killFee]);
  // A retainer paid in advance is each month's fee, already set against that month; the
  // deposit of a retainer is part of its first month. Only fixed and hourly deposits wait for the final invoice.
  const deposit = fee.model === 'retainer' ? zero(currency) : figures.deposit;
  const paymentsMade = money(Math.max(0, input.paymentsMade ?? 0), currency);
  const paid = sum(currency, [deposit, paymentsMade]);
  const beyond = max0({ minor: paid.minor - earned.minor, currency });

  const workLabel = fee.model === 'hourly' ? `Work done: ${hoursText(Math.max(0, input.hoursWorked ?? 0))} hours at the hourly rate` : 'Work done';
  const lines: BillLine[] = [line('work-done', workLabel, workDone), ...expenseItems];
  // Where the place treats a kill fee as compensation, not a price (Japan: 不課税, NTA タックスアンサー 6253), it bears no tax.
  if (killFee.minor > 0) lines.push(line('kill-fee', `Kill fee: ${formatPercent(killFeePercent)} of the fee not yet earned`, killFee, placeFor(answers).killFeeTaxed));
  // Credits never take the bill below zero: what is paid beyond what is owed is kept or refunded below.
  const depositCredited = deposit.minor < earned.minor ? deposit : earned;
  const left = earned.minor - depositCredited.minor;
  const paymentsCredited: Money = { minor: Math.min(paymentsMade.minor, left), currency };
  // What was paid in advance (net, its tax paid with it) is set first against the taxed lines; only
  // the rest meets an untaxed kill fee, as an untaxed credit, so the tax is never below zero.
  let taxedLeft = taxRateOf(answers) ? sum(currency, lines.filter((l) => l.taxable).map((l) => l.amount)).minor : Number.POSITIVE_INFINITY;
  let untaxedCredit = 0;
  const credit = (kind: LineKind, label: string, amount: Money) => {
    const taxed = Math.min(amount.minor, taxedLeft);
    taxedLeft -= taxed;
    untaxedCredit += amount.minor - taxed;
    if (taxed > 0) lines.push(line(kind, label, negate({ minor: taxed, currency })));
    if (amount.minor > taxed) lines.push(line(kind, `${label} against the kill fee`, negate({ minor: amount.minor - taxed, currency }), false));
  };
  credit('deposit-credit', 'Deposit paid, credited', depositCredited);
  credit('payment-credit', 'Payments already made, credited', paymentsCredited);
  const bill = makeBill(lines, { currency, tax: taxRateOf(answers), withholding: fee.withholding });

  // What was paid beyond what is owed goes back, whoever caused the ending and
  // whether or not the deposit is "non-refundable": keeping more than the work
  // done and the kill fee would be a penalty, unenforceable in England
  // (Cavendish v Makdessi [2015] UKSC 67) and void or reducible in Japan
  // (民法420条・90条) (issue 23 point 7). A non-refundable deposit is one the
  // work and the kill fee may use up, not one the Client forfeits.
  const depositRefunded: Money = { minor: deposit.minor - depositCredited.minor, currency };
  const refund = beyond;
  // The tax paid with an advance that now meets an untaxed kill fee is owed back with the refund.
  const taxRate = taxRateOf(answers);
  const prepaidTax = taxRate && untaxedCredit > 0 ? taxesOn([line('deposit-credit', '', { minor: untaxedCredit, currency })], [taxRate], currency)[0]!.amount : zero(currency);
  const refundLines = [
    ...(refund.minor > 0 ? [line('deposit-credit', 'Paid in advance beyond the work done, refunded', refund)] : []),
    ...(prepaidTax.minor > 0 ? [line('deposit-credit', `${taxRate!.label} paid in advance on the part credited against the kill fee, refunded`, prepaidTax, false)] : []),
  ];
  const refundBill = refundLines.length > 0 ? makeBill(refundLines, { currency, tax: taxRate }) : undefined;
  const taxRefunded: Money = { minor: refundBill ? refundBill.total.minor - refund.minor : 0, currency };
  return {
    cause,
    currency,
    workDone,
    expenses,
    feeNotEarned: notEarned,
    killFeePercent,
    killFee,
    earned,
    deposit,
    paymentsMade,
    depositCredited,
    depositRefunded,
    refund,
    taxRefunded,
    refundBill,
    bill,
  };
}

/**
 * The ending the contract's example sentence works through: work worth a
 * fifth of the price done (fixed), a fifth of the estimated hours worked
 * (hourly), or a third of the notice given (retainer). Chosen so the sentence
 * shows the kill fee and the deposit at work on the contract's own figures.
 */
export function exampleEndingInput(answers: Answers): EndingInput {
  const { fee } = answers;
  if (fee.model === 'fixed') return { workDoneAmount: toMajor(share(contractMoney(answers).base, 20)) };
  if (fee.model === 'hourly') return { hoursWorked: Math.round(fee.estimatedHours / 5) || fee.estimatedHours };
  return { noticeDaysGiven: Math.floor(fee.noticeDays / 3) };
}

// ---------------------------------------------------------------------------
// Late payment

/** A late fee accrues for each full period of this many days after the due date. */
export const LATE_FEE_PERIOD_DAYS = 30;

export interface LateFigures {
  /** The date asked about minus the due date; zero or negative when not yet overdue. */
  readonly daysLate: number;
  /** Full 30-day periods late: how many times the monthly fee applies. */
  readonly periods: number;
  readonly amount: Money;
  readonly lateFee: Money;
  /** What the client owes now: the invoice plus the late fee. */
  readonly balance: Money;
}

/**
 * The contract's late fee: its percentage of the invoice for each full 30
 * days late. The fee for one period is rounded to the minor unit first, as
 * an invoice line would print it, then counted once per period, so the
 * balance always adds up from figures the client sees.
 */
export function lateFigures(invoice: { amount: number; dueDate: string }, currency: string, percentPerPeriod: number, onDate: string): LateFigures {
  const amount = money(invoice.amount, currency);
  const daysLate = daysBetween(invoice.dueDate, onDate);
  const periods = daysLate > 0 ? Math.floor(daysLate / LATE_FEE_PERIOD_DAYS) : 0;
  const perPeriod = share(amount, percentPerPeriod);
  const lateFee: Money = { minor: perPeriod.minor * periods, currency };
  return { daysLate, periods, amount, lateFee, balance: { minor: amount.minor + lateFee.minor, currency } };
}

/**
 * The article's "resend the invoice with the late fee added": the bill with
 * the contract's late fee for each full 30 days since `dueDate` as a line of
 * its own. The fee is a percentage of what the invoice asked for (its total),
 * and is not taxed: it is a charge for paying late, not a supply.
 */
export function withLateFee(bill: Bill, percentPerPeriod: number, dueDate: string, onDate: string): { bill: Bill; late: LateFigures } {
  const late = lateFigures({ amount: toMajor(bill.total), dueDate }, bill.currency, percentPerPeriod, onDate);
  if (late.lateFee.minor <= 0) return { bill, late };
  const periods = `${late.periods} full ${LATE_FEE_PERIOD_DAYS}-day ${late.periods === 1 ? 'period' : 'periods'}`;
  const label = `Late fee: ${formatPercent(percentPerPeriod)} a month for ${periods} since ${formatLongDate(dueDate)}`;
  return { bill: extendBill(bill, [line('late-fee', label, late.lateFee, false)]), late };
}

/**
 * The bill with charges for paying late that are not a supply (statutory interest, the statute's fixed
 * compensation): untaxed lines of their own, the total computed again.
 */
export function withLateCharges(bill: Bill, charges: readonly { kind: 'late-fee' | 'statutory-interest' | 'statutory-compensation'; label: string; amount: Money }[]): Bill {
  const extra = charges.filter((charge) => charge.amount.minor > 0).map((charge) => line(charge.kind, charge.label, charge.amount, false));
  return extra.length > 0 ? extendBill(bill, extra) : bill;
}

/**
 * A bill with more lines: tax computed again, once per rate, over all the
 * taxable lines; withholding, where the bill had it, computed again over the
 * new lines too (an expense is withheld from, a late fee is not).
 */
function extendBill(bill: Bill, extra: readonly BillLine[]): Bill {
  const lines = [...bill.lines, ...extra];
  const rates = bill.taxes.map((tax) => ({ label: tax.label, percent: tax.percent }));
  const net = sum(bill.currency, lines.map((l) => l.amount));
  const taxes = taxesOn(lines, rates, bill.currency);
  const gross = sum(bill.currency, [net, ...taxes.map((tax) => tax.amount)]);
  const withheld = bill.deductions.some((l) => l.kind === 'withholding');
  const deductions = withheld ? [...bill.deductions.filter((l) => l.kind !== 'withholding'), ...withholdingLines(lines, bill.currency)] : bill.deductions;
  const total = sum(bill.currency, [gross, ...deductions.map((l) => l.amount)]);
  return { ...bill, lines, net, taxes, gross, deductions, total };
}

/**
 * The Japanese contract's "resend the invoice with the late fee": 遅延損害金 at
 * the contract's yearly rate counted by the day since `dueDate`
 * (`dailyLateFigures`), on what the invoice asked for, as a line of its own.
 * Not taxed and not withheld from: damages for paying late, not a supply or a fee.
 */
export function withDailyLateFee(bill: Bill, yearlyPercent: number, dueDate: string, onDate: string): { bill: Bill; late: LateFigures } {
  const late = dailyLateFigures({ amount: toMajor(bill.total), dueDate }, bill.currency, yearlyPercent, onDate);
  if (late.lateFee.minor <= 0) return { bill, late };
  const label = `Late-payment damages: ${formatPercent(yearlyPercent)} a year for ${late.periods} ${late.periods === 1 ? 'day' : 'days'} since ${formatLongDate(dueDate)}`;
  return { bill: extendBill(bill, [line('late-fee', label, late.lateFee, false)]), late };
}

/** The first day a late fee is owed: one full period after the due date. */
export function firstLateFeeDate(dueDate: string): string {
  return addDays(dueDate, LATE_FEE_PERIOD_DAYS);
}

/**
 * Late-payment damages at a yearly rate counted by the day (the Japanese
 * contract: 年14.4%, 年365日の日割計算), on the invoice amount from the day
 * after the due date; yen fractions dropped once.
 */
export function dailyLateFigures(invoice: { amount: number; dueDate: string }, currency: string, yearlyPercent: number, onDate: string): LateFigures {
  const amount = money(invoice.amount, currency);
  const daysLate = daysBetween(invoice.dueDate, onDate);
  const days = Math.max(0, daysLate);
  const lateFee: Money = { minor: Math.floor((amount.minor * yearlyPercent * days) / (100 * 365)), currency };
  return { daysLate, periods: days, amount, lateFee, balance: { minor: amount.minor + lateFee.minor, currency } };
}
