// One contract for every engagement store: what sending, signing and
// verifying rely on, whichever engine holds the records. sqlite-store.test.ts
// runs it on SQLite (unit tier); test/scale/engagement-store.test.ts on a
// real PostgreSQL (scale tier). Each harness opens "instances": separate
// stores on the same storage, as two app processes would.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newEngagement, type Engagement } from '../../src/engagements/engagement.ts';
import { nextEvent, type NewEvent } from '../../src/engagements/events.ts';
import { sealRecord } from '../../src/engagements/seal.ts';
import type { EngagementStore } from '../../src/engagements/store.ts';
import { verifyRecord } from '../../src/engagements/verify.ts';
import { testKey } from './record-helpers.ts';

export interface EngagementStoreHarness {
  open(options: { now: () => Date }): Promise<EngagementStore>;
  /** Runs SQL on the storage as an operator with database access would (`?` placeholders become $n on PostgreSQL). */
  exec(sql: string, ...values: unknown[]): Promise<void>;
  /** Drops the trigger that refuses an UPDATE of an event, as someone holding the database's keys could. */
  dropGuard(): Promise<void>;
  dispose(): Promise<void>;
}

const visitor = { address: '203.0.113.7', userAgent: 'Mozilla/5.0 (test)' };
const WORD_BYTES = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0xff, 0x10, 0x80]);

export function describeEngagementStoreContract(engine: string, makeHarness: () => Promise<EngagementStoreHarness>): void {
  describe(`engagement store contract: ${engine}`, () => {
    let harness: EngagementStoreHarness;
    let clock: Date;
    const stores: EngagementStore[] = [];
    const open = async () => {
      const store = await harness.open({ now: () => clock });
      stores.push(store);
      return store;
    };
    const send = async (store: EngagementStore, extra: { draftId?: string; previous?: Engagement; document?: Uint8Array } = {}) => {
      const engagement = newEngagement({
        answers: { client: { name: 'Zoë "Z" <O\'Brien> & 山田 🎨 \u0000' } },
        language: 'en',
        document: extra.document ?? WORD_BYTES,
        at: clock,
        retentionYears: 7,
        ...(extra.draftId ? { draftId: extra.draftId } : {}),
        ...(extra.previous ? { previous: extra.previous } : {}),
      });
      const created = nextEvent(engagement.id, undefined, { type: 'created', at: clock, data: { documentHash: engagement.documentHash, version: engagement.version } });
      await store.create(engagement, created);
      return engagement;
    };
    const view = (): NewEvent => ({ type: 'viewed', at: clock, data: visitor });

    beforeEach(async () => {
      clock = new Date('2027-04-01T09:00:00Z');
      harness = await makeHarness();
    });
    afterEach(async () => {
      for (const store of stores.splice(0)) await store.close();
      await harness.dispose();
    });

    it('keeps the exact Word file and the frozen answers, found by each link', async () => {
      const store = await open();
      const sent = await send(store);
      for (const found of [await store.get(sent.id), await store.byClientKey(sent.clientKey), await store.byOwnerKey(sent.ownerKey)]) {
        expect(found).toEqual(sent);
      }
      expect(Buffer.from((await store.get(sent.id))!.document).equals(Buffer.from(WORD_BYTES))).toBe(true);
    });

    it('does not open a page with the wrong kind of link', async () => {
      const store = await open();
      const sent = await send(store);
      expect(await store.byClientKey(sent.ownerKey)).toBeUndefined();
      expect(await store.byOwnerKey(sent.clientKey)).toBeUndefined();
      expect(await store.byClientKey(sent.id)).toBeUndefined();
    });

    it('answers unknown or malformed links with nothing', async () => {
      const store = await open();
      for (const key of ['nope', "' OR 1=1 --", 'A'.repeat(32)]) {
        expect(await store.get(key)).toBeUndefined();
        expect(await store.byClientKey(key)).toBeUndefined();
        expect(await store.events(key)).toEqual([]);
        expect(await store.append(key, () => [view()])).toEqual([]);
        expect(await store.sealOf(key)).toBeUndefined();
      }
    });

    it('an event appended on one instance follows the last one appended on another', async () => {
      const first = await open();
      const second = await open();
      const sent = await send(first);
      await second.append(sent.id, () => [view()]);
      await first.append(sent.id, () => [view()]);
      const events = await second.events(sent.id);
      expect(events.map((event) => [event.seq, event.type])).toEqual([[1, 'created'], [2, 'viewed'], [3, 'viewed']]);
      expect(verifyRecord({ engagementId: sent.id, documentHash: sent.documentHash, events }, new Map()).problems).toEqual([]);
    });

    it('never forks the chain when two instances append at the same moment', async () => {
      const instances = [await open(), await open()];
      const sent = await send(instances[0]!);
      await Promise.all(Array.from({ length: 16 }, (_, index) => instances[index % 2]!.append(sent.id, () => [view()])));
      const events = await instances[1]!.events(sent.id);
      expect(events).toHaveLength(17);
      expect(verifyRecord({ engagementId: sent.id, documentHash: sent.documentHash, events }, new Map()).problems).toEqual([]);
    });

    it('lets the decision see the record, so a second signature is never appended', async () => {
      const store = await open();
      const sent = await send(store);
      const sign = () =>
        store.append(sent.id, (events) =>
          events.some((event) => event.type === 'signed')
            ? []
            : [{ type: 'signed', at: clock, data: { ...visitor, party: 'client', name: 'Jordan Lee', consent: 'I agree.', documentHash: sent.documentHash } }],
        );
      const results = await Promise.all([sign(), sign(), sign()]);
      expect(results.flat()).toHaveLength(1);
      expect((await store.events(sent.id)).filter((event) => event.type === 'signed')).toHaveLength(1);
    });

    it('keeps one seal and one signed file, and never replaces them', async () => {
      const store = await open();
      const sent = await send(store);
      const key = testKey();
      const events = await store.events(sent.id);
      const seal = sealRecord({ engagementId: sent.id, documentHash: sent.documentHash, events }, key, clock);
      const signedFile = Uint8Array.from([0x50, 0x4b, 1, 2, 3]);
      expect(await store.seal(sent.id, { seal, signedFile })).toBe(true);
      expect(await store.seal(sent.id, { seal: { ...seal, signature: 'other' }, signedFile: Uint8Array.from([9]) })).toBe(false);
      expect(await store.sealOf(sent.id)).toEqual({ seal, signedFile });
      expect(verifyRecord({ engagementId: sent.id, documentHash: sent.documentHash, events, seal: (await store.sealOf(sent.id))!.seal }, new Map([[key.keyId, key.publicKey]])).valid).toBe(true);
    });

    it('finds the latest version sent from a draft, which names the one it replaces', async () => {
      const store = await open();
      const draftId = 'DraftIdForTheStoreContract_01';
      const first = await send(store, { draftId });
      const second = await send(store, { draftId, previous: first, document: Uint8Array.from([9, 9]) });
      expect(await store.latestForDraft(draftId)).toMatchObject({ id: second.id, version: 2, replaces: first.id });
      expect(await store.latestForDraft('DraftIdNeverSent_0123456789')).toBeUndefined();
    });

    it('refuses to edit a recorded event, even from SQL', async () => {
      const store = await open();
      const sent = await send(store);
      await expect(harness.exec('UPDATE engagement_events SET data = ? WHERE engagement_id = ?', '{"documentHash":"forged","version":1}', sent.id)).rejects.toThrow(/insert-only/);
    });

    it('an event edited in the database is found by verification', async () => {
      const store = await open();
      const sent = await send(store);
      await store.append(sent.id, () => [view(), view()]);
      await harness.dropGuard();
      await harness.exec('UPDATE engagement_events SET data = ? WHERE engagement_id = ? AND seq = 2', JSON.stringify({ ...visitor, address: '198.51.100.1' }), sent.id);
      const events = await store.events(sent.id);
      expect(events[1]!.data).toMatchObject({ address: '198.51.100.1' });
      expect(verifyRecord({ engagementId: sent.id, documentHash: sent.documentHash, events }, new Map()).problems).toEqual([
        'Event 2 (viewed) was changed after it was recorded: its contents no longer match its hash.',
      ]);
    });

    it('an event deleted in the database is found by verification', async () => {
      const store = await open();
      const sent = await send(store);
      await store.append(sent.id, () => [view(), view()]);
      await harness.exec('DELETE FROM engagement_events WHERE engagement_id = ? AND seq = 2', sent.id);
      const events = await store.events(sent.id);
      const problems = verifyRecord({ engagementId: sent.id, documentHash: sent.documentHash, events }, new Map()).problems;
      expect(problems).toContain('Event 3 (viewed) is in place 2: an event before it is missing or out of order.');
    });

    it('keeps engagements for their retention period, then sweeps them with their record', async () => {
      const store = await open();
      const sent = await send(store);
      await store.append(sent.id, () => [view()]);
      expect(await store.sweepPastRetention(new Date('2034-03-31T09:00:00Z'))).toBe(0);
      expect(await store.get(sent.id)).toBeDefined();
      expect(await store.sweepPastRetention(new Date('2034-04-01T09:00:00Z'))).toBe(1);
      expect(await store.get(sent.id)).toBeUndefined();
      expect(await store.events(sent.id)).toEqual([]);
    });

    it('loses nothing when the store is closed and opened again', async () => {
      const first = await open();
      const sent = await send(first);
      await first.close();
      expect((await (await open()).events(sent.id)).map((event) => event.type)).toEqual(['created']);
    });

    it('answers a ping while the engine is up', async () => {
      await expect((await open()).ping()).resolves.toBeUndefined();
    });
  });
}
