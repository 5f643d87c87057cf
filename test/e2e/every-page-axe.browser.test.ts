// axe-core on every page of the product, with JavaScript on and with the
// page as it is without JavaScript: the home and "why" pages, each step of a
// fresh draft as first shown and after "Save and continue" with nothing
// answered, Check your answers, every page the review links to (follow-up,
// each letter, invoices, delete), each letter's and an invoice's email page,
// the invoices page with one made, the page asking before the language changes,
// the saved, deleted and not-found pages. No serious or critical violation
// on any of them.
//
// "Without JavaScript" blocks the app's only script (/assets/wizard.js), so
// the page is exactly what a browser without JavaScript shows (the app has no
// <noscript> content), while axe itself can still run: a context with
// JavaScript disabled cannot evaluate it. axe is injected through the
// DevTools protocol, which the site's CSP does not apply to.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEPS } from '../../src/web/wizard/steps.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session.ts';
import { SAMPLES_DIR } from '../helpers/samples.ts';

let session: BrowserSession;
beforeAll(async () => {
  session = await startBrowserSession('every-page-axe');
});
afterAll(async () => {
  await session?.close();
});


async function click(page: Page, selector: string) {
  await Promise.all([page.waitForLoadState('load'), page.locator(selector).first().click()]);
}

/** Walks every page, running axe on each; returns what was checked and what was found. */
async function walk(page: Page): Promise<{ checked: string[]; found: Record<string, string[]> }> {
  const checked: string[] = [];
  const found: Record<string, string[]> = {};
  const check = async (what: string) => {
    const lines = await seriousViolations(page);
    checked.push(what);
    if (lines.length > 0) found[`${what} (${new URL(page.url()).pathname})`] = lines;
  };
  const { baseUrl } = session;

  for (const path of ['/', '/why', '/no-such-page']) {
    await page.goto(baseUrl + path);
    await check(`GET ${path}`);
  }

  // A fresh draft: each step as first shown, then sent with nothing answered (every error at once).
  await page.goto(baseUrl);
  await click(page, 'form[action="/wizard"] button[type="submit"]');
  const base = new URL(page.url()).pathname.replace(/\/[^/]+$/, '');
  for (const step of STEPS) {
    await page.goto(`${baseUrl}${base}/${step.id}`);
    await check(`step ${step.id}`);
    await click(page, 'main form button.button[type="submit"]:not([name])');
    await check(`step ${step.id}, sent empty`);
  }
  await page.goto(`${baseUrl}${base}/${STEPS[0]!.id}`);
  await click(page, 'button[name="action"][value="save-later"]');
  await check('saved, come back later');

  // A complete draft (the sample, imported): the review page and every page of the draft it links to.
  await page.goto(baseUrl);
  await page.locator('#upload').setInputFiles(join(SAMPLES_DIR, 'new-client-fixed.json'));
  await click(page, 'form.upload-form button[type="submit"]');
  const review = new URL(page.url()).pathname;
  const draft = review.replace(/\/[^/]+$/, '');
  await check('Check your answers');
  const links = async () =>
    (await page.locator('a[href]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? '')))
      .map((href) => href.split(/[?#]/)[0]!)
      .filter((href) => href.startsWith(`${draft}/`) && !/\.(?:docx|pdf|json|ics|zip)$/.test(href) && !href.endsWith('/delete'));
  const pages = new Set(await links());
  for (const path of [...pages]) {
    await page.goto(baseUrl + path);
    for (const more of await links()) pages.add(more);
  }
  pages.delete(review);
  for (const path of pages) {
    await page.goto(baseUrl + path);
    await check(`GET ${path.replace(draft, '…')}`);
    // A letter page: its email version too.
    if ((await page.locator('button[name="action"][value="email"]').count()) === 1 && path.includes('/follow-up/')) {
      await click(page, 'button[name="action"][value="email"]');
      await check(`email of ${path.replace(draft, '…')}`);
    }
  }
  await page.goto(`${baseUrl}${draft}/invoices`);
  await click(page, 'button[name="action"][value="email"]');
  await check('an invoice email');
  // The invoice just made is listed in a table that scrolls inside its own region at a phone's width.
  await page.goto(`${baseUrl}${draft}/invoices`);
  await check('invoices, with one made');
  // A payment refused (the error beside its field), then one recorded, listed with its Remove button.
  await page.locator('#payment-1-amount').fill('0');
  await click(page, '#payments-1 form.follow-up-form button[type="submit"]');
  await expect.poll(() => page.locator('#payment-1-amount-error').count()).toBe(1);
  await check('invoices, a payment refused');
  await page.locator('#payment-1-amount').fill('100');
  await click(page, '#payments-1 form.follow-up-form button[type="submit"]');
  await expect.poll(() => page.locator('#payments-1 .payment-list li').count()).toBe(1);
  await check('invoices, with a payment recorded');
  // The 日本語 link on a complete English contract asks first, on a page of its own.
  await page.goto(`${baseUrl}${review}?lang=ja`);
  await check('asked before the language changes');

  await page.goto(`${baseUrl}${draft}/delete`);
  await check('delete, confirm');
  await click(page, 'main form button[type="submit"]');
  await check('deleted');
  return { checked, found };
}

describe('every page, checked by axe', () => {
  it.each([
    ['with JavaScript', true],
    ['as without JavaScript', false],
  ])('%s: no serious or critical violation', async (_mode, withScript) => {
    const page = await session.browser({ js: true });
    if (!withScript) await page.route('**/assets/wizard.js', (route) => route.abort());
    const { checked, found } = await walk(page);
    // The walk reached every kind of page (a broken walk must not pass by checking little).
    expect(checked.length).toBeGreaterThan(STEPS.length * 2 + 10);
    for (const kind of ['Check your answers', 'GET …/follow-up', 'GET …/invoices', 'an invoice email', 'invoices, with one made', 'invoices, a payment refused', 'invoices, with a payment recorded', 'asked before the language changes', 'deleted']) expect(checked).toContain(kind);
    expect(checked.some((what) => what.startsWith('email of …/follow-up/'))).toBe(true);
    expect(found).toEqual({});
  });
});
