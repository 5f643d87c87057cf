// A small signed record for the domain tests: created, viewed, both
// signatures, completed, sealed with a throwaway key.
import { nextEvent, type EngagementEvent, type NewEvent, type EventType } from '../../src/engagements/events.ts';
import { sealRecord, signingKeyFromPem, newSigningKeyPem, type SigningKey } from '../../src/engagements/seal.ts';

export const DOCUMENT_HASH = 'a'.repeat(64);
export const ENGAGEMENT_ID = 'EngagementIdForTests_0123456789';
const visitor = { address: '203.0.113.7', userAgent: 'Mozilla/5.0 (test)' };

export function appendAll(engagementId: string, newEvents: readonly NewEvent[]): EngagementEvent[] {
  const events: EngagementEvent[] = [];
  for (const event of newEvents) events.push(nextEvent(engagementId, events.at(-1), event as NewEvent<EventType>));
  return events;
}

export function signedRecordEvents(engagementId = ENGAGEMENT_ID, documentHash = DOCUMENT_HASH): EngagementEvent[] {
  const at = (minute: number) => new Date(Date.UTC(2027, 3, 1, 9, minute));
  const consent = 'I agree to sign electronically and to receive this contract electronically.';
  return appendAll(engagementId, [
    { type: 'created', at: at(0), data: { documentHash, version: 1 } },
    { type: 'signed', at: at(1), data: { ...visitor, party: 'freelancer', name: 'Priya Natarajan', consent, documentHash } },
    { type: 'viewed', at: at(5), data: visitor },
    { type: 'downloaded', at: at(6), data: { ...visitor, party: 'client', file: 'contract' } },
    { type: 'signed', at: at(9), data: { ...visitor, party: 'client', name: 'Jordan Lee', title: 'Director', business: 'Acme Ltd', consent, documentHash } },
    { type: 'completed', at: at(9), data: { documentHash } },
  ]);
}

export function testKey(): SigningKey {
  return signingKeyFromPem(newSigningKeyPem());
}

export function sealedRecord(key: SigningKey = testKey()) {
  const events = signedRecordEvents();
  const seal = sealRecord({ engagementId: ENGAGEMENT_ID, documentHash: DOCUMENT_HASH, events }, key, new Date(Date.UTC(2027, 3, 1, 9, 10)));
  return { engagementId: ENGAGEMENT_ID, documentHash: DOCUMENT_HASH, events, seal, keys: new Map([[key.keyId, key.publicKey]]) };
}
