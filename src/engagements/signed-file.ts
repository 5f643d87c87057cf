// The signed Word file carries its own proof, so that it can be checked
// offline with nothing but the published key:
// - the record (certificate JSON: events and seal) as a custom XML item of
//   ours, beside the answers, which is how the file names its engagement;
// - a file seal in the zip's end comment: the server's Ed25519 signature
//   over the SHA-256 of every byte before it. A zip's comment is the last
//   thing in the file and Word ignores it, so the signed bytes are exactly
//   the file without its comment, and one changed byte anywhere fails.
import { sign, verify, type KeyObject } from 'node:crypto';
import { embedCustomXmlPart, jsonPartXml, readOurJsonPart, type OurPart } from '../render/embedded-answers.ts';
import { say } from '../language/messages.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import type { Certificate } from './certificate.ts';
import type { SigningKey } from './seal.ts';

export const RECORD_PART: OurPart = { local: 'record', namespace: 'urn:freelance-contract-generator:record:v1', version: '1' };
export const FILE_SEAL_KIND = 'contract-kit/file-seal/v1';
const COMMENT_PREFIX = 'contract-kit-file-seal ';
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_LENGTH = 22;

export interface FileSeal {
  readonly kind: typeof FILE_SEAL_KIND;
  readonly engagementId: string;
  /** SHA-256 of the file without its zip comment. */
  readonly fileHash: string;
  readonly keyId: string;
  readonly signature: string;
}

const signedPart = (seal: Omit<FileSeal, 'signature'>) => Buffer.from(canonicalJson({ kind: seal.kind, engagementId: seal.engagementId, fileHash: seal.fileHash, keyId: seal.keyId }));

/** Where the end-of-central-directory record starts: the one whose comment runs exactly to the end of the file. */
function endRecordAt(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A zip comment is at most 65,535 bytes, so the record is within that of the end.
  const lowest = Math.max(0, bytes.length - EOCD_LENGTH - 0xffff);
  for (let at = bytes.length - EOCD_LENGTH; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE && at + EOCD_LENGTH + view.getUint16(at + 20, true) === bytes.length) return at;
  }
  return -1;
}

/** The Word file of a signed contract, with its record inside and its file seal in the zip comment. */
export function sealSignedFile(docx: Uint8Array, certificate: Certificate, key: SigningKey): Uint8Array {
  const withRecord = embedCustomXmlPart(docx, Buffer.from(jsonPartXml(RECORD_PART, certificate), 'utf8'), RECORD_PART.namespace);
  const at = endRecordAt(withRecord);
  if (at < 0 || new DataView(withRecord.buffer, withRecord.byteOffset).getUint16(at + 20, true) !== 0) throw new Error('sealSignedFile: the package has no end record without a comment');
  const unsigned = { kind: FILE_SEAL_KIND, engagementId: certificate.engagementId, fileHash: sha256Hex(withRecord), keyId: key.keyId } as const;
  const seal: FileSeal = { ...unsigned, signature: sign(null, signedPart(unsigned), key.privateKey).toString('base64url') };
  const comment = Buffer.from(COMMENT_PREFIX + canonicalJson(seal), 'ascii');
  const out = new Uint8Array(withRecord.length + comment.length);
  out.set(withRecord);
  out.set(comment, withRecord.length);
  new DataView(out.buffer).setUint16(at + 20, comment.length, true);
  return out;
}

export interface SignedFileContents {
  /** The record the file carries, unchecked (verify it with verifyRecord). */
  readonly certificate?: Certificate;
  readonly fileSeal?: FileSeal;
  /** The bytes the file seal covers: the file without its comment. */
  readonly unsealedBytes?: Uint8Array;
}

/** What a signed file carries, read without trusting it; empty fields when it carries nothing of ours. */
export function readSignedFile(bytes: Uint8Array): SignedFileContents {
  const at = endRecordAt(bytes);
  let fileSeal: FileSeal | undefined;
  let unsealedBytes: Uint8Array | undefined;
  if (at >= 0) {
    const comment = Buffer.from(bytes.subarray(at + EOCD_LENGTH)).toString('latin1');
    if (comment.startsWith(COMMENT_PREFIX)) {
      try {
        fileSeal = JSON.parse(comment.slice(COMMENT_PREFIX.length)) as FileSeal;
      } catch {
        fileSeal = undefined;
      }
      unsealedBytes = new Uint8Array(at + EOCD_LENGTH);
      unsealedBytes.set(bytes.subarray(0, at + EOCD_LENGTH));
      new DataView(unsealedBytes.buffer).setUint16(at + 20, 0, true);
    }
  }
  let certificate: Certificate | undefined;
  try {
    certificate = readOurJsonPart(bytes, RECORD_PART) as Certificate;
  } catch {
    certificate = undefined;
  }
  return { ...(certificate ? { certificate } : {}), ...(fileSeal ? { fileSeal } : {}), ...(unsealedBytes ? { unsealedBytes } : {}) };
}

function fileSealHolds(seal: FileSeal, key: KeyObject): boolean {
  try {
    return verify(null, signedPart(seal), key, Buffer.from(seal.signature, 'base64url'));
  } catch {
    return false;
  }
}

/** The problems of a file seal under the published keys (empty when it holds for exactly these bytes). */
export function fileSealProblems(contents: SignedFileContents, keys: ReadonlyMap<string, KeyObject>): string[] {
  const { fileSeal, unsealedBytes, certificate } = contents;
  if (!fileSeal || !unsealedBytes) return [say('verify.problem.noFileSeal')];
  if (fileSeal.kind !== FILE_SEAL_KIND || typeof fileSeal.keyId !== 'string' || typeof fileSeal.signature !== 'string') return [say('verify.problem.fileSealKind')];
  const key = keys.get(fileSeal.keyId);
  if (!key) return [say('verify.problem.fileSealOtherKey', { keyId: fileSeal.keyId })];
  if (!fileSealHolds(fileSeal, key)) return [say('verify.problem.fileSealBroken')];
  const problems: string[] = [];
  const actual = sha256Hex(unsealedBytes);
  if (actual !== fileSeal.fileHash) problems.push(say('verify.problem.fileNotSealed', { actual, sealed: String(fileSeal.fileHash) }));
  if (certificate && certificate.engagementId !== fileSeal.engagementId) problems.push(say('verify.problem.fileSealOtherEngagement'));
  return problems;
}
