// The web wizard: the home page, one generic route for every step, the
// "check your answers" page with the downloads, import from a file, and
// delete. Every POST carries a CSRF token and ends in a redirect (303), a
// step with problems too (its GET shows them from the saved draft), so back,
// forward and reload never resend a form or lose an answer.
import csrfProtection from '@fastify/csrf-protection';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { LANGUAGES } from '../../answers/schema.ts';
import { LIMITS } from '../../answers/schema.ts';
import { toIsoDate } from '../../answers/dates.ts';
import type { ClauseLibrary } from '../../clauses/load.ts';
import { loadLetterLibrary } from '../../letters/library.ts';
import { assembleContract } from '../../contract/assemble.ts';
import { canonicalJson } from '../../engagements/canonical-json.ts';
import { defaultTimeZone } from '../../engagements/certificate.ts';
import { timeZoneChoices } from '../../language/time-zone.ts';
import { engagementStatus } from '../../engagements/engagement.ts';
import { safeFileStem } from '../../contract/file-name.ts';
import { sendDownload } from '../download.ts';
import { CSRF_OPTIONS, isCsrfFailure, withCsrfCookieFirst } from '../csrf.ts';
import type { RateLimits } from '../rate-limits.ts';
import { DraftStoreUnavailableError, type DraftStore } from '../../drafts/store.ts';
import { writeContractDocx } from '../../render/docx-package.ts';
import { renderContractHtml } from '../../render/html.ts';
import { DOCX_TYPE } from '../api.ts';
import { PDF_TYPE, renderContractPdf } from '../../render/pdf-on-demand.ts';
import { HttpProblem } from '../problems.ts';
import { answersToForm, completeAnswers, firstIncompleteStep, formToSections, mergeStepAnswers, oversizedFields, readForm, stepFormBytes, trimOversized, validateStep, type FieldError } from './engine.ts';
import { single, type FormValues } from './form-values.ts';
import { followUpRoutes } from './follow-up.ts';
import type { EngagementService } from '../../engagements/service.ts';
import { invoicesPageRoutes } from './invoices.ts';
import { describeBytes, readUploadedAnswers } from './import.ts';
import { keepImportError, takeImportError, type ImportError } from './import-flash.ts';
import { draftUrl, gone, html, SCRIPTS, type DraftParams } from './pages.ts';
import { summaryGroups } from './review-model.ts';
import { activeSteps, draftLanguage, findStep, REVIEW_STEP, STEPS, stepsIn, type StepDef } from './steps.ts';
import { pageMessages, requestLanguage, useLanguage } from '../plugins/language.ts';
import { draftInAskedLanguage, forgetPendingLanguage, inPendingLanguage, pendingLanguage } from './language-switch.ts';
import { formatsFor } from '../../language/format.ts';
import type { Messages } from '../../language/messages.ts';
import type { Draft } from '../../drafts/store.ts';
import { noteLookup, stepItems } from './view-models.ts';

export interface WizardOptions {
  readonly library: ClauseLibrary;
  readonly store: DraftStore;
  /** The follow-up letters' templates; loaded and checked from clauses/letters/ when not given. */
  readonly letters?: ClauseLibrary;
  /** Contracts sent for signature: the claim pack holds a draft's signed contract and its certificate. */
  readonly engagements?: EngagementService;
  /** Route options for the Word download (the rate limit). */
  readonly generateRouteConfig?: Record<string, unknown>;
  /** Route options for the wizard's own routes' budgets (src/web/rate-limits.ts); none when not given. */
  readonly wizardRateLimits?: RateLimits['wizard'];
  /** The largest upload accepted (BODY_LIMIT_BYTES), to tell the user. */
  readonly uploadLimitBytes?: number;
  /** The clock behind "today" (the effective date and letter dates offered); tests fix it. */
  readonly now?: () => Date;
}

interface StepParams extends DraftParams {
  step: string;
}
interface StepQuery {
  /** The engagement of the signed file this draft was continued from (see POST /import). */
  signed?: string;
  from?: string;
  check?: string;
  rows?: string;
}

/** The engagement whose signed file a draft was continued from. */
interface SignedOrigin {
  readonly id: string;
  readonly version: number;
  readonly completed: boolean;
}

/** The link that brings a visitor back to a draft, on this site's own address. */
const resumeUrlOf = (request: FastifyRequest, id: string) => `${request.protocol}://${request.host}${draftUrl(id)}`;

/** "December 1, 2026", "2026年12月1日": the day a resume link stops working. */
const expiryDate = (messages: Messages, expiresAt: string) => formatsFor(messages.language).date(expiresAt.slice(0, 10));

/**
 * The body of a form that carries only its token and a button (start, delete):
 * a socket that sends a megabyte there and stops once held it in memory on an
 * unthrottled route (issue 24, finding 4).
 */
const SMALL_FORM_BYTES = 4 * 1024;

/** Each step's largest possible form, in either language (a step asks more in Japanese). */
const STEP_FORM_BYTES = new Map<string, number>();
for (const language of LANGUAGES) {
  for (const step of stepsIn(language)) STEP_FORM_BYTES.set(step.id, Math.max(STEP_FORM_BYTES.get(step.id) ?? 0, stepFormBytes(step)));
}

function tooLarge(): Error {
  // The framework's own code, so the same 413 problem (or page) answers.
  return Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
}

/**
 * preParsing of a step's form: a body that says it is larger than the step's
 * largest form (stepFormBytes) is refused before it is read. The route's
 * bodyLimit cannot be per step (one route serves every step); a body sent
 * without a length is held to the site's BODY_LIMIT_BYTES as it arrives.
 */
async function stepFormSize(request: FastifyRequest<{ Params: StepParams }>): Promise<void> {
  const declared = Number(request.headers['content-length'] ?? 0);
  const most = STEP_FORM_BYTES.get(request.params.step);
  if (most !== undefined && declared > most) throw tooLarge();
}

export const wizardRoutes: FastifyPluginAsync<WizardOptions> = async (app, { library, store, letters, engagements, generateRouteConfig = {}, wizardRateLimits = () => ({}), uploadLimitBytes = 1_048_576, now = () => new Date() }) => {
  // Every route of a draft reads it from the store, so every one is on a
  // budget: a route that names none (a page, answers.json, the delete page
  // and form, any route added later) draws on the page budget for a GET and
  // the form budget for a POST. Unthrottled, a poisoned draft's pages cost
  // 0.2-1.9 s each for free (issue 24, finding 2).
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/wizard/:draftId') || route.onRequest) return;
    const methods = ([] as string[]).concat(route.method);
    const budget: ReturnType<RateLimits['wizard']> = methods.includes('POST') ? wizardRateLimits('saveStep') : wizardRateLimits('page');
    if (budget.onRequest) route.onRequest = budget.onRequest;
  });
  await app.register(csrfProtection, CSRF_OPTIONS);
  // Every form checked for its CSRF cookie before its body is read (src/web/csrf.ts).
  app.addHook('onRoute', (route) => withCsrfCookieFirst(route, app.csrfProtection));

  // Encapsulated: only this plugin's routes. Anything that is not a CSRF
  // failure goes on to the app's handler.
  app.setErrorHandler((error, request, reply) => {
    if (isCsrfFailure(error)) {
      const { t } = pageMessages(reply);
      return html(reply, 403).view('error.eta', { title: t('error.csrf.title'), detail: t('error.csrf.detail'), status: 403 });
    }
    throw error;
  });

  const notes = noteLookup(library);
  const csrfCheck = app.csrfProtection;

  function home(reply: FastifyReply, importError?: ImportError) {
    const { t } = pageMessages(reply);
    const heading = t('home.title');
    return html(reply).view('home.eta', {
      title: importError ? t('errors.pageTitle', { title: heading }) : heading,
      heading,
      csrf: reply.generateCsrf(),
      importError,
      maxUploadText: describeBytes(uploadLimitBytes, pageMessages(reply).language),
    });
  }

  /**
   * A draft's page is in the draft's language; the language link on it
   * (`?lang=`) shows it in the language chosen, and the next form sent saves
   * the choice into the draft (language-switch.ts: a GET never writes).
   */
  async function draftPage(request: FastifyRequest, reply: FastifyReply, draft: Draft): Promise<{ draft: Draft; messages: Messages } | undefined> {
    const current = await draftInAskedLanguage(request, reply, store, draft);
    // Asked about on a page of its own first: that page is the answer. (Not the reply itself:
    // a reply is thenable, so an async function returning it resolves to undefined.)
    if (!current) return undefined;
    return { draft: current, messages: useLanguage(request, reply, draftLanguage(current.answers)) };
  }

  function renderStep(
    request: FastifyRequest,
    reply: FastifyReply,
    draft: { id: string; answers: Record<string, unknown> },
    step: StepDef,
    form: FormValues,
    errors: readonly FieldError[],
    status: number,
    /** A message about the whole form rather than one field (the save failed). */
    formProblem?: string,
  ) {
    const query = request.query as StepQuery;
    const fromReview = query.from === 'review';
    const steps = activeSteps(draft.answers);
    const index = steps.findIndex((candidate) => candidate.id === step.id);
    const previous = index > 0 ? steps[index - 1] : undefined;
    const rows = Math.min(Math.max(Number.parseInt(query.rows ?? '', 10) || 0, 0), LIMITS.deliverables);
    const { t } = useLanguage(request, reply, draftLanguage(draft.answers));
    const title = t('step.pageTitle', { title: step.title, number: index + 1, count: steps.length });
    return html(reply, status).view('steps/step.eta', {
      title: errors.length ? t('errors.pageTitle', { title }) : title,
      heading: step.title,
      intro: step.intro,
      note: notes(step.note, draft.answers),
      stepNumber: index + 1,
      stepCount: steps.length,
      backHref: fromReview ? draftUrl(draft.id, REVIEW_STEP.id) : previous ? draftUrl(draft.id, previous.id) : '/',
      // "Back to about you" reads right in English; lower case changes nothing in Japanese.
      backText: fromReview ? t('common.backToAnswers') : previous ? t('step.backTo', { title: previous.title.toLowerCase() }) : t('common.backToStart'),
      action: `${draftUrl(draft.id, step.id)}${fromReview ? '?from=review' : ''}`,
      csrf: reply.generateCsrf(),
      errors: [
        ...(formProblem ? [{ href: '#main', message: formProblem }] : []),
        ...errors.map((error) => ({ href: `#${error.targetId}`, message: error.message })),
      ],
      items: stepItems({ step, form, errors, answers: draft.answers, notes, listRows: rows }),
      hasList: step.fields.some((field) => field.kind === 'list'),
      submitText: t(fromReview ? 'step.saveAndReview' : index === steps.length - 1 ? 'step.saveAndCheck' : 'step.saveAndContinue'),
      scripts: SCRIPTS,
    });
  }

  /**
   * The engagement a draft was continued from, named in the link POST /import
   * redirects to. Shown only when this server holds it and its frozen answers
   * are the draft's, so that the query cannot be used to ask about another
   * engagement.
   */
  async function signedOrigin(id: string | undefined, answers: Record<string, unknown>): Promise<SignedOrigin | undefined> {
    if (!id) return undefined;
    const engagement = await app.engagements.get(id);
    if (!engagement || canonicalJson(engagement.answers) !== canonicalJson(answers)) return undefined;
    const status = engagementStatus(await app.engagements.events(engagement.id));
    return { id: engagement.id, version: engagement.version, completed: status.state === 'completed' };
  }

  function renderReview(
    request: FastifyRequest,
    reply: FastifyReply,
    draft: { id: string; answers: Record<string, unknown>; expiresAt: string },
    /** The latest version sent for signature from this draft, when there is one. */
    sent?: { ownerKey: string; version: number },
    signed?: SignedOrigin,
  ) {
    const messages = useLanguage(request, reply, draftLanguage(draft.answers));
    const steps = activeSteps(draft.answers);
    const complete = completeAnswers(draft.answers);
    const groups = summaryGroups(steps, draft.answers, (step) => `${draftUrl(draft.id, step.id)}?from=review`, complete, messages);
    const missing = groups
      .filter((group) => !group.complete)
      .map((group) => ({ title: group.title, href: `${draftUrl(draft.id, group.id)}?from=review&check=1` }));
    const answers = missing.length === 0 ? complete : undefined;
    const contract = answers ? assembleContract(answers, library) : undefined;
    const heading = messages.t('review.title');
    return html(reply).view('review.eta', {
      title: heading,
      heading,
      groups,
      missing,
      // Under the page's own h1 and "The contract" h2, the contract's headings start at h3.
      contractHtml: contract ? renderContractHtml(contract, { headingOffset: 2 }) : undefined,
      docxHref: draftUrl(draft.id, 'contract.docx'),
      pdfHref: draftUrl(draft.id, 'contract.pdf'),
      answersHref: draftUrl(draft.id, 'answers.json'),
      fileName: contract ? `${contract.meta.fileStem}.docx` : undefined,
      resumeUrl: resumeUrlOf(request, draft.id),
      expiresOn: expiryDate(messages, draft.expiresAt),
      followUpHref: draftUrl(draft.id, 'follow-up'),
      invoicesHref: draftUrl(draft.id, 'invoices'),
      deleteHref: draftUrl(draft.id, 'delete'),
      sendAction: draftUrl(draft.id, 'send'),
      sent: sent ? { href: `/engagements/${sent.ownerKey}`, version: sent.version } : undefined,
      signed,
      freelancerName: answers?.freelancer.name ?? '',
      freelancerTitle: answers?.freelancer.title ?? '',
      // The record's second column of times: the governing law's place's zone unless the freelancer picks another.
      timeZone: answers ? { value: defaultTimeZone(answers), options: timeZoneChoices(defaultTimeZone(answers)) } : undefined,
      backHref: steps.length ? draftUrl(draft.id, steps[steps.length - 1]!.id) : '/',
      csrf: reply.generateCsrf(),
      scripts: SCRIPTS,
    });
  }

  // After an upload that could not be read (Post/Redirect/Get): the home page says why, once.
  app.get('/', { schema: { hide: true } }, async (request, reply) => home(reply, takeImportError(request, reply)));
  // The one place that names the source of the advice; the steps then just advise.
  app.get('/why', { schema: { hide: true } }, async (_request, reply) => html(reply).view('why.eta', { title: pageMessages(reply).t('why.title') }));

  // No CSRF check: starting only creates an empty draft, so a forged start
  // costs the visitor nothing, while a check would turn away everyone whose
  // cookie was cleared or blocked with "This form has expired". The form
  // still carries a token; every later form is checked.
  app.post('/wizard', { schema: { hide: true }, bodyLimit: SMALL_FORM_BYTES, ...wizardRateLimits('start') }, async (request, reply) => {
    // The draft starts in the language of the page its form was on (a hidden field), else the visitor's.
    const sent = single((request.body as Record<string, unknown> | undefined)?.lang);
    const language = sent === 'ja' || sent === 'en' ? sent : requestLanguage(request);
    const draft = await store.create({ language });
    return reply.redirect(draftUrl(draft.id, STEPS[0]!.id), 303);
  });

  /** What readUpload leaves for the CSRF check and the handler: the token, the file (unread), the parts after it (unread). */
  interface UploadForm {
    readonly _csrf: string | undefined;
    readonly upload: MultipartFile | undefined;
    readonly rest: AsyncIterator<Multipart>;
  }

  const tooMuchForm = () =>
    new HttpProblem(413, 'Form too large', 'The upload form sent more than its token and one file, or a field longer than 1,024 characters. Go back to the home page and choose the file again.', undefined, 'form-too-large');

  const isPartsLimit = (error: unknown) => /^FST_(PARTS|FILES|FIELDS)_LIMIT$/.test((error as { code?: string } | undefined)?.code ?? '');

  // The token travels in a field placed before the file, so it is read (and
  // checked) before the file is: a forged upload is refused unread. The parts
  // are read one at a time; what follows the file is looked at only once the
  // file is read (a second file, more fields), and refused.
  async function readUpload(request: FastifyRequest) {
    const parts = request.parts();
    let token: string | undefined;
    let upload: MultipartFile | undefined;
    try {
      for (let next = await parts.next(); !next.done; next = await parts.next()) {
        const part: Multipart = next.value;
        if (part.type === 'file') {
          upload = part;
          break;
        }
        // Busboy cuts a field at the multipart fieldSize limit: refused, never read as a shorter value.
        if (part.valueTruncated || part.fieldnameTruncated) throw tooMuchForm();
        if (part.fieldname === '_csrf' && token === undefined) token = String(part.value);
      }
    } catch (error) {
      if (error instanceof HttpProblem || isPartsLimit(error)) throw error instanceof HttpProblem ? error : tooMuchForm();
      upload = undefined; // a form cut short: "choose a file first"
    }
    request.body = { _csrf: token, upload, rest: parts } satisfies UploadForm;
  }

  /** Whether the form went on after its file: a part, or a limit met on the way to one. */
  async function sentMoreThanOneFile(rest: AsyncIterator<Multipart>): Promise<boolean> {
    try {
      const next = await rest.next();
      if (next.done) return false;
      if (next.value.type === 'file') next.value.file.resume();
      return true;
    } catch (error) {
      return isPartsLimit(error);
    }
  }

  app.post('/import', { schema: { hide: true }, ...wizardRateLimits('import'), preValidation: [readUpload, csrfCheck] }, async (request, reply) => {
    // Post/Redirect/Get: why the file was refused is said by the home page's GET.
    const refused = (error: ImportError) => {
      keepImportError(reply, error);
      return reply.redirect('/#upload', 303);
    };
    const { upload, rest } = request.body as UploadForm;
    if (!upload || !upload.filename) {
      upload?.file.resume();
      return refused({ message: pageMessages(reply).t('import.noFile'), problems: [] });
    }
    let bytes: Buffer;
    try {
      bytes = await upload.toBuffer();
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
      const { t, language } = pageMessages(reply);
      return refused({
        message: tooLarge ? t('import.tooLarge', { size: describeBytes(uploadLimitBytes, language) }) : t('import.incomplete'),
        problems: [],
      });
    }
    if (await sentMoreThanOneFile(rest)) throw tooMuchForm();
    const result = readUploadedAnswers(bytes, pageMessages(reply));
    if (!result.ok) return refused({ message: result.message, problems: result.problems });
    const draft = await store.create(result.answers as unknown as Record<string, unknown>);
    // A signed file: the review page says which engagement it is, so that "continue" is not mistaken for changing what was signed.
    const signed = result.engagementId ? `?signed=${encodeURIComponent(result.engagementId)}` : '';
    return reply.redirect(`${draftUrl(draft.id, REVIEW_STEP.id)}${signed}`, 303);
  });

  app.get('/wizard/deleted', { schema: { hide: true } }, async (_request, reply) =>
    html(reply).view('deleted.eta', { title: pageMessages(reply).t('deleted.title') }),
  );

  // The resume link: the first step that still needs answers, or the review page when none does.
  app.get<{ Params: DraftParams }>('/wizard/:draftId', { schema: { hide: true } }, async (request, reply) => {
    const found = await store.get(request.params.draftId);
    if (!found) return gone(reply);
    const draft = inPendingLanguage(request, found);
    return reply.redirect(draftUrl(draft.id, firstIncompleteStep(draft.answers)?.id ?? REVIEW_STEP.id), 303);
  });

  // "Save and come back later": the answers are saved; this page gives the link back to them.
  app.get<{ Params: DraftParams; Querystring: { step?: string } }>('/wizard/:draftId/saved', { schema: { hide: true } }, async (request, reply) => {
    const found = await store.get(request.params.draftId);
    if (!found) return gone(reply);
    const page = await draftPage(request, reply, found);
    if (!page) return reply;
    const { draft, messages } = page;
    const step = findStep(request.query.step ?? '');
    return html(reply).view('saved.eta', {
      title: messages.t('saved.title'),
      resumeUrl: resumeUrlOf(request, draft.id),
      expiresOn: expiryDate(messages, draft.expiresAt),
      continueHref: draftUrl(draft.id, step?.id ?? firstIncompleteStep(draft.answers)?.id ?? REVIEW_STEP.id),
      scripts: SCRIPTS,
    });
  });

  app.get<{ Params: StepParams; Querystring: StepQuery }>('/wizard/:draftId/:step', { schema: { hide: true }, ...wizardRateLimits('page') }, async (request, reply) => {
    const found = await store.get(request.params.draftId);
    if (!found) return gone(reply);
    const page = await draftPage(request, reply, found);
    if (!page) return reply;
    const { draft } = page;
    if (request.params.step === REVIEW_STEP.id) {
      return renderReview(request, reply, draft, await app.engagements.latestForDraft(draft.id), await signedOrigin(request.query.signed, draft.answers));
    }
    const step = findStep(request.params.step, draftLanguage(draft.answers));
    if (!step) return reply.callNotFound();
    // After a save with problems (Post/Redirect/Get), and from the review page's links: the step's problems, from the saved draft.
    const errors = request.query.check ? validateStep(step, draft.answers) : [];
    // A box the visitor emptied stays empty beside its "Enter ..." message, rather than showing a suggestion again.
    const form = answersToForm(step, draft.answers, { today: toIsoDate(now()), prefill: errors.length === 0 });
    return renderStep(request, reply, draft, step, form, errors, 200);
  });

  app.post<{ Params: StepParams; Querystring: StepQuery }>(
    '/wizard/:draftId/:step',
    { schema: { hide: true }, ...wizardRateLimits('saveStep'), preParsing: stepFormSize, preValidation: csrfCheck },
    async (request, reply) => {
      let step = findStep(request.params.step);
      const body = (request.body ?? {}) as Record<string, unknown>;
      // Which questions the page asked depends on the answers before it (the fee model); read once the draft is loaded.
      let form: FormValues = {};
      let sections: Record<string, unknown> = {};
      let draft;
      try {
        const stored = await store.get(request.params.draftId);
        if (!stored) return gone(reply);
        if (!step) return reply.callNotFound();
        // A language chosen by the link on the pages before is saved with this step (a GET never writes).
        const language = pendingLanguage(request, stored);
        const existing = inPendingLanguage(request, stored);
        step = findStep(step.id, draftLanguage(existing.answers))!;
        form = readForm(step, body, existing.answers);
        // Refused before saving: a draft never holds more than the schema allows.
        const oversized = oversizedFields(step, form, draftLanguage(existing.answers));
        if (oversized.length) return renderStep(request, reply, existing, step, trimOversized(step, form), oversized, 400);
        sections = formToSections(step, form, existing.answers);
        // Saved even when invalid: what was typed survives a reload or a lost connection.
        // Merged into the latest saved answers, so a step saved meanwhile from another tab is kept too.
        const saving = step;
        draft = await store.update(existing.id, (answers) => mergeStepAnswers(language ? { ...answers, language } : answers, sections, saving, form));
        forgetPendingLanguage(request, reply, stored);
      } catch (error) {
        if (!(error instanceof DraftStoreUnavailableError) || !step) throw error;
      if (Object.keys(form).length === 0) {
        form = readForm(step, body);
        sections = formToSections(step, form);
      }
        // The database is down or restarting: the same page again, with what was typed, and the same submit will save.
        request.log.warn({ err: error }, 'step not saved: draft store unavailable');
        const typed = { id: request.params.draftId, answers: { language: pageMessages(reply).language, ...mergeStepAnswers({}, sections, step, form) } };
        return renderStep(request, reply, typed, step, form, [], 503, pageMessages(reply).t('step.saveFailed'));
      }
      if (!draft) return gone(reply);
      const fromReview = request.query.from === 'review';

      // Only a step with a list has an "add" button; on any other the action is a plain save.
      const list = step.fields.find((field) => field.kind === 'list');
      if (single(body.action) === 'add-deliverable' && list) {
        const count = (form[list.name] as string[] | undefined)?.length ?? 0;
        const next = Math.min(count + 1, LIMITS.deliverables);
        const query = `?rows=${next}${fromReview ? '&from=review' : ''}`;
        return reply.redirect(`${draftUrl(draft.id, step.id)}${query}#${list.name.replace(/\./g, '-')}-${next - 1}`, 303);
      }

      // Saved as it is, valid or not; the step's problems are shown when the visitor comes back.
      if (single(body.action) === 'save-later') return reply.redirect(`${draftUrl(draft.id, 'saved')}?step=${step.id}`, 303);

      // Post/Redirect/Get: a step with problems is shown by a GET from the saved draft, so Back
      // and reload after it never ask to send the form again ("Confirm Form Resubmission").
      if (validateStep(step, draft.answers).length) {
        return reply.redirect(`${draftUrl(draft.id, step.id)}?${fromReview ? 'from=review&' : ''}check=1`, 303);
      }

      const steps = activeSteps(draft.answers);
      const next = steps[steps.findIndex((candidate) => candidate.id === step.id) + 1];
      if (fromReview) {
        // A change that asks new questions (another fee model: its amounts) goes on to them, still on the way back to the review.
        const unanswered = firstIncompleteStep(draft.answers);
        return reply.redirect(unanswered ? `${draftUrl(draft.id, unanswered.id)}?from=review` : draftUrl(draft.id, REVIEW_STEP.id), 303);
      }
      return reply.redirect(draftUrl(draft.id, next ? next.id : REVIEW_STEP.id), 303);
    },
  );

  // The contract as Word or as PDF (what most freelancers send and sign): the same draft and contract, another renderer.
  const contractFiles = [
    { extension: 'docx', type: DOCX_TYPE, render: writeContractDocx },
    { extension: 'pdf', type: PDF_TYPE, render: renderContractPdf },
  ] as const;
  for (const file of contractFiles) {
    app.get<{ Params: DraftParams }>(`/wizard/:draftId/contract.${file.extension}`, { schema: { hide: true }, ...generateRouteConfig }, async (request, reply) => {
      const found = await store.get(request.params.draftId);
      if (!found) return gone(reply);
      // In the language its pages are shown in, chosen or saved.
      const draft = inPendingLanguage(request, found);
      const answers = completeAnswers(draft.answers);
      if (!answers) return reply.redirect(draftUrl(draft.id, REVIEW_STEP.id), 303);
      const contract = assembleContract(answers, library);
      return sendDownload(reply, { type: file.type, fileStem: contract.meta.fileStem, extension: file.extension, body: await file.render(contract) });
    });
  }

  app.get<{ Params: DraftParams }>('/wizard/:draftId/answers.json', { schema: { hide: true } }, async (request, reply) => {
    const found = await store.get(request.params.draftId);
    if (!found) return gone(reply);
    // In the language its pages are shown in, chosen or saved.
    const draft = inPendingLanguage(request, found);
    const answers = completeAnswers(draft.answers);
    if (!answers) return reply.redirect(draftUrl(draft.id, REVIEW_STEP.id), 303);
    return sendDownload(reply, {
      type: 'application/json; charset=utf-8',
      fileStem: safeFileStem(`${answers.project.name} ${answers.language === 'ja' ? '回答' : 'answers'}`),
      extension: 'json',
      body: `${JSON.stringify(answers, null, 2)}\n`,
    });
  });

  // "When the client goes quiet": the letters and the calendar, in this
  // plugin's context so they share its CSRF check and its 403 page.
  await app.register(followUpRoutes, { store, library, letters: letters ?? loadLetterLibrary(), ...(engagements ? { engagements } : {}), generateRouteConfig, now });
  // The invoices, from the same answers; kept with the draft for the letters.
  await app.register(invoicesPageRoutes, { store, generateRouteConfig, now });

  // Delete asks first, on a page of its own (no script needed).
  app.get<{ Params: DraftParams }>('/wizard/:draftId/delete', { schema: { hide: true } }, async (request, reply) => {
    const found = await store.get(request.params.draftId);
    if (!found) return gone(reply);
    const page = await draftPage(request, reply, found);
    if (!page) return reply;
    const { draft, messages } = page;
    return html(reply).view('delete.eta', {
      title: messages.t('delete.title'),
      projectName: typeof (draft.answers.project as { name?: unknown } | undefined)?.name === 'string' ? (draft.answers.project as { name: string }).name : undefined,
      action: draftUrl(draft.id, 'delete'),
      backHref: draftUrl(draft.id, REVIEW_STEP.id),
      csrf: reply.generateCsrf(),
    });
  });

  app.post<{ Params: DraftParams }>('/wizard/:draftId/delete', { schema: { hide: true }, bodyLimit: SMALL_FORM_BYTES, preValidation: csrfCheck }, async (request, reply) => {
    await store.delete(request.params.draftId);
    return reply.redirect('/wizard/deleted', 303);
  });
};
