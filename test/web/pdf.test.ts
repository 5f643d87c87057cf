// A PDF wherever a Word file is made: the API with `Accept: application/pdf`
// or `?format=pdf`, the wizard's "Download PDF" beside "Download Word" on the
// review page, each letter and each invoice, in English and Japanese; bad
// answers get the same problem+json as for the Word file; and a contract PDF
// uploaded to "Continue from a file" brings its answers back.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { InjectVisitor } from '../helpers/inject-visitor.ts';
import { letterInput } from '../helpers/letters.ts';
import { JA_SAMPLE_NAMES, sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: payload as object, headers: { 'content-type': 'application/json', ...headers } });

function expectPdf(response: { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer }, fileName: RegExp) {
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  expect(String(response.headers['content-disposition'])).toMatch(fileName);
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

describe('the API', () => {
  it('gives the contract as a PDF with Accept: application/pdf, and as Word without it', async () => {
    expectPdf(await post('/api/contracts', sampleInput('new-client-fixed'), { accept: 'application/pdf' }), /Harbor-Coffee-website-redesign.*\.pdf"/);
    const word = await post('/api/contracts', sampleInput('new-client-fixed'));
    expect(word.headers['content-type']).toContain('wordprocessingml');
  });

  it('gives the PDF for ?format=pdf, whatever the Accept header says', async () => {
    expectPdf(await post('/api/contracts?format=pdf', sampleInput('new-client-fixed'), { accept: '*/*' }), /\.pdf"/);
  });

  it('refuses bad answers asked for as a PDF with the same problem+json, naming the field', async () => {
    const input = sampleInput('new-client-fixed');
    input.fee.total = 'lots';
    const response = await post('/api/contracts', input, { accept: 'application/pdf' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors.map((error: { path: string }) => error.path)).toContain('fee.total');
  });

  it('gives each letter and an invoice as a PDF', async () => {
    expectPdf(await post('/api/letters/payment-reminder', letterInput(), { accept: 'application/pdf' }), /\.pdf"/);
    expectPdf(await post('/api/invoices?format=pdf', { answers: sampleInput('new-client-fixed'), invoice: { kind: 'deposit', number: 'INV-1', issuedOn: '2026-12-01' } }), /INV-1\.pdf"/);
  });

  it('gives a Japanese contract as a PDF', async () => {
    expectPdf(await post('/api/contracts', sampleInput(JA_SAMPLE_NAMES[0]!), { accept: 'application/pdf' }), /\.pdf"/);
  });
});

describe('the wizard', () => {
  async function reviewed(name: string) {
    const visitor = new InjectVisitor(app);
    await visitor.get('/');
    const imported = await visitor.upload(`${name}.json`, JSON.stringify(sampleInput(name)));
    expect(imported.statusCode).toBe(303);
    const review = String(imported.headers.location);
    return { visitor, base: review.replace(/\/review$/, ''), page: await visitor.get(review) };
  }

  it('offers Download PDF beside Download Word on the review page, and the PDF continues where it left off', async () => {
    const { visitor, base, page } = await reviewed('returning-client-hourly');
    expect(page.body).toContain(`href="${base}/contract.docx" download>Download the contract (Word)</a>`);
    expect(page.body).toContain(`href="${base}/contract.pdf" download>Download the contract (PDF)</a>`);
    const pdf = await visitor.get(`${base}/contract.pdf`);
    expectPdf(pdf, /\.pdf"/);

    await visitor.get('/');
    const uploaded = await visitor.upload('contract.pdf', pdf.rawPayload);
    expect(uploaded.statusCode).toBe(303);
    const imported = String(uploaded.headers.location).replace(/\/review$/, '');
    expect(imported).not.toBe(base);
    const json = await visitor.get(`${imported}/answers.json`);
    expect(json.json()).toEqual(answersSchema.parse(sampleInput('returning-client-hourly')));
  });

  it('a PDF without our answers gets a sentence saying what to upload', async () => {
    const visitor = new InjectVisitor(app);
    await visitor.get('/');
    const response = await visitor.sendFile('scan.pdf', '%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('This PDF was not made by this app, or its answers were removed.');
    expect(response.body).toContain('or a Word (.docx) or PDF contract downloaded from this site');
  });

  it('makes a letter and an invoice as PDF from their pages', async () => {
    const { visitor, base } = await reviewed('new-client-fixed');
    const letters = await visitor.get(`${base}/follow-up/final-check-in`);
    expect(letters.body).toContain('Download the letter (PDF)');
    const letter = await visitor.post(`${base}/follow-up/final-check-in`, { date: '2027-04-26', action: 'pdf' });
    expectPdf(letter, /\.pdf"/);
    const invoices = await visitor.get(`${base}/invoices`);
    expect(invoices.body).toContain('Make the invoice (PDF)');
    expectPdf(await visitor.post(`${base}/invoices/deposit`, { number: 'INV-2026-007', issuedOn: '2026-12-01', action: 'pdf' }), /INV-2026-007\.pdf"/);
  });

  it('labels the PDF buttons in Japanese for a Japanese draft', async () => {
    const { page, base, visitor } = await reviewed(JA_SAMPLE_NAMES[0]!);
    expect(page.body).toContain('契約書をダウンロード（PDF）');
    expect((await visitor.get(`${base}/follow-up/final-check-in`)).body).toContain('文書をダウンロード（PDF）');
    expect((await visitor.get(`${base}/invoices`)).body).toContain('請求書を作成（PDF）');
  });
});
