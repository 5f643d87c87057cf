// Post/Redirect/Get for "Continue from a file": an upload that cannot be read
// answers with a redirect to the home page, and the home page's GET says why.
// No draft exists yet to keep the sentence with, so it travels in a short-lived
// signed cookie (signed with the cookie secret every instance shares), read
// once and cleared. Back and reload after it never ask to send the file again.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface ImportError {
  readonly message: string;
  readonly problems: readonly string[];
}

const COOKIE = 'import-error';
/** Long enough for the redirect to be followed, short enough that a later visit starts clean. */
const MAX_AGE_SECONDS = 120;
// Browsers keep cookies up to 4,096 bytes, name and attributes included; the signature takes 44.
const MAX_VALUE_BYTES = 3_600;

function encode(error: ImportError): string {
  return deflateRawSync(Buffer.from(JSON.stringify(error))).toString('base64url');
}

/**
 * The error as a cookie value that fits: problems are dropped from the end (the
 * message says how many there are) until it does; long Japanese sentences
 * take three bytes a character before compression.
 */
function fitted(error: ImportError): string {
  let problems = [...error.problems];
  for (;;) {
    const value = encode({ message: error.message, problems });
    if (value.length <= MAX_VALUE_BYTES || problems.length === 0) return value;
    problems = problems.slice(0, -1);
  }
}

/** Keeps the error for the next GET of the home page. */
export function keepImportError(reply: FastifyReply, error: ImportError): void {
  reply.setCookie(COOKIE, fitted(error), { path: '/', httpOnly: true, sameSite: 'lax', signed: true, maxAge: MAX_AGE_SECONDS });
}

/** The error kept by the last upload, once: the cookie is cleared as it is read. A forged or damaged cookie reads as none. */
export function takeImportError(request: FastifyRequest, reply: FastifyReply): ImportError | undefined {
  const raw = request.cookies[COOKIE];
  if (raw === undefined) return undefined;
  reply.clearCookie(COOKIE, { path: '/' });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  try {
    const parsed = JSON.parse(inflateRawSync(Buffer.from(unsigned.value, 'base64url'), { maxOutputLength: 64 * 1024 }).toString('utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object') return undefined;
    const { message, problems } = parsed as { message?: unknown; problems?: unknown };
    if (typeof message !== 'string' || !Array.isArray(problems) || !problems.every((problem) => typeof problem === 'string')) return undefined;
    return { message, problems };
  } catch {
    return undefined;
  }
}
