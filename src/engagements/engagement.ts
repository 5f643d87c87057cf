// An engagement: one version of a contract sent for signature. Sending
// freezes the answers and the exact Word file; the file's SHA-256 is the
// document's identity. Changing an answer afterwards makes a new version that
// names the one it replaces. Pure: ids come from the caller's random source.
import { randomBytes } from 'node:crypto';
import { sha256Hex } from './canonical-json.ts';
import { eventsOfType, type EngagementEvent, type Party, type EventData } from './events.ts';

export interface Engagement {
  /** Names the engagement in its certificate and signed file: public, and gives no access. */
  readonly id: string;
  /** The client's page: 192 random bits, a capability, never logged or listed. */
  readonly clientKey: string;
  /** The freelancer's page: 192 random bits, likewise. */
  readonly ownerKey: string;
  /** 1 for the first version sent from a draft, then one more for each new version. */
  readonly version: number;
  /** The id of the version this one replaces. */
  readonly replaces?: string;
  /** The draft it was sent from, when it was sent from the wizard. */
  readonly draftId?: string;
  /** The answers as they were when it was sent (validated answers, as JSON). */
  readonly answers: Record<string, unknown>;
  readonly language: string;
  /** The exact Word file sent. */
  readonly document: Uint8Array;
  readonly documentHash: string;
  readonly createdAt: string;
  /** Kept until then (ENGAGEMENT_RETENTION_YEARS), whatever happens to the draft. */
  readonly retainUntil: string;
}

/** 24 random bytes, base64url: the same strength as a draft id. */
export function newEngagementKey(): string {
  return randomBytes(24).toString('base64url');
}

/** Keys and ids are base64url; anything else is refused before it reaches SQL. */
export function isEngagementKeyShape(key: string): boolean {
  return /^[A-Za-z0-9_-]{22,64}$/.test(key);
}

export interface NewEngagement {
  readonly answers: Record<string, unknown>;
  readonly language: string;
  readonly document: Uint8Array;
  readonly draftId?: string;
  /** The version it replaces, when there is one. */
  readonly previous?: Pick<Engagement, 'id' | 'version'>;
  readonly at: Date;
  readonly retentionYears: number;
}

export function newEngagement(input: NewEngagement): Engagement {
  const retainUntil = new Date(input.at);
  retainUntil.setUTCFullYear(retainUntil.getUTCFullYear() + input.retentionYears);
  return {
    id: newEngagementKey(),
    clientKey: newEngagementKey(),
    ownerKey: newEngagementKey(),
    version: input.previous ? input.previous.version + 1 : 1,
    ...(input.previous ? { replaces: input.previous.id } : {}),
    ...(input.draftId ? { draftId: input.draftId } : {}),
    answers: input.answers,
    language: input.language,
    document: input.document,
    documentHash: sha256Hex(input.document),
    createdAt: input.at.toISOString(),
    retainUntil: retainUntil.toISOString(),
  };
}

type Signature = EventData['signed'] & { readonly at: string };

/** What the freelancer's page shows at a glance, read from the events alone. */
export interface EngagementStatus {
  readonly state: 'sent' | 'changes-asked' | 'replaced' | 'completed';
  readonly views: number;
  readonly lastViewAt?: string;
  readonly signatures: Partial<Record<Party, Signature>>;
  readonly changesAsked: readonly { readonly at: string; readonly message: string }[];
  readonly replacedBy?: EventData['replaced'];
}

export function engagementStatus(events: readonly EngagementEvent[]): EngagementStatus {
  const views = eventsOfType(events, 'viewed');
  const signatures: Partial<Record<Party, Signature>> = {};
  for (const event of eventsOfType(events, 'signed')) signatures[event.data.party] ??= { ...event.data, at: event.at };
  const changesAsked = eventsOfType(events, 'changes-asked').map((event) => ({ at: event.at, message: event.data.message }));
  const replaced = eventsOfType(events, 'replaced')[0];
  const completed = eventsOfType(events, 'completed').length > 0;
  // A change asked for after the last signature is the news; a signature after it answers it.
  const lastChange = changesAsked.at(-1)?.at;
  const state = completed ? 'completed' : replaced ? 'replaced' : lastChange ? 'changes-asked' : 'sent';
  return {
    state,
    views: views.length,
    ...(views.length > 0 ? { lastViewAt: views.at(-1)!.at } : {}),
    signatures,
    changesAsked,
    ...(replaced ? { replacedBy: replaced.data } : {}),
  };
}

/** Why a party may not sign now, as a sentence; undefined when they may. */
export function whyNotSign(events: readonly EngagementEvent[], party: Party): string | undefined {
  const status = engagementStatus(events);
  if (status.state === 'replaced') return 'This version was replaced by a newer one and can no longer be signed.';
  if (status.state === 'completed') return 'Both parties have already signed.';
  if (status.signatures[party]) return 'This party has already signed.';
  return undefined;
}

/** Both have signed and the record is not yet closed: the moment to add `completed` and seal. */
export function readyToComplete(events: readonly EngagementEvent[]): boolean {
  const status = engagementStatus(events);
  return status.state !== 'completed' && status.state !== 'replaced' && Boolean(status.signatures.client && status.signatures.freelancer);
}
