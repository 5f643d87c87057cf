// Whatever a client sends, the answer is a Word file that opens or a 400
// naming the field: never a 500, never a corrupt file. fast-check generates
// the input; a failure prints the smallest case that breaks the rule.
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { buildTestApp } from '../helpers/test-app.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { nonEmpty } from '../helpers/non-empty.ts';
import { sampleInput, SAMPLE_NAMES } from '../helpers/samples.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp({ rateLimitPerMinute: 0 });
});
afterAll(async () => {
  await app.close();
});

const post = (payload: string) =>
  app.inject({ method: 'POST', url: '/api/contracts', payload, headers: { 'content-type': 'application/json' } });

const TEXT_FIELDS = [
  'freelancer.name', 'freelancer.business', 'freelancer.title', 'freelancer.address',
  'client.name', 'client.business', 'client.title', 'client.address',
  'project.name', 'project.description', 'project.deliverables.0',
  'jurisdiction.governingLaw', 'jurisdiction.venue',
] as const;

function setPath(target: any, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = node[key];
  node[keys.at(-1)!] = value;
}

// Characters that have broken document generators: XML's forbidden ones,
// lone surrogates, markup of every format we write, bidi controls.
const nasty = fc.constantFrom(
  '\u0000', '\u0001', '\u0008', '\u000B', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '\n', '\r', '\t',
  '<', '>', '&', '"', "'", ']]>', '<w:p>', '**', '::signatures', '- ', '<%= it %>', '\u202E', '\u200F', '\u2028',
  'שלום', 'مرحبا', '山田', '🎨', '\u0301', '$&', '{{x}}',
);
const anyText = fc.string({ unit: fc.oneof(nasty, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 40 });

describe('any Unicode in any text field', () => {
  it('gives a Word file whose every part parses, showing the text, or a 400 naming that field', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SAMPLE_NAMES),
        fc.dictionary(fc.constantFrom(...TEXT_FIELDS), anyText, { minKeys: 1, maxKeys: 4 }),
        async (sample, changes) => {
          const input = sampleInput(sample);
          for (const [path, value] of Object.entries(changes)) setPath(input, path, value);
          const response = await post(JSON.stringify(input));
          if (response.statusCode === 400) {
            const body = response.json();
            expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
            for (const error of nonEmpty<{ path: string; message: string }>(body.errors, 'the problem\'s errors')) expect(Object.keys(changes)).toContain(error.path);
            return;
          }
          expect(response.statusCode).toBe(200);
          accepted += 1;
          const docx = openDocx(response.rawPayload); // throws on any malformed part
          const answers = answersSchema.parse(input);
          const text = docx.text();
          expect(text).toContain(answers.client.name);
          expect(text).toContain(answers.project.name);
        },
      ),
      { numRuns: 60 },
    );
    // Most generated text is acceptable: the property must be about Word files, not only about 400s.
    expect(accepted).toBeGreaterThan(30);
  }, 120_000);
});

// Every place in an example's tree, so damage can land anywhere.
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, child]) => paths(child, [...prefix, key]))];
}

const damage = fc.constantFrom(
  { kind: 'delete' }, { kind: 'set', value: null }, { kind: 'set', value: 0 }, { kind: 'set', value: -1 },
  { kind: 'set', value: 1e308 }, { kind: 'set', value: -1e308 }, { kind: 'set', value: 1.5 }, { kind: 'set', value: '' },
  { kind: 'set', value: 'x' }, { kind: 'set', value: true }, { kind: 'set', value: [] }, { kind: 'set', value: {} },
  { kind: 'set', value: [1, 2] }, { kind: 'set', value: { a: 1 } }, { kind: 'set', value: '2026-02-30' },
  { kind: 'set', value: 'x'.repeat(30_000) }, { kind: 'extra' },
);

describe('structural damage', () => {
  it('wrong types, missing or extra keys, nulls and huge numbers give a 400 problem, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SAMPLE_NAMES), fc.nat(), fc.array(damage, { minLength: 1, maxLength: 3 }), async (sample, seed, hits) => {
        const input = sampleInput(sample);
        const all = paths(input);
        hits.forEach((hit, index) => {
          const path = all[(seed + index * 7) % all.length]!;
          if (path.length === 0) return;
          let node: any = input;
          for (const key of path.slice(0, -1)) node = node?.[key];
          if (node === null || typeof node !== 'object') return;
          const key = path.at(-1)!;
          if (hit.kind === 'delete') delete node[key];
          else if (hit.kind === 'extra') node[`${key}Extra`] = 1;
          else node[key] = hit.value;
        });
        const response = await post(JSON.stringify(input));
        expect([200, 400]).toContain(response.statusCode);
        if (response.statusCode === 400) {
          const body = response.json();
          expect(body.status).toBe(400);
          for (const error of nonEmpty<{ path: string; message: string }>(body.errors, 'the problem\'s errors')) {
            expect(typeof error.path).toBe('string');
            // A sentence for a person (GOV.UK style: a capital, no programmer's codes like "ISO 4217").
            expect(error.message).toMatch(/^[A-Z"]/);
            expect(error.message).not.toMatch(/ISO|4217|NaN|undefined|Expected|Invalid input/);
          }
        } else {
          openDocx(response.rawPayload);
        }
      }),
      { numRuns: 250 },
    );
  }, 120_000);
});
