// Expired drafts leave the disk, not only the pages: the app sweeps them when
// it starts and every hour after. (The store's own rules, expiry on read and
// which rows a sweep removes, are in test/drafts/sqlite-store.test.ts.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSqliteDraftStore } from '../../src/drafts/sqlite-store.ts';
import { buildApp } from '../../src/web/app.ts';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sweep-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dataDir, { recursive: true, force: true });
});

// The app's clock, fixed; drafts are written by stores whose clocks run behind it.
const NOW = new Date('2027-06-01T12:00:00Z');
const now = () => NOW;

/** A draft written by a store whose clock says `daysAgo` days before NOW, with a 30-day life. */
async function draftFrom(daysAgo: number): Promise<string> {
  const store = createSqliteDraftStore({ dataDir, ttlDays: 30, now: () => new Date(NOW.getTime() - daysAgo * 86_400_000) });
  const id = (await store.create({ freelancer: { name: 'Old' } })).id;
  await store.close();
  return id;
}

function rows(): string[] {
  const db = new Database(join(dataDir, 'drafts.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT id FROM drafts').all() as { id: string }[]).map((row) => row.id);
  } finally {
    db.close();
  }
}

describe('sweeping expired drafts', () => {
  it('happens when the app starts', async () => {
    const expired = await draftFrom(31);
    const live = await draftFrom(29);
    const app = await buildApp({ dataDir, rateLimitPerMinute: 0, draftTtlDays: 30, now });
    expect(rows()).toEqual([live]);
    expect(rows()).not.toContain(expired);
    await app.close();
  });

  it('happens every hour while the app runs', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const app = await buildApp({ dataDir, rateLimitPerMinute: 0, draftTtlDays: 30, now });
    const expired = await draftFrom(45);
    expect(rows()).toContain(expired);
    vi.advanceTimersByTime(59 * 60_000);
    expect(rows()).toContain(expired);
    vi.advanceTimersByTime(60_000);
    expect(rows()).not.toContain(expired);
    await app.close();
  });
});
