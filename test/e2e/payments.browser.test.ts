// A payment received, as a person records it: Debian's Chromium driven by
// playwright-core on a 390 px wide phone, with JavaScript on and off. The
// deposit invoice is made, the client pays it, the payment is recorded on
// the Invoices page (one recorded by mistake removed again), and the claim
// pack from the follow-up page shows it in its statement of account and
// chronology instead of claiming the deposit again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { SAMPLES_DIR } from '../helpers/samples.ts';

let session: BrowserSession;
let baseUrl: string;
const PHONE = 390;

beforeAll(async () => {
  session = await startBrowserSession('payments-e2e');
  ({ baseUrl } = session);
});

afterAll(async () => {
  await session?.close();
});

async function downloadBy(page: Page, button: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync((await file.path())!);
}

const noSidewaysScroll = async (page: Page, what: string) =>
  expect(await page.evaluate<number>('document.documentElement.scrollWidth'), `${what} scrolls sideways at ${PHONE} px`).toBeLessThanOrEqual(PHONE);

describe.each([true, false])('recording a payment with JavaScript %s', (js) => {
  it('records the paid deposit on the Invoices page, and the claim pack claims the balance only', async () => {
    const page = await session.browser({ js, width: PHONE, height: 844 });
    await page.goto(baseUrl);
    await page.getByLabel('Answers file or Word contract').setInputFiles(join(SAMPLES_DIR, 'new-client-fixed.json'));
    await page.getByRole('button', { name: 'Continue from this file' }).click();
    await expect.poll(() => page.url()).toMatch(/\/review$/);
    await page.locator('#downloads').getByRole('link', { name: 'Invoices' }).click();
    await expect.poll(() => page.url()).toMatch(/\/invoices$/);

    const deposit = page.locator('#invoice-deposit');
    await deposit.getByLabel('Invoice date').fill('2026-12-01');
    await downloadBy(page, deposit.getByRole('button', { name: /Make the invoice \(Word\)/ }));
    await page.reload();

    // The deposit's card: unpaid, the amount still owed filled in.
    const card = page.locator('#payments-1');
    expect(await card.getByRole('heading').innerText()).toBe('Invoice INV-001 ($6,000.00): Unpaid');
    expect(await card.getByLabel('Amount paid').inputValue()).toBe('6,000');
    await noSidewaysScroll(page, 'The Invoices page');

    // A payment dated tomorrow is refused, beside its field, with what was typed kept.
    await card.getByLabel('Date of the payment').fill('2099-01-01');
    await card.getByRole('button', { name: /Record the payment/ }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain("The date of the payment can't be in the future");
    expect(await page.locator('#payments-1').getByLabel('Date of the payment').inputValue()).toBe('2099-01-01');

    // A part payment recorded by mistake, then removed.
    await page.locator('#payments-1').getByLabel('Date of the payment').fill('2026-12-02');
    await page.locator('#payments-1').getByLabel('Amount paid').fill('60');
    await page.locator('#payments-1').getByRole('button', { name: /Record the payment/ }).click();
    await expect.poll(() => page.locator('#payments-1 h3').innerText()).toBe('Invoice INV-001 ($6,000.00): Part paid: $5,940.00 still owed');
    await noSidewaysScroll(page, 'The Invoices page with a payment listed');
    // Its Remove button says, to a screen reader, which payment it removes.
    await page.locator('#payments-1').getByRole('button', { name: /^Remove\s*: the payment of \$60\.00 received on December 2, 2026$/ }).click();
    await expect.poll(() => page.locator('#payments-1 h3').innerText()).toBe('Invoice INV-001 ($6,000.00): Unpaid');

    // The deposit paid in full two days after it was sent.
    await page.locator('#payments-1').getByLabel('Date of the payment').fill('2026-12-03');
    await page.locator('#payments-1').getByRole('button', { name: /Record the payment/ }).click();
    await expect.poll(() => page.locator('#payments-1 h3').innerText()).toBe('Invoice INV-001 ($6,000.00): Paid');
    expect(await page.locator('#payments-1').innerText()).toContain('$6,000.00 received on December 3, 2026');
    expect(await page.locator('#made').innerText()).toContain('Paid');

    // With only the paid deposit made, there is nothing to claim.
    await page.goto(page.url().replace(/\/invoices(?:[?#].*)?$/, '/follow-up'));
    expect(await page.locator('#claim-pack').innerText()).toContain('there is nothing to claim');
    await noSidewaysScroll(page, 'The follow-up page');

    // The balance invoice made and left unpaid: the pack claims it, not the deposit.
    await page.goto(page.url().replace(/\/follow-up$/, '/invoices'));
    await page.locator('#invoice-balance').getByLabel('Invoice date').fill('2026-12-04');
    await downloadBy(page, page.locator('#invoice-balance').getByRole('button', { name: /Make the invoice \(Word\)/ }));
    await page.goto(page.url().replace(/\/invoices(?:\/balance)?(?:[?#].*)?$/, '/follow-up'));
    const zip = unzipSync(await downloadBy(page, page.locator('#claim-pack').getByRole('button', { name: 'Download the claim pack (zip)' })));
    const statement = openDocx(zip['5 Statement-of-Account.docx']!).text();
    expect(statement).toMatch(/Paid on December 3, 2026\s*-\$6,000\.00/);
    expect(statement).toMatch(/Total invoiced\s*\$12,000\.00/);
    expect(statement).toMatch(/Total paid\s*\$6,000\.00/);
    expect(statement).toMatch(/Total outstanding\s*\$6,000\.00/);
    const chronology = openDocx(zip['4 Chronology.docx']!).text();
    expect(chronology).toMatch(/December 3, 2026\s*Payment of \$6,000\.00 received against invoice INV-001/);
  });
});
