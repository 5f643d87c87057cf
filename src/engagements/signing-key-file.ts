// The key that seals records, kept like the CSRF secret (web/cookie-secret.ts):
// generated once in DATA_DIR (or in PostgreSQL, src/storage/postgres.ts), or
// given in SIGNING_KEY. Back it up with the data: a record sealed with a lost
// key can still be checked against the old public key, if someone kept it,
// but the server no longer publishes it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newSigningKeyPem, signingKeyFromPem, SigningKeyError, type SigningKey } from './seal.ts';

export const SIGNING_KEY_FILE = 'signing-key.pem';

export function loadOrCreateSigningKeyFile(dataDir: string): SigningKey {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, SIGNING_KEY_FILE);
  try {
    // 'wx' fails when the file exists, so two processes starting at once agree on one key.
    writeFileSync(file, newSigningKeyPem(), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  try {
    return signingKeyFromPem(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof SigningKeyError) throw new SigningKeyError(`${file}: ${error.message} Restore it from a backup; deleting it makes a new key.`, { cause: error });
    throw error;
  }
}
