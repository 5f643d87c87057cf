// The wizard's "Invoices" page, linked from Check your answers: each invoice
// the contract calls for, made from the draft's answers (Word file or email
// text), and kept with the draft so the next number is proposed and the
// follow-up letters can use it. Registered inside the wizard's plugin
// (routes.ts), so its forms share the wizard's CSRF check and 403 page.
//
//   GET  /wizard/:draftId/invoices         the page
//   POST /wizard/:draftId/invoices/:kind   action=docx: the Word file; action=pdf: the PDF; action=email: the email page
//   POST /wizard/:draftId/invoices/payments          records a payment received against an invoice made (payments-model.ts)
//   POST /wizard/:draftId/invoices/payments/remove   removes one recorded by mistake
import { useLanguage } from '../plugins/language.ts';
import { draftForPage } from './language-switch.ts';
import type { Messages } from '../../language/messages.ts';
import { draftLanguage } from './steps.ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { toIsoDate } from '../../answers/dates.ts';
import type { Answers } from '../../answers/schema.ts';
import type { Draft } from '../../drafts/store.ts';
import { assembleInvoice } from '../../invoices/assemble.ts';
import { renderInvoiceText } from '../../invoices/plain-text.ts';
import type { InvoiceKind } from '../../invoices/request.ts';
import { renderInvoiceDocx } from '../../render/docx-on-demand.ts';
import { PDF_TYPE, renderInvoicePdf } from '../../render/pdf-on-demand.ts';
import { DOCX_TYPE } from '../api.ts';
import { sendDownload } from '../download.ts';
import { completeAnswers, type FieldError } from './engine.ts';
import { single, type FormValues } from './form-values.ts';
import { hiddenInvoiceInputs, invoiceCapProblem, invoicesPage, isInvoiceKind, readInvoiceForm, savedInvoices, validateInvoice, withInvoice } from './invoices-model.ts';
import { PAYMENT_FORM, paymentsPage, readPaymentForm, savedPayments, validatePayment, withoutPayment, withPayment } from './payments-model.ts';
import { CHECK_PARAM, sentForm, withoutSentForm, withSentForm, type CheckQuery } from './sent-form.ts';
import { draftUrl, html, PAGE_FORM_BYTES, SCRIPTS, type DraftPageOptions, type DraftParams, type KindParams } from './pages.ts';

export type InvoicesPageOptions = DraftPageOptions;

const PAGE = 'invoices';
/** An invoice form's name among the forms kept with the draft: apart from the letters' names. */
const sentName = (kind: InvoiceKind) => `invoice-${kind}`;

export const invoicesPageRoutes: FastifyPluginAsync<InvoicesPageOptions> = async (app, { store, generateRouteConfig = {}, now = () => new Date() }) => {
  const csrfCheck = app.csrfProtection;
  const pageUrl = (id: string) => draftUrl(id, PAGE);

  function renderPage(
    reply: FastifyReply,
    draft: Draft,
    answers: Answers,
    messages: Messages,
    submitted?: { kind: InvoiceKind; values: FormValues; errors: readonly FieldError[] },
    status = 200,
    /** The payment form sent with problems, shown again under its invoice. */
    payment?: { values: FormValues; errors: readonly FieldError[] },
  ) {
    const { t } = messages;
    const errors = payment?.errors ?? submitted?.errors ?? [];
    const heading = t('invoices.title');
    const today = toIsoDate(now());
    return html(reply, status).view('invoices.eta', {
      title: errors.length ? t('errors.pageTitle', { title: heading }) : heading,
      heading,
      backHref: draftUrl(draft.id, 'review'),
      followUpHref: draftUrl(draft.id, 'follow-up'),
      csrf: reply.generateCsrf(),
      errors: errors.map((error) => ({ href: `#${error.targetId}`, message: error.message })),
      errorTitle: payment ? t('invoices.payments.error') : t('invoices.error'),
      page: invoicesPage({ answers, saved: savedInvoices(draft.answers), ...(submitted ? { submitted } : {}), today, messages, actionFor: (kind) => `${pageUrl(draft.id)}/${kind}` }),
      payments: paymentsPage({ answers, invoices: savedInvoices(draft.answers), payments: savedPayments(draft.answers), today, messages, ...(payment ? { submitted: payment } : {}) }),
      paymentAction: `${pageUrl(draft.id)}/payments`,
      removeAction: `${pageUrl(draft.id)}/payments/remove`,
      scripts: SCRIPTS,
    });
  }

  /** The form's problems: the invoice's own, and the draft's cap on invoices when this one would add to a full list. */
  function check(kind: InvoiceKind, answers: Answers, draft: Draft, form: FormValues, messages: Messages) {
    const result = validateInvoice(kind, answers, form, messages);
    const capped = invoiceCapProblem(kind, form, savedInvoices(draft.answers), messages);
    if (!capped) return result;
    return { ok: false as const, errors: [capped, ...(result.ok ? [] : result.errors.filter((error) => error.name !== 'number'))] };
  }

  /** The draft and its complete answers, with the page in the draft's language; `undefined` once a reply is sent. */
  async function load(request: FastifyRequest<{ Params: DraftParams }>, reply: FastifyReply): Promise<{ draft: Draft; answers: Answers; messages: Messages } | undefined> {
    // The language link on this page changes the draft's language, as on the wizard's steps.
    // The reply is sent there when there is nothing to show; `undefined` tells the route so.
    const draft = await draftForPage(request, reply, store);
    if (!draft) return undefined;
    // A form's answer (its errors, the email's text) links to the Invoices page itself.
    const messages = useLanguage(request, reply, draftLanguage(draft.answers), request.method === 'GET' ? undefined : pageUrl(draft.id));
    const answers = completeAnswers(draft.answers);
    if (!answers) {
      if (request.method !== 'GET') reply.redirect(pageUrl(draft.id), 303);
      else html(reply).view('invoices.eta', { title: messages.t('invoices.title'), heading: messages.t('invoices.title'), backHref: draftUrl(draft.id, 'review'), reviewHref: draftUrl(draft.id, 'review'), errors: [], scripts: SCRIPTS });
      return undefined;
    }
    return { draft, answers, messages };
  }

  app.get<{ Params: DraftParams; Querystring: CheckQuery }>(`/wizard/:draftId/${PAGE}`, { schema: { hide: true } }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const kind = request.query.check;
    // After the payment form was sent with problems (Post/Redirect/Get): the form again under its invoice, with them.
    const paymentValues = kind === PAYMENT_FORM ? sentForm(loaded.draft.answers, PAYMENT_FORM) : undefined;
    if (paymentValues) {
      const { draft, answers, messages } = loaded;
      const result = validatePayment(answers, savedInvoices(draft.answers), savedPayments(draft.answers), paymentValues, toIsoDate(now()), messages);
      return renderPage(reply, draft, answers, messages, undefined, 200, { values: paymentValues, errors: result.ok ? [] : result.errors });
    }
    // After an invoice's form was sent with problems (Post/Redirect/Get): that form again, with them, from the draft.
    const values = kind !== undefined && isInvoiceKind(kind, loaded.answers) ? sentForm(loaded.draft.answers, sentName(kind)) : undefined;
    if (kind === undefined || values === undefined || !isInvoiceKind(kind, loaded.answers)) return renderPage(reply, loaded.draft, loaded.answers, loaded.messages);
    const result = check(kind, loaded.answers, loaded.draft, values, loaded.messages);
    return renderPage(reply, loaded.draft, loaded.answers, loaded.messages, { kind, values, errors: result.ok ? [] : result.errors });
  });

  // A payment received: kept with the draft for the claim pack, then the page again (Post/Redirect/Get either way).
  app.post<{ Params: DraftParams }>(`/wizard/:draftId/${PAGE}/payments`, { schema: { hide: true }, bodyLimit: PAGE_FORM_BYTES, preValidation: csrfCheck }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { draft, answers, messages } = loaded;
    const form = readPaymentForm(request.body);
    const invoices = savedInvoices(draft.answers);
    const result = validatePayment(answers, invoices, savedPayments(draft.answers), form, toIsoDate(now()), messages);
    if (!result.ok) {
      await store.update(draft.id, (saved) => withSentForm(saved, PAYMENT_FORM, form));
      return reply.redirect(`${pageUrl(draft.id)}?${CHECK_PARAM}=${PAYMENT_FORM}#payments-${result.index + 1}`, 303);
    }
    const { payment } = result;
    await store.update(draft.id, (saved) => withoutSentForm(withPayment(saved, payment)));
    const index = invoices.findIndex((invoice) => invoice.number === payment.invoice);
    return reply.redirect(`${pageUrl(draft.id)}#payments-${index + 1}`, 303);
  });

  // A payment recorded by mistake. One already gone (removed in another tab) leaves the list as it is.
  app.post<{ Params: DraftParams }>(`/wizard/:draftId/${PAGE}/payments/remove`, { schema: { hide: true }, bodyLimit: PAGE_FORM_BYTES, preValidation: csrfCheck }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const id = single((request.body as Record<string, unknown> | undefined)?.payment) ?? '';
    const removed = savedPayments(loaded.draft.answers).find((payment) => payment.id === id);
    if (removed) await store.update(loaded.draft.id, (saved) => withoutPayment(saved, id));
    const index = removed ? savedInvoices(loaded.draft.answers).findIndex((invoice) => invoice.number === removed.invoice) : -1;
    return reply.redirect(`${pageUrl(loaded.draft.id)}#${index >= 0 ? `payments-${index + 1}` : 'payments'}`, 303);
  });

  app.post<{ Params: KindParams }>(`/wizard/:draftId/${PAGE}/:kind`, { schema: { hide: true }, bodyLimit: PAGE_FORM_BYTES, preValidation: csrfCheck, ...generateRouteConfig }, async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { kind } = request.params;
    if (!isInvoiceKind(kind, loaded.answers)) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = readInvoiceForm(kind, loaded.answers, body);
    const result = check(kind, loaded.answers, loaded.draft, form, loaded.messages);
    if (!result.ok) {
      // Post/Redirect/Get: the form is kept with the draft as typed, and the page's GET shows its problems.
      await store.update(loaded.draft.id, (answers) => withSentForm(answers, sentName(kind), form));
      return reply.redirect(`${pageUrl(loaded.draft.id)}?${CHECK_PARAM}=${kind}#invoice-${kind}`, 303);
    }
    const invoice = assembleInvoice(result.request);
    // Kept with the draft: the next number follows it, and the letters can use it.
    const draft = (await store.update(loaded.draft.id, (answers) => withoutSentForm({ ...answers, invoices: withInvoice(savedInvoices(answers), invoice, form) }))) ?? loaded.draft;
    if (single(body.action) === 'email') {
      const text = renderInvoiceText(invoice);
      return html(reply).view('invoice-email.eta', {
        title: loaded.messages.t('invoiceEmail.title', { number: invoice.number }),
        heading: loaded.messages.t('invoiceEmail.title', { number: invoice.number }),
        backHref: `${pageUrl(draft.id)}#invoice-${kind}`,
        to: loaded.answers.client.email,
        text,
        rows: Math.min(Math.max(text.split('\n').length + 1, 8), 40),
        action: `${pageUrl(draft.id)}/${kind}`,
        hidden: hiddenInvoiceInputs(kind, loaded.answers, form),
        fileName: `${invoice.meta.fileStem}.docx`,
        csrf: reply.generateCsrf(),
        scripts: SCRIPTS,
      });
    }
    if (single(body.action) === 'pdf') return sendDownload(reply, { type: PDF_TYPE, fileStem: invoice.meta.fileStem, extension: 'pdf', body: await renderInvoicePdf(invoice) });
    const docx = await renderInvoiceDocx(invoice);
    return sendDownload(reply, { type: DOCX_TYPE, fileStem: invoice.meta.fileStem, extension: 'docx', body: docx });
  });
};
