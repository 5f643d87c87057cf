// The JSON API: answers in; a Word file, the assembled contract as JSON, or
// an HTML preview out. Validation comes from the one answers schema through
// the zod type provider, so the OpenAPI document describes what is enforced.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answersSchema, LANGUAGES } from '../answers/schema.ts';
import { assembleContract, editionFor } from '../contract/assemble.ts';
import { sendDownload } from './download.ts';
import type { ClauseLibrary } from '../clauses/load.ts';
import type { Contract } from '../contract/tree.ts';
import { describeCondition } from '../clauses/load.ts';
import { contractDocxWriter } from '../render/docx-package.ts';
import { renderContractPage } from '../render/html.ts';
import { asksForPdfByQuery, PDF_TYPE, renderContractPdf } from '../render/pdf-on-demand.ts';
import { contractToJson } from './contract-response.ts';
import { HttpProblem } from './problems.ts';
import { say } from '../language/messages.ts';
import { unknownField } from '../language/unknown-keys.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ApiOptions {
  readonly library: ClauseLibrary;
  /** Route options for endpoints that generate documents (the rate limit). */
  readonly generateRouteConfig?: Record<string, unknown>;
  /** Another Word renderer for the contract route: the benchmark's docx-library baseline. */
  readonly renderContractDocx?: (contract: Contract) => Buffer | Promise<Buffer>;
}

/** JSON Schema of the answers as a client sends them (defaults may be left out). */
export const answersJsonSchema = z.toJSONSchema(answersSchema, { io: 'input', unrepresentable: 'any' });

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    moreErrors: z.number().int().optional().describe('How many problems beyond the first 20 are not listed in `errors`.'),
  })
  .describe('application/problem+json');

/** Refuses bodies that are not JSON before they are parsed as anything else (the wizard's form parsers exist too). */
export function requireJson(request: { headers: Record<string, string | string[] | undefined> }): void {
  const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw HttpProblem.of(415, 'unsupported-media-type');
  }
}

export const apiRoutes: FastifyPluginAsync<ApiOptions> = async (app, { library, generateRouteConfig, renderContractDocx }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Prepared while the app starts, so no request pays for it (render/docx-package.ts).
  const writer = await contractDocxWriter();
  const writeDocx = renderContractDocx ?? ((contract: Contract) => writer.write(contract));

  api.post('/api/contracts', {
    ...generateRouteConfig,
    preValidation: async (request) => requireJson(request),
    schema: {
      summary: 'Make a contract from answers',
      description:
        'Returns the Word file by default. With `Accept: application/pdf` (or `?format=pdf`), the PDF (PDF/A-3b, the answers attached); with `Accept: application/json`, the assembled contract (clauses with id, title, text); with `Accept: text/html`, an HTML preview.',
      tags: ['contracts'],
      body: answersSchema,
      response: {
        200: z.unknown().describe('The Word file (default), the PDF, the assembled contract as JSON, or the HTML preview'),
        400: problemSchema, 413: problemSchema, 415: problemSchema, 429: problemSchema },
    },
  }, async (request, reply) => {
    const contract = assembleContract(request.body, library);
    const preferred = asksForPdfByQuery(request) ? PDF_TYPE : request.accepts().type([DOCX_TYPE, PDF_TYPE, 'application/json', 'text/html']);
    // No Accept header, */*, or one we cannot serve: the Word file, which is what the product is for.
    if (preferred === PDF_TYPE) return sendDownload(reply, { type: PDF_TYPE, fileStem: contract.meta.fileStem, extension: 'pdf', body: await renderContractPdf(contract) });
    if (preferred === 'application/json') return reply.type('application/json; charset=utf-8').send(contractToJson(contract));
    if (preferred === 'text/html') return reply.type('text/html; charset=utf-8').send(renderContractPage(contract));
    const docx = await writeDocx(contract);
    return sendDownload(reply, { type: DOCX_TYPE, fileStem: contract.meta.fileStem, extension: 'docx', body: docx });
  });

  // Each language has its own clause library (clauses/contract/, clauses/contract-ja/): the same
  // edition assembly uses for answers in that language, so the list is what such a contract draws from.
  // Its sentences come from the catalogues (clausesQuery.*), in the language of the check, like the answers'.
  const clausesQuery = z.strictObject(
    { language: z.enum(LANGUAGES, { error: () => say('clausesQuery.language.wrong') }).default('en') },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownField('clausesQuery.request') : say('clausesQuery.request.wrong')) },
  );
  api.get('/api/clauses', {
    schema: {
      summary: 'List the clause library',
      description: 'The clauses of the English contract by default; `?language=ja` lists the Japanese contract\'s (業務委託契約書) articles.',
      tags: ['contracts'],
      querystring: clausesQuery,
    },
  }, async (request) => ({
    language: request.query.language,
    clauses: editionFor(request.query.language, library).library.clauses.map((clause) => ({
      id: clause.id,
      variant: clause.variant,
      title: clause.title,
      order: clause.order,
      appliesWhen: describeCondition(clause.when),
      when: clause.when,
      note: clause.note,
    })),
  }));

  api.get('/api/schema', {
    schema: { summary: 'JSON Schema of the answers', tags: ['contracts'] },
  }, async (_request, reply) => reply.type('application/schema+json; charset=utf-8').send(answersJsonSchema));
};
