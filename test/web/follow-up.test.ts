// "When the client goes quiet" through HTTP, the way a browser without
// JavaScript uses it: the page, each letter as a Word file and as an email,
// the calendar, the errors shown again with what was typed, and the CSRF check.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/answers/dates.ts';
import { LETTER_KINDS, type LetterKind } from '../../src/letters/request.ts';
import { followUpSchedule, STAGES } from '../../src/schedule/rules.ts';
import { buildApp } from '../../src/web/app.ts';
import { LETTER_INPUTS } from '../../src/web/wizard/follow-up-model.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { InjectVisitor, type Fields } from '../helpers/inject-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';

let dataDir: string;
let app: FastifyInstance;
// The server's clock, fixed: the letter dates it offers as "today" are this day, whenever the test runs.
const TODAY = '2027-03-25';
const now = () => new Date(`${TODAY}T23:59:30Z`);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'follow-up-'));
  app = await buildApp({ dataDir, rateLimitPerMinute: 0, now });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The visitor of test/helpers/inject-visitor.ts, on this file's app. */
class Visitor extends InjectVisitor {
  constructor() {
    super(app);
  }
}

/** A draft made from a sample's answers (as an import would), and a visitor who has opened its follow-up page. */
async function openPage(answers: Record<string, unknown> = sampleInput('new-client-fixed')) {
  const draft = await app.drafts.create(answers);
  const visitor = new Visitor();
  const base = `/wizard/${draft.id}/follow-up`;
  const page = await visitor.get(base);
  return { draft, visitor, base, page };
}

// The sample letter's invoice: $6,000.00 due 12 March 2027; 26 April 2027 is 45 days later.
const INVOICE: Fields = {
  'invoice.number': 'INV-2027-014',
  'invoice.amount': '6,000.00',
  'invoice.issuedOn': '2027-02-26',
  'invoice.dueDate': '2027-03-12',
};
function letterFields(kind: LetterKind): Fields {
  const all: Fields = { date: '2027-04-26', ...INVOICE, deadlineDays: '10', calledOn: '2027-04-22', howToPay: 'Bank transfer to Lee Studio LLC\nRouting 123456789' };
  return Object.fromEntries(LETTER_INPUTS[kind].map((name) => [name, all[name]!]));
}

/** The form of one letter on the page (its section up to the next letter or situation). */
function sectionOf(html: string, kind: string): string {
  const start = html.indexOf(`id="letter-${kind}"`);
  expect(start, `no section for ${kind}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}
const inputNames = (html: string) =>
  [...html.matchAll(/<(?:input|textarea)[^>]*name="([^"]+)"/g)].map((match) => match[1]!).filter((name) => name !== '_csrf' && name !== 'action');
const tagOf = (html: string, id: string) => new RegExp(`<(?:input|textarea)[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
const valueOf = (html: string, id: string) => /value="([^"]*)"/.exec(tagOf(html, id))?.[1];
const errorSummaryLinks = (html: string) =>
  [...(/<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '').matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((match) => ({ href: match[1]!, text: match[2]! }));
const decode = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the follow-up page', () => {
  it('is linked from the review page, right after the downloads', async () => {
    const { draft, visitor } = await openPage();
    const review = await visitor.get(`/wizard/${draft.id}/review`);
    const start = review.body.indexOf('id="downloads"');
    const downloads = review.body.slice(start, review.body.indexOf('<section', start));
    expect(downloads).toContain('Download the contract (Word)');
    expect(downloads).toContain(`href="/wizard/${draft.id}/follow-up"`);
    expect(downloads.indexOf('Download the contract')).toBeLessThan(downloads.indexOf('When the client goes quiet'));
  });

  it('explains the three situations and offers the calendar and a page for each letter, each form asking only for what its letter needs', async () => {
    const { page, base, visitor } = await openPage();
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const html = page.body;
    expect(html).toContain('<h1 class="heading-l">When the client goes quiet</h1>');
    for (const heading of ['Still negotiating', 'The project has started and you need feedback', 'The work is delivered and the payment is late']) {
      expect(html).toContain(heading);
    }
    expect(html).toContain('4 to 7 days');
    expect(html).toContain('Tuesday after your original email');
    expect(html).toContain('30, 60 and 90 days after the due date');
    expect(html).toContain('small-claims court');
    // The contract's own figures in the advice.
    expect(html).toContain('1.5% of the invoice for each full 30 days late');
    expect(html).toContain('after 14 days without an answer');

    // The calendar: stage radios with what "since" means for each, a date, a token.
    const calendar = html.slice(html.indexOf('id="calendar"'), html.indexOf('id="negotiating"'));
    expect(calendar).toContain(`action="${base}/calendar"`);
    expect(calendar).toMatch(/<input type="hidden" name="_csrf" value="[^"]+">/);
    expect(calendar).toMatch(/<legend class="legend">Where is the project\?<\/legend>/);
    for (const stage of STAGES) expect(calendar).toContain(`name="stage" type="radio" value="${stage}"`);
    expect(calendar).toContain('Count from the day you sent the message that has no answer');
    expect(calendar).toContain('Count from the invoice’s due date');
    expect(tagOf(calendar, 'calendar-since')).toContain('type="date"');
    expect(calendar).toContain('<label class="label" for="calendar-since">Count from</label>');

    // The overview links to each letter's own page instead of holding six forms.
    expect(html.match(/<form /g)).toHaveLength(1);
    const letterPages: Record<string, string> = {};
    for (const kind of LETTER_KINDS) {
      expect(sectionOf(html, kind)).toContain(`href="${base}/${kind}">Write this letter`);
      const letterPage = await visitor.get(`${base}/${kind}`);
      expect(letterPage.statusCode).toBe(200);
      expect(letterPage.body.match(/<h1/g)).toHaveLength(1);
      expect(letterPage.body.match(/<form /g)).toHaveLength(1);
      letterPages[kind] = letterPage.body;
      const section = sectionOf(letterPage.body, kind);
      expect(section).toContain(`action="${base}/${kind}"`);
      expect(section).toMatch(/<input type="hidden" name="_csrf" value="[^"]+">/);
      expect(section).toMatch(/<button type="submit" class="button" name="action" value="docx">Download the letter \(Word\)/);
      expect(section).toMatch(/name="action" value="email">Show the email text/);
      expect(inputNames(section), kind).toEqual(LETTER_INPUTS[kind]);
      // Every input has a label; the letter's date defaults to today.
      for (const [, id] of section.matchAll(/<(?:input|textarea) class="(?:input|textarea)[^"]*" id="([^"]+)"/g)) {
        expect(section, `label for ${id}`).toContain(`for="${id}"`);
      }
      expect(valueOf(section, `${kind}-date`)).toBe(TODAY);
    }
    expect(inputNames(sectionOf(letterPages['final-check-in']!, 'final-check-in'))).toEqual(['date']);
    expect(inputNames(sectionOf(letterPages['work-paused']!, 'work-paused'))).toEqual(['date', 'calledOn']);
    expect(inputNames(sectionOf(letterPages['final-notice']!, 'final-notice'))).toContain('deadlineDays');
    expect(inputNames(sectionOf(letterPages['late-notice']!, 'late-notice'))).not.toContain('deadlineDays');
    expect(valueOf(letterPages['final-notice']!, 'final-notice-deadlineDays')).toBe('10');
    // The invoice is one group, with its own legend.
    expect(sectionOf(letterPages['late-notice']!, 'late-notice')).toMatch(/<fieldset class="fieldset" aria-describedby="late-notice-invoice-hint">\s*<legend class="legend">The invoice<\/legend>/);
    expect(letterPages['final-notice']).toContain('The Word file is named Harbor-Coffee-website-redesign-final-notice.docx.');
  });

  it('shows a plain message linking to the review page while the answers are incomplete', async () => {
    const answers = sampleInput('new-client-fixed');
    delete answers.jurisdiction;
    const { draft, visitor, base, page } = await openPage(answers);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('some steps still need answers');
    expect(page.body).toContain(`href="/wizard/${draft.id}/review">Check your answers</a>`);
    expect(page.body).not.toContain('<form');
    // A form sent anyway (from another tab) comes back to the message.
    await visitor.get(`/wizard/${draft.id}/you`); // a page with a form, for its token
    const sent = await visitor.post(`${base}/late-notice`, { ...letterFields('late-notice'), action: 'docx' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(base);
  });

  it('says when the draft is gone, and that a letter it does not know is not found', async () => {
    const visitor = new Visitor();
    expect((await visitor.get('/wizard/no-such-draft-abcdefghijklmnop/follow-up')).statusCode).toBe(404);
    const { visitor: other, base } = await openPage();
    expect((await other.post(`${base}/thank-you-note`, { date: '2027-04-26' })).statusCode).toBe(404);
  });
});

describe('the letters', () => {
  it.each(LETTER_KINDS)('%s downloads as a Word file every part of which parses strictly', async (kind) => {
    const { visitor, base } = await openPage();
    const response = await visitor.post(`${base}/${kind}`, { ...letterFields(kind), action: 'docx' });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers['content-disposition']).toContain(`filename="Harbor-Coffee-website-redesign-${kind}.docx"`);
    expect(response.headers['cache-control']).toBe('no-store');
    const docx = openDocx(response.rawPayload);
    expect(docx.partNames).toContain('word/document.xml');
    const text = docx.text();
    expect(text).toContain('Priya Natarajan');
    expect(text).toContain('Jordan Lee');
    if (kind !== 'final-check-in' && kind !== 'work-paused') {
      expect(text).toContain('INV-2027-014');
      expect(text).toContain('Bank transfer to Lee Studio LLC');
    }
  });

  it('a late notice 45 days late on $6,000.00 at 1.5% a month shows the $90.00 fee and the $6,090.00 balance', async () => {
    const { visitor, base } = await openPage();
    const response = await visitor.post(`${base}/late-notice`, { ...letterFields('late-notice'), action: 'docx' });
    const text = openDocx(response.rawPayload).text();
    expect(text).toContain('45 days');
    expect(text).toContain('$6,000.00');
    expect(text).toContain('$90.00');
    expect(text).toContain('$6,090.00');
  });

  it('the final notice gives its deadline date', async () => {
    const { visitor, base } = await openPage();
    const response = await visitor.post(`${base}/final-notice`, { ...letterFields('final-notice'), deadlineDays: '14', action: 'docx' });
    expect(openDocx(response.rawPayload).text()).toContain('May 10, 2027');
  });

  it('shows the email as a Subject and a Message box, a mailto: link, the figures, a Word download of the same letter and a way back', async () => {
    const { visitor, base } = await openPage();
    const response = await visitor.post(`${base}/late-notice`, { ...letterFields('late-notice'), action: 'email' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    const subject = 'Late payment notice: invoice INV-2027-014, Harbor Coffee website redesign';
    expect(decode(valueOf(html, 'email-subject')!)).toBe(subject);
    const textarea = /<textarea[^>]*id="email-body"[^>]*readonly[^>]*>([\s\S]*?)<\/textarea>/.exec(html);
    expect(textarea).not.toBeNull();
    const body = decode(textarea![1]!);
    expect(body).toMatch(/^Dear Priya Natarajan,/);
    expect(body).not.toContain('Subject:');
    expect(body).toContain('$6,090.00');
    expect(html).toContain('<label class="label" for="email-subject">Subject</label>');
    expect(html).toContain('<label class="label" for="email-body">Message</label>');
    // Copy buttons wait for the script (progressive enhancement); the page never says "press Ctrl+A".
    expect(html).toMatch(/<button type="button" class="button button-secondary button-copy" data-copy="email-body" hidden>Copy the message<\/button>/);
    expect(html).not.toContain('Ctrl+A');
    const mailto = decode(/<a class="button" href="(mailto:[^"]+)">Open in your email program<\/a>/.exec(html)![1]!);
    const url = new URL(mailto);
    expect(url.pathname).toBe('priya@harborcoffee.example');
    expect(url.searchParams.get('subject')).toBe(subject);
    expect(url.searchParams.get('body')).toBe(body);
    // The figures the letter prints.
    expect(html).toMatch(/<dd id="figure-days-late">45 days<\/dd>/);
    expect(html).toMatch(/<dt>Late fee \(1\.5% a month, one full 30-day period\)<\/dt><dd id="figure-late-fee">\$90\.00<\/dd>/);
    expect(html).toMatch(/<dd id="figure-balance">\$6,090\.00<\/dd>/);
    // The same letter as a Word file from here, and back to the letters.
    expect(html).toContain(`action="${base}/late-notice"`);
    expect(html).toContain('<input type="hidden" name="invoice.number" value="INV-2027-014">');
    expect(html).toContain(`href="${base}/late-notice"`);
    const again = await visitor.post(`${base}/late-notice`, {
      ...Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].filter((m) => m[1] !== '_csrf').map((m) => [m[1]!, decode(m[2]!)])),
      action: 'docx',
    });
    expect(again.statusCode).toBe(200);
    expect(openDocx(again.rawPayload).text()).toContain('Routing 123456789');
  });

  it('shows the final notice deadline on the email page, and no figures for a letter without an invoice', async () => {
    const { visitor, base } = await openPage();
    const notice = await visitor.post(`${base}/final-notice`, { ...letterFields('final-notice'), action: 'email' });
    expect(notice.body).toMatch(/<dd id="figure-deadline">May 6, 2027<\/dd>/);
    const checkIn = await visitor.post(`${base}/final-check-in`, { date: '2027-04-26', action: 'email' });
    expect(checkIn.statusCode).toBe(200);
    expect(checkIn.body).not.toContain('figure-balance');
    expect(decode(valueOf(checkIn.body, 'email-subject')!)).toBe('Final check-in: Harbor Coffee website redesign');
  });

  it('takes an amount typed with its currency symbol', async () => {
    const { visitor, base } = await openPage();
    const response = await visitor.post(`${base}/payment-reminder`, { ...letterFields('payment-reminder'), 'invoice.amount': '$6,000.00', date: '2027-03-01', action: 'email' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/<dd id="figure-invoice">\$6,000\.00<\/dd>/);
    expect(response.body).toMatch(/<dd id="figure-days-late">Not due yet \(due in 11 days\)<\/dd>/);
  });
});

describe('errors', () => {
  it('a payment letter without its invoice comes back with an error beside each invoice field and every typed value kept', async () => {
    const { visitor, base } = await openPage();
    const posted = await visitor.post(`${base}/late-notice`, { date: '2027-04-26', 'invoice.number': '', howToPay: 'Pay by card at pay.example', action: 'docx' });
    // Post/Redirect/Get: the letter's own page, a GET, shows the problems, so Back and reload never resend the form.
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`${base}/late-notice?check=late-notice`);
    const response = await visitor.get(String(posted.headers.location));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    expect(html).toContain('<title>Error: Letter: Late payment notice');
    expect(html.indexOf('class="error-summary"')).toBeLessThan(html.indexOf('<h1'));
    expect(html).toContain('There is a problem with the letter: Late payment notice</h2>');
    const links = errorSummaryLinks(html);
    expect(links).toEqual([
      { href: '#late-notice-invoice-number', text: 'Enter the invoice number' },
      { href: '#late-notice-invoice-amount', text: 'Enter the invoice amount, like 6,000' },
      { href: '#late-notice-invoice-issuedOn', text: 'Enter the invoice date' },
      { href: '#late-notice-invoice-dueDate', text: 'Enter the invoice due date' },
    ]);
    // Each link's target exists, is marked invalid and described by its own message.
    const numberInput = tagOf(html, 'late-notice-invoice-number');
    expect(numberInput).toContain('aria-invalid="true"');
    expect(numberInput).toMatch(/aria-describedby="[^"]*late-notice-invoice-number-error/);
    const section = sectionOf(html, 'late-notice');
    expect(section).toMatch(/<p class="error-message" id="late-notice-invoice-dueDate-error"><span class="visually-hidden">Error:<\/span> Enter the invoice due date/);
    // What was typed is still there; the other letters are as before.
    expect(valueOf(html, 'late-notice-date')).toBe('2027-04-26');
    expect(/<textarea[^>]*id="late-notice-howToPay"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1]).toBe('Pay by card at pay.example');
    expect(tagOf(html, 'payment-reminder-invoice-number')).not.toContain('aria-invalid');
  });

  it('a wrong value gets its message beside it, and the others keep what was typed', async () => {
    const { visitor, base } = await openPage();
    const response = await visitor.submit(`${base}/final-notice`, { ...letterFields('final-notice'), 'invoice.amount': 'six thousand', deadlineDays: '45', action: 'email' });
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(errorSummaryLinks(html).map((link) => link.href)).toEqual(['#final-notice-invoice-amount', '#final-notice-deadlineDays']);
    expect(valueOf(html, 'final-notice-invoice-amount')).toBe('six thousand');
    expect(valueOf(html, 'final-notice-deadlineDays')).toBe('45');
    expect(valueOf(html, 'final-notice-invoice-number')).toBe('INV-2027-014');
    const amount = tagOf(html, 'final-notice-invoice-amount');
    expect(amount).toContain('aria-invalid="true"');
    expect(amount).toMatch(/aria-describedby="final-notice-invoice-amount-suffix final-notice-invoice-amount-hint final-notice-invoice-amount-error"/);
    expect(html).toMatch(/id="final-notice-invoice-amount-error"><span class="visually-hidden">Error:<\/span> Invoice amount must be a number, like 6,000/);
    expect(html).toContain('Days to pay must be between 5 and 30');
  });

  it('a late notice dated before the due date is refused beside the date', async () => {
    const { visitor, base } = await openPage();
    const response = await visitor.submit(`${base}/late-notice`, { ...letterFields('late-notice'), date: '2027-03-01', action: 'docx' });
    expect(response.statusCode).toBe(200);
    expect(errorSummaryLinks(response.body).map((link) => link.href)).toEqual(['#late-notice-date']);
  });

  it('the calendar form without a stage or a date says which is missing', async () => {
    const { visitor, base } = await openPage();
    const posted = await visitor.post(`${base}/calendar`, {});
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`${base}?check=calendar#calendar`);
    const response = await visitor.submit(`${base}/calendar`, {});
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('There is a problem with the calendar</h2>');
    expect(errorSummaryLinks(response.body)).toEqual([
      { href: '#calendar-stage', text: 'Choose where the project is.' },
      { href: '#calendar-since', text: 'Enter the date to count from.' },
    ]);
    expect(tagOf(response.body, 'calendar-stage')).toContain('aria-invalid="true"');
    const kept = await visitor.submit(`${base}/calendar`, { stage: 'in-progress', since: '2027-02-30' });
    expect(kept.statusCode).toBe(200);
    expect(tagOf(kept.body, 'calendar-stage-2')).toContain('checked');
    expect(errorSummaryLinks(kept.body).map((link) => link.href)).toEqual(['#calendar-since']);
  });
});

describe('the calendar', () => {
  it.each(STAGES)('%s downloads as text/calendar with one all-day event per action', async (stage) => {
    const { visitor, base } = await openPage();
    const since = '2027-03-12';
    const response = await visitor.post(`${base}/calendar`, { stage, since });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toContain(`filename="Harbor-Coffee-website-redesign-follow-up-${stage}.ics"`);
    const root = new ICAL.Component(ICAL.parse(response.body));
    const events = root.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    const actions = followUpSchedule(stage, since, { unresponsiveDays: 14 });
    expect(events).toHaveLength(actions.length);
    events.forEach((event, index) => {
      expect(event.startDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe(actions[index]!.date);
      expect(event.endDate.toString()).toBe(addDays(actions[index]!.date, 1));
      // Letters are made on this site's page, not with an API call; the draft's own (secret) link is not in the file.
      if (actions[index]!.letter) {
        expect(event.description).toContain('"When the client goes quiet" page');
        expect(event.description).toContain('http://localhost:80/');
        expect(event.description).not.toContain('/wizard/');
      }
    });
  });

  it('remembers the invoice and the calendar choices with the draft, but never the letter date', async () => {
    const { visitor, base } = await openPage();
    await visitor.post(`${base}/calendar`, { stage: 'payment-due', since: '2027-03-12' });
    await visitor.post(`${base}/payment-reminder`, { ...letterFields('payment-reminder'), date: '2027-03-20', action: 'docx' });
    const page = await visitor.get(base);
    expect(tagOf(page.body, 'calendar-stage-3')).toContain('checked');
    expect(valueOf(page.body, 'calendar-since')).toBe('2027-03-12');
    for (const kind of ['payment-reminder', 'late-notice', 'final-notice']) {
      const letterPage = (await visitor.get(`${base}/${kind}`)).body;
      expect(valueOf(letterPage, `${kind}-invoice-number`)).toBe('INV-2027-014');
      expect(valueOf(letterPage, `${kind}-invoice-dueDate`)).toBe('2027-03-12');
    }
    expect(valueOf((await visitor.get(`${base}/payment-reminder`)).body, 'payment-reminder-date')).toBe(TODAY);
    // The answers file stays the contract's answers alone.
    const answers = await visitor.get(base.replace(/follow-up$/, 'answers.json'));
    expect(JSON.parse(answers.body)).not.toHaveProperty('followUp');
  });
});

describe('CSRF', () => {
  it('refuses a letter or a calendar without a token, or with a wrong one, with the 403 page', async () => {
    const { visitor, base } = await openPage();
    for (const [url, fields] of [
      [`${base}/calendar`, { stage: 'negotiating', since: '2027-03-12' }],
      [`${base}/final-notice`, { ...letterFields('final-notice'), action: 'docx' }],
    ] as const) {
      const missing = await visitor.post(url, fields, { token: null });
      expect(missing.statusCode).toBe(403);
      expect(missing.body).toContain('This form has expired');
      expect((await visitor.post(url, fields, { token: 'not-a-real-token' })).statusCode).toBe(403);
      const stranger = new Visitor();
      expect((await stranger.post(url, fields, { token: visitor.token })).statusCode).toBe(403);
    }
  });
});

describe('rate limit', () => {
  it('counts the letter and calendar downloads like the other generating routes', async () => {
    const limitedDir = mkdtempSync(join(tmpdir(), 'follow-up-limit-'));
    const limited = await buildApp({ dataDir: limitedDir, rateLimitPerMinute: 2 });
    try {
      const draft = await limited.drafts.create(sampleInput('new-client-fixed'));
      const base = `/wizard/${draft.id}/follow-up`;
      const page = await limited.inject({ url: base, headers: { accept: 'text/html' } });
      const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
      const post = (path: string, fields: Fields) =>
        limited.inject({
          method: 'POST',
          url: `${base}/${path}`,
          payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
          headers: { cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        });
      expect((await post('final-check-in', { date: '2027-04-26', action: 'docx' })).statusCode).toBe(200);
      expect((await post('final-check-in', { date: '2027-04-26', action: 'docx' })).statusCode).toBe(200);
      const refused = await post('final-check-in', { date: '2027-04-26', action: 'docx' });
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBeDefined();
      // One budget per address for every document: the calendar is refused too.
      expect((await post('calendar', { stage: 'negotiating', since: '2027-03-01' })).statusCode).toBe(429);
    } finally {
      await limited.close();
      rmSync(limitedDir, { recursive: true, force: true });
    }
  });
});
