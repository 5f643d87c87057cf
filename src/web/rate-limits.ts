// Who may ask for how much, per client address. One place decides the
// budgets and where their counters live (in memory, or in Redis when several
// instances share one site: storeOptions), so another store plugs in here.
//
// - Documents: ONE budget per address shared by every route that renders a
//   file or a whole contract (the API's contracts, letters, invoices and
//   calendar, the wizard's downloads), RATE_LIMIT_PER_MINUTE a minute, as the
//   docs/settings.md promises. A route-level config would give each route its own bucket.
// - Budgets are per IPv4 address and per IPv6 /64 (budgetKey).
// - The wizard's own routes (start, save a step, import, a step's page or the
//   review) each have a
//   generous budget of their own, far above what a person clicking through
//   needs, so that only a script meets it.
import rateLimit from '@fastify/rate-limit';
import { isIPv6 } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';

/** Requests a minute per address for the wizard's own routes: a person needs a few. */
export const WIZARD_BUDGETS = {
  /** "Start a new contract": a person starts a handful of drafts. */
  start: 30,
  /** Saving a step (and its add/remove buttons): a fast person saves one every few seconds. */
  saveStep: 120,
  /** "Continue from a file". */
  import: 20,
  /** A step's page or "Check your answers" (which assembles and renders the whole contract). */
  page: 120,
} as const;

export type WizardBudget = keyof typeof WIZARD_BUDGETS;

/** Every budget a route can draw on: the shared documents budget or one of the wizard's. */
export type BudgetName = 'documents' | WizardBudget;

/** Which budget each limiter handler counts against, so a route's budget can be read back from its hooks. */
const BUDGET_OF_HANDLER = new WeakMap<object, BudgetName>();

/**
 * The budgets a route's onRequest hooks draw on (none when it has no limiter,
 * or when limits are off). Read after every onRoute hook has run: a plugin may
 * give a route its budget in its own onRoute hook.
 */
export function budgetsOfRoute(onRequest: unknown): BudgetName[] {
  // A WeakMap answers undefined for anything it holds no entry for, a missing hook included.
  return [onRequest].flat().flatMap((hook) => {
    const budget = BUDGET_OF_HANDLER.get(hook as object);
    return budget ? [budget] : [];
  });
}

export interface RateLimits {
  /** Route options that count a request against the address's one documents budget. */
  readonly documents: { onRequest?: onRequestHookHandler };
  /** Route options for one of the wizard's own routes. */
  wizard(budget: WizardBudget): { onRequest?: onRequestHookHandler };
}

const NONE: RateLimits = { documents: {}, wizard: () => ({}) };

/**
 * Registers the rate limiter on `app` and returns the route options that
 * apply each budget. `perMinute` 0 turns every limit off.
 */
export async function registerRateLimits(
  app: FastifyInstance,
  { perMinute, storeOptions = {} }: { perMinute: number; storeOptions?: Record<string, unknown> },
): Promise<RateLimits> {
  if (perMinute <= 0) return NONE;
  await app.register(rateLimit, { global: false, ...storeOptions });
  // app.rateLimit() makes one handler with its own counters: every route
  // given the same handler draws on the same budget.
  // The budget's name is part of the key: in Redis every handler's counters
  // share one key space, so without it the budgets would add up.
  const limiter = (budget: BudgetName, max: number) => {
    const handler = app.rateLimit({ max, timeWindow: 60_000, keyGenerator: (request) => `${budget}:${budgetKey(request.ip)}` }) as onRequestHookHandler;
    BUDGET_OF_HANDLER.set(handler, budget);
    return handler;
  };
  const documents = { onRequest: limiter('documents', perMinute) };
  const wizard = Object.fromEntries(
    Object.entries(WIZARD_BUDGETS).map(([name, max]) => [name, { onRequest: limiter(name as WizardBudget, max) }]),
  ) as Record<WizardBudget, { onRequest: onRequestHookHandler }>;
  return { documents, wizard: (budget) => wizard[budget] };
}

/**
 * Whose budget a request draws on: an IPv4 address, or an IPv6 address's /64.
 * One host (one customer of an ISP, one cloud machine) is given a whole /64
 * and can send from any of its 2^64 addresses, so a budget per address would
 * be a new budget per request. An IPv4 address mapped into IPv6
 * (::ffff:192.0.2.7) is the IPv4 address.
 */
export function budgetKey(ip: string): string {
  if (!isIPv6(ip)) return ip;
  // ipaddr.js expands every IPv6 spelling (::, leading zeros, an IPv4 tail, a zone) to its eight groups.
  const address = ipaddr.IPv6.parse(ip);
  if (address.isIPv4MappedAddress()) return address.toIPv4Address().toString();
  return `${address.parts.slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
}
