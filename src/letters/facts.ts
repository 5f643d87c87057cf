// The facts a letter template may print: the contract's facts (parties,
// project, fee terms) plus the letter's own, with every figure computed here
// and written out. Templates never compute (DESIGN.md: logic in code).
import type { Answers } from '../answers/schema.ts';
import { addDays, daysBetween, formatLongDate } from '../answers/dates.ts';
import { add, formatMoney, money, percentOf, type Money } from '../answers/money.ts';
import { computeFacts, daysText, type ContractFacts } from '../contract/facts.ts';
import { DEADLINE_DAYS, type Invoice, type LetterRequest } from './request.ts';

/** A late fee accrues for each full period of this many days (the rule: 45 days late = one period). */
export const LATE_FEE_PERIOD_DAYS = 30;

export interface LateFigures {
  /** Letter date minus due date; zero or negative when not yet overdue. */
  readonly daysLate: number;
  /** Full 30-day periods late: how many times the monthly fee applies. */
  readonly periods: number;
  readonly amount: Money;
  readonly lateFee: Money;
  /** What the client owes now: the invoice plus the late fee. */
  readonly balance: Money;
}

/**
 * The late fee is the contract's monthly percentage of the invoice for each
 * full 30 days late. The fee for one period is rounded to the currency's
 * minor unit first, as it would be printed on an invoice line, then counted
 * once per period, so the balance always adds up from figures the client sees.
 */
export function lateFigures(invoice: Pick<Invoice, 'amount' | 'dueDate'>, currency: string, percentPerMonth: number, letterDate: string): LateFigures {
  const amount = money(invoice.amount, currency);
  const daysLate = daysBetween(invoice.dueDate, letterDate);
  const periods = daysLate > 0 ? Math.floor(daysLate / LATE_FEE_PERIOD_DAYS) : 0;
  const perPeriod = percentOf(amount, percentPerMonth);
  const lateFee: Money = { minor: perPeriod.minor * periods, currency };
  return { daysLate, periods, amount, lateFee, balance: add(amount, lateFee) };
}

export interface LetterFacts extends ContractFacts {
  letter: {
    /** "March 29, 2027" */
    date: string;
    invoice: {
      hasInvoice: boolean;
      number: string;
      amount: string;
      issuedOn: string;
      dueDate: string;
    };
    daysLate: number;
    /** "45 days" */
    daysLateText: string;
    isOverdue: boolean;
    lateFee: string;
    hasLateFee: boolean;
    /** "one full 30-day period", "three full 30-day periods" */
    lateFeePeriodsText: string;
    balance: string;
    deadlineDays: number;
    deadlineDate: string;
    howToPay: string;
    hasHowToPay: boolean;
  };
}

const PERIOD_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const periodsText = (periods: number) =>
  `${PERIOD_WORDS[periods] ?? String(periods)} full ${LATE_FEE_PERIOD_DAYS}-day ${periods === 1 ? 'period' : 'periods'}`;

export function computeLetterFacts(answers: Answers, letter: LetterRequest['letter']): LetterFacts {
  return { ...computeFacts(answers), letter: letterOwnFacts(answers.fee, letter) };
}

/** The letter's own facts (`it.letter.*`); the fee gives the currency and the late-fee rate. */
export function letterOwnFacts(fee: Pick<Answers['fee'], 'currency' | 'lateFeePercentPerMonth'>, letter: LetterRequest['letter']): LetterFacts['letter'] {
  const deadlineDays = letter.deadlineDays ?? DEADLINE_DAYS.default;
  const invoice = letter.invoice;
  const figures = invoice ? lateFigures(invoice, fee.currency, fee.lateFeePercentPerMonth, letter.date) : undefined;
  return {
      date: formatLongDate(letter.date),
      invoice: {
        hasInvoice: Boolean(invoice),
        number: invoice?.number ?? '',
        amount: figures ? formatMoney(figures.amount) : '',
        issuedOn: invoice ? formatLongDate(invoice.issuedOn) : '',
        dueDate: invoice ? formatLongDate(invoice.dueDate) : '',
      },
      daysLate: figures ? Math.max(0, figures.daysLate) : 0,
      daysLateText: daysText(figures ? Math.max(0, figures.daysLate) : 0),
      isOverdue: figures ? figures.daysLate > 0 : false,
      lateFee: figures ? formatMoney(figures.lateFee) : '',
      hasLateFee: figures ? figures.lateFee.minor > 0 : false,
      lateFeePeriodsText: periodsText(figures?.periods ?? 0),
      balance: figures ? formatMoney(figures.balance) : '',
      deadlineDays,
      deadlineDate: formatLongDate(addDays(letter.date, deadlineDays)),
      howToPay: letter.howToPay ?? '',
      hasHowToPay: Boolean(letter.howToPay),
  };
}
