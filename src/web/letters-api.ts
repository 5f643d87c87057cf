// The follow-up kit over HTTP: the article's letters (Word file by default,
// the email text with Accept: text/plain) and its follow-up calendar (.ics).
// One route per letter kind, so that each has its own body schema (an
// invoice is required exactly where the letter is about one) and its own
// entry in the OpenAPI document; an unknown kind gets a 404 naming the real ones.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ClauseLibrary } from '../clauses/load.ts';
import { sendDownload } from './download.ts';
import { assembleLetter } from '../letters/assemble.ts';
import { loadLetterLibrary } from '../letters/library.ts';
import { renderLetterText } from '../letters/plain-text.ts';
import { INVOICE_LETTERS, LETTER_KINDS, letterRequestSchemas } from '../letters/request.ts';
import { renderLetterDocx, renderNaiyoShomeiDocx } from '../render/docx-on-demand.ts';
import { asksForPdfByQuery, PDF_TYPE, renderLetterPdf } from '../render/pdf-on-demand.ts';
import { scheduleCalendarFile } from '../schedule/ics-on-demand.ts';
import { scheduleRequestSchema } from '../schedule/request.ts';
import { DOCX_TYPE, requireJson } from './api.ts';
import { HttpProblem } from './problems.ts';
import { z } from 'zod';
import { NAIYO_GRIDS, naiyoShomeiText } from '../claims/naiyo-shomei.ts';

export interface LettersApiOptions {
  /** Letter templates already loaded (tests); loaded and checked from clauses/letters/ otherwise. */
  readonly letters?: ClauseLibrary;
  /** Route options for endpoints that generate documents (the rate limit). */
  readonly generateRouteConfig?: Record<string, unknown>;
}

export const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

function unknownLetter(kind: string): HttpProblem {
  return new HttpProblem(404, 'Unknown letter', `There is no letter called "${kind}". The letters are: ${LETTER_KINDS.join(', ')}.`, undefined, 'unknown-letter');
}

export const lettersApiRoutes: FastifyPluginAsync<LettersApiOptions> = async (app, options) => {
  // Loaded at registration, i.e. at start-up: a broken template stops the server with the file named.
  const library = options.letters ?? loadLetterLibrary();
  const titleOf = (kind: string) => library.clauses.find((letter) => letter.id === kind)?.title ?? kind;
  const api = app.withTypeProvider<ZodTypeProvider>();

  for (const kind of LETTER_KINDS) {
    api.post(`/api/letters/${kind}`, {
      ...options.generateRouteConfig,
      preValidation: async (request) => requireJson(request),
      schema: {
        summary: `Write the "${titleOf(kind)}" letter`,
        description:
          `${library.clauses.find((letter) => letter.id === kind)?.note ?? ''}\n\n` +
          'Returns the Word file by default; with `Accept: application/pdf` (or `?format=pdf`), the PDF; with `Accept: text/plain`, the email text, whose first line is `Subject: ...`.' +
          (INVOICE_LETTERS.includes(kind) ? ' `letter.invoice` is required.' : ''),
        tags: ['letters'],
        body: letterRequestSchemas[kind],
      },
    }, async (request, reply) => {
      const letter = assembleLetter(kind, request.body, library);
      const preferred = asksForPdfByQuery(request) ? PDF_TYPE : request.accepts().type([DOCX_TYPE, PDF_TYPE, 'text/plain']);
      if (preferred === PDF_TYPE) return sendDownload(reply, { type: PDF_TYPE, fileStem: letter.meta.fileStem, extension: 'pdf', body: await renderLetterPdf(letter) });
      if (preferred === 'text/plain') return reply.type('text/plain; charset=utf-8').send(renderLetterText(letter));
      const docx = await renderLetterDocx(letter);
      return sendDownload(reply, { type: DOCX_TYPE, fileStem: letter.meta.fileStem, extension: 'docx', body: docx });
    });
  }

  // The Japanese final demand as 内容証明郵便 text on the post office's grid (src/claims/naiyo-shomei.ts).
  api.post('/api/letters/final-notice/naiyo-shomei', {
    ...options.generateRouteConfig,
    preValidation: async (request) => requireJson(request),
    schema: {
      summary: 'The Japanese final notice as 内容証明郵便 text',
      description:
        'The final notice of a Japanese contract laid out on the post office\'s grid (20 characters by 26 lines; `?grid=26x20` or `13x40`), ' +
        'counted as the post office counts, with no enclosure and the sender\'s and recipient\'s blocks: plain text for e内容証明, sheets separated by a form feed; ' +
        'with `Accept: ' + DOCX_TYPE + '` (or `?format=docx`), a Word file to print, one sheet a page, in three copies (差出人用, 郵便局用, 受取人用).',
      tags: ['letters'],
      body: letterRequestSchemas['final-notice'],
      querystring: z.strictObject({
        grid: z.enum(Object.keys(NAIYO_GRIDS) as [keyof typeof NAIYO_GRIDS]).default('20x26'),
        format: z.enum(['text', 'docx']).optional(),
      }),
    },
  }, async (request, reply) => {
    if (request.body.answers.language !== 'ja') throw HttpProblem.of(422, 'naiyo-shomei-not-japanese');
    const letter = assembleLetter('final-notice', request.body, library);
    const grid = NAIYO_GRIDS[request.query.grid];
    // Text unless the Word file is asked for by name: e内容証明 and older clients take the text.
    const wantsDocx = request.query.format === 'docx' || (request.query.format === undefined && request.accepts().type(['text/plain', DOCX_TYPE]) === DOCX_TYPE);
    if (wantsDocx) {
      return sendDownload(reply, { type: DOCX_TYPE, fileStem: `${letter.meta.fileStem} 内容証明`, extension: 'docx', body: await renderNaiyoShomeiDocx(letter, grid) });
    }
    return reply.type('text/plain; charset=utf-8').send(naiyoShomeiText(letter, grid).text);
  });

  // Any other name: 404 before the body is even read, so a typo is reported as a typo.
  app.post<{ Params: { kind: string } }>('/api/letters/:kind', {
    schema: { hide: true },
    onRequest: async (request) => {
      throw unknownLetter((request.params as { kind: string }).kind);
    },
  }, async (request) => {
    throw unknownLetter(request.params.kind);
  });

  api.post('/api/schedule', {
    ...options.generateRouteConfig,
    preValidation: async (request) => requireJson(request),
    schema: {
      summary: 'The follow-up calendar (.ics)',
      description:
        'The article\'s follow-up dates as all-day calendar events, one per action, each naming the letter to send. `since` is the unanswered message (negotiating, in-progress) or the invoice due date (payment-due).',
      tags: ['letters'],
      body: scheduleRequestSchema,
    },
  }, async (request, reply) => {
    const { ics, fileStem } = await scheduleCalendarFile(request.body, { letterTitle: titleOf });
    return sendDownload(reply, { type: CALENDAR_TYPE, fileStem, extension: 'ics', body: ics });
  });
};

export default lettersApiRoutes;
