// Signing online as the two parties meet it, in Debian's Chromium, in English
// and Japanese, with JavaScript on and off: the freelancer sends from Check
// your answers, the client opens the link in a fresh browser, signs, and both
// download the signed Word file; LibreOffice opens it and its text holds both
// "/s/" lines and the certificate with the document hash; the signed PDF, read
// by pdftotext, holds them too; the verification page accepts the Word file
// and refuses a copy with one changed byte. All of it on a 390 px wide phone
// screen that never scrolls sideways, and axe-core on every page of the way,
// the certificate page included. With JavaScript, the Copy button copies the
// client's link and says so.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.ts';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session.ts';
import { libreOfficePrinter, type Printer } from '../helpers/libreoffice.ts';
import { sampleInput } from '../helpers/samples.ts';

let session: BrowserSession;
let printer: Printer;
beforeAll(async () => {
  session = await startBrowserSession('signing-e2e');
  printer = await libreOfficePrinter('signing-');
});
afterAll(async () => {
  await session?.close();
  await printer?.close();
});

interface Words {
  sample: string;
  lang: string;
  send: string;
  name: string;
  title: string;
  authority: (business: string) => string;
  agree: string;
  sign: string;
  download: RegExp;
  downloadPdf: RegExp;
  certificate: string;
  copied: string;
  signedNotice: string;
  check: string;
  valid: string;
  invalid: string;
  method: string;
}

const ENGLISH: Words = {
  sample: 'new-client-fixed',
  lang: 'en',
  send: 'Sign and send for signature',
  name: 'Your full name',
  title: 'Your title',
  authority: (business) => `I may sign for ${business}`,
  agree: 'I agree to the sentence above',
  sign: 'Sign',
  download: /^Download the signed contract \(Word\)$/,
  downloadPdf: /^Download the signed contract \(PDF\)$/,
  certificate: 'The signature certificate (page)',
  copied: 'Copied the link.',
  signedNotice: 'Signed by both',
  check: 'Check the file',
  valid: 'This is the signed file',
  invalid: 'This file does not pass the check',
  method: 'signed electronically',
};

const JAPANESE: Words = {
  sample: 'ja/tokyo-fixed',
  lang: 'ja',
  send: '署名して署名を依頼する',
  name: '氏名',
  title: '役職',
  authority: (business) => `私は${business}を代表して署名する権限があります`,
  agree: '上記の文言に同意します',
  sign: '署名する',
  download: /^署名済みの契約書をダウンロード（Word）$/,
  downloadPdf: /^署名済みの契約書をダウンロード（PDF）$/,
  certificate: '署名証明書（ページ）',
  copied: 'リンクをコピーしました。',
  signedNotice: '双方の署名が完了しました',
  check: 'ファイルを確認する',
  valid: '署名されたファイルそのものです',
  invalid: 'このファイルは確認に通りませんでした',
  method: '電子契約により締結',
};

/** A phone's width: every page of the way must fit it without scrolling sideways. */
const PHONE = 390;

async function axe(page: Page, lang: string, what: string) {
  expect(await page.getAttribute('html', 'lang'), what).toBe(lang);
  expect(await seriousViolations(page), `${what}: ${page.url()}`).toEqual([]);
  expect(await page.evaluate<number>('document.documentElement.scrollWidth'), `${what} scrolls sideways at ${PHONE} px`).toBeLessThanOrEqual(PHONE);
}

const run = promisify(execFile);

/** The PDF's text as poppler reads it, every run of white space one space. */
async function pdfText(pdf: Buffer, name: string): Promise<string> {
  const path = join(session.workDir, `${name}.pdf`);
  writeFileSync(path, pdf);
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path, '-']);
  return stdout.replace(/\s+/g, ' ');
}

async function press(page: Page, name: string) {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name, exact: true }).first().click()]);
}

async function openPage(js: boolean): Promise<Page> {
  const page = await session.browser({ js: true, width: PHONE, height: 844 });
  if (!js) await page.route('**/assets/*.js', (route) => route.abort());
  return page;
}

async function downloadBy(link: Locator): Promise<Buffer> {
  const [file] = await Promise.all([link.page().waitForEvent('download'), link.click()]);
  return readFileSync((await file.path())!);
}

describe.each([
  ['English', ENGLISH],
  ['Japanese', JAPANESE],
] as const)('signing online in %s', (_language, words) => {
  describe.each([true, false])('JavaScript %s', (js) => {
    it('sent, opened in a fresh browser, signed, downloaded by both, opened by LibreOffice and verified', async () => {
      const input = sampleInput(words.sample);
      const draft = await session.app.drafts.create(input);

      // The freelancer, on Check your answers.
      const freelancer = await openPage(js);
      await freelancer.goto(`${session.baseUrl}/wizard/${draft.id}/review`);
      await axe(freelancer, words.lang, 'review');
      await freelancer.locator('#send').getByLabel(words.name, { exact: true }).fill(input.freelancer.name);
      await press(freelancer, words.send);
      expect(freelancer.url()).toMatch(/\/engagements\/[\w-]{32}$/);
      await axe(freelancer, words.lang, 'owner page');
      const clientLink = await freelancer.locator('#client-link').inputValue();
      expect(clientLink).toMatch(/\/sign\/[\w-]{32}$/);
      const documentHash = (await freelancer.locator('code.hash').first().innerText()).trim();
      expect(documentHash).toMatch(/^[0-9a-f]{64}$/);
      const copy = freelancer.getByRole('button', { name: await freelancer.locator('#copy-client-link').innerText() });
      if (js) {
        // The Copy button puts the link on the clipboard and says so where a screen reader hears it.
        await freelancer.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.baseUrl });
        await copy.click();
        // (The page's Permissions-Policy keeps scripts from reading the clipboard back, so the status is what a test can see.)
        await expect.poll(() => freelancer.locator('#copy-status').innerText()).toBe(words.copied);
      } else {
        // Without JavaScript there is no button to press: the link waits in its read-only box.
        expect(await freelancer.locator('#copy-client-link').isHidden()).toBe(true);
      }

      // The client, in a browser of their own.
      const client = await openPage(js);
      await client.goto(clientLink);
      await axe(client, words.lang, 'client page');
      await client.getByLabel(words.name, { exact: true }).fill(input.client.name);
      await client.getByLabel(words.title, { exact: true }).fill(input.client.title ?? 'Owner');
      await client.getByLabel(words.authority(input.client.business), { exact: true }).check();
      await client.getByLabel(words.agree, { exact: true }).check();
      await press(client, words.sign);
      expect(await client.locator('#signed .panel-heading').innerText()).toBe(words.signedNotice);
      await axe(client, words.lang, 'client page, signed');
      const clientFile = await downloadBy(client.getByRole('link', { name: words.download }));

      const clientPdf = await downloadBy(client.getByRole('link', { name: words.downloadPdf }));

      await freelancer.reload();
      await axe(freelancer, words.lang, 'owner page, signed');
      const ownerFile = await downloadBy(freelancer.getByRole('link', { name: words.download }));
      expect(Buffer.compare(clientFile, ownerFile)).toBe(0);
      const ownerPdf = await downloadBy(freelancer.getByRole('link', { name: words.downloadPdf }));

      // The signed PDF, as poppler reads it: both "/s/" lines and the certificate with the hash, on both sides.
      for (const [who, pdf] of [['client', clientPdf], ['freelancer', ownerPdf]] as const) {
        const text = await pdfText(pdf, `signed-${words.lang}-${js}-${who}`);
        expect(text, who).toContain(`/s/ ${input.freelancer.name}`);
        expect(text, who).toContain(`/s/ ${input.client.name}`);
        expect(text, who).toContain(words.method);
        expect(text.replace(/\s/g, ''), who).toContain(documentHash);
      }

      // The certificate page, from the freelancer's page and from the client's.
      for (const [who, page] of [['freelancer', freelancer], ['client', client]] as const) {
        await Promise.all([page.waitForLoadState('load'), page.getByRole('link', { name: words.certificate, exact: true }).click()]);
        expect(await page.locator('#certificate-hash').innerText()).toBe(documentHash);
        await axe(page, words.lang, `certificate page (${who})`);
        await page.goBack();
      }

      // LibreOffice opens it, and its text holds both signatures and the certificate with the hash.
      const text = await printer.printedText(clientFile, `signed-${words.lang}-${js}`);
      expect(text).toContain(`/s/ ${input.freelancer.name}`);
      expect(text).toContain(`/s/ ${input.client.name}`);
      expect(text).toContain(words.method);
      expect(text.replace(/\s/g, '')).toContain(documentHash);
      if (words.lang === 'ja') expect(text).not.toContain('収入印紙');

      // The verification page accepts it, and refuses a copy with one changed byte.
      const verifier = await openPage(js);
      await verifier.goto(`${session.baseUrl}/verify${words.lang === 'ja' ? '?lang=ja' : ''}`);
      await axe(verifier, words.lang, 'verify page');
      const signedPath = join(session.workDir, `signed-${words.lang}-${js}.docx`);
      writeFileSync(signedPath, clientFile);
      await verifier.locator('#file').setInputFiles(signedPath);
      await press(verifier, words.check);
      expect(await verifier.locator('#verdict .panel-heading').innerText()).toBe(words.valid);
      await axe(verifier, words.lang, 'verify page, accepted');
      const changed = Buffer.from(clientFile);
      changed[Math.floor(changed.length / 3)]! ^= 0x01;
      const changedPath = join(session.workDir, `changed-${words.lang}-${js}.docx`);
      writeFileSync(changedPath, changed);
      await verifier.locator('#file').setInputFiles(changedPath);
      await press(verifier, words.check);
      expect(await verifier.locator('#verdict .panel-heading').innerText()).toBe(words.invalid);
      await axe(verifier, words.lang, 'verify page, refused');
      // Two browsers, LibreOffice, four PDFs and axe on eleven pages: minutes on a shared two-core machine.
    }, 400_000);
  });
});
