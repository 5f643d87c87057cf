// The wizard in Japanese as a Japanese freelancer meets it, in Debian's
// Chromium: from the English home page, the 日本語 link, every step filled
// in by its Japanese labels, to the Word file (業務委託契約書, 第1条 read back);
// then a Japanese draft's follow-up letters and invoices: a letter and an
// invoice sent with a mistake (the Japanese sentence beside its field), then
// filled in and downloaded as Word files that read in Japanese. With
// JavaScript on and off, and axe-core on every page (<html lang="ja">, no
// serious or critical violation).
//
// "JavaScript off" blocks the app's only script (/assets/wizard.js), so each
// page behaves and looks exactly as without JavaScript (the app has no
// <noscript> content) while axe can still run, as in
// every-page-axe.browser.test.ts: a context with JavaScript disabled cannot
// evaluate it. axe is injected through the DevTools protocol, which the
// site's CSP does not apply to.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDocx } from '../helpers/docx-reader.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session.ts';
import { libreOfficePrinter, type Printer } from '../helpers/libreoffice.ts';
import { SAMPLES_DIR, sampleInput } from '../helpers/samples.ts';

let session: BrowserSession;
let printer: Printer;
beforeAll(async () => {
  session = await startBrowserSession('japanese-e2e');
  printer = await libreOfficePrinter('japanese-wizard-');
});
afterAll(async () => {
  await session?.close();
  await printer?.close();
});


/** axe on the page as it is now: the page is Japanese, and nothing serious or critical is found. */
async function axe(page: Page, what: string): Promise<void> {
  expect(await page.getAttribute('html', 'lang'), what).toBe('ja');
  const serious = await seriousViolations(page);
  expect(serious, `${what}: ${page.url()}`).toEqual([]);
}

async function press(page: Page, name: string | RegExp) {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name, exact: typeof name === 'string' }).first().click()]);
}

const next = (page: Page) => press(page, /^保存して(次へ|回答を確認する)$/);

async function atStep(page: Page, id: string, heading: string) {
  await expect.poll(() => page.url()).toMatch(new RegExp(`/${id}$`));
  expect(await page.locator('h1').innerText()).toBe(heading);
  await axe(page, id);
}

const input = sampleInput('ja/tokyo-fixed');

async function openPage(js: boolean): Promise<Page> {
  const page = await session.browser({ js: true });
  if (!js) await page.route('**/assets/wizard.js', (route) => route.abort());
  return page;
}

describe.each([true, false])('the wizard in Japanese, JavaScript %s', (js) => {
  it('goes from the 日本語 link to a Japanese Word contract, with axe on every page', async () => {
    const page = await openPage(js);
    await page.goto(session.baseUrl);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: '日本語' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('あなたを守るフリーランス契約書をつくる');
    await axe(page, 'home');
    await press(page, /契約書の作成を始める/);

    await atStep(page, 'you', 'あなた（受託者）について');
    const you = input.freelancer;
    await page.getByLabel('氏名', { exact: true }).fill(you.name);
    await page.getByLabel('屋号・会社名').fill(you.business);
    await page.getByLabel('メールアドレス', { exact: true }).fill(you.email);
    await page.getByLabel('電話番号', { exact: true }).fill(you.phone);
    await page.getByLabel('住所', { exact: true }).fill(you.address);
    // The Japanese-only questions, with the usual answers suggested.
    expect(await page.getByLabel('個人（個人事業主）').isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: '従業員を雇っていますか？' }).getByLabel('いいえ').isChecked()).toBe(true);
    // A mistake first: the error is Japanese, beside its field, and the page passes axe with it.
    await page.getByLabel('インボイス登録番号').fill('T12345');
    await next(page);
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('インボイス登録番号は「T」と13桁の数字で入力してください');
    expect(await page.getByLabel('インボイス登録番号').getAttribute('aria-invalid')).toBe('true');
    await axe(page, 'you, with an error');
    await page.getByLabel('インボイス登録番号').fill('');
    await next(page);

    await atStep(page, 'client', '委託者（クライアント）');
    const client = input.client;
    await page.getByLabel('委託者の氏名').fill(client.name);
    await page.getByLabel('委託者の会社名・屋号').fill(client.business);
    await page.getByLabel('委託者の肩書き').fill(client.title);
    await page.getByLabel('委託者のメールアドレス').fill(client.email);
    await page.getByLabel('委託者の電話番号').fill(client.phone);
    await page.getByLabel('委託者の住所').fill(client.address);
    await next(page);

    await atStep(page, 'relationship', 'この委託者との取引歴');
    await page.getByLabel('いいえ、今回が初めてです').check();
    await next(page);

    await atStep(page, 'project', '業務の内容');
    const project = input.project;
    await page.getByLabel('業務名（案件名）').fill(project.name);
    await page.getByLabel('業務の内容', { exact: true }).fill(project.description);
    await page.getByLabel('成果物 1', { exact: true }).fill(project.deliverables[0]);
    await page.getByRole('button', { name: '成果物を追加する' }).click();
    const second = page.getByLabel('成果物 2', { exact: true });
    await second.waitFor();
    await second.fill(project.deliverables[1]);
    await page.getByLabel('契約日').fill(input.effectiveDate);
    await page.getByLabel('業務開始日').fill(project.startDate);
    await page.getByLabel('業務終了日').fill(project.endDate);
    await next(page);

    await atStep(page, 'charging', '報酬の決め方');
    // Yen is chosen already for a Japanese contract.
    expect(await page.getByLabel('通貨').inputValue()).toBe('JPY');
    await page.getByLabel('業務全体で固定の金額（請負）').check();
    await next(page);

    await atStep(page, 'fees', '報酬と支払条件');
    await page.getByLabel('報酬総額（税抜）').fill('1,200,000');
    await page.getByLabel('支払期限（請求書の日付から）').fill(String(input.fee.paymentDueDays));
    await page.getByLabel('遅延損害金').fill(String(input.fee.lateFeePercentPerMonth));
    await page.getByLabel('支払方法').fill(input.fee.paymentMethod);
    expect(await page.getByRole('group', { name: '報酬から所得税が源泉徴収されますか？' }).getByLabel('はい').isChecked()).toBe(true);
    await next(page);

    await atStep(page, 'safeguards', '着手金とキャンセル料');
    expect(await page.getByLabel('着手金の割合').inputValue()).toBe('50');
    // The deposit as an amount, written alike by the server and by the script.
    await expect.poll(() => page.locator('#figure-deposit').textContent()).toBe('600,000円');
    if (js) {
      await page.getByLabel('着手金の割合').fill('40');
      await expect.poll(() => page.locator('#figure-deposit').textContent()).toBe('480,000円');
      await page.getByLabel('着手金の割合').fill('50');
    }
    await page.getByLabel('キャンセル料', { exact: true }).fill(String(input.killFee.percentOfRemainingFee));
    await next(page);

    await atStep(page, 'rights', '成果物の権利');
    await page.getByLabel(/委託者：著作権/).check();
    await next(page);

    await atStep(page, 'jurisdiction', '準拠法と管轄裁判所');
    expect(await page.getByLabel('準拠法').count()).toBe(0);
    await page.getByLabel('管轄裁判所の所在地').fill(input.jurisdiction.place);
    await next(page);

    await expect.poll(() => page.url()).toMatch(/\/review$/);
    expect(await page.locator('h1').innerText()).toBe('回答の確認');
    await axe(page, 'review');
    const review = await page.locator('main').innerText();
    expect(review).toContain('契約書ができあがりました');
    expect(review).toContain('1,200,000円');

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /契約書をダウンロード（Word）/ }).first().click()]);
    const docx = readFileSync((await file.path())!);
    expect(openDocx(docx).text()).toContain('佐藤花子');
    // Read back as a reader meets it: LibreOffice prints it (it sets a space between 第 and the digit: the words count).
    const printed = (await printer.printedText(docx, `tokyo-js-${js}`)).replace(/\s+/g, '');
    expect(printed).toContain('業務委託契約書');
    expect(printed).toContain('第1条（目的）');
    expect(printed).toContain('東京地方裁判所又は東京簡易裁判所');

    // The pages around the steps: saved for later, and delete.
    await page.goto(page.url().replace(/\/review$/, '/rights'));
    await press(page, '保存してあとで続ける');
    expect(await page.locator('h1').innerText()).toBe('回答を保存しました');
    await axe(page, 'saved');
    await page.goto(page.url().replace(/\/saved\?.*$/, '/delete'));
    expect(await page.locator('h1').innerText()).toBe('この下書きを削除してもよろしいですか？');
    await axe(page, 'delete');
    await press(page, 'はい、削除します');
    expect(await page.locator('h1').innerText()).toBe('下書きを削除しました');
    await axe(page, 'deleted');
  }, 400_000);
});

async function downloadBy(page: Page, button: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync((await file.path())!);
}

/** The sentence shown beside a field (its form group's error message, after the hidden "エラー："), found by the field's label. */
async function errorBeside(within: Locator, label: string): Promise<string> {
  const message = within.locator('.form-group-error', { has: within.page().getByLabel(label, { exact: true }) }).locator('.error-message').first();
  return (await message.textContent())!.replace(/\s+/g, ' ').trim();
}

describe.each([true, false])('a Japanese draft\'s letters and invoices, JavaScript %s', (js) => {
  it('a letter and an invoice: a mistake named in Japanese beside its field, then each as a Japanese Word file, with axe on every page', async () => {
    const page = await openPage(js);
    // The Tokyo answers file, continued from the Japanese home page: the draft is Japanese (its answers say so).
    await page.goto(`${session.baseUrl}/?lang=ja`);
    await page.getByLabel('回答ファイルまたはWordファイル').setInputFiles(join(SAMPLES_DIR, 'ja', 'tokyo-fixed.json'));
    await press(page, 'このファイルから再開する');
    await expect.poll(() => page.url()).toMatch(/\/review$/);
    expect(await page.locator('h1').innerText()).toBe('回答の確認');

    // 委託者と連絡が取れなくなったら, then the payment reminder's own page.
    await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: '委託者と連絡が取れなくなったら' }).first().click()]);
    await expect.poll(() => page.url()).toMatch(/\/follow-up$/);
    expect(await page.locator('h1').innerText()).toBe('委託者と連絡が取れなくなったら');
    await axe(page, 'follow-up');
    await Promise.all([page.waitForLoadState('load'), page.locator('#letter-payment-reminder').getByRole('link', { name: 'この文書を作成する' }).click()]);
    await expect.poll(() => page.url()).toMatch(/\/follow-up\/payment-reminder$/);
    expect(await page.locator('h1').innerText()).toBe('文書：お支払いのお願い');
    await axe(page, 'payment reminder');

    // Sent with the date only, and a date before the contract: each problem in Japanese beside its field.
    let letter = page.locator('#letter-payment-reminder');
    await letter.getByLabel('文書の日付').fill('2027-03-31');
    await press(page, /文書をダウンロード（Word）/);
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('「お支払いのお願い」の入力内容に問題があります');
    letter = page.locator('#letter-payment-reminder');
    expect(await errorBeside(letter, '請求書番号')).toBe('エラー： 請求書番号を入力してください');
    expect(await errorBeside(letter, '請求金額')).toBe('エラー： 請求金額を入力してください（例：600,000円）');
    expect(await letter.getByLabel('請求書番号').getAttribute('aria-invalid')).toBe('true');
    await axe(page, 'payment reminder, with errors');
    await letter.getByLabel('請求書番号').fill('INV-2027-002');
    await letter.getByLabel('請求金額').fill('660,000');
    await letter.getByLabel('請求日').fill('2027-05-31');
    await letter.getByLabel('支払期日').fill('2027-06-30');
    await press(page, /文書をダウンロード（Word）/);
    letter = page.locator('#letter-payment-reminder');
    expect(await errorBeside(letter, '文書の日付')).toBe('エラー： 文書の日付は請求日以降の日付を入力してください');
    await letter.getByLabel('文書の日付').fill('2027-07-01');
    const reminder = openDocx(await downloadBy(page, letter.getByRole('button', { name: /文書をダウンロード（Word）/ }))).text();
    expect(reminder).toContain('お支払いのお願い');
    expect(reminder).toContain('INV-2027-002');
    expect(reminder).toContain('660,000円');

    // The Invoices page, from the review page's link.
    // After an error the letter's page is ?check=payment-reminder (Post/Redirect/Get).
    await page.goto(page.url().replace(/\/follow-up\/payment-reminder(\?.*)?$/, '/review'));
    await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: '請求書', exact: true }).first().click()]);
    await expect.poll(() => page.url()).toMatch(/\/invoices$/);
    expect(await page.locator('h1').innerText()).toBe('請求書');
    await axe(page, 'invoices');
    let deposit = page.locator('#invoice-deposit');
    await deposit.getByLabel('請求日', { exact: true }).fill('2027-03-31');
    await press(page, /請求書を作成（Word）/);
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('請求書の入力内容に問題があります');
    deposit = page.locator('#invoice-deposit');
    expect(await errorBeside(deposit, '請求日')).toBe('エラー： 請求日は契約の効力発生日（2027年4月1日）以降の日付を入力してください');
    expect(await deposit.getByLabel('請求日', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await axe(page, 'invoices, with an error');
    await deposit.getByLabel('請求日', { exact: true }).fill('2027-04-01');
    const invoice = openDocx(await downloadBy(page, deposit.getByRole('button', { name: /請求書を作成（Word）/ }))).text();
    expect(invoice).toContain('請求書');
    expect(invoice).toContain('お支払');
    expect(invoice).toContain('600,000円');
    expect(invoice).toContain('2027年4月1日');
  }, 200_000);
});
