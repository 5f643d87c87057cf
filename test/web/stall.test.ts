// The requests that once stalled the whole server, each sent as it was found:
// a small upload whose comments made a pattern backtrack for minutes, a long
// run of spaces, of U+00A0 or of digits in a text or number field. Each must
// get its ordinary answer, and the time it takes is held to a generous cap
// (seconds; the fixed code takes milliseconds, the old code took 12 s to
// minutes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanMultiline } from '../../src/answers/text.ts';
import { answersSchema } from '../../src/answers/schema.ts';
import { buildApp } from '../../src/web/app.ts';
import { parseAmount, toNumber } from '../../src/web/wizard/form-values.ts';
import { InjectVisitor } from '../helpers/inject-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';

/** Far above what the fixed code needs, far below what the old code took. */
const CAP_MS = 3_000;

let dataDir: string;
let app: FastifyInstance;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'stall-'));
  app = await buildApp({ dataDir, rateLimitPerMinute: 0 });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

const postAnswers = (answers: unknown) =>
  app.inject({ method: 'POST', url: '/api/contracts', payload: answers as object, headers: { accept: 'application/json' } });

describe('a small upload cannot freeze the server', () => {
  it('the 148-byte Word file of nested comments is refused while the home page keeps answering', async () => {
    const item = `<!--${'--><!--'.repeat(36)}x`;
    const zip = zipSync({ 'customXml/item1.xml': strToU8(item) }, { level: 9 });
    expect(zip.length).toBeLessThan(400);
    const visitor = new InjectVisitor(app);
    await visitor.get('/');
    const { value: [upload, home], ms } = await timed(() => Promise.all([visitor.sendFile('contract.docx', zip), app.inject({ method: 'GET', url: '/' })]));
    expect(upload.statusCode).toBe(200);
    expect(upload.body).toMatch(/not made by this app/);
    expect(home.statusCode).toBe(200);
    expect(ms).toBeLessThan(CAP_MS);
  });
});

describe('long runs in a text field are answered at once', () => {
  it('a description of a letter, 100,000 spaces and a letter is refused as too long', async () => {
    const answers = sampleInput('new-client-fixed');
    answers.project.description = `a${' '.repeat(100_000)}b`;
    const { value: response, ms } = await timed(() => postAnswers(answers));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: 'project.description', message: expect.stringMatching(/characters or fewer/) }]);
    expect(ms).toBeLessThan(CAP_MS);
  });

  it('cleaning a multi-line text keeps its lines and trims only their ends, in linear time', async () => {
    expect(cleanMultiline('12 Main St \t\nSpringfield  ')).toBe('12 Main St\nSpringfield');
    expect(cleanMultiline('a \t b')).toBe('a \t b');
    const { value, ms } = await timed(() => cleanMultiline(`a${' '.repeat(100_000)}b`));
    expect(value).toHaveLength(100_002);
    expect(ms).toBeLessThan(CAP_MS);
  });

  it('a phone number of 100,000 no-break spaces is refused as too long, and only that', async () => {
    const answers = sampleInput('new-client-fixed');
    answers.client.phone = '\u00a0'.repeat(100_000);
    const { value: response, ms } = await timed(() => postAnswers(answers));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: 'client.phone', message: expect.stringMatching(/phone number must be 40 characters or fewer/i) }]);
    expect(ms).toBeLessThan(CAP_MS);
  });

  it('a phone number of no-break spaces within the length cap is checked in linear time', async () => {
    const answers = sampleInput('new-client-fixed');
    answers.client.phone = `+1${'\u00a0'.repeat(36)}x`;
    const { value: result, ms } = await timed(() => answersSchema.safeParse(answers));
    expect(result.success).toBe(false);
    expect(ms).toBeLessThan(CAP_MS);
  });

  it('phone numbers keep their extensions and their shapes', () => {
    const phoneOf = (phone: string) => {
      const answers = sampleInput('new-client-fixed');
      answers.client.phone = phone;
      return answersSchema.safeParse(answers).success;
    };
    expect(phoneOf('+1 (415) 555-0100 ext. 7')).toBe(true);
    expect(phoneOf('+1 (415) 555-0100x123456')).toBe(true);
    expect(phoneOf('415.555.0100 # 12')).toBe(true);
    expect(phoneOf('+44 20 7946 0958')).toBe(true);
    expect(phoneOf('+1 (415) 555-0100 ext. 1234567')).toBe(false); // an extension has at most six digits
    expect(phoneOf('+1 (415) 555-0100 ext.')).toBe(false);
    expect(phoneOf('call me 415 555 0100')).toBe(false);
    expect(phoneOf('12345')).toBe(false); // fewer than six digits
    expect(phoneOf('1234567890123456')).toBe(false); // more than fifteen
  });
});

describe("the wizard's number fields", () => {
  it('read 100,000 digits and an x as text to show again, in linear time', async () => {
    const typed = `${'1'.repeat(100_000)}x`;
    const { value, ms } = await timed(() => toNumber(typed));
    expect(value).toBe(typed);
    expect(ms).toBeLessThan(CAP_MS);
  });

  it('read an amount of 100,000 spaces between two digits as text to show again, in linear time', async () => {
    const typed = `1${' '.repeat(100_000)}1x`;
    const { value, ms } = await timed(() => parseAmount(typed));
    expect(value).toBe(typed);
    expect(parseAmount('6 000 €')).toBe(6000);
    expect(parseAmount('USD 6000')).toBe(6000);
    expect(ms).toBeLessThan(CAP_MS);
  });

  it('still read the numbers people type', () => {
    expect(toNumber('12,000')).toBe(12_000);
    expect(toNumber('1 500.50')).toBe(1500.5);
    expect(toNumber('.5')).toBe(0.5);
    expect(toNumber('5.')).toBe(5);
    expect(toNumber('-3')).toBe(-3);
    expect(toNumber('7.5%')).toBe(7.5);
    expect(toNumber('1.2.3')).toBe('1.2.3');
    expect(toNumber('.')).toBe('.');
  });

  it('a fee step with 100,000 digits and an x is refused unread, being more than the step can hold', async () => {
    const visitor = new InjectVisitor(app);
    const first = await visitor.start();
    const fees = first.replace(/\/[^/]+$/, '/fees');
    await visitor.get(fees);
    const { value: response, ms } = await timed(() =>
      visitor.post(fees, { 'fee.model': 'fixed', 'fee.total': `${'1'.repeat(100_000)}x`, 'fee.currency': 'USD', 'fee.paymentDueDays': '14', 'fee.lateFeePercentPerMonth': '1' }),
    );
    // The fees step's whole form, every answer at its raw cap, is about 55 kB (stepFormBytes).
    expect(response.statusCode).toBe(413);
    expect(ms).toBeLessThan(CAP_MS);
  });
});
