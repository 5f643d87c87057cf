// The evidence record: an append-only list of events, each naming the hash of
// the one before, so that changing, removing or reordering any event breaks
// every link after it. Pure functions: the store (store.ts) only keeps what
// these build, and verification (verify.ts) recomputes every hash.
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { say } from '../language/messages.ts';

export type Party = 'freelancer' | 'client';

/** Where a request came from, as the server saw it. */
export interface Visitor {
  readonly address: string;
  readonly userAgent: string;
}

/** The files a party may download: the contract as sent, the signed Word file, and the signed contract as PDF (a copy to read; the Word file is the one sealed). */
export type DownloadedFile = 'contract' | 'signed' | 'signed-pdf';

/** What each kind of event records; every field is evidence a reader of the certificate may need. */
export interface EventData {
  /** The contract was sent: the exact Word file's SHA-256 is the document's identity. */
  /** `timeZone`: the zone the freelancer chose for the record's second column of times (an IANA name Intl knows). */
  readonly created: { readonly documentHash: string; readonly version: number; readonly replaces?: string; readonly timeZone?: string };
  /** The client's page was opened. */
  readonly viewed: Visitor;
  /** A file was downloaded: the contract as sent, or the signed one. */
  readonly downloaded: Visitor & { readonly party: Party; readonly file: DownloadedFile };
  /** A party signed: the words they typed, the consent they were shown, the file they signed. */
  readonly signed: Visitor & {
    readonly party: Party;
    readonly name: string;
    readonly title?: string;
    readonly business?: string;
    readonly consent: string;
    readonly documentHash: string;
  };
  /** The client asked for changes instead of signing. */
  readonly 'changes-asked': Visitor & { readonly message: string };
  /** A newer version was sent; this one can no longer be signed. */
  readonly replaced: { readonly byEngagement: string; readonly byVersion: number };
  /** Both parties signed. */
  readonly completed: { readonly documentHash: string };
}

export type EventType = keyof EventData;
export const EVENT_TYPES: readonly EventType[] = ['created', 'viewed', 'downloaded', 'signed', 'changes-asked', 'replaced', 'completed'];

/** An event as it is recorded; `hash` covers every other field. */
export interface EngagementEvent<T extends EventType = EventType> {
  readonly engagementId: string;
  /** 1 for `created`, then one more for each event: a gap shows a removed event. */
  readonly seq: number;
  readonly type: T;
  /** ISO 8601 in UTC, to the millisecond. */
  readonly at: string;
  readonly data: EventData[T];
  /** The hash of event seq - 1; null only for the first event. */
  readonly prev: string | null;
  readonly hash: string;
}

export interface NewEvent<T extends EventType = EventType> {
  readonly type: T;
  readonly at: Date;
  readonly data: EventData[T];
}

/** What the hash of an event covers: everything except the hash itself. */
export function eventHash(event: Omit<EngagementEvent, 'hash'>): string {
  const { engagementId, seq, type, at, data, prev } = event;
  return sha256Hex(canonicalJson({ engagementId, seq, type, at, data, prev }));
}

/** The event that follows `last` (or opens the record when there is none). */
export function nextEvent<T extends EventType>(engagementId: string, last: EngagementEvent | undefined, event: NewEvent<T>): EngagementEvent<T> {
  const unhashed = {
    engagementId,
    seq: last ? last.seq + 1 : 1,
    type: event.type,
    at: event.at.toISOString(),
    // A round trip through JSON drops undefined members now, so the hash made
    // here is the hash of what the store gives back.
    data: JSON.parse(JSON.stringify(event.data)) as EventData[T],
    prev: last ? last.hash : null,
  };
  return { ...unhashed, hash: eventHash(unhashed) };
}

/**
 * An event's kind as a reader of the check's language says it ("signed", 署名):
 * language data (messages/*.json, engagement.eventKind.*). A kind this version
 * does not know is shown as recorded, since that is what the reader must find.
 */
export function eventKindName(type: string): string {
  return (EVENT_TYPES as readonly string[]).includes(type) ? say(`engagement.eventKind.${type}`) : type;
}

// The sentences are language data (messages/*.json, verify.problem.*), written in the language of the check in progress (inLanguage).
export const eventOrdinal = (event: { seq: number; type: string }) => say('verify.problem.event', { seq: event.seq, type: eventKindName(event.type) });
const ordinal = eventOrdinal;

/**
 * Every way the chain is broken, each as a sentence a person can act on;
 * empty when every event is intact and in its place.
 */
export function chainProblems(engagementId: string, events: readonly EngagementEvent[]): string[] {
  const problems: string[] = [];
  if (events.length === 0) return [say('verify.problem.noEvents')];
  events.forEach((event, index) => {
    const expectedSeq = index + 1;
    if (event.engagementId !== engagementId) problems.push(say('verify.problem.otherEngagementEvent', { event: ordinal(event), id: String(event.engagementId) }));
    if (event.seq !== expectedSeq) problems.push(say('verify.problem.outOfPlace', { event: ordinal(event), place: expectedSeq }));
    if (!(EVENT_TYPES as readonly string[]).includes(event.type)) problems.push(say('verify.problem.unknownKind', { event: ordinal(event) }));
    if (eventHash(event) !== event.hash) problems.push(say('verify.problem.eventChanged', { event: ordinal(event) }));
    const previous = events[index - 1];
    const expectedPrev = previous ? previous.hash : null;
    if (event.prev !== expectedPrev) {
      problems.push(previous ? say('verify.problem.doesNotFollow', { event: ordinal(event), previous: previous.seq }) : say('verify.problem.shouldOpen', { event: ordinal(event) }));
    }
  });
  if (events[0]?.type !== 'created') problems.push(say('verify.problem.noCreated'));
  return problems;
}

/** The events of one type, in order, typed. */
export function eventsOfType<T extends EventType>(events: readonly EngagementEvent[], type: T): EngagementEvent<T>[] {
  return events.filter((event): event is EngagementEvent<T> => event.type === type);
}
