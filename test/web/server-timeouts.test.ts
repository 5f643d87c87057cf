// Every wait on a client has an end: a request that trickles in, headers that
// never finish, an idle keep-alive connection. Node's and Fastify's defaults
// wait for ever (requestTimeout and connectionTimeout 0).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { buildApp } from '../../src/web/app.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function appFrom(env: Record<string, string>): Promise<FastifyInstance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'timeouts-'));
  const app = await buildApp({ ...readConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env }) });
  cleanups.push(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return app;
}

describe('the server has a deadline for every wait', () => {
  it('by default: 30 s for a whole request, 10 s for its headers, 5 s for an idle keep-alive connection', async () => {
    const { server } = await appFrom({});
    expect(server.requestTimeout).toBe(30_000);
    expect(server.headersTimeout).toBe(10_000);
    expect(server.keepAliveTimeout).toBe(5_000);
    // A socket silent for longer than a whole request may take is closed.
    expect(server.timeout).toBe(60_000);
    expect(server.maxRequestsPerSocket).toBe(1_000);
  });

  it('REQUEST_TIMEOUT_SECONDS shortens the request deadline, and the header deadline never exceeds it', async () => {
    const { server } = await appFrom({ REQUEST_TIMEOUT_SECONDS: '2' });
    expect(server.requestTimeout).toBe(2_000);
    expect(server.headersTimeout).toBe(2_000);
    expect(server.timeout).toBe(32_000);
  });

  it.each(['0', '1.5', 'never'])('REQUEST_TIMEOUT_SECONDS=%s stops the server with the name', (value) => {
    expect(() => readConfig({ REQUEST_TIMEOUT_SECONDS: value })).toThrow(`REQUEST_TIMEOUT_SECONDS must be a whole number of at least 1, not "${value}"`);
  });
});
