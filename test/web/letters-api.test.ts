import ICAL from 'ical.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LETTER_KINDS } from '../../src/letters/request.ts';
import { buildTestApp } from '../helpers/test-app.ts';
import { findFirst, openDocx, W } from '../helpers/docx-reader.ts';
import { letterInput } from '../helpers/letters.ts';
import { sampleInput } from '../helpers/samples.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp({ rateLimitPerMinute: 0 });
});
afterAll(async () => {
  await app.close();
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: payload as object, headers: { 'content-type': 'application/json', ...headers } });

// The figures each letter must carry for the sample (45 days late on $6,000.00 at 1.5%).
const FIGURES: Record<(typeof LETTER_KINDS)[number], string[]> = {
  'final-check-in': ['Harbor Coffee website redesign', 'last check-in'],
  'work-paused': ['April 26, 2027', '14 days', '25%'],
  'payment-reminder': ['INV-2027-014', '$6,000.00', 'March 12, 2027', '45 days', '$90.00', '$6,090.00'],
  'late-notice': ['INV-2027-014', '45 days late', '$90.00', '$6,090.00', 'legal action'],
  'final-notice': ['INV-2027-014', '45 days late', '$6,090.00', 'March 12, 2027', 'May 6, 2027', 'jordan@leestudio.example', '+1 503 555 0142', 'small claims'],
};

describe('POST /api/letters/:kind', () => {
  it.each(LETTER_KINDS)('%s: a Word file named after the project, every XML part well-formed, with the figures', async (kind) => {
    const response = await post(`/api/letters/${kind}`, letterInput());
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(DOCX);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Harbor-Coffee-website-redesign-${kind}.docx"; filename*=UTF-8''Harbor-Coffee-website-redesign-${kind}.docx`,
    );
    const docx = openDocx(response.rawPayload);
    const text = docx.text();
    expect(text).toContain('Dear Priya Natarajan,');
    expect(text).toContain('Jordan Lee');
    expect(text).toContain('April 26, 2027');
    for (const figure of FIGURES[kind]) expect(text).toContain(figure);
  });

  it.each(LETTER_KINDS)('%s: the email text with Accept: text/plain, first line "Subject: ..."', async (kind) => {
    const response = await post(`/api/letters/${kind}`, letterInput(), { accept: 'text/plain' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body.split('\n')[0]).toMatch(/^Subject: \S.*Harbor Coffee website redesign$/);
    for (const figure of FIGURES[kind]) expect(response.body).toContain(figure);
  });

  it('prints the Word file on the answers\' paper: US Letter for the dollar sample, A4 when the answers ask for it', async () => {
    const pageSize = async (input: ReturnType<typeof letterInput>) => {
      const response = await post('/api/letters/final-check-in', input);
      expect(response.statusCode).toBe(200);
      const size = findFirst(findFirst(openDocx(response.rawPayload).xml('word/document.xml'), W, 'sectPr')!, W, 'pgSz')!;
      return [size.attributes['w:w'], size.attributes['w:h']];
    };
    expect(await pageSize(letterInput())).toEqual(['12240', '15840']);
    const a4 = letterInput();
    a4.answers.paperSize = 'a4';
    expect(await pageSize(a4)).toEqual(['11906', '16838']);
  });

  it('keeps hostile text as text in the Word file', async () => {
    const input = letterInput();
    input.answers.client.name = 'A & B <w:p> "quoted" 🎉 שלום\u0001';
    input.letter.invoice.number = ']]><x/>';
    const response = await post('/api/letters/final-notice', input);
    expect(response.statusCode).toBe(200);
    const text = openDocx(response.rawPayload).text();
    expect(text).toContain('Dear A & B <w:p> "quoted" 🎉 שלום,');
    expect(text).toContain(']]><x/>');
  });

  it.each(['payment-reminder', 'late-notice', 'final-notice'])('%s without an invoice: 400 naming each of the invoice\'s fields', async (kind) => {
    const input = letterInput();
    delete input.letter.invoice;
    const response = await post(`/api/letters/${kind}`, input);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json().errors).toEqual([
      { path: 'letter.invoice.number', message: 'Enter the invoice number' },
      { path: 'letter.invoice.amount', message: 'Enter the invoice amount, like 6,000' },
      { path: 'letter.invoice.issuedOn', message: 'Enter the invoice date' },
      { path: 'letter.invoice.dueDate', message: 'Enter the invoice due date' },
    ]);
  });

  it('a bad phone in the answers is named with its full path', async () => {
    const input = letterInput();
    input.answers.client.phone = 'call me';
    const response = await post('/api/letters/final-check-in', input);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(['answers.client.phone']);
  });

  it('a letter, a call or an invoice dated before the contract took effect: 400 naming each field', async () => {
    const input = letterInput();
    input.letter.date = '2026-11-30';
    input.letter.calledOn = '2026-11-20';
    input.letter.invoice = { number: 'INV-1', amount: 100, issuedOn: '2026-11-01', dueDate: '2026-11-15' };
    const response = await post('/api/letters/payment-reminder', input);
    expect(response.statusCode).toBe(400);
    const errors = response.json().errors as { path: string; message: string }[];
    expect(errors.map((e) => e.path).sort()).toEqual(['letter.calledOn', 'letter.date', 'letter.invoice.issuedOn']);
    expect(errors.find((e) => e.path === 'letter.date')!.message).toBe("Enter a date for the letter on or after the contract's effective date, December 1, 2026");
  });

  it('an invoice due before its date, and a call after the letter: 400 naming each', async () => {
    const input = letterInput();
    input.letter.calledOn = '2027-04-27';
    input.letter.invoice.dueDate = '2027-02-20';
    const response = await post('/api/letters/work-paused', input);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['letter.calledOn', 'letter.invoice.dueDate']);
  });

  it('a deadline outside 5-30 days and an unknown field are named', async () => {
    const input = letterInput();
    input.letter.deadlineDays = 60;
    input.letter.colour = 'red';
    const response = await post('/api/letters/final-notice', input);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['letter.colour', 'letter.deadlineDays']);
  });

  it('an unknown letter: 404 problem+json listing the letters, whatever the body', async () => {
    for (const [headers, payload] of [[{}, letterInput()], [{ 'content-type': 'text/xml' }, '<x/>']] as const) {
      const response = await app.inject({ method: 'POST', url: '/api/letters/thank-you', payload: payload as never, headers: { 'content-type': 'application/json', ...headers } });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      const body = response.json();
      expect(body.title).toBe('Unknown letter');
      for (const kind of LETTER_KINDS) expect(body.detail).toContain(kind);
    }
  });

  it('a body that is not JSON: 415', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/letters/late-notice', payload: 'answers=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.statusCode).toBe(415);
    expect(response.json().type).toMatch(/unsupported-media-type/);
  });

  it('appears in the OpenAPI document, one path per letter', async () => {
    const paths = Object.keys((await app.inject({ method: 'GET', url: '/openapi.json' })).json().paths);
    for (const kind of LETTER_KINDS) expect(paths).toContain(`/api/letters/${kind}`);
    expect(paths).toContain('/api/schedule');
  });
});

describe('POST /api/schedule', () => {
  it('returns a calendar file named after the project, one all-day event per action', async () => {
    const response = await post('/api/schedule', { answers: sampleInput('new-client-fixed'), stage: 'in-progress', since: '2027-03-03' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="Harbor-Coffee-website-redesign-follow-up-in-progress\.ics"/);
    const events = new ICAL.Component(ICAL.parse(response.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.startDate.toString(), e.startDate.isDate])).toEqual([
      ['2027-03-09', true],
      ['2027-03-16', true],
      ['2027-03-18', true],
    ]);
    // Named by the library's title, with the page that makes it: words, not an API path.
    expect(events[2]!.description).toContain('Letter to send: Work paused');
    expect(events[2]!.description).toContain('Letter to send: Work paused. Make it on the "When the client goes quiet" page');
    expect(events[2]!.description).not.toContain('/api/');
  });

  it('payment-due: the follow-up, the resend and the 30/60/90-day notices', async () => {
    const response = await post('/api/schedule', { answers: sampleInput('returning-client-hourly'), stage: 'payment-due', since: '2027-01-31' });
    const events = new ICAL.Component(ICAL.parse(response.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toString())).toEqual(['2027-02-01', '2027-02-07', '2027-03-02', '2027-04-01', '2027-05-01', '2027-05-11']);
  });

  it('a bad stage and an impossible date: 400 naming both', async () => {
    const response = await post('/api/schedule', { answers: sampleInput('new-client-fixed'), stage: 'ghosted', since: '2027-02-29' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const errors = response.json().errors;
    expect(errors.map((e: { path: string }) => e.path).sort()).toEqual(['since', 'stage']);
    expect(errors.find((e: { path: string }) => e.path === 'stage').message).toMatch(/negotiating.*in-progress.*payment-due/);
  });

  it('a body that is not JSON: 415', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/schedule', payload: 'stage=negotiating', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.statusCode).toBe(415);
  });
});
