// What a load balancer and a monitoring system see: /healthz, /readyz (503
// with the reason when the drafts' database or Redis cannot be reached, and
// first thing on shutdown), and /metrics, whose labels never hold a draft id
// or anything a user typed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSqliteDraftStore } from '../../src/drafts/sqlite-store.ts';
import { DraftStoreUnavailableError } from '../../src/drafts/store.ts';
import { LOG_EVERY_MS } from '../../src/storage/outage-log.ts';
import { createRedis } from '../../src/storage/redis.ts';
import { buildApp, type BuildOptions } from '../../src/web/app.ts';
import { documentGenerated } from '../../src/web/plugins/metrics.ts';
import { answersToForm } from '../../src/web/wizard/engine.ts';
import { STEPS } from '../../src/web/wizard/steps.ts';
import { InjectVisitor } from '../helpers/inject-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';
import { freePort } from '../helpers/throwaway-servers.ts';

const apps: FastifyInstance[] = [];
const dirs: string[] = [];
async function app(options: BuildOptions = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'health-'));
  dirs.push(dataDir);
  const built = await buildApp({ dataDir, rateLimitPerMinute: 0, ...options });
  apps.push(built);
  return built;
}
afterEach(async () => {
  for (const built of apps.splice(0)) await built.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sample = sampleInput('new-client-fixed');

describe('health', () => {
  it('/healthz says the process is alive and /readyz that the draft store answers', async () => {
    const server = await app();
    const alive = await server.inject('/healthz');
    expect(alive.statusCode).toBe(200);
    expect(alive.json()).toEqual({ status: 'alive' });
    const ready = await server.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });

  it('/readyz answers 503 with the reason when the draft store cannot be reached', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'health-'));
    dirs.push(dataDir);
    const store = createSqliteDraftStore({ dataDir, ttlDays: 30 });
    const server = await app({
      dataDir,
      drafts: { ...store, ping: async () => Promise.reject(new DraftStoreUnavailableError(new Error('connect ECONNREFUSED 127.0.0.1:5432'))) },
    });
    const ready = await server.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().reason).toMatch(/^SQLite unreachable: .*ECONNREFUSED/);
    expect((await server.inject('/healthz')).statusCode).toBe(200);
  });

  it('on shutdown /readyz turns 503 first while the other pages still answer', async () => {
    const server = await app();
    server.startDrain();
    const ready = await server.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'not ready', reason: 'shutting down' });
    expect((await server.inject('/healthz')).statusCode).toBe(200);
    expect((await server.inject({ url: '/', headers: { accept: 'text/html' } })).statusCode).toBe(200);
  });

  it('with Redis unreachable, documents are still served (limits fail open) and /readyz names Redis', async () => {
    const server = await app({ rateLimitPerMinute: 2, redisUrl: `redis://127.0.0.1:${await freePort()}` });
    for (let index = 0; index < 4; index++) {
      const response = await server.inject({ method: 'POST', url: '/api/contracts', payload: sample });
      expect(response.statusCode).toBe(200);
    }
    const ready = await server.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks).toMatchObject({ database: 'ok', redis: expect.stringMatching(/^Redis unreachable/) });
  });
});

describe('an unreachable Redis in the logs', () => {
  it('is reported once a minute, not once a request', () => {
    let now = 1_000_000;
    const warn = vi.fn();
    const { redis } = createRedis('redis://127.0.0.1:1', { warn, info: vi.fn() }, () => now);
    redis.disconnect();
    for (let index = 0; index < 50; index++) redis.emit('error', new Error('connect ECONNREFUSED'));
    expect(warn).toHaveBeenCalledTimes(1);
    now += LOG_EVERY_MS - 1;
    redis.emit('error', new Error('connect ECONNREFUSED'));
    expect(warn).toHaveBeenCalledTimes(1);
    now += 1;
    redis.emit('error', new Error('connect ECONNREFUSED'));
    expect(warn).toHaveBeenCalledTimes(2);
  });
});

const metricLine = (text: string, name: string, labels: string) =>
  text.split('\n').find((line) => line.startsWith(`${name}{`) && labels.split(',').every((label) => line.includes(label)));
const valueOf = (line: string | undefined) => Number(line?.split(' ').at(-1));

describe('metrics', () => {
  it('count requests by route pattern, documents by kind, draft saves and refusals, with no draft id or typed text', async () => {
    const server = await app({ rateLimitPerMinute: 2 });
    const visitor = new InjectVisitor(server);
    const first = await visitor.start();
    await visitor.get(first);
    await visitor.post(first, { ...answersToForm(STEPS[0]!, sample), 'freelancer.name': 'Secret Person' });
    const statuses = [];
    for (let index = 0; index < 3; index++) statuses.push((await server.inject({ method: 'POST', url: '/api/contracts', payload: sample })).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
    // From another address: this one has spent its one documents budget on the contracts.
    const letter = await server.inject({ method: 'POST', url: '/api/letters/final-check-in', remoteAddress: '192.0.2.44', payload: { answers: sample, letter: { date: '2027-05-01' } }, headers: { accept: 'text/plain' } });

    const response = await server.inject('/metrics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body;
    expect(valueOf(metricLine(text, 'documents_generated_total', 'kind="contract",format="docx"'))).toBe(2);
    expect(letter.statusCode).toBe(200);
    expect(valueOf(metricLine(text, 'documents_generated_total', 'kind="letter",format="email"'))).toBe(1);
    expect(valueOf(metricLine(text, 'rate_limit_refusals_total', 'route="/api/contracts"'))).toBe(1);
    expect(valueOf(metricLine(text, 'draft_saves_total', 'result="saved"'))).toBe(1);
    expect(valueOf(metricLine(text, 'http_requests_total', 'route="/wizard/:draftId/:step",status="303"'))).toBe(1);
    expect(metricLine(text, 'http_request_duration_seconds_bucket', 'route="/api/contracts"')).toBeDefined();
    expect(text).toContain('process_resident_memory_bytes');
    const draftId = first.split('/')[2]!;
    expect(text).not.toContain(draftId);
    expect(text).not.toContain('Secret Person');
    expect(text).not.toContain('127.0.0.1');
  });

  it('are never rate-limited, nor are the health probes', async () => {
    const server = await app({ rateLimitPerMinute: 1 });
    for (const url of ['/metrics', '/readyz', '/healthz']) {
      const statuses = new Set<number>();
      for (let index = 0; index < 30; index++) statuses.add((await server.inject(url)).statusCode);
      expect([url, ...statuses]).toEqual([url, 200]);
    }
  });

  it('METRICS=0 leaves /metrics out', async () => {
    const server = await app({ metrics: false });
    expect((await server.inject('/metrics')).statusCode).toBe(404);
  });

  it('name the document a reply generated from its route pattern and type', () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(documentGenerated('/api/contracts', docx)).toEqual({ kind: 'contract', format: 'docx' });
    expect(documentGenerated('/wizard/:draftId/contract.docx', docx)).toEqual({ kind: 'contract', format: 'docx' });
    expect(documentGenerated('/api/letters/:kind', docx)).toEqual({ kind: 'letter', format: 'docx' });
    expect(documentGenerated('/wizard/:draftId/follow-up/:kind', docx)).toEqual({ kind: 'letter', format: 'docx' });
    expect(documentGenerated('/wizard/:draftId/follow-up/calendar', 'text/calendar; charset=utf-8')).toEqual({ kind: 'calendar', format: 'ics' });
    expect(documentGenerated('/api/contracts', 'application/json; charset=utf-8')).toEqual({ kind: 'contract', format: 'json' });
    expect(documentGenerated('/api/letters/:kind', 'text/plain; charset=utf-8')).toEqual({ kind: 'letter', format: 'email' });
    expect(documentGenerated('/api/invoices', docx)).toEqual({ kind: 'invoice', format: 'docx' });
    expect(documentGenerated('/api/invoices', 'text/plain; charset=utf-8')).toEqual({ kind: 'invoice', format: 'email' });
    expect(documentGenerated('/api/schedule', 'text/calendar; charset=utf-8')).toEqual({ kind: 'calendar', format: 'ics' });
    expect(documentGenerated('/wizard/:draftId/:step', 'text/html; charset=utf-8')).toBeUndefined();
    expect(documentGenerated('/wizard/:draftId/answers.json', 'application/json; charset=utf-8')).toBeUndefined();
    expect(documentGenerated('/wizard/:draftId/follow-up', 'text/html; charset=utf-8')).toBeUndefined();
    expect(documentGenerated('/api/schema', 'application/json')).toBeUndefined();
  });
});
