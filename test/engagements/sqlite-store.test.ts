// The SQLite engagement store passes the shared contract, in a file of its own
// beside the drafts.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSqliteEngagementStore } from '../../src/engagements/sqlite-store.ts';
import { describeEngagementStoreContract } from './engagement-store-contract.ts';

describeEngagementStoreContract('SQLite', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'engagements-'));
  return {
    open: async ({ now }) => createSqliteEngagementStore({ dataDir, now }),
    exec: async (sql, ...values) => {
      const raw = new Database(join(dataDir, 'engagements.sqlite'));
      try {
        raw.prepare(sql).run(...values);
      } finally {
        raw.close();
      }
    },
    dropGuard: async () => {
      const raw = new Database(join(dataDir, 'engagements.sqlite'));
      try {
        raw.exec('DROP TRIGGER engagement_events_insert_only');
      } finally {
        raw.close();
      }
    },
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});

describe('SQLite engagement store', () => {
  it('keeps engagements in their own file, apart from the drafts it never shares a sweep with', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'engagements-'));
    try {
      const store = createSqliteEngagementStore({ dataDir });
      await store.close();
      expect(existsSync(join(dataDir, 'engagements.sqlite'))).toBe(true);
      expect(existsSync(join(dataDir, 'drafts.sqlite'))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
