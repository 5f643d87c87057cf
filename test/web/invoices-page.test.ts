// The wizard's "Invoices" page through HTTP, the way a browser without
// JavaScript uses it: linked from Check your answers, the deposit first, the
// forms the contract's fee model calls for, numbers proposed in sequence and
// kept with the draft, errors shown again with what was typed.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextInvoiceNumber, type SavedInvoice } from '../../src/web/wizard/invoices-model.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { InjectVisitor } from '../helpers/inject-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

let app: FastifyInstance;
// The server's clock, fixed: the invoice date it offers as "today".
const TODAY = '2027-02-26';
beforeAll(async () => {
  app = await buildTestApp({ now: () => new Date(`${TODAY}T12:00:00Z`) });
});
afterAll(async () => {
  await app.close();
});

async function openPage(name = 'new-client-fixed') {
  const draft = await app.drafts.create(sampleInput(name));
  const visitor = new InjectVisitor(app);
  const base = `/wizard/${draft.id}/invoices`;
  const page = await visitor.get(base);
  return { draft, visitor, base, page };
}

const sectionIds = (html: string) => [...html.matchAll(/<section class="letter-card" id="invoice-([a-z]+)"/g)].map((match) => match[1]);
const valueOf = (html: string, id: string) => new RegExp(`<input[^>]*id="${id}"[^>]*value="([^"]*)"`).exec(html)?.[1];
const decode = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the Invoices page', () => {
  it('is linked from Check your answers, beside the downloads', async () => {
    const { draft, visitor } = await openPage();
    const review = await visitor.get(`/wizard/${draft.id}/review`);
    const start = review.body.indexOf('id="downloads"');
    expect(review.body.slice(start, review.body.indexOf('<section', start))).toContain(`href="/wizard/${draft.id}/invoices"`);
  });

  it('offers the deposit first, then the invoices the fee model calls for', async () => {
    expect(sectionIds((await openPage('new-client-fixed')).page.body)).toEqual(['deposit', 'balance', 'ending']);
    expect(sectionIds((await openPage('returning-client-hourly')).page.body)).toEqual(['deposit', 'hours', 'ending']);
    expect(sectionIds((await openPage('retainer-prepaid')).page.body)).toEqual(['deposit', 'retainer', 'ending']);
  });

  it('says what the deposit is and when it is due, and proposes INV-001 dated today', async () => {
    const { page } = await openPage();
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const html = decode(page.body);
    expect(html).toContain('The deposit invoice: send it with the contract');
    expect(html).toContain('$6,000.00, due on receipt');
    expect(valueOf(page.body, 'invoice-deposit-number')).toBe('INV-001');
    expect(valueOf(page.body, 'invoice-balance-issuedOn')).toBe(TODAY);
  });

  it('a Japanese deposit net of 源泉徴収 is not called （税込）: it is what is transferred after the withholding', async () => {
    const html = decode((await openPage('ja/tokyo-fixed')).page.body);
    expect(html).toContain('598,740円（源泉徴収後の振込額）');
    expect(html).not.toContain('598,740円（税込）');
  });

  it('makes the deposit invoice as a Word file, keeps it with the draft, and proposes the next number', async () => {
    const { draft, visitor, base } = await openPage();
    const response = await visitor.post(`${base}/deposit`, { number: 'INV-2026-007', issuedOn: '2026-12-01', action: 'docx' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('Harbor-Coffee-website-redesign-invoice-INV-2026-007.docx');
    const text = openDocx(response.rawPayload).text();
    expect(text).toContain('$6,000.00');
    expect(text).toContain('On receipt, and before work starts on December 7, 2026');

    const saved = (await app.drafts.get(draft.id))!.answers.invoices as { number: string; amount: number; dueDate: string }[];
    expect(saved).toEqual([expect.objectContaining({ number: 'INV-2026-007', amount: 6000, issuedOn: '2026-12-01', dueDate: '2026-12-01', total: '$6,000.00' })]);

    const page = await visitor.get(base);
    expect(valueOf(page.body, 'invoice-balance-number')).toBe('INV-2026-008');
    expect(page.body).toContain('Invoices you made');
    expect(decode(page.body)).toMatch(/INV-2026-007<\/th><td>Deposit invoice: Harbor Coffee website redesign<\/td><td>December 1, 2026<\/td><td>On receipt<\/td><td class="amount">\$6,000.00/);
  });

  it('the same number again replaces that invoice rather than listing it twice', async () => {
    const { draft, visitor, base } = await openPage();
    await visitor.post(`${base}/balance`, { number: 'B-1', issuedOn: '2027-02-26', action: 'docx' });
    await visitor.post(`${base}/balance`, { number: 'B-1', issuedOn: '2027-02-26', 'expenses.0.description': 'Stock photos', 'expenses.0.amount': '$250', action: 'docx' });
    const saved = (await app.drafts.get(draft.id))!.answers.invoices as { number: string; total: string }[];
    expect(saved.map((invoice) => [invoice.number, invoice.total])).toEqual([['B-1', '$6,250.00']]);
  });

  it('shows the email text, whose first line is the subject, with a way back to the Word file', async () => {
    const { visitor, base } = await openPage();
    const response = await visitor.post(`${base}/balance`, { number: 'INV-2027-014', issuedOn: '2027-02-26', action: 'email' });
    expect(response.statusCode).toBe(200);
    const html = decode(response.body);
    expect(html).toContain('Subject: Invoice INV-2027-014: Harbor Coffee website redesign, $6,000.00 due by March 12, 2027');
    expect(html).toContain('<input type="hidden" name="number" value="INV-2027-014">');
    expect(html).toContain('Download this invoice (Word)');
  });

  it('hours, with the deposit credited on the last invoice', async () => {
    const { visitor, base } = await openPage('returning-client-hourly');
    const response = await visitor.post(`${base}/hours`, { number: 'H-1', issuedOn: '2027-04-30', hours: '24', final: 'yes', action: 'email' });
    expect(response.statusCode).toBe(200);
    const html = decode(response.body);
    expect(html).toContain('1. 24 hours at the hourly rate of £85.00: £2,040.00');
    expect(html).toContain('2. Deposit paid, credited: -£1,530.00');
    expect(html).toContain('Total due: £510.00');
  });

  it('a retainer month chosen from the months of the contract', async () => {
    const { visitor, base, page } = await openPage('retainer-prepaid');
    expect(page.body).toContain('<option value="2027-02">February 2027</option>');
    expect(page.body).not.toContain('<option value="2026-12">');
    const response = await visitor.post(`${base}/retainer`, { number: 'R-2', issuedOn: '2027-01-20', month: '2027-02', action: 'email' });
    expect(decode(response.body)).toContain('Monthly retainer for February 2027, paid in advance: $2,500.00');
  });

  it('refusals come back beside their fields, with what was typed kept and nothing saved', async () => {
    const { draft, visitor, base } = await openPage();
    const posted = await visitor.post(`${base}/ending`, { number: 'E-1', issuedOn: '2026-11-01', workDoneAmount: 'lots', action: 'docx' });
    // Post/Redirect/Get: the page's GET shows the form as typed, with its problems.
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`${base}?check=ending#invoice-ending`);
    const response = await visitor.get(`${base}?check=ending`);
    expect(response.statusCode).toBe(200);
    const html = decode(response.body);
    expect(html).toMatch(/<title>Error: Invoices/);
    expect(html).toContain('href="#invoice-ending-workDoneAmount"');
    expect(html).toContain('Work done must be a number, like 2,400');
    expect(valueOf(response.body, 'invoice-ending-workDoneAmount')).toBe('lots');
    expect(valueOf(response.body, 'invoice-ending-issuedOn')).toBe('2026-11-01');
    expect((await app.drafts.get(draft.id))!.answers.invoices).toBeUndefined();

    const early = await visitor.submit(`${base}/ending`, { number: 'E-1', issuedOn: '2026-11-01', workDoneAmount: '2400', action: 'docx' });
    expect(decode(early.body)).toContain('Enter an invoice date on or after the contract\'s effective date, December 1, 2026');
    expect(early.body).toContain('href="#invoice-ending-issuedOn"');

    // The second expense row filled in, the first left empty: the problem is shown on the row typed in.
    const cents = await visitor.submit(`${base}/ending`, { number: 'E-1', issuedOn: '2027-01-15', workDoneAmount: '2400', 'expenses.1.description': 'Fonts', 'expenses.1.amount': '10.0051', action: 'docx' });
    expect(cents.body).toContain('href="#invoice-ending-expenses-1-amount"');
    expect(decode(cents.body)).toContain('Enter the expense amount with at most 2 decimals, like 250.50');
  });

  it('an ending the deposit more than covers: nothing to pay, the rest refunded within 14 days, said so', async () => {
    const { visitor, base } = await openPage();
    const response = await visitor.post(`${base}/ending`, { number: 'E-1', issuedOn: '2027-01-15', workDoneAmount: '2,400', action: 'email' });
    const html = decode(response.body);
    expect(html).toContain('nothing to pay');
    // Never more than the work done and the kill fee is kept (issue 23, point 7).
    expect(html).toContain('The rest of the deposit, $1,200.00, is more than the work done and the kill fee: it is refunded to the Client within 14 days.');
  });

  it('a kind the contract has no use for is not a page, and a forged form is refused', async () => {
    const { visitor, base } = await openPage();
    expect((await visitor.post(`${base}/hours`, { number: 'H', issuedOn: TODAY, hours: '3' })).statusCode).toBe(404);
    expect((await visitor.post(`${base}/deposit`, { number: 'D', issuedOn: TODAY }, { token: 'forged' })).statusCode).toBe(403);
  });

  it('the follow-up letters and the calendar take an invoice made here instead of retyped figures', async () => {
    const { draft, visitor, base } = await openPage();
    await visitor.post(`${base}/balance`, { number: 'INV-2027-014', issuedOn: '2027-02-26', action: 'docx' });
    // A resend with the late fee is not offered: the letters add the late fee to the original.
    await visitor.post(`${base}/balance`, { number: 'INV-2027-015', issuedOn: '2027-04-26', lateFeeSince: '2027-03-12', action: 'docx' });
    const followUp = await visitor.get(`/wizard/${draft.id}/follow-up`);
    const html = decode(followUp.body);
    expect(html).toContain('<option value="INV-2027-014">INV-2027-014: $6,000.00, due March 12, 2027</option>');
    expect(html).not.toContain('<option value="INV-2027-015">');
    expect(html).toContain('id="calendar-invoice-made"');
    // Each letter has a page of its own; the late notice's offers the same invoice.
    const latePage = decode((await visitor.get(`/wizard/${draft.id}/follow-up/late-notice`)).body);
    expect(latePage).toContain('id="late-notice-invoice-made"');
    expect(latePage).toContain('<option value="INV-2027-014">INV-2027-014: $6,000.00, due March 12, 2027</option>');

    const letter = await visitor.post(`/wizard/${draft.id}/follow-up/late-notice`, { date: '2027-04-26', 'invoice.made': 'INV-2027-014', action: 'email' });
    expect(letter.statusCode).toBe(200);
    const email = decode(letter.body);
    for (const figure of ['INV-2027-014', '$6,000.00', 'March 12, 2027', '45 days late', '$90.00', '$6,090.00']) expect(email).toContain(figure);

    const calendar = await visitor.post(`/wizard/${draft.id}/follow-up/calendar`, { 'invoice.made': 'INV-2027-014' });
    expect(calendar.statusCode).toBe(200);
    expect(calendar.headers['content-type']).toMatch(/^text\/calendar/);
    // Payment due March 12: the first reminder the day after.
    expect(calendar.body).toContain('DTSTART;VALUE=DATE:20270313');
  });
});

describe('the next invoice number', () => {
  const made = (...numbers: string[]) => numbers.map((number) => ({ number }) as SavedInvoice);
  it.each([
    [[], 'INV-001'],
    [['INV-2027-009'], 'INV-2027-010'],
    [['INV-099'], 'INV-100'],
    [['2027/07-A'], '2027/08-A'],
    [['Deposit'], 'Deposit-2'],
    [['INV-002', 'INV-003', 'INV-002'], 'INV-004'],
  ])('after %j comes %s', (numbers, next) => {
    expect(nextInvoiceNumber(made(...numbers))).toBe(next);
  });
});

describe('the invoices a draft keeps (issue 24, finding 6)', () => {
  /** A draft already holding `count` invoices, INV-001 onwards, as the page saves them. */
  async function draftWithInvoices(sample: string, count: number) {
    const draft = await app.drafts.create(sampleInput(sample));
    const invoices: SavedInvoice[] = Array.from({ length: count }, (_, index) => ({
      number: `INV-${String(index + 1).padStart(3, '0')}`,
      kind: 'deposit',
      title: 'Deposit',
      issuedOn: '2027-02-01',
      dueDate: '2027-02-15',
      amount: 100,
      total: '$100.00',
      form: { number: `INV-${String(index + 1).padStart(3, '0')}`, issuedOn: '2027-02-01' },
    }));
    await app.drafts.update(draft.id, (answers) => ({ ...answers, invoices }));
    const visitor = new InjectVisitor(app);
    const base = `/wizard/${draft.id}/invoices`;
    await visitor.get(base);
    return { draft, visitor, base };
  }
  const kept = async (id: string) => ((await app.drafts.get(id))!.answers.invoices as SavedInvoice[]).map((saved) => saved.number);

  it('at 100 invoices a new number is refused on the form, saying the cap and the way on; the list stays as it was', async () => {
    const { draft, visitor, base } = await draftWithInvoices('new-client-fixed', 100);
    const page = await visitor.submit(`${base}/deposit`, { number: 'INV-101', issuedOn: '2027-02-26', action: 'docx' });
    expect(page.statusCode).toBe(200);
    const html = decode(page.body);
    expect(html).toContain('A draft keeps at most 100 invoices. To make this one, give it the number of an invoice made before (it replaces that one), or start a new draft for the rest of the work.');
    expect(html).toContain('href="#invoice-deposit-number"');
    expect(await kept(draft.id)).toHaveLength(100);
    expect(await kept(draft.id)).not.toContain('INV-101');
  });

  it('at 100 invoices one made again under its own number still replaces it', async () => {
    const { draft, visitor, base } = await draftWithInvoices('new-client-fixed', 100);
    const made = await visitor.post(`${base}/deposit`, { number: 'INV-050', issuedOn: '2027-02-26', action: 'docx' });
    expect(made.statusCode).toBe(200);
    expect(made.headers['content-type']).toContain('officedocument');
    const saved = (await app.drafts.get(draft.id))!.answers.invoices as SavedInvoice[];
    expect(saved).toHaveLength(100);
    expect(saved.find((entry) => entry.number === 'INV-050')?.issuedOn).toBe('2027-02-26');
  });

  it('says the cap in Japanese on a Japanese draft', async () => {
    const { visitor, base } = await draftWithInvoices('ja/tokyo-fixed', 100);
    const page = await visitor.submit(`${base}/deposit`, { number: 'INV-101', issuedOn: '2027-04-01', action: 'docx' });
    expect(decode(page.body)).toContain('1つの下書きに保存できる請求書は100件までです。');
  });

  it('keeps only the inputs that were filled, not the empty ones', async () => {
    const { draft, visitor, base } = await draftWithInvoices('new-client-fixed', 0);
    await visitor.post(`${base}/deposit`, { number: 'INV-001', issuedOn: '2027-02-26', lateFeeSince: '', howToPay: '', action: 'docx' });
    const [saved] = (await app.drafts.get(draft.id))!.answers.invoices as SavedInvoice[];
    expect(saved!.form).toEqual({ number: 'INV-001', issuedOn: '2027-02-26' });
  });
});
