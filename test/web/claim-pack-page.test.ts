// The claim pack from the follow-up page: the contract, every invoice kept with the draft, the
// chronology and the statement of account to the server's today.
import { unzipSync } from 'fflate';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDocx } from '../helpers/docx-reader.ts';
import { InjectVisitor } from '../helpers/inject-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

let app: FastifyInstance;
const TODAY = '2027-05-12';
beforeAll(async () => {
  app = await buildTestApp({ now: () => new Date(`${TODAY}T12:00:00Z`) });
});
afterAll(async () => {
  await app.close();
});

describe('the claim pack on the follow-up page', () => {
  it('asks for an invoice first when the draft has none', async () => {
    const draft = await app.drafts.create(sampleInput('new-client-fixed'));
    const page = await new InjectVisitor(app).get(`/wizard/${draft.id}/follow-up`);
    expect(page.body).toContain('id="claim-pack"');
    expect(page.body).toContain('Make an invoice on the Invoices page first');
    expect(page.body).not.toContain('Download the claim pack (zip)');
  });

  it('downloads one zip with the contract, the invoices made on the Invoices page and the statement to today', async () => {
    const draft = await app.drafts.create(sampleInput('new-client-fixed'));
    const visitor = new InjectVisitor(app);
    await visitor.get(`/wizard/${draft.id}/invoices`);
    await visitor.post(`/wizard/${draft.id}/invoices/deposit`, { number: 'INV-001', issuedOn: '2026-12-01', action: 'docx' });
    await visitor.post(`/wizard/${draft.id}/invoices/balance`, { number: 'INV-002', issuedOn: '2027-02-26', action: 'docx' });
    const page = await visitor.get(`/wizard/${draft.id}/follow-up`);
    expect(page.body).toContain('Download the claim pack (zip)');
    const response = await visitor.post(`/wizard/${draft.id}/follow-up/claim-pack`, {});
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const files = unzipSync(response.rawPayload);
    expect(Object.keys(files).filter((name) => name.startsWith('2 Invoices/'))).toEqual(['2 Invoices/01 2026-12-01 INV-001.docx', '2 Invoices/02 2027-02-26 INV-002.docx']);
    // Nothing recorded as paid: $12,000 owed; both overdue. Deposit due 1 Dec 2026, 162 days: 5 periods x 1.5% x $6,000 = $450;
    // balance due 12 Mar 2027, 61 days: 2 x $90 = $180. Claimed $12,630.
    const statement = openDocx(files['5 Statement-of-Account.docx']!).text();
    expect(statement).toMatch(/Total claimed\s*\$12,630\.00/);
  });

  it('refuses a forged form', async () => {
    const draft = await app.drafts.create(sampleInput('new-client-fixed'));
    const visitor = new InjectVisitor(app);
    await visitor.get(`/wizard/${draft.id}/follow-up`);
    const response = await visitor.post(`/wizard/${draft.id}/follow-up/claim-pack`, {}, { token: 'forged' });
    expect(response.statusCode).toBe(403);
  });
});
