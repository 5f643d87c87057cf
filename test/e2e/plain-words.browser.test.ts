// Issue 11 as a newcomer meets it, in Debian's Chromium with JavaScript on:
// a walk through the wizard making each mistake the issue lists (points 1-9)
// and reading the plain message the page answers with, with axe-core run on
// every page along the way (no serious or critical violation anywhere).
// axe is injected from node_modules through the DevTools protocol, which the
// site's CSP (script-src 'self') does not apply to.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.ts';
import { startBrowserSession, type BrowserSession } from '../helpers/browser-session.ts';
import { SAMPLES_DIR, sampleInput } from '../helpers/samples.ts';

let session: BrowserSession;
let baseUrl: string;

beforeAll(async () => {
  session = await startBrowserSession('plain-words-e2e');
  ({ baseUrl } = session);
});

afterAll(async () => {
  await session?.close();
});


/** Every page checked, with what axe found at serious or critical impact. */
const checked: { url: string; violations: string[] }[] = [];

async function axe(page: Page, what: string): Promise<void> {
  const serious = await seriousViolations(page);
  checked.push({ url: `${what} ${page.url()}`, violations: serious });
  expect(serious, `${what}: ${page.url()}`).toEqual([]);
}

async function submit(page: Page, name: RegExp | string = /^Save and (continue|check your answers)$/) {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name, exact: typeof name === 'string' }).click()]);
}

const summaryText = (page: Page) => page.locator('.error-summary').innerText();
const input = sampleInput('new-client-fixed');

describe('a newcomer making every mistake of issue 11, with axe on every page', () => {
  it('gets a plain sentence for each, and no serious or critical accessibility violation', async () => {
    const page = await session.browser({ js: true });
    await page.goto(baseUrl);
    await axe(page, 'home');
    // Point 3: the source is named here once, and explained on its own page.
    await page.getByRole('link', { name: 'Why these safeguards' }).click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Why these safeguards');
    await axe(page, 'why');
    await page.goto(baseUrl);

    // Cookies cleared: Start still starts (it used to say "This form has expired").
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Start a new contract' }).click();
    await expect.poll(() => page.url()).toMatch(/\/you$/);
    await axe(page, 'you, empty');

    // Point 1: a phone number in the wrong shape, and nothing else: every problem at once, in plain words.
    await page.getByLabel('Your phone number').fill('call me');
    await submit(page);
    const you = await summaryText(page);
    expect(you).toContain('Enter your full name');
    expect(you).toContain('Enter your email address');
    expect(you).toContain('Enter your phone number in the right format, like +1 415 555 0100');
    expect(you).not.toMatch(/one can dial|is required\.|must be text/);
    await axe(page, 'you, with errors');
    await page.getByLabel('Your full name').fill(input.freelancer.name);
    await page.getByLabel('Your email address').fill(input.freelancer.email);
    await page.getByLabel('Your phone number').fill(input.freelancer.phone);
    await page.getByLabel('Your postal address').fill(input.freelancer.address);
    await submit(page);

    // Point 8: the client step holds the client's details only (six questions, not eight).
    await expect.poll(() => page.url()).toMatch(/\/client$/);
    expect(await page.locator('main form .form-group').count()).toBe(6);
    await page.getByLabel("Client's full name").fill(input.client.name);
    await page.getByLabel("Client's email address").fill(input.client.email);
    await page.getByLabel("Client's phone number").fill(input.client.phone);
    await page.getByLabel("Client's postal address").fill(input.client.address);
    await axe(page, 'client');
    await submit(page);

    // Point 1: the unanswered choice is named in words; point 7: no trouble question or advice for a new client.
    await expect.poll(() => page.url()).toMatch(/\/relationship$/);
    await submit(page);
    expect(await summaryText(page)).toContain('Select whether you have worked for this client before');
    expect(await summaryText(page)).not.toMatch(/"new"|"returning"/);
    await axe(page, 'relationship, with errors');
    await page.getByLabel('No, this is our first project').check();
    expect(await page.locator('#trouble-advice').isVisible()).toBe(false);
    // Point 5: "Save and come back later" on step 3; the link opens step 4 in a fresh browser.
    await submit(page, 'Save and come back later');
    await expect.poll(() => page.url()).toMatch(/\/saved\?step=relationship$/);
    await axe(page, 'saved');
    const resumeLink = await page.getByLabel('Your resume link').inputValue();
    const fresh = await session.browser({ js: true });
    await fresh.goto(resumeLink);
    await expect.poll(() => fresh.url()).toMatch(/\/project$/);
    await page.getByRole('link', { name: 'Continue now' }).click();
    await submit(page);

    // Point 6: the cross-field problems come with the others, in one pass.
    await expect.poll(() => page.url()).toMatch(/\/project$/);
    await page.getByLabel('Date the contract takes effect').fill('2027-01-10');
    await page.getByLabel('Start date').fill('2027-01-05');
    await page.getByLabel('End date').fill('2027-01-01');
    await submit(page);
    const project = await summaryText(page);
    expect(project).toContain('Enter the project name');
    expect(project).toContain('Enter an end date on or after the start date');
    expect(project).toContain('Enter a date the contract takes effect on or before the start date');
    await axe(page, 'project, with errors');
    await page.getByLabel('Project name').fill(input.project.name);
    await page.getByLabel('What the project is').fill(input.project.description);
    await page.getByLabel('Deliverable 1', { exact: true }).fill(input.project.deliverables[0]!);
    await page.getByLabel('Date the contract takes effect').fill(input.effectiveDate);
    await page.getByLabel('Start date').fill(input.project.startDate);
    await page.getByLabel('End date').fill(input.project.endDate!);
    await submit(page);

    // Points 1 and 2: currency first, from a list; the model in words.
    await expect.poll(() => page.url()).toMatch(/\/charging$/);
    await submit(page);
    expect(await summaryText(page)).toContain('Select the currency you charge in');
    expect(await summaryText(page)).toContain('Select how you charge for this project');
    expect(await summaryText(page)).not.toMatch(/ISO|4217|one of:/);
    await axe(page, 'charging, with errors');
    await page.getByLabel('Currency').selectOption('USD');
    await page.getByLabel('A fixed price for the whole project').check();
    await submit(page);

    // Point 2: "$6,000" is an amount; the box shows the currency beside it.
    await expect.poll(() => page.url()).toMatch(/\/fees$/);
    expect(await page.locator('#fee-total-prefix').innerText()).toBe('$');
    await page.getByLabel('Total price').fill('lots');
    await submit(page);
    expect(await summaryText(page)).toContain('Total price must be a number, like 6,000');
    await axe(page, 'fees, with errors');
    await page.getByLabel('Total price').fill('$12,000');
    await submit(page);

    // Point 9: the kill fee is on, at a suggested percentage; point 3: advice, not "the article".
    await expect.poll(() => page.url()).toMatch(/\/safeguards$/);
    expect(await page.getByLabel('Yes', { exact: true }).first().isChecked()).toBe(true);
    expect(await page.getByLabel('Kill fee', { exact: true }).inputValue()).toBe('25');
    expect(await page.locator('main').innerText()).not.toMatch(/the article/i);
    expect(await page.locator('#figure-deposit').innerText()).toBe('$6,000.00');
    await axe(page, 'safeguards');
    await submit(page);

    await expect.poll(() => page.url()).toMatch(/\/rights$/);
    await submit(page);
    expect(await summaryText(page)).toContain('Select who holds the copyright once you are paid in full');
    await axe(page, 'rights, with errors');
    await page.getByLabel('The client: I transfer the copyright').check();
    await submit(page);

    // Point 1: the court is named as its label names it.
    await expect.poll(() => page.url()).toMatch(/\/jurisdiction$/);
    await page.getByLabel('Governing law').fill(input.jurisdiction.governingLaw);
    await submit(page);
    expect(await summaryText(page)).toContain('Enter the court (venue), like Multnomah County, Oregon');
    await axe(page, 'jurisdiction, with errors');
    await page.getByLabel('Court (venue)').fill(input.jurisdiction.venue);
    await submit(page);

    // Point 4: Check your answers as the contract writes it, one h1, the downloads after the contract too.
    await expect.poll(() => page.url()).toMatch(/\/review$/);
    const review = await page.locator('main').innerText();
    expect(review).toContain('December 7, 2026');
    expect(review).toContain('$12,000.00');
    expect(review).toContain('US Dollar (USD)');
    expect(review).toContain('2 rounds (the usual)');
    expect(review).not.toContain('Not given');
    expect(review).not.toContain('Hourly rate');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('#downloads-after').getByRole('link', { name: 'Download the contract (Word)' }).count()).toBe(1);
    expect(await page.locator('#downloads-after').getByRole('link', { name: 'Download the contract (PDF)' }).count()).toBe(1);
    await axe(page, 'review');

    // Delete asks first.
    await page.locator('#main').getByRole('link', { name: 'Delete this draft' }).click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Are you sure you want to delete this draft?');
    await axe(page, 'delete');
    await page.getByRole('link', { name: 'No, keep it' }).click();
    await expect.poll(() => page.url()).toMatch(/\/review$/);
  });

  it('the follow-up pages and the email page, with errors per field, pass axe too', async () => {
    const page = await session.browser({ js: true });
    await page.goto(baseUrl);
    await page.getByLabel('Answers file or Word contract').setInputFiles(join(SAMPLES_DIR, 'new-client-fixed.json'));
    await page.getByRole('button', { name: 'Continue from this file' }).click();
    await expect.poll(() => page.url()).toMatch(/\/review$/);
    await page.locator('#downloads').getByRole('link', { name: 'When the client goes quiet' }).click();
    await axe(page, 'follow-up');
    // Point 8: each letter has a page of its own, and a letter without its invoice gets one message per invoice field.
    expect(await page.locator('main form').count()).toBe(1);
    await Promise.all([page.waitForLoadState('load'), page.locator('#letter-late-notice').getByRole('link', { name: /Write this letter/ }).click()]);
    expect(await page.locator('main form').count()).toBe(1);
    await axe(page, 'late notice');
    const late = page.locator('#letter-late-notice');
    await Promise.all([page.waitForLoadState('load'), late.getByRole('button', { name: 'Download the letter (Word)' }).click()]);
    const summary = await summaryText(page);
    for (const message of ['Enter the invoice number', 'Enter the invoice amount, like 6,000', 'Enter the invoice date', 'Enter the invoice due date']) {
      expect(summary).toContain(message);
    }
    await axe(page, 'follow-up, with errors');
    // Point 10: the email page has its own Subject and Message, Copy buttons with the script, and a mailto: link.
    await page.goto(page.url().replace(/\/follow-up\/.*$/, '/follow-up/final-check-in'));
    const checkIn = page.locator('#letter-final-check-in');
    await checkIn.getByLabel('Date of the letter').fill('2027-01-10');
    await Promise.all([page.waitForLoadState('load'), checkIn.getByRole('button', { name: /Show the email text/ }).click()]);
    expect(await page.getByLabel('Subject').inputValue()).toBe('Final check-in: Harbor Coffee website redesign');
    expect(await page.getByLabel('Message').inputValue()).toMatch(/^Dear /);
    expect(await page.getByRole('link', { name: 'Open in your email program' }).getAttribute('href')).toMatch(/^mailto:priya@harborcoffee\.example\?subject=/);
    expect(await page.getByRole('button', { name: 'Copy the message' }).isVisible()).toBe(true);
    await axe(page, 'email');
  });

  it('the pages a visitor meets at the edges pass axe: a draft that is gone, a deleted draft, an upload refused', async () => {
    const page = await session.browser({ js: true });
    await page.goto(`${baseUrl}/wizard/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/you`);
    await axe(page, 'gone');
    await page.goto(`${baseUrl}/wizard/deleted`);
    await axe(page, 'deleted');
    await page.goto(baseUrl);
    await page.getByLabel('Answers file or Word contract').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByRole('button', { name: 'Continue from this file' }).click();
    await expect.poll(() => page.locator('.error-summary').isVisible()).toBe(true);
    await axe(page, 'home, upload refused');
    expect(checked.length).toBeGreaterThan(15);
  });
});
