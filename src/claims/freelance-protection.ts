// Whether a place's freelancer-protection statute (New York's Freelance Isn't
// Free Act, California's SB 988, Illinois's Freelance Worker Protection Act)
// covers an engagement, and what it adds: the contract's sentence, the 30-day
// default payment term and the damages for late payment. Every figure comes
// from jurisdictions/statutes/; pure.
import type { Answers } from '../answers/schema.ts';
import { toMajor, type Money } from '../answers/money.ts';
import { freelanceStatuteFor, statuteBook, type FreelanceProtectionStatute, type StatuteBook } from '../jurisdictions/statutes.ts';
import { cityOrdinanceSentences } from './city-ordinances.ts';
import { clientKindOf, statutePlaceOf } from './place.ts';

export interface Engagement {
  /** The contract's value in the statute's currency (the fee, or the estimate for hourly work). */
  readonly value: Money;
  /** The day the contract was made: the statutes cover contracts made on or after they took effect. */
  readonly effectiveDate: string;
  /** One person working alone (a sole trader, or a company of one person with no employees). */
  readonly soloFreelancer: boolean;
  readonly clientKind: 'business' | 'consumer';
}

/** Why a statute does not cover the engagement; `below-threshold` may still be met with the parties' other contracts. */
export type NotCoveredReason = 'before-in-force' | 'below-threshold' | 'not-solo' | 'consumer-client' | 'currency';

export type FreelanceProtection =
  | {
      readonly status: 'applies';
      readonly statute: FreelanceProtectionStatute;
      /** The contract's sentence naming the statute. */
      readonly sentence: string;
      /** Days after completion the client has to pay when the contract sets no date. */
      readonly paymentDefaultDays: number;
    }
  | { readonly status: 'not-applicable'; readonly statute: FreelanceProtectionStatute; readonly reasons: readonly NotCoveredReason[] };

export function freelanceProtection(statute: FreelanceProtectionStatute, engagement: Engagement): FreelanceProtection {
  const reasons: NotCoveredReason[] = [];
  if (engagement.effectiveDate < statute.inForceFrom.value) reasons.push('before-in-force');
  if (engagement.value.currency !== statute.currency) reasons.push('currency');
  else if (toMajor(engagement.value) < statute.threshold.value) reasons.push('below-threshold');
  if (statute.soloFreelancerOnly.value && !engagement.soloFreelancer) reasons.push('not-solo');
  if (statute.businessClientsOnly.value && engagement.clientKind === 'consumer') reasons.push('consumer-client');
  if (reasons.length > 0) return { status: 'not-applicable', statute, reasons };
  return { status: 'applies', statute, sentence: statute.sentence.value, paymentDefaultDays: statute.paymentDefaultDays.value };
}

/** What the statute lets the freelancer claim for an unpaid amount: the multiplier times it (twice, in all three states). */
export function statutoryDamages(statute: FreelanceProtectionStatute, unpaid: Money): Money {
  return { minor: unpaid.minor * statute.damagesMultiplier.value, currency: unpaid.currency };
}

/**
 * The contract's sentence naming the freelancer-protection statute of its place, then any city ordinance
 * covering the work (city-ordinances.ts), or '' where none covers it.
 * `value` is the contract's value (the fixed price, the hourly estimate, a retainer month).
 */
export function freelanceStatuteSentence(answers: Answers, value: Money, book: StatuteBook = statuteBook()): string {
  const place = statutePlaceOf(answers);
  const statute = place ? freelanceStatuteFor(place, book) : undefined;
  const covered = statute
    ? freelanceProtection(statute, {
        value,
        effectiveDate: answers.effectiveDate,
        // One person working alone; a freelancer with employees is a business the statutes do not cover.
        soloFreelancer: !answers.freelancer.hasEmployees,
        clientKind: clientKindOf(answers),
      })
    : undefined;
  // A city's ordinance covers the work done there whatever the governing law: its sentence follows the state's.
  return [covered?.status === 'applies' ? covered.sentence : '', cityOrdinanceSentences(answers, value, book)].filter(Boolean).join(' ');
}
