// The language link on a draft's pages changes the draft's language, so the
// contract, its letters and every later visit follow the choice. A draft
// complete in one language may not be in the other (a Japanese contract asks
// for its court's place, an English one for the governing law): then the
// link asks first, on a page of its own, and changes nothing until confirmed.
//
// A GET never writes (issue 24, finding 6: every `?lang=` toggle rewrote the
// whole draft, so a link or a crawler could make the server write at will).
// The link shows the page in the language asked for and remembers the choice
// in a cookie scoped to the draft's pages, so the next steps, the review and
// the downloads follow it; the next form the visitor sends (a POST, which
// writes anyway) saves it into the draft and drops the cookie.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../../answers/schema.ts';
import type { Draft, DraftStore } from '../../drafts/store.ts';
import { askedLanguage, isLanguage, useLanguage } from '../plugins/language.ts';
import { completeAnswers, isStepComplete } from './engine.ts';
import { draftUrl, gone, html, type DraftParams } from './pages.ts';
import { activeSteps, draftLanguage } from './steps.ts';

/** The language chosen on a draft's pages and not yet saved: `<language>.<tag of the draft>`. */
export const DRAFT_LANGUAGE_COOKIE = 'draft-lang';

/**
 * Which draft a pending choice belongs to. The cookie's path already keeps it
 * to one draft's pages; the tag makes sure of it (a client that ignores paths)
 * without putting the draft's id, a secret link, into another header.
 */
const draftTag = (id: string) => createHash('sha256').update(id).digest('base64url').slice(0, 12);

/**
 * The language the visitor chose for this draft and the draft does not hold
 * yet: the link followed now (`?lang=`), or the one followed before on this
 * draft's pages (the cookie). `undefined` when it is the draft's own.
 */
export function pendingLanguage(request: FastifyRequest, draft: Draft): Language | undefined {
  const remembered = rememberedLanguage(request, draft);
  const chosen = askedLanguage(request) ?? remembered;
  return chosen && chosen !== draftLanguage(draft.answers) ? chosen : undefined;
}

/** The cookie's language when it was chosen for this draft. */
function rememberedLanguage(request: FastifyRequest, draft: Draft): Language | undefined {
  const [language, tag] = (request.cookies?.[DRAFT_LANGUAGE_COOKIE] ?? '').split('.');
  return isLanguage(language) && tag === draftTag(draft.id) ? language : undefined;
}

const cookieOptions = (draft: Draft) => ({ path: draftUrl(draft.id), sameSite: 'lax' as const, httpOnly: true, secure: 'auto' as const });

/** Drops the remembered choice once the draft holds it (or holds its own language again). */
export function forgetPendingLanguage(request: FastifyRequest, reply: FastifyReply, draft: Draft): void {
  if (rememberedLanguage(request, draft)) reply.clearCookie(DRAFT_LANGUAGE_COOKIE, cookieOptions(draft));
}

/** The draft as the visitor sees it: its answers in the pending language, nothing saved. */
export function inPendingLanguage(request: FastifyRequest, draft: Draft): Draft {
  const pending = pendingLanguage(request, draft);
  return pending ? { ...draft, answers: { ...draft.answers, language: pending } } : draft;
}

/** `?lang=ja&confirm=1`: the visitor has read what the change costs. */
const CONFIRMED = '1';

/**
 * The draft in the language the visitor chose, or `undefined` once the reply
 * is sent: the page that asks before a complete draft becomes an incomplete
 * one. A GET shows the choice and remembers it; a POST saves it.
 */
export async function draftInAskedLanguage(request: FastifyRequest, reply: FastifyReply, store: DraftStore, draft: Draft): Promise<Draft | undefined> {
  const asked = pendingLanguage(request, draft);
  if (!asked) {
    // Back to the draft's own language: nothing left to remember.
    forgetPendingLanguage(request, reply, draft);
    return draft;
  }
  const switched = { ...draft.answers, language: asked };
  // A choice remembered in the cookie was confirmed (or needed no asking) when it was made.
  const confirmed = (request.query as { confirm?: unknown } | undefined)?.confirm === CONFIRMED || askedLanguage(request) === undefined;
  if (!confirmed && request.method === 'GET' && completeAnswers(draft.answers) && !completeAnswers(switched)) {
    await askFirst(request, reply, draft, asked, switched);
    return undefined;
  }
  if (request.method === 'GET') {
    reply.setCookie(DRAFT_LANGUAGE_COOKIE, `${asked}.${draftTag(draft.id)}`, cookieOptions(draft));
    return { ...draft, answers: switched };
  }
  const saved = await store.update(draft.id, (answers) => ({ ...answers, language: asked }));
  forgetPendingLanguage(request, reply, draft);
  return saved ?? draft;
}

/**
 * The draft a page of the draft shows, in the language its link asks for (the follow-up and invoices
 * pages and their forms); `undefined` once a reply is sent: the draft is gone, or switching its
 * language is asked about first on a page of its own.
 */
export async function draftForPage(request: FastifyRequest<{ Params: DraftParams }>, reply: FastifyReply, store: DraftStore): Promise<Draft | undefined> {
  const draft = await store.get(request.params.draftId);
  if (!draft) {
    gone(reply);
    return undefined;
  }
  return draftInAskedLanguage(request, reply, store, draft);
}

function askFirst(request: FastifyRequest, reply: FastifyReply, draft: Draft, asked: Language, switched: Draft['answers']) {
  // Shown in the language the visitor asked for; "keep" returns to the page in the draft's own.
  const { t } = useLanguage(request, reply, asked);
  const path = request.url.split('?')[0]!;
  const missing = activeSteps(switched).filter((step) => !isStepComplete(step, switched)).map((step) => step.title);
  const current = t(`language.in.${draftLanguage(draft.answers)}`);
  return html(reply).view('language-switch.eta', {
    title: t('languageSwitch.title', { language: t('language.name') }),
    lead: t('languageSwitch.lead', { current, language: t('language.name') }),
    missing,
    switchHref: `${path}?lang=${asked}&confirm=${CONFIRMED}`,
    switchText: t('languageSwitch.switch', { language: t('language.name') }),
    keepHref: path,
    keepText: t('languageSwitch.keep', { current }),
  });
}
