// Engagements and their records, beside the drafts but never swept with
// them: a record is kept for the retention period (ENGAGEMENT_RETENTION_YEARS,
// default 7) whatever happens to the draft it came from. SQLite in DATA_DIR
// by default (sqlite-store.ts), PostgreSQL with DATABASE_URL
// (postgres-store.ts); both pass test/engagements/engagement-store-contract.ts.
//
// Events are insert-only: no method edits or deletes one, and both engines
// refuse an UPDATE of an event with a trigger. Only the retention sweep
// removes a whole engagement, record and all, once its period is over.
import type { Engagement } from './engagement.ts';
import type { EngagementEvent, NewEvent } from './events.ts';
import type { Seal } from './seal.ts';

/** A completed record's seal and the signed Word file that carries it. */
export interface Sealed {
  readonly seal: Seal;
  readonly signedFile: Uint8Array;
}

export interface EngagementStore {
  readonly engine: 'sqlite' | 'postgres';
  /** Saves a new engagement with its first event (`created`) in one step. */
  create(engagement: Engagement, created: EngagementEvent<'created'>): Promise<void>;
  /** By public id (from a signed file); undefined when unknown or malformed. */
  get(id: string): Promise<Engagement | undefined>;
  /** By the client's link. */
  byClientKey(key: string): Promise<Engagement | undefined>;
  /** By the freelancer's link. */
  byOwnerKey(key: string): Promise<Engagement | undefined>;
  /** The latest version sent from a draft. */
  latestForDraft(draftId: string): Promise<Engagement | undefined>;
  /** The record, oldest first. */
  events(id: string): Promise<EngagementEvent[]>;
  /**
   * Appends what `decide` returns, given the record as it stands, after its
   * last event, in one step: an event another instance appended meanwhile is
   * seen by `decide`, and the chain never forks. `decide` may run more than
   * once; keep it pure. Returns the events appended ([] when `decide` chose
   * none, or the engagement is unknown).
   */
  append(id: string, decide: (events: readonly EngagementEvent[]) => readonly NewEvent[]): Promise<EngagementEvent[]>;
  /**
   * Keeps the seal of a completed record with the signed file it went into;
   * false when there is one already (never replaced: both parties download
   * the same bytes).
   */
  seal(id: string, sealed: Sealed): Promise<boolean>;
  sealOf(id: string): Promise<Sealed | undefined>;
  /** Removes engagements whose retention period is over; returns how many. */
  sweepPastRetention(now?: Date): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
