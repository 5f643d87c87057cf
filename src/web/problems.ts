// Errors at the HTTP edge, as RFC 9457 problem details
// (application/problem+json): one entry per field a person must fix, with a
// dotted path (`deposit.percent`) and a sentence, never a stack trace. The
// sentences come from the message catalogues (`problem.*`, `answers.*` and
// each request's own: `letterRequest.*`, `invoiceRequest.*`, `scheduleRequest.*`,
// `clausesQuery.*`), in the language the request asks for (problemIn, toProblemIn).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Language } from '../answers/schema.ts';
import { DraftStoreUnavailableError } from '../drafts/store.ts';
import { inLanguage, messagesFor, say, type MessageParams, type Messages } from '../language/messages.ts';
import { unknownKey } from '../language/unknown-keys.ts';

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
  /** How many problems past the first MAX_PROBLEMS_LISTED are not listed in `errors`. */
  readonly moreErrors?: number;
}

/**
 * The problems a response lists: enough to fix a request in a few rounds, and
 * a bound on its size (95,000 unknown keys once made a 9.5 MB answer). The
 * detail still counts them all; `moreErrors` says how many are not listed.
 */
export const MAX_PROBLEMS_LISTED = 20;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const TYPE_BASE = '/docs/problems#';

/** The catalogue's sentence for a problem's detail, so it can be written in another language. */
export interface ProblemWords {
  readonly key: string;
  readonly params?: MessageParams;
}

/** An error whose message is safe and useful to show the person who sent the request. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: readonly FieldProblem[],
    readonly slug = title.toLowerCase().replace(/[^a-z]+/g, '-'),
    readonly words?: ProblemWords,
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }

  /** A problem worded by the catalogue: title `problem.<slug>.title`, detail `problem.<slug>.detail` (or `detailKey`), in English. */
  static of(status: number, slug: string, params?: MessageParams, detailKey = `problem.${slug}.detail`): HttpProblem {
    const { t } = messagesFor('en');
    return new HttpProblem(status, t(`problem.${slug}.title`), t(detailKey, params), undefined, slug, { key: detailKey, params });
  }

  toJSON(): ProblemDetails {
    return {
      type: `${TYPE_BASE}${this.slug}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(this.errors ? { errors: this.errors.slice(0, MAX_PROBLEMS_LISTED) } : {}),
      ...(this.errors && this.errors.length > MAX_PROBLEMS_LISTED ? { moreErrors: this.errors.length - MAX_PROBLEMS_LISTED } : {}),
    };
  }
}

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly keys?: readonly string[];
}

/** Zod issues as field problems; an unknown key is reported at its own path, saying what it is not part of. */
export function fieldProblems(issues: readonly IssueLike[], prefix: readonly PropertyKey[] = []): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    const base = [...prefix, ...issue.path].map(String);
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      // The schema's message says which part (the answers, an invoice, an expense…); see language/unknown-keys.ts.
      for (const key of issue.keys) problems.push({ path: [...base, key].join('.'), message: unknownKey(issue.message, key) });
    } else {
      problems.push({ path: base.join('.'), message: issue.message });
    }
  }
  return problems;
}

export function validationProblem(errors: readonly FieldProblem[]): HttpProblem {
  const words = { key: 'problem.invalid-answers.detail', params: { count: errors.length, path: errors[0]?.path || say('problem.theRequest') } };
  return new HttpProblem(400, say('problem.invalid-answers.title'), say(words.key, words.params), errors, 'invalid-answers', words);
}

/** Maps anything thrown in a request to a problem a person can act on. */
export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof DraftStoreUnavailableError) {
    return HttpProblem.of(503, 'unavailable');
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
      return HttpProblem.of(413, 'too-large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return HttpProblem.of(415, 'unsupported-media-type');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return HttpProblem.of(400, 'bad-request', undefined, 'problem.bad-request.contentLength');
  }
  const status = fastifyError.statusCode ?? 500;
  if (status === 429) return HttpProblem.of(429, 'rate-limited');
  if (status >= 400 && status < 500) {
    // Fastify's own 4xx messages are written for developers but contain no secrets.
    return new HttpProblem(status, 'Bad request', fastifyError.message ?? 'The request could not be understood.', undefined, 'bad-request');
  }
  return HttpProblem.of(500, 'internal');
}

/** The problem written in another language: its title and detail from the catalogue, where it has them. */
export function problemIn(problem: HttpProblem, messages: Messages): HttpProblem {
  const titleKey = `problem.${problem.slug}.title`;
  return new HttpProblem(
    problem.status,
    messages.has(titleKey) ? messages.t(titleKey) : problem.title,
    problem.words ? messages.t(problem.words.key, problem.words.params) : problem.detail,
    problem.errors,
    problem.slug,
    problem.words,
  );
}

/**
 * The problem for a request, in `language`. A schema's problems are found
 * again in that language (the route's own schema, on the request's own
 * data), so each field keeps its path and gets the language's sentence.
 */
export function toProblemIn(error: unknown, request: FastifyRequest, language: Language): HttpProblem {
  const problem = toProblem(error);
  if (language === 'en') return problem;
  return inLanguage(language, () => {
    const again = hasZodFastifySchemaValidationErrors(error) ? revalidated(request, (error as { validationContext?: string }).validationContext ?? 'body') : undefined;
    return problemIn(again ? validationProblem(again) : problem, messagesFor(language));
  });
}

interface SafeParser {
  safeParse(data: unknown): { success: boolean; error?: { issues: readonly IssueLike[] } };
}

function revalidated(request: FastifyRequest, context: string): FieldProblem[] | undefined {
  const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[context] as Partial<SafeParser> | undefined;
  if (typeof schema?.safeParse !== 'function') return undefined;
  const data = context === 'querystring' ? request.query : context === 'params' ? request.params : context === 'headers' ? request.headers : request.body;
  const result = schema.safeParse(data);
  return result.success || !result.error ? undefined : fieldProblems(result.error.issues, context !== 'body' ? [context] : []);
}

export function sendProblem(reply: FastifyReply, problem: HttpProblem): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem.toJSON());
}

/** True when the client asked for a page rather than data (a browser following a link). */
export function wantsHtml(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
}
