import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { buildApp } from '../../src/web/app.ts';
import { readEmbeddedAnswers } from '../../src/render/embedded-answers.ts';
import { answersToForm } from '../../src/web/wizard/engine.ts';
import { STEPS } from '../../src/web/wizard/steps.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { InjectVisitor, type Fields } from '../helpers/inject-visitor.ts';
import { SAMPLE_NAMES, sampleAnswers, sampleInput } from '../helpers/samples.ts';

let dataDir: string;
let app: FastifyInstance;
const extraApps: FastifyInstance[] = [];
// The server's clock, fixed: "today" is this day whenever the test runs.
const TODAY = '2027-01-04';
const now = () => new Date(`${TODAY}T00:00:30Z`);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wizard-'));
  app = await buildApp({ dataDir, rateLimitPerMinute: 0, now });
});
afterEach(async () => {
  for (const other of extraApps.splice(0)) await other.close();
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The visitor of test/helpers/inject-visitor.ts, on this file's app unless told otherwise. */
class Visitor extends InjectVisitor {
  constructor(server: FastifyInstance = app) {
    super(server);
  }
}

const draftBase = (stepUrl: string) => stepUrl.replace(/\/[^/]+$/, '');

/** The form a person would fill in for one step of a sample's answers. */
function formFor(stepId: string, answers: Record<string, unknown>): Fields {
  const step = STEPS.find((candidate) => candidate.id === stepId)!;
  return answersToForm(step, answers);
}

/** Walks every step with a sample's answers; returns the draft's base URL. */
async function walk(visitor: Visitor, sample = 'new-client-fixed'): Promise<string> {
  const input = sampleInput(sample);
  let url = await visitor.start();
  const base = draftBase(url);
  for (const step of STEPS) {
    expect(url).toBe(`${base}/${step.id}`);
    await visitor.get(url);
    const response = await visitor.post(url, formFor(step.id, input));
    expect(response.statusCode, `${step.id}: ${response.body.slice(0, 400)}`).toBe(303);
    url = String(response.headers.location);
  }
  expect(url).toBe(`${base}/review`);
  return base;
}

const valueOf = (html: string, id: string) => new RegExp(`id="${id}"[^>]*value="([^"]*)"`).exec(html)?.[1];
const tagOf = (html: string, id: string) => new RegExp(`<(?:input|textarea)[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? '';

describe('home page', () => {
  it('says what the tool does and offers to start or continue from a file', async () => {
    const response = await new Visitor().get('/');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Start a new contract');
    expect(response.body).toContain('Continue from a file');
    expect(response.body).toMatch(/<form method="post" action="\/wizard"[^>]*>\s*<input type="hidden" name="_csrf" value="[^"]+">/);
    expect(response.body).toMatch(/<form method="post" action="\/import" enctype="multipart\/form-data"[^>]*>\s*<input type="hidden" name="_csrf"/);
  });

  it('starts a draft with an unguessable id and sends the visitor to the first step', async () => {
    const url = await new Visitor().start();
    expect(url).toMatch(/^\/wizard\/[A-Za-z0-9_-]{32,}\/you$/);
  });

  it('offers today, by the server\'s clock, as the date the contract takes effect', async () => {
    const visitor = new Visitor();
    const base = draftBase(await visitor.start());
    const page = await visitor.get(`${base}/project`);
    expect(valueOf(page.body, 'effectiveDate')).toBe(TODAY);
  });
});

describe('CSRF', () => {
  it('starts a draft even without a cookie or token: starting changes nothing that is yours', async () => {
    const response = await app.inject({ method: 'POST', url: '/wizard', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: '' });
    expect(response.statusCode).toBe(303);
    expect(String(response.headers.location)).toMatch(/^\/wizard\/[A-Za-z0-9_-]{32,}\/you$/);
  });

  it('refuses a step saved without a token with a plain 403 page', async () => {
    const visitor = new Visitor();
    const url = await visitor.start();
    const response = await visitor.post(url, { 'freelancer.name': 'Mallory' }, { token: null });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('This form has expired');
  });

  it('refuses a step saved with a forged token, and changes nothing', async () => {
    const visitor = new Visitor();
    const url = await visitor.start();
    await visitor.get(url);
    const response = await visitor.post(url, { 'freelancer.name': 'Mallory' }, { token: 'forged-token' });
    expect(response.statusCode).toBe(403);
    expect(valueOf((await visitor.get(url)).body, 'freelancer-name')).toBe('');
  });

  it('refuses a token from another visitor (it is bound to the cookie)', async () => {
    const alice = new Visitor();
    const url = await alice.start();
    const mallory = new Visitor();
    await mallory.get('/');
    const response = await mallory.post(url, { 'freelancer.name': 'Mallory' }, { token: alice.token });
    expect(response.statusCode).toBe(403);
  });

  it('refuses an upload without a token', async () => {
    const visitor = new Visitor();
    await visitor.get('/');
    const response = await visitor.upload('a.json', JSON.stringify(sampleInput('new-client-fixed')), { token: null });
    expect(response.statusCode).toBe(403);
  });

  it('refuses to delete a draft without a token', async () => {
    const visitor = new Visitor();
    const base = draftBase(await visitor.start());
    expect((await visitor.post(`${base}/delete`, {}, { token: null })).statusCode).toBe(403);
    expect((await visitor.get(`${base}/you`)).statusCode).toBe(200);
  });
});

describe('validation on each step', () => {
  it('"you": an error summary linking to each field, messages beside them, and every typed value kept', async () => {
    const visitor = new Visitor();
    const url = await visitor.start();
    await visitor.get(url);
    const response = await visitor.submit(url, {
      'freelancer.name': '',
      'freelancer.business': 'Lee & "Sons" <Studio>',
      'freelancer.email': 'jordan at example',
      'freelancer.phone': '+1 503 555 0142',
      'freelancer.address': '410 SW Oak St\nPortland',
    });
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('<title>Error: About you');
    expect(html).toContain('There is a problem');
    expect(html).toContain('<a href="#freelancer-name">Enter your full name</a>');
    expect(html).toContain('<a href="#freelancer-email">Enter your email address in the right format, like name@example.com</a>');
    expect(html).toMatch(/id="freelancer-name-error"><span class="visually-hidden">Error:<\/span> Enter your full name<\/p>/);
    expect(tagOf(html, 'freelancer-name')).toContain('aria-invalid="true"');
    expect(tagOf(html, 'freelancer-name')).toMatch(/aria-describedby="[^"]*freelancer-name-error/);
    expect(tagOf(html, 'freelancer-email')).toContain('aria-invalid="true"');
    expect(tagOf(html, 'freelancer-phone')).not.toContain('aria-invalid');
    // Typed values come back exactly, escaped.
    expect(valueOf(html, 'freelancer-email')).toBe('jordan at example');
    expect(valueOf(html, 'freelancer-business')).toBe('Lee &amp; &quot;Sons&quot; &lt;Studio&gt;');
    expect(html).toContain('>410 SW Oak St\nPortland</textarea>');
  });

  it('"you": the VAT number is asked, optional, and one in the wrong shape is refused beside the field (issue 23)', async () => {
    const visitor = new Visitor();
    const url = await visitor.start();
    const page = await visitor.get(url);
    expect(page.body).toContain('VAT number (optional)');
    const response = await visitor.submit(url, {
      'freelancer.name': 'Sam Okafor',
      'freelancer.email': 'sam@okafor.example',
      'freelancer.phone': '+44 20 7946 0958',
      'freelancer.address': '12 Brick Lane, London',
      'freelancer.vatNumber': 'GB 1234 5678',
    });
    expect(response.body).toContain('<a href="#freelancer-vatNumber">This VAT number does not have its country&#39;s format: it should look like GB123456789</a>');
    expect(valueOf(response.body, 'freelancer-vatNumber')).toBe('GB 1234 5678');
  });

  it('keeps invalid typed values in the draft, so a reload shows them', async () => {
    const visitor = new Visitor();
    const url = await visitor.start();
    await visitor.get(url);
    await visitor.post(url, { 'freelancer.name': 'Jordan Lee', 'freelancer.email': 'jordan at example' });
    const again = await visitor.get(url);
    expect(valueOf(again.body, 'freelancer-name')).toBe('Jordan Lee');
    expect(valueOf(again.body, 'freelancer-email')).toBe('jordan at example');
  });

  it('"relationship": one question with three answers; a client who was trouble gets the advice, a new one never does', async () => {
    const visitor = new Visitor();
    const base = draftBase(await visitor.start());
    await visitor.get(`${base}/relationship`);
    const response = await visitor.submit(`${base}/relationship`, {});
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<a href="#wizard-history">Select whether you have worked for this client before</a>');
    expect(tagOf(response.body, 'wizard-history')).toContain('aria-invalid="true"');
    expect(response.body).toMatch(/id="trouble-advice" hidden/);

    const saved = await visitor.post(`${base}/relationship`, { 'wizard.history': 'returning-trouble' });
    expect(saved.headers.location).toBe(`${base}/project`);
    const page = await visitor.get(`${base}/relationship`);
    expect(page.body).toMatch(/<input[^>]*id="wizard-history-3"[^>]*value="returning-trouble" checked/);
    expect(page.body).toMatch(/id="trouble-advice"(?! hidden)/);
    expect(page.body).toContain('double your rate');
    expect((await visitor.get(`${base}/fees`)).body).toContain('double your rate');
    const draft = await app.drafts.get(base.split('/')[2]!);
    expect(draft!.answers.client).toEqual({ relationship: 'returning', troubleBefore: true });

    // "First project" drops the trouble answer: the advice is never shown for a new client.
    await visitor.post(`${base}/relationship`, { 'wizard.history': 'new' });
    expect((await app.drafts.get(base.split('/')[2]!))!.answers.client).toEqual({ relationship: 'new' });
    expect((await visitor.get(`${base}/fees`)).body).not.toContain('double your rate');
    expect((await visitor.get(`${base}/relationship`)).body).toMatch(/id="trouble-advice" hidden/);
  });

  it('"relationship" asks whether the client is a business or a private person, a business unless changed', async () => {
    const visitor = new Visitor();
    const base = draftBase(await visitor.start());
    const page = await visitor.get(`${base}/relationship`);
    expect(page.body).toContain('Is this client a business or a private person?');
    expect(page.body).toMatch(/<input[^>]*value="business" checked/);
    await visitor.post(`${base}/relationship`, { 'wizard.history': 'new', 'client.kind': 'consumer' });
    expect((await app.drafts.get(base.split('/')[2]!))!.answers.client).toEqual({ relationship: 'new', kind: 'consumer' });
    expect((await visitor.get(`${base}/relationship`)).body).toMatch(/<input[^>]*value="consumer" checked/);
  });

  it('"project": deliverables grow without JavaScript, and each problem points at its box', async () => {
    const visitor = new Visitor();
    const base = draftBase(await visitor.start());
    await visitor.get(`${base}/project`);
    const form = formFor('project', sampleInput('new-client-fixed'));
    const add = await visitor.post(`${base}/project`, { ...form, 'project.deliverables': ['Homepage', '', 'Build'], action: 'add-deliverable' });
    expect(add.statusCode).toBe(303);
    expect(add.headers.location).toBe(`${base}/project?rows=3#project-deliverables-2`);
    const grown = await visitor.get(String(add.headers.location).replace(/#.*/, ''));
    expect(valueOf(grown.body, 'project-deliverables-0')).toBe('Homepage');
    expect(valueOf(grown.body, 'project-deliverables-1')).toBe('Build');
    expect(valueOf(grown.body, 'project-deliverables-2')).toBe('');
    expect(grown.body).toContain('<label class="label label-small" for="project-deliverables-2">Deliverable 3</label>');

    const none = await visitor.submit(`${base}/project`, { ...form, 'project.deliverables': ['', ''] });
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('<a href="#project-deliverables-0">Enter at least one deliverable</a>');

    const backwards = await visitor.submit(`${base}/project`, { ...form, 'project.startDate': '2027-03-01', 'project.endDate': '2027-02-01' });
    expect(backwards.statusCode).toBe(200);
    expect(backwards.body).toContain('<a href="#project-endDate">Enter an end date on or after the start date</a>');
    expect(valueOf(backwards.body, 'project-endDate')).toBe('2027-02-01');

    const badDate = await visitor.submit(`${base}/project`, { ...form, 'project.startDate': '2027-02-30' });
    expect(badDate.body).toContain('Start date must be a real date');
  });

  it('"charging" then "fees": currency and model first, then only that model\'s amounts, typed as people type them', async () => {
    const visitor = new Visitor();
    const base = draftBase(await visitor.start());
    await visitor.get(`${base}/charging`);
    const nothing = await visitor.submit(`${base}/charging`, {});
    expect(nothing.statusCode).toBe(200);
    expect(nothing.body).toContain('<a href="#fee-currency">Select the currency you charge in</a>');
    expect(nothing.body).toContain('<a href="#fee-model">Select how you charge for this project</a>');
    // Every currency is offered by name, the common ones first.
    expect(nothing.body).toContain('<option value="USD">US Dollar (USD)</option>');
    expect(nothing.body).toContain('<option value="MXN">Mexican Peso (MXN)</option>');

    expect((await visitor.post(`${base}/charging`, { 'fee.currency': 'USD', 'fee.model': 'hourly' })).headers.location).toBe(`${base}/fees`);
    const hourly = await visitor.get(`${base}/fees`);
    expect(hourly.body).toContain('id="fee-rate"');
    expect(hourly.body).not.toContain('id="fee-total"');
    // The currency sits beside the amount box and is read with it.
    expect(hourly.body).toContain('<span class="input-prefix" id="fee-rate-prefix">$</span>');
    expect(tagOf(hourly.body, 'fee-rate')).toMatch(/aria-describedby="fee-rate-prefix/);
    const letters = await visitor.submit(`${base}/fees`, { 'fee.rate': 'ninety', 'fee.estimatedHours': '40', 'fee.paymentDueDays': '14', 'fee.lateFeePercentPerMonth': '1.5' });
    expect(letters.body).toContain('<a href="#fee-rate">Hourly rate must be a number, like 85</a>');
    expect(valueOf(letters.body, 'fee-rate')).toBe('ninety');

    await visitor.post(`${base}/charging`, { 'fee.currency': 'JPY', 'fee.model': 'fixed' });
    const yen = await visitor.submit(`${base}/fees`, { 'fee.total': '¥600,000.5', 'fee.paymentDueDays': '30', 'fee.lateFeePercentPerMonth': '0' });
    expect(yen.body).toContain('<a href="#fee-total">Enter the total price as a whole number: Japanese Yen amounts have no decimals. Did you mean 600,001?</a>');
    expect(yen.body).toContain('<span class="input-prefix" id="fee-total-prefix">¥</span>');
    const wholeYen = await visitor.post(`${base}/fees`, { 'fee.total': '¥1,200,000', 'fee.paymentDueDays': '30', 'fee.lateFeePercentPerMonth': '0' });
    expect(wholeYen.headers.location).toBe(`${base}/safeguards`);
    expect((await app.drafts.get(base.split('/')[2]!))!.answers.fee).toMatchObject({ currency: 'JPY', model: 'fixed', total: 1_200_000 });

    await visitor.post(`${base}/charging`, { 'fee.currency': 'USD', 'fee.model': 'fixed' });
    for (const typed of ['$6,000', '6,000', '6 000', 'USD 6000']) {
      const ok = await visitor.post(`${base}/fees`, { 'fee.total': typed, 'fee.paymentDueDays': '14', 'fee.lateFeePercentPerMonth': '1.5' });
      expect(ok.headers.location, typed).toBe(`${base}/safeguards`);
      expect((await app.drafts.get(base.split('/')[2]!))!.answers.fee, typed).toMatchObject({ total: 6000 });
    }
    // Shown again the way people read it.
    expect(valueOf((await visitor.get(`${base}/fees`)).body, 'fee-total')).toBe('6,000');
    expect((await visitor.get(`${base}/safeguards`)).body).toContain('$6,000.00');
  });

  it('"safeguards": the deposit is pre-filled from the relationship: 50 for a new client, 30 for a returning one', async () => {
    for (const [relationship, percent] of [['new', '50'], ['returning', '30']] as const) {
      const visitor = new Visitor();
      const base = draftBase(await visitor.start());
      await visitor.get(`${base}/relationship`);
      await visitor.post(`${base}/relationship`, { 'wizard.history': relationship });
      const page = await visitor.get(`${base}/safeguards`);
      expect(valueOf(page.body, 'deposit-percent')).toBe(percent);
      expect(page.body).toContain('25 to 30%');
    }
  });

  it('"safeguards": a suggested deposit follows a later change of relationship, a chosen one stays', async () => {
    const visitor = new Visitor();
    const base = draftBase(await visitor.start());
    const client = { 'wizard.history': 'new' };
    const safeguards = { 'wizard.depositChoice': 'deposit', 'deposit.nonRefundable': 'yes', 'killFee.unresponsiveDays': '14' };
    await visitor.get(`${base}/relationship`);
    await visitor.post(`${base}/relationship`, client);
    await visitor.get(`${base}/safeguards`);
    await visitor.post(`${base}/safeguards`, { ...safeguards, 'deposit.percent': '50' });
    // The user goes back and says the client has paid before: the suggestion follows.
    await visitor.post(`${base}/relationship`, { 'wizard.history': 'returning' });
    expect(valueOf((await visitor.get(`${base}/safeguards`)).body, 'deposit-percent')).toBe('30');
    // A percentage the user typed is theirs: changing the relationship again leaves it.
    await visitor.post(`${base}/safeguards`, { ...safeguards, 'deposit.percent': '25' });
    await visitor.post(`${base}/relationship`, { 'wizard.history': 'new' });
    expect(valueOf((await visitor.get(`${base}/safeguards`)).body, 'deposit-percent')).toBe('25');
  });

  it('"fees": a tax needs its name and its rate; both given, it is saved with how to pay; both cleared, it is gone', async () => {
    const visitor = new Visitor();
    const base = draftBase(await visitor.start());
    await visitor.post(`${base}/charging`, { 'fee.currency': 'GBP', 'fee.model': 'fixed' });
    const common = { 'fee.total': '1,275', 'fee.paymentDueDays': '30', 'fee.lateFeePercentPerMonth': '2' };
    const noRate = await visitor.submit(`${base}/fees`, { ...common, 'fee.tax.label': 'VAT' });
    expect(noRate.statusCode).toBe(200);
    expect(noRate.body).toContain('<a href="#fee-tax-percent">Enter the tax rate as a percentage, like 20</a>');
    expect(valueOf(noRate.body, 'fee-tax-label')).toBe('VAT');
    const ok = await visitor.post(`${base}/fees`, { ...common, 'fee.tax.label': 'VAT', 'fee.tax.percent': '20', 'fee.paymentMethod': 'Bank transfer' });
    expect(ok.headers.location).toBe(`${base}/safeguards`);
    expect((await app.drafts.get(base.split('/')[2]!))!.answers.fee).toMatchObject({ tax: { label: 'VAT', percent: 20 }, paymentMethod: 'Bank transfer' });
    // Left empty again, the tax is gone: no half-filled tax stays in the answers.
    await visitor.post(`${base}/fees`, common);
    expect((await app.drafts.get(base.split('/')[2]!))!.answers.fee).not.toHaveProperty('tax');
  });

  it('"fees": amounts typed for another fee model come back when the user switches back', async () => {
    const visitor = new Visitor();
    const base = draftBase(await visitor.start());
    const common = { 'fee.paymentDueDays': '14', 'fee.lateFeePercentPerMonth': '1.5' };
    await visitor.get(`${base}/charging`);
    await visitor.post(`${base}/charging`, { 'fee.currency': 'USD', 'fee.model': 'hourly' });
    await visitor.post(`${base}/fees`, { ...common, 'fee.rate': '85', 'fee.estimatedHours': '60' });
    await visitor.post(`${base}/charging`, { 'fee.currency': 'USD', 'fee.model': 'fixed' });
    await visitor.post(`${base}/fees`, { ...common, 'fee.total': '12000' });
    // The answers hold only the chosen model's amounts...
    const answers = await app.inject({ method: 'GET', url: `${base}/answers.json` });
    expect(answers.body).not.toContain('"rate"');
    expect((await visitor.get(`${base}/fees`)).body).not.toContain('id="fee-rate"');
    // ...but the hourly figures come back with a switch back.
    await visitor.post(`${base}/charging`, { 'fee.currency': 'USD', 'fee.model': 'hourly' });
    const page = await visitor.get(`${base}/fees`);
    expect(valueOf(page.body, 'fee-rate')).toBe('85');
    expect(valueOf(page.body, 'fee-estimatedHours')).toBe('60');
    expect(page.body).not.toContain('id="fee-total"');
  });

  it('"safeguards": shows the deposit as an amount, and takes payment in full as 100%', async () => {
    const visitor = new Visitor();
    const base = draftBase(await visitor.start());
    await visitor.get(`${base}/charging`);
    await visitor.post(`${base}/charging`, formFor('charging', sampleInput('new-client-fixed')));
    await visitor.post(`${base}/fees`, formFor('fees', sampleInput('new-client-fixed')));
    const page = await visitor.get(`${base}/safeguards`);
    expect(page.body).toMatch(/id="figure-deposit">\$6,000\.00</);
    expect(page.body).toMatch(/id="figure-balance">\$6,000\.00</);
    expect(page.body).toMatch(/id="figure-base">\$12,000\.00</);

    const tooMuch = await visitor.submit(`${base}/safeguards`, { 'wizard.depositChoice': 'deposit', 'deposit.percent': '150', 'deposit.nonRefundable': 'yes', 'killFee.unresponsiveDays': '0' });
    expect(tooMuch.statusCode).toBe(200);
    expect(tooMuch.body).toContain('<a href="#deposit-percent">Deposit must be between 1% and 100%</a>');
    expect(tooMuch.body).toContain('<a href="#killFee-unresponsiveDays">Days of silence must be between 1 and 365 days</a>');

    const full = await visitor.post(`${base}/safeguards`, { 'wizard.depositChoice': 'full', 'deposit.percent': '50', 'deposit.nonRefundable': 'yes', 'killFee.unresponsiveDays': '14' });
    expect(full.statusCode).toBe(303);
    const again = await visitor.get(`${base}/safeguards`);
    expect(again.body).toMatch(/value="full" checked/);
    expect(again.body).toMatch(/id="figure-deposit">\$12,000\.00</);
  });

  it('"rights" and "jurisdiction": require a copyright choice and a court', async () => {
    const visitor = new Visitor();
    const base = draftBase(await visitor.start());
    await visitor.get(`${base}/rights`);
    const rights = await visitor.submit(`${base}/rights`, { 'ownership.portfolioUse': 'yes' });
    expect(rights.body).toContain('<a href="#ownership-copyright">Select who holds the copyright once you are paid in full</a>');
    const law = await visitor.submit(`${base}/jurisdiction`, { 'jurisdiction.governingLaw': 'State of Oregon', 'jurisdiction.venue': '  ', 'jurisdiction.smallClaims': 'yes' });
    expect(law.body).toContain('<a href="#jurisdiction-venue">Enter the court (venue), like Multnomah County, Oregon</a>');
    expect(valueOf(law.body, 'jurisdiction-governingLaw')).toBe('State of Oregon');
  });

  it('"jurisdiction": the paper size is pre-filled from the currency (US Letter for USD, A4 for GBP) and saved', async () => {
    const checked = (html: string) => /name="paperSize" type="radio" value="([^"]+)" checked/.exec(html)?.[1];
    for (const [sample, paper] of [['new-client-fixed', 'letter'], ['returning-client-hourly', 'a4']] as const) {
      const visitor = new Visitor();
      const base = draftBase(await visitor.start());
      await visitor.get(`${base}/charging`);
      await visitor.post(`${base}/charging`, formFor('charging', sampleInput(sample)));
      const page = await visitor.get(`${base}/jurisdiction`);
      expect(page.body).toContain('Paper size for the Word file');
      expect(page.body).toContain('US Letter (8.5 × 11 inches)');
      expect(checked(page.body), sample).toBe(paper);
    }
    // The freelancer chooses the other paper: it is saved, shown again, in the answers and in the Word file.
    const visitor = new Visitor();
    const base = await walk(visitor, 'new-client-fixed');
    expect((await visitor.get(`${base}/answers.json`)).json().paperSize).toBe('letter');
    await visitor.get(`${base}/jurisdiction?from=review`);
    const saved = await visitor.post(`${base}/jurisdiction?from=review`, { ...formFor('jurisdiction', sampleInput('new-client-fixed')), paperSize: 'a4' });
    expect(saved.statusCode).toBe(303);
    expect(checked((await visitor.get(`${base}/jurisdiction`)).body)).toBe('a4');
    const review = await visitor.get(`${base}/review`);
    expect(review.body).toContain('A4 (210 × 297 mm)');
    expect((await visitor.get(`${base}/answers.json`)).json()).toEqual(answersSchema.parse({ ...sampleInput('new-client-fixed'), paperSize: 'a4' }));
    const docx = await visitor.get(`${base}/contract.docx`);
    expect(strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!)).toContain('<w:pgSz w:w="11906" w:h="16838"');

    const wrong = await visitor.submit(`${base}/jurisdiction`, { ...formFor('jurisdiction', sampleInput('new-client-fixed')), paperSize: 'legal' });
    expect(wrong.statusCode).toBe(200);
    expect(wrong.body).toContain('Select a paper size');
  });

  it('shows each question\'s plain-language note from the clause library', async () => {
    const visitor = new Visitor();
    const base = draftBase(await visitor.start());
    expect((await visitor.get(`${base}/safeguards`)).body).toContain('work stops once the client has been silent for a set time');
    expect((await visitor.get(`${base}/jurisdiction`)).body).toContain('Third safeguard: say which law governs');
    expect((await visitor.get(`${base}/charging`)).body).toContain('A retainer reserves a number of hours each month');
  });
});

describe('the walk through the steps', () => {
  it('redirects (303) from each step to the next, then to a review page with the contract and downloads', async () => {
    const visitor = new Visitor();
    const base = await walk(visitor);
    const review = await visitor.get(`${base}/review`);
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('Your contract is ready');
    expect(review.body).toContain('<article class="contract" lang="en">');
    expect(review.body).toContain('Priya Natarajan');
    expect(review.body).toContain('Multnomah County');
    expect(review.body).toContain('$6,000.00');
    expect(review.body).toContain(`href="${base}/you?from=review"`);
    expect(review.body).toContain(`href="${base}/follow-up"`);
    expect(review.body).toMatch(new RegExp(`value="http://localhost(:\\d+)?${base}"`));

    const docx = await visitor.get(`${base}/contract.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('Harbor-Coffee-website-redesign-contract.docx');
    const files = unzipSync(new Uint8Array(docx.rawPayload));
    expect(strFromU8(files['word/document.xml']!)).toContain('Priya Natarajan');

    const json = await visitor.get(`${base}/answers.json`);
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.json()).toEqual(sampleAnswers('new-client-fixed'));
  });

  it.each(SAMPLE_NAMES)('%s: the wizard makes the same contract as the API, word for word and figure for figure', async (sample) => {
    const visitor = new Visitor();
    const base = await walk(visitor, sample);
    const wizardFile = (await visitor.get(`${base}/contract.docx`)).rawPayload;
    const fromWizard = openDocx(wizardFile);
    const fromApi = openDocx((await app.inject({ method: 'POST', url: '/api/contracts', payload: sampleInput(sample) })).rawPayload);
    // The whole text a person reads (parties, every clause, the fee table, the header), not just the titles.
    expect(fromWizard.text()).toBe(fromApi.text());
    expect(fromWizard.text('word/header1.xml')).toBe(fromApi.text('word/header1.xml'));
    // The answers the file carries back into the wizard are the same too.
    expect(readEmbeddedAnswers(wizardFile)).toEqual(sampleAnswers(sample));

    // The figures the API computes are the ones the review page and the Word file show.
    const contract = (await app.inject({ method: 'POST', url: '/api/contracts', payload: sampleInput(sample), headers: { accept: 'application/json' } })).json();
    const { base: feeBase, deposit, balance } = contract.figures as Record<string, { amount: number; formatted: string }>;
    const review = (await visitor.get(`${base}/review`)).body;
    // A deposit of 100% leaves no balance, and a balance of nothing is not printed.
    const shown = [feeBase!, deposit!, balance!].filter((figure) => figure.amount > 0).map((figure) => figure.formatted);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const figure of shown) {
      expect(review).toContain(figure);
      expect(fromWizard.text()).toContain(figure);
    }
  });

  it('sends a Change back to the review page', async () => {
    const visitor = new Visitor();
    const base = await walk(visitor);
    const change = await visitor.get(`${base}/jurisdiction?from=review`);
    expect(change.body).toContain(`action="${base}/jurisdiction?from=review"`);
    const saved = await visitor.post(`${base}/jurisdiction?from=review`, { ...formFor('jurisdiction', sampleInput('new-client-fixed')), 'jurisdiction.venue': 'Lane County, Oregon' });
    expect(saved.headers.location).toBe(`${base}/review`);
    expect((await visitor.get(`${base}/review`)).body).toContain('Lane County, Oregon');
  });

  it('lists the steps that still need answers instead of the contract', async () => {
    const visitor = new Visitor();
    const base = draftBase(await visitor.start());
    const review = await visitor.get(`${base}/review`);
    expect(review.body).toContain('Some steps still need answers');
    expect(review.body).toContain(`href="${base}/you?from=review&amp;check=1"`);
    expect(review.body).not.toContain('<article class="contract" lang="en">');
    const download = await visitor.get(`${base}/contract.docx`);
    expect(download.statusCode).toBe(303);
    expect((await visitor.get(`${base}/you?from=review&check=1`)).body).toContain('Enter your full name');
  });

  it('loses nothing when the server restarts', async () => {
    const visitor = new Visitor();
    const base = await walk(visitor);
    const restarted = await buildApp({ dataDir, rateLimitPerMinute: 0 });
    extraApps.push(restarted);
    const review = await new Visitor(restarted).get(`${base}/review`);
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('Priya Natarajan');
    expect(review.body).toContain('Your contract is ready');
  });

  it('a form opened before a restart is still accepted after it (the CSRF secret is kept in DATA_DIR)', async () => {
    const visitor = new Visitor();
    const first = await visitor.start();
    await visitor.get(first);
    const restarted = await buildApp({ dataDir, rateLimitPerMinute: 0 });
    extraApps.push(restarted);
    // Same cookie, same token from the page loaded before the restart.
    const sameBrowser = Object.assign(new Visitor(restarted), { cookies: visitor.cookies, token: visitor.token });
    const saved = await sameBrowser.post(first, formFor('you', sampleInput('new-client-fixed')));
    expect(saved.statusCode).toBe(303);
  });
});

describe('check your answers', () => {
  it('writes each answer as the contract does, shows defaults that apply, and only the rows that apply', async () => {
    const visitor = new Visitor();
    const base = await walk(visitor);
    const html = (await visitor.get(`${base}/review`)).body;
    const row = (label: string) => new RegExp(`<dt class="summary-key">${label}</dt>\\s*<dd[^>]*>\\s*([^<]*)`).exec(html)?.[1]?.trim();
    expect(row('Start date')).toBe('December 7, 2026');
    expect(row('Total price')).toBe('$12,000.00');
    expect(row('Currency')).toBe('US Dollar (USD)');
    expect(row('Rounds of revisions included')).toBe('2 rounds (the usual)');
    expect(row('Days the client has to pay an invoice')).toBe('14 days');
    expect(row('Kill fee')).toBe('25% of the fee not yet earned');
    // Rows that do not apply to a fixed price, or to a transferred copyright, are not there.
    expect(html).not.toContain('Hourly rate');
    expect(html).not.toContain('The licence the client receives');
    // One h1; the downloads again after the contract.
    expect(html.match(/<h1/g)).toHaveLength(1);
    const after = html.slice(html.indexOf('<article class="contract" lang="en">'));
    expect(after).toContain('Download the contract (Word)');
  });

  it('the page that names the source of the advice is linked from the home page', async () => {
    const visitor = new Visitor();
    expect((await visitor.get('/')).body).toContain('<a href="/why">Why these safeguards</a>');
    const why = await visitor.get('/why');
    expect(why.statusCode).toBe(200);
    expect(why.body).toContain('What to do when a client disappears');
    // The steps advise without naming it.
    const base = draftBase(await visitor.start());
    for (const step of STEPS) expect((await visitor.get(`${base}/${step.id}`)).body, step.id).not.toMatch(/the article/i);
  });
});

describe('save and come back later', () => {
  it('every step offers it; the page it leads to gives the resume link, which opens the first step still to answer', async () => {
    expect.hasAssertions();
    const visitor = new Visitor();
    const input = sampleInput('new-client-fixed');
    let url = await visitor.start();
    const base = draftBase(url);
    for (const [index, step] of STEPS.entries()) {
      const page = await visitor.get(`${base}/${step.id}`);
      expect(page.body, step.id).toContain('<button type="submit" class="button button-secondary" name="action" value="save-later">Save and come back later</button>');
      if (index < 3) {
        // Steps 1 to 3 answered, the third one saved for later.
        const action: Fields = index === 2 ? { action: 'save-later' } : {};
        const saved = await visitor.post(`${base}/${step.id}`, { ...formFor(step.id, input), ...action });
        url = String(saved.headers.location);
      }
    }
    expect(url).toBe(`${base}/saved?step=${STEPS[2]!.id}`);
    const savedPage = await visitor.get(url);
    expect(savedPage.body).toContain('Your answers are saved');
    const link = /id="resume-link"[^>]*value="([^"]+)"/.exec(savedPage.body)![1]!;
    expect(link).toMatch(new RegExp(`^http://localhost(:\\d+)?${base}$`));
    expect(savedPage.body).toContain(`href="${base}/${STEPS[2]!.id}">Continue now</a>`);
    // A fresh browser opening the link lands on step 4.
    const resumed = await new Visitor().get(new URL(link).pathname);
    expect(resumed.statusCode).toBe(303);
    expect(resumed.headers.location).toBe(`${base}/${STEPS[3]!.id}`);
  });

  it('saves what was typed even when it has mistakes, and the link then opens that step', async () => {
    const visitor = new Visitor();
    const url = await visitor.start();
    await visitor.get(url);
    const saved = await visitor.post(url, { 'freelancer.name': 'Jordan Lee', 'freelancer.email': 'jordan at example', action: 'save-later' });
    expect(saved.headers.location).toBe(`${draftBase(url)}/saved?step=you`);
    expect((await visitor.get(draftBase(url))).headers.location).toBe(url);
    expect(valueOf((await visitor.get(url)).body, 'freelancer-email')).toBe('jordan at example');
  });

  it('a finished draft opens on the review page', async () => {
    const visitor = new Visitor();
    const base = await walk(visitor);
    expect((await visitor.get(base)).headers.location).toBe(`${base}/review`);
  });
});

describe('questions that apply only after an answer', () => {
  it('the kill fee is on by default at the suggested 25%, and "No" takes it out', async () => {
    const visitor = new Visitor();
    const base = draftBase(await visitor.start());
    const page = await visitor.get(`${base}/safeguards`);
    expect(page.body).toMatch(/name="wizard.killFee" type="radio" value="yes" checked/);
    expect(valueOf(page.body, 'killFee-percentOfRemainingFee')).toBe('25');
    expect(page.body).toContain('We suggest 25%');
    const base2 = { 'wizard.depositChoice': 'deposit', 'deposit.percent': '50', 'deposit.nonRefundable': 'yes', 'killFee.unresponsiveDays': '14' };
    await visitor.post(`${base}/safeguards`, { ...base2, 'wizard.killFee': 'yes', 'killFee.percentOfRemainingFee': '25' });
    expect((await app.drafts.get(base.split('/')[2]!))!.answers.killFee).toEqual({ unresponsiveDays: 14, percentOfRemainingFee: 25 });
    await visitor.post(`${base}/safeguards`, { ...base2, 'wizard.killFee': 'no', 'killFee.percentOfRemainingFee': '25' });
    expect((await app.drafts.get(base.split('/')[2]!))!.answers.killFee).toEqual({ unresponsiveDays: 14, percentOfRemainingFee: 0 });
    const again = await visitor.get(`${base}/safeguards`);
    expect(again.body).toMatch(/name="wizard.killFee" type="radio" value="no" checked/);
    // Without JavaScript too, the percentage is hidden while "No" is chosen.
    expect(again.body).toMatch(/<div class="radio-conditional" id="wizard-killFee-conditional" hidden>/);
  });

  it('a revealed question shows only under the chosen option, without JavaScript too', async () => {
    const visitor = new Visitor();
    const base = draftBase(await visitor.start());
    const rights = await visitor.get(`${base}/rights`);
    expect(rights.body).toMatch(/<div class="radio-conditional" id="ownership-copyright-2-conditional" hidden>/);
    await visitor.post(`${base}/rights`, { 'ownership.copyright': 'retain-and-license', 'ownership.licence': 'exclusive', 'ownership.portfolioUse': 'yes' });
    expect((await visitor.get(`${base}/rights`)).body).toMatch(/<div class="radio-conditional" id="ownership-copyright-2-conditional">/);
  });
});

describe('drafts that are gone', () => {
  it('deletes a draft, confirms it, and then the link explains it is gone', async () => {
    const visitor = new Visitor();
    const base = await walk(visitor);
    // The review page links to a page that asks first.
    expect((await visitor.get(`${base}/review`)).body).toContain(`<a class="button button-warning" href="${base}/delete">Delete this draft</a>`);
    const confirm = await visitor.get(`${base}/delete`);
    expect(confirm.body).toContain('Are you sure you want to delete this draft?');
    expect(confirm.body).toContain('Harbor Coffee website redesign');
    expect(confirm.body).toContain(`<a class="button button-secondary" href="${base}/review">No, keep it</a>`);
    expect((await visitor.get(`${base}/review`)).statusCode).toBe(200);
    await visitor.get(`${base}/delete`);
    const deleted = await visitor.post(`${base}/delete`);
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe('/wizard/deleted');
    expect((await visitor.get('/wizard/deleted')).body).toContain('Your draft was deleted');
    const after = await visitor.get(`${base}/review`);
    expect(after.statusCode).toBe(404);
    expect(after.body).toContain('This draft has expired or was deleted');
  });

  it('explains an expired draft in plain words', async () => {
    const visitor = new Visitor();
    const url = await visitor.start();
    const id = url.split('/')[2]!;
    const db = new Database(join(dataDir, 'drafts.sqlite'));
    db.prepare('UPDATE drafts SET expires_at = ? WHERE id = ?').run('2000-01-01T00:00:00.000Z', id);
    db.close();
    const page = await visitor.get(url);
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('This draft has expired or was deleted');
    expect((await visitor.post(url, { 'freelancer.name': 'x' })).body).toContain('This draft has expired or was deleted');
  });

  it('treats a made-up id the same way', async () => {
    const page = await new Visitor().get('/wizard/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/you');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('This draft has expired or was deleted');
  });
});

describe('continue from a file', () => {
  it('lands an answers file on the review page', async () => {
    const visitor = new Visitor();
    await visitor.get('/');
    const response = await visitor.upload('new-client-fixed.json', JSON.stringify(sampleInput('new-client-fixed')));
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/^\/wizard\/[A-Za-z0-9_-]+\/review$/);
    const review = await visitor.get(String(response.headers.location));
    expect(review.body).toContain('Priya Natarajan');
    expect(review.body).toContain('Multnomah County');
    expect(review.body).toContain('$6,000.00');
  });

  it('brings back every answer from a Word file this app made', async () => {
    const visitor = new Visitor();
    const base = await walk(visitor, 'returning-client-hourly');
    const docx = await visitor.get(`${base}/contract.docx`);
    await visitor.get('/');
    const response = await visitor.upload('contract.docx', docx.rawPayload);
    expect(response.statusCode).toBe(303);
    const imported = draftBase(String(response.headers.location));
    expect(imported).not.toBe(base);
    const json = await visitor.get(`${imported}/answers.json`);
    expect(json.json()).toEqual(answersSchema.parse(sampleInput('returning-client-hourly')));
  });

  it('starts from the answers inside a follow-up letter this app made', async () => {
    const input = sampleInput('returning-client-hourly');
    const letter = await app.inject({ method: 'POST', url: '/api/letters/final-check-in', payload: { answers: input, letter: { date: '2027-04-26' } } });
    expect(letter.statusCode).toBe(200);
    const visitor = new Visitor();
    await visitor.get('/');
    const response = await visitor.upload('letter.docx', letter.rawPayload);
    expect(response.statusCode).toBe(303);
    const json = await visitor.get(`${draftBase(String(response.headers.location))}/answers.json`);
    expect(json.json()).toEqual(answersSchema.parse(input));
  });

  it.each([
    ['a text file', 'notes.txt', 'hello there', /not an answers file: its content is not JSON/],
    ['an empty file', 'empty.json', '', /Choose a file first|The file is empty/],
    ['a zip that is not ours', 'other.docx', Buffer.from('504b0304deadbeef', 'hex'), /not made by this app/],
    ['answers with mistakes', 'bad.json', JSON.stringify({ ...sampleInput('new-client-fixed'), deposit: { percent: 150 } }), /deposit\.percent: Deposit must be between 1% and 100%/],
  ])('explains on the home page why %s cannot be used', async (_name, fileName, content, message) => {
    const visitor = new Visitor();
    await visitor.get('/');
    // Post/Redirect/Get: the refusal is said by the home page's GET the upload redirects to.
    const response = await visitor.sendFile(fileName, content);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('That file could not be used');
    expect(response.body).toMatch(message);
    expect(response.body).toContain('Start a new contract');
  });
});

it('answers an unknown step with the site\'s 404 page', async () => {
  const visitor = new Visitor();
  const base = draftBase(await visitor.start());
  const page = await visitor.get(`${base}/nonsense`);
  expect(page.statusCode).toBe(404);
  expect(page.body).toContain('Page not found');
});
