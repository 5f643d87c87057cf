// Helmet's security headers (Content-Security-Policy, X-Content-Type-Options,
// Referrer-Policy, HSTS behind a proxy, ...) on every response, worked out
// once. @fastify/helmet calls helmet's middleware factory on every request,
// which validates the options and writes every header value again (the
// Content-Security-Policy from its directives): the bench's profile of
// POST /api/contracts found it a few per cent of the request. The headers
// depend only on the options, so helmet's middleware runs once at start-up
// against a recording response, and each request gets what it recorded, set
// on the raw response as helmet sets them (so a route's own header, such as
// the API reference's Content-Security-Policy, still wins).
import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/** The headers helmet sets with these options, by name, as it would set them on a response. */
export function helmetHeaders(options: Readonly<HelmetOptions>): ReadonlyMap<string, string> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name, String(value));
      return recorder;
    },
    // Helmet removes X-Powered-By, which Fastify never sets.
    removeHeader(name: string) {
      headers.delete(name);
    },
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

export const securityHeadersPlugin = fp<HelmetOptions>(
  async (app, options) => {
    const headers = [...helmetHeaders(options)];
    app.addHook('onRequest', (_request, reply, done) => {
      for (const [name, value] of headers) reply.raw.setHeader(name, value);
      done();
    });
  },
  { name: 'security-headers', fastify: '5.x' },
);
