// Requests Node's HTTP parser refuses before Fastify sees them (a header with
// a control character, headers past 16 kB, a request that took longer than
// REQUEST_TIMEOUT_SECONDS): Fastify's default answer is a bare JSON 400
// without the security headers, logged only at trace and counted nowhere.
// Here each is answered as every other problem is, on the raw socket (there
// is no request or reply yet), then the connection is closed.
import type { Socket } from 'node:net';
import { HttpProblem, PROBLEM_CONTENT_TYPE } from './problems.ts';

/** The parser's code for a request whose headers took longer than allowed, or whose body did. */
const TIMEOUT_CODES = new Set(['ERR_HTTP_REQUEST_TIMEOUT']);
const HEADER_OVERFLOW_CODES = new Set(['HPE_HEADER_OVERFLOW', 'ERR_HTTP_HEADERS_TOO_LARGE']);

const REASONS: Readonly<Record<number, string>> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** The problem a refused request is answered with; the parser's own message (which may quote the request) is left out. */
export function clientErrorProblem(code: string | undefined): HttpProblem {
  if (code !== undefined && TIMEOUT_CODES.has(code)) return HttpProblem.of(408, 'request-timeout');
  if (code !== undefined && HEADER_OVERFLOW_CODES.has(code)) return HttpProblem.of(431, 'headers-too-large');
  return HttpProblem.of(400, 'bad-request', undefined, 'problem.bad-request.header');
}

export interface ClientErrorContext {
  /** The headers every response carries (security headers, Cache-Control). */
  readonly headers: Iterable<readonly [string, string]>;
  readonly log: { info(object: object, message: string): void };
  /** Counts the refusal in the metrics, when they are on. */
  readonly count?: (status: number) => void;
}

/** Fastify's `clientErrorHandler`: answers, logs and counts a request the parser refused. */
export function answerClientError(error: Error & { code?: string }, socket: Socket, context: ClientErrorContext): void {
  // A client that hung up is no one to answer, and not worth a log line each.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = clientErrorProblem(error.code);
  context.log.info({ code: error.code, status: problem.status }, 'request refused by the HTTP parser');
  context.count?.(problem.status);
  if (socket.writable) {
    // English: Accept-Language is one of the headers that could not be read.
    const body = JSON.stringify(problem.toJSON());
    const lines = [
      `HTTP/1.1 ${problem.status} ${REASONS[problem.status] ?? 'Bad Request'}`,
      `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      ...[...context.headers].map(([name, value]) => `${name}: ${value}`),
    ];
    socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroySoon();
}

