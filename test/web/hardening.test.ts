// What a scanner or an abusive client meets: strict headers, a rate limit on
// the endpoints that cost CPU, and error pages that give nothing away.
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/test-app.ts';
import { sampleInput } from '../helpers/samples.ts';

describe('security headers', () => {
  it('every response forbids framing, inline script and MIME sniffing', async () => {
    const app = await buildTestApp({ rateLimitPerMinute: 0 });
    for (const url of ['/', '/api/clauses', '/no-such-page']) {
      const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
    await app.close();
  });
});

describe('rate limit on document generation', () => {
  it('200 quick requests from one address meet a 429 with Retry-After', async () => {
    const app = await buildTestApp({ rateLimitPerMinute: 60 });
    const payload = sampleInput('new-client-fixed');
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof app.inject>> | undefined;
    for (let i = 0; i < 200; i += 1) {
      // Invalid answers cost little to check but still count: the limit is on requests, not on successes.
      const response = await app.inject({ method: 'POST', url: '/api/contracts', payload: i % 2 ? payload : {}, headers: { 'content-type': 'application/json', accept: 'application/json' } });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) limited ??= response;
    }
    expect(statuses.slice(0, 60).every((s) => s !== 429)).toBe(true);
    expect(statuses.filter((s) => s === 429)).toHaveLength(140);
    expect(limited!.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited!.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited!.json()).toMatchObject({ status: 429, title: 'Too many requests' });
    // Reading the library is not limited.
    expect((await app.inject({ method: 'GET', url: '/api/clauses' })).statusCode).toBe(200);
    await app.close();
  });

  it('RATE_LIMIT_PER_MINUTE=0 turns the limit off', async () => {
    const app = await buildTestApp({ rateLimitPerMinute: 0 });
    for (let i = 0; i < 100; i += 1) {
      const response = await app.inject({ method: 'POST', url: '/api/contracts', payload: {}, headers: { 'content-type': 'application/json' } });
      expect(response.statusCode).toBe(400);
    }
    await app.close();
  });
});

describe('errors give nothing away', () => {
  it('an unexpected failure is a plain 500 with no message, stack or file path', async () => {
    const app = await buildTestApp({ rateLimitPerMinute: 0 });
    app.get('/api/boom', async () => {
      throw new Error('secret at /work/main/src/web/api.ts:42 password=hunter2');
    });
    const response = await app.inject({ method: 'GET', url: '/api/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).not.toMatch(/secret|hunter2|\.ts|\/work\/|at /);
    const page = await app.inject({ method: 'GET', url: '/api/boom', headers: { accept: 'text/html' } });
    expect(page.body).not.toMatch(/secret|hunter2|\.ts:/);
    await app.close();
  });

  it('a page that does not exist is a friendly 404 page', async () => {
    const app = await buildTestApp({ rateLimitPerMinute: 0 });
    const response = await app.inject({ method: 'GET', url: '/wp-admin/setup.php', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('Page not found');
    expect(response.body).not.toMatch(/node_modules|\.ts/);
    await app.close();
  });
});
