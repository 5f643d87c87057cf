// The time property: 100,000-character strings built from the worst cases of
// the patterns that once stalled the server, sent through every field of the
// API, every field of every wizard form and both upload kinds, each answered
// as usual (the document, a saved step, or a refusal naming the field) while
// the home page keeps answering. The per-request cap here is generous (this
// tier runs on a busy machine beside other test files); `npm run bench:stall`
// holds the real server to the second. Beside the 100,000-character
// strings (refused before any cleaning, being over every raw cap), each text
// field gets a sized text of expanding characters at its raw cap, just under
// it and at its limit, which the cleaning code and the renderers do read.
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nonEmpty } from '../helpers/non-empty.ts';
import { ORDINARY_STATUSES, SIZED_AT, sizedLength, sizedShape, stallCases, textOf, worstCaseShape, type Send, type StallCase } from '../helpers/stall-cases.ts';
import { buildTestApp } from '../helpers/test-app.ts';

const CAP_MS = 3_000;
/** Texts per case: the cases cover every field; the texts vary by the fixed seed. */
const RUNS_PER_CASE = 2;

let app: FastifyInstance;
let cases: StallCase[];
beforeAll(async () => {
  app = await buildTestApp();
  const send: Send = async (request) => {
    const response = await app.inject({ method: request.method, url: request.url, headers: request.headers, payload: request.body === undefined ? undefined : Buffer.from(request.body) });
    return {
      status: response.statusCode,
      setCookies: ([] as string[]).concat(response.headers['set-cookie'] ?? []),
      location: String(response.headers.location ?? ''),
      body: response.body,
    };
  };
  cases = await stallCases(send);
});
afterAll(async () => {
  await app.close();
});

describe('worst-case text through every field', () => {
  it('reaches every API route, both uploads and every wizard form', () => {
    const names = cases.map((entry) => entry.name);
    for (const expected of [
      'POST /api/contracts client.phone',
      'POST /api/contracts project.description',
      'POST /api/contracts fee.total',
      'POST /api/invoices invoice.number',
      'POST /api/schedule since',
      'POST /api/letters/final-notice letter.invoice.number',
      'import .docx customXml/item1.xml is the text',
      'import .json client.phone',
      'import .docx project.description',
    ]) expect(names).toContain(expected);
    // The steps, the letter pages and the invoices page each contribute their forms.
    expect(names.filter((name) => name.startsWith('wizard …/client:')).length).toBeGreaterThan(3);
    expect(names.some((name) => name.startsWith('wizard …/follow-up/final-notice:'))).toBe(true);
    expect(names.some((name) => name.startsWith('wizard …/invoices/deposit:'))).toBe(true);
    expect(cases.length).toBeGreaterThan(300);
  });

  it('each is answered as usual within the cap, and the home page meanwhile', async () => {
    expect.hasAssertions();
    for (const entry of cases) {
      await fc.assert(
        fc.asyncProperty(worstCaseShape, async (shape) => {
          const [steps, home] = await Promise.all([entry.run(textOf(shape)), app.inject({ method: 'GET', url: '/' })]);
          expect(home.statusCode).toBe(200);
          for (const { what, response, ms } of steps) {
            expect(ORDINARY_STATUSES, `${entry.name}: ${what} answered ${response.status}: ${response.body.slice(0, 200)}`).toContain(response.status);
            expect(ms, `${entry.name}: ${what}`).toBeLessThan(CAP_MS);
          }
        }),
        { numRuns: RUNS_PER_CASE },
      );
    }
  }, 600_000);

  it('knows the cap of every text field it sends to, in the API, the wizard and both uploads', () => {
    const capped = cases.filter((entry) => entry.cap !== undefined).map((entry) => entry.name);
    for (const expected of [
      'POST /api/contracts freelancer.invoiceRegistrationNumber',
      'POST /api/invoices invoice.howToPay',
      'POST /api/letters/final-notice letter.howToPay',
      'import .docx project.description',
      'import .json freelancer.address',
    ]) expect(capped).toContain(expected);
    expect(capped.some((name) => name.startsWith('wizard …/project: project.description'))).toBe(true);
    expect(capped.some((name) => name.startsWith('wizard …/invoices/deposit: howToPay'))).toBe(true);
    expect(capped.some((name) => name.startsWith('wizard …/follow-up/final-notice: howToPay'))).toBe(true);
  });

  it('each text field\'s expanding worst case at its raw cap, just under it and at its limit is answered as usual within the cap', async () => {
    for (const entry of nonEmpty(cases.filter((candidate) => candidate.cap !== undefined))) {
      for (const at of SIZED_AT) {
        await fc.assert(
          fc.asyncProperty(sizedShape, async (shape) => {
            const text = textOf(shape, sizedLength(entry.cap!, at));
            const [steps, home] = await Promise.all([entry.run(text), app.inject({ method: 'GET', url: '/' })]);
            expect(home.statusCode).toBe(200);
            for (const { what, response, ms } of steps) {
              expect(ORDINARY_STATUSES, `${entry.name} ${at}: ${what} answered ${response.status}: ${response.body.slice(0, 200)}`).toContain(response.status);
              expect(ms, `${entry.name} ${at}: ${what}`).toBeLessThan(CAP_MS);
            }
          }),
          { numRuns: 1 },
        );
      }
    }
  }, 600_000);
});
