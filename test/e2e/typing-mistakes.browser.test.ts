// Issue 25's mistakes typed in Chromium, as a newcomer makes them: digits
// from a Japanese keyboard, "6.000" in dollars, a euro sign in a dollar
// contract, a decimal comma; and Back after a page with errors, which must
// show the page again rather than "Confirm Form Resubmission". With them,
// two of the pages' frictions: the Invoices page at a phone's width, and the
// email page's Copy buttons without JavaScript.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftAnswers } from '../../src/drafts/store.ts';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session.ts';
import { sampleInput } from '../helpers/samples.ts';

let session: BrowserSession;

beforeAll(async () => {
  session = await startBrowserSession('typing-e2e');
});

afterAll(async () => {
  await session?.close();
});

/** A draft answered up to its fees, which are left to type: currency and model chosen, no amounts. */
async function draftAtFees(sample: string, currency: string): Promise<string> {
  const answers = structuredClone(sampleInput(sample)) as unknown as DraftAnswers & { fee: Record<string, unknown> };
  answers.fee = { currency, model: 'fixed' };
  const draft = await session.app.drafts.create(answers);
  return `${session.baseUrl}/wizard/${draft.id}`;
}

async function save(page: Page, name: RegExp, scope: Page | Locator = page) {
  await Promise.all([page.waitForLoadState('load'), scope.getByRole('button', { name }).click()]);
}

const errorSummary = (page: Page) => page.locator('.error-summary').innerText();

/**
 * Waits until the page is at `url` and that document has loaded. Back straight
 * after a URL change (committed, still loading) can find Chromium between
 * documents ("Not attached to an active page"), which a user never meets.
 */
async function arrived(page: Page, url: RegExp) {
  await page.waitForURL(url, { waitUntil: 'load' });
}

describe('amounts typed the way people type them', () => {
  it('"6.000", "€6,000" and "6000.125" in dollars are asked about in plain words; "6.000,50" and a late fee of "1,5" are read', async () => {
    const page = await session.browser({ js: true });
    const base = await draftAtFees('new-client-fixed', 'USD');
    await page.goto(`${base}/fees`);
    const total = page.getByLabel('Total price');

    await total.fill('6.000');
    await save(page, /^Save and continue$/);
    await expect.poll(() => errorSummary(page)).toContain('Did you mean 6,000 or 6.00?');
    expect(await total.inputValue()).toBe('6.000');

    await total.fill('€6,000');
    await save(page, /^Save and continue$/);
    await expect.poll(() => errorSummary(page)).toContain("Total price is in US Dollar, the contract's currency, not €.");

    await total.fill('6000.125');
    await save(page, /^Save and continue$/);
    await expect.poll(() => errorSummary(page)).toContain('Did you mean 6,000.13?');

    await total.fill('6.000,50');
    await page.getByLabel('Late fee').fill('1,5');
    await save(page, /^Save and continue$/);
    await expect.poll(() => page.url()).toMatch(/\/safeguards$/);
    await expect.poll(() => page.locator('#figure-deposit').textContent()).toBe('$3,000.25');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Deposit and kill fee');
  });

  it('Japanese: full-width digits are accepted, and "６．０００" yen asks "6,000円のことですか？"', async () => {
    const page = await session.browser({ js: true });
    const base = await draftAtFees('ja/tokyo-fixed', 'JPY');
    await page.goto(`${base}/you`);
    await page.getByLabel('電話番号').fill('０３－１２３４－５６７８');
    await save(page, /^保存して次へ$/);
    await expect.poll(() => page.url()).toMatch(/\/client$/);

    await page.goto(`${base}/fees`);
    const total = page.getByLabel('報酬総額（税抜）');
    await total.fill('６．０００');
    await save(page, /^保存して次へ$/);
    await expect.poll(() => errorSummary(page)).toContain('6,000円のことですか？');

    await total.fill('１，２００，０００');
    await save(page, /^保存して次へ$/);
    await expect.poll(() => page.url()).toMatch(/\/safeguards$/);
    await expect.poll(() => page.locator('#figure-deposit').textContent()).toBe('600,000円');
  });
});

describe('Back after a page with errors', () => {
  for (const js of [true, false]) {
    it(`shows the page again, not a resubmission prompt (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const page = await session.browser({ js });
      const base = await draftAtFees('new-client-fixed', 'USD');
      await page.goto(`${base}/fees`);
      await page.getByLabel('Total price').fill('lots');
      await save(page, /^Save and continue$/);
      await expect.poll(() => page.url()).toMatch(/\/fees\?check=1$/);
      await expect.poll(() => errorSummary(page)).toContain('Total price must be a number');

      // Reload is a GET too: the same errors, from the saved draft.
      await page.reload();
      await expect.poll(() => errorSummary(page)).toContain('Total price must be a number');

      // Fixed and saved, then Back: the page with the errors was a GET, so it is fetched again, no prompt.
      await page.getByLabel('Total price').fill('6,000');
      await save(page, /^Save and continue$/);
      await arrived(page, /\/safeguards$/);
      const back = await page.goBack();
      expect(back?.status()).toBe(200);
      await arrived(page, /\/fees\?check=1$/);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Fees and payment');
      expect(await page.getByLabel('Total price').inputValue()).toBe('6,000');
      const again = await page.goBack();
      expect(again?.status()).toBe(200);
      await expect.poll(() => page.url()).toMatch(/\/fees$/);
    });
  }
});

describe('Back after a letter or an invoice sent with errors', () => {
  /** A finished draft's page (letters and invoices need every answer). */
  async function finishedDraft(path: string): Promise<string> {
    const draft = await session.app.drafts.create(structuredClone(sampleInput('new-client-fixed')) as unknown as DraftAnswers);
    return `${session.baseUrl}/wizard/${draft.id}/${path}`;
  }

  for (const js of [true, false]) {
    it(`the late-payment letter: its page again, not a resubmission prompt (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const page = await session.browser({ js });
      await page.goto(await finishedDraft('follow-up/late-notice'));
      let letter = page.locator('#letter-late-notice');
      await letter.getByLabel('Date of the letter').fill('2027-04-26');
      await save(page, /^Download the letter \(Word\)/, letter);
      await expect.poll(() => page.url()).toMatch(/\/follow-up\/late-notice\?check=late-notice$/);
      await expect.poll(() => errorSummary(page)).toContain('Enter the invoice number');

      // Mended, then the email: that page answers the POST; Back lands on the page with the errors, a GET.
      letter = page.locator('#letter-late-notice');
      await letter.getByLabel('Invoice number').fill('INV-2027-014');
      await letter.getByLabel('Invoice amount').fill('6,000.00');
      await letter.getByLabel('Invoice date').fill('2027-02-26');
      await letter.getByLabel('Invoice due date').fill('2027-03-12');
      await save(page, /Show the email text/, letter);
      await expect.poll(() => page.getByLabel('Subject').inputValue()).toBe('Late payment notice: invoice INV-2027-014, Harbor Coffee website redesign');
      await page.waitForLoadState('load');
      const back = await page.goBack();
      expect(back?.status()).toBe(200);
      await expect.poll(() => page.url()).toMatch(/\/follow-up\/late-notice\?check=late-notice$/);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Late payment notice');
      // The errors were mended and the letter made since: the page no longer shows them.
      expect(await page.locator('.error-summary').count()).toBe(0);
      expect(await page.locator('#letter-late-notice').getByLabel('Invoice number').inputValue()).toBe('INV-2027-014');
    });

    it(`an invoice: the Invoices page again, not a resubmission prompt (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const page = await session.browser({ js });
      await page.goto(await finishedDraft('invoices'));
      let deposit = page.locator('#invoice-deposit');
      await deposit.getByLabel('Invoice number').fill('');
      await deposit.getByLabel('Invoice date').fill('2026-12-01');
      await save(page, /Make the invoice \(Word\)/, deposit);
      await expect.poll(() => page.url()).toMatch(/\/invoices\?check=deposit#invoice-deposit$/);
      await expect.poll(() => errorSummary(page)).toContain('Enter the invoice number, like INV-2027-001');

      deposit = page.locator('#invoice-deposit');
      await deposit.getByLabel('Invoice number').fill('INV-001');
      await save(page, /Show the email text/, deposit);
      await arrived(page, /\/invoices\/deposit$/);
      await expect.poll(() => page.getByLabel('The email').inputValue()).toContain('Invoice INV-001');
      const back = await page.goBack();
      expect(back?.status()).toBe(200);
      await expect.poll(() => page.url()).toMatch(/\/invoices\?check=deposit#invoice-deposit$/);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Invoices');
      // The errors were mended and the invoice made since: the page lists it and no longer shows them.
      expect(await page.locator('.error-summary').count()).toBe(0);
      expect(await page.locator('#made').innerText()).toContain('INV-001');
    });
  }
});

describe('the Invoices page at a phone\'s width, and an email page without JavaScript', () => {
  it('at 390 px the table of invoices made scrolls inside its region and the page never sideways; without JavaScript no Copy button shows', async () => {
    const page = await session.browser({ js: false, width: 390, height: 800 });
    const draft = await session.app.drafts.create(structuredClone(sampleInput('new-client-fixed')) as unknown as DraftAnswers);
    const invoices = `${session.baseUrl}/wizard/${draft.id}/invoices`;
    await page.goto(`${session.baseUrl}/wizard/${draft.id}/follow-up/work-paused`);
    await Promise.all([page.waitForLoadState('load'), page.locator('button[name="action"][value="email"]').first().click()]);
    await expect.poll(() => page.locator('textarea').count()).toBeGreaterThan(0);
    expect(await page.locator('button.button-copy').count()).toBe(2);
    for (const button of await page.locator('button.button-copy').all()) expect(await button.isVisible()).toBe(false);

    // An invoice made (its email page) is listed on the Invoices page.
    await page.goto(invoices);
    await Promise.all([page.waitForLoadState('load'), page.locator('button[name="action"][value="email"]').first().click()]);
    await page.goto(invoices);
    await expect.poll(() => page.locator('.table-scroll table').count()).toBe(1);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });
});
