// The table of every route and its budget (src/web/route-budgets.ts), read as
// a user of the limits meets it: once an address has spent a budget, every
// route the table puts on that budget answers 429, and no route the table
// calls free ever does. A route added without an entry stops the app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { buildApp } from '../../src/web/app.ts';
import { WIZARD_BUDGETS, type BudgetName } from '../../src/web/rate-limits.ts';
import { ROUTE_BUDGETS } from '../../src/web/route-budgets.ts';

const opened: { app: FastifyInstance; dir: string }[] = [];
afterEach(async () => {
  for (const { app, dir } of opened.splice(0)) {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function appFrom(env: Record<string, string> = {}): Promise<FastifyInstance> {
  const dir = mkdtempSync(join(tmpdir(), 'route-budgets-'));
  const { port: _port, host: _host, ...config } = readConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', ...env });
  const app = await buildApp(config);
  opened.push({ app, dir });
  return app;
}

/** A concrete request for a table key: every parameter filled with a name that exists nowhere. */
function requestFor(key: string) {
  const [method, pattern] = key.split(' ') as ['GET' | 'POST', string];
  const url = pattern
    .replace(':draftId', 'no-such-draft')
    .replace(':step', 'client')
    .replace(':kind', 'deposit')
    .replace(':key', 'no-such-key')
    .replace('*', 'x');
  return method === 'POST'
    ? { method, url, payload: {}, headers: { 'content-type': 'application/json', accept: 'application/json' } }
    : { method, url };
}

const routesOn = (budget: BudgetName | 'none') => Object.keys(ROUTE_BUDGETS).filter((key) => ROUTE_BUDGETS[key] === budget);

/** How many requests spend each budget, with RATE_LIMIT_PER_MINUTE=3. */
const SPEND: Record<BudgetName, number> = { documents: 3, ...WIZARD_BUDGETS };

describe('every route in the budget table draws on the budget it names', () => {
  it('each budget has routes, and the documents budget covers every API route that renders', () => {
    for (const budget of Object.keys(SPEND) as BudgetName[]) expect(routesOn(budget), budget).not.toEqual([]);
    // Written out by hand: the generating API routes a client script calls most.
    expect(routesOn('documents')).toEqual(expect.arrayContaining([
      'POST /api/contracts', 'POST /api/invoices', 'POST /api/schedule', 'POST /api/claim-pack',
      'POST /api/letters/final-notice', 'GET /wizard/:draftId/contract.docx', 'GET /wizard/:draftId/contract.pdf',
    ]));
  });

  for (const budget of Object.keys(SPEND) as BudgetName[]) {
    it(`once one route has spent the ${budget} budget, every route on it answers 429`, async () => {
      const app = await appFrom({ RATE_LIMIT_PER_MINUTE: '3' });
      const [first, ...rest] = routesOn(budget);
      for (let i = 0; i < SPEND[budget]; i++) expect((await app.inject(requestFor(first!))).statusCode, `${first} #${i + 1}`).not.toBe(429);
      const refused = await Promise.all(rest.concat(first!).map(async (key) => [key, (await app.inject(requestFor(key))).statusCode] as const));
      expect(refused.filter(([, status]) => status !== 429)).toEqual([]);
    });
  }

  it('with every budget spent, the routes the table calls free still answer', async () => {
    const app = await appFrom({ RATE_LIMIT_PER_MINUTE: '3' });
    for (const budget of Object.keys(SPEND) as BudgetName[]) {
      const [first] = routesOn(budget);
      for (let i = 0; i <= SPEND[budget]; i++) await app.inject(requestFor(first!));
    }
    const statuses = await Promise.all(routesOn('none').map(async (key) => [key, (await app.inject(requestFor(key))).statusCode] as const));
    expect(statuses.filter(([, status]) => status === 429)).toEqual([]);
    expect(Object.fromEntries(statuses)['GET /']).toBe(200);
  });
});

describe('a route the table does not know', () => {
  it('stops the app at start-up, naming the route', async () => {
    const app = await appFrom();
    app.post('/api/brand-new-document', async () => 'a document');
    await expect(app.ready()).rejects.toThrow(/POST \/api\/brand-new-document has no entry in ROUTE_BUDGETS/);
  });

  it('with limits off, nothing is checked (every route is free)', async () => {
    const app = await appFrom({ RATE_LIMIT_PER_MINUTE: '0' });
    app.post('/api/brand-new-document', async () => 'a document');
    await expect(app.ready()).resolves.toBeDefined();
  });
});
