// PostgreSQL or Redis frozen (SIGSTOP: the connections stay open, nothing
// answers), under one compiled app instance: a request still answers within
// the README's two seconds, the outage is logged once and not once a request,
// and its end is logged when the store answers again (issue 24, finding 11:
// requests once hung 60 s on a frozen PostgreSQL; a frozen Redis added 500 ms
// to each request and logged nothing).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, stopServer, type ServerProcess } from '../helpers/server-process.ts';
import { startPostgres, startRedis, type ThrowawayPostgres, type ThrowawayRedis } from '../helpers/throwaway-servers.ts';

let postgres: ThrowawayPostgres;
let redis: ThrowawayRedis;
let app: ServerProcess;
let dataDir: string;

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  dataDir = mkdtempSync(join(tmpdir(), 'frozen-stores-'));
  const databaseUrl = await postgres.createDatabase('kit');
  app = await startServer({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url, DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '600' }, { build: 'compiled' });
});
afterAll(async () => {
  postgres?.thaw().catch(() => undefined);
  redis?.thaw();
  if (app) await stopServer(app);
  await Promise.all([postgres?.stop(), redis?.stop()]);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A draft's page: it reads the draft store and draws on a budget kept in Redis. No such draft: 404 while both answer. */
const DRAFT_PAGE = '/wizard/0000000000000000000000/you';

async function timed(path: string): Promise<{ status: number; type: string; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${app.url}${path}`, { headers: { accept: 'application/json' } });
  await response.arrayBuffer();
  return { status: response.status, type: response.headers.get('content-type') ?? '', ms: performance.now() - started };
}

const linesWith = (text: string) => app.output().split('\n').filter((line) => line.includes(text)).length;

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a frozen PostgreSQL', () => {
  it('answers each request with a 503 problem in seconds, not a minute, logs the outage once, and logs its end', async () => {
    expect((await timed(DRAFT_PAGE)).status).toBe(404);
    await postgres.freeze();
    try {
      const answers = [];
      // One after another and four at once: each holds or waits for a pooled connection.
      for (let index = 0; index < 3; index++) answers.push(await timed(DRAFT_PAGE));
      answers.push(...(await Promise.all(Array.from({ length: 4 }, () => timed(DRAFT_PAGE)))));
      for (const answer of answers) {
        expect(answer.status).toBe(503);
        expect(answer.type).toContain('application/problem+json');
        // The pool's two seconds, and a margin for a machine shared with the rest of the tier (2.8 s was
        // once missed there): the fault guarded against is a request held for 60 s.
        expect(answer.ms).toBeLessThan(5_000);
      }
      expect(linesWith('PostgreSQL unreachable')).toBe(1);
    } finally {
      await postgres.thaw();
    }
    // The line comes through the child's stdout pipe, which may reach this process after the 404 does (CI
    // once read the log in between): wait for both.
    await until(async () => (await timed(DRAFT_PAGE)).status === 404 && linesWith('PostgreSQL reachable again') >= 1, 30_000);
    expect(linesWith('PostgreSQL reachable again')).toBe(1);
    expect(linesWith('PostgreSQL unreachable')).toBe(1);
  });
});

describe('a frozen Redis', () => {
  it('serves every request without its limit (fail open), waits for Redis at most once in a while, logs the outage once, and logs its end', async () => {
    expect((await timed(DRAFT_PAGE)).status).toBe(404);
    redis.freeze();
    let answers;
    try {
      answers = [];
      for (let index = 0; index < 8; index++) answers.push(await timed(DRAFT_PAGE));
    } finally {
      redis.thaw();
    }
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    // The first waits for the command timeout (500 ms); the ones after it skip Redis for a few seconds.
    expect(answers[0]!.ms).toBeGreaterThan(400);
    expect(answers.slice(1).filter((answer) => answer.ms > 400)).toEqual([]);
    expect(linesWith('Redis unreachable')).toBe(1);
    // Back: once the skip is over, the next request reaches Redis and says so.
    await until(async () => (await timed(DRAFT_PAGE)).status === 404 && linesWith('Redis reachable again') === 1, 30_000);
    expect(linesWith('Redis unreachable')).toBe(1);
  });
});
