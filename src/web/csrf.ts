// The wizard's CSRF rule: which cookie holds the secret, where a form's token
// is read, and which errors are a failed check (answered with the 403 page).
// Its own file so that the mutation run (npm run test:mutation -- web-rules)
// can change this rule alone and run only the tests that post forms.
import type { FastifyCsrfProtectionOptions } from '@fastify/csrf-protection';
import type { FastifyRequest, RouteOptions } from 'fastify';
import { single } from './wizard/form-values.ts';

export const CSRF_OPTIONS: FastifyCsrfProtectionOptions = {
  sessionPlugin: '@fastify/cookie',
  // Lax: a link from an email still opens a draft; a form posted from another site carries no cookie.
  // Secure only behind a proxy that says the request came over HTTPS (served directly, the app speaks HTTP).
  cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure: 'auto' },
  getToken: (request) => single((request.body as Record<string, unknown> | undefined)?._csrf),
};

// Of `string | undefined` so that an error without a code is simply not in it.
const CSRF_ERRORS = new Set<string | undefined>(['FST_CSRF_INVALID_TOKEN', 'FST_CSRF_MISSING_SECRET']);

/** Whether an error is a failed CSRF check (no token, a wrong one, no cookie), not some other failure. */
export function isCsrfFailure(error: unknown): boolean {
  return CSRF_ERRORS.has((error as { code?: string }).code);
}

/** The cookie @fastify/csrf-protection keeps a visitor's secret in (its default cookieKey). */
export const CSRF_COOKIE = '_csrf';

/** The same error the plugin throws without its cookie, so the same 403 page answers. */
function missingSecret(): Error {
  return Object.assign(new Error('Missing csrf secret'), { code: 'FST_CSRF_MISSING_SECRET', statusCode: 403 });
}

/**
 * preParsing: a form posted without the CSRF cookie is refused before its
 * body is read. The token itself is in the body (a form without script can
 * put it nowhere else), so the full check waits for preValidation; but a
 * request with no signed secret cookie can never pass it, and reading its
 * megabyte first is what let 400 held sockets grow the server by 370 MB
 * (issue 24, finding 4). Every page of the site sets the cookie, so a
 * person's form always carries it.
 */
export async function csrfCookieFirst(request: FastifyRequest): Promise<void> {
  const signed = request.cookies?.[CSRF_COOKIE];
  if (!signed || !request.unsignCookie(signed).valid) throw missingSecret();
}

/** Adds csrfCookieFirst before the body of every route whose preValidation runs `check` (the CSRF check). */
export function withCsrfCookieFirst(route: RouteOptions, check: unknown): void {
  const validators = ([] as unknown[]).concat(route.preValidation ?? []);
  if (!validators.includes(check)) return;
  route.preParsing = [csrfCookieFirst as unknown as NonNullable<RouteOptions['preParsing']>, ...([] as unknown[]).concat(route.preParsing ?? [])] as RouteOptions['preParsing'];
}
