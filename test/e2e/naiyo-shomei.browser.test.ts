// A Japanese draft's final demand as 内容証明郵便, in Debian's Chromium: from the letter's page, the
// sheets as a Word file (three copies, read back) and the text for e内容証明, each sheet in its own
// box with a Copy button (with JavaScript) that copies it, or selects it where the clipboard is blocked. axe-core on the
// letter's page and on the text page, with JavaScript on and off (wizard.js blocked, as in
// every-page-axe.browser.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.ts';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { SAMPLES_DIR } from '../helpers/samples.ts';

let session: BrowserSession;
beforeAll(async () => {
  session = await startBrowserSession('naiyo-shomei-e2e');
});
afterAll(async () => {
  await session?.close();
});

async function axe(page: Page, what: string): Promise<void> {
  expect(await page.getAttribute('html', 'lang'), what).toBe('ja');
  expect(await seriousViolations(page), `${what}: ${page.url()}`).toEqual([]);
}

async function press(page: Page, name: RegExp) {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name }).first().click()]);
}

describe.each([true, false])('the 内容証明 of a Japanese final demand, JavaScript %s', (js) => {
  it('gives the Word sheets and the e内容証明 text from the letter\'s page', async () => {
    const page = await session.browser({ js: true });
    if (!js) await page.route('**/assets/wizard.js', (route) => route.abort());
    await page.goto(`${session.baseUrl}/?lang=ja`);
    await page.getByLabel('回答ファイルまたはWordファイル').setInputFiles(join(SAMPLES_DIR, 'ja', 'tokyo-fixed.json'));
    await press(page, /このファイルから再開する/);
    await expect.poll(() => page.url()).toMatch(/\/review$/);
    await page.goto(page.url().replace(/\/review$/, '/follow-up/final-notice'));
    expect(await page.locator('h1').innerText()).toBe('文書：最終催告書');
    await axe(page, 'final notice');

    const letter = page.locator('#letter-final-notice');
    await letter.getByLabel('文書の日付').fill('2027-08-20');
    await letter.getByLabel('請求書番号').fill('R-002');
    await letter.getByLabel('請求金額').fill('598,740');
    await letter.getByLabel('請求日').fill('2027-06-30');
    await letter.getByLabel('支払期日').fill('2027-07-29');

    const [file] = await Promise.all([page.waitForEvent('download'), letter.getByRole('button', { name: '内容証明の用紙をダウンロード（Word）' }).click()]);
    expect(file.suggestedFilename()).toMatch(/最終催告書 内容証明\.docx$/);
    const sheets = openDocx(readFileSync((await file.path())!)).text();
    expect(sheets.split('\n').filter((line) => line === '最終催告書')).toHaveLength(3);
    expect(sheets).toContain('598,740円');

    await press(page, /e内容証明用の本文を表示/);
    expect(await page.locator('h1').innerText()).toBe('最終催告書：e内容証明用の本文');
    await axe(page, 'e内容証明 text');
    const first = page.locator('#naiyo-sheet-1');
    const firstSheet = await first.inputValue();
    expect(firstSheet.split('\n')[0]).toBe('最終催告書');
    expect(firstSheet.split('\n').length).toBeLessThanOrEqual(26);
    const copy = page.getByRole('button', { name: /1枚目をコピー/ });
    if (js) {
      // The site's permissions policy may block the clipboard: then the sheet is selected instead. Either way the page says which, in Japanese.
      expect(await copy.isVisible()).toBe(true);
      await copy.click();
      await expect.poll(() => page.locator('#copy-status').textContent()).toMatch(/^(?:.+枚中1枚目をコピーしました。|この画面ではコピーできません。本文を選択しましたので、キーボードでコピーしてください。)$/);
    } else {
      // Without JavaScript the Copy buttons stay hidden: the text is selected and copied by hand.
      expect(await copy.count()).toBe(0);
    }
  }, 200_000);
});
