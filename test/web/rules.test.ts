// The web's rule files, each stated as what reaches a browser, a log or a
// proxy's client, with every expected value written out: what a request's log
// line shows, whom TRUST_PROXY believes, which failures are the CSRF page, and
// the browser-side policies. These rules also run under the HTTP tests; here
// each edge is pinned without building an app, so the mutation run
// (`npm run test:mutation -- web-rules`) tells every change apart in seconds.
import { describe, expect, it } from 'vitest';
import { helmetHeaders } from '../../src/web/plugins/security-headers.ts';
import { PERMISSIONS_POLICY, securityOptions } from '../../src/web/security-policy.ts';
import { logRequest, loggedPath } from '../../src/web/log-redaction.ts';
import { fastifyTrustProxy } from '../../src/web/proxy-trust.ts';
import { CSRF_OPTIONS, isCsrfFailure } from '../../src/web/csrf.ts';
import { budgetKey } from '../../src/web/rate-limits.ts';
import { STANDALONE_STYLE_CSP_HASH } from '../../src/render/html.ts';
import type { FastifyRequest } from 'fastify';

describe('a request log line never shows a bearer link', () => {
  it.each([
    ['/wizard/AbC123xyz/parties', '/wizard/…/parties'],
    ['/wizard/AbC123xyz', '/wizard/…'],
    ['/wizard/AbC123xyz/answers.json?download=1', '/wizard/…/answers.json'],
    // As the router reads it: decoded, any case, doubled slashes.
    ['/%77izard/AbC123xyz/review', '/wizard/…/review'],
    ['/WIZARD/AbC123xyz', '/wizard/…'],
    ['//wizard//AbC123xyz', '/wizard/…'],
    ['/sign/k3y-of-the-client', '/sign/…'],
    ['/Sign/k3y-of-the-client/contract.docx', '/sign/…/contract.docx'],
    ['/engagements/k3y/certificate.json', '/engagements/…/certificate.json'],
    ['//sign/k3y', '/sign/…'],
    ['/sign//k3y/signed.docx', '/sign/…/signed.docx'],
    // Only the page /wizard/deleted is not a link: a draft id that begins with "deleted" is one.
    ['/wizard/deletedAbC123/parties', '/wizard/…/parties'],
  ])('%s is logged as %s', (url, logged) => {
    expect(loggedPath(url)).toBe(logged);
  });

  it('leaves paths without a link as they are, without their query', () => {
    expect(loggedPath('/wizard/deleted')).toBe('/wizard/deleted');
    expect(loggedPath('/wizard')).toBe('/wizard');
    expect(loggedPath('/api/contracts?format=docx&name=Jane')).toBe('/api/contracts');
    // Only a path that starts with the page is a link: an asset named "sign" is not one.
    expect(loggedPath('/assets/wizard/x.css')).toBe('/assets/wizard/x.css');
    expect(loggedPath('/docs/sign/x')).toBe('/docs/sign/x');
  });

  it('logs a path that does not decode as a description, not as sent', () => {
    expect(loggedPath('/wizard/%E0%A4%A/step')).toBe('(a path that is not valid percent-encoding)');
  });

  it('a line holds the method, the redacted path and the address, and nothing else', () => {
    expect(logRequest({ method: 'POST', url: '/wizard/AbC123xyz/fees?x=1', ip: '203.0.113.9' })).toEqual({
      method: 'POST',
      url: '/wizard/…/fees',
      remoteAddress: '203.0.113.9',
    });
  });
});

describe('TRUST_PROXY decides which X-Forwarded-For entry is the client', () => {
  it('off: no proxy is believed', () => {
    expect(fastifyTrustProxy(false)).toBe(false);
  });

  it('a list of addresses: exactly those proxies', () => {
    const list = ['10.0.0.1', '10.0.0.2'];
    expect(fastifyTrustProxy(list)).toEqual(['10.0.0.1', '10.0.0.2']);
  });

  it.each([
    [1, [true, false, false]],
    [2, [true, true, false]],
    [3, [true, true, true]],
  ])('a hop count of %i believes that many hops nearest the app', (hops, believed) => {
    const trust = fastifyTrustProxy(hops) as (address: string, hop: number) => boolean;
    expect(typeof trust).toBe('function');
    expect([0, 1, 2].map((hop) => trust('198.51.100.7', hop))).toEqual(believed);
  });
});

describe('whose budget a request draws on', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    // An IPv4 client reaching a dual-stack socket is still its IPv4 address.
    ['::ffff:192.168.100.200', '192.168.100.200'],
    ['::FFFF:10.20.30.40', '10.20.30.40'],
    // An IPv6 client is its /64, however its address is spelt.
    ['2001:db8:1:2:aaaa::1', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['1::ffff:10.20.30.40', '1:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s draws on the budget of %s', (ip, key) => {
    expect(budgetKey(ip)).toBe(key);
  });
});

describe('the CSRF check', () => {
  it('a missing or wrong token, or no secret cookie, is the CSRF page; any other failure is not', () => {
    expect(isCsrfFailure({ code: 'FST_CSRF_INVALID_TOKEN' })).toBe(true);
    expect(isCsrfFailure({ code: 'FST_CSRF_MISSING_SECRET' })).toBe(true);
    expect(isCsrfFailure({ code: 'FST_ERR_CTP_BODY_TOO_LARGE' })).toBe(false);
    expect(isCsrfFailure(new Error('database down'))).toBe(false);
  });

  it('its cookie is site-wide, Lax, out of scripts\' reach, signed, and Secure when the request came over HTTPS', () => {
    expect(CSRF_OPTIONS.sessionPlugin).toBe('@fastify/cookie');
    expect(CSRF_OPTIONS.cookieOpts).toEqual({ path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure: 'auto' });
  });

  it('reads the token from the form\'s _csrf field (the first one when repeated), nowhere else', () => {
    const token = (body: unknown) => CSRF_OPTIONS.getToken!({ body, headers: { 'csrf-token': 'from-a-header' } } as unknown as FastifyRequest);
    expect(token({ _csrf: 'abc' })).toBe('abc');
    expect(token({ _csrf: ['first', 'second'] })).toBe('first');
    expect(token({ csrf: 'abc' })).toBeUndefined();
    expect(token(undefined)).toBeUndefined();
  });
});

/** The headers a browser gets, by lower-case name. */
const headersFor = (behindHttpsProxy: boolean) =>
  new Map([...helmetHeaders(securityOptions(behindHttpsProxy))].map(([name, value]) => [name.toLowerCase(), value]));

describe('the browser-side policies', () => {
  it('the Content-Security-Policy allows only this site\'s scripts, styles, images and forms, and no framing or plugins', () => {
    const csp = headersFor(false).get('content-security-policy')!.split(';');
    expect(csp).toEqual([
      "default-src 'self'",
      "base-uri 'self'",
      "font-src 'self' https: data:",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "img-src 'self' data:",
      "object-src 'none'",
      "script-src 'self'",
      "script-src-attr 'none'",
      `style-src 'self' ${STANDALONE_STYLE_CSP_HASH}`,
    ]);
  });

  it('served directly (plain HTTP): no HSTS and no upgrade-insecure-requests, which would send browsers to an https:// that does not answer', () => {
    const headers = headersFor(false);
    expect(headers.has('strict-transport-security')).toBe(false);
    expect(headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
  });

  it('behind an HTTPS proxy: HSTS for a year with subdomains, and upgrade-insecure-requests', () => {
    const headers = headersFor(true);
    expect(headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(headers.get('content-security-policy')!.split(';')).toContain('upgrade-insecure-requests');
  });

  it('the Permissions-Policy denies every device and tracking feature; the Copy buttons keep clipboard-write for this site', () => {
    expect(PERMISSIONS_POLICY.split(', ')).toEqual([
      'camera=()',
      'microphone=()',
      'geolocation=()',
      'payment=()',
      'usb=()',
      'serial=()',
      'bluetooth=()',
      'hid=()',
      'midi=()',
      'magnetometer=()',
      'gyroscope=()',
      'accelerometer=()',
      'display-capture=()',
      'interest-cohort=()',
      'browsing-topics=()',
      'clipboard-read=()',
      'clipboard-write=(self)',
    ]);
  });
});
