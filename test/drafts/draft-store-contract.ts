// One contract for every draft store: what the wizard relies on, whichever
// engine holds the drafts. sqlite-store.test.ts runs it against SQLite (unit
// tier); test/scale/postgres-store.test.ts against a real PostgreSQL (scale
// tier, started by .ci/run). Each harness opens "instances": separate stores
// on the same storage, as two app processes would.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DraftStore } from '../../src/drafts/store.ts';

export interface StoreHarness {
  /** A store on the shared storage, as one more app instance would open it. */
  open(options: { ttlDays: number; now: () => Date }): Promise<DraftStore>;
  /** Drafts physically kept, expired or not: shows what a sweep removed. */
  countRows(): Promise<number>;
  /** Removes the storage (temporary folder, database). */
  dispose(): Promise<void>;
}

const days = (n: number) => n * 86_400_000;

export function describeDraftStoreContract(engine: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`draft store contract: ${engine}`, () => {
    let harness: StoreHarness;
    let clock: Date;
    const stores: DraftStore[] = [];
    const open = async (ttlDays = 30) => {
      const store = await harness.open({ ttlDays, now: () => clock });
      stores.push(store);
      return store;
    };

    beforeEach(async () => {
      clock = new Date('2026-03-01T12:00:00Z');
      harness = await makeHarness();
    });
    afterEach(async () => {
      for (const store of stores.splice(0)) await store.close();
      await harness.dispose();
    });

    it('gives every draft an unguessable URL-safe id of at least 128 bits', async () => {
      const store = await open();
      const ids = new Set(await Promise.all(Array.from({ length: 100 }, async () => (await store.create()).id)));
      expect(ids.size).toBe(100);
      for (const id of ids) {
        expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(Buffer.from(id, 'base64url').length).toBeGreaterThanOrEqual(16);
      }
    });

    it('keeps answers, including any text a user can type', async () => {
      const store = await open();
      const answers = { freelancer: { name: 'Zoë "Z" <O\'Brien> & 山田 🎨 שלום \u0000 \\ end' }, project: { deliverables: ['a', 'b'], total: 1200.5 } };
      const draft = await store.create(answers);
      expect((await store.get(draft.id))?.answers).toEqual(answers);
    });

    it('a draft saved on one instance is read on another', async () => {
      const first = await open();
      const second = await open();
      const draft = await first.create({ client: { name: 'Priya' } });
      await second.save(draft.id, { client: { name: 'Priya Raman' } });
      expect((await first.get(draft.id))?.answers).toEqual({ client: { name: 'Priya Raman' } });
    });

    it('replaces the answers on save and pushes the expiry back', async () => {
      const store = await open(30);
      const draft = await store.create({ a: 1 });
      expect(draft.expiresAt).toBe('2026-03-31T12:00:00.000Z');
      clock = new Date(clock.getTime() + days(20));
      const saved = await store.save(draft.id, { b: 2 });
      expect(saved?.answers).toEqual({ b: 2 });
      expect(saved?.createdAt).toBe(draft.createdAt);
      expect(saved?.updatedAt).toBe('2026-03-21T12:00:00.000Z');
      expect(saved?.expiresAt).toBe('2026-04-20T12:00:00.000Z');
      expect(saved?.version).toBe(draft.version + 1);
      clock = new Date(clock.getTime() + days(25));
      expect((await store.get(draft.id))?.answers).toEqual({ b: 2 });
    });

    it('update applies a step to what another instance saved in the meantime', async () => {
      const first = await open();
      const second = await open();
      const draft = await first.create({ freelancer: { name: 'Ana' } });
      await second.save(draft.id, { freelancer: { name: 'Ana' }, client: { name: 'Bo' } });
      const updated = await first.update(draft.id, (answers) => ({ ...answers, project: { name: 'Site' } }));
      expect(updated?.answers).toEqual({ freelancer: { name: 'Ana' }, client: { name: 'Bo' }, project: { name: 'Site' } });
    });

    it('loses no step when two instances save steps of one draft at the same time', async () => {
      expect.hasAssertions();
      const instances = [await open(), await open()];
      const draft = await instances[0]!.create({});
      const steps = Array.from({ length: 24 }, (_, index) => `step${index}`);
      await Promise.all(
        steps.map((step, index) => instances[index % 2]!.update(draft.id, (answers) => ({ ...answers, [step]: { saved: index } }))),
      );
      const final = await instances[1]!.get(draft.id);
      for (const [index, step] of steps.entries()) expect(final?.answers[step]).toEqual({ saved: index });
      expect(final?.version).toBe(draft.version + steps.length);
    });

    it('treats an expired draft as gone, for reading and for saving', async () => {
      const store = await open(30);
      const draft = await store.create({ a: 1 });
      clock = new Date(clock.getTime() + days(30));
      expect(await store.get(draft.id)).toBeUndefined();
      expect(await store.save(draft.id, { a: 2 })).toBeUndefined();
      expect(await store.update(draft.id, () => ({ a: 3 }))).toBeUndefined();
    });

    it('sweeps only expired drafts, from any instance', async () => {
      const first = await open(30);
      const second = await open(30);
      const old = await first.create({});
      clock = new Date(clock.getTime() + days(10));
      const recent = await second.create({});
      clock = new Date(clock.getTime() + days(25));
      const swept = await Promise.all([first.sweepExpired(), second.sweepExpired()]);
      expect(swept[0]! + swept[1]!).toBe(1);
      expect(await first.get(old.id)).toBeUndefined();
      expect(await first.get(recent.id)).toBeDefined();
      expect(await harness.countRows()).toBe(1);
    });

    it('deletes a draft, and says whether there was one', async () => {
      const store = await open();
      const draft = await store.create({});
      expect(await store.delete(draft.id)).toBe(true);
      expect(await store.delete(draft.id)).toBe(false);
      expect(await store.get(draft.id)).toBeUndefined();
      expect(await store.save(draft.id, { a: 1 })).toBeUndefined();
    });

    it('answers unknown or malformed ids with nothing', async () => {
      const store = await open();
      expect(await store.get('nope')).toBeUndefined();
      expect(await store.get("' OR 1=1 --")).toBeUndefined();
      expect(await store.get('A'.repeat(32))).toBeUndefined();
      expect(await store.save('A'.repeat(32), {})).toBeUndefined();
      expect(await store.update('A'.repeat(32), () => ({}))).toBeUndefined();
      expect(await store.delete("'; DROP TABLE drafts; --")).toBe(false);
    });

    it('loses nothing when the store is closed and opened again', async () => {
      const first = await open();
      const draft = await first.create({ client: { name: 'Priya' } });
      await first.close();
      expect((await (await open()).get(draft.id))?.answers).toEqual({ client: { name: 'Priya' } });
    });

    it('answers a ping while the engine is up', async () => {
      const store = await open();
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
