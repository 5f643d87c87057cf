// The interest and fixed compensation a late-payment statute adds to one
// unpaid invoice, worked out from the statute's data (jurisdictions/statutes/)
// alone: no rate and no figure lives in this file. Pure: the same debt, dates
// and data always give the same answer, so the letters, the invoices and the
// claim pack can each ask and never disagree.
//
// Interest is simple interest by the day on a 365-day year, from the day after
// the due date to the day asked about, both counted; rounded once, to the
// currency's minor unit, half up. Where a statute compounds (the Netherlands,
// yearly), each full year's interest is added to the sum before the next.
import { addDays, daysBetween } from '../answers/dates.ts';
import { money, toMajor, type Money } from '../answers/money.ts';
import type { LatePaymentStatute, RateTable, StatuteBook } from '../jurisdictions/statutes.ts';

export interface LateDebt {
  /** What is still unpaid on one invoice (the statute's "qualifying debt"). */
  readonly amount: Money;
  /** The last day to pay: interest runs from the day after. */
  readonly dueDate: string;
  /** Interest is counted up to and including this day. */
  readonly asOf: string;
}

export interface ContractTerms {
  /** The client is a business or a consumer; late-payment statutes protect only sales between businesses. */
  readonly clientKind: 'business' | 'consumer';
  /** The contract's own late fee, a percentage for each full 30 days late; 0 when it sets none. */
  readonly lateFeePercentPerMonth: number;
  /** What the contract's late fee comes to on `asOf` (src/letters computes it); compared where the law takes the higher. */
  readonly lateFee?: Money;
}

export interface InterestPeriod {
  readonly from: string;
  readonly to: string;
  readonly days: number;
  /** The statute's rate a year for these days: the reference rate plus the statute's points. */
  readonly percent: number;
  /** The sum interest ran on (grows only where interest compounds). */
  readonly on: Money;
}

export type StatutoryRemedy =
  | {
      readonly status: 'not-applicable';
      readonly statute: LatePaymentStatute;
      /** consumer: the statute protects only business clients; currency: its fixed sums are in another currency; not-late: nothing is overdue yet. */
      readonly reason: 'consumer' | 'currency' | 'not-late';
    }
  | {
      /** A rate the data does not hold yet: jurisdictions/statutes/rates/<table>.yaml needs the rate in force on `date`. */
      readonly status: 'rate-unknown';
      readonly statute: LatePaymentStatute;
      readonly table: string;
      readonly date: string;
    }
  | {
      readonly status: 'applies';
      readonly statute: LatePaymentStatute;
      readonly periods: readonly InterestPeriod[];
      /** The statute's interest to `asOf`. */
      readonly interest: Money;
      /** The statute's fixed compensation for recovery costs, where it has one and it is due. */
      readonly compensation?: Money;
      /**
       * The late charge to print, exactly one of the two, never both:
       * `statutory` (the interest above) or `contract` (the contract's own late fee).
       */
      readonly lateCharge: 'statutory' | 'contract';
      /** Why that one: the rule of the statute that chose it. */
      readonly lateChargeRule: LateChargeRule;
    };

export type LateChargeRule =
  /** The contract sets no late fee: the statute's interest. */
  | 'no-contract-fee'
  /** UK: the contract's late fee is at least the statutory rate a year, so it is likely a substantial remedy that ousts the Act (ss. 8-9). */
  | 'substantial-remedy'
  /** UK: the contract's late fee is below the statutory rate a year, so it is likely not a substantial remedy; the Act's interest applies instead. */
  | 'not-substantial-remedy'
  /** DE: the higher of the contract's late fee and the statute's interest. */
  | 'higher-of'
  /** FR, NL, JP: the contract's agreed rate replaces the statute's. */
  | 'contract-governs';

/** The reference rate in force on `date`, or undefined when the table does not reach it. */
function rateOn(table: RateTable, date: string): number | undefined {
  if (date > table.knownThrough.value) return undefined;
  let percent: number | undefined;
  for (const entry of table.entries) {
    if (entry.from > date) break;
    percent = entry.percent;
  }
  return percent;
}

/**
 * UK: the rate is the one "prevailing at the end of the relevant day" (Act s. 4(2)), the due date: 8 points over
 * Bank Rate on 31 December for a due date in January-June, on 30 June for one in July-December (SI 2002/1675 art. 4).
 */
function referenceDateFor(dueDate: string): string {
  const year = Number(dueDate.slice(0, 4));
  return Number(dueDate.slice(5, 7)) <= 6 ? `${year - 1}-12-31` : `${year}-06-30`;
}

/** The first day of the half year `date` falls in. */
function halfYearStart(date: string): string {
  return `${date.slice(0, 4)}-${Number(date.slice(5, 7)) <= 6 ? '01' : '07'}-01`;
}

/** Every day after `from`, up to `to`, on which the rate may change or interest is added to the sum. */
function breakpoints(statute: LatePaymentStatute, from: string, to: string): string[] {
  const points = new Set<string>();
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  for (let year = firstYear; year <= lastYear + 1; year += 1) {
    if (statute.interest.fixed === 'by-half-year') {
      points.add(`${year}-01-01`);
      points.add(`${year}-07-01`);
    }
    // The anniversaries of the first day of interest (29 February falls back to 1 March).
    if (statute.interest.compounds === 'yearly' && year > firstYear) {
      const candidate = `${year}${from.slice(4)}`;
      points.add(Number.isNaN(Date.parse(`${candidate}T00:00:00Z`)) || new Date(`${candidate}T00:00:00Z`).toISOString().slice(0, 10) !== candidate ? `${year}-03-01` : candidate);
    }
  }
  return [...points].filter((day) => day > from && day <= to).sort();
}

function isAnniversary(statute: LatePaymentStatute, start: string, day: string): boolean {
  return statute.interest.compounds === 'yearly' && day > start && (day.slice(4) === start.slice(4) || (start.slice(4) === '-02-29' && day.slice(4) === '-03-01'));
}

/** The fixed compensation of the band the debt falls in (UK: £40 / £70 / £100; EU: €40). */
export function compensationFor(statute: LatePaymentStatute, debt: Money): Money | undefined {
  if (!statute.compensation || debt.currency !== statute.currency) return undefined;
  const major = toMajor(debt);
  const band = statute.compensation.bands.find((candidate) => candidate.below === undefined || major < candidate.below)!;
  return money(band.amount, statute.currency);
}

/**
 * The statute's remedy for one late invoice: the interest by period, the fixed compensation,
 * and which late charge to print (the statute's or the contract's, never both).
 */
export function statutoryRemedy(book: StatuteBook, statute: LatePaymentStatute, debt: LateDebt, terms: ContractTerms): StatutoryRemedy {
  if (statute.clients.value === 'business' && terms.clientKind === 'consumer') return { status: 'not-applicable', statute, reason: 'consumer' };
  // The fixed sums are in the statute's currency; a debt in another one is not converted at a rate nobody agreed.
  if (statute.compensation && debt.amount.currency !== statute.currency) return { status: 'not-applicable', statute, reason: 'currency' };
  const start = addDays(debt.dueDate, 1);
  if (debt.asOf < start || debt.amount.minor <= 0) return { status: 'not-applicable', statute, reason: 'not-late' };

  const table = book.rates.get(statute.interest.reference)!;
  const fixedDate = statute.interest.fixed === 'at-reference-date' ? referenceDateFor(debt.dueDate) : start;
  const fixedRate = statute.interest.fixed === 'by-half-year' ? undefined : rateOn(table, fixedDate);
  if (statute.interest.fixed !== 'by-half-year' && fixedRate === undefined) return { status: 'rate-unknown', statute, table: table.id, date: fixedDate };

  const periods: InterestPeriod[] = [];
  let onMinor = debt.amount.minor;
  let totalMinor = 0;
  // Interest of the current compounding year, not yet added to the sum.
  let yearMinor = 0;
  const edges = [start, ...breakpoints(statute, start, debt.asOf), addDays(debt.asOf, 1)];
  for (let index = 0; index < edges.length - 1; index += 1) {
    const from = edges[index]!;
    const to = addDays(edges[index + 1]!, -1);
    if (isAnniversary(statute, start, from)) {
      onMinor += Math.round(yearMinor);
      yearMinor = 0;
    }
    let reference = fixedRate;
    if (reference === undefined) {
      reference = rateOn(table, halfYearStart(from));
      if (reference === undefined) return { status: 'rate-unknown', statute, table: table.id, date: halfYearStart(from) };
    }
    const percent = Math.round((reference + statute.interest.pointsOver) * 10_000) / 10_000;
    const days = daysBetween(from, to) + 1;
    const interest = (onMinor * percent * days) / 36_500;
    periods.push({ from, to, days, percent, on: { minor: onMinor, currency: debt.amount.currency } });
    yearMinor += interest;
    totalMinor += interest;
  }
  const interest: Money = { minor: Math.round(totalMinor), currency: debt.amount.currency };
  const { lateCharge, lateChargeRule } = chooseLateCharge(statute, periods, interest, terms);
  // UK: the fixed sum is owed only while statutory interest runs (s. 5A(1)); elsewhere it is owed on any late commercial debt.
  const compensationDue = statute.contractRate.value !== 'substantial-remedy' || lateCharge === 'statutory';
  const compensation = compensationDue ? compensationFor(statute, debt.amount) : undefined;
  return { status: 'applies', statute, periods, interest, ...(compensation ? { compensation } : {}), lateCharge, lateChargeRule };
}

function chooseLateCharge(
  statute: LatePaymentStatute,
  periods: readonly InterestPeriod[],
  interest: Money,
  terms: ContractTerms,
): { lateCharge: 'statutory' | 'contract'; lateChargeRule: LateChargeRule } {
  if (terms.lateFeePercentPerMonth <= 0) return { lateCharge: 'statutory', lateChargeRule: 'no-contract-fee' };
  switch (statute.contractRate.value) {
    case 'substantial-remedy': {
      // A court decides what is substantial (s. 9); the product's reading: a fee that, a year, is at least the
      // statute's own rate compensates as well as the Act does, and one below it does not.
      const statutoryPercent = periods[0]!.percent;
      return terms.lateFeePercentPerMonth * 12 >= statutoryPercent
        ? { lateCharge: 'contract', lateChargeRule: 'substantial-remedy' }
        : { lateCharge: 'statutory', lateChargeRule: 'not-substantial-remedy' };
    }
    case 'higher-of':
      return { lateCharge: (terms.lateFee?.minor ?? 0) > interest.minor ? 'contract' : 'statutory', lateChargeRule: 'higher-of' };
    case 'contract-governs':
      return { lateCharge: 'contract', lateChargeRule: 'contract-governs' };
  }
}
