// Headers a browser acts on: over plain HTTP nothing may push it to https
// (a LAN address would then break), features the app never uses are denied,
// the contract preview keeps its styling under the app's own CSP, and no
// response carrying someone's answers is kept by a cache.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/test-app.ts';
import { sampleInput } from '../helpers/samples.ts';

describe('HTTPS headers follow TRUST_PROXY', () => {
  it('served directly (plain HTTP): no HSTS and no upgrade-insecure-requests', async () => {
    const app = await buildTestApp();
    const response = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(String(response.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    await app.close();
  });

  it('behind a proxy (HTTPS there): HSTS and upgrade-insecure-requests are on', async () => {
    const app = await buildTestApp({ trustProxy: 1 });
    const response = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    await app.close();
  });
});

describe('Permissions-Policy', () => {
  it('denies camera, microphone, geolocation, payment, usb and FLoC; the Copy buttons keep clipboard-write', async () => {
    const app = await buildTestApp();
    // The health and metrics routes are registered before the hook that adds the header: they carry it too.
    for (const url of ['/', '/api/clauses', '/no-such-page', '/healthz', '/readyz', '/metrics', '/docs', '/assets/app.css']) {
      const policy = String((await app.inject({ method: 'GET', url })).headers['permissions-policy']);
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'interest-cohort']) {
        expect(policy).toContain(`${feature}=()`);
      }
      expect(policy).toContain('clipboard-write=(self)');
    }
    await app.close();
  });
});

describe('the Accept: text/html preview under the CSP', () => {
  it('every <style> in the page is allowed by a hash in style-src, without unsafe-inline', async () => {
    const app = await buildTestApp();
    const response = await app.inject({ method: 'POST', url: '/api/contracts', payload: sampleInput('new-client-fixed'), headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(200);
    const styles = [...response.body.matchAll(/<style>([^<]*)<\/style>/g)].map((match) => match[1]!);
    expect(styles.length).toBeGreaterThan(0);
    const csp = String(response.headers['content-security-policy']);
    const styleSrc = csp.split(';').find((directive) => directive.trim().startsWith('style-src'))!;
    expect(styleSrc).not.toContain('unsafe-inline');
    for (const style of styles) {
      expect(styleSrc).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    }
    await app.close();
  });
});

describe('Cache-Control: no-store on everything that carries answers', () => {
  it('contract JSON and HTML, a wizard page and the answers download', async () => {
    const app = await buildTestApp();
    const payload = sampleInput('new-client-fixed');
    for (const accept of ['application/json', 'text/html']) {
      const response = await app.inject({ method: 'POST', url: '/api/contracts', payload, headers: { accept } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
    }
    const started = await app.inject({ method: 'POST', url: '/wizard', headers: { accept: 'text/html' } });
    const location = String(started.headers.location);
    expect(location).toMatch(/^\/wizard\/[^/]+\/\w/);
    const draftId = location.split('/')[2]!;
    for (const url of [location, `/wizard/${draftId}/answers.json`]) {
      const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.headers['cache-control']).toBe('no-store');
    }
    // The stylesheet carries nothing personal and may be cached.
    const css = await app.inject({ method: 'GET', url: '/assets/app.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).not.toBe('no-store');
    await app.close();
  });
});

describe("helmet's headers, worked out once at start-up, on every response", () => {
  // They used to be rebuilt by @fastify/helmet on each request; computed once
  // (src/web/plugins/security-headers.ts) they must still reach pages, files,
  // errors and 404s alike, and the API reference keeps its own policy.
  it('pages, the Word file, a 400, a 404 and a static file carry the same set', async () => {
    const app = await buildTestApp();
    const responses = [
      await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } }),
      await app.inject({ method: 'POST', url: '/api/contracts', payload: sampleInput('new-client-fixed') }),
      await app.inject({ method: 'POST', url: '/api/contracts', payload: '{', headers: { 'content-type': 'application/json' } }),
      await app.inject({ method: 'GET', url: '/no-such-page' }),
      await app.inject({ method: 'GET', url: '/assets/app.css' }),
    ];
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 400, 404, 200]);
    for (const response of responses) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    }
    const reference = await app.inject({ method: 'GET', url: '/docs/' });
    expect(String(reference.headers['content-security-policy'])).not.toBe(String(responses[0]!.headers['content-security-policy']));
    await app.close();
  });
});
