// What a request's log line shows (the logger's `req` serializer). Its own
// file so that the mutation run (npm run test:mutation -- web-rules) can
// change this rule alone and run only the tests that read the logs.

/**
 * A request as its log line shows it. A draft id is a bearer link to
 * someone's answers, so `/wizard/<id>/step` is logged as `/wizard/…/step`;
 * the query string (an import's or a step's options) is left out too. The
 * path is judged as the router reads it, decoded (`/%77izard/<id>` reaches
 * the same page), and in any case; a path that does not decode is not logged.
 */
export function loggedPath(url: string): string {
  const raw = url.split('?')[0]!;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return '(a path that is not valid percent-encoding)';
  }
  // An engagement's links (`/sign/<link>`, `/engagements/<link>`) are bearer links too.
  return path.replace(/^\/+wizard\/+(?!deleted$)[^/]+/i, '/wizard/…').replace(/^\/+(sign|engagements)\/+[^/]+/i, (_match, page: string) => `/${page.toLowerCase()}/…`);
}

/** The logger's serializer for a request: method, redacted path and the client's address, nothing else. */
export function logRequest(request: { method: string; url: string; ip?: string }) {
  return { method: request.method, url: loggedPath(request.url), remoteAddress: request.ip };
}
