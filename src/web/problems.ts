// Errors at the HTTP edge, as RFC 9457 problem details
// (application/problem+json): one entry per field a person must fix, with a
// dotted path (`deposit.percent`) and a sentence, never a stack trace.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DraftStoreUnavailableError } from '../drafts/store.ts';
import { say } from '../language/messages.ts';

export interface FieldProblem {
  /** Dotted path of the field: `client.phone`, `project.deliverables.2`. */
  readonly path: string;
  readonly message: string;
}

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly FieldProblem[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const TYPE_BASE = '/docs/problems#';

/** An error whose message is safe and useful to show the person who sent the request. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: readonly FieldProblem[],
    readonly slug = title.toLowerCase().replace(/[^a-z]+/g, '-'),
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }

  toJSON(): ProblemDetails {
    return {
      type: `${TYPE_BASE}${this.slug}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly keys?: readonly string[];
}

/** Zod issues as field problems; an unknown key is reported at its own path. */
export function fieldProblems(issues: readonly IssueLike[], prefix: readonly PropertyKey[] = []): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    const base = [...prefix, ...issue.path].map(String);
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      for (const key of issue.keys) {
        problems.push({ path: [...base, key].join('.'), message: say('answers.unknownKey', { key }) });
      }
    } else {
      problems.push({ path: base.join('.'), message: issue.message });
    }
  }
  return problems;
}

export function validationProblem(errors: readonly FieldProblem[]): HttpProblem {
  const count = errors.length;
  return new HttpProblem(
    400,
    'Invalid answers',
    count === 1 ? `One answer needs fixing: ${errors[0]!.path || 'the request'}.` : `${count} answers need fixing.`,
    errors,
    'invalid-answers',
  );
}

/** Maps anything thrown in a request to a problem a person can act on. */
export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof DraftStoreUnavailableError) {
    return new HttpProblem(503, 'Try again in a moment', 'Saved drafts cannot be reached just now. Nothing saved is lost: try again in a moment.', undefined, 'unavailable');
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext;
    const issues = error.validation.map((entry) => ({
      path: entry.instancePath.split('/').filter(Boolean),
      message: entry.message ?? say('answers.notValid'),
      code: entry.keyword,
      keys: (entry.params as { keys?: string[] }).keys,
    }));
    return validationProblem(fieldProblems(issues, context && context !== 'body' ? [context] : []));
  }
  const fastifyError = error as Partial<FastifyError>;
  // No JSON syntax or empty-body case: app.ts replaces Fastify's JSON parser
  // with one that throws an HttpProblem saying what is wrong and where.
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem(413, 'Request too large', 'The request body is larger than this server accepts.', undefined, 'too-large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpProblem(415, 'Unsupported content type', 'Send the answers as JSON with the header Content-Type: application/json.', undefined, 'unsupported-media-type');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpProblem(400, 'Bad request', 'The Content-Length header does not match the body.', undefined, 'bad-request');
  }
  const status = fastifyError.statusCode ?? 500;
  if (status === 429) return new HttpProblem(429, 'Too many requests', 'Too many documents from this address; wait a minute and try again.', undefined, 'rate-limited');
  if (status >= 400 && status < 500) {
    // Fastify's own 4xx messages are written for developers but contain no secrets.
    return new HttpProblem(status, 'Bad request', fastifyError.message ?? 'The request could not be understood.', undefined, 'bad-request');
  }
  return new HttpProblem(500, 'Something went wrong', 'The server could not finish this request. Nothing you sent was kept; please try again.', undefined, 'internal');
}

export function sendProblem(reply: FastifyReply, problem: HttpProblem): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem.toJSON());
}

/** True when the client asked for a page rather than data (a browser following a link). */
export function wantsHtml(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
}
