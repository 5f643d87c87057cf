// Verification as pure functions: is this file the one recorded, is every
// event intact and in place, does the seal hold under a published key. Each
// failure is a sentence saying what failed, for the page, the API and the
// command line alike, in the language of the check in progress (inLanguage;
// English outside one): the sentences are messages/*.json's verify.problem.*.
import type { KeyObject } from 'node:crypto';
import { say } from '../language/messages.ts';
import { sha256Hex } from './canonical-json.ts';
import { chainProblems, eventOrdinal, eventsOfType, type EngagementEvent } from './events.ts';
import { SEAL_KIND, sealSignatureHolds, type Seal } from './seal.ts';
import type { Certificate } from './certificate.ts';
import { fileSealProblems, readSignedFile } from './signed-file.ts';

export interface RecordToVerify {
  readonly engagementId: string;
  readonly documentHash: string;
  readonly events: readonly EngagementEvent[];
  readonly seal?: Seal;
}

export interface Verdict {
  /** True when there is no problem at all. */
  readonly valid: boolean;
  /** Whether a seal was there and held. */
  readonly sealed: boolean;
  readonly problems: readonly string[];
}

/** The problems of a file compared with the hash recorded for it (empty when it is exactly that file). */
export function fileProblems(bytes: Uint8Array, recordedHash: string): string[] {
  const actual = sha256Hex(bytes);
  return actual === recordedHash ? [] : [say('verify.problem.fileNotSent', { actual, recorded: recordedHash })];
}

function sealProblems(record: RecordToVerify, seal: Seal, keys: ReadonlyMap<string, KeyObject>): string[] {
  if (seal.kind !== SEAL_KIND) return [say('verify.problem.sealKind', { kind: String(seal.kind) })];
  const key = keys.get(seal.keyId);
  if (!key) return [say('verify.problem.sealOtherKey', { keyId: String(seal.keyId) })];
  if (!sealSignatureHolds(seal, key)) return [say('verify.problem.sealBroken')];
  const problems: string[] = [];
  const last = record.events.at(-1);
  if (seal.engagementId !== record.engagementId) problems.push(say('verify.problem.sealOtherEngagement'));
  if (seal.documentHash !== record.documentHash) problems.push(say('verify.problem.sealOtherDocument'));
  if (seal.eventCount !== record.events.length) problems.push(say('verify.problem.sealCount', { sealed: seal.eventCount, held: record.events.length }));
  else if (last && seal.lastEventHash !== last.hash) problems.push(say('verify.problem.sealOtherEvents'));
  return problems;
}

/** Every problem of a record, under the given public keys (by key id). */
export function verifyRecord(record: RecordToVerify, keys: ReadonlyMap<string, KeyObject>): Verdict {
  const problems = chainProblems(record.engagementId, record.events);
  const created = eventsOfType(record.events, 'created')[0];
  if (created && created.data.documentHash !== record.documentHash) problems.push(say('verify.problem.createdOtherDocument'));
  for (const signed of eventsOfType(record.events, 'signed')) {
    if (signed.data.documentHash !== record.documentHash) problems.push(say('verify.problem.signedOtherDocument', { event: eventOrdinal(signed) }));
  }
  const sealFailures = record.seal ? sealProblems(record, record.seal, keys) : [];
  problems.push(...sealFailures);
  return { valid: problems.length === 0, sealed: Boolean(record.seal) && sealFailures.length === 0, problems };
}

export interface FileVerdict extends Verdict {
  /** The engagement the file names, when it names one. */
  readonly engagementId?: string;
  readonly certificate?: Certificate;
}

/**
 * Everything a signed file can prove by itself under the published keys: its
 * bytes are the ones sealed, its record's chain is whole, the record's seal
 * holds. The server adds a comparison with what it stored (web/engagements).
 */
export function verifySignedFile(bytes: Uint8Array, keys: ReadonlyMap<string, KeyObject>): FileVerdict {
  const contents = readSignedFile(bytes);
  const verdict = verifyCertificate(contents.certificate, keys);
  const problems = [...fileSealProblems(contents, keys), ...verdict.problems];
  return { ...verdict, valid: problems.length === 0, problems };
}

function isEventShape(event: unknown): event is EngagementEvent {
  if (!event || typeof event !== 'object') return false;
  const { engagementId, seq, type, at, data, prev, hash } = event as Record<string, unknown>;
  return typeof engagementId === 'string' && typeof seq === 'number' && typeof type === 'string' && typeof at === 'string' && typeof hash === 'string' && (prev === null || typeof prev === 'string') && typeof data === 'object' && data !== null;
}

/** A certificate (from a file, or saved as JSON) checked by itself: its chain whole, its seal holding. */
export function verifyCertificate(certificate: Certificate | undefined, keys: ReadonlyMap<string, KeyObject>): FileVerdict {
  if (!certificate || typeof certificate !== 'object' || typeof certificate.engagementId !== 'string' || !Array.isArray(certificate.events)) {
    return { valid: false, sealed: false, problems: [say('verify.problem.noRecord')] };
  }
  // A record read from an upload is anything at all until its shape is checked.
  const malformed = certificate.events.findIndex((event) => !isEventShape(event));
  if (malformed >= 0 || typeof certificate.documentHash !== 'string' || (certificate.seal !== undefined && (typeof certificate.seal !== 'object' || certificate.seal === null))) {
    return { valid: false, sealed: false, problems: [malformed >= 0 ? say('verify.problem.malformedAt', { place: malformed + 1 }) : say('verify.problem.malformed')], engagementId: certificate.engagementId };
  }
  const sealedCount = certificate.seal?.eventCount ?? certificate.events.length;
  // A certificate saved after signing also lists later downloads: the seal covers the events up to its count.
  const later = certificate.events.slice(sealedCount);
  const record = verifyRecord({ engagementId: certificate.engagementId, documentHash: certificate.documentHash, events: certificate.events.slice(0, sealedCount), ...(certificate.seal ? { seal: certificate.seal } : {}) }, keys);
  const problems = [...record.problems];
  if (later.length > 0) for (const problem of chainProblems(certificate.engagementId, certificate.events)) if (!problems.includes(problem)) problems.push(problem);
  if (!certificate.seal) problems.push(say('verify.problem.notSealed'));
  return { valid: problems.length === 0, sealed: record.sealed, problems, engagementId: certificate.engagementId, certificate };
}
