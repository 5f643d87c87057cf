// One SQLite file in the data directory, opened the way every store here
// needs it: the folder and the file readable by this user only, WAL mode (so
// readers and the writer work at once) and a wait instead of an error when
// another process holds the write lock.
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface SqliteFileOptions {
  /**
   * NORMAL (drafts: a power cut may lose the last step saved) or FULL
   * (engagements: a signature acknowledged must survive one).
   */
  readonly synchronous: 'NORMAL' | 'FULL';
  readonly foreignKeys?: boolean;
}

export function openSqliteFile(dataDir: string, name: string, { synchronous, foreignKeys = false }: SqliteFileOptions): Database.Database {
  // Drafts, records and secrets are for this user only.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Created 0600 before SQLite opens it (and tightened if an older version
  // left it 0644): SQLite gives the -wal and -shm files the database's mode.
  const file = join(dataDir, name);
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('busy_timeout = 5000');
  if (foreignKeys) db.pragma('foreign_keys = ON');
  return db;
}

/** A store's ping (the file answers a trivial query) and close (once; a second close does nothing). */
export function pingAndClose(db: Database.Database): { ping(): Promise<void>; close(): Promise<void> } {
  let open = true;
  return {
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}
