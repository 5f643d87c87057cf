// The claim pack from the follow-up page: the contract (signed, once the client signed online), every
// invoice and letter made for the draft with its date, the chronology and the statement of account to
// the server's today.
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

  it('holds every letter made on the follow-up page, with its date, in the pack and its chronology', async () => {
    const draft = await app.drafts.create(sampleInput('new-client-fixed'));
    const visitor = new InjectVisitor(app);
    await visitor.get(`/wizard/${draft.id}/invoices`);
    await visitor.post(`/wizard/${draft.id}/invoices/deposit`, { number: 'INV-001', issuedOn: '2026-12-01', action: 'docx' });
    await visitor.post(`/wizard/${draft.id}/invoices/balance`, { number: 'INV-002', issuedOn: '2027-02-26', action: 'docx' });
    await visitor.get(`/wizard/${draft.id}/follow-up/late-notice`);
    const late = await visitor.post(`/wizard/${draft.id}/follow-up/late-notice`, { date: '2027-03-20', 'invoice.made': 'INV-002', action: 'docx' });
    expect(late.statusCode).toBe(200);
    // The same letter made again the same day, as an email: still one letter sent.
    await visitor.post(`/wizard/${draft.id}/follow-up/late-notice`, { date: '2027-03-20', 'invoice.made': 'INV-002', action: 'email' });
    await visitor.get(`/wizard/${draft.id}/follow-up/final-notice`);
    const final = await visitor.post(`/wizard/${draft.id}/follow-up/final-notice`, { date: '2027-04-15', 'invoice.made': 'INV-002', deadlineDays: '10', action: 'docx' });
    expect(final.statusCode).toBe(200);
    // A letter whose form had a problem was never sent: not in the pack.
    await visitor.post(`/wizard/${draft.id}/follow-up/payment-reminder`, { date: '2027-03-13', action: 'docx' });

    const files = unzipSync((await visitor.post(`/wizard/${draft.id}/follow-up/claim-pack`, {})).rawPayload);
    expect(Object.keys(files).filter((name) => name.startsWith('3 Letters/'))).toEqual(['3 Letters/01 2027-03-20 late-notice.docx', '3 Letters/02 2027-04-15 final-notice.docx']);
    expect(openDocx(files['3 Letters/02 2027-04-15 final-notice.docx']!).text()).toContain('INV-002');
    const chronology = openDocx(files['4 Chronology.docx']!).text();
    expect(chronology).toMatch(/March 20, 2027\s*Letter sent: Late payment notice: invoice INV-002/);
    expect(chronology).toMatch(/April 15, 2027\s*Letter sent: Final notice: invoice INV-002/);
    // 15 April to 12 May 2027: 15 days left in April and 12 in May.
    expect(chronology).toContain('No answer to the last letter: 27 days');
  });

  it('holds the signed contract and its certificate, not the unsigned one, once the client signed online', async () => {
    const answers = sampleInput('new-client-fixed') as { freelancer: { name: string }; client: { name: string } };
    const draft = await app.drafts.create(answers);
    const visitor = new InjectVisitor(app);
    await visitor.get(`/wizard/${draft.id}/invoices`);
    await visitor.post(`/wizard/${draft.id}/invoices/deposit`, { number: 'INV-001', issuedOn: '2026-12-01', action: 'docx' });
    await visitor.get(`/wizard/${draft.id}/review`);
    const sent = await visitor.post(`/wizard/${draft.id}/send`, { name: answers.freelancer.name });
    expect(sent.statusCode).toBe(303);
    const engagement = (await app.engagements.latestForDraft(draft.id))!;
    const ownerKey = engagement.ownerKey;

    // Sent but not yet signed by the client: the pack keeps the unsigned contract.
    const before = unzipSync((await visitor.post(`/wizard/${draft.id}/follow-up/claim-pack`, {})).rawPayload);
    expect(Object.keys(before).filter((name) => name.startsWith('1 Contract/'))).toEqual(['1 Contract/Harbor-Coffee-website-redesign-contract.docx']);

    const client = new InjectVisitor(app);
    await client.get(`/sign/${engagement.clientKey}`);
    const signed = await client.post(`/sign/${engagement.clientKey}`, { name: answers.client.name, title: 'Owner', authority: 'yes', agree: 'yes' });
    expect(signed.statusCode).toBe(303);

    const files = unzipSync((await visitor.post(`/wizard/${draft.id}/follow-up/claim-pack`, {})).rawPayload);
    expect(Object.keys(files).filter((name) => name.startsWith('1 Contract/'))).toEqual([
      '1 Contract/Harbor-Coffee-website-redesign-contract-signed.docx',
      '1 Contract/Harbor-Coffee-website-redesign-contract-signature-certificate.json',
    ]);
    // The very file both parties download from their pages, certificate section and seal included.
    const download = await visitor.get(`/engagements/${ownerKey}/signed.docx`);
    expect(Buffer.from(files['1 Contract/Harbor-Coffee-website-redesign-contract-signed.docx']!).equals(download.rawPayload)).toBe(true);
    const certificate = JSON.parse(new TextDecoder().decode(files['1 Contract/Harbor-Coffee-website-redesign-contract-signature-certificate.json']!)) as {
      engagementId: string;
      parties: { party: string; signedAs?: { name: string } }[];
    };
    expect(certificate.engagementId).toBe(engagement.id);
    expect(certificate.parties.map((party) => [party.party, party.signedAs?.name])).toEqual([
      ['freelancer', answers.freelancer.name],
      ['client', answers.client.name],
    ]);
  });

  it('refuses a forged form', async () => {
    const draft = await app.drafts.create(sampleInput('new-client-fixed'));
    const visitor = new InjectVisitor(app);
    await visitor.get(`/wizard/${draft.id}/follow-up`);
    const response = await visitor.post(`/wizard/${draft.id}/follow-up/claim-pack`, {}, { token: 'forged' });
    expect(response.statusCode).toBe(403);
  });
});
