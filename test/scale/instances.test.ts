// Two app processes behind one address, on one throwaway PostgreSQL and one
// Redis, as an association would run them: a wizard walked alternating
// instances on every step, one rate-limit budget across both, a PostgreSQL
// restart in the middle of a walk, both started at once on an empty
// database, and a SIGTERM that turns /readyz to 503 first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { POSTGRES_MIGRATIONS } from '../../src/drafts/migrations.ts';
import { readEmbeddedAnswers } from '../../src/render/embedded-answers.ts';
import { answersToForm } from '../../src/web/wizard/engine.ts';
import { STEPS } from '../../src/web/wizard/steps.ts';
import { HttpVisitor } from '../helpers/http-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';
import { startServer, stopServer, type ServerProcess } from '../helpers/server-process.ts';
import { startPostgres, startRedis, type ThrowawayPostgres, type ThrowawayRedis } from '../helpers/throwaway-servers.ts';

let postgres: ThrowawayPostgres;
let redis: ThrowawayRedis;
let databaseUrl: string;
let instances: ServerProcess[] = [];
const dataDirs: string[] = [];

function envFor(extra: Record<string, string> = {}): Record<string, string> {
  // Each instance has its own DATA_DIR: nothing may be shared through the disk.
  const dataDir = mkdtempSync(join(tmpdir(), 'scale-instance-'));
  dataDirs.push(dataDir);
  return { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '60', ...extra };
}

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  databaseUrl = await postgres.createDatabase('kit');
  // The migrations race: both instances start at the same moment on an empty database.
  instances = await Promise.all([startServer(envFor(), compiled), startServer(envFor(), compiled)]);
});
afterAll(async () => {
  await Promise.all(instances.map((instance) => stopServer(instance)));
  await Promise.all([postgres?.stop(), redis?.stop()]);
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

const sample = 'new-client-fixed';
/** Started as `npm start` starts it, from dist/ (built by the tier's global setup). */
const compiled = { build: 'compiled' } as const;
const formFor = (index: number) => answersToForm(STEPS[index]!, sampleInput(sample));
const path = (url: string) => new URL(url, 'http://x').pathname;

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends one step, on whichever instance `visitor` points at; while the database restarts, sends the same form again. */
async function sendStep(visitor: HttpVisitor, url: string, fields: Record<string, string | string[]>) {
  for (let attempt = 0; ; attempt++) {
    const response = await visitor.post(url, fields);
    if (response.status !== 503 || attempt >= 60) return response;
    // The form comes back with what was typed, and a sentence, while the database is away.
    expect(response.body).toContain('We could not save this step just now');
    const name = fields['freelancer.name'] ?? fields['client.name'];
    if (typeof name === 'string' && name) expect(response.body).toContain(name.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('two instances on one PostgreSQL and one Redis', () => {
  it('both started at once on an empty database, and every migration was applied exactly once', async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
      const secrets = await client.query('SELECT name FROM shared_settings');
      // One CSRF secret and one signing key, made once by whichever instance came first.
      expect(secrets.rows.map((row) => row.name).sort()).toEqual(['cookie-secret', 'signing-key']);
    } finally {
      await client.end();
    }
    for (const instance of instances) {
      await until(async () => (await fetch(`${instance.url}/readyz`)).status === 200);
      const ready = await fetch(`${instance.url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
    }
  });

  it('a wizard walked on alternating instances, every step, ends in the Word file with every answer', async () => {
    const visitor = new HttpVisitor(instances[0]!.url);
    const on = (index: number) => {
      visitor.baseUrl = instances[index % 2]!.url;
      return visitor;
    };
    await on(0).get('/');
    const start = await on(1).post('/wizard');
    expect(start.status).toBe(303);
    let url = path(start.location);
    const base = url.replace(/\/[^/]+$/, '');
    for (const [index] of STEPS.entries()) {
      expect(url).toBe(`${base}/${STEPS[index]!.id}`);
      await on(index).get(url);
      const sent = await on(index + 1).post(url, formFor(index));
      expect(sent.status, `${STEPS[index]!.id}: ${sent.body.slice(0, 300)}`).toBe(303);
      url = path(sent.location);
    }
    expect(url).toBe(`${base}/review`);
    expect((await on(0).get(url)).status).toBe(200);
    const docx = await fetch(`${on(1).baseUrl}${base}/contract.docx`, { headers: { cookie: visitor.cookieHeader } });
    expect(docx.status).toBe(200);
    expect(readEmbeddedAnswers(new Uint8Array(await docx.arrayBuffer()))).toEqual(answersSchema.parse(sampleInput(sample)));
  });

  it('share one rate-limit budget: of 100 documents asked of both, 60 are made and 40 refused', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 100; index++) {
      const response = await fetch(`${instances[index % 2]!.url}/api/contracts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(sampleInput(sample)),
      });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    // One documents budget per address covers every generating route, so the
    // Word file of the walk above (when it ran) came out of the same 60.
    const made = statuses.filter((status) => status === 200).length;
    expect(made).toBeGreaterThanOrEqual(59);
    expect(made).toBeLessThanOrEqual(60);
    expect(statuses.slice(0, made).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(made).every((status) => status === 429)).toBe(true);
    const metrics = await (await fetch(`${instances[0]!.url}/metrics`)).text();
    expect(metrics).toMatch(/rate_limit_refusals_total\{route="\/api\/contracts"\} [1-9]/);
  });

  it('PostgreSQL restarting, then down, in the middle of a walk: the step comes back with what was typed, the same submit saves, no answer is lost', async () => {
    const visitor = new HttpVisitor(instances[0]!.url);
    await visitor.get('/');
    let url = path((await visitor.post('/wizard')).location);
    const base = url.replace(/\/[^/]+$/, '');
    // The project step: its name is typed while the database is down; the restart comes a step before.
    const downAt = STEPS.findIndex((step) => step.id === 'project');
    const restartAt = downAt - 1;
    expect(restartAt).toBeGreaterThan(0);
    for (const [index] of STEPS.entries()) {
      visitor.baseUrl = instances[index % 2]!.url;
      // Every pooled connection is cut; the next step must find a new one.
      if (index === restartAt) await postgres.restart();
      let fields = formFor(index);
      if (index === downAt) {
        fields = { ...fields, 'project.name': "Ana's & Bo's <site>" };
        await visitor.get(url);
        await postgres.pause();
        try {
          const refused = await visitor.post(url, fields);
          expect(refused.status).toBe(503);
          expect(refused.body).toContain('We could not save this step just now');
          expect(refused.body).toContain('Ana&#39;s &amp; Bo&#39;s &lt;site&gt;');
          expect((await fetch(`${instances[0]!.url}/readyz`)).status).toBe(503);
          const api = await fetch(`${instances[1]!.url}/api/contracts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sampleInput(sample)) });
          expect(api.status, 'the JSON API keeps no state and keeps working').not.toBe(500);
        } finally {
          await postgres.resume();
        }
      }
      const sent = await sendStep(visitor, url, fields);
      expect(sent.status, `${STEPS[index]!.id}: ${sent.body.slice(0, 300)}`).toBe(303);
      url = path(sent.location);
    }
    expect(url).toBe(`${base}/review`);
    const answers = await fetch(`${instances[1]!.url}${base}/answers.json`, { headers: { cookie: visitor.cookieHeader } });
    expect(answers.status).toBe(200);
    const expected = answersSchema.parse(sampleInput(sample));
    const kept = (await answers.json()) as typeof expected;
    expected.project.name = "Ana's & Bo's <site>";
    expect(kept).toEqual(expected);
    for (const instance of instances) await until(async () => (await fetch(`${instance.url}/readyz`)).status === 200);
  });

  it('on SIGTERM an instance turns /readyz to 503 first, still serves pages while it drains, then exits 0', async () => {
    const leaving = await startServer(envFor({ DRAIN_SECONDS: '5' }), compiled);
    // Ready once its Redis connection is up, a moment after it listens.
    await until(async () => (await fetch(`${leaving.url}/readyz`)).status === 200);
    leaving.child.kill('SIGTERM');
    let ready: Response | undefined;
    for (let attempt = 0; attempt < 40; attempt++) {
      ready = await fetch(`${leaving.url}/readyz`);
      if (ready.status === 503) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(ready?.status).toBe(503);
    expect(await ready?.json()).toEqual({ status: 'not ready', reason: 'shutting down' });
    expect((await fetch(`${leaving.url}/healthz`)).status).toBe(200);
    expect(await leaving.exited).toBe(0);
  });

  // Last: it stops this file's Redis.
  it('with Redis gone, both instances keep making documents (limits fail open) and /readyz names Redis', async () => {
    await redis.stop();
    const statuses = new Set<number>();
    for (let index = 0; index < 10; index++) {
      const response = await fetch(`${instances[index % 2]!.url}/api/contracts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(sampleInput(sample)),
      });
      statuses.add(response.status);
      await response.arrayBuffer();
    }
    // This address spent its budget a few seconds ago; with the counters unreachable nothing is refused, and nothing fails.
    expect([...statuses]).toEqual([200]);
    const ready = await fetch(`${instances[0]!.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { reason: string }).reason).toMatch(/^Redis unreachable/);
  });
});
