// The signature certificate: who signed, what (the document hash), every
// event with its time in UTC and in the parties' time zone, and the seal.
// One model (certificateOf) feeds the JSON, the page and the signed file's
// last section (signed-contract.ts), so the three cannot disagree.
import type { Engagement } from './engagement.ts';
import { engagementStatus } from './engagement.ts';
import type { EngagementEvent, Party } from './events.ts';
import type { Seal } from './seal.ts';

export interface CertificateParty {
  readonly party: Party;
  readonly name: string;
  readonly business?: string;
  readonly email: string;
  readonly signedAs?: { readonly name: string; readonly title?: string; readonly at: string };
}

export interface Certificate {
  readonly engagementId: string;
  readonly version: number;
  readonly replaces?: string;
  readonly documentHash: string;
  readonly timeZone: string;
  readonly parties: readonly CertificateParty[];
  readonly events: readonly EngagementEvent[];
  readonly seal?: Seal;
}

/** Where the parties are, for the second column of times, when the freelancer chose none: Japan for a Japanese contract, UTC otherwise. */
export function timeZoneFor(language: string): string {
  return language === 'ja' ? 'Asia/Tokyo' : 'UTC';
}

/** Every zone this Node's Intl knows, and UTC (which supportedValuesOf may leave out). */
const KNOWN_TIME_ZONES: ReadonlySet<string> = new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);

/** The zones a freelancer may choose, sorted, for a list to pick from. */
export const TIME_ZONES: readonly string[] = [...KNOWN_TIME_ZONES].sort();

export function isKnownTimeZone(value: unknown): value is string {
  return typeof value === 'string' && KNOWN_TIME_ZONES.has(value);
}

/**
 * The zone the record shows: the one chosen when the contract was sent (kept
 * in the `created` event, so it is part of what the chain and seal cover),
 * else the language's.
 */
export function recordTimeZone(engagement: Pick<Engagement, 'language'>, events: readonly EngagementEvent[]): string {
  const created = events.find((event) => event.type === 'created') as EngagementEvent<'created'> | undefined;
  const chosen = created?.data.timeZone;
  return isKnownTimeZone(chosen) ? chosen : timeZoneFor(engagement.language);
}

interface PartyAnswers {
  name?: unknown;
  business?: unknown;
  email?: unknown;
}

const asText = (value: unknown) => (typeof value === 'string' ? value : '');

export function certificateOf(engagement: Engagement, events: readonly EngagementEvent[], seal: Seal | undefined, timeZone = recordTimeZone(engagement, events)): Certificate {
  const status = engagementStatus(events);
  const party = (which: Party): CertificateParty => {
    const answers = (engagement.answers[which] ?? {}) as PartyAnswers;
    const signature = status.signatures[which];
    const business = asText(answers.business);
    return {
      party: which,
      name: asText(answers.name),
      ...(business ? { business } : {}),
      email: asText(answers.email),
      ...(signature ? { signedAs: { name: signature.name, ...(signature.title ? { title: signature.title } : {}), at: signature.at } } : {}),
    };
  };
  return {
    engagementId: engagement.id,
    version: engagement.version,
    ...(engagement.replaces ? { replaces: engagement.replaces } : {}),
    documentHash: engagement.documentHash,
    timeZone,
    parties: [party('freelancer'), party('client')],
    events,
    ...(seal ? { seal } : {}),
  };
}
