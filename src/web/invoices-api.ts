// POST /api/invoices: an invoice from the same answers as the contract, its
// figures from the settlement model. The Word file by default, the figures
// as JSON with `Accept: application/json`, the email with `Accept: text/plain`.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assembleInvoice } from '../invoices/assemble.ts';
import { renderInvoiceText } from '../invoices/plain-text.ts';
import { invoiceRequestSchema } from '../invoices/request.ts';
import { renderInvoiceDocx } from '../render/docx-on-demand.ts';
import { asksForPdfByQuery, PDF_TYPE, renderInvoicePdf } from '../render/pdf-on-demand.ts';
import { DOCX_TYPE, requireJson } from './api.ts';
import { sendDownload } from './download.ts';
import { invoiceToJson } from './invoice-response.ts';

export interface InvoicesApiOptions {
  /** Route options for endpoints that generate documents (the rate limit). */
  readonly generateRouteConfig?: Record<string, unknown>;
}

export const invoicesApiRoutes: FastifyPluginAsync<InvoicesApiOptions> = async (app, options) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/api/invoices', {
    ...options.generateRouteConfig,
    preValidation: async (request) => requireJson(request),
    schema: {
      summary: 'Make an invoice from the contract\'s answers',
      description:
        'Kinds: `deposit` (due on receipt, before work starts), `balance` (fixed price less the deposit), `hours` (`hours` at the hourly rate; `final: true` credits the deposit), ' +
        '`retainer` (one `month`, YYYY-MM, paid in advance; the first month credits the deposit), `ending` (what is owed when the client ends the contract: `workDoneAmount` or `hoursWorked`, ' +
        'the kill fee, the deposit credited, never below zero). Optional: `expenses` (approved, at cost), `lateFeeSince` (the due date it missed: the late fee for each full 30 days ' +
        'added as its own line), `dueDate`, `howToPay`.\n\n' +
        'Returns the Word file by default; `Accept: application/pdf` (or `?format=pdf`) the PDF; `Accept: application/json` gives the figures (minor units and written out); `Accept: text/plain` the email, whose first line is `Subject: ...`.\n\n' +
        'For answers with `"language": "ja"`, a Japanese 請求書: a qualified invoice (適格請求書) when `freelancer.invoiceRegistrationNumber` is set and 消費税 is charged, ' +
        'otherwise one that says it is not; 源泉徴収 deducted where `fee.withholding` is on, the recipient with 御中 or 様, お振込先 and the transfer fee on the client; ' +
        'amounts as 600,000円, dates as 2027年4月1日, the email after its `Subject:` line in Japanese.',
      tags: ['invoices'],
      body: invoiceRequestSchema,
    },
  }, async (request, reply) => {
    const invoice = assembleInvoice(request.body);
    const preferred = asksForPdfByQuery(request) ? PDF_TYPE : request.accepts().type([DOCX_TYPE, PDF_TYPE, 'application/json', 'text/plain']);
    if (preferred === PDF_TYPE) return sendDownload(reply, { type: PDF_TYPE, fileStem: invoice.meta.fileStem, extension: 'pdf', body: await renderInvoicePdf(invoice) });
    if (preferred === 'application/json') return reply.type('application/json; charset=utf-8').send(invoiceToJson(invoice));
    if (preferred === 'text/plain') return reply.type('text/plain; charset=utf-8').send(renderInvoiceText(invoice));
    const docx = await renderInvoiceDocx(invoice);
    return sendDownload(reply, { type: DOCX_TYPE, fileStem: invoice.meta.fileStem, extension: 'docx', body: docx });
  });
};

export default invoicesApiRoutes;
