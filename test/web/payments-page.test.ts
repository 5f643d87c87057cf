// Payments received, recorded on the Invoices page the way a browser without
// JavaScript sends the forms, and the claim pack on the follow-up page that
// then claims only what is still unpaid: a client who paid the deposit and
// went quiet owes the balance, not the deposit twice.
import { unzipSync } from 'fflate';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDocx } from '../helpers/docx-reader.ts';
import { InjectVisitor } from '../helpers/inject-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

let app: FastifyInstance;
// The server's clock: the statement of account is drawn up to it, and a payment may not be dated after it.
const TODAY = '2027-05-12';
beforeAll(async () => {
  app = await buildTestApp({ now: () => new Date(`${TODAY}T12:00:00Z`) });
});
afterAll(async () => {
  await app.close();
});

const decode = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const valueOf = (html: string, id: string) => new RegExp(`<input[^>]*id="${id}"[^>]*value="([^"]*)"`).exec(html)?.[1];
/** The text of one invoice's payments card, tags dropped. */
const card = (html: string, index: number) => {
  const start = html.indexOf(`id="payments-${index}"`);
  expect(start).toBeGreaterThan(0);
  const end = html.indexOf('</section>', start);
  return decode(html.slice(start, end).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));
};

/** The fixed-price sample ($12,000: a $6,000 deposit due on receipt, the $6,000 balance due in 14 days) with both invoices made. */
async function withTwoInvoices(sample = 'new-client-fixed', depositOn = '2026-12-01') {
  const draft = await app.drafts.create(sampleInput(sample));
  const visitor = new InjectVisitor(app);
  const base = `/wizard/${draft.id}/invoices`;
  await visitor.get(base);
  expect((await visitor.post(`${base}/deposit`, { number: 'INV-001', issuedOn: depositOn, action: 'docx' })).statusCode).toBe(200);
  if (sample === 'new-client-fixed') expect((await visitor.post(`${base}/balance`, { number: 'INV-002', issuedOn: '2027-02-26', action: 'docx' })).statusCode).toBe(200);
  await visitor.get(base);
  return { draft, visitor, base };
}

describe('recording payments on the Invoices page', () => {
  it('offers, under each invoice made, a form whose amount is what is still owed and whose date is today', async () => {
    const { visitor, base } = await withTwoInvoices();
    const page = await visitor.get(base);
    expect(card(page.body, 1)).toContain('Invoice INV-001 ($6,000.00): Unpaid');
    expect(card(page.body, 1)).toContain('No payment recorded yet.');
    expect(valueOf(page.body, 'payment-1-amount')).toBe('6,000');
    expect(valueOf(page.body, 'payment-1-date')).toBe(TODAY);
    // The table of invoices made says the same, each linking to its card.
    expect(page.body).toContain('<a href="#payments-2">Unpaid</a>');
  });

  it('records a part payment, then the rest: part paid, then paid, and no form once nothing is owed', async () => {
    const { draft, visitor, base } = await withTwoInvoices();
    const recorded = await visitor.post(`${base}/payments`, { invoice: 'INV-001', date: '2026-12-03', amount: '2,500' });
    expect(recorded.statusCode).toBe(303);
    expect(recorded.headers.location).toBe(`${base}#payments-1`);
    let page = await visitor.get(base);
    expect(card(page.body, 1)).toContain('Invoice INV-001 ($6,000.00): Part paid: $3,500.00 still owed');
    expect(card(page.body, 1)).toContain('$2,500.00 received on December 3, 2026');
    expect(valueOf(page.body, 'payment-1-amount')).toBe('3,500');
    // The other invoice is untouched.
    expect(card(page.body, 2)).toContain('Unpaid');

    page = await visitor.submit(`${base}/payments`, { invoice: 'INV-001', date: '2026-12-10', amount: '3500' });
    expect(card(page.body, 1)).toContain('Invoice INV-001 ($6,000.00): Paid');
    expect(card(page.body, 1)).toContain('$3,500.00 received on December 10, 2026');
    expect(page.body).not.toContain('id="payment-1-amount"');
    expect(page.body).toContain('<a href="#payments-1">Paid</a>');

    const saved = (await app.drafts.get(draft.id))!.answers.paymentsReceived as { invoice: string; date: string; amount: number }[];
    expect(saved.map(({ invoice, date, amount }) => [invoice, date, amount])).toEqual([
      ['INV-001', '2026-12-03', 2500],
      ['INV-001', '2026-12-10', 3500],
    ]);
  });

  it('removes a payment recorded by mistake, and only that one', async () => {
    const { draft, visitor, base } = await withTwoInvoices();
    await visitor.submit(`${base}/payments`, { invoice: 'INV-001', date: '2026-12-03', amount: '1000' });
    const page = await visitor.submit(`${base}/payments`, { invoice: 'INV-002', date: '2027-03-01', amount: '600' });
    const mistaken = ((await app.drafts.get(draft.id))!.answers.paymentsReceived as { id: string; invoice: string }[]).find((payment) => payment.invoice === 'INV-002')!;
    expect(page.body).toContain(`value="${mistaken.id}"`);
    const removed = await visitor.post(`${base}/payments/remove`, { payment: mistaken.id });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`${base}#payments-2`);
    const after = await visitor.get(base);
    expect(card(after.body, 2)).toContain('Unpaid');
    expect(card(after.body, 2)).not.toContain('$600.00 received');
    expect(card(after.body, 1)).toContain('$1,000.00 received on December 3, 2026');
    // Removed twice (another tab, a double click): nothing else goes.
    expect((await visitor.post(`${base}/payments/remove`, { payment: mistaken.id })).statusCode).toBe(303);
    expect(((await app.drafts.get(draft.id))!.answers.paymentsReceived as unknown[]).length).toBe(1);
  });

  it.each([
    ['no amount', { amount: '' }, 'Enter the amount paid, like 500', 'amount'],
    ['an amount of zero', { amount: '0' }, 'Amount paid must be more than 0', 'amount'],
    ['more decimals than dollars have', { amount: '12.3456' }, 'Enter the amount paid with at most 2 decimals', 'amount'],
    ['a typing slip that could be thousands or cents', { amount: '12.345' }, 'Did you mean 12,345 or 12.35? Enter Amount paid again', 'amount'],
    ['more than is owed', { amount: '6,000.01' }, 'The amount paid is more than the $6,000.00 still owed on invoice INV-001: enter at most $6,000.00', 'amount'],
    ['no date', { date: '' }, 'Enter the date of the payment', 'date'],
    ['a date that is no date', { date: '2027-02-30' }, 'Date of the payment must be a real date', 'date'],
    ['a date still to come', { date: '2027-05-13' }, "The date of the payment can't be in the future", 'date'],
  ])('refuses %s with a message naming the field, beside it, and keeps what was typed', async (_case, change, message, field) => {
    const { draft, visitor, base } = await withTwoInvoices();
    const fields = { invoice: 'INV-001', date: '2026-12-03', amount: '6000', ...change };
    const posted = await visitor.post(`${base}/payments`, fields);
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`${base}?check=payment#payments-1`);
    const page = await visitor.get(`${base}?check=payment`);
    expect(page.statusCode).toBe(200);
    const html = decode(page.body);
    expect(html).toContain('There is a problem with the payment');
    expect(html).toContain(`href="#payment-1-${field}"`);
    expect(html).toMatch(new RegExp(`id="payment-1-${field}-error"[^>]*>[\\s\\S]*?${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(valueOf(page.body, `payment-1-${field}`)).toBe(fields[field as 'amount' | 'date']);
    expect((await app.drafts.get(draft.id))!.answers.paymentsReceived).toBeUndefined();
  });

  it('refuses yen with decimals in Japanese, naming the field', async () => {
    const { visitor, base } = await withTwoInvoices('ja/tokyo-fixed', '2027-04-01');
    const page = await visitor.submit(`${base}/payments`, { invoice: 'INV-001', date: '2027-04-03', amount: '1000.5' });
    expect(decode(page.body)).toContain('入金額は小数点を付けずに整数で入力してください');
    expect(decode(page.body)).toContain('入金の記録に問題があります');
  });

  it('refuses a payment for an invoice never made, a forged form, and never answers 500 to a strange body', async () => {
    const { visitor, base } = await withTwoInvoices();
    const unknown = await visitor.submit(`${base}/payments`, { invoice: 'INV-999', date: '2026-12-03', amount: '100' });
    expect(decode(unknown.body)).toContain('Invoice INV-999 is no longer among the invoices made');
    expect((await visitor.post(`${base}/payments`, { invoice: 'INV-001', date: '2026-12-03', amount: '100' }, { token: 'forged' })).statusCode).toBe(403);
    expect((await visitor.post(`${base}/payments/remove`, { payment: 'x' }, { token: 'forged' })).statusCode).toBe(403);
    const strange: Record<string, string | string[]>[] = [{}, { invoice: ['INV-001', 'INV-002'], amount: ['1', '2'], date: 'x'.repeat(5000) }];
    for (const body of strange) {
      expect((await visitor.post(`${base}/payments`, body)).statusCode).toBe(303);
    }
  });

  it('reads a draft whose payments are missing or not a list, as drafts made before payments are', async () => {
    const draft = await app.drafts.create({ ...sampleInput('new-client-fixed'), paymentsReceived: 'not a list' });
    const visitor = new InjectVisitor(app);
    await visitor.get(`/wizard/${draft.id}/invoices`);
    await visitor.post(`/wizard/${draft.id}/invoices/deposit`, { number: 'INV-001', issuedOn: '2026-12-01', action: 'docx' });
    const page = await visitor.get(`/wizard/${draft.id}/invoices`);
    expect(page.statusCode).toBe(200);
    expect(card(page.body, 1)).toContain('Unpaid');
  });
});

describe('the claim pack counts the payments recorded', () => {
  it('subtracts the paid deposit: the statement claims the balance and its late fee only, and the chronology shows the payment', async () => {
    const { draft, visitor, base } = await withTwoInvoices();
    await visitor.submit(`${base}/payments`, { invoice: 'INV-001', date: '2026-12-03', amount: '6000' });
    const followUp = await visitor.get(`/wizard/${draft.id}/follow-up`);
    expect(decode(followUp.body)).toContain('Payments recorded on the Invoices page are subtracted');
    const files = unzipSync((await visitor.post(`/wizard/${draft.id}/follow-up/claim-pack`, {})).rawPayload);
    const statement = openDocx(files['5 Statement-of-Account.docx']!).text();
    // Deposit $6,000 paid in full on 3 Dec 2026: nothing outstanding, no late fee (it was $450 unpaid).
    expect(statement).toMatch(/Paid on December 3, 2026\s*-\$6,000\.00/);
    // Balance $6,000 due 12 Mar 2027, 61 days to 12 May: 2 periods x 1.5% x $6,000 = $180.
    expect(statement).toMatch(/Total paid\s*\$6,000\.00/);
    expect(statement).toMatch(/Total outstanding\s*\$6,000\.00/);
    expect(statement).toMatch(/Late fees and interest to date\s*\$180\.00/);
    expect(statement).toMatch(/Total claimed\s*\$6,180\.00/);
    const chronology = openDocx(files['4 Chronology.docx']!).text();
    expect(chronology).toMatch(/December 3, 2026\s*Payment of \$6,000\.00 received against invoice INV-001/);
    expect(chronology).not.toContain('Invoice INV-001: $');
  });

  it('runs the late fee on what a part payment left unpaid', async () => {
    const { draft, visitor, base } = await withTwoInvoices();
    await visitor.submit(`${base}/payments`, { invoice: 'INV-001', date: '2026-12-20', amount: '2500' });
    const files = unzipSync((await visitor.post(`/wizard/${draft.id}/follow-up/claim-pack`, {})).rawPayload);
    const statement = openDocx(files['5 Statement-of-Account.docx']!).text();
    // Deposit: $3,500 still owed, due 1 Dec 2026, 162 days: 5 periods x 1.5% x $3,500 = $262.50. Balance: $180 as above.
    expect(statement).toMatch(/Total outstanding\s*\$9,500\.00/);
    expect(statement).toMatch(/Late fees and interest to date\s*\$442\.50/);
    expect(statement).toMatch(/Total claimed\s*\$9,942\.50/);
  });

  it('says there is nothing to claim once every invoice is paid, and offers no pack', async () => {
    const { draft, visitor, base } = await withTwoInvoices();
    await visitor.submit(`${base}/payments`, { invoice: 'INV-001', date: '2026-12-03', amount: '6000' });
    await visitor.submit(`${base}/payments`, { invoice: 'INV-002', date: '2027-03-10', amount: '6000' });
    const followUp = decode((await visitor.get(`/wizard/${draft.id}/follow-up`)).body);
    expect(followUp).toContain('Every invoice made for this contract is recorded as paid on the Invoices page: there is nothing to claim.');
    expect(followUp).not.toContain('Download the claim pack (zip)');
    const posted = await visitor.post(`/wizard/${draft.id}/follow-up/claim-pack`, {});
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`/wizard/${draft.id}/follow-up#claim-pack`);
  });
});

describe('a Japanese claim pack counts the payments recorded', () => {
  let tokyo: FastifyInstance;
  beforeAll(async () => {
    tokyo = await buildTestApp({ now: () => new Date('2027-08-20T12:00:00Z') });
  });
  afterAll(async () => {
    await tokyo.close();
  });

  it('the 訴状 claims the balance alone and says the deposit was paid; the 計算書 subtracts it to the yen', async () => {
    // 1,200,000円 fixed, half up front: each invoice 600,000円 + 10% tax 60,000円 - 源泉徴収 10.21% of 600,000円 (61,260円) = 598,740円.
    const draft = await tokyo.drafts.create(sampleInput('ja/tokyo-fixed'));
    const visitor = new InjectVisitor(tokyo);
    const base = `/wizard/${draft.id}/invoices`;
    await visitor.get(base);
    await visitor.post(`${base}/deposit`, { number: 'INV-001', issuedOn: '2027-04-01', action: 'docx' });
    await visitor.post(`${base}/balance`, { number: 'INV-002', issuedOn: '2027-06-30', action: 'docx' });
    const page = await visitor.get(base);
    expect(valueOf(page.body, 'payment-1-amount')).toBe('598,740');
    const recorded = decode((await visitor.submit(`${base}/payments`, { invoice: 'INV-001', date: '2027-04-02', amount: '598,740' })).body);
    expect(recorded).toContain('請求書INV-001（598,740円）：入金済み');
    expect(recorded).toContain('2027年4月2日に598,740円の入金');

    const files = unzipSync((await visitor.post(`/wizard/${draft.id}/follow-up/claim-pack`, {})).rawPayload);
    const statement = openDocx(files['5 請求金額計算書.docx']!).text();
    expect(statement).toMatch(/2027年4月2日入金\s*-598,740円/);
    expect(statement).toMatch(/入金額合計\s*598,740円/);
    expect(statement).toMatch(/未払残高合計\s*598,740円/);
    expect(statement).toMatch(/請求総額\s*598,740円/);
    const court = openDocx(files['6 訴状及び支払督促の記載事項.docx']!).text();
    expect(court).toContain('訴訟物の価額：598,740円');
    expect(court).toContain('被告は、2027年4月2日、請求書INV-001の報酬のうち598,740円を支払った。');
    expect(court).toContain('被告は、原告に対し、598,740円及びこれに対する2027年7月30日から支払済みまで');
    expect(openDocx(files['4 経過一覧表.docx']!).text()).toMatch(/2027年4月2日\s*請求書INV-001に対し598,740円の入金/);
  });
});
