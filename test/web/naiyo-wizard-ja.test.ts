// The wizard's Japanese final demand page: beside the letter, the 内容証明 sheets as a Word file and the
// text for e内容証明, sheet by sheet, each on the post office's grid; an English draft is offered neither.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postOfficeCounts } from '../../src/claims/naiyo-shomei.ts';
import { answersToForm } from '../../src/web/wizard/engine.ts';
import { stepsIn } from '../../src/web/wizard/steps.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { InjectVisitor, type Fields } from '../helpers/inject-visitor.ts';
import { nonEmpty } from '../helpers/non-empty.ts';
import { sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp({ now: () => new Date('2027-03-01T09:00:00Z') });
});
afterAll(async () => {
  await app.close();
});

const heading = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Walks every step of a draft with a sample's answers, as a person fills the forms; the draft's base URL. */
async function walk(sample: string, language: 'ja' | 'en'): Promise<{ visitor: InjectVisitor; base: string }> {
  const visitor = new InjectVisitor(app);
  const input = sampleInput(sample);
  await visitor.get(`/?lang=${language}`);
  const start = await visitor.post('/wizard', { lang: language });
  let url = String(start.headers.location);
  const base = url.replace(/\/[^/]+$/, '');
  for (const step of nonEmpty(stepsIn(language))) {
    const response = await visitor.post(url, answersToForm(step, input) as Fields);
    expect(response.statusCode, `${step.id}: ${response.body.slice(0, 400)}`).toBe(303);
    url = String(response.headers.location);
  }
  return { visitor, base };
}

const FINAL_NOTICE = {
  date: '2027-08-20',
  'invoice.number': 'R-002',
  'invoice.amount': '598740',
  'invoice.issuedOn': '2027-06-30',
  'invoice.dueDate': '2027-07-29',
  deadlineDays: '10',
};

describe('the Japanese final demand page', () => {
  it('offers the 内容証明 sheets as a Word file and the text for e内容証明', async () => {
    const { visitor, base } = await walk('ja/tokyo-fixed', 'ja');
    const page = (await visitor.get(`${base}/follow-up/final-notice`)).body;
    expect(page).toContain('内容証明郵便で送る');
    expect(page).toContain('<button type="submit" class="button button-secondary" name="action" value="naiyo-docx">内容証明の用紙をダウンロード（Word）</button>');
    expect(page).toContain('<button type="submit" class="button button-secondary" name="action" value="naiyo-text">e内容証明用の本文を表示</button>');
  });

  it('downloads the sheets in three copies, named after the letter', async () => {
    const { visitor, base } = await walk('ja/tokyo-fixed', 'ja');
    const response = await visitor.post(`${base}/follow-up/final-notice`, { ...FINAL_NOTICE, action: 'naiyo-docx' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/wordprocessingml/);
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toMatch(/最終催告書 内容証明\.docx$/);
    const text = openDocx(response.rawPayload).text();
    expect(text.split('\n')[0]).toBe('最終催告書');
    // Three copies of the same sheets (差出人用, 郵便局用, 受取人用), each opening with the title.
    expect(text.split('\n').filter((line) => line === '最終催告書')).toHaveLength(3);
    expect(text).toContain('598,740円');
  });

  it('shows the e内容証明 text sheet by sheet, every line within 20 counted characters and every sheet within 26 lines', async () => {
    const { visitor, base } = await walk('ja/tokyo-fixed', 'ja');
    const response = await visitor.post(`${base}/follow-up/final-notice`, { ...FINAL_NOTICE, action: 'naiyo-text' });
    expect(response.statusCode).toBe(200);
    expect(heading(response.body)).toBe('最終催告書：e内容証明用の本文');
    expect(response.body).toContain('郵便局の数え方で1行20字・1枚26行（1枚520字以内）に収めた本文です。');
    const sheets = [...response.body.matchAll(/<textarea[^>]*id="naiyo-sheet-(\d+)"[^>]*>([^<]*)<\/textarea>/g)].map((match) => unescape(match[2]!).split('\n'));
    expect(sheets.length).toBeGreaterThan(0);
    expect(sheets[0]![0]).toBe('最終催告書');
    expect(response.body).toContain(`${sheets.length}枚中1枚目`);
    for (const lines of sheets) {
      expect(lines.length).toBeLessThanOrEqual(26);
      expect(Math.max(...postOfficeCounts(lines))).toBeLessThanOrEqual(20);
    }
    const all = sheets.flat().join('');
    expect(all).toContain('598,740円');
    // The page's own Word button sends the same letter again.
    expect(response.body).toContain('name="action" value="naiyo-docx"');
    expect(response.body).toContain('name="invoice.number" value="R-002"');
  });

  it('is not offered on an English draft\'s final notice, and the action there gives the ordinary letter', async () => {
    const { visitor, base } = await walk('new-client-fixed', 'en');
    const page = (await visitor.get(`${base}/follow-up/final-notice`)).body;
    expect(page).not.toContain('naiyo-docx');
    const response = await visitor.post(`${base}/follow-up/final-notice`, {
      date: '2027-04-25', 'invoice.number': 'INV-002', 'invoice.amount': '6000', 'invoice.issuedOn': '2027-02-26', 'invoice.dueDate': '2027-03-12', deadlineDays: '10', action: 'naiyo-docx',
    });
    expect(response.statusCode).toBe(200);
    expect(decodeURIComponent(String(response.headers['content-disposition']))).not.toContain('内容証明');
  });
});
