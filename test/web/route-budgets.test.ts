// The table of every route and its budget (src/web/route-budgets.ts), read as
// a user of the limits meets it: once an address has spent a budget, every
// route the table puts on that budget answers 429, and no route the table
// calls free ever does. A route added without an entry stops the app.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerRateLimits, WIZARD_BUDGETS, type BudgetName } from '../../src/web/rate-limits.ts';
import { checkRouteBudgets, ROUTE_BUDGETS } from '../../src/web/route-budgets.ts';
import { appsClosedAfterEach } from '../helpers/test-app.ts';

const apps = appsClosedAfterEach('route-budgets');
/** An app with the settings the environment would give (the defaults unless told). */
const appFrom = (env: Record<string, string> = {}) => apps.fromEnvironment(env);

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

  it('the free routes are exactly the pages, assets and data that answer from memory', () => {
    // Written out by hand: a route moved off this list (or onto it) is a decision a reviewer sees here.
    expect(routesOn('none')).toEqual([
      'GET /', 'GET /why', 'GET /healthz', 'GET /readyz', 'GET /metrics', 'GET /assets/*',
      'GET /api/clauses', 'GET /api/schema', 'GET /openapi.json',
      'GET /docs', 'GET /docs/', 'GET /docs/static/index.html', 'GET /docs/static/swagger-initializer.js', 'GET /docs/static/*',
      'GET /docs/json', 'GET /docs/yaml', 'GET /.well-known/contract-kit-keys.json', 'GET /wizard/deleted', 'GET /verify',
      'POST /api/letters/:kind',
    ]);
  });

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

  it('with /metrics turned off (METRICS=0), the app starts: the table\'s /metrics entry is optional', async () => {
    const app = await appFrom({ RATE_LIMIT_PER_MINUTE: '3', METRICS: '0' });
    await expect(app.ready()).resolves.toBeDefined();
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
  });

  it('every way a route and the table disagree is named, all at once', async () => {
    const app = apps.track(Fastify({ logger: false }));
    const limits = await registerRateLimits(app, { perMinute: 5 });
    checkRouteBudgets(
      app,
      {
        'GET /free': 'none',
        'POST /document': 'documents',
        'POST /cheap': 'none',
        'GET /page': 'page',
        'POST /both': 'documents',
        'GET /gone': 'none',
        'GET /optional': 'none',
      },
      new Set(['GET /optional']),
    );
    const answer = async () => 'ok';
    app.get('/free', answer);
    app.post('/document', limits.documents, answer);
    app.post('/cheap', limits.documents, answer);
    app.get('/page', answer);
    app.post('/both', { onRequest: [limits.documents.onRequest!, limits.wizard('page').onRequest!] }, answer);
    app.post('/unlisted', { onRequest: [limits.wizard('saveStep').onRequest!, limits.wizard('import').onRequest!] }, answer);
    app.post('/unlisted-free', answer);
    await expect(app.ready()).rejects.toThrow(
      [
        'Route budgets (src/web/route-budgets.ts):',
        '- POST /cheap draws on documents, ROUTE_BUDGETS says none',
        '- GET /page draws on no budget, ROUTE_BUDGETS says page',
        '- HEAD /page draws on no budget, ROUTE_BUDGETS says page',
        '- POST /both draws on documents and page, ROUTE_BUDGETS says documents',
        '- POST /unlisted has no entry in ROUTE_BUDGETS (it draws on saveStep and import)',
        '- POST /unlisted-free has no entry in ROUTE_BUDGETS (it draws on no budget)',
        '- ROUTE_BUDGETS lists GET /gone, which the app does not serve',
      ].join('\n'),
    );
  });

  it('with limits off, nothing is checked (every route is free)', async () => {
    const app = await appFrom({ RATE_LIMIT_PER_MINUTE: '0' });
    app.post('/api/brand-new-document', async () => 'a document');
    await expect(app.ready()).resolves.toBeDefined();
  });
});
