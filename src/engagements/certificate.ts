// The signature certificate: who signed, what (the document hash), every
// event with its time in UTC and in the parties' time zone, and the seal.
// One model (certificateOf) feeds the JSON, the page and the signed file's
// last section (signed-contract.ts), so the three cannot disagree.
import type { Engagement } from './engagement.ts';
import { engagementStatus } from './engagement.ts';
import type { EngagementEvent, Party } from './events.ts';
import type { Seal } from './seal.ts';
import type { Answers } from '../answers/schema.ts';
import { lawPlace } from '../jurisdictions/place-for.ts';
import { isKnownTimeZone } from '../language/time-zone.ts';
export { isKnownTimeZone, TIME_ZONES } from '../language/time-zone.ts';

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
  /** The zone's offset from UTC when the contract was sent ("UTC-05:00"); each event's time carries its own. Absent from files signed before it was added. */
  readonly timeZoneOffset?: string;
  readonly parties: readonly CertificateParty[];
  readonly events: readonly EngagementEvent[];
  readonly seal?: Seal;
}

/** Where the parties are, for the second column of times, when the freelancer chose none: Japan for a Japanese contract, UTC otherwise. */
export function timeZoneFor(language: string): string {
  return language === 'ja' ? 'Asia/Tokyo' : 'UTC';
}

/**
 * The zone a contract's record shows unless the freelancer chooses another:
 * the governing law's place's (jurisdictions/places/*.yaml, `timeZone`), else
 * the language's.
 */
export function defaultTimeZone(answers: Pick<Answers, 'language' | 'jurisdiction'>): string {
  return lawPlace(answers)?.timeZone ?? timeZoneFor(answers.language);
}

/** "UTC+09:00", "UTC-04:00": the zone's offset from UTC at that moment (summer time included). */
export function utcOffset(at: string, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(at)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  // Intl writes GMT, and plain "GMT" at offset zero.
  return name === 'GMT' ? 'UTC+00:00' : name.replace(/^GMT/, 'UTC');
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
    timeZoneOffset: utcOffset(events[0]?.at ?? new Date().toISOString(), timeZone),
    parties: [party('freelancer'), party('client')],
    events,
    ...(seal ? { seal } : {}),
  };
}

/** The certificate's sentence about its zone, with the offset when sent (computed for a certificate from before the offset was kept). */
export function timeZoneLine(certificate: Certificate, words: { timeZone: (timeZone: string, offset: string) => string }): string {
  const offset = certificate.timeZoneOffset ?? utcOffset(certificate.events[0]?.at ?? new Date().toISOString(), certificate.timeZone);
  return words.timeZone(certificate.timeZone, offset);
}
