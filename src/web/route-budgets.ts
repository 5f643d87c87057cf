// One table of every route the app serves and the budget it draws on
// (src/web/rate-limits.ts). Plugins still attach their budgets where they
// declare their routes; this table is the list a reviewer reads, and
// checkRouteBudgets holds the app to it: a route added later without an entry,
// or with another budget than its entry, stops the server at start-up, so
// every test fails until the table says what the route costs (issue 29, point 2).
//
// - documents: the one shared budget of every route that renders or reads a
//   whole document (RATE_LIMIT_PER_MINUTE a minute).
// - start, saveStep, import, page: the wizard's own budgets (WIZARD_BUDGETS),
//   also used by the signing links, which read an engagement from the store.
// - none: routes that read no draft, engagement or document and answer from
//   memory (static pages and assets, health, the schema, the published key).
// A HEAD route Fastify adds beside a GET is held to the GET's entry.
import type { FastifyInstance, RouteOptions } from 'fastify';
import { budgetsOfRoute, type BudgetName } from './rate-limits.ts';

export type RouteBudget = BudgetName | 'none';

export const ROUTE_BUDGETS: Readonly<Record<string, RouteBudget>> = {
  // Pages and data that answer from memory.
  'GET /': 'none',
  'GET /why': 'none',
  'GET /healthz': 'none',
  'GET /readyz': 'none',
  // Protected by METRICS_TOKEN where set; prom-client's registry, no store read.
  'GET /metrics': 'none',
  'GET /assets/*': 'none',
  'GET /api/clauses': 'none',
  'GET /api/schema': 'none',
  'GET /openapi.json': 'none',
  'GET /docs': 'none',
  'GET /docs/': 'none',
  'GET /docs/static/index.html': 'none',
  'GET /docs/static/swagger-initializer.js': 'none',
  'GET /docs/static/*': 'none',
  'GET /docs/json': 'none',
  'GET /docs/yaml': 'none',
  'GET /.well-known/contract-kit-keys.json': 'none',
  'GET /wizard/deleted': 'none',
  'GET /verify': 'none',
  // An unknown letter name: refused in onRequest, before the body is read.
  'POST /api/letters/:kind': 'none',

  // The JSON API: every route renders a document (or reads one, to verify it).
  'POST /api/contracts': 'documents',
  'POST /api/invoices': 'documents',
  'POST /api/schedule': 'documents',
  'POST /api/claim-pack': 'documents',
  'POST /api/claim-pack/pre-action-letter': 'documents',
  'POST /api/letters/final-check-in': 'documents',
  'POST /api/letters/work-paused': 'documents',
  'POST /api/letters/payment-reminder': 'documents',
  'POST /api/letters/late-notice': 'documents',
  'POST /api/letters/final-notice': 'documents',
  'POST /api/letters/final-notice/naiyo-shomei': 'documents',
  'POST /api/engagements': 'documents',
  'POST /api/verify': 'documents',
  'POST /verify': 'documents',

  // The wizard.
  'POST /wizard': 'start',
  'POST /import': 'import',
  'GET /wizard/:draftId': 'page',
  'GET /wizard/:draftId/:step': 'page',
  'POST /wizard/:draftId/:step': 'saveStep',
  'GET /wizard/:draftId/saved': 'page',
  'GET /wizard/:draftId/answers.json': 'page',
  'GET /wizard/:draftId/delete': 'page',
  'POST /wizard/:draftId/delete': 'saveStep',
  'GET /wizard/:draftId/follow-up': 'page',
  'GET /wizard/:draftId/follow-up/:kind': 'page',
  'GET /wizard/:draftId/invoices': 'page',
  'GET /wizard/:draftId/contract.docx': 'documents',
  'GET /wizard/:draftId/contract.pdf': 'documents',
  'POST /wizard/:draftId/follow-up/:kind': 'documents',
  'POST /wizard/:draftId/follow-up/calendar': 'documents',
  'POST /wizard/:draftId/follow-up/claim-pack': 'documents',
  'POST /wizard/:draftId/invoices/:kind': 'documents',
  // Recording or removing a payment received saves the draft and renders nothing: a form's budget.
  'POST /wizard/:draftId/invoices/payments': 'saveStep',
  'POST /wizard/:draftId/invoices/payments/remove': 'saveStep',
  // Sending renders the contract and seals the first event.
  'POST /wizard/:draftId/send': 'documents',

  // Signing: the client's link and the freelancer's engagement page.
  'GET /sign/:key': 'page',
  'POST /sign/:key': 'page',
  'POST /sign/:key/changes': 'page',
  'GET /sign/:key/contract.docx': 'documents',
  'GET /sign/:key/signed.docx': 'documents',
  'GET /sign/:key/signed.pdf': 'documents',
  'GET /engagements/:key': 'page',
  'POST /engagements/:key/sign': 'page',
  'GET /engagements/:key/certificate.json': 'page',
  'GET /engagements/:key/certificate': 'page',
  'GET /sign/:key/certificate': 'page',
  'GET /engagements/:key/contract.docx': 'documents',
  'GET /engagements/:key/signed.docx': 'documents',
  'GET /engagements/:key/signed.pdf': 'documents',
};

/** Routes served only when a setting turns them on (METRICS=0 leaves /metrics out). */
const OPTIONAL_ROUTES = new Set(['GET /metrics']);

/** "GET /wizard/:draftId": the table's key for one method of a route; HEAD is its GET. */
export const routeKey = (method: string, url: string) => `${method === 'HEAD' ? 'GET' : method} ${url}`;

/**
 * Holds `app` to ROUTE_BUDGETS (`table`, which a test may replace with its
 * own). Call before any route is added; the check runs when the app gets
 * ready, after every plugin's own onRoute hooks have given their routes a
 * budget. Only meaningful with limits on.
 */
export function checkRouteBudgets(
  app: FastifyInstance,
  table: Readonly<Record<string, RouteBudget>> = ROUTE_BUDGETS,
  optional: ReadonlySet<string> = OPTIONAL_ROUTES,
): void {
  const routes: { method: string; route: RouteOptions }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of ([] as string[]).concat(route.method)) routes.push({ method, route });
  });
  app.addHook('onReady', async () => {
    const faults: string[] = [];
    const served = new Set<string>();
    for (const { method, route } of routes) {
      const key = routeKey(method, route.url);
      served.add(key);
      const expected = table[key];
      const actual = budgetsOfRoute(route.onRequest);
      if (expected === undefined) faults.push(`${method} ${route.url} has no entry in ROUTE_BUDGETS (it draws on ${actual.join(' and ') || 'no budget'})`);
      else if (actual.join() !== (expected === 'none' ? '' : expected)) {
        faults.push(`${method} ${route.url} draws on ${actual.join(' and ') || 'no budget'}, ROUTE_BUDGETS says ${expected}`);
      }
    }
    for (const key of Object.keys(table)) if (!served.has(key) && !optional.has(key)) faults.push(`ROUTE_BUDGETS lists ${key}, which the app does not serve`);
    if (faults.length > 0) throw new Error(`Route budgets (src/web/route-budgets.ts):\n- ${faults.join('\n- ')}`);
  });
}
