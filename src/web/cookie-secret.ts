// The secret that signs the CSRF cookie. Generated once and kept in the data
// directory beside the drafts, so that a restart does not turn every open
// form into a 403: the drafts survive a restart, and so must their forms.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE_NAME = 'cookie-secret';

export function loadOrCreateCookieSecret(dataDir: string): string {
  // Drafts and the cookie secret are for this user only.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, FILE_NAME);
  try {
    // 'wx' fails when the file exists, so two processes starting at once agree on one secret.
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret: delete it and start again`);
  return secret;
}
