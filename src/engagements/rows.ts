// What both engines share about engagement rows: how stored values become an
// Engagement, an event and a seal again, and how an append is decided.
import type { Engagement } from './engagement.ts';
import { nextEvent, type EngagementEvent, type EventType, type NewEvent } from './events.ts';
import type { Seal } from './seal.ts';
import type { Sealed } from './store.ts';

export interface EngagementFields {
  id: string;
  clientKey: string;
  ownerKey: string;
  version: number;
  replaces: string | null;
  draftId: string | null;
  answers: string;
  language: string;
  document: Uint8Array;
  documentHash: string;
  createdAt: string;
  retainUntil: string;
}

export function toEngagement(row: EngagementFields): Engagement {
  return {
    id: row.id,
    clientKey: row.clientKey,
    ownerKey: row.ownerKey,
    version: Number(row.version),
    ...(row.replaces ? { replaces: row.replaces } : {}),
    ...(row.draftId ? { draftId: row.draftId } : {}),
    answers: JSON.parse(row.answers) as Record<string, unknown>,
    language: row.language,
    // A copy that owns its memory: a Buffer from a driver may be a slice of a larger pool.
    document: new Uint8Array(row.document),
    documentHash: row.documentHash,
    createdAt: row.createdAt,
    retainUntil: row.retainUntil,
  };
}

export interface EventFields {
  engagementId: string;
  seq: number;
  type: string;
  at: string;
  data: string;
  prev: string | null;
  hash: string;
}

/**
 * An event as stored. Nothing is checked here: a row edited in the database
 * comes back as edited, so that verification, not the store, finds it.
 */
export function toEvent(row: EventFields): EngagementEvent {
  return {
    engagementId: row.engagementId,
    seq: Number(row.seq),
    type: row.type as EventType,
    at: row.at,
    data: JSON.parse(row.data) as EngagementEvent['data'],
    prev: row.prev,
    hash: row.hash,
  };
}

export function eventFields(event: EngagementEvent): EventFields {
  return { ...event, data: JSON.stringify(event.data) };
}

/** The events `decide` chose, chained after the record as it stands. */
export function chainAfter(id: string, events: readonly EngagementEvent[], chosen: readonly NewEvent[]): EngagementEvent[] {
  const appended: EngagementEvent[] = [];
  for (const event of chosen) appended.push(nextEvent(id, appended.at(-1) ?? events.at(-1), event as NewEvent<EventType>));
  return appended;
}

export function toSealed(row: { seal: string; signedFile: Uint8Array }): Sealed {
  return { seal: JSON.parse(row.seal) as Seal, signedFile: new Uint8Array(row.signedFile) };
}
