// The only cookie the site sets is the CSRF secret (drafts live in their
// URL). It is out of reach of scripts (HttpOnly), not sent by other sites'
// forms (SameSite=Lax), and Secure when the site is served over HTTPS: behind
// a proxy that says so (TRUST_PROXY and X-Forwarded-Proto: https), and only then.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/web/app.ts';
import { InjectVisitor } from '../helpers/inject-visitor.ts';

const apps: { app: FastifyInstance; dir: string }[] = [];
afterEach(async () => {
  for (const { app, dir } of apps.splice(0)) {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function start(trustProxy: boolean): Promise<FastifyInstance> {
  const dir = mkdtempSync(join(tmpdir(), 'cookies-'));
  const app = await buildApp({ dataDir: dir, rateLimitPerMinute: 0, trustProxy: trustProxy ? 1 : false });
  apps.push({ app, dir });
  return app;
}

function setCookies(response: LightMyRequestResponse): string[] {
  const header = response.headers['set-cookie'];
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
}

/** The Set-Cookie headers met on a short walk: home page, a new draft, its first step saved. */
async function cookiesOfAWalk(app: FastifyInstance, headers: Record<string, string> = {}): Promise<string[]> {
  const visitor = new InjectVisitor(app, headers);
  const seen: string[] = [];
  const home = await visitor.get('/');
  seen.push(...setCookies(home));
  const started = await visitor.post('/wizard');
  expect(started.statusCode).toBe(303);
  seen.push(...setCookies(started));
  const step = await visitor.get(String(started.headers.location));
  seen.push(...setCookies(step));
  seen.push(...setCookies(await visitor.post(String(started.headers.location), { 'freelancer.name': 'Priya' })));
  expect(seen.length).toBeGreaterThan(0);
  return seen;
}

const attributes = (cookie: string) => cookie.split(';').slice(1).map((part) => part.trim().toLowerCase());

describe('cookies', () => {
  it('are HttpOnly and SameSite=Lax, and not Secure over plain HTTP', async () => {
    const app = await start(false);
    for (const cookie of await cookiesOfAWalk(app)) {
      expect(cookie).toMatch(/^_csrf=/);
      expect(attributes(cookie)).toContain('httponly');
      expect(attributes(cookie)).toContain('samesite=lax');
      expect(attributes(cookie)).toContain('path=/');
      expect(attributes(cookie)).not.toContain('secure');
    }
  });

  it('are Secure behind a trusted proxy that forwards HTTPS', async () => {
    const app = await start(true);
    for (const cookie of await cookiesOfAWalk(app, { 'x-forwarded-proto': 'https' })) {
      expect(attributes(cookie)).toContain('secure');
      expect(attributes(cookie)).toContain('httponly');
      expect(attributes(cookie)).toContain('samesite=lax');
    }
  });

  it('are not Secure behind a trusted proxy that forwards plain HTTP', async () => {
    const app = await start(true);
    for (const cookie of await cookiesOfAWalk(app, { 'x-forwarded-proto': 'http' })) expect(attributes(cookie)).not.toContain('secure');
  });

  it('ignore X-Forwarded-Proto when no proxy is trusted: a client cannot claim HTTPS', async () => {
    const app = await start(false);
    for (const cookie of await cookiesOfAWalk(app, { 'x-forwarded-proto': 'https' })) expect(attributes(cookie)).not.toContain('secure');
  });
});
