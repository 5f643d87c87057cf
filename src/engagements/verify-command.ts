// npm run verify -- file.docx|certificate.json [--keys keys.json | --keys https://host/.well-known/contract-kit-keys.json]
//
// Checks a signed Word file with nothing but the published key: its bytes
// are the ones sealed, its record's chain is whole, the record's seal holds.
// Without --keys it uses the key in DATA_DIR (the server's own), so an
// operator can check a file on the server itself. Exit code 0 when the file
// passes, 1 when it does not, 2 when the command was used wrongly.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { keyIdOf, publicKeyFromJwk } from './seal.ts';
import { loadOrCreateSigningKeyFile } from './signing-key-file.ts';
import type { Certificate } from './certificate.ts';
import { verifyCertificate, verifySignedFile } from './verify.ts';

async function readKeys(source: string | undefined): Promise<Map<string, KeyObject>> {
  if (!source) {
    const key = loadOrCreateSigningKeyFile(resolve(process.env.DATA_DIR || 'data'));
    return new Map([[key.keyId, key.publicKey]]);
  }
  const text = /^https?:\/\//.test(source) ? await (await fetch(source)).text() : readFileSync(source, 'utf8');
  const { keys } = JSON.parse(text) as { keys?: unknown[] };
  const map = new Map<string, KeyObject>();
  for (const jwk of keys ?? []) {
    const key = publicKeyFromJwk(jwk);
    // The id is computed from the key, never taken from the file that names it.
    if (key) map.set(keyIdOf(key), key);
  }
  if (map.size === 0) throw new Error(`${source} holds no Ed25519 public key`);
  return map;
}

/** `out` is where the verdict is written: the console, or a test's list of lines. */
export async function main(args: readonly string[], out: Pick<Console, 'log' | 'error'> = console): Promise<number> {
  const keysAt = args.indexOf('--keys');
  const keySource = keysAt >= 0 ? args[keysAt + 1] : undefined;
  const files = args.filter((_arg, index) => index !== keysAt && index !== keysAt + 1);
  if (files.length !== 1 || (keysAt >= 0 && !keySource)) {
    out.error('Usage: npm run verify -- file.docx [--keys keys.json | --keys https://…/.well-known/contract-kit-keys.json]');
    return 2;
  }
  const keys = await readKeys(keySource);
  const file = files[0]!;
  // A certificate saved as JSON (the freelancer's page offers it) is a record without its file: its chain and seal are checked.
  const verdict = file.toLowerCase().endsWith('.json') ? verifyCertificate(JSON.parse(readFileSync(file, 'utf8')) as Certificate, keys) : verifySignedFile(new Uint8Array(readFileSync(file)), keys);
  if (verdict.engagementId) out.log(`Engagement: ${verdict.engagementId}`);
  for (const event of verdict.certificate?.events ?? []) out.log(`  ${event.seq}. ${event.at} ${event.type}`);
  if (verdict.valid) {
    out.log('OK: this is exactly the signed file, its record is whole and its seal holds.');
    return 0;
  }
  for (const problem of verdict.problems) out.log(`FAILED: ${problem}`);
  return 1;
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(2);
    },
  );
}
