// What a newcomer types and what the wizard makes of it (issue 25): digits
// from a Japanese keyboard, amounts written the European way or with another
// currency's sign, a decimal comma; a step with problems shown by a GET after
// a redirect (Post/Redirect/Get); the pages' smaller frictions.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersToForm } from '../../src/web/wizard/engine.ts';
import { stepsIn } from '../../src/web/wizard/steps.ts';
import { InjectVisitor, type Fields } from '../helpers/inject-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp({ now: () => new Date('2027-03-01T09:00:00Z') });
});
afterAll(async () => {
  await app.close();
});

const draftBase = (stepUrl: string) => stepUrl.replace(/\/[^/]+$/, '');
const valueOf = (html: string, id: string) => new RegExp(`id="${id}"[^>]*value="([^"]*)"`).exec(html)?.[1];
const errorOf = (html: string, id: string) => new RegExp(`id="${id}-error"><span class="visually-hidden">[^<]*</span> ([^<]*)</p>`).exec(html)?.[1];
const decode = (html: string) => html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const savedAnswers = async (base: string) => (await app.drafts.get(base.split('/').pop()!))!.answers as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A draft in a language, walked with a sample's answers up to (not including) the step named, or to the end. */
async function draftUpTo(language: 'en' | 'ja', sample: string, stop?: string): Promise<{ visitor: InjectVisitor; base: string }> {
  const visitor = new InjectVisitor(app);
  await visitor.get(`/?lang=${language}`);
  let url = String((await visitor.post('/wizard', { lang: language })).headers.location);
  const base = draftBase(url);
  const input = sampleInput(sample);
  for (const step of stepsIn(language)) {
    if (step.id === stop) break;
    await visitor.get(url);
    const response = await visitor.post(url, answersToForm(step, input) as Fields);
    expect(response.statusCode, step.id).toBe(303);
    url = String(response.headers.location);
  }
  return { visitor, base };
}

/** The fees step of a draft charging in a currency, with good answers but for `fields`. */
async function fees(currency: string, fields: Fields, language: 'en' | 'ja' = 'en') {
  const { visitor, base } = await draftUpTo(language, language === 'ja' ? 'ja/tokyo-fixed' : 'new-client-fixed', 'charging');
  await visitor.post(`${base}/charging`, { 'fee.currency': currency, 'fee.model': 'fixed' });
  await visitor.get(`${base}/fees`);
  const page = await visitor.submit(`${base}/fees`, { 'fee.total': '6,000', 'fee.paymentDueDays': '14', 'fee.lateFeePercentPerMonth': '1.5', 'wizard.consumptionTax': 'yes', 'fee.withholding': 'no', ...fields });
  return { page: decode(page.body), saved: (await savedAnswers(base)).fee as Record<string, unknown> };
}

describe('numbers typed on a Japanese keyboard', () => {
  it('full-width digits are the same amount, days and percentage (１２０００００ is 1,200,000)', async () => {
    const { page, saved } = await fees('JPY', { 'fee.total': '１，２００，０００円', 'fee.paymentDueDays': '３０', 'fee.lateFeePercentPerMonth': '１．５％' }, 'ja');
    expect(errorOf(page, 'fee-total')).toBeUndefined();
    expect(saved).toMatchObject({ total: 1_200_000, paymentDueDays: 30, lateFeePercentPerMonth: 1.5 });
  });

  it('a full-width phone number and date are kept as the digits they mean', async () => {
    const { visitor, base } = await draftUpTo('ja', 'ja/tokyo-fixed');
    const you = answersToForm(stepsIn('ja')[0]!, sampleInput('ja/tokyo-fixed')) as Fields;
    expect((await visitor.post(`${base}/you`, { ...you, 'freelancer.phone': '０３－１２３４－５６７８' })).headers.location).not.toContain('check=1');
    const project = answersToForm(stepsIn('ja').find((step) => step.id === 'project')!, sampleInput('ja/tokyo-fixed')) as Fields;
    expect((await visitor.post(`${base}/project`, { ...project, 'project.startDate': '２０２７／４／１' })).headers.location).not.toContain('check=1');
    const saved = await savedAnswers(base);
    expect(saved.freelancer.phone).toBe('03-1234-5678');
    expect(saved.project.startDate).toBe('2027-04-01');
  });

  it('a registration number typed full-width reads half-width on the review page, as in the contract', async () => {
    const { visitor, base } = await draftUpTo('ja', 'ja/tokyo-fixed');
    const you = answersToForm(stepsIn('ja')[0]!, sampleInput('ja/tokyo-fixed')) as Fields;
    await visitor.post(`${base}/you`, { ...you, 'freelancer.invoiceRegistrationNumber': 'Ｔ９２３４５６７８９０１２３' });
    const review = (await visitor.get(`${base}/review`)).body;
    expect(review).toContain('T9234567890123');
    expect(review).not.toContain('Ｔ９２３');
  });

  it('in Japanese, the example beside a refused yen amount is in yen, and the box says 円 after it, never ¥ before', async () => {
    const { page } = await fees('JPY', { 'fee.total': 'たくさん' }, 'ja');
    expect(errorOf(page, 'fee-total')).toBe('報酬総額は数字で入力してください（例：1,200,000円）');
    expect(page).toContain('<span class="input-suffix" id="fee-total-suffix">円</span>');
    expect(page).not.toContain('id="fee-total-prefix"');
  });
});

describe('amounts read against the contract\'s currency', () => {
  it('"6.000" in dollars is asked about, never read as $6.00', async () => {
    const { page, saved } = await fees('USD', { 'fee.total': '6.000' });
    expect(errorOf(page, 'fee-total')).toBe('Did you mean 6,000 or 6.00? Enter Total price again with a comma between thousands and a point before the cents');
    expect(valueOf(page, 'fee-total')).toBe('6.000');
    expect(saved.total).toBe('6.000');
  });

  it('"6.000" in yen, which has no decimals: "Did you mean 6,000?"', async () => {
    expect(errorOf((await fees('JPY', { 'fee.total': '6.000' })).page, 'fee-total')).toBe('Total price in Japanese Yen has no decimals. Did you mean 6,000?');
    expect(errorOf((await fees('JPY', { 'fee.total': '６．０００' }, 'ja')).page, 'fee-total')).toBe('報酬総額には小数点を使えません（日本円）。6,000円のことですか？');
  });

  it('more decimals than the currency has are refused with the amount rounded: "Did you mean 6,000.13?"', async () => {
    expect(errorOf((await fees('USD', { 'fee.total': '6000.125' })).page, 'fee-total')).toBe('Enter the total price with at most 2 decimals. Did you mean 6,000.13?');
  });

  it('a decimal comma is understood where it cannot be anything else: 6.000,50 is 6,000.50', async () => {
    expect((await fees('EUR', { 'fee.total': '6.000,50 €' })).saved.total).toBe(6000.5);
  });

  it('a late fee of 1,5 is 1.5% a month, not 15%', async () => {
    const { page, saved } = await fees('EUR', { 'fee.lateFeePercentPerMonth': '1,5' });
    expect(errorOf(page, 'fee-lateFeePercentPerMonth')).toBeUndefined();
    expect(saved.lateFeePercentPerMonth).toBe(1.5);
  });

  it('€6,000 in a contract in dollars is refused, naming both', async () => {
    const { page } = await fees('USD', { 'fee.total': '€6,000' });
    expect(errorOf(page, 'fee-total')).toBe("Total price is in US Dollar, the contract's currency, not €. Enter the amount in US Dollar, or go back and change the contract's currency");
    expect((await fees('USD', { 'fee.total': 'US$6,000' })).saved.total).toBe(6000);
  });

  it('an invoice\'s expense of 10.005 dollars is asked about too', async () => {
    const { visitor, base } = await draftUpTo('en', 'new-client-fixed');
    await visitor.get(`${base}/invoices`);
    const page = decode((await visitor.submit(`${base}/invoices/balance`, { number: 'INV-1', issuedOn: '2027-03-01', 'expenses.0.description': 'Fonts', 'expenses.0.amount': '10.005', action: 'docx' })).body);
    expect(page).toContain('Did you mean 10,005 or 10.01? Enter Expense amount again');
  });
});

describe('Post/Redirect/Get', () => {
  it('a step with problems answers with a redirect, and its page is a GET showing them from the saved draft', async () => {
    const { visitor, base } = await draftUpTo('en', 'new-client-fixed', 'charging');
    await visitor.post(`${base}/charging`, { 'fee.currency': 'USD', 'fee.model': 'fixed' });
    await visitor.get(`${base}/fees`);
    const posted = await visitor.post(`${base}/fees`, { 'fee.total': 'lots', 'fee.paymentDueDays': '', 'fee.lateFeePercentPerMonth': '1.5' });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`${base}/fees?check=1`);
    const page = await visitor.get(`${base}/fees?check=1`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Error: ');
    expect(errorOf(page.body, 'fee-total')).toBe('Total price must be a number, like 6,000');
    expect(valueOf(page.body, 'fee-total')).toBe('lots');
    // The box emptied stays empty beside its message; the suggestion (14) is not put back.
    expect(valueOf(page.body, 'fee-paymentDueDays')).toBe('');
    expect(errorOf(page.body, 'fee-paymentDueDays')).toBeDefined();
  });

  it('from the review page, the redirect keeps the way back to it', async () => {
    const { visitor, base } = await draftUpTo('en', 'new-client-fixed');
    await visitor.get(`${base}/fees?from=review`);
    const posted = await visitor.post(`${base}/fees?from=review`, { 'fee.total': '', 'fee.paymentDueDays': '14', 'fee.lateFeePercentPerMonth': '1.5' });
    expect(posted.headers.location).toBe(`${base}/fees?from=review&check=1`);
    expect((await visitor.get(String(posted.headers.location))).body).toContain('Back to your answers');
  });
});

describe('the pages\' smaller frictions', () => {
  it('changing the fee model from the review page goes on to the new model\'s amounts, not to "Some steps still need answers"', async () => {
    const { visitor, base } = await draftUpTo('en', 'new-client-fixed');
    await visitor.get(`${base}/charging?from=review`);
    const changed = await visitor.post(`${base}/charging?from=review`, { 'fee.currency': 'USD', 'fee.model': 'hourly' });
    expect(changed.headers.location).toBe(`${base}/fees?from=review`);
    const fees = (await visitor.get(`${base}/fees?from=review`)).body;
    expect(fees).toContain('id="fee-rate"');
    expect(fees).not.toContain('There is a problem');
    const done = await visitor.post(`${base}/fees?from=review`, { 'fee.rate': '85', 'fee.estimatedHours': '40', 'fee.paymentDueDays': '14', 'fee.lateFeePercentPerMonth': '1.5' });
    expect(done.headers.location).toBe(`${base}/review`);
  });

  it('no id is used twice on the Japanese fees page (wizard-consumptionTax-hint once)', async () => {
    const { visitor, base } = await draftUpTo('ja', 'ja/tokyo-fixed');
    const page = (await visitor.get(`${base}/fees`)).body;
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(ids).toContain('wizard-consumptionTax-hint');
  });

  it('a client who paid late or went silent is offered everything up front, and the advice says so', async () => {
    const { visitor, base } = await draftUpTo('en', 'new-client-fixed', 'relationship');
    await visitor.post(`${base}/relationship`, { 'wizard.history': 'returning-trouble' });
    const page = (await visitor.get(`${base}/safeguards`)).body;
    expect(page).toMatch(/id="wizard-depositChoice-2"[^>]*value="full" checked/);
    expect(valueOf(page, 'deposit-percent')).toBe('50');
    expect((await visitor.get(`${base}/fees`)).body).toContain('Ask for the whole price up front, or at least half');
  });

  it('the 日本語 link on a finished English contract asks first, and changes nothing until confirmed', async () => {
    const { visitor, base } = await draftUpTo('en', 'new-client-fixed');
    const asked = await visitor.get(`${base}/review?lang=ja`);
    expect(asked.body).toContain('契約書を日本語に切り替えますか？');
    expect(asked.body).toContain(`href="${base}/review?lang=ja&amp;confirm=1"`);
    expect(asked.body).toContain(`href="${base}/review">英語のままにする`);
    expect((await savedAnswers(base)).language).toBe('en');
    expect((await visitor.get(`${base}/review`)).body).toContain('Download the contract');
    const switched = await visitor.get(`${base}/review?lang=ja&confirm=1`);
    expect(switched.body).toContain('<html lang="ja">');
    // Shown in Japanese, saved in Japanese with the next form sent (a GET writes nothing).
    expect((await savedAnswers(base)).language).toBe('en');
    await visitor.post(`${base}/jurisdiction`, { 'jurisdiction.place': '東京都' });
    expect((await savedAnswers(base)).language).toBe('ja');
  });

  it('the Japanese Invoices page writes yen as 円 everywhere, and a deposit net of withholding is not called 税込 alone', async () => {
    const { visitor, base } = await draftUpTo('ja', 'ja/tokyo-fixed');
    await visitor.get(`${base}/invoices`);
    await visitor.post(`${base}/invoices/deposit`, { number: 'INV-001', issuedOn: '2027-04-01', action: 'docx' });
    const page = decode((await visitor.get(`${base}/invoices`)).body);
    expect(page).toContain('598,740円（源泉徴収後の振込額）');
    expect(page).not.toMatch(/598,740円（税込）/);
    expect(page).toMatch(/<td class="amount">598,740円<\/td>/);
    expect(page).not.toContain('¥');
    expect(page).not.toMatch(/id="[^"]+-suffix">JPY</);
  });
});
