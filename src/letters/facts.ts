// The facts a letter template may print: the contract's facts (parties,
// project, fee terms) plus the letter's own, with every figure computed here
// and written out. Templates never compute (DESIGN.md: logic in code).
import type { Answers } from '../answers/schema.ts';
import { addDays, formatLongDate } from '../answers/dates.ts';
import { formatMoney } from '../answers/money.ts';
import { firstLateFeeDate, LATE_FEE_PERIOD_DAYS, lateFigures } from '../contract/settlement.ts';
import { computeFacts, daysText, type ContractFacts } from '../contract/facts.ts';
import { DEADLINE_DAYS, type LetterRequest } from './request.ts';

// The late-fee arithmetic lives with the rest of the money (contract/settlement.ts).
export { LATE_FEE_PERIOD_DAYS, lateFigures, type LateFigures } from '../contract/settlement.ts';

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
    /** The day the freelancer phoned, written out; empty when no call was made. */
    calledOn: string;
    hasCalled: boolean;
    /** Which late-payment notice this is, from the days late: "first" (up to 59), "second" (60–89), "third" (90 on). */
    noticeOrdinal: string;
    /** The day the first late fee is owed (one full 30-day period after the due date), written out. */
    lateFeeStarts: string;
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
/** The late notices go out 30, 60 and 90 days after the due date; one sent at 75 days late is the second. */
export function noticeOrdinal(daysLate: number): 'first' | 'second' | 'third' {
  return daysLate >= 90 ? 'third' : daysLate >= 60 ? 'second' : 'first';
}

export function letterOwnFacts(
  fee: Pick<Answers['fee'], 'currency' | 'lateFeePercentPerMonth' | 'paymentMethod'>,
  letter: LetterRequest['letter'],
): LetterFacts['letter'] {
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
      // What the letter says wins; otherwise the contract's own payment method.
      howToPay: letter.howToPay ?? fee.paymentMethod ?? '',
      hasHowToPay: Boolean(letter.howToPay ?? fee.paymentMethod),
      calledOn: letter.calledOn ? formatLongDate(letter.calledOn) : '',
      hasCalled: Boolean(letter.calledOn),
      noticeOrdinal: noticeOrdinal(figures?.daysLate ?? 0),
      lateFeeStarts: invoice ? formatLongDate(firstLateFeeDate(invoice.dueDate)) : '',
  };
}
