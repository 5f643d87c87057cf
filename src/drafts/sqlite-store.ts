// The default draft store: one SQLite file in the data directory. WAL mode
// lets readers and the writer work at once; every write is one transaction,
// so a crash leaves either the old draft or the new one, never half of each.
import { openSqliteFile, pingAndClose } from '../storage/sqlite-file.ts';
import { checkTtlDays, expiryFrom, isDraftIdShape, newDraftId, toDraft, type DraftFields } from './draft-record.ts';
import { migrateSqlite } from './migrations.ts';
import type { Draft, DraftAnswers, DraftStore } from './store.ts';

export interface SqliteDraftStoreOptions {
  /** Directory that holds drafts.sqlite; created when missing. */
  readonly dataDir: string;
  /** Days an untouched draft is kept; every save starts the count again. */
  readonly ttlDays: number;
  /** The clock, replaceable so tests can travel in time. */
  readonly now?: () => Date;
}

const COLUMNS = 'id, answers, version, created_at AS createdAt, updated_at AS updatedAt, expires_at AS expiresAt';

export function createSqliteDraftStore({ dataDir, ttlDays, now = () => new Date() }: SqliteDraftStoreOptions): DraftStore {
  checkTtlDays(ttlDays);
  const db = openSqliteFile(dataDir, 'drafts.sqlite', { synchronous: 'NORMAL' });
  migrateSqlite(db);

  // ISO timestamps in UTC compare correctly as text.
  const insert = db.prepare<[string, string, string, string, string]>(
    'INSERT INTO drafts (id, answers, version, created_at, updated_at, expires_at) VALUES (?, ?, 1, ?, ?, ?)',
  );
  const select = db.prepare<[string, string], DraftFields>(`SELECT ${COLUMNS} FROM drafts WHERE id = ? AND expires_at > ?`);
  const update = db.prepare<[string, string, string, string, string]>(
    'UPDATE drafts SET answers = ?, version = version + 1, updated_at = ?, expires_at = ? WHERE id = ? AND expires_at > ?',
  );
  const remove = db.prepare<[string]>('DELETE FROM drafts WHERE id = ?');
  const sweep = db.prepare<[string]>('DELETE FROM drafts WHERE expires_at <= ?');

  const createTx = db.transaction((answers: DraftAnswers): Draft => {
    const at = now();
    const stamp = at.toISOString();
    const row: DraftFields = { id: newDraftId(), answers: JSON.stringify(answers), version: 1, createdAt: stamp, updatedAt: stamp, expiresAt: expiryFrom(at, ttlDays) };
    insert.run(row.id, row.answers, row.createdAt, row.updatedAt, row.expiresAt);
    return toDraft(row);
  });

  // One immediate transaction reads, changes and writes: SQLite serialises
  // writers, so no other process can save in between and nothing is lost.
  const updateTx = db.transaction((id: string, change: (answers: DraftAnswers) => DraftAnswers | undefined): Draft | undefined => {
    const at = now();
    const stamp = at.toISOString();
    const current = select.get(id, stamp);
    if (!current) return undefined;
    const answers = change(toDraft(current).answers);
    if (!answers) return undefined;
    update.run(JSON.stringify(answers), stamp, expiryFrom(at, ttlDays), id, stamp);
    const row = select.get(id, stamp);
    return row ? toDraft(row) : undefined;
  });

  return {
    engine: 'sqlite',
    async create(answers = {}) {
      return createTx(answers);
    },
    async get(id) {
      if (!isDraftIdShape(id)) return undefined;
      const row = select.get(id, now().toISOString());
      return row ? toDraft(row) : undefined;
    },
    async save(id, answers) {
      if (!isDraftIdShape(id)) return undefined;
      return updateTx.immediate(id, () => answers);
    },
    async update(id, change) {
      if (!isDraftIdShape(id)) return undefined;
      return updateTx.immediate(id, change);
    },
    async delete(id) {
      if (!isDraftIdShape(id)) return false;
      return remove.run(id).changes > 0;
    },
    async sweepExpired(at = now()) {
      return sweep.run(at.toISOString()).changes;
    },
    ...pingAndClose(db),
  };
}
