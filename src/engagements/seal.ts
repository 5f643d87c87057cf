// The seal of a completed record: the server's Ed25519 signature over the
// record's identity (engagement, document hash, number of events, last event
// hash). Since the last hash covers every event before it, the seal covers
// the whole record; its public half is published
// (GET /.well-known/contract-kit-keys.json) so anyone can check it offline.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import type { EngagementEvent } from './events.ts';

export const SEAL_KIND = 'contract-kit/seal/v1';

export interface Seal {
  readonly kind: typeof SEAL_KIND;
  readonly engagementId: string;
  readonly documentHash: string;
  readonly eventCount: number;
  readonly lastEventHash: string;
  readonly sealedAt: string;
  /** Which published key made it (keyIdOf). */
  readonly keyId: string;
  /** Ed25519 over the canonical JSON of every other field, base64url. */
  readonly signature: string;
}

/** The published form of a public key: a JSON Web Key (RFC 8037). */
export interface PublicJwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly kid: string;
  readonly alg: 'EdDSA';
  readonly use: 'sig';
}

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly keyId: string;
}

export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

function rawPublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new SigningKeyError('The signing key is not an Ed25519 key.');
  return Buffer.from(jwk.x, 'base64url');
}

/** A short, stable name for a public key: the first 16 bytes of the SHA-256 of its 32 raw bytes, base64url. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(publicKey)).digest().subarray(0, 16).toString('base64url');
}

export function newSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** A signing key from its PKCS#8 PEM text; a clear error for anything that is not an Ed25519 private key. */
export function signingKeyFromPem(pem: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new SigningKeyError('The signing key is not a PEM private key (PKCS#8, "-----BEGIN PRIVATE KEY-----").', { cause: error });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new SigningKeyError(`The signing key must be Ed25519, not ${privateKey.asymmetricKeyType ?? 'unknown'}.`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

export function publicJwk(key: Pick<SigningKey, 'publicKey' | 'keyId'>): PublicJwk {
  return { kty: 'OKP', crv: 'Ed25519', x: rawPublicKey(key.publicKey).toString('base64url'), kid: key.keyId, alg: 'EdDSA', use: 'sig' };
}

/** A public key from its published JWK; undefined for anything else. */
export function publicKeyFromJwk(jwk: unknown): KeyObject | undefined {
  const { kty, crv, x } = (jwk ?? {}) as Record<string, unknown>;
  if (kty !== 'OKP' || crv !== 'Ed25519' || typeof x !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(x)) return undefined;
  try {
    return createPublicKey({ key: { kty, crv, x }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

const signedPart = (seal: Omit<Seal, 'signature'>) =>
  Buffer.from(
    canonicalJson({
      kind: seal.kind,
      engagementId: seal.engagementId,
      documentHash: seal.documentHash,
      eventCount: seal.eventCount,
      lastEventHash: seal.lastEventHash,
      sealedAt: seal.sealedAt,
      keyId: seal.keyId,
    }),
  );

export function sealRecord(record: { engagementId: string; documentHash: string; events: readonly EngagementEvent[] }, key: SigningKey, at: Date): Seal {
  const last = record.events.at(-1);
  if (!last) throw new Error('sealRecord: a record with no events cannot be sealed');
  const unsigned = {
    kind: SEAL_KIND,
    engagementId: record.engagementId,
    documentHash: record.documentHash,
    eventCount: record.events.length,
    lastEventHash: last.hash,
    sealedAt: at.toISOString(),
    keyId: key.keyId,
  } as const;
  return { ...unsigned, signature: sign(null, signedPart(unsigned), key.privateKey).toString('base64url') };
}

/** Whether the signature is the key's over exactly these fields (and nothing about the events: see verify.ts). */
export function sealSignatureHolds(seal: Seal, publicKey: KeyObject): boolean {
  try {
    return verify(null, signedPart(seal), publicKey, Buffer.from(seal.signature, 'base64url'));
  } catch {
    return false;
  }
}
