// POST /api/invoices over HTTP: the Word file by default, the figures as
// JSON, the email as text; refusals as problem+json naming the field; the
// rate limit every generating route shares; the OpenAPI document.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAll, findFirst, openDocx, W } from '../helpers/docx-reader.ts';
import { sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const body = (invoice: Record<string, unknown>, name = 'new-client-fixed', change: (answers: any) => void = () => {}) => {
  const answers = sampleInput(name);
  change(answers);
  return { answers, invoice };
};
const post = (payload: unknown, headers: Record<string, string> = {}, target = app) =>
  target.inject({ method: 'POST', url: '/api/invoices', payload: payload as object, headers: { 'content-type': 'application/json', ...headers } });

const deposit = { kind: 'deposit', number: 'INV-2026-001', issuedOn: '2026-12-01' };

describe('POST /api/invoices', () => {
  it('the Word file by default: named after the project and number, the parties, numbered lines, the total and the due date written out', async () => {
    const response = await post(body(deposit));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(DOCX);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="Harbor-Coffee-website-redesign-invoice-INV-2026-001.docx"; filename*=UTF-8\'\'Harbor-Coffee-website-redesign-invoice-INV-2026-001.docx',
    );
    const docx = openDocx(response.rawPayload);
    const text = docx.text();
    for (const expected of [
      'Invoice INV-2026-001',
      'Deposit invoice: Harbor Coffee website redesign',
      'Jordan Lee',
      'Lee Studio LLC',
      'Harbor Coffee Co.',
      '+1 206 555 0199',
      'December 1, 2026',
      'On receipt, and before work starts on December 7, 2026',
      'Freelance Services Agreement effective December 1, 2026',
      '1.',
      'Deposit (50%) of the $12,000.00 price, before work starts',
      '$6,000.00',
      'Total due',
      'How to pay:',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('Harbor Coffee website redesign');
    expect(docx.text('word/header1.xml')).toContain('Harbor Coffee website redesign');
    expect(docx.coreProperties().title).toBe('Invoice INV-2026-001: Harbor Coffee website redesign');
  });

  it('the Word file is in the contract\'s styles: Title, Subtitle, Caption, the same fonts and page', async () => {
    const docx = openDocx((await post(body(deposit))).rawPayload);
    const styles = findAll(docx.xml('word/document.xml'), W, 'pStyle').map((style) => style.attributes['w:val']);
    expect(styles).toEqual(expect.arrayContaining(['Title', 'Subtitle', 'PartyRole', 'Caption', 'TableText']));
    const size = findFirst(findFirst(docx.xml('word/document.xml'), W, 'sectPr')!, W, 'pgSz')!;
    expect([size.attributes['w:w'], size.attributes['w:h']]).toEqual(['12240', '15840']);
  });

  it('the figures as JSON, in minor units and written out', async () => {
    const response = await post(body(deposit, 'returning-client-hourly', (answers) => {
      answers.fee = { model: 'fixed', currency: 'GBP', total: 1275, paymentDueDays: 30, lateFeePercentPerMonth: 2, tax: { label: 'VAT', percent: 20 } };
      answers.freelancer.vatNumber = 'GB123456789';
      answers.deposit.percent = 50;
      answers.effectiveDate = '2026-12-01';
    }), { accept: 'application/json' });
    expect(response.statusCode).toBe(200);
    const json = response.json();
    expect(json).toMatchObject({
      kind: 'deposit',
      number: 'INV-2026-001',
      currency: 'GBP',
      issuedOn: '2026-12-01',
      dueDate: '2026-12-01',
      net: { minor: 63750, amount: 637.5, formatted: '£637.50' },
      taxes: [{ label: 'VAT', percent: 20, base: { minor: 63750 }, minor: 12750, formatted: '£127.50' }],
      total: { minor: 76500, amount: 765, formatted: '£765.00' },
      reference: { projectName: 'Brand refresh, phase 2', effectiveDate: '2026-12-01' },
    });
    expect(json.lines).toEqual([
      { number: 1, kind: 'deposit', description: 'Deposit (50%) of the £1,275.00 price, before work starts', taxable: true, minor: 63750, amount: 637.5, formatted: '£637.50' },
    ]);
  });

  it('an ending invoice as JSON says what happens to the deposit', async () => {
    const response = await post(body({ kind: 'ending', number: 'E-1', issuedOn: '2027-01-15', workDoneAmount: 2400 }), { accept: 'application/json' });
    expect(response.json()).toMatchObject({
      total: { formatted: '$0.00' },
      ending: {
        killFee: { formatted: '$2,400.00' },
        depositCredited: { formatted: '$4,800.00' },
        depositRefunded: { formatted: '$1,200.00' },
        refund: { formatted: '$1,200.00' },
        // No tax on this contract: what goes back is the refund alone.
        taxRefunded: { formatted: '$0.00' },
        refundTotal: { formatted: '$1,200.00' },
      },
    });
  });

  it('the email with Accept: text/plain, its first line the subject', async () => {
    const response = await post(body({ kind: 'balance', number: 'INV-2027-014', issuedOn: '2027-02-26' }), { accept: 'text/plain' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    const [subject, blank, greeting] = response.body.split('\n');
    expect(subject).toBe('Subject: Invoice INV-2027-014: Harbor Coffee website redesign, $6,000.00 due by March 12, 2027');
    expect([blank, greeting]).toEqual(['', 'Dear Priya Natarajan,']);
    expect(response.body).toContain('1. Balance of the $12,000.00 price, less the $6,000.00 deposit: $6,000.00');
  });

  it('keeps hostile text as text in the Word file and one line in the subject', async () => {
    const response = await post(body({ ...deposit, number: 'A&B <w:p/>\u0001 🎉' }, 'new-client-fixed', (answers) => {
      answers.project.name = 'Shop "redesign" & <b>launch</b> שלום';
    }));
    expect(response.statusCode).toBe(200);
    const text = openDocx(response.rawPayload).text();
    expect(text).toContain('Invoice A&B <w:p/> 🎉');
    expect(text).toContain('Shop "redesign" & <b>launch</b> שלום');
    const email = await post(body({ ...deposit, number: 'INV\nBcc: someone@example.com' }), { accept: 'text/plain' });
    expect(email.body.split('\n')[0]).toBe('Subject: Invoice INV Bcc: someone@example.com: Harbor Coffee website redesign, $6,000.00 due on receipt');
  });

  it.each([
    ['a balance for an hourly contract', body({ kind: 'balance', number: 'B', issuedOn: '2027-04-01' }, 'returning-client-hourly'), 'invoice.kind'],
    ['an issue date before the effective date', body({ ...deposit, issuedOn: '2026-11-30' }), 'invoice.issuedOn'],
    ['hours on a fixed price', body({ kind: 'hours', number: 'H', issuedOn: '2027-01-01', hours: 5 }), 'invoice.kind'],
    ['a due date before the issue date', body({ ...deposit, dueDate: '2026-11-30' }), 'invoice.dueDate'],
    ['an unknown kind', body({ ...deposit, kind: 'refund' }), 'invoice.kind'],
    ['a misspelt field', body({ ...deposit, hour: 3 }), 'invoice.hour'],
    ['bad answers', body(deposit, 'new-client-fixed', (answers) => {
      answers.client.phone = 'call me';
    }), 'answers.client.phone'],
  ])('%s: 400 problem+json naming %s', async (_name, payload, path) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const problem = response.json();
    expect(problem.errors.map((error: { path: string }) => error.path)).toContain(path);
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/invoices', payload: 'kind=deposit', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.statusCode).toBe(415);
  });

  it('is in the OpenAPI document with its request body', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const operation = doc.paths['/api/invoices'].post;
    expect(operation.tags).toEqual(['invoices']);
    const schema = operation.requestBody.content['application/json'].schema;
    expect(schema.properties.invoice.properties.kind.enum).toEqual(['deposit', 'balance', 'hours', 'retainer', 'ending']);
    expect(schema.properties.answers.properties.fee).toBeDefined();
  });
});

describe('rate limit', () => {
  it('counts invoices like the other generating routes: over the limit gets 429 with Retry-After', async () => {
    const limited = await buildTestApp({ rateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      let last;
      for (let index = 0; index < 5; index += 1) {
        last = await post(body(deposit), { accept: 'application/json' }, limited);
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(last!.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
