// Budgets per client address (src/web/rate-limits.ts): one for every route
// that renders a document, RATE_LIMIT_PER_MINUTE a minute as docs/settings.md
// says, however the requests are spread over those routes; separate,
// generous ones for the wizard's own routes, which a person walking the
// wizard never meets and a script starting drafts in a loop soon does.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { WIZARD_BUDGETS } from '../../src/web/rate-limits.ts';
import { answersToForm } from '../../src/web/wizard/engine.ts';
import { STEPS } from '../../src/web/wizard/steps.ts';
import { InjectVisitor } from '../helpers/inject-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';
import { appsClosedAfterEach } from '../helpers/test-app.ts';

const apps = appsClosedAfterEach('rate-limits');
/** An app with the settings the environment would give (the defaults unless told). */
const appFrom = (env: Record<string, string> = {}) => apps.fromEnvironment(env);

const json = { 'content-type': 'application/json', accept: 'application/json' };

/** The generating routes, each sent a cheap request that still counts (invalid answers, an unknown draft). */
function generatingRequests(headers: Record<string, string> = {}) {
  return [
    { method: 'POST' as const, url: '/api/contracts', payload: {}, headers: { ...json, ...headers } },
    { method: 'POST' as const, url: '/api/letters/final-notice', payload: {}, headers: { ...json, ...headers } },
    { method: 'POST' as const, url: '/api/schedule', payload: {}, headers: { ...json, ...headers } },
    { method: 'GET' as const, url: '/wizard/unknown-draft/contract.docx', headers },
  ];
}

describe('one documents budget per address', () => {
  it('70 requests spread over contracts, letters, calendar and wizard downloads meet 429 at the 61st', async () => {
    expect(readConfig({}).rateLimitPerMinute).toBe(60);
    const app = await appFrom();
    const routes = generatingRequests();
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) statuses.push((await app.inject(routes[i % routes.length]!)).statusCode);
    expect(statuses.slice(0, 60).filter((status) => status === 429)).toEqual([]);
    expect(statuses.slice(60)).toEqual(Array(10).fill(429));
  });

  it('the refusal says when to come back', async () => {
    const app = await appFrom({ RATE_LIMIT_PER_MINUTE: '2' });
    const [contracts, letters, schedule] = generatingRequests();
    await app.inject(contracts!);
    await app.inject(letters!);
    const refused = await app.inject(schedule!);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.json()).toMatchObject({ status: 429 });
  });

  it('with TRUST_PROXY=1, changing the leftmost X-Forwarded-For does not make a new address', async () => {
    const app = await appFrom({ TRUST_PROXY: '1' });
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) {
      // The client writes whatever it likes on the left; the proxy appends the address it saw.
      const request = generatingRequests({ 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` })[i % 4]!;
      statuses.push((await app.inject(request)).statusCode);
    }
    expect(statuses.indexOf(429)).toBe(60);
    // Another visitor behind the same proxy still has a budget.
    expect((await app.inject(generatingRequests({ 'x-forwarded-for': '203.0.113.10' })[0]!)).statusCode).toBe(400);
  });

  it('TRUST_PROXY as a list of proxy addresses believes only what those proxies wrote', async () => {
    const app = await appFrom({ TRUST_PROXY: '127.0.0.1' });
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      statuses.push((await app.inject(generatingRequests({ 'x-forwarded-for': `198.51.100.${i % 3}, 203.0.113.9` })[0]!)).statusCode);
    }
    expect(statuses[60]).toBe(429);
  });

  it('RATE_LIMIT_PER_MINUTE=0 turns every limit off', async () => {
    const app = await appFrom({ RATE_LIMIT_PER_MINUTE: '0' });
    const statuses: number[] = [];
    for (let i = 0; i < 2 * WIZARD_BUDGETS.start; i++) statuses.push((await app.inject({ method: 'POST', url: '/wizard' })).statusCode);
    for (let i = 0; i < 70; i++) statuses.push((await app.inject(generatingRequests()[0]!)).statusCode);
    expect(statuses).not.toContain(429);
  });
});

describe("the wizard's own budgets", () => {
  it('300 rapid starts from one address meet 429', async () => {
    const app = await appFrom();
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) statuses.push((await app.inject({ method: 'POST', url: '/wizard' })).statusCode);
    expect(statuses.indexOf(429)).toBe(WIZARD_BUDGETS.start);
  });

  it('a person walking the wizard three times, with every page, the review and the download, never meets one', async () => {
    const app = await appFrom();
    const input = sampleInput('new-client-fixed');
    const statuses: number[] = [];
    for (let walk = 0; walk < 3; walk++) {
      const visitor = new InjectVisitor(app);
      let url = await visitor.start();
      for (const step of STEPS) {
        statuses.push((await visitor.get(url)).statusCode);
        const saved = await visitor.post(url, answersToForm(step, input));
        statuses.push(saved.statusCode);
        url = String(saved.headers.location);
      }
      statuses.push((await visitor.get(url)).statusCode);
      statuses.push((await visitor.get(url.replace(/review$/, 'contract.docx'))).statusCode);
    }
    expect(statuses.length).toBeGreaterThan(3 * 2 * STEPS.length);
    expect(statuses).not.toContain(429);
    expect(statuses).not.toContain(500);
  });

  it('the wizard steps do not spend the documents budget', async () => {
    const app = await appFrom({ RATE_LIMIT_PER_MINUTE: '1' });
    for (let i = 0; i < 5; i++) expect((await app.inject({ method: 'POST', url: '/wizard' })).statusCode).toBe(303);
    expect((await app.inject(generatingRequests()[0]!)).statusCode).toBe(400);
    expect((await app.inject(generatingRequests()[1]!)).statusCode).toBe(429);
  });
});

// TRUST_PROXY=N: the peer and the N − 1 addresses nearest the app in X-Forwarded-For are
// the proxies; the entry after them is the client, and whatever stands left of it was
// written by the client and is never believed. Pinned at every hop count a deployment
// uses, not only 1: each proxy appends the address it saw.
describe('TRUST_PROXY as a hop count takes the client from the right place of X-Forwarded-For', () => {
  /** The header a chain of `hops` proxies writes for `client`, behind whatever the client itself wrote. */
  const forwarded = (hops: number, client: string, spoofed: string) =>
    [spoofed, client, ...Array.from({ length: hops - 1 }, (_unused, proxy) => `10.0.0.${proxy + 1}`)].join(', ');

  it.each([1, 2, 3])('with %i: what the client writes on the left shares one budget, 429 at the 61st', async (hops) => {
    const app = await appFrom({ TRUST_PROXY: String(hops) });
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      const headers = { 'x-forwarded-for': forwarded(hops, '203.0.113.9', `198.51.100.${i}`) };
      statuses.push((await app.inject(generatingRequests(headers)[0]!)).statusCode);
    }
    expect(statuses.indexOf(429)).toBe(60);
  });

  it.each([1, 2, 3])('with %i: each client address behind the proxies has a budget of its own', async (hops) => {
    const app = await appFrom({ TRUST_PROXY: String(hops) });
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      const headers = { 'x-forwarded-for': forwarded(hops, `203.0.113.${i}`, '198.51.100.1') };
      statuses.push((await app.inject(generatingRequests(headers)[0]!)).statusCode);
    }
    expect(statuses).not.toContain(429);
  });
});
