// POST /api/claim-pack: the claim pack as one zip (src/render/claim-pack.ts)
// from the answers, the invoices and letters to include, and the payments
// made. A generating route: it draws on the one documents budget.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ClauseLibrary } from '../clauses/load.ts';
import { assembleClaimPack, statementFigures, type ClaimPackTrees } from '../claims/claim-pack.ts';
import type { ClaimPackRequest } from '../claims/claim-pack-request.ts';
import { moneyClaimFigures } from '../claims/money-claim.ts';
import { statutePlaceOf } from '../claims/place.ts';
import { renderLetterDocx } from '../render/docx-on-demand.ts';
import { asksForPdfByQuery, PDF_TYPE, renderLetterPdf } from '../render/pdf-on-demand.ts';
import { HttpProblem } from './problems.ts';
import { DOCX_TYPE } from './api.ts';
import { claimPackRequestSchema } from '../claims/claim-pack-request.ts';
import { renderClaimPack } from '../render/claim-pack.ts';
import { contractDocxWriter } from '../render/docx-package.ts';
import { requireJson } from './api.ts';
import { money } from '../answers/money.ts';
import { sendDownload } from './download.ts';

export const ZIP_TYPE = 'application/zip';

export interface ClaimPackApiOptions {
  readonly library: ClauseLibrary;
  readonly letters: ClauseLibrary;
  /** Route options for endpoints that generate documents (the rate limit). */
  readonly generateRouteConfig?: Record<string, unknown>;
}

/** The pack's figures as JSON: the statement per invoice and in total, and in England and Wales what Money Claim Online asks for. */
export function claimFiguresJson(request: ClaimPackRequest, trees: ClaimPackTrees) {
  const { answers, asOf } = request;
  const currency = answers.fee.currency;
  const figures = statementFigures({ answers, invoices: trees.invoices, asOf, payments: request.payments.map((payment) => ({ ...payment, amount: money(payment.amount, currency) })) });
  const moneyClaim = statutePlaceOf(answers) === 'gb-eng' && currency === 'GBP' ? moneyClaimFigures(figures, asOf) : undefined;
  return {
    asOf,
    statement: {
      currency,
      invoiced: figures.invoiced,
      paid: figures.paid,
      outstanding: figures.outstanding,
      lateCharges: figures.lateCharges,
      compensation: figures.compensation,
      claimed: figures.claimed,
      invoices: figures.accounts.map(({ late: _late, payments: _payments, ...account }) => account),
    },
    ...(moneyClaim ? { moneyClaim } : {}),
    ...(trees.preAction ? { preActionLetter: trees.preAction.kind } : {}),
    // Japan: the 訴状 / 支払督促 data, for a program (or a person) filling in the court's form.
    ...(trees.courtClaimJa ? { japaneseCourtClaim: trees.courtClaimJa.claim } : {}),
  };
}

export const claimPackApiRoutes: FastifyPluginAsync<ClaimPackApiOptions> = async (app, { library, letters, generateRouteConfig }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const writer = await contractDocxWriter();
  api.post('/api/claim-pack', {
    ...generateRouteConfig,
    preValidation: async (request) => requireJson(request),
    schema: {
      summary: 'The claim pack: contract, invoices, letters, chronology and statement of account (zip)',
      description:
        'One zip for a court or a lawyer: the contract\'s Word file; each of `invoices` (as `POST /api/invoices` takes its `invoice`) and `letters` ' +
        '(each `{ "kind": "final-notice", "letter": { … } }` as the letter\'s own route takes it) as Word files named with their dates; ' +
        'the chronology; and the statement of account on `asOf` (amounts invoiced, `payments` made against each invoice, and the contract\'s late fee ' +
        'or the statute\'s interest and fixed compensation to that day), both as Word files in the answers\' language. ' +
        'A Japanese contract in yen with something owed adds the 訴状 / 支払督促 data as a Word file; with `Accept: application/json` it is `japaneseCourtClaim`.',
      tags: ['claims'],
      body: claimPackRequestSchema,
    },
  }, async (request, reply) => {
    const trees = assembleClaimPack(request.body, { contract: library, letters });
    // The figures alone, for a program filling in a court's form: with Accept: application/json.
    if (request.accepts().type([ZIP_TYPE, 'application/json']) === 'application/json') return reply.send(claimFiguresJson(request.body, trees));
    const { zip, fileStem } = await renderClaimPack(trees, request.body.asOf, { contractDocx: async (contract) => writer.write(contract) });
    return sendDownload(reply, { type: ZIP_TYPE, fileStem, extension: 'zip', body: zip });
  });

  // England and Wales: the letter of claim (Pre-Action Protocol for Debt Claims) or the letter before action,
  // from the same request as the pack, dated its `asOf`. Word by default, PDF as the letters routes give it.
  api.post('/api/claim-pack/pre-action-letter', {
    ...generateRouteConfig,
    preValidation: async (request) => requireJson(request),
    schema: {
      summary: 'England and Wales: the letter of claim or the letter before action',
      description:
        'The claim pack\'s request (answers governed by the law of England and Wales, in pounds). A client who is an individual or a sole trader ' +
        '(`debtor: "individual"`, the default unless the client is named as a company, "… Ltd") gets the Pre-Action Protocol for Debt Claims letter of claim: ' +
        'the debt and how it is made up, interest and its basis, paying by instalments, the Information Sheet, Reply Form and Financial Statement enclosed, 30 days to reply. ' +
        'A company (`debtor: "company"`) gets a letter before action with 14 days. Word file by default; with `Accept: application/pdf` (or `?format=pdf`) the PDF. ' +
        'Answers of another place, or nothing owed on `asOf`, get 422.',
      tags: ['claims'],
      body: claimPackRequestSchema,
    },
  }, async (request, reply) => {
    const trees = assembleClaimPack(request.body, { contract: library, letters });
    if (!trees.preAction) throw HttpProblem.of(422, 'pre-action-not-england');
    const letter = trees.preAction;
    const preferred = asksForPdfByQuery(request) ? PDF_TYPE : request.accepts().type([DOCX_TYPE, PDF_TYPE]);
    if (preferred === PDF_TYPE) return sendDownload(reply, { type: PDF_TYPE, fileStem: letter.meta.fileStem, extension: 'pdf', body: await renderLetterPdf(letter) });
    return sendDownload(reply, { type: DOCX_TYPE, fileStem: letter.meta.fileStem, extension: 'docx', body: await renderLetterDocx(letter) });
  });
};

export default claimPackApiRoutes;
