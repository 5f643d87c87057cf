// The evidence record as a judge would rely on it: every event chained to the
// one before, the completed record sealed, and any change to an event, the
// order, the seal or the key found and named in a sentence.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/engagements/canonical-json.ts';
import { chainProblems, nextEvent } from '../../src/engagements/events.ts';
import { engagementStatus, newEngagement, readyToComplete, whyNotSign } from '../../src/engagements/engagement.ts';
import { keyIdOf, publicJwk, publicKeyFromJwk, sealRecord, signingKeyFromPem, SigningKeyError } from '../../src/engagements/seal.ts';
import { fileProblems, verifyRecord } from '../../src/engagements/verify.ts';
import { inLanguage } from '../../src/language/messages.ts';
import { DOCUMENT_HASH, ENGAGEMENT_ID, sealedRecord, signedRecordEvents, testKey } from './record-helpers.ts';

describe('the hash chain', () => {
  it('names the hash of the event before in every event, and none in the first', () => {
    const events = signedRecordEvents();
    expect(events[0]!.prev).toBeNull();
    for (let index = 1; index < events.length; index++) expect(events[index]!.prev).toBe(events[index - 1]!.hash);
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(chainProblems(ENGAGEMENT_ID, events)).toEqual([]);
  });

  it('finds a typed name changed after the signature was recorded', () => {
    const events = signedRecordEvents();
    const signed = events[4]!;
    events[4] = { ...signed, data: { ...signed.data, name: 'Someone Else' } } as typeof signed;
    expect(chainProblems(ENGAGEMENT_ID, events)).toEqual(['Event 5 (signed) was changed after it was recorded: its contents no longer match its hash.']);
  });

  it('finds a view removed from the middle of the record', () => {
    const events = signedRecordEvents();
    events.splice(2, 1);
    const problems = chainProblems(ENGAGEMENT_ID, events);
    expect(problems).toContain('Event 4 (downloaded) is in place 3: an event before it is missing or out of order.');
    expect(problems).toContain('Event 4 (downloaded) does not follow event 2: it names another event as the one before it.');
  });

  it('finds a rewritten event even when its hash was recomputed, because the next event still names the old one', () => {
    const events = signedRecordEvents();
    const forged = nextEvent(ENGAGEMENT_ID, events[1], { type: 'viewed', at: new Date(Date.UTC(2027, 0, 1)), data: { address: '198.51.100.1', userAgent: 'forged' } });
    events[2] = forged;
    expect(chainProblems(ENGAGEMENT_ID, events)).toEqual(['Event 4 (downloaded) does not follow event 3: it names another event as the one before it.']);
  });

  it('refuses a record that does not begin with its creation, or has no events', () => {
    expect(chainProblems(ENGAGEMENT_ID, [])).toEqual(['The record holds no events.']);
    expect(chainProblems(ENGAGEMENT_ID, signedRecordEvents().slice(0, 0))).toEqual(['The record holds no events.']);
  });

  it('refuses an event from another engagement spliced in', () => {
    const events = signedRecordEvents();
    const other = signedRecordEvents('AnotherEngagement_0123456789ab');
    expect(chainProblems(ENGAGEMENT_ID, [events[0]!, other[1]!])).toContain('Event 2 (signed) belongs to another engagement (AnotherEngagement_0123456789ab).');
  });

  it('names each kind of event in the language of the check: 署名 and 閲覧 in Japanese, never the raw kind', () => {
    const events = signedRecordEvents();
    const signed = events[4]!;
    events[4] = { ...signed, data: { ...signed.data, name: 'Someone Else' } } as typeof signed;
    expect(inLanguage('ja', () => chainProblems(ENGAGEMENT_ID, events))).toEqual(['記録の5番目のイベント（署名）は記録された後に変更されています。内容がハッシュ値と一致しません。']);
    const removed = signedRecordEvents();
    removed.splice(2, 1);
    expect(inLanguage('ja', () => chainProblems(ENGAGEMENT_ID, removed))).toContain('記録の4番目のイベント（ダウンロード）が3番目の位置にあります。その前のイベントが欠けているか、順序が入れ替わっています。');
    expect(inLanguage('ja', () => chainProblems(ENGAGEMENT_ID, removed.slice(1)))).toContain('記録が作成のイベントから始まっていません。');
  });

  it('shows a kind this version does not know as it was recorded, since that is what a reader must find', () => {
    const events = signedRecordEvents();
    events[1] = { ...events[1]!, type: 'erased' as 'viewed' };
    expect(chainProblems(ENGAGEMENT_ID, events)).toContain('Event 2 (erased) is of a kind this record does not know.');
  });

  it('hashes the same event the same way whatever the order of its fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null }, e: undefined })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });
});

describe('the seal', () => {
  it('holds over a completed record under the published key', () => {
    const record = sealedRecord();
    expect(verifyRecord(record, record.keys)).toEqual({ valid: true, sealed: true, problems: [] });
  });

  it('no longer holds when an event was changed and every hash after it recomputed', () => {
    const record = sealedRecord();
    const events = signedRecordEvents();
    const rebuilt = [events[0]!, events[1]!];
    rebuilt.push(nextEvent(ENGAGEMENT_ID, rebuilt.at(-1), { type: 'viewed', at: new Date(Date.UTC(2027, 3, 1, 9, 5)), data: { address: '198.51.100.99', userAgent: 'forged' } }));
    for (const event of events.slice(3)) rebuilt.push(nextEvent(ENGAGEMENT_ID, rebuilt.at(-1), { type: event.type, at: new Date(event.at), data: event.data }));
    const verdict = verifyRecord({ ...record, events: rebuilt }, record.keys);
    expect(verdict.valid).toBe(false);
    expect(verdict.problems).toEqual(['The seal covers other events than the record holds: an event was changed after the record was sealed.']);
  });

  it('says an event was added after sealing', () => {
    const record = sealedRecord();
    const events = [...record.events];
    events.push(nextEvent(ENGAGEMENT_ID, events.at(-1), { type: 'viewed', at: new Date(), data: { address: '::1', userAgent: 'x' } }));
    expect(verifyRecord({ ...record, events }, record.keys).problems).toEqual(['The seal covers 6 events; the record holds 7.']);
  });

  it('refuses a record sealed with another server\'s key', () => {
    const record = sealedRecord(testKey());
    const ours = testKey();
    const verdict = verifyRecord(record, new Map([[ours.keyId, ours.publicKey]]));
    expect(verdict).toMatchObject({ valid: false, sealed: false });
    expect(verdict.problems[0]).toMatch(/^The seal was made with key [\w-]+, which is not one of the published keys/);
  });

  it('refuses a seal whose own fields were edited', () => {
    const record = sealedRecord();
    const verdict = verifyRecord({ ...record, seal: { ...record.seal, sealedAt: '2030-01-01T00:00:00.000Z' } }, record.keys);
    expect(verdict.problems).toEqual(['The seal does not hold: its signature does not match what it claims to seal, so the seal itself was changed.']);
  });

  it('refuses a signature on another document', () => {
    const record = sealedRecord();
    expect(verifyRecord({ ...record, documentHash: 'b'.repeat(64), seal: undefined }, record.keys).problems).toEqual([
      'The record was created for another document than the one it names.',
      'Event 2 (signed) is a signature on another document.',
      'Event 5 (signed) is a signature on another document.',
    ]);
  });

  it('publishes the public key as a JSON Web Key that verifies the seal by itself', () => {
    const key = testKey();
    const record = sealedRecord(key);
    const jwk = JSON.parse(JSON.stringify(publicJwk(key))) as unknown;
    const published = publicKeyFromJwk(jwk)!;
    expect(keyIdOf(published)).toBe(key.keyId);
    expect(verifyRecord(record, new Map([[key.keyId, published]])).valid).toBe(true);
    expect(publicKeyFromJwk({ kty: 'OKP', crv: 'Ed25519', x: '<script>' })).toBeUndefined();
  });

  it('refuses a signing key that is not an Ed25519 private key, saying so', () => {
    expect(() => signingKeyFromPem('not a key')).toThrow(SigningKeyError);
    expect(() => signingKeyFromPem('not a key')).toThrow(/PKCS#8/);
  });

  it('cannot seal an empty record', () => {
    expect(() => sealRecord({ engagementId: ENGAGEMENT_ID, documentHash: DOCUMENT_HASH, events: [] }, testKey(), new Date())).toThrow();
  });
});

describe('the file', () => {
  it('is accepted when byte for byte the one recorded, and refused with one changed byte', () => {
    const bytes = new TextEncoder().encode('PK... a Word file');
    const engagement = newEngagement({ answers: {}, language: 'en', document: bytes, at: new Date('2027-04-01T09:00:00Z'), retentionYears: 7 });
    expect(fileProblems(bytes, engagement.documentHash)).toEqual([]);
    const changed = Uint8Array.from(bytes);
    changed[5] = changed[5]! ^ 1;
    expect(fileProblems(changed, engagement.documentHash)[0]).toMatch(/^This file is not exactly the file that was sent: its SHA-256 is [0-9a-f]{64}, the record's is [0-9a-f]{64}\. At least one byte was changed\.$/);
  });
});

describe('an engagement', () => {
  it('gets unguessable links of 192 bits, distinct from its public id, kept for seven years', () => {
    const engagement = newEngagement({ answers: {}, language: 'en', document: new Uint8Array([1]), at: new Date('2027-04-01T09:00:00Z'), retentionYears: 7 });
    for (const key of [engagement.clientKey, engagement.ownerKey]) expect(Buffer.from(key, 'base64url')).toHaveLength(24);
    expect(new Set([engagement.id, engagement.clientKey, engagement.ownerKey]).size).toBe(3);
    expect(engagement.retainUntil).toBe('2034-04-01T09:00:00.000Z');
    expect(engagement.version).toBe(1);
  });

  it('a new version names the version it replaces', () => {
    const first = newEngagement({ answers: {}, language: 'en', document: new Uint8Array([1]), at: new Date(), retentionYears: 7 });
    const second = newEngagement({ answers: {}, language: 'en', document: new Uint8Array([2]), at: new Date(), retentionYears: 7, previous: first });
    expect(second).toMatchObject({ version: 2, replaces: first.id });
  });

  it('shows the freelancer the views, the last view and who signed', () => {
    const status = engagementStatus(signedRecordEvents());
    expect(status).toMatchObject({ state: 'completed', views: 1, lastViewAt: '2027-04-01T09:05:00.000Z' });
    expect(status.signatures.client).toMatchObject({ name: 'Jordan Lee', title: 'Director', at: '2027-04-01T09:09:00.000Z' });
    expect(status.signatures.freelancer?.name).toBe('Priya Natarajan');
  });

  it('is ready to complete once both have signed, and not before', () => {
    const events = signedRecordEvents();
    expect(readyToComplete(events.slice(0, 4))).toBe(false);
    expect(readyToComplete(events.slice(0, 5))).toBe(true);
    expect(readyToComplete(events)).toBe(false);
  });

  it('refuses a second signature by the same party, and any signature on a replaced version', () => {
    const events = signedRecordEvents().slice(0, 2);
    expect(whyNotSign(events, 'freelancer')).toBe('This party has already signed.');
    expect(whyNotSign(events, 'client')).toBeUndefined();
    const replaced = [...events, nextEvent(ENGAGEMENT_ID, events.at(-1), { type: 'replaced', at: new Date(), data: { byEngagement: 'x', byVersion: 2 } })];
    expect(whyNotSign(replaced, 'client')).toBe('This version was replaced by a newer one and can no longer be signed.');
  });
});

describe('a record read from an upload', () => {
  it('is refused with a sentence, never a crash, whatever its events hold', async () => {
    const { verifyCertificate } = await import('../../src/engagements/verify.ts');
    const record = sealedRecord();
    const certificate = { engagementId: ENGAGEMENT_ID, version: 1, documentHash: DOCUMENT_HASH, timeZone: 'UTC', parties: [], events: record.events, seal: record.seal };
    expect(verifyCertificate(certificate, record.keys)).toMatchObject({ valid: true, sealed: true });
    for (const events of [[null], [1], ['x'], [{ ...record.events[0], data: null }], [{ ...record.events[0], seq: '1' }]]) {
      const verdict = verifyCertificate({ ...certificate, events } as never, record.keys);
      expect(verdict.valid).toBe(false);
      expect(verdict.problems[0]).toMatch(/^The record is malformed at its event 1/);
    }
    expect(verifyCertificate({ ...certificate, seal: 'forged' } as never, record.keys).valid).toBe(false);
    expect(verifyCertificate(undefined, record.keys).problems).toEqual(['This holds no signature record of this app.']);
  });
});
