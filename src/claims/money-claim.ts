// The figures Money Claim Online (England and Wales) asks for, from the
// statement of account: the amount claimed, the interest claimed and its
// basis, the daily rate at which it goes on, the Late Payment Act's fixed
// compensation, and the court fee for the total. The fee table and the
// County Courts Act rate are data (jurisdictions/courts/), each with its
// source and the day it was checked; the interest is the statement's own.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { daysBetween } from '../answers/dates.ts';
import { formatMoney, formatPercent, money, toMajor, type Money } from '../answers/money.ts';
import type { Block, Table } from '../contract/tree.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import type { InvoiceAccount, StatementFigures } from './claim-pack.ts';

const sourced = { source: z.string().min(10), checked: z.iso.date() };
const feeTableSchema = z.strictObject({
  id: z.literal('gb-eng-money-claim-fees'),
  currency: z.literal('GBP'),
  bands: z.array(z.strictObject({ upTo: z.number().positive(), fee: z.number().positive() })).min(1),
  percentAbove: z.number().positive(),
  cap: z.number().positive(),
  ...sourced,
  onlineLimit: z.strictObject({ below: z.number().positive(), ...sourced }),
  countyCourtsActInterest: z.strictObject({ percent: z.number().positive(), ...sourced }),
});
export type MoneyClaimFeeTable = z.output<typeof feeTableSchema>;

export const FEE_TABLE_FILE = join(PROJECT_ROOT, 'jurisdictions', 'courts', 'gb-eng-money-claim-fees.yaml');

let table: MoneyClaimFeeTable | undefined;

function readFeeTable(file: string): MoneyClaimFeeTable {
  const shown = relative(PROJECT_ROOT, file) || file;
  const result = feeTableSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (result.success) {
    const bands = result.data.bands;
    const unordered = bands.findIndex((band, index) => index > 0 && band.upTo <= bands[index - 1]!.upTo);
    if (unordered > 0) throw new Error(`${shown}: bands.${unordered}.upTo must be higher than the band before it`);
    return result.data;
  }
  const issue = result.error.issues[0]!;
  throw new Error(`${shown}: ${issue.path.join('.') || '(the file)'} ${issue.message}`);
}

/** The fee table, read and checked once; a wrong file stops the caller with the file and the field named. */
export function moneyClaimFeeTable(file: string = FEE_TABLE_FILE): MoneyClaimFeeTable {
  if (file !== FEE_TABLE_FILE) return readFeeTable(file);
  table ??= readFeeTable(file);
  return table;
}

/** The issue fee for a claim of `claim` (the debt plus the interest claimed), and the band it falls in, in words. */
export function courtFee(claim: Money, fees: MoneyClaimFeeTable = moneyClaimFeeTable()): { fee: Money; band: string } {
  const major = toMajor(claim);
  let from = 0;
  for (const band of fees.bands) {
    if (major <= band.upTo) {
      return { fee: money(band.fee, fees.currency), band: from === 0 ? `up to ${pounds(band.upTo)}` : `${pounds(from + 0.01)} to ${pounds(band.upTo)}` };
    }
    from = band.upTo;
  }
  // A percentage of the claim, rounded down to the penny (the fee table's own words), up to the cap.
  const percentFee = Math.floor((claim.minor * fees.percentAbove) / 100);
  const cappedAt = fees.cap * 100;
  if (percentFee >= cappedAt) return { fee: { minor: cappedAt, currency: fees.currency }, band: `the most any claim pays (${pounds(fees.cap)})` };
  return { fee: { minor: percentFee, currency: fees.currency }, band: `over ${pounds(from)}: ${formatPercent(fees.percentAbove)} of the claim` };
}

const pounds = (major: number) => formatMoney(money(major, 'GBP')).replace(/\.00$/, '');

export type InterestBasis = 'late-payment-act' | 'contract' | 'county-courts-act';

/** One invoice's interest as the claim form states it. */
export interface InterestLine {
  readonly invoice: string;
  readonly on: Money;
  readonly basis: InterestBasis;
  /** The rate a year, where interest runs at one (not for a contract fee charged by 30-day periods). */
  readonly percent?: number;
  readonly from: string;
  readonly days: number;
  readonly interest: Money;
  /** What the interest grows by each further day, to the penny (MCOL asks for it). */
  readonly daily?: Money;
}

export interface MoneyClaimFigures {
  /** The debt: what is still owed on the invoices. */
  readonly outstanding: Money;
  /** The Late Payment Act's fixed sums (s. 5A), claimed as part of the debt. */
  readonly compensation: Money;
  /** What the claim form's "amount claimed" is: the debt and the fixed sums. */
  readonly amountClaimed: Money;
  readonly interest: readonly InterestLine[];
  readonly interestClaimed: Money;
  readonly dailyRate: Money;
  /** Amount claimed plus interest claimed: the figure the court fee is set by. */
  readonly totalClaim: Money;
  readonly courtFee: Money;
  readonly courtFeeBand: string;
  readonly totalWithFee: Money;
  /** Money Claim Online takes the claim (below its limit); otherwise form N1 on paper. */
  readonly online: boolean;
  readonly sources: { readonly fees: string; readonly checked: string; readonly countyCourtsAct: string };
}

function interestLine(account: InvoiceAccount, asOf: string, fees: MoneyClaimFeeTable): InterestLine | undefined {
  if (account.outstanding.minor <= 0 || asOf <= account.dueDate) return undefined;
  const { late } = account;
  const days = daysBetween(account.dueDate, asOf);
  const base = { invoice: account.number, on: account.outstanding, from: account.dueDate, days };
  if (late?.statutory && !late.chargesContractFee) {
    // The UK Act's rate is fixed for the whole delay (s. 4(2)): one percentage.
    const percent = late.statutory.percents[0]!;
    return { ...base, basis: 'late-payment-act', percent, interest: account.lateCharge, daily: dailyOf(account.outstanding, percent) };
  }
  if (late?.chargesContractFee && account.lateCharge.minor > 0) return { ...base, basis: 'contract', interest: account.lateCharge };
  // Neither the contract nor the Act gives interest (a consumer client, or no late fee and a rate the data
  // lacks): the court may award simple interest at 8% (County Courts Act 1984 s. 69), asked for on the claim form.
  const percent = fees.countyCourtsActInterest.percent;
  return {
    ...base,
    basis: 'county-courts-act',
    percent,
    interest: { minor: Math.round((account.outstanding.minor * percent * days) / 36_500), currency: account.outstanding.currency },
    daily: dailyOf(account.outstanding, percent),
  };
}

const dailyOf = (on: Money, percent: number): Money => ({ minor: Math.round((on.minor * percent) / 36_500), currency: on.currency });

/** The Money Claim Online figures for a statement of account drawn up on `asOf` (England and Wales, pounds). */
export function moneyClaimFigures(figures: StatementFigures, asOf: string, fees: MoneyClaimFeeTable = moneyClaimFeeTable()): MoneyClaimFigures {
  const currency = figures.currency;
  const sum = (values: readonly Money[]): Money => ({ minor: values.reduce((total, value) => total + value.minor, 0), currency });
  const interest = figures.accounts.map((account) => interestLine(account, asOf, fees)).filter((line) => line !== undefined);
  const amountClaimed = sum([figures.outstanding, figures.compensation]);
  const interestClaimed = sum(interest.map((line) => line.interest));
  const totalClaim = sum([amountClaimed, interestClaimed]);
  const { fee, band } = courtFee(totalClaim, fees);
  return {
    outstanding: figures.outstanding,
    compensation: figures.compensation,
    amountClaimed,
    interest,
    interestClaimed,
    dailyRate: sum(interest.map((line) => line.daily ?? { minor: 0, currency })),
    totalClaim,
    courtFee: fee,
    courtFeeBand: band,
    totalWithFee: sum([totalClaim, fee]),
    online: toMajor(totalClaim) < fees.onlineLimit.below,
    sources: { fees: fees.source, checked: fees.checked, countyCourtsAct: fees.countyCourtsActInterest.source },
  };
}

const BASIS_WORDS: Readonly<Record<InterestBasis, string>> = {
  'late-payment-act': 'the Late Payment of Commercial Debts (Interest) Act 1998',
  contract: 'the agreement\'s late payment clause',
  'county-courts-act': 'section 69 of the County Courts Act 1984',
};

/** How the claim form's "interest" box explains the interest, one sentence an invoice. */
export function interestBasisSentence(line: InterestLine, date: (iso: string) => string): string {
  const money = formatMoney;
  if (line.basis === 'contract') {
    return `Invoice ${line.invoice}: ${money(line.interest)} under ${BASIS_WORDS.contract}, on ${money(line.on)} from ${date(line.from)}.`;
  }
  return (
    `Invoice ${line.invoice}: interest under ${BASIS_WORDS[line.basis]} at ${formatPercent(line.percent!)} a year on ${money(line.on)} ` +
    `from the day after ${date(line.from)} to the date of this statement (${line.days} ${line.days === 1 ? 'day' : 'days'}): ${money(line.interest)}, ` +
    `and ${money(line.daily!)} a day after that until judgment or payment.`
  );
}

/** The statement's page for Money Claim Online: the figures its form asks for, in its order. */
export function moneyClaimBlocks(claim: MoneyClaimFigures, date: (iso: string) => string): Block[] {
  const money = formatMoney;
  const table: Table = {
    type: 'table',
    caption: 'The figures Money Claim Online asks for (England and Wales)',
    header: ['Item', 'Amount'],
    rows: [
      { label: 'Amount claimed (the unpaid invoices)', value: money(claim.outstanding) },
      ...(claim.compensation.minor > 0 ? [{ label: 'Fixed compensation, Late Payment of Commercial Debts (Interest) Act 1998 s. 5A', value: money(claim.compensation) }] : []),
      { label: 'Interest claimed to the date of this statement', value: money(claim.interestClaimed) },
      ...(claim.dailyRate.minor > 0 ? [{ label: 'Interest a day from now on (the daily rate)', value: money(claim.dailyRate) }] : []),
      { label: 'Total claim (the court fee is set by this)', value: money(claim.totalClaim) },
      { label: `Court fee (claims ${claim.courtFeeBand})`, value: money(claim.courtFee) },
      { label: 'Total with the court fee', value: money(claim.totalWithFee), emphasis: true },
    ],
  };
  const paragraph = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });
  return [
    table,
    paragraph('The basis of the interest claimed, for the claim form:'),
    { type: 'list', items: claim.interest.map((line) => [{ text: interestBasisSentence(line, date) }]) } as Block,
    paragraph(
      claim.online
        ? 'Money Claim Online (https://www.moneyclaims.service.gov.uk) takes this claim. The fee is the one the court charges for the total claim, interest included; it is added to what the client is asked to pay.'
        : 'This claim is too large for Money Claim Online: it is started on paper, with form N1, at the Civil National Business Centre.',
    ),
    paragraph(`Court fees as published at ${claim.sources.fees.match(/https:\/\/\S+?(?=[;,)]|$)/)?.[0] ?? 'gov.uk'}, checked ${date(claim.sources.checked)}; check them again on the day you claim.`),
  ];
}
