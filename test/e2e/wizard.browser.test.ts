// The wizard as a person meets it: Debian's Chromium driven by
// playwright-core, with JavaScript on and off, from the home page to a Word
// file on disk. CI installs Chromium with apt-get (.ci/run); without it these
// tests fail loudly rather than skip.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { SCREENSHOT_DIR, startBrowserSession, type BrowserSession } from '../helpers/browser-session.ts';
import { SAMPLES_DIR, sampleInput } from '../helpers/samples.ts';

let session: BrowserSession;
let baseUrl: string;
let workDir: string;

beforeAll(async () => {
  session = await startBrowserSession('wizard-e2e');
  ({ baseUrl, workDir } = session);
});

afterAll(async () => {
  await session?.close();
});

const browser = (options: { js: boolean; width?: number; height?: number }) => session.browser(options);

const input = sampleInput('new-client-fixed');

async function next(page: Page, text = /^Save and (continue|check your answers)$/) {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: text }).click()]);
}

async function fillYou(page: Page) {
  const you = input.freelancer;
  await page.getByLabel('Your full name').fill(you.name);
  await page.getByLabel('Your business name').fill(you.business!);
  await page.getByLabel('Your email address').fill(you.email);
  await page.getByLabel('Your phone number').fill(you.phone);
  await page.getByLabel('Your postal address').fill(you.address);
}

/** From the home page to the review page, the way a person would. */
async function walkToReview(page: Page, { js }: { js: boolean }) {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Start a new contract' }).click();
  await expect.poll(() => page.url()).toMatch(/\/you$/);

  await fillYou(page);
  await next(page);

  const client = input.client;
  await expect.poll(() => page.url()).toMatch(/\/client$/);
  await page.getByLabel("Client's full name").fill(client.name);
  await page.getByLabel("Client's business name").fill(client.business!);
  await page.getByLabel("Client's email address").fill(client.email);
  await page.getByLabel("Client's phone number").fill(client.phone);
  await page.getByLabel("Client's postal address").fill(client.address);
  await next(page);
  await page.getByLabel('No, this is our first project').check();
  await next(page);

  const project = input.project;
  await page.getByLabel('Project name').fill(project.name);
  await page.getByLabel('What the project is').fill(project.description);
  await page.getByLabel('Deliverable 1', { exact: true }).fill(project.deliverables[0]!);
  for (let index = 1; index < project.deliverables.length; index++) {
    await page.getByRole('button', { name: 'Add another deliverable' }).click();
    const box = page.getByLabel(`Deliverable ${index + 1}`, { exact: true });
    await box.waitFor();
    if (js) await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.id')).toBe(`project-deliverables-${index}`);
    await box.fill(project.deliverables[index]!);
  }
  await page.getByLabel('Date the contract takes effect').fill(input.effectiveDate);
  await page.getByLabel('Start date').fill(project.startDate);
  await page.getByLabel('End date').fill(project.endDate!);
  await next(page);

  await page.getByLabel('Currency').selectOption('USD');
  await page.getByLabel('A fixed price for the whole project').check();
  await next(page);
  // Only the fixed price is asked, typed as people type it, with the currency beside it.
  expect(await page.getByLabel('Hourly rate').count()).toBe(0);
  expect(await page.locator('#fee-total-prefix').innerText()).toBe('$');
  await page.getByLabel('Total price').fill('$12,000');
  await page.getByLabel('Late fee').fill(String(input.fee.lateFeePercentPerMonth));
  await next(page);

  // The deposit is pre-filled for a new client, and shown as an amount.
  expect(await page.getByLabel('Deposit', { exact: true }).inputValue()).toBe('50');
  await expect.poll(() => page.locator('#figure-deposit').textContent()).toBe('$6,000.00');
  if (js) {
    await page.getByLabel('Deposit', { exact: true }).fill('40');
    await expect.poll(() => page.locator('#figure-deposit').textContent()).toBe('$4,800.00');
    await page.getByLabel('Deposit', { exact: true }).fill('50');
    await expect.poll(() => page.locator('#figure-deposit').textContent()).toBe('$6,000.00');
  }
  await page.getByLabel('Days of silence before work stops').fill(String(input.killFee.unresponsiveDays));
  // The kill fee is on, at the suggested share.
  expect(await page.getByLabel('Kill fee', { exact: true }).inputValue()).toBe(String(input.killFee.percentOfRemainingFee));
  await next(page);

  await page.getByLabel('The client: I transfer the copyright').check();
  await next(page);

  await page.getByLabel('Governing law').fill(input.jurisdiction.governingLaw);
  await page.getByLabel('Court (venue)').fill(input.jurisdiction.venue);
  await next(page);
  await expect.poll(() => page.url()).toMatch(/\/review$/);
}

async function download(page: Page, name: RegExp): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).first().click()]);
  return readFileSync((await file.path())!);
}

function documentText(docx: Buffer): string {
  expect(docx.subarray(0, 2).toString()).toBe('PK');
  return strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);
}

describe.each([true, false])('the wizard with JavaScript %s', (js) => {
  it('goes from the home page to a downloaded Word contract', async () => {
    const page = await browser({ js });
    await walkToReview(page, { js });
    const body = await page.locator('main').innerText();
    expect(body).toContain('Your contract is ready');
    expect(body).toContain('Priya Natarajan');
    expect(body).toContain('$6,000.00');
    const docx = await download(page, /Download the contract/);
    expect(documentText(docx)).toContain('Priya Natarajan');
    const answers = JSON.parse((await download(page, /Download your answers/)).toString('utf8'));
    expect(answers).toEqual(answersSchema.parse(input));
  });

  it('shows an error beside its field, and takes the correction', async () => {
    const page = await browser({ js });
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Start a new contract' }).click();
    await fillYou(page);
    await page.getByLabel('Your email address').fill('jordan at leestudio');
    await next(page);
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.innerText()).toContain('Enter your email address in the right format, like name@example.com');
    expect(await page.getByLabel('Your email address').getAttribute('aria-invalid')).toBe('true');
    // Every other typed value is still there.
    expect(await page.getByLabel('Your full name').inputValue()).toBe(input.freelancer.name);
    expect(await page.getByLabel('Your postal address').inputValue()).toBe(input.freelancer.address);
    await summary.getByRole('link').click();
    if (js) expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('freelancer-email');
    await page.getByLabel('Your email address').fill(input.freelancer.email);
    await next(page);
    await expect.poll(() => page.url()).toMatch(/\/client$/);
  });

  it('keeps answers through back and reload', async () => {
    const page = await browser({ js });
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Start a new contract' }).click();
    await fillYou(page);
    await next(page);
    await page.getByLabel("Client's full name").fill('Priya Natarajan');
    await page.getByLabel("Client's email address").fill('priya at harbor');
    await next(page); // invalid: only some fields typed, saved anyway
    await page.reload();
    expect(await page.getByLabel("Client's full name").inputValue()).toBe('Priya Natarajan');
    // One step back is the client page as first shown (before the error): it comes from the draft.
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/\/client$/);
    expect(await page.getByLabel("Client's full name").inputValue()).toBe('Priya Natarajan');
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/\/you$/);
    expect(await page.getByLabel('Your full name').inputValue()).toBe(input.freelancer.name);
    await page.reload();
    expect(await page.getByLabel('Your email address').inputValue()).toBe(input.freelancer.email);
    await page.goForward();
    await expect.poll(() => page.url()).toMatch(/\/client$/);
    expect(await page.getByLabel("Client's full name").inputValue()).toBe('Priya Natarajan');
    expect(await page.getByLabel("Client's email address").inputValue()).toBe('priya at harbor');
  });
});

describe('continuing and resuming', () => {
  it('imports an answers file, then the Word file it makes, and every answer comes back', async () => {
    const page = await browser({ js: true });
    await page.goto(baseUrl);
    await page.getByLabel('Answers file or Word contract').setInputFiles(join(SAMPLES_DIR, 'returning-client-hourly.json'));
    await page.getByRole('button', { name: 'Continue from this file' }).click();
    await expect.poll(() => page.url()).toMatch(/\/review$/);
    const expected = answersSchema.parse(sampleInput('returning-client-hourly'));
    expect(await page.locator('main').innerText()).toContain(expected.client.name);

    const docxPath = join(workDir, 'round-trip.docx');
    writeFileSync(docxPath, await download(page, /Download the contract/));
    await page.goto(baseUrl);
    await page.getByLabel('Answers file or Word contract').setInputFiles(docxPath);
    await page.getByRole('button', { name: 'Continue from this file' }).click();
    await expect.poll(() => page.url()).toMatch(/\/review$/);
    const answers = JSON.parse((await download(page, /Download your answers/)).toString('utf8'));
    expect(answers).toEqual(expected);
  });

  it('explains a file it cannot use on the home page', async () => {
    const page = await browser({ js: false });
    await page.goto(baseUrl);
    const junk = join(workDir, 'junk.json');
    writeFileSync(junk, 'this is not json');
    await page.getByLabel('Answers file or Word contract').setInputFiles(junk);
    await page.getByRole('button', { name: 'Continue from this file' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('not an answers file');
  });

  it('opens the resume link in a fresh browser with every answer', async () => {
    const page = await browser({ js: true });
    await walkToReview(page, { js: true });
    const link = await page.getByLabel('Your resume link').inputValue();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/wizard\/[A-Za-z0-9_-]+$/);

    const fresh = await browser({ js: false });
    await fresh.goto(link);
    await expect.poll(() => fresh.url()).toMatch(/\/review$/);
    const body = await fresh.locator('main').innerText();
    expect(body).toContain('Priya Natarajan');
    expect(body).toContain('Multnomah County, Oregon');
    // The fresh browser can change an answer too (its own CSRF cookie).
    await fresh.getByRole('link', { name: /Change\s+law and court/i }).click();
    await fresh.getByLabel('Court (venue)').fill('Lane County, Oregon');
    await next(fresh, /Save and go back to your answers/);
    expect(await fresh.locator('main').innerText()).toContain('Lane County, Oregon');
  });
});

describe('on a phone', () => {
  it('takes screenshots of the review page and of a step with errors', async () => {
    const page = await browser({ js: true, width: 390, height: 844 });
    await walkToReview(page, { js: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'review-phone.png'), fullPage: true });
    // No horizontal scrolling at phone width.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    await page.getByRole('link', { name: /Change\s+fees and payment/i }).click();
    await page.getByLabel('Total price').fill('lots');
    await page.getByLabel('Days the client has to pay an invoice').fill('soon');
    await next(page, /Save and go back to your answers/);
    await expect.poll(() => page.locator('.error-summary').isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'fees-errors-phone.png'), fullPage: true });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });
});
