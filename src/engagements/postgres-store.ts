// Engagements in PostgreSQL, for several instances on one database: sent on
// one, signed on another. An append locks the engagement's row (FOR UPDATE)
// while it reads the record and inserts after it, so two instances appending
// at once take turns and the chain never forks; the primary key
// (engagement_id, seq) would refuse a fork anyway.
import type { Pool } from 'pg';
import { inTransaction, reachable } from '../drafts/postgres-store.ts';
import { isEngagementKeyShape, type Engagement } from './engagement.ts';
import type { EngagementEvent } from './events.ts';
import { chainAfter, eventFields, toSealed, toEngagement, toEvent, type EngagementFields, type EventFields } from './rows.ts';
import type { EngagementStore } from './store.ts';
import type { OutageLog } from '../storage/outage-log.ts';

export interface PostgresEngagementStoreOptions {
  /** A pool on a migrated database; the store does not end it (the draft store owns it). */
  readonly pool: Pool;
  readonly now?: () => Date;
  /** Where "the database cannot be reached" is logged, once a minute (src/storage/outage-log.ts). */
  readonly outage?: OutageLog;
}

interface EngagementRow {
  id: string;
  client_key: string;
  owner_key: string;
  version: number;
  replaces: string | null;
  draft_id: string | null;
  answers: string;
  language: string;
  document: Buffer;
  document_hash: string;
  created_at: Date;
  retain_until: Date;
}

const toFields = (row: EngagementRow): EngagementFields => ({
  id: row.id,
  clientKey: row.client_key,
  ownerKey: row.owner_key,
  version: row.version,
  replaces: row.replaces,
  draftId: row.draft_id,
  answers: row.answers,
  language: row.language,
  document: row.document,
  documentHash: row.document_hash,
  createdAt: row.created_at.toISOString(),
  retainUntil: row.retain_until.toISOString(),
});

const EVENT_COLUMNS = 'engagement_id AS "engagementId", seq, type, at, data, prev, hash';
const INSERT_EVENT = 'INSERT INTO engagement_events (engagement_id, seq, type, at, data, prev, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)';
const eventValues = (event: EngagementEvent) => {
  const fields = eventFields(event);
  return [fields.engagementId, fields.seq, fields.type, fields.at, fields.data, fields.prev, fields.hash];
};

export function createPostgresEngagementStore({ pool, now = () => new Date(), outage }: PostgresEngagementStoreOptions): EngagementStore {
  async function readOne(column: 'id' | 'client_key' | 'owner_key', key: string): Promise<Engagement | undefined> {
    if (!isEngagementKeyShape(key)) return undefined;
    const { rows } = await reachable(() => pool.query<EngagementRow>(`SELECT * FROM engagements WHERE ${column} = $1`, [key]), outage);
    return rows[0] ? toEngagement(toFields(rows[0])) : undefined;
  }

  return {
    engine: 'postgres',
    async create(engagement, created) {
      await inTransaction(pool, async (client) => {
        await client.query(
          `INSERT INTO engagements (id, client_key, owner_key, version, replaces, draft_id, answers, language, document, document_hash, created_at, retain_until)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            engagement.id,
            engagement.clientKey,
            engagement.ownerKey,
            engagement.version,
            engagement.replaces ?? null,
            engagement.draftId ?? null,
            JSON.stringify(engagement.answers),
            engagement.language,
            Buffer.from(engagement.document),
            engagement.documentHash,
            engagement.createdAt,
            engagement.retainUntil,
          ],
        );
        await client.query(INSERT_EVENT, eventValues(created));
      }, outage);
    },
    get: (id) => readOne('id', id),
    byClientKey: (key) => readOne('client_key', key),
    byOwnerKey: (key) => readOne('owner_key', key),
    async latestForDraft(draftId) {
      if (!isEngagementKeyShape(draftId)) return undefined;
      const { rows } = await reachable(() => pool.query<EngagementRow>('SELECT * FROM engagements WHERE draft_id = $1 ORDER BY version DESC LIMIT 1', [draftId]), outage);
      return rows[0] ? toEngagement(toFields(rows[0])) : undefined;
    },
    async events(id) {
      if (!isEngagementKeyShape(id)) return [];
      const { rows } = await reachable(() => pool.query<EventFields>(`SELECT ${EVENT_COLUMNS} FROM engagement_events WHERE engagement_id = $1 ORDER BY seq`, [id]), outage);
      return rows.map(toEvent);
    },
    async append(id, decide) {
      if (!isEngagementKeyShape(id)) return [];
      return inTransaction(pool, async (client) => {
        const { rowCount } = await client.query('SELECT 1 FROM engagements WHERE id = $1 FOR UPDATE', [id]);
        if (!rowCount) return [];
        const { rows } = await client.query<EventFields>(`SELECT ${EVENT_COLUMNS} FROM engagement_events WHERE engagement_id = $1 ORDER BY seq`, [id]);
        const record = rows.map(toEvent);
        const appended = chainAfter(id, record, decide(record));
        for (const event of appended) await client.query(INSERT_EVENT, eventValues(event));
        return appended;
      }, outage);
    },
    async seal(id, { seal, signedFile }) {
      if (!isEngagementKeyShape(id)) return false;
      const { rowCount } = await reachable(() =>
        pool.query(
          'INSERT INTO engagement_seals (engagement_id, seal, signed_file) SELECT id, $2, $3 FROM engagements WHERE id = $1 ON CONFLICT (engagement_id) DO NOTHING',
          [id, JSON.stringify(seal), Buffer.from(signedFile)],
        ),
        outage,
      );
      return (rowCount ?? 0) > 0;
    },
    async sealOf(id) {
      if (!isEngagementKeyShape(id)) return undefined;
      const { rows } = await reachable(() => pool.query<{ seal: string; signedFile: Buffer }>('SELECT seal, signed_file AS "signedFile" FROM engagement_seals WHERE engagement_id = $1', [id]), outage);
      return rows[0] ? toSealed(rows[0]) : undefined;
    },
    async sweepPastRetention(at = now()) {
      const { rowCount } = await reachable(() => pool.query('DELETE FROM engagements WHERE retain_until <= $1', [at.toISOString()]), outage);
      return rowCount ?? 0;
    },
    async ping() {
      await reachable(() => pool.query('SELECT 1'), outage);
    },
    async close() {
      // The pool belongs to the draft store, which ends it.
    },
  };
}
