// A letter, invoice or calendar request carries the contract's answers; when
// those are invalid (an effective date of "soon"), the rules that compare the
// request with the contract have nothing to compare with. The answer is a 400
// naming the answers' field, never a 500 from a rule reading a bad date.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LETTER_KINDS } from '../../src/letters/request.ts';
import { letterInput } from '../helpers/letters.ts';
import { sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', accept: 'application/json' } });

function withEffectiveDate<T extends { answers: Record<string, unknown> }>(request: T, effectiveDate: string): T {
  request.answers.effectiveDate = effectiveDate;
  return request;
}

const requests: [string, () => { answers: Record<string, unknown> }][] = [
  ['/api/invoices', () => ({ answers: sampleInput('new-client-fixed'), invoice: { kind: 'deposit', number: 'INV-1', issuedOn: '2027-03-01' } })],
  ['/api/schedule', () => ({ answers: sampleInput('new-client-fixed'), stage: 'in-progress', since: '2027-03-03' })],
  ...LETTER_KINDS.map((kind): [string, () => { answers: Record<string, unknown> }] => [`/api/letters/${kind}`, () => letterInput()]),
];

describe('a request whose contract answers are invalid', () => {
  it.each(requests)('%s: 400 naming answers.effectiveDate', async (url, request) => {
    for (const effectiveDate of ['soon', '2027-02-30', '<!--'.repeat(1_000)]) {
      const response = await post(url, withEffectiveDate(request(), effectiveDate));
      expect(response.statusCode, `${effectiveDate.slice(0, 20)}: ${response.body.slice(0, 200)}`).toBe(400);
      expect(response.json().errors).toContainEqual({ path: 'answers.effectiveDate', message: expect.any(String) });
    }
  });
});
