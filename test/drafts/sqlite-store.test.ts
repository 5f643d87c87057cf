import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteDraftStore } from '../../src/drafts/sqlite-store.ts';
import type { DraftStore } from '../../src/drafts/store.ts';

let dir: string;
let clock: Date;
const stores: DraftStore[] = [];
const open = (ttlDays = 30, dataDir = dir) => {
  const store = createSqliteDraftStore({ dataDir, ttlDays, now: () => clock });
  stores.push(store);
  return store;
};
const days = (n: number) => n * 86_400_000;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'drafts-'));
  clock = new Date('2026-03-01T12:00:00Z');
});
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite draft store', () => {
  it('creates the data directory when it is missing', () => {
    const nested = join(dir, 'a', 'b');
    open(30, nested).create({});
    expect(existsSync(join(nested, 'drafts.sqlite'))).toBe(true);
  });

  it('gives every draft an unguessable URL-safe id of at least 128 bits', () => {
    const store = open();
    const ids = new Set(Array.from({ length: 200 }, () => store.create().id));
    expect(ids.size).toBe(200);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(id, 'base64url').length).toBeGreaterThanOrEqual(16);
    }
  });

  it('keeps answers, including any text a user can type', () => {
    const store = open();
    const answers = { freelancer: { name: 'Zoë "Z" <O\'Brien> & 山田 🎨 שלום' }, project: { deliverables: ['a', 'b'] } };
    const draft = store.create(answers);
    expect(store.get(draft.id)?.answers).toEqual(answers);
  });

  it('replaces the answers on save and pushes the expiry back', () => {
    const store = open(30);
    const draft = store.create({ a: 1 });
    expect(draft.expiresAt).toBe('2026-03-31T12:00:00.000Z');
    clock = new Date(clock.getTime() + days(20));
    const saved = store.save(draft.id, { b: 2 });
    expect(saved?.answers).toEqual({ b: 2 });
    expect(saved?.createdAt).toBe(draft.createdAt);
    expect(saved?.expiresAt).toBe('2026-04-20T12:00:00.000Z');
    clock = new Date(clock.getTime() + days(25));
    expect(store.get(draft.id)?.answers).toEqual({ b: 2 });
  });

  it('treats an expired draft as gone, for reading and for saving', () => {
    const store = open(30);
    const draft = store.create({ a: 1 });
    clock = new Date(clock.getTime() + days(30));
    expect(store.get(draft.id)).toBeUndefined();
    expect(store.save(draft.id, { a: 2 })).toBeUndefined();
  });

  it('sweeps only expired drafts', () => {
    const store = open(30);
    const old = store.create({});
    clock = new Date(clock.getTime() + days(10));
    const recent = store.create({});
    expect(store.sweepExpired(new Date(clock.getTime() + days(25)))).toBe(1);
    clock = new Date(clock.getTime() + days(25));
    expect(store.get(old.id)).toBeUndefined();
    expect(store.get(recent.id)).toBeDefined();
    const raw = new Database(join(dir, 'drafts.sqlite'), { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 1 });
    raw.close();
  });

  it('deletes a draft, and says whether there was one', () => {
    const store = open();
    const draft = store.create({});
    expect(store.delete(draft.id)).toBe(true);
    expect(store.delete(draft.id)).toBe(false);
    expect(store.get(draft.id)).toBeUndefined();
  });

  it('answers unknown or malformed ids with nothing', () => {
    const store = open();
    expect(store.get('nope')).toBeUndefined();
    expect(store.get("' OR 1=1 --")).toBeUndefined();
    expect(store.get('A'.repeat(32))).toBeUndefined();
    expect(store.save('A'.repeat(32), {})).toBeUndefined();
  });

  it('loses nothing when the store is closed and opened again', () => {
    const first = open();
    const draft = first.create({ client: { name: 'Priya' } });
    first.close();
    expect(open().get(draft.id)?.answers).toEqual({ client: { name: 'Priya' } });
  });

  it('writes in WAL mode', () => {
    open().create({});
    const raw = new Database(join(dir, 'drafts.sqlite'));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });
});
