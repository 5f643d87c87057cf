// The SQLite store passes the shared contract, plus what only a file on disk
// has: the folder it makes, WAL mode, and files written by older versions.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteDraftStore } from '../../src/drafts/sqlite-store.ts';
import type { DraftStore } from '../../src/drafts/store.ts';
import { describeDraftStoreContract } from './draft-store-contract.ts';

describeDraftStoreContract('SQLite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'drafts-'));
  return {
    open: async ({ ttlDays, now }) => createSqliteDraftStore({ dataDir, ttlDays, now }),
    countRows: async () => {
      const raw = new Database(join(dataDir, 'drafts.sqlite'), { readonly: true });
      try {
        return (raw.prepare('SELECT count(*) AS n FROM drafts').get() as { n: number }).n;
      } finally {
        raw.close();
      }
    },
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});

let dir: string;
const stores: DraftStore[] = [];
const open = (dataDir = dir) => {
  const store = createSqliteDraftStore({ dataDir, ttlDays: 30 });
  stores.push(store);
  return store;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'drafts-'));
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite draft store', () => {
  it('creates the data directory when it is missing', async () => {
    const nested = join(dir, 'a', 'b');
    await open(nested).create({});
    expect(existsSync(join(nested, 'drafts.sqlite'))).toBe(true);
  });

  it('writes in WAL mode', async () => {
    await open().create({});
    const raw = new Database(join(dir, 'drafts.sqlite'));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('keeps drafts written before the schema was versioned, and carries on saving them', async () => {
    const old = new Database(join(dir, 'drafts.sqlite'));
    old.exec(`CREATE TABLE drafts (id TEXT PRIMARY KEY, answers TEXT NOT NULL, created_at TEXT NOT NULL,
              updated_at TEXT NOT NULL, expires_at TEXT NOT NULL) WITHOUT ROWID;`);
    const id = 'B'.repeat(32);
    old.prepare('INSERT INTO drafts VALUES (?, ?, ?, ?, ?)').run(id, '{"client":{"name":"Old"}}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2999-01-01T00:00:00.000Z');
    old.close();
    const store = open();
    expect((await store.get(id))?.answers).toEqual({ client: { name: 'Old' } });
    expect((await store.update(id, (answers) => ({ ...answers, project: { name: 'New' } })))?.answers).toEqual({ client: { name: 'Old' }, project: { name: 'New' } });
    const raw = new Database(join(dir, 'drafts.sqlite'), { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(2);
    raw.close();
  });
});
