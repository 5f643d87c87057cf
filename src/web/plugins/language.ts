// Which language a page is shown in, and the words it is shown with. In
// order: `?lang=ja` (the language link on every page; remembered in a
// cookie), the draft's own language on a draft's pages (set by the answers'
// `language`, so a resumed draft keeps it), the cookie, then the browser's
// Accept-Language. Views get `lang`, `t` and the links to the other
// languages from reply.locals; the API's problem details follow
// Accept-Language alone (problemLanguage).
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LANGUAGES, type Language } from '../../answers/schema.ts';
import { messagesFor, type Messages } from '../../language/messages.ts';

export const LANGUAGE_COOKIE = 'lang';
/** A year: the choice is a preference, not a secret. */
const COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** `?lang=ja`, when the request names a language this site has. */
export function askedLanguage(request: FastifyRequest): Language | undefined {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  return isLanguage(asked) ? asked : undefined;
}

/** The browser's preference among the languages this site has (English when it names none of them). */
export function acceptedLanguage(request: FastifyRequest): Language {
  if (!request.headers['accept-language']) return 'en';
  const chosen = request.language([...LANGUAGES]);
  return isLanguage(chosen) ? chosen : 'en';
}

/** The language of a page that belongs to no draft: the link followed, the one chosen before, or the browser's. */
export function requestLanguage(request: FastifyRequest): Language {
  const remembered = request.cookies?.[LANGUAGE_COOKIE];
  return askedLanguage(request) ?? (isLanguage(remembered) ? remembered : acceptedLanguage(request));
}

/** The language the API's problem details are written in: the request's Accept-Language. */
export const problemLanguage = acceptedLanguage;

export interface PageLanguage {
  readonly lang: Language;
  readonly t: Messages['t'];
  /** The same page in each other language. */
  readonly otherLanguages: readonly { lang: Language; name: string; href: string }[];
}

// @fastify/view merges reply.locals into every view's data; its types do not declare it.
const locals = (reply: FastifyReply) => (reply as unknown as { locals?: Record<string, unknown> }).locals;
function setLocals(reply: FastifyReply, values: Record<string, unknown>): void {
  (reply as unknown as { locals: Record<string, unknown> }).locals = { ...locals(reply), ...values };
}

/** The current page's address (or `path`, the page a form was sent from) with `lang` set, other query parameters kept. */
function hrefIn(request: FastifyRequest, language: Language, path?: string): string {
  const url = new URL(path ?? request.url, 'http://localhost');
  url.searchParams.set('lang', language);
  return `${url.pathname}${url.search}`;
}

/**
 * Shows this reply's page in `language`: `<html lang>`, its words and its
 * language links. A page answering a form (its errors, an email's text) has
 * no address of its own to reload: `path` names the page the links lead to.
 */
export function useLanguage(request: FastifyRequest, reply: FastifyReply, language: Language, path?: string): Messages {
  const messages = messagesFor(language);
  const page: PageLanguage = {
    lang: language,
    t: messages.t,
    otherLanguages: LANGUAGES.filter((other) => other !== language).map((other) => ({
      lang: other,
      // Each language's name in itself: 日本語, English.
      name: messagesFor(other).t('language.name'),
      href: hrefIn(request, other, path),
    })),
  };
  setLocals(reply, { ...page });
  return messages;
}

/** The words a reply's page is shown in (set by useLanguage). */
export function pageMessages(reply: FastifyReply): Messages {
  const lang = (locals(reply) as Partial<PageLanguage> | undefined)?.lang;
  return messagesFor(isLanguage(lang) ? lang : 'en');
}

/**
 * Every request starts in the request's language; a draft's pages then
 * switch to the draft's. A followed language link is remembered.
 */
export const languagePlugin = fp(
  async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      const asked = askedLanguage(request);
      if (asked) reply.setCookie(LANGUAGE_COOKIE, asked, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: COOKIE_MAX_AGE, secure: 'auto' });
      useLanguage(request, reply, requestLanguage(request));
    });
  },
  { name: 'language', dependencies: ['@fastify/cookie', '@fastify/accepts'] },
);
