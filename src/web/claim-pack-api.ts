// POST /api/claim-pack: the claim pack as one zip (src/render/claim-pack.ts)
// from the answers, the invoices and letters to include, and the payments
// made. A generating route: it draws on the one documents budget.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ClauseLibrary } from '../clauses/load.ts';
import { assembleClaimPack } from '../claims/claim-pack.ts';
import { claimPackRequestSchema } from '../claims/claim-pack-request.ts';
import { renderClaimPack } from '../render/claim-pack.ts';
import { contractDocxWriter } from '../render/docx-package.ts';
import { requireJson } from './api.ts';
import { sendDownload } from './download.ts';

export const ZIP_TYPE = 'application/zip';

export interface ClaimPackApiOptions {
  readonly library: ClauseLibrary;
  readonly letters: ClauseLibrary;
  /** Route options for endpoints that generate documents (the rate limit). */
  readonly generateRouteConfig?: Record<string, unknown>;
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
        'or the statute\'s interest and fixed compensation to that day), both as Word files in the answers\' language.',
      tags: ['claims'],
      body: claimPackRequestSchema,
    },
  }, async (request, reply) => {
    const trees = assembleClaimPack(request.body, { contract: library, letters });
    const { zip, fileStem } = await renderClaimPack(trees, request.body.asOf, { contractDocx: async (contract) => writer.write(contract) });
    return sendDownload(reply, { type: ZIP_TYPE, fileStem, extension: 'zip', body: zip });
  });
};

export default claimPackApiRoutes;
