// The facts a clause template may use: the answers with every figure
// computed and every value already written the way the contract shows it.
// Templates only print these; they never compute (DESIGN.md: logic in code).
import type { Answers, Party } from '../answers/schema.ts';
import { formatLongDate } from '../answers/dates.ts';
import { formatMoney, formatPercent, money, type Money } from '../answers/money.ts';
import { contractMoney, ending, exampleEndingInput, negate, taxRateOf, type Bill } from './settlement.ts';
import { placeFor, venueInWords, withArticle } from '../jurisdictions/place-for.ts';
import { freelanceStatuteSentence } from '../claims/freelance-protection.ts';

export interface PartyFacts {
  name: string;
  business: string;
  hasBusiness: boolean;
  /** The business name where there is one, otherwise the person's name. */
  legalName: string;
  title: string;
  email: string;
  phone: string;
  address: string;
}

export interface Figures {
  /** What the deposit is a share of: the total, the estimate, or one month's retainer. */
  base: Money;
  deposit: Money;
  balance: Money;
}

export interface ContractFacts {
  effectiveDate: string;
  freelancer: PartyFacts;
  client: PartyFacts & {
    relationship: 'new' | 'returning';
    isReturning: boolean;
    /** A private person buying for themselves: the place's consumer rule limits the deposit kept and the kill fee. */
    isConsumer: boolean;
  };
  project: {
    name: string;
    description: string;
    deliverables: string[];
    startDate: string;
    endDate: string;
    hasEndDate: boolean;
    revisionRounds: number;
    revisionRoundsText: string;
    acceptanceDays: number;
    /** "10 days" */
    acceptanceDaysText: string;
  };
  fee: {
    model: 'fixed' | 'hourly' | 'retainer';
    currency: string;
    /** The price, the estimate or the month's retainer, net of tax. */
    total: string;
    rate: string;
    estimatedHours: string;
    estimate: string;
    monthly: string;
    hoursPerMonth: string;
    paymentDueDays: number;
    /** "within 14 days of its date", or "on receipt" for 0 days: "Each invoice is due ..." */
    paymentDueText: string;
    isDueOnReceipt: boolean;
    lateFeePercent: string;
    hasLateFee: boolean;
    paymentMethod: string;
    hasPaymentMethod: boolean;
    hasTax: boolean;
    /** "VAT" */
    taxLabel: string;
    /** "20%" */
    taxPercent: string;
    /** The tax on `total`, and `total` with it. */
    totalTax: string;
    totalGross: string;
    /** Retainer: days of notice to end it, "30 days". */
    noticeDays: number;
    noticeDaysText: string;
    /** "30 days' notice", "1 day's notice" */
    noticeText: string;
  };
  deposit: {
    percent: string;
    /** Net of tax. */
    amount: string;
    tax: string;
    /** With tax; equal to `amount` without one. Before any withholding. */
    gross: string;
    /** Japanese income tax withheld from the deposit (源泉徴収), and what the Client transfers; empty without withholding. */
    withheld: string;
    transfer: string;
    hasWithholding: boolean;
    balance: string;
    balanceTax: string;
    balanceGross: string;
    basis: string;
    /** "deposit", or "advance payment" when the whole price is paid up front */
    noun: string;
    inFull: boolean;
    nonRefundable: boolean;
  };
  killFee: {
    unresponsiveDays: number;
    /** "14 days" */
    unresponsiveDaysText: string;
    percent: string;
    hasKillFee: boolean;
    /** Whether the contract's tax is added to the kill fee: not where the place treats it as compensation. */
    taxed: boolean;
    /** The example ending the contract works through, every figure from the settlement model. */
    example: {
      /** The value of the work done: "$2,400.00" (empty for a retainer). */
      workDone: string;
      /** Hourly: the hours worked, "12". */
      hours: string;
      /** Retainer: "10 days' notice" given, "20 days" of notice missing. */
      noticeGiven: string;
      noticeMissing: string;
      feeNotEarned: string;
      killFee: string;
      earned: string;
      /** The deposit, and the part of it credited. */
      deposit: string;
      depositCredited: string;
      hasDeposit: boolean;
      owed: string;
      owesNothing: boolean;
      refund: string;
      hasRefund: boolean;
    };
  };
  jurisdiction: {
    governingLaw: string;
    venue: string;
    /** "the laws of the State of Oregon", "the laws of England and Wales" */
    lawPhrase: string;
    /** "the courts of Multnomah County, Oregon", "the Tokyo District Court", "the courts of London" */
    courtsPhrase: string;
    /** From the place data: "the small claims department of the Oregon Circuit Court in Multnomah County", "the small claims track of the County Court";
     * for a place the data does not hold, "any small-claims procedure the courts of Paris offer". */
    smallClaimsPhrase: string;
    smallClaims: boolean;
    /** Whether the place data holds the place of the venue, so its small-claims route is named. */
    knowsSmallClaimsRoute: boolean;
    /** The place's consumer law, "the Consumer Rights Act 2015, Schedule 2", or "the law that governs this Agreement". */
    consumerLaw: string;
    /** The place's consumer rule in one sentence; empty when the data holds none. */
    consumerRule: string;
    hasConsumerRule: boolean;
  };
  ownership: {
    copyright: 'assign-to-client' | 'retain-and-license';
    portfolioUse: boolean;
    licence: 'non-exclusive' | 'exclusive';
    isExclusive: boolean;
    /** A UK place: the contract asserts the freelancer's right to be identified (CDPA 1988 ss. 77-78). */
    assertsMoralRights: boolean;
  };
  /** What a freelancer-protection statute of the contract's place asks of it (jurisdictions/statutes/). */
  statutes: {
    hasFreelanceStatute: boolean;
    /** "This Agreement is the written contract that New York's Freelance Isn't Free Act (...) requires." */
    freelanceSentence: string;
  };
  /**
   * Cross-references: `it.ref.termination` is "clause 13", the number the
   * termination clause has in this contract. Filled in by assembly, which
   * knows which clauses apply; never typed in a template.
   */
  ref: Record<string, string>;
}

const SMALL_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
function countText(count: number, noun: string): string {
  const word = SMALL_NUMBERS[count] ?? String(count);
  return `${word} ${noun}${count === 1 ? '' : 's'}`;
}

/** "14 days", "1 day" */
export const daysText = (days: number) => `${days} ${days === 1 ? 'day' : 'days'}`;

/** "30 days' notice", "1 day's notice" */
export const noticeText = (days: number) => `${daysText(days)}${days === 1 ? '’s' : '’'} notice`;

const hoursText = (hours: number) => Number(hours.toFixed(2)).toLocaleString('en-US');

function partyFacts(party: Party): PartyFacts {
  return {
    name: party.name,
    business: party.business ?? '',
    hasBusiness: Boolean(party.business),
    legalName: party.business ?? party.name,
    title: party.title ?? '',
    email: party.email,
    phone: party.phone,
    address: party.address,
  };
}

/** The deposit, what it is a share of, and what is left to pay (from the settlement model). */
export function computeFigures(answers: Answers): Figures {
  const { base, deposit, balance } = contractMoney(answers);
  return { base, deposit, balance };
}

function exampleFacts(answers: Answers): ContractFacts['killFee']['example'] {
  const input = exampleEndingInput(answers);
  const result = ending(answers, input);
  const { fee } = answers;
  const workDone = fee.model === 'retainer' ? '' : formatMoney(result.workDone);
  const given = input.noticeDaysGiven ?? 0;
  return {
    workDone,
    hours: fee.model === 'hourly' ? hoursText(input.hoursWorked ?? 0) : '',
    noticeGiven: fee.model === 'retainer' ? noticeText(given) : '',
    noticeMissing: fee.model === 'retainer' ? daysText(fee.noticeDays - given) : '',
    feeNotEarned: formatMoney(result.feeNotEarned),
    killFee: formatMoney(result.killFee),
    earned: formatMoney(result.earned),
    deposit: formatMoney(result.deposit),
    depositCredited: formatMoney(result.depositCredited),
    hasDeposit: result.deposit.minor > 0,
    owed: formatMoney(result.bill.net),
    owesNothing: result.bill.net.minor === 0,
    refund: formatMoney(result.refund),
    hasRefund: result.refund.minor > 0,
  };
}

function jurisdictionFacts(answers: Answers): ContractFacts['jurisdiction'] {
  const place = placeFor(answers);
  const { governingLaw, venue, smallClaims, place: japanesePlace } = answers.jurisdiction;
  return {
    governingLaw,
    venue,
    ...(japanesePlace === undefined ? {} : { place: japanesePlace }),
    lawPhrase: `the laws of ${withArticle(governingLaw)}`,
    courtsPhrase: place.courtsPhrase,
    smallClaimsPhrase: place.smallClaimsPhrase ?? `any small-claims procedure ${venueInWords(venue)} offer`,
    smallClaims,
    knowsSmallClaimsRoute: place.smallClaimsPhrase !== undefined,
    consumerLaw: place.consumer?.law ?? 'the law that governs this Agreement',
    consumerRule: place.consumer?.rule ?? '',
    hasConsumerRule: place.consumer !== undefined,
  };
}

function statuteFacts(answers: Answers, value: Money): ContractFacts['statutes'] {
  const sentence = freelanceStatuteSentence(answers, value);
  return { hasFreelanceStatute: sentence !== '', freelanceSentence: sentence };
}

export function computeFacts(answers: Answers, ref: Record<string, string> = {}): ContractFacts {
  const { fee, project } = answers;
  const figures = contractMoney(answers);
  const fmt = (major: number) => formatMoney(money(major, fee.currency));
  const taxOf = (bill: Bill) => formatMoney(bill.taxes[0]?.amount ?? { minor: 0, currency: fee.currency });
  return {
    effectiveDate: formatLongDate(answers.effectiveDate),
    freelancer: partyFacts(answers.freelancer),
    client: {
      ...partyFacts(answers.client),
      relationship: answers.client.relationship,
      isReturning: answers.client.relationship === 'returning',
      isConsumer: answers.client.kind === 'consumer',
    },
    project: {
      name: project.name,
      description: project.description,
      deliverables: project.deliverables,
      startDate: formatLongDate(project.startDate),
      endDate: project.endDate ? formatLongDate(project.endDate) : '',
      hasEndDate: Boolean(project.endDate),
      revisionRounds: project.revisionRounds,
      revisionRoundsText: countText(project.revisionRounds, 'round'),
      acceptanceDays: project.acceptanceDays,
      acceptanceDaysText: daysText(project.acceptanceDays),
    },
    fee: {
      model: fee.model,
      currency: fee.currency,
      total: formatMoney(figures.base),
      rate: fee.model === 'hourly' ? fmt(fee.rate) : '',
      estimatedHours: fee.model === 'hourly' ? hoursText(fee.estimatedHours) : '',
      estimate: fee.model === 'hourly' ? formatMoney(figures.base) : '',
      monthly: fee.model === 'retainer' ? fmt(fee.monthly) : '',
      hoursPerMonth: fee.model === 'retainer' ? hoursText(fee.hoursPerMonth) : '',
      paymentDueDays: fee.paymentDueDays,
      paymentDueText: fee.paymentDueDays === 0 ? 'on receipt' : `within ${daysText(fee.paymentDueDays)} of its date`,
      isDueOnReceipt: fee.paymentDueDays === 0,
      lateFeePercent: formatPercent(fee.lateFeePercentPerMonth),
      hasLateFee: fee.lateFeePercentPerMonth > 0,
      paymentMethod: fee.paymentMethod ?? '',
      hasPaymentMethod: Boolean(fee.paymentMethod),
      hasTax: Boolean(taxRateOf(answers)),
      taxLabel: taxRateOf(answers)?.label ?? '',
      taxPercent: fee.tax ? formatPercent(fee.tax.percent) : '',
      totalTax: taxOf(figures.baseBill),
      totalGross: formatMoney(figures.baseBill.total),
      noticeDays: fee.model === 'retainer' ? fee.noticeDays : 0,
      noticeDaysText: fee.model === 'retainer' ? daysText(fee.noticeDays) : '',
      noticeText: fee.model === 'retainer' ? noticeText(fee.noticeDays) : '',
    },
    deposit: {
      percent: formatPercent(answers.deposit.percent),
      amount: formatMoney(figures.deposit),
      tax: taxOf(figures.depositBill),
      // The gross before withholding: "plus tax, X in all" must add up (issue 23, point 2); what is withheld is said apart.
      gross: formatMoney(figures.depositBill.gross),
      withheld: figures.depositBill.deductions.length > 0 ? formatMoney(negate(figures.depositBill.deductions[0]!.amount)) : '',
      transfer: figures.depositBill.deductions.length > 0 ? formatMoney(figures.depositBill.total) : '',
      hasWithholding: figures.depositBill.deductions.length > 0,
      balance: formatMoney(figures.balance),
      balanceTax: taxOf(figures.balanceBill),
      balanceGross: formatMoney(figures.balanceBill.gross),
      basis:
        fee.model === 'fixed' ? 'the total price' : fee.model === 'hourly' ? 'the estimated fee' : 'the first month’s retainer',
      noun: figures.inFull ? 'advance payment' : 'deposit',
      inFull: figures.inFull,
      nonRefundable: answers.deposit.nonRefundable,
    },
    killFee: {
      unresponsiveDays: answers.killFee.unresponsiveDays,
      unresponsiveDaysText: daysText(answers.killFee.unresponsiveDays),
      percent: formatPercent(answers.killFee.percentOfRemainingFee),
      hasKillFee: answers.killFee.percentOfRemainingFee > 0,
      taxed: placeFor(answers).killFeeTaxed,
      example: exampleFacts(answers),
    },
    jurisdiction: jurisdictionFacts(answers),
    ownership: {
      copyright: answers.ownership.copyright,
      portfolioUse: answers.ownership.portfolioUse,
      licence: answers.ownership.licence,
      isExclusive: answers.ownership.licence === 'exclusive',
      // Under the Copyright, Designs and Patents Act 1988 the author's right to be identified (s. 77)
      // exists only once asserted in writing (s. 78), and an assertion in the signed contract binds the
      // client and anyone it passes the copyright to (s. 78(4)). Without it a freelancer who assigns the
      // copyright can be left off the work and has no claim to the credit the portfolio relies on; with
      // it the credit survives the assignment. Only UK law works this way, so only a UK place asserts it.
      assertsMoralRights: placeFor(answers).place?.country === 'United Kingdom',
    },
    statutes: statuteFacts(answers, figures.base),
    ref,
  };
}
