// "When the client goes quiet" as a person meets it: Debian's Chromium
// driven by playwright-core, with JavaScript on and off, from an imported
// answers file to the calendar, a final notice in Word and an email's text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, startBrowserSession, type BrowserSession } from '../helpers/browser-session.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { SAMPLES_DIR } from '../helpers/samples.ts';

let session: BrowserSession;
let baseUrl: string;

beforeAll(async () => {
  session = await startBrowserSession('follow-up-e2e');
  ({ baseUrl } = session);
});

afterAll(async () => {
  await session?.close();
});

const browser = (options: { js: boolean; width?: number; height?: number }) => session.browser(options);

/** Home page, upload a sample answers file, then the review page's link to the follow-up page. */
async function openFollowUp(page: Page) {
  await page.goto(baseUrl);
  await page.getByLabel('Answers file or Word contract').setInputFiles(join(SAMPLES_DIR, 'new-client-fixed.json'));
  await page.getByRole('button', { name: 'Continue from this file' }).click();
  await expect.poll(() => page.url()).toMatch(/\/review$/);
  // The link sits with the downloads, right after the buttons.
  await page.locator('#downloads').getByRole('link', { name: 'When the client goes quiet' }).click();
  await expect.poll(() => page.url()).toMatch(/\/follow-up$/);
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('When the client goes quiet');
}

/** From the follow-up page, a letter's own page; its form sits in the section of the same id. */
async function openLetter(page: Page, kind: string): Promise<Locator> {
  if (!/\/follow-up$/.test(new URL(page.url()).pathname)) await page.goto(page.url().replace(/\/follow-up\/.*$/, '/follow-up'));
  await Promise.all([page.waitForLoadState('load'), page.locator(`#letter-${kind}`).getByRole('link', { name: /Write this letter/ }).click()]);
  await expect.poll(() => page.url()).toMatch(new RegExp(`/follow-up/${kind}$`));
  return page.locator(`#letter-${kind}`);
}

async function downloadBy(page: Page, button: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync((await file.path())!);
}

async function fillInvoice(letter: Locator) {
  await letter.getByLabel('Invoice number').fill('INV-2027-014');
  await letter.getByLabel('Invoice amount').fill('6,000.00');
  await letter.getByLabel('Invoice date').fill('2027-02-26');
  await letter.getByLabel('Invoice due date').fill('2027-03-12');
}

describe.each([true, false])('the follow-up page with JavaScript %s', (js) => {
  it('downloads the calendar and a final notice, and shows a letter as an email', async () => {
    const page = await browser({ js });
    await openFollowUp(page);

    // The calendar for an invoice due 12 March 2027: six reminders, the last the final notice.
    const calendar = page.locator('#calendar');
    await calendar.getByLabel('The work is delivered and you are waiting for payment').check();
    await calendar.getByLabel('Count from').fill('2027-03-12');
    const ics = (await downloadBy(page, calendar.getByRole('button', { name: 'Download the calendar (.ics)' }))).toString('utf8');
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.startDate.toString())).toEqual(['2027-03-13', '2027-03-19', '2027-04-11', '2027-05-11', '2027-06-10', '2027-06-20']);
    expect(page.url()).toMatch(/\/follow-up$/);

    // The final notice: 45 days late on $6,000.00 at 1.5% a month.
    const notice = await openLetter(page, 'final-notice');
    await notice.getByLabel('Date of the letter').fill('2027-04-26');
    await fillInvoice(notice);
    await notice.getByLabel('Days to pay before legal action').fill('14');
    await notice.getByLabel('How to pay').fill('Bank transfer to Lee Studio LLC');
    const docx = openDocx(await downloadBy(page, notice.getByRole('button', { name: /Download the letter \(Word\)/ })));
    const text = docx.text();
    expect(text).toContain('INV-2027-014');
    expect(text).toContain('45 days');
    expect(text).toContain('$6,090.00');
    expect(text).toContain('May 10, 2027');
    expect(text).toContain('Bank transfer to Lee Studio LLC');

    // The late notice as an email: once the page is loaded again, the invoice typed for the final notice is there.
    const late = await openLetter(page, 'late-notice');
    expect(await late.getByLabel('Invoice number').inputValue()).toBe('INV-2027-014');
    await late.getByLabel('Date of the letter').fill('2027-04-26');
    await fillInvoice(late);
    await Promise.all([page.waitForLoadState('load'), late.getByRole('button', { name: /Show the email text/ }).click()]);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Late payment notice: the email');
    expect(await page.getByLabel('Subject').inputValue()).toBe('Late payment notice: invoice INV-2027-014, Harbor Coffee website redesign');
    expect(await page.getByLabel('Message').inputValue()).toContain('$6,090.00');
    expect(await page.locator('#figure-late-fee').innerText()).toBe('$90.00');
    expect(await page.locator('#figure-balance').innerText()).toBe('$6,090.00');
    // The same letter as a Word file from here, then back to the letters.
    const fromEmail = openDocx(await downloadBy(page, page.getByRole('button', { name: 'Download this letter (Word)' })));
    expect(fromEmail.text()).toContain('$90.00');
    await page.getByRole('link', { name: 'Back to the letters' }).first().click();
    await expect.poll(() => page.url()).toMatch(/\/follow-up\/late-notice$/);
  });

  it('shows a missing invoice beside its fields and keeps what was typed', async () => {
    const page = await browser({ js });
    await openFollowUp(page);
    const late = await openLetter(page, 'late-notice');
    await late.getByLabel('Date of the letter').fill('2027-04-26');
    await late.getByLabel('How to pay').fill('Card payments at pay.example');
    await Promise.all([page.waitForLoadState('load'), late.getByRole('button', { name: 'Download the letter (Word)' }).click()]);
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.innerText()).toContain('Enter the invoice number');
    if (js) expect(await page.evaluate<string | undefined>('document.activeElement?.className')).toContain('error-summary');
    const again = page.locator('#letter-late-notice');
    expect(await again.getByLabel('Date of the letter').inputValue()).toBe('2027-04-26');
    expect(await again.getByLabel('How to pay').inputValue()).toBe('Card payments at pay.example');
    expect(await again.getByLabel('Invoice number').getAttribute('aria-invalid')).toBe('true');
    await summary.getByRole('link').first().click();
    if (js) expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('late-notice-invoice-number');
    else expect(page.url()).toMatch(/#late-notice-invoice-number$/);
  });
});

describe('on a phone', () => {
  it('reads at phone width: the follow-up page, its errors and an email', async () => {
    const page = await browser({ js: false, width: 390, height: 844 });
    await openFollowUp(page);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'follow-up-phone.png'), fullPage: true });

    const notice = await openLetter(page, 'final-notice');
    await notice.getByLabel('Invoice amount').fill('lots');
    await notice.getByLabel('Days to pay before legal action').fill('60');
    await Promise.all([page.waitForLoadState('load'), notice.getByRole('button', { name: /Show the email text/ }).click()]);
    await expect.poll(() => page.locator('.error-summary').isVisible()).toBe(true);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.locator('#letter-final-notice').screenshot({ path: join(SCREENSHOT_DIR, 'follow-up-errors-phone.png') });

    const late = await openLetter(page, 'late-notice');
    await late.getByLabel('Date of the letter').fill('2027-04-26');
    await fillInvoice(late);
    await late.getByLabel('How to pay').fill('Bank transfer: Lee Studio LLC, account 0123456789, routing 123456789, reference INV-2027-014');
    await Promise.all([page.waitForLoadState('load'), late.getByRole('button', { name: /Show the email text/ }).click()]);
    await expect.poll(() => page.getByLabel('Message').isVisible()).toBe(true);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'email-phone.png'), fullPage: true });
  });
});
