// The facts a letter template may print: the contract's facts (parties,
// project, fee terms) plus the letter's own, with every figure computed here
// and written out. Templates never compute (DESIGN.md: logic in code).
import type { Answers } from '../answers/schema.ts';
import { addDays, formatLongDate } from '../answers/dates.ts';
import { formatMoney } from '../answers/money.ts';
import { firstLateFeeDate, LATE_FEE_PERIOD_DAYS, lateFigures } from '../contract/settlement.ts';
import { computeFacts, daysText, type ContractFacts } from '../contract/facts.ts';
import { placeFor } from '../jurisdictions/place-for.ts';
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
    /** The balance is within the small-claims limit of the place (jurisdictions/places/), in its currency. */
    withinSmallClaims: boolean;
  };
}

const PERIOD_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const periodsText = (periods: number) =>
  `${PERIOD_WORDS[periods] ?? String(periods)} full ${LATE_FEE_PERIOD_DAYS}-day ${periods === 1 ? 'period' : 'periods'}`;

export function computeLetterFacts(answers: Answers, letter: LetterRequest['letter']): LetterFacts {
  const place = placeFor(answers);
  // Without a deadline asked for, the place's pre-action norm (England: 14 days, 30 for a consumer), else the default.
  const own = letterOwnFacts(answers.fee, { ...letter, deadlineDays: letter.deadlineDays ?? place.preActionDays });
  const limit = place.smallClaimsLimit;
  const balance = letter.invoice ? lateFigures(letter.invoice, answers.fee.currency, answers.fee.lateFeePercentPerMonth, letter.date).balance : undefined;
  // Small claims only for a balance the route takes: a limit in another currency cannot be compared, so the ordinary courts are named.
  const withinSmallClaims = Boolean(limit && balance && limit.currency === balance.currency && balance.minor <= limit.minor);
  return { ...computeFacts(answers), letter: { ...own, withinSmallClaims } };
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
      withinSmallClaims: false,
  };
}
