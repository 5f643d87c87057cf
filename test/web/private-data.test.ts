// A draft id is a bearer link to someone's name, address and fees: it must
// not reach the logs, and the files holding drafts must be readable by the
// server's user alone.
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTestApp, tempDataDir } from '../helpers/test-app.ts';

describe('request logs', () => {
  it('show /wizard/…/step, never the draft id', async () => {
    const lines: string[] = [];
    const app = await buildTestApp({ logLevel: 'info', logStream: { write: (line) => void lines.push(line) } });
    const started = await app.inject({ method: 'POST', url: '/wizard', headers: { accept: 'text/html' } });
    const location = String(started.headers.location);
    const draftId = location.split('/')[2]!;
    expect(draftId.length).toBeGreaterThan(20);
    const step = location.split('/')[3]!.split('?')[0]!;
    await app.inject({ method: 'GET', url: location });
    await app.inject({ method: 'GET', url: `/wizard/${draftId}/answers.json?download=1` });
    await app.inject({ method: 'GET', url: `/wizard/${draftId}` });
    await app.close();

    const urls = lines.map((line) => JSON.parse(line) as { req?: { url: string } }).flatMap((entry) => (entry.req ? [entry.req.url] : []));
    expect(urls).toEqual(['/wizard', `/wizard/…/${step}`, '/wizard/…/answers.json', '/wizard/…']);
    expect(lines.join('\n')).not.toContain(draftId);
  });
});

describe('file modes in DATA_DIR', () => {
  it.skipIf(process.platform === 'win32')('the folder is 0700; the database, its WAL and SHM files and the cookie secret are 0600', async () => {
    const parent = tempDataDir('modes');
    const dataDir = join(parent, 'data');
    const app = await buildTestApp({ dataDir });
    // A saved draft makes SQLite write its WAL.
    await app.inject({ method: 'POST', url: '/wizard', headers: { accept: 'text/html' } });
    const mode = (file: string) => statSync(join(dataDir, file)).mode & 0o777;
    expect(mode('.')).toBe(0o700);
    for (const file of ['drafts.sqlite', 'drafts.sqlite-wal', 'drafts.sqlite-shm', 'cookie-secret']) {
      expect(existsSync(join(dataDir, file)), file).toBe(true);
      expect(mode(file), file).toBe(0o600);
    }
    await app.close();
    rmSync(parent, { recursive: true, force: true });
  });
});
