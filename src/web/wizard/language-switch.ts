// The language link on a draft's pages changes the draft's language, so the
// contract, its letters and every later visit follow the choice. A draft
// complete in one language may not be in the other (a Japanese contract asks
// for its court's place, an English one for the governing law): then the
// link asks first, on a page of its own, and changes nothing until confirmed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../../answers/schema.ts';
import type { Draft, DraftStore } from '../../drafts/store.ts';
import { askedLanguage, useLanguage } from '../plugins/language.ts';
import { completeAnswers, isStepComplete } from './engine.ts';
import { gone, html, type DraftParams } from './pages.ts';
import { activeSteps, draftLanguage } from './steps.ts';

/** `?lang=ja&confirm=1`: the visitor has read what the change costs. */
const CONFIRMED = '1';

/**
 * The draft in the language the link asked for, or `undefined` once the reply
 * is sent: the page that asks before a complete draft becomes an incomplete one.
 */
export async function draftInAskedLanguage(request: FastifyRequest, reply: FastifyReply, store: DraftStore, draft: Draft): Promise<Draft | undefined> {
  const asked = askedLanguage(request);
  if (!asked || asked === draftLanguage(draft.answers)) return draft;
  const switched = { ...draft.answers, language: asked };
  const confirmed = (request.query as { confirm?: unknown } | undefined)?.confirm === CONFIRMED;
  if (!confirmed && request.method === 'GET' && completeAnswers(draft.answers) && !completeAnswers(switched)) {
    await askFirst(request, reply, draft, asked, switched);
    return undefined;
  }
  return (await store.update(draft.id, (answers) => ({ ...answers, language: asked }))) ?? draft;
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
