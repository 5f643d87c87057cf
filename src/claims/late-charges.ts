// What an overdue invoice carries on a given day: the contract's own late fee
// or the statute's interest (never both), and the statute's fixed compensation
// as a line of its own, each naming the statute. The late and final letters
// and the invoices made late all ask this one function, so their figures agree.
import type { Answers } from '../answers/schema.ts';
import { addDays, formatLongDate } from '../answers/dates.ts';
import { formatPercent, money, type Money } from '../answers/money.ts';
import { lateFigures, type LateFigures } from '../contract/settlement.ts';
import { latePaymentStatuteFor, statuteBook, type StatuteBook } from '../jurisdictions/statutes.ts';
import { clientKindOf, statutePlaceOf } from './place.ts';
import { statutoryRemedy, type LateChargeRule } from './statutory-interest.ts';

export interface StatutoryCharges {
  /** The statute as it is named in a letter: "Late Payment of Commercial Debts (Interest) Act 1998". */
  readonly statute: string;
  readonly interest: Money;
  /** "11.75% a year", or "11.27% a year, then 10.27% a year" where the rate changed on a half year. */
  readonly rateText: string;
  /** The rate of each period, a year (one number where the rate is fixed for the whole delay, as in the UK). */
  readonly percents: readonly number[];
  /** The first day of interest (the day after the due date), ISO. */
  readonly since: string;
  readonly compensation?: Money;
  readonly rule: LateChargeRule;
}

export interface LateCharges {
  /** The contract's own late fee, as its clause computes it (periods of 30 days). */
  readonly contract: LateFigures;
  /** Present when a statute of the contract's place charges interest instead of the contract's late fee. */
  readonly statutory?: StatutoryCharges;
  /** Whether the contract's late fee is charged (false where the statute's interest replaces it). */
  readonly chargesContractFee: boolean;
  /** The invoice, the one late charge chosen, and the compensation. */
  readonly balance: Money;
}

function rateText(percents: readonly number[]): string {
  const distinct = percents.filter((percent, index) => index === 0 || percent !== percents[index - 1]);
  return distinct.map((percent) => `${formatPercent(percent)} a year`).join(', then ');
}

/**
 * The late charges on `onDate` for an invoice of `invoice.amount` due on `invoice.dueDate`.
 * Without a statute for the place (or where it does not apply), the contract's late fee alone, as before.
 */
export function lateCharges(
  answers: Pick<Answers, 'language' | 'jurisdiction' | 'client' | 'fee'>,
  invoice: { amount: number; dueDate: string },
  onDate: string,
  book: StatuteBook = statuteBook(),
): LateCharges {
  const { currency, lateFeePercentPerMonth } = answers.fee;
  const contract = lateFigures(invoice, currency, lateFeePercentPerMonth, onDate);
  const contractOnly: LateCharges = { contract, chargesContractFee: true, balance: contract.balance };
  const place = statutePlaceOf(answers);
  const statute = place ? latePaymentStatuteFor(place, book) : undefined;
  if (!statute) return contractOnly;
  const remedy = statutoryRemedy(
    book,
    statute,
    { amount: money(invoice.amount, currency), dueDate: invoice.dueDate, asOf: onDate },
    { clientKind: clientKindOf(answers), lateFeePercentPerMonth, lateFee: contract.lateFee },
  );
  // A rate the data does not hold yet: the contract's own fee, rather than a figure guessed.
  if (remedy.status !== 'applies') return contractOnly;
  const chargesContractFee = remedy.lateCharge === 'contract';
  const charge = chargesContractFee ? contract.lateFee : remedy.interest;
  const compensation = remedy.compensation;
  return {
    contract,
    chargesContractFee,
    statutory: {
      statute: statute.title,
      interest: remedy.interest,
      rateText: rateText(remedy.periods.map((period) => period.percent)),
      percents: remedy.periods.map((period) => period.percent),
      since: addDays(invoice.dueDate, 1),
      ...(compensation ? { compensation } : {}),
      rule: remedy.lateChargeRule,
    },
    balance: { minor: contract.amount.minor + charge.minor + (compensation?.minor ?? 0), currency },
  };
}

/** "Statutory interest under the Late Payment of Commercial Debts (Interest) Act 1998 (11.75% a year from January 16, 2026)" */
export function statutoryInterestLabel(charges: StatutoryCharges): string {
  return `Statutory interest under the ${charges.statute} (${charges.rateText} from ${formatLongDate(charges.since)})`;
}

/** "Fixed compensation under the Late Payment of Commercial Debts (Interest) Act 1998" */
export function statutoryCompensationLabel(charges: StatutoryCharges): string {
  return `Fixed compensation for recovery costs under the ${charges.statute}`;
}

/** The yearly rate of a Japanese 遅延損害金, and whether the statute (not the contract) sets it. */
export interface JapaneseLateRate {
  readonly yearlyPercent: number;
  /** Present when the contract sets no 遅延損害金 and the 法定利率 applies: the statute's title from its data. */
  readonly statute?: string;
}

/**
 * The rate the Japanese letters and invoices count 遅延損害金 at, by the day: the contract's own (its monthly
 * rate × 12), or where the contract sets none, the 法定利率 in force on the first day of delay (民法404条, 419条1項),
 * read from jurisdictions/statutes/. One rate, never both: a contract rate replaces the statute's (民法420条).
 */
export function japaneseLateRate(
  answers: Pick<Answers, 'language' | 'jurisdiction' | 'client' | 'fee'>,
  dueDate: string,
  book: StatuteBook = statuteBook(),
): JapaneseLateRate {
  const contractYearly = answers.fee.lateFeePercentPerMonth * 12;
  if (contractYearly > 0) return { yearlyPercent: contractYearly };
  const place = statutePlaceOf(answers);
  const statute = place ? latePaymentStatuteFor(place, book) : undefined;
  if (!statute) return { yearlyPercent: 0 };
  // The rate of the first day of delay; any positive sum gives it (the rate does not depend on the amount).
  const firstDay = addDays(dueDate, 1);
  const remedy = statutoryRemedy(book, statute, { amount: money(1, answers.fee.currency), dueDate, asOf: firstDay }, { clientKind: clientKindOf(answers), lateFeePercentPerMonth: 0 });
  if (remedy.status !== 'applies' || remedy.periods.length === 0) return { yearlyPercent: 0 };
  return { yearlyPercent: remedy.periods[0]!.percent, statute: statute.title };
}
