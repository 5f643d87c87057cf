// The Invoices page as a person meets it: Debian's Chromium driven by
// playwright-core, with JavaScript on and off, from an imported answers file
// to the deposit invoice in Word, the balance as an email, and a late notice
// on the follow-up page that takes the balance invoice instead of retyped figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { SAMPLES_DIR } from '../helpers/samples.ts';

let session: BrowserSession;
let baseUrl: string;

beforeAll(async () => {
  session = await startBrowserSession('invoices-e2e');
  ({ baseUrl } = session);
});

afterAll(async () => {
  await session?.close();
});

async function downloadBy(page: Page, button: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync((await file.path())!);
}

describe.each([true, false])('the Invoices page with JavaScript %s', (js) => {
  it('makes the deposit invoice, shows the balance as an email, and the late notice uses it', async () => {
    const page = await session.browser({ js });
    await page.goto(baseUrl);
    await page.getByLabel('Answers file or Word contract').setInputFiles(join(SAMPLES_DIR, 'new-client-fixed.json'));
    await page.getByRole('button', { name: 'Continue from this file' }).click();
    await expect.poll(() => page.url()).toMatch(/\/review$/);
    await page.locator('#downloads').getByRole('link', { name: 'Invoices' }).click();
    await expect.poll(() => page.url()).toMatch(/\/invoices$/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Invoices');

    const deposit = page.locator('#invoice-deposit');
    expect(await deposit.getByLabel('Invoice number').inputValue()).toBe('INV-001');
    await deposit.getByLabel('Invoice date').fill('2026-12-01');
    const text = openDocx(await downloadBy(page, deposit.getByRole('button', { name: /Make the invoice \(Word\)/ }))).text();
    expect(text).toContain('$6,000.00');
    expect(text).toContain('On receipt, and before work starts on December 7, 2026');

    // The page again: the deposit listed, the next number proposed.
    await page.reload();
    expect(await page.locator('#made').innerText()).toContain('INV-001');
    const balance = page.locator('#invoice-balance');
    expect(await balance.getByLabel('Invoice number').inputValue()).toBe('INV-002');
    await balance.getByLabel('Invoice date').fill('2027-02-26');
    await balance.getByRole('button', { name: /Show the email text/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/invoices\/balance$/);
    const email = await page.getByLabel('The email').inputValue();
    expect(email.split('\n')[0]).toBe('Subject: Invoice INV-002: Harbor Coffee website redesign, $6,000.00 due by March 12, 2027');

    // The follow-up page offers the balance invoice: nothing retyped.
    await page.goto(page.url().replace(/\/invoices\/balance$/, '/follow-up'));
    // Each letter has a page of its own, reached from the follow-up overview.
    await Promise.all([page.waitForLoadState('load'), page.locator('#letter-late-notice').getByRole('link', { name: /Write this letter/ }).click()]);
    await expect.poll(() => page.url()).toMatch(/\/follow-up\/late-notice$/);
    const notice = page.locator('#letter-late-notice');
    await notice.getByLabel('Date of the letter').fill('2027-04-26');
    await notice.getByLabel('An invoice you made on the Invoices page').selectOption('INV-002');
    await notice.getByRole('button', { name: /Show the email text/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/follow-up\/late-notice$/);
    // The email page's figures: the invoice made here, 45 days late, with the late fee.
    const letter = await page.locator('main').innerText();
    expect(letter).toContain('INV-002');
    expect(letter).toContain('45 days');
    expect(letter).toContain('$6,090.00');
  });
});
