// Engagements in SQLite: engagements.sqlite in the data directory, beside
// drafts.sqlite but never swept with it. Every append is one immediate
// transaction (SQLite serialises writers), so the chain never forks.
import { openSqliteFile, pingAndClose } from '../storage/sqlite-file.ts';
import { migrateSqlite } from '../drafts/migrations.ts';
import { isEngagementKeyShape, type Engagement } from './engagement.ts';
import type { EngagementEvent, NewEvent } from './events.ts';
import { ENGAGEMENT_SQLITE_MIGRATIONS } from './migrations.ts';
import { chainAfter, eventFields, toSealed, toEngagement, toEvent, type EngagementFields, type EventFields } from './rows.ts';
import type { EngagementStore } from './store.ts';

export interface SqliteEngagementStoreOptions {
  readonly dataDir: string;
  readonly now?: () => Date;
}

const COLUMNS = `id, client_key AS clientKey, owner_key AS ownerKey, version, replaces, draft_id AS draftId, answers, language,
                 document, document_hash AS documentHash, created_at AS createdAt, retain_until AS retainUntil`;
const EVENT_COLUMNS = 'engagement_id AS engagementId, seq, type, at, data, prev, hash';

export function createSqliteEngagementStore({ dataDir, now = () => new Date() }: SqliteEngagementStoreOptions): EngagementStore {
  // FULL, not NORMAL as for drafts: a signature acknowledged must survive a power cut.
  const db = openSqliteFile(dataDir, 'engagements.sqlite', { synchronous: 'FULL', foreignKeys: true });
  migrateSqlite(db, ENGAGEMENT_SQLITE_MIGRATIONS);

  const insert = db.prepare(
    `INSERT INTO engagements (id, client_key, owner_key, version, replaces, draft_id, answers, language, document, document_hash, created_at, retain_until)
     VALUES (@id, @clientKey, @ownerKey, @version, @replaces, @draftId, @answers, @language, @document, @documentHash, @createdAt, @retainUntil)`,
  );
  const insertEvent = db.prepare('INSERT INTO engagement_events (engagement_id, seq, type, at, data, prev, hash) VALUES (@engagementId, @seq, @type, @at, @data, @prev, @hash)');
  const byId = db.prepare<[string], EngagementFields>(`SELECT ${COLUMNS} FROM engagements WHERE id = ?`);
  const byClientKey = db.prepare<[string], EngagementFields>(`SELECT ${COLUMNS} FROM engagements WHERE client_key = ?`);
  const byOwnerKey = db.prepare<[string], EngagementFields>(`SELECT ${COLUMNS} FROM engagements WHERE owner_key = ?`);
  const latestForDraft = db.prepare<[string], EngagementFields>(`SELECT ${COLUMNS} FROM engagements WHERE draft_id = ? ORDER BY version DESC LIMIT 1`);
  const events = db.prepare<[string], EventFields>(`SELECT ${EVENT_COLUMNS} FROM engagement_events WHERE engagement_id = ? ORDER BY seq`);
  const insertSeal = db.prepare<[string, string, Buffer]>('INSERT INTO engagement_seals (engagement_id, seal, signed_file) VALUES (?, ?, ?) ON CONFLICT (engagement_id) DO NOTHING');
  const sealOf = db.prepare<[string], { seal: string; signedFile: Buffer }>('SELECT seal, signed_file AS signedFile FROM engagement_seals WHERE engagement_id = ?');
  const sweep = db.prepare<[string]>('DELETE FROM engagements WHERE retain_until <= ?');

  const createTx = db.transaction((engagement: Engagement, created: EngagementEvent<'created'>) => {
    insert.run({
      ...engagement,
      replaces: engagement.replaces ?? null,
      draftId: engagement.draftId ?? null,
      answers: JSON.stringify(engagement.answers),
      document: Buffer.from(engagement.document),
    });
    insertEvent.run(eventFields(created));
  });

  const appendTx = db.transaction((id: string, decide: (events: readonly EngagementEvent[]) => readonly NewEvent[]): EngagementEvent[] => {
    if (!byId.get(id)) return [];
    const record = events.all(id).map(toEvent);
    const appended = chainAfter(id, record, decide(record));
    for (const event of appended) insertEvent.run(eventFields(event));
    return appended;
  });

  const read = (statement: typeof byId, key: string) => {
    if (!isEngagementKeyShape(key)) return undefined;
    const row = statement.get(key);
    return row ? toEngagement(row) : undefined;
  };

  return {
    engine: 'sqlite',
    async create(engagement, created) {
      createTx.immediate(engagement, created);
    },
    get: async (id) => read(byId, id),
    byClientKey: async (key) => read(byClientKey, key),
    byOwnerKey: async (key) => read(byOwnerKey, key),
    latestForDraft: async (draftId) => read(latestForDraft, draftId),
    async events(id) {
      return isEngagementKeyShape(id) ? events.all(id).map(toEvent) : [];
    },
    async append(id, decide) {
      return isEngagementKeyShape(id) ? appendTx.immediate(id, decide) : [];
    },
    async seal(id, { seal, signedFile }) {
      if (!isEngagementKeyShape(id) || !byId.get(id)) return false;
      return insertSeal.run(id, JSON.stringify(seal), Buffer.from(signedFile)).changes > 0;
    },
    async sealOf(id) {
      const row = isEngagementKeyShape(id) ? sealOf.get(id) : undefined;
      return row ? toSealed(row) : undefined;
    },
    async sweepPastRetention(at = now()) {
      return sweep.run(at.toISOString()).changes;
    },
    ...pingAndClose(db),
  };
}
