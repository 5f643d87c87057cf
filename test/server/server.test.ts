// The server as an operator meets it: `npm start` listens with no set-up,
// and SIGTERM lets it finish and exit cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts src/server.ts on a free port and resolves with its URL once it listens. */
function startServer(env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATA_DIR: mkdtempSync(join(tmpdir(), 'server-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve({ child, url: match[1]! });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

describe('the server process', () => {
  it('serves the API with no configuration and exits 0 on SIGTERM', async () => {
    const { child, url } = await startServer();
    const response = await fetch(`${url}/api/clauses`);
    expect(response.status).toBe(200);
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);

  it('finishes the requests in flight before exiting on SIGTERM', async () => {
    const { child, url } = await startServer({ RATE_LIMIT_PER_MINUTE: '0' });
    const body = readFileSync(join(ROOT, 'clauses/samples/new-client-fixed.json'));
    // One connection per request (no keep-alive pool), so each is a request
    // in flight rather than an idle socket the server may close.
    const send = () =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(`${url}/api/contracts`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        });
        request.on('error', reject);
        request.end(body);
      });
    let log = '';
    child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const requests = Array.from({ length: 6 }, send);
    // SIGTERM once the server has read every request (pino logs each one as it
    // arrives): from then on they are in flight and must be answered.
    while ((log.match(/"msg":"incoming request"/g) ?? []).length < 6) await new Promise((resolve) => setTimeout(resolve, 2));
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await Promise.all(requests)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await exited).toBe(0);
  }, 30_000);

  it('refuses to start with a setting it cannot use, and says which', async () => {
    await expect(startServer({ PORT: 'eighty' })).rejects.toThrow(/PORT must be a whole number/);
  }, 30_000);

  it('logs no name, email or phone from the answers', async () => {
    const { child, url } = await startServer({ RATE_LIMIT_PER_MINUTE: '0' });
    let logs = '';
    child.stdout!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    const body = readFileSync(join(ROOT, 'clauses/samples/new-client-fixed.json'), 'utf8');
    await fetch(`${url}/api/contracts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await fetch(`${url}/api/contracts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body.replace('"new"', '"old"') });
    const exited = exitOf(child);
    child.kill('SIGTERM');
    await exited;
    expect(logs).toContain('/api/contracts');
    for (const secret of ['Priya', 'Natarajan', 'priya@harborcoffee.example', '555 0199', 'Pike St']) expect(logs).not.toContain(secret);
  }, 30_000);
});
