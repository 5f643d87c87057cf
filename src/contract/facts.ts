// The facts a clause template may use: the answers with every figure
// computed and every value already written the way the contract shows it.
// Templates only print these; they never compute (DESIGN.md: logic in code).
import type { Answers, Party } from '../answers/schema.ts';
import { formatLongDate } from '../answers/dates.ts';
import { formatMoney, formatPercent, money, percentOf, subtract, type Money } from '../answers/money.ts';

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
  client: PartyFacts & { relationship: 'new' | 'returning'; isReturning: boolean };
  project: {
    name: string;
    description: string;
    deliverables: string[];
    startDate: string;
    endDate: string;
    hasEndDate: boolean;
    revisionRounds: number;
    revisionRoundsText: string;
  };
  fee: {
    model: 'fixed' | 'hourly' | 'retainer';
    currency: string;
    total: string;
    rate: string;
    estimatedHours: string;
    estimate: string;
    monthly: string;
    hoursPerMonth: string;
    paymentDueDays: number;
    paymentDueText: string;
    lateFeePercent: string;
    hasLateFee: boolean;
  };
  deposit: {
    percent: string;
    amount: string;
    balance: string;
    basis: string;
    inFull: boolean;
    nonRefundable: boolean;
  };
  killFee: {
    unresponsiveDays: number;
    percent: string;
    hasKillFee: boolean;
  };
  jurisdiction: {
    governingLaw: string;
    venue: string;
    /** "the laws of the State of Oregon", "the laws of England and Wales" */
    lawPhrase: string;
    /** "the courts of Multnomah County, Oregon", or the venue as typed when it already names courts */
    courtsPhrase: string;
    smallClaims: boolean;
  };
  ownership: { copyright: 'assign-to-client' | 'retain-and-license'; portfolioUse: boolean };
}

const SMALL_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
function countText(count: number, noun: string): string {
  const word = SMALL_NUMBERS[count] ?? String(count);
  return `${word} ${noun}${count === 1 ? '' : 's'}`;
}

/** "14 days", "1 day" */
export const daysText = (days: number) => `${days} ${days === 1 ? 'day' : 'days'}`;

// "State of Oregon" reads as "the State of Oregon" inside a sentence.
function withArticle(place: string): string {
  return /^(state|commonwealth|province|republic|kingdom|district|territory|canton|federation|principality|grand duchy)\s+of\b/i.test(place)
    ? `the ${place}`
    : place;
}

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

/** The deposit, what it is a share of, and what is left to pay. */
export function computeFigures(answers: Answers): Figures {
  const { fee } = answers;
  const base =
    fee.model === 'fixed'
      ? money(fee.total, fee.currency)
      : fee.model === 'hourly'
        ? // Rate times hours, rounded once at the end as an invoice would be.
          money(fee.rate * fee.estimatedHours, fee.currency)
        : money(fee.monthly, fee.currency);
  const deposit = percentOf(base, answers.deposit.percent);
  return { base, deposit, balance: subtract(base, deposit) };
}

export function computeFacts(answers: Answers): ContractFacts {
  const { fee, project } = answers;
  const figures = computeFigures(answers);
  const fmt = (major: number) => formatMoney(money(major, fee.currency));
  return {
    effectiveDate: formatLongDate(answers.effectiveDate),
    freelancer: partyFacts(answers.freelancer),
    client: {
      ...partyFacts(answers.client),
      relationship: answers.client.relationship,
      isReturning: answers.client.relationship === 'returning',
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
      paymentDueText: fee.paymentDueDays === 0 ? 'on receipt' : `within ${daysText(fee.paymentDueDays)}`,
      lateFeePercent: formatPercent(fee.lateFeePercentPerMonth),
      hasLateFee: fee.lateFeePercentPerMonth > 0,
    },
    deposit: {
      percent: formatPercent(answers.deposit.percent),
      amount: formatMoney(figures.deposit),
      balance: formatMoney(figures.balance),
      basis:
        fee.model === 'fixed' ? 'the total price' : fee.model === 'hourly' ? 'the estimated fee' : "each month's retainer",
      inFull: answers.deposit.percent >= 100,
      nonRefundable: answers.deposit.nonRefundable,
    },
    killFee: {
      unresponsiveDays: answers.killFee.unresponsiveDays,
      percent: formatPercent(answers.killFee.percentOfRemainingFee),
      hasKillFee: answers.killFee.percentOfRemainingFee > 0,
    },
    jurisdiction: {
      ...answers.jurisdiction,
      lawPhrase: `the laws of ${withArticle(answers.jurisdiction.governingLaw)}`,
      courtsPhrase: /^(the\s+)?courts?\b/i.test(answers.jurisdiction.venue)
        ? answers.jurisdiction.venue
        : `the courts of ${withArticle(answers.jurisdiction.venue)}`,
    },
    ownership: { copyright: answers.ownership.copyright, portfolioUse: answers.ownership.portfolioUse },
  };
}
