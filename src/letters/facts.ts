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
import { lateCharges, statutoryCompensationLabel, statutoryInterestLabel, type LateCharges } from '../claims/late-charges.ts';

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
    /**
     * What a statute of the contract's place adds, as one sentence naming it ("Under the Late Payment of
     * Commercial Debts (Interest) Act 1998, statutory interest of £96.58 (11.75% a year from January 16, 2026)
     * and fixed compensation of £70.00 for recovery costs are added"); empty when nothing is.
     */
    statutorySentence: string;
    hasStatutory: boolean;
    /** The same additions as rows of the invoice summary, each naming the statute. */
    statutoryRows: { label: string; value: string }[];
  };
}

const PERIOD_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const periodsText = (periods: number) =>
  `${PERIOD_WORDS[periods] ?? String(periods)} full ${LATE_FEE_PERIOD_DAYS}-day ${periods === 1 ? 'period' : 'periods'}`;

export function computeLetterFacts(answers: Answers, letter: LetterRequest['letter']): LetterFacts {
  const place = placeFor(answers);
  const charges = letter.invoice ? lateCharges(answers, letter.invoice, letter.date) : undefined;
  // Without a deadline asked for, the place's pre-action norm (England: 14 days, 30 for a consumer), else the default.
  const own = letterOwnFacts(answers.fee, { ...letter, deadlineDays: letter.deadlineDays ?? place.preActionDays }, charges);
  const limit = place.smallClaimsLimit;
  // The claim a small-claims limit is measured against is the unpaid invoice itself: interest and
  // late fees claimed beside it are left out of a claim's value (Japan 民事訴訟法 9条2項; England
  // CPR 26.8(2)(b)), as the Japanese letters already count it. A limit in another currency cannot be
  // compared, so the ordinary courts are named.
  const claim = charges?.contract.amount;
  const withinSmallClaims = Boolean(limit && claim && limit.currency === claim.currency && claim.minor <= limit.minor);
  return { ...computeFacts(answers), letter: { ...own, withinSmallClaims } };
}

function statutoryRows(charges: LateCharges | undefined): { label: string; value: string }[] {
  const statutory = charges?.statutory;
  if (!statutory) return [];
  const rows: { label: string; value: string }[] = [];
  if (!charges.chargesContractFee && statutory.interest.minor > 0) rows.push({ label: statutoryInterestLabel(statutory), value: formatMoney(statutory.interest) });
  if (statutory.compensation) rows.push({ label: statutoryCompensationLabel(statutory), value: formatMoney(statutory.compensation) });
  return rows;
}

/**
 * The statute's additions in words; the contract's late fee is named only where the statute's interest replaces it.
 * Whether anything is added is read from the parts, not from the balance: a statute's interest that happens to equal
 * the contract's fee it replaces still changes what the letter claims under, and is named.
 */
function statutorySentence(charges: LateCharges | undefined): string {
  const statutory = charges?.statutory;
  if (!statutory) return '';
  const parts: string[] = [];
  if (!charges.chargesContractFee && statutory.interest.minor > 0) {
    parts.push(`statutory interest of ${formatMoney(statutory.interest)} (${statutory.rateText} from ${formatLongDate(statutory.since)})`);
  }
  if (statutory.compensation) parts.push(`fixed compensation of ${formatMoney(statutory.compensation)} for recovery costs`);
  if (parts.length === 0) return '';
  const instead = !charges.chargesContractFee && charges.contract.lateFee.minor > 0 ? ", instead of our agreement's late fee" : '';
  return `Under the ${statutory.statute}, ${parts.join(' and ')} ${parts.length > 1 ? 'are' : 'is'} added${instead}`;
}

/** The letter's own facts (`it.letter.*`); the fee gives the currency and the late-fee rate. */
/** The late notices go out 30, 60 and 90 days after the due date; one sent at 75 days late is the second. */
export function noticeOrdinal(daysLate: number): 'first' | 'second' | 'third' {
  return daysLate >= 90 ? 'third' : daysLate >= 60 ? 'second' : 'first';
}

export function letterOwnFacts(
  fee: Pick<Answers['fee'], 'currency' | 'lateFeePercentPerMonth' | 'paymentMethod'>,
  letter: LetterRequest['letter'],
  charges?: LateCharges,
): LetterFacts['letter'] {
  const deadlineDays = letter.deadlineDays ?? DEADLINE_DAYS.default;
  const invoice = letter.invoice;
  const figures = charges?.contract ?? (invoice ? lateFigures(invoice, fee.currency, fee.lateFeePercentPerMonth, letter.date) : undefined);
  // Where a statute's interest replaces the contract's late fee, the fee is neither printed nor added.
  const chargesContractFee = charges?.chargesContractFee ?? true;
  const sentence = statutorySentence(charges);
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
      hasLateFee: figures ? chargesContractFee && figures.lateFee.minor > 0 : false,
      lateFeePeriodsText: periodsText(figures?.periods ?? 0),
      balance: charges ? formatMoney(charges.balance) : figures ? formatMoney(figures.balance) : '',
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
      statutorySentence: sentence,
      hasStatutory: sentence !== '',
      statutoryRows: statutoryRows(charges),
  };
}
