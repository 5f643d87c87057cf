// "When the client goes quiet": the article's follow-up playbook for a
// finished draft, with its calendar (.ics) and each of its letters (Word file
// or email text), asking only for what each letter needs. Registered inside
// the wizard's plugin (routes.ts), so every form here carries the wizard's
// CSRF token and a forged one gets the wizard's 403 page.
//
//   GET  /wizard/:draftId/follow-up            the page
//   POST /wizard/:draftId/follow-up/calendar   the .ics, or the page again with errors
//   POST /wizard/:draftId/follow-up/:kind      action=docx: the Word file; action=pdf: the PDF; action=email: the email page
import { useLanguage } from '../plugins/language.ts';
import { draftForPage } from './language-switch.ts';
import type { Messages } from '../../language/messages.ts';
import { loadJapaneseLetterLibrary } from '../../letters/edition-ja.ts';
import { draftLanguage } from './steps.ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { toIsoDate } from '../../answers/dates.ts';
import type { Answers } from '../../answers/schema.ts';
import type { ClauseLibrary } from '../../clauses/load.ts';
import { safeFileStem } from '../../contract/file-name.ts';
import { sendDownload } from '../download.ts';
import type { Draft } from '../../drafts/store.ts';
import { assembleLetter } from '../../letters/assemble.ts';
import { renderLetterText } from '../../letters/plain-text.ts';
import { INVOICE_LETTERS, isLetterKind, type LetterKind } from '../../letters/request.ts';
import { renderLetterDocx, renderNaiyoShomeiDocx } from '../../render/docx-on-demand.ts';
import { NAIYO_CHARACTERS_A_SHEET, NAIYO_GRIDS, naiyoShomeiText } from '../../claims/naiyo-shomei.ts';
import { PDF_TYPE, renderLetterPdf } from '../../render/pdf-on-demand.ts';
import { scheduleCalendarFile } from '../../schedule/ics-on-demand.ts';
import { DOCX_TYPE } from '../api.ts';
import { CALENDAR_TYPE } from '../letters-api.ts';
import { completeAnswers, type FieldError } from './engine.ts';
import {
  followUpPage,
  hiddenInputs,
  letterFigures,
  madeLetters,
  withMadeLetter,
  readCalendarForm,
  readLetterForm,
  savedFollowUp,
  validateCalendar,
  validateLetter,
  withSaved,
} from './follow-up-model.ts';
import { single, type FormValues } from './form-values.ts';
import { invoicesForLetters, MADE_INVOICE_INPUT, savedInvoices, validateInvoice, withMadeInvoice } from './invoices-model.ts';
import { assembleClaimPack } from '../../claims/claim-pack.ts';
import { everyInvoicePaid, savedPayments } from './payments-model.ts';
import { CHECK_PARAM, sentForm, withoutSentForm, withSentForm, type CheckQuery } from './sent-form.ts';
import { renderClaimPack, type SignedContractFiles } from '../../render/claim-pack.ts';
import { assembleContract } from '../../contract/assemble.ts';
import { answersSchema } from '../../answers/schema.ts';
import type { EngagementService } from '../../engagements/service.ts';
import { contractDocxWriter } from '../../render/docx-package.ts';
import { ZIP_TYPE } from '../claim-pack-api.ts';
import { draftUrl, html, PAGE_FORM_BYTES, SCRIPTS, type DraftPageOptions, type DraftParams, type KindParams } from './pages.ts';

export interface FollowUpOptions extends DraftPageOptions {
  readonly letters: ClauseLibrary;
  /** The contract's clause library, for the claim pack's contract. */
  readonly library: ClauseLibrary;
  /** Contracts sent for signature: a draft's completed one goes into the claim pack, signed, with its certificate. */
  readonly engagements?: EngagementService;
}

const PAGE = 'follow-up';

export const followUpRoutes: FastifyPluginAsync<FollowUpOptions> = async (app, { store, library, letters, engagements, generateRouteConfig = {}, now = () => new Date() }) => {
  const csrfCheck = app.csrfProtection;
  const pageUrl = (id: string) => draftUrl(id, PAGE);
  // The letters' titles and notes in the draft's language (the Japanese library loaded on first use).
  let japanese: ClauseLibrary | undefined;
  const libraryFor = (messages: Messages) => (messages.language === 'ja' ? (japanese ??= loadJapaneseLetterLibrary()) : letters);
  const titleIn = (messages: Messages) => (kind: string) => libraryFor(messages).clauses.find((letter) => letter.id === kind)?.title ?? kind;
  // The name the letter downloads under (its edition's fileStem): the kind in English, the letter's title in Japanese (…-最終催告書.docx).
  const letterFileName = (projectName: string, kind: string, messages: Messages) =>
    `${safeFileStem(`${projectName} ${messages.language === 'ja' ? titleIn(messages)(kind) : kind}`)}.docx`;

  function renderPage(
    reply: FastifyReply,
    draft: Draft,
    answers: Answers,
    submitted: { form: string; values: FormValues; errors: readonly FieldError[] } | undefined,
    status: number,
    /** One letter's own page: only its form, its fields and their errors. */
    only: LetterKind | undefined,
    messages: Messages,
  ) {
    const { t } = messages;
    const titleOf = titleIn(messages);
    const errors = submitted?.errors ?? [];
    const heading = only ? t('followUp.letterHeading', { title: titleOf(only) }) : t('followUp.title');
    const title = errors.length ? t('errors.pageTitle', { title: heading }) : heading;
    return html(reply, status).view('follow-up.eta', {
      title,
      heading,
      only,
      backHref: only ? `${pageUrl(draft.id)}#letter-${only}` : draftUrl(draft.id, 'review'),
      backText: only ? t('followUp.backToPage') : t('common.backToAnswers'),
      csrf: reply.generateCsrf(),
      errors: errors.map((error) => ({ href: `#${error.targetId}`, message: error.message })),
      errorTitle: submitted && (submitted.form === 'calendar' ? t('followUp.errorCalendar') : t('followUp.errorLetter', { title: titleOf(submitted.form) })),
      page: followUpPage({
        answers,
        letters: libraryFor(messages),
        messages,
        saved: savedFollowUp(draft.answers),
        ...(submitted ? { submitted } : {}),
        today: toIsoDate(now()),
        actionFor: (form) => `${pageUrl(draft.id)}/${form}`,
        fileNameFor: (kind) => letterFileName(answers.project.name, kind, messages),
        invoices: invoicesForLetters(draft.answers),
      }),
      claimPack: {
        action: `${pageUrl(draft.id)}/claim-pack`,
        ready: savedInvoices(draft.answers).length > 0,
        // Every invoice recorded as paid on the Invoices page: the page says so instead of offering a pack that claims nothing.
        allPaid: everyInvoicePaid(savedInvoices(draft.answers), savedPayments(draft.answers), answers.fee.currency),
        paymentsCounted: savedPayments(draft.answers).length > 0,
        invoicesHref: `${draftUrl(draft.id, 'invoices')}#payments`,
      },
      scripts: SCRIPTS,
    });
  }

  function notReady(reply: FastifyReply, draft: Draft, messages: Messages) {
    return html(reply).view('follow-up.eta', {
      title: messages.t('followUp.title'),
      heading: messages.t('followUp.title'),
      backHref: draftUrl(draft.id, 'review'),
      errors: [],
      reviewHref: draftUrl(draft.id, 'review'),
      scripts: SCRIPTS,
    });
  }

  /** The draft and its complete answers, with the page in the draft's language; `undefined` once a reply is sent. */
  async function load(request: FastifyRequest<{ Params: DraftParams }>, reply: FastifyReply): Promise<{ draft: Draft; answers: Answers; messages: Messages } | undefined> {
    // The language link on these pages changes the draft's language, as on the wizard's steps: the letters follow it.
    // The reply is sent there when there is nothing to show; `undefined` tells the route so.
    const draft = await draftForPage(request, reply, store);
    if (!draft) return undefined;
    // A form's answer links to the page it was sent from: the letter's own page, or the calendar's on the main page.
    const kind = (request.params as { kind?: string }).kind;
    const linkPath = request.method === 'GET' ? undefined : kind && isLetterKind(kind) ? `${pageUrl(draft.id)}/${kind}` : pageUrl(draft.id);
    const messages = useLanguage(request, reply, draftLanguage(draft.answers), linkPath);
    const answers = completeAnswers(draft.answers);
    if (!answers) {
      // A form sent for a draft that is no longer complete (changed in another tab): the page says why.
      if (request.method === 'GET') notReady(reply, draft, messages);
      else reply.redirect(pageUrl(draft.id), 303);
      return undefined;
    }
    return { draft, answers, messages };
  }

  /**
   * Keeps what was typed (the invoice, the deadline, the calendar's choices) with the draft;
   * a form with problems is kept whole too (`sent`), for the GET that shows them.
   */
  async function remember(draft: Draft, form: FormValues, sent: string | undefined, made?: { kind: LetterKind; date: string }): Promise<Draft> {
    const saved = await store.update(draft.id, (answers) => {
      const next = {
        ...answers,
        followUp: withSaved(savedFollowUp(answers), form),
        // A letter made is a letter sent, for the claim pack: kept with its date and what was typed.
        ...(made ? { lettersMade: withMadeLetter(madeLetters(answers), made.kind, made.date, form) } : {}),
      };
      return sent === undefined ? withoutSentForm(next) : withSentForm(next, sent, form);
    });
    return saved ?? draft;
  }

  /** The form named by `?check=` as it was last sent, with its problems: what the redirect after a POST with problems shows. */
  function checked(loaded: { draft: Draft; answers: Answers; messages: Messages }, form: string | undefined) {
    const values = sentForm(loaded.draft.answers, form);
    if (!values || form === undefined) return undefined;
    const result = form === 'calendar' ? validateCalendar(loaded.answers, values, loaded.messages) : isLetterKind(form) ? validateLetter(form, loaded.answers, values, loaded.messages) : undefined;
    // Answers changed since (in another tab) may have mended it: the values are shown, without problems.
    return { form, values, errors: result && !result.ok ? result.errors : [] };
  }

  app.get<{ Params: DraftParams; Querystring: CheckQuery }>(`/wizard/:draftId/${PAGE}`, { schema: { hide: true } }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    // After the calendar's form was sent with problems (Post/Redirect/Get): the form again, with them.
    const submitted = request.query.check === 'calendar' ? checked(loaded, 'calendar') : undefined;
    return renderPage(reply, loaded.draft, loaded.answers, submitted, 200, undefined, loaded.messages);
  });

  // One page per letter: its form alone, so its fields and errors are never mixed with another letter's.
  app.get<{ Params: KindParams; Querystring: CheckQuery }>(`/wizard/:draftId/${PAGE}/:kind`, { schema: { hide: true } }, async (request, reply) => {
    const kind = request.params.kind;
    if (!isLetterKind(kind)) return reply.callNotFound();
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    // After the letter's form was sent with problems (Post/Redirect/Get): the form again, with them.
    const submitted = request.query.check === kind ? checked(loaded, kind) : undefined;
    return renderPage(reply, loaded.draft, loaded.answers, submitted, 200, kind, loaded.messages);
  });

  app.post<{ Params: DraftParams }>(
    `/wizard/:draftId/${PAGE}/calendar`,
    { schema: { hide: true }, bodyLimit: PAGE_FORM_BYTES, preValidation: csrfCheck, ...generateRouteConfig },
    async (request, reply) => {
      const loaded = await load(request, reply);
      if (!loaded) return reply;
      // An invoice made on the Invoices page: count from its due date.
      const form = withMadeInvoice(readCalendarForm(request.body), single((request.body as Record<string, unknown> | undefined)?.[MADE_INVOICE_INPUT]), invoicesForLetters(loaded.draft.answers), 'calendar');
      const result = validateCalendar(loaded.answers, form, loaded.messages);
      await remember(loaded.draft, form, result.ok ? undefined : 'calendar');
      // Post/Redirect/Get: the problems are shown by the page's GET, from the form kept with the draft.
      if (!result.ok) return reply.redirect(`${pageUrl(loaded.draft.id)}?${CHECK_PARAM}=calendar#calendar`, 303);
      // The site, not the draft's own address: that link is a secret and expires, a calendar is often shared and kept for months.
      const { ics, fileStem } = await scheduleCalendarFile(result.request, { letterTitle: titleIn(loaded.messages), pageUrl: `${request.protocol}://${request.host}/` });
      return sendDownload(reply, { type: CALENDAR_TYPE, fileStem, extension: 'ics', body: ics });
    },
  );

  /**
   * The draft's latest version sent for signature, when both parties signed it: its signed Word file (the
   * certificate is its last section) and the certificate as JSON, the record a verifier checks.
   */
  async function signedContractFiles(draftId: string): Promise<SignedContractFiles | undefined> {
    if (!engagements) return undefined;
    const engagement = await app.engagements.latestForDraft(draftId);
    if (!engagement) return undefined;
    const current = await engagements.current(engagement);
    if (!current.sealed) return undefined;
    const stem = assembleContract(answersSchema.parse(engagement.answers), library).meta.fileStem;
    const certificate = `${JSON.stringify(engagements.certificate(current), null, 2)}\n`;
    return {
      files: [
        { name: `${stem}-signed.docx`, data: current.sealed.signedFile },
        { name: `${stem}-signature-certificate.json`, data: new TextEncoder().encode(certificate) },
      ],
    };
  }

  // The claim pack (src/render/claim-pack.ts): the contract (the signed one when the client signed it
  // online), every invoice and letter made for the draft with its date, the chronology and the
  // statement of account to today.
  app.post<{ Params: DraftParams }>(
    `/wizard/:draftId/${PAGE}/claim-pack`,
    { schema: { hide: true }, bodyLimit: PAGE_FORM_BYTES, preValidation: csrfCheck, ...generateRouteConfig },
    async (request, reply) => {
      const loaded = await load(request, reply);
      if (!loaded) return reply;
      const invoices = savedInvoices(loaded.draft.answers).flatMap((saved) => {
        // Kept invoices were valid when made; one the answers no longer allow (a changed fee model) is left out.
        const result = validateInvoice(saved.kind, loaded.answers, saved.form, loaded.messages);
        return result.ok ? [result.request] : [];
      });
      const asOf = toIsoDate(now());
      const payments = savedPayments(loaded.draft.answers);
      // Nothing to put in the pack, or nothing left to claim: the page's section says which.
      if (!invoices.length || everyInvoicePaid(savedInvoices(loaded.draft.answers), payments, loaded.answers.fee.currency)) {
        return reply.redirect(`${pageUrl(loaded.draft.id)}#claim-pack`, 303);
      }
      // The payments recorded on the Invoices page against the invoices in the pack, up to today: the statement,
      // the chronology, the interest and the Japanese court figures then count only what is still unpaid.
      const numbers = new Set(invoices.map((invoice) => invoice.invoice.number));
      const paid = payments.filter((payment) => numbers.has(payment.invoice) && payment.date <= asOf).map(({ invoice, date, amount }) => ({ invoice, date, amount }));
      // Letters made up to today, oldest first; one the answers no longer allow is left out, as an invoice is.
      const made = madeLetters(loaded.draft.answers)
        .filter((letter) => letter.date <= asOf)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        .flatMap((letter) => {
          const result = validateLetter(letter.kind, loaded.answers, letter.form, loaded.messages);
          return result.ok ? [{ kind: letter.kind, request: result.request }] : [];
        });
      const trees = assembleClaimPack({ answers: loaded.answers, asOf, invoices, letters: made, payments: paid }, { contract: library, letters });
      const writer = await contractDocxWriter();
      const signed = await signedContractFiles(loaded.draft.id);
      const { zip, fileStem } = await renderClaimPack(trees, asOf, { contractDocx: async (contract) => writer.write(contract), ...(signed ? { signed } : {}) });
      return sendDownload(reply, { type: ZIP_TYPE, fileStem, extension: 'zip', body: zip });
    },
  );

  app.post<{ Params: KindParams }>(
    `/wizard/:draftId/${PAGE}/:kind`,
    { schema: { hide: true }, bodyLimit: PAGE_FORM_BYTES, preValidation: csrfCheck, ...generateRouteConfig },
    async (request, reply) => {
      const kind = request.params.kind;
      if (!isLetterKind(kind)) return reply.callNotFound();
      const loaded = await load(request, reply);
      if (!loaded) return reply;
      const body = (request.body ?? {}) as Record<string, unknown>;
      // An invoice made on the Invoices page stands in for the typed one.
      const chosen = INVOICE_LETTERS.includes(kind) ? single(body[MADE_INVOICE_INPUT]) : undefined;
      const form = withMadeInvoice(readLetterForm(kind, body), chosen, invoicesForLetters(loaded.draft.answers), 'letter');
      const result = validateLetter(kind, loaded.answers, form, loaded.messages);
      const draft = await remember(loaded.draft, form, result.ok ? undefined : kind, result.ok ? { kind, date: result.request.letter.date } : undefined);
      // Post/Redirect/Get: the problems are shown by the letter page's GET, from the form kept with the draft.
      if (!result.ok) return reply.redirect(`${pageUrl(draft.id)}/${kind}?${CHECK_PARAM}=${kind}`, 303);

      const letter = assembleLetter(kind, result.request, letters);
      // A Japanese final demand by 内容証明郵便 (src/claims/naiyo-shomei.ts): the grid copies to print, or the text for e内容証明.
      const naiyo = kind === 'final-notice' && result.request.answers.language === 'ja';
      if (naiyo && single(body.action) === 'naiyo-docx') {
        return sendDownload(reply, { type: DOCX_TYPE, fileStem: `${letter.meta.fileStem} 内容証明`, extension: 'docx', body: await renderNaiyoShomeiDocx(letter) });
      }
      if (naiyo && single(body.action) === 'naiyo-text') return renderNaiyoText(reply, draft, kind, form, naiyoShomeiText(letter).sheets, loaded.messages);
      if (single(body.action) === 'email') return renderEmail(reply, draft, kind, form, result.request, renderLetterText(letter), loaded.messages);
      if (single(body.action) === 'pdf') return sendDownload(reply, { type: PDF_TYPE, fileStem: letter.meta.fileStem, extension: 'pdf', body: await renderLetterPdf(letter) });
      const docx = await renderLetterDocx(letter);
      return sendDownload(reply, { type: DOCX_TYPE, fileStem: letter.meta.fileStem, extension: 'docx', body: docx });
    },
  );

  function renderNaiyoText(reply: FastifyReply, draft: Draft, kind: LetterKind, form: FormValues, sheets: readonly (readonly string[])[], messages: Messages) {
    const title = messages.t('naiyo.title');
    const grid = NAIYO_GRIDS['20x26'];
    // e内容証明 takes the text as typed into its form: one box a sheet, so each sheet has its own box and Copy button.
    return html(reply).view('naiyo-shomei.eta', {
      title,
      heading: title,
      backHref: `${pageUrl(draft.id)}/${kind}`,
      lead: messages.t('naiyo.lead', { columns: grid.columns, lines: grid.rows, characters: NAIYO_CHARACTERS_A_SHEET }),
      sheets: sheets.map((lines, index) => ({ id: `naiyo-sheet-${index + 1}`, label: messages.t('naiyo.sheet', { number: index + 1, count: sheets.length }), text: lines.join('\n'), rows: lines.length + 1 })),
      action: `${pageUrl(draft.id)}/${kind}`,
      hidden: hiddenInputs(kind, form),
      csrf: reply.generateCsrf(),
      scripts: SCRIPTS,
    });
  }

  function renderEmail(reply: FastifyReply, draft: Draft, kind: LetterKind, form: FormValues, request: Parameters<typeof letterFigures>[1], text: string, messages: Messages) {
    const title = messages.t('email.title', { title: titleIn(messages)(kind) });
    // The plain text's first line is "Subject: …"; the page gives the subject and the body their own boxes.
    const [first = '', ...rest] = text.split('\n');
    const subject = first.replace(/^(?:Subject|件名)[:：]\s*/, '');
    const body = rest.join('\n').replace(/^\n+/, '');
    const lines = body.split('\n');
    const to = request.answers.client.email;
    return html(reply).view('email.eta', {
      title,
      heading: title,
      backHref: `${pageUrl(draft.id)}/${kind}`,
      to,
      figures: letterFigures(kind, request, messages),
      subject,
      body,
      mailto: `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`,
      rows: Math.min(Math.max(lines.length + 1, 8), 40),
      action: `${pageUrl(draft.id)}/${kind}`,
      hidden: hiddenInputs(kind, form),
      fileName: letterFileName(request.answers.project.name, kind, messages),
      csrf: reply.generateCsrf(),
      scripts: SCRIPTS,
    });
  }
};
