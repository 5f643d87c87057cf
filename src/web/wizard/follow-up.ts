// "When the client goes quiet": the article's follow-up playbook for a
// finished draft, with its calendar (.ics) and each of its letters (Word file
// or email text), asking only for what each letter needs. Registered inside
// the wizard's plugin (routes.ts), so every form here carries the wizard's
// CSRF token and a forged one gets the wizard's 403 page.
//
//   GET  /wizard/:draftId/follow-up            the page
//   POST /wizard/:draftId/follow-up/calendar   the .ics, or the page again with errors
//   POST /wizard/:draftId/follow-up/:kind      action=docx: the Word file; action=email: the email page
import { englishOnly } from '../plugins/language.ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { toIsoDate } from '../../answers/dates.ts';
import type { Answers } from '../../answers/schema.ts';
import type { ClauseLibrary } from '../../clauses/load.ts';
import { safeFileStem } from '../../contract/file-name.ts';
import { sendDownload } from '../download.ts';
import type { Draft, DraftStore } from '../../drafts/store.ts';
import { assembleLetter } from '../../letters/assemble.ts';
import { renderLetterText } from '../../letters/plain-text.ts';
import { INVOICE_LETTERS, isLetterKind, type LetterKind } from '../../letters/request.ts';
import { renderLetterDocx } from '../../render/docx.ts';
import { scheduleCalendarFile } from '../../schedule/ics.ts';
import { DOCX_TYPE } from '../api.ts';
import { CALENDAR_TYPE } from '../letters-api.ts';
import { completeAnswers, type FieldError } from './engine.ts';
import {
  followUpPage,
  hiddenInputs,
  letterFigures,
  readCalendarForm,
  readLetterForm,
  savedFollowUp,
  validateCalendar,
  validateLetter,
  withSaved,
} from './follow-up-model.ts';
import { single, type FormValues } from './form-values.ts';
import { invoicesForLetters, MADE_INVOICE_INPUT, withMadeInvoice } from './invoices-model.ts';
import { draftUrl, gone, html, SCRIPTS } from './pages.ts';

export interface FollowUpOptions {
  readonly store: DraftStore;
  readonly letters: ClauseLibrary;
  /** Route options for the downloads (the rate limit). */
  readonly generateRouteConfig?: Record<string, unknown>;
  /** The clock behind the letter date offered ("usually today"). */
  readonly now?: () => Date;
}

interface DraftParams {
  draftId: string;
}
interface LetterParams extends DraftParams {
  kind: string;
}

export const FOLLOW_UP_TITLE = 'When the client goes quiet';
const PAGE = 'follow-up';

export const followUpRoutes: FastifyPluginAsync<FollowUpOptions> = async (app, { store, letters, generateRouteConfig = {}, now = () => new Date() }) => {
  // These pages' words are not in the message catalogues yet: they are shown in English, as English
  // (<html lang="en">), whatever the draft's language; the letters and invoices they make follow the answers.
  app.addHook('preHandler', async (request, reply) => {
    englishOnly(request, reply);
  });
  const csrfCheck = app.csrfProtection;
  const pageUrl = (id: string) => draftUrl(id, PAGE);
  const titleOf = (kind: string) => letters.clauses.find((letter) => letter.id === kind)?.title ?? kind;

  function renderPage(
    reply: FastifyReply,
    draft: Draft,
    answers: Answers,
    submitted?: { form: string; values: FormValues; errors: readonly FieldError[] },
    status = 200,
    /** One letter's own page: only its form, its fields and their errors. */
    only?: LetterKind,
  ) {
    const errors = submitted?.errors ?? [];
    const heading = only ? `Letter: ${titleOf(only)}` : FOLLOW_UP_TITLE;
    const title = errors.length ? `Error: ${heading}` : heading;
    return html(reply, status).view('follow-up.eta', {
      title,
      heading,
      only,
      backHref: only ? `${pageUrl(draft.id)}#letter-${only}` : draftUrl(draft.id, 'review'),
      backText: only ? 'Back to when the client goes quiet' : 'Back to your answers',
      csrf: reply.generateCsrf(),
      errors: errors.map((error) => ({ href: `#${error.targetId}`, message: error.message })),
      errorTitle: submitted && (submitted.form === 'calendar' ? 'There is a problem with the calendar' : `There is a problem with the letter: ${titleOf(submitted.form)}`),
      page: followUpPage({
        answers,
        letters,
        saved: savedFollowUp(draft.answers),
        ...(submitted ? { submitted } : {}),
        today: toIsoDate(now()),
        actionFor: (form) => `${pageUrl(draft.id)}/${form}`,
        fileNameFor: (kind) => `${safeFileStem(`${answers.project.name} ${kind}`)}.docx`,
        invoices: invoicesForLetters(draft.answers),
      }),
      scripts: SCRIPTS,
    });
  }

  function notReady(reply: FastifyReply, draft: Draft) {
    return html(reply).view('follow-up.eta', {
      title: FOLLOW_UP_TITLE,
      heading: FOLLOW_UP_TITLE,
      backHref: draftUrl(draft.id, 'review'),
      errors: [],
      reviewHref: draftUrl(draft.id, 'review'),
      scripts: SCRIPTS,
    });
  }

  /** The draft and its complete answers, or the reply already sent. */
  async function load(request: FastifyRequest<{ Params: DraftParams }>, reply: FastifyReply): Promise<{ draft: Draft; answers: Answers } | FastifyReply> {
    const draft = await store.get(request.params.draftId);
    if (!draft) return gone(reply);
    const answers = completeAnswers(draft.answers);
    if (!answers) {
      // A form sent for a draft that is no longer complete (changed in another tab): the page says why.
      return request.method === 'GET' ? notReady(reply, draft) : reply.redirect(pageUrl(draft.id), 303);
    }
    return { draft, answers };
  }

  /** Keeps what was typed (the invoice, the deadline, the calendar's choices) with the draft. */
  async function remember(draft: Draft, form: FormValues): Promise<Draft> {
    const saved = await store.update(draft.id, (answers) => ({ ...answers, followUp: withSaved(savedFollowUp(answers), form) }));
    return saved ?? draft;
  }

  app.get<{ Params: DraftParams }>(`/wizard/:draftId/${PAGE}`, { schema: { hide: true } }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!('draft' in loaded)) return loaded;
    return renderPage(reply, loaded.draft, loaded.answers);
  });

  // One page per letter: its form alone, so its fields and errors are never mixed with another letter's.
  app.get<{ Params: LetterParams }>(`/wizard/:draftId/${PAGE}/:kind`, { schema: { hide: true } }, async (request, reply) => {
    const kind = request.params.kind;
    if (!isLetterKind(kind)) return reply.callNotFound();
    const loaded = await load(request, reply);
    if (!('draft' in loaded)) return loaded;
    return renderPage(reply, loaded.draft, loaded.answers, undefined, 200, kind);
  });

  app.post<{ Params: DraftParams }>(
    `/wizard/:draftId/${PAGE}/calendar`,
    { schema: { hide: true }, preValidation: csrfCheck, ...generateRouteConfig },
    async (request, reply) => {
      const loaded = await load(request, reply);
      if (!('draft' in loaded)) return loaded;
      // An invoice made on the Invoices page: count from its due date.
      const form = withMadeInvoice(readCalendarForm(request.body), single((request.body as Record<string, unknown> | undefined)?.[MADE_INVOICE_INPUT]), invoicesForLetters(loaded.draft.answers), 'calendar');
      const draft = await remember(loaded.draft, form);
      const result = validateCalendar(loaded.answers, form);
      if (!result.ok) return renderPage(reply, draft, loaded.answers, { form: 'calendar', values: form, errors: result.errors }, 400);
      // The site, not the draft's own address: that link is a secret and expires, a calendar is often shared and kept for months.
      const { ics, fileStem } = scheduleCalendarFile(result.request, { letterTitle: titleOf, pageUrl: `${request.protocol}://${request.host}/` });
      return sendDownload(reply, { type: CALENDAR_TYPE, fileStem, extension: 'ics', body: ics });
    },
  );

  app.post<{ Params: LetterParams }>(
    `/wizard/:draftId/${PAGE}/:kind`,
    { schema: { hide: true }, preValidation: csrfCheck, ...generateRouteConfig },
    async (request, reply) => {
      const kind = request.params.kind;
      if (!isLetterKind(kind)) return reply.callNotFound();
      const loaded = await load(request, reply);
      if (!('draft' in loaded)) return loaded;
      const body = (request.body ?? {}) as Record<string, unknown>;
      // An invoice made on the Invoices page stands in for the typed one.
      const chosen = INVOICE_LETTERS.includes(kind) ? single(body[MADE_INVOICE_INPUT]) : undefined;
      const form = withMadeInvoice(readLetterForm(kind, body), chosen, invoicesForLetters(loaded.draft.answers), 'letter');
      const draft = await remember(loaded.draft, form);
      const result = validateLetter(kind, loaded.answers, form);
      if (!result.ok) return renderPage(reply, draft, loaded.answers, { form: kind, values: form, errors: result.errors }, 400, kind);

      const letter = assembleLetter(kind, result.request, letters);
      if (single(body.action) === 'email') return renderEmail(reply, draft, kind, form, result.request, renderLetterText(letter));
      const docx = await renderLetterDocx(letter);
      return sendDownload(reply, { type: DOCX_TYPE, fileStem: letter.meta.fileStem, extension: 'docx', body: docx });
    },
  );

  function renderEmail(reply: FastifyReply, draft: Draft, kind: LetterKind, form: FormValues, request: Parameters<typeof letterFigures>[1], text: string) {
    const title = `${titleOf(kind)}: the email`;
    // The plain text's first line is "Subject: …"; the page gives the subject and the body their own boxes.
    const [first = '', ...rest] = text.split('\n');
    const subject = first.replace(/^Subject:\s*/, '');
    const body = rest.join('\n').replace(/^\n+/, '');
    const lines = body.split('\n');
    const to = request.answers.client.email;
    return html(reply).view('email.eta', {
      title,
      heading: title,
      backHref: `${pageUrl(draft.id)}/${kind}`,
      to,
      figures: letterFigures(kind, request),
      subject,
      body,
      mailto: `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`,
      rows: Math.min(Math.max(lines.length + 1, 8), 40),
      action: `${pageUrl(draft.id)}/${kind}`,
      hidden: hiddenInputs(kind, form),
      fileName: `${safeFileStem(`${request.answers.project.name} ${kind}`)}.docx`,
      csrf: reply.generateCsrf(),
      scripts: SCRIPTS,
    });
  }
};
