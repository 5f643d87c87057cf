// Validation time grows linearly with a field's length, for every text field
// of every request (issue 29, point 1): a pass that backtracks or rescans
// (a `/[ \t]+$/` per line once made a 40 kB description take 1.1 s instead of
// 15 ms) costs 64 times as much for eight times the text; a linear one about
// eight. The texts are each field's worst case at its raw cap (the longest
// that is cleaned at all), multi-line and built from characters whose
// normalisation expands, against the same text at an eighth of that length.
// No wall-clock bound: each time is compared with the other, measured by the
// same test a moment apart, the least of a few runs each, so a busy machine
// slows both.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { answersSchema, rawTextLimit } from '../../src/answers/schema.ts';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import { letterRequestSchemas } from '../../src/letters/request.ts';
import { letterInput } from '../helpers/letters.ts';
import { nonEmpty } from '../helpers/non-empty.ts';
import { sampleInput } from '../helpers/samples.ts';
import { textCaps, textOf, withText } from '../helpers/stall-cases.ts';

/** Eight times the text may cost this many times as much, plus the slack (a quadratic pass: 64 times). */
const FACTOR = 20;
const SLACK_MS = 25;
const RUNS = 5;

/** Worst cases for the cleaners: long runs of blanks inside lines, expanding characters, line ends of every kind. */
const SHAPES = [
  { start: 'a', unit: ' ', end: 'x' },
  // A line break first, so a multi-line field trims a line whose blanks end before its last character.
  { start: 'a\n', unit: ' ', end: 'x' },
  { start: '\n', unit: ' \t', end: 'x\n' },
  { start: '', unit: '\uFDFA\n', end: ' ' },
  { start: '', unit: '\uFB2C \t\r\n', end: 'x' },
  { start: 'T', unit: '\u3300\u0301\r', end: '' },
];

function leastMs(work: () => unknown): number {
  let least = Number.POSITIVE_INFINITY;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    work();
    least = Math.min(least, performance.now() - started);
  }
  return least;
}

const requests: { name: string; schema: z.ZodType; base: () => unknown }[] = [
  { name: 'answers', schema: answersSchema, base: () => sampleInput('new-client-fixed') },
  { name: 'invoice request', schema: invoiceRequestSchema, base: () => ({ answers: sampleInput('new-client-fixed'), invoice: { kind: 'balance', number: 'INV-1', issuedOn: '2027-03-01', expenses: [{ description: 'Fonts', amount: 10 }] } }) },
  { name: 'final-notice letter request', schema: letterRequestSchemas['final-notice'], base: () => letterInput() },
];

describe('validation time grows linearly with the length of any text field', () => {
  for (const { name, schema, base } of requests) {
    it(`in the ${name}`, () => {
      for (const [path, cap] of nonEmpty([...textCaps(schema)])) {
        const large = rawTextLimit(cap);
        const small = Math.ceil(large / 8);
        for (const shape of SHAPES) {
          const at = (length: number) => withText(base(), path.split('.'), textOf(shape, length));
          const [smallInput, largeInput] = [at(small), at(large)];
          const smallMs = leastMs(() => schema.safeParse(smallInput));
          const largeMs = leastMs(() => schema.safeParse(largeInput));
          expect(largeMs, `${path} (${JSON.stringify(shape.unit)}): ${smallMs.toFixed(2)} ms at ${small} characters, ${largeMs.toFixed(2)} ms at ${large}`).toBeLessThan(FACTOR * smallMs + SLACK_MS);
        }
      }
    });
  }
});
