// The default draft store: one SQLite file in the data directory. WAL mode
// lets readers and the writer work at once; every write is one transaction,
// so a crash leaves either the old draft or the new one, never half of each.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Draft, DraftAnswers, DraftStore } from './store.ts';

export interface SqliteDraftStoreOptions {
  /** Directory that holds drafts.sqlite; created when missing. */
  readonly dataDir: string;
  /** Days an untouched draft is kept; every save starts the count again. */
  readonly ttlDays: number;
  /** The clock, replaceable so tests can travel in time. */
  readonly now?: () => Date;
}

interface DraftRow {
  id: string;
  answers: string;
  created_at: string;
  updated_at: string;
  expires_at: string;
}

const DAY_MS = 86_400_000;

/** 24 random bytes: 192 bits, well above the 128 a guess would need to beat. */
export function newDraftId(): string {
  return randomBytes(24).toString('base64url');
}

/** Draft ids are base64url; anything else is refused before it reaches SQL. */
export function isDraftIdShape(id: string): boolean {
  return /^[A-Za-z0-9_-]{22,64}$/.test(id);
}

function toDraft(row: DraftRow): Draft {
  let answers: DraftAnswers;
  try {
    const parsed: unknown = JSON.parse(row.answers);
    answers = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as DraftAnswers) : {};
  } catch {
    answers = {};
  }
  return { id: row.id, answers, createdAt: row.created_at, updatedAt: row.updated_at, expiresAt: row.expires_at };
}

export function createSqliteDraftStore({ dataDir, ttlDays, now = () => new Date() }: SqliteDraftStoreOptions): DraftStore {
  if (!(ttlDays > 0)) throw new Error(`ttlDays must be more than 0, not ${ttlDays}`);
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'drafts.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS drafts (
      id TEXT PRIMARY KEY,
      answers TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS drafts_expires_at ON drafts (expires_at);
  `);

  // ISO timestamps in UTC compare correctly as text.
  const insert = db.prepare<[string, string, string, string, string]>(
    'INSERT INTO drafts (id, answers, created_at, updated_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const select = db.prepare<[string, string], DraftRow>('SELECT * FROM drafts WHERE id = ? AND expires_at > ?');
  const update = db.prepare<[string, string, string, string, string]>(
    'UPDATE drafts SET answers = ?, updated_at = ?, expires_at = ? WHERE id = ? AND expires_at > ?',
  );
  const remove = db.prepare<[string]>('DELETE FROM drafts WHERE id = ?');
  const sweep = db.prepare<[string]>('DELETE FROM drafts WHERE expires_at <= ?');

  const expiryFrom = (date: Date) => new Date(date.getTime() + ttlDays * DAY_MS).toISOString();

  const createTx = db.transaction((answers: DraftAnswers): Draft => {
    const at = now();
    const stamp = at.toISOString();
    const row: DraftRow = { id: newDraftId(), answers: JSON.stringify(answers), created_at: stamp, updated_at: stamp, expires_at: expiryFrom(at) };
    insert.run(row.id, row.answers, row.created_at, row.updated_at, row.expires_at);
    return toDraft(row);
  });

  const saveTx = db.transaction((id: string, answers: DraftAnswers): Draft | undefined => {
    const at = now();
    const stamp = at.toISOString();
    const result = update.run(JSON.stringify(answers), stamp, expiryFrom(at), id, stamp);
    if (result.changes === 0) return undefined;
    const row = select.get(id, stamp);
    return row ? toDraft(row) : undefined;
  });

  let open = true;
  return {
    create(answers = {}) {
      return createTx(answers);
    },
    get(id) {
      if (!isDraftIdShape(id)) return undefined;
      const row = select.get(id, now().toISOString());
      return row ? toDraft(row) : undefined;
    },
    save(id, answers) {
      if (!isDraftIdShape(id)) return undefined;
      return saveTx(id, answers);
    },
    delete(id) {
      if (!isDraftIdShape(id)) return false;
      return remove.run(id).changes > 0;
    },
    sweepExpired(at = now()) {
      return sweep.run(at.toISOString()).changes;
    },
    close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}
