// The wizard's CSRF rule: which cookie holds the secret, where a form's token
// is read, and which errors are a failed check (answered with the 403 page).
// Its own file so that the mutation run (npm run test:mutation -- web-rules)
// can change this rule alone and run only the tests that post forms.
import type { FastifyCsrfProtectionOptions } from '@fastify/csrf-protection';
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
