// The wizard in Japanese: chosen by ?lang=ja, the language link, or
// Accept-Language; kept in the draft (so a resumed draft stays Japanese and
// the answers say "language": "ja"); the questions only a Japanese contract
// needs asked only there; errors and the API's problem details in Japanese.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersToForm } from '../../src/web/wizard/engine.ts';
import { activeSteps, stepsIn } from '../../src/web/wizard/steps.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { InjectVisitor, type Fields } from '../helpers/inject-visitor.ts';
import { nonEmpty } from '../helpers/non-empty.ts';
import { sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

let app: FastifyInstance;
const TODAY = '2027-03-01';
beforeAll(async () => {
  app = await buildTestApp({ now: () => new Date(`${TODAY}T09:00:00Z`) });
});
afterAll(async () => {
  await app.close();
});

const draftBase = (stepUrl: string) => stepUrl.replace(/\/[^/]+$/, '');
const htmlLang = (html: string) => /<html lang="([^"]+)">/.exec(html)?.[1];
const heading = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
const namesOnPage = (html: string) => [...html.matchAll(/data-field="([^"]+)"/g)].map((match) => match[1]);

/** Starts a draft from the home page in Japanese (the language link followed first). */
async function startInJapanese(visitor = new InjectVisitor(app)): Promise<{ visitor: InjectVisitor; url: string }> {
  await visitor.get('/?lang=ja');
  const response = await visitor.post('/wizard', { lang: 'ja' });
  expect(response.statusCode).toBe(303);
  return { visitor, url: String(response.headers.location) };
}

/** Walks every step of a Japanese draft with a Japanese sample's answers, as a person fills the forms. */
async function walkInJapanese(sample = 'ja/tokyo-fixed'): Promise<{ visitor: InjectVisitor; base: string }> {
  const input = sampleInput(sample);
  const { visitor, url: first } = await startInJapanese();
  const base = draftBase(first);
  let url = first;
  for (const step of nonEmpty(stepsIn('ja'))) {
    expect(url).toBe(`${base}/${step.id}`);
    const page = await visitor.get(url);
    expect(htmlLang(page.body)).toBe('ja');
    const response = await visitor.post(url, answersToForm(step, input) as Fields);
    expect(response.statusCode, `${step.id}: ${response.body.slice(0, 600)}`).toBe(303);
    url = String(response.headers.location);
  }
  expect(url).toBe(`${base}/review`);
  return { visitor, base };
}

describe('choosing the language', () => {
  it('?lang=ja shows the home page in Japanese, with <html lang="ja"> and a link back to English', async () => {
    const response = await new InjectVisitor(app).get('/?lang=ja');
    expect(htmlLang(response.body)).toBe('ja');
    expect(heading(response.body)).toBe('あなたを守るフリーランス契約書をつくる');
    expect(response.body).toContain('契約書の作成を始める');
    expect(response.body).toContain('<a class="language-link" href="/?lang=en" hreflang="en" lang="en">English</a>');
    expect(response.body).not.toContain('Start a new contract');
  });

  it('English by default, with a link to 日本語 on the page', async () => {
    const response = await new InjectVisitor(app).get('/');
    expect(htmlLang(response.body)).toBe('en');
    expect(response.body).toContain('Start a new contract');
    expect(response.body).toContain('<a class="language-link" href="/?lang=ja" hreflang="ja" lang="ja">日本語</a>');
  });

  it('Accept-Language: ja gives Japanese; a browser preferring another language gets English', async () => {
    const japanese = await new InjectVisitor(app, { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.8' }).get('/why');
    expect(htmlLang(japanese.body)).toBe('ja');
    expect(heading(japanese.body)).toBe('これらの備えが必要な理由');
    const german = await new InjectVisitor(app, { 'accept-language': 'de-DE,de;q=0.9' }).get('/why');
    expect(htmlLang(german.body)).toBe('en');
  });

  it('the link followed is remembered over Accept-Language on later pages', async () => {
    const visitor = new InjectVisitor(app, { 'accept-language': 'ja' });
    await visitor.get('/?lang=en');
    expect(htmlLang((await visitor.get('/why')).body)).toBe('en');
  });

  it('a page that does not exist says so in Japanese', async () => {
    const response = await new InjectVisitor(app).get('/nowhere?lang=ja');
    expect(response.statusCode).toBe(404);
    expect(heading(response.body)).toBe('ページが見つかりません');
  });
});

describe('a Japanese draft', () => {
  it('keeps its language: the resume link opens it in Japanese for a visitor whose browser asks for English', async () => {
    const { url } = await startInJapanese();
    const stranger = new InjectVisitor(app, { 'accept-language': 'en-GB' });
    const resumed = await stranger.get(draftBase(url));
    expect(resumed.statusCode).toBe(303);
    const page = await stranger.get(String(resumed.headers.location));
    expect(htmlLang(page.body)).toBe('ja');
    expect(heading(page.body)).toBe('あなた（受託者）について');
    expect(page.body).toContain('保存して次へ');
  });

  it('links back to the step before by its name, in each language', async () => {
    const { visitor, url } = await startInJapanese();
    const base = draftBase(url);
    expect((await visitor.get(`${base}/client`)).body).toContain('<a class="back-link" href="' + base + '/you">「あなた（受託者）について」に戻る</a>');
    expect((await visitor.get(`${base}/client?lang=en`)).body).toContain('<a class="back-link" href="' + base + '/you">Back to about you</a>');
  });

  it('the language link on a step changes the draft with the next step saved, so the contract follows', async () => {
    const { visitor, url } = await startInJapanese();
    const english = await visitor.get(`${url}?lang=en`);
    expect(htmlLang(english.body)).toBe('en');
    expect(heading(english.body)).toBe('About you');
    // The step's form saves the choice (the link itself writes nothing)...
    await visitor.post(url, { 'freelancer.name': 'Aiko Tanaka' });
    // ...so without the link, on another browser, the draft itself is English.
    expect(htmlLang((await new InjectVisitor(app, { 'accept-language': 'ja' }).get(url)).body)).toBe('en');
  });

  it('asks the questions only a Japanese contract needs, and English drafts never see them', async () => {
    const { visitor, url } = await startInJapanese();
    const base = draftBase(url);
    const you = namesOnPage((await visitor.get(`${base}/you`)).body);
    expect(you).toEqual(expect.arrayContaining(['freelancer.entity', 'freelancer.hasEmployees', 'freelancer.invoiceRegistrationNumber']));
    expect(namesOnPage((await visitor.get(`${base}/fees`)).body)).toContain('fee.withholding');
    const court = namesOnPage((await visitor.get(`${base}/jurisdiction`)).body);
    expect(court).toContain('jurisdiction.place');
    expect(court).not.toContain('jurisdiction.governingLaw');
    expect(court).not.toContain('jurisdiction.venue');

    const english = new InjectVisitor(app);
    const englishBase = draftBase(await english.start());
    const onlyJapanese = ['freelancer.entity', 'freelancer.hasEmployees', 'freelancer.invoiceRegistrationNumber', 'fee.withholding', 'jurisdiction.place'];
    const seen = [];
    for (const step of ['you', 'fees', 'jurisdiction']) seen.push(...namesOnPage((await english.get(`${englishBase}/${step}`)).body));
    expect(seen).toEqual(expect.arrayContaining(['freelancer.name', 'jurisdiction.governingLaw', 'jurisdiction.venue']));
    for (const name of nonEmpty(onlyJapanese)) expect(seen).not.toContain(name);
  });

  it('shows errors in Japanese beside their fields', async () => {
    const { visitor, url } = await startInJapanese();
    const response = await visitor.submit(url, { 'freelancer.email': 'not-an-email', 'freelancer.invoiceRegistrationNumber': 'T123' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>エラー：あなた（受託者）について（ステップ 1／9）');
    expect(response.body).toContain('入力内容を確認してください');
    expect(response.body).toContain('氏名を入力してください');
    expect(response.body).toContain('メールアドレスを正しい形式で入力してください（例：name@example.com）');
    expect(response.body).toContain('インボイス登録番号は「T」と13桁の数字で入力してください（例：T9234567890123）');
    expect(response.body).not.toMatch(/Enter your|must be/);
  });

  it('an answer to a Japanese-only question leaves the answers when the draft turns English', async () => {
    const { visitor, base } = await walkInJapanese();
    await visitor.get(`${base}/you?lang=en`);
    await visitor.post(`${base}/you`, answersToForm(stepsIn('en')[0]!, sampleInput('ja/tokyo-fixed')) as Fields);
    const answers = (await visitor.get(`${base}/answers.json`)).json();
    expect(answers.language).toBe('en');
    expect(answers.freelancer.invoiceRegistrationNumber).toBeUndefined();
  });
});

describe('the whole wizard in Japanese', () => {
  it('makes the same 業務委託契約書 as the API, and the answers say "language": "ja"', async () => {
    const { visitor, base } = await walkInJapanese();
    const review = await visitor.get(`${base}/review`);
    expect(htmlLang(review.body)).toBe('ja');
    expect(heading(review.body)).toBe('回答の確認');
    expect(review.body).toContain('契約書ができあがりました');
    // Answers written the way the contract writes them.
    expect(review.body).toContain('1,200,000円');
    expect(review.body).toContain('2027年4月5日');

    const answers = (await visitor.get(`${base}/answers.json`)).json();
    expect(answers.language).toBe('ja');
    expect(answers.jurisdiction).toMatchObject({ place: '東京', governingLaw: '日本法' });

    const fromWizard = openDocx((await visitor.get(`${base}/contract.docx`)).rawPayload).text();
    const fromApi = openDocx(
      (await app.inject({ method: 'POST', url: '/api/contracts', payload: sampleInput('ja/tokyo-fixed'), headers: { 'content-type': 'application/json' } })).rawPayload,
    ).text();
    expect(fromWizard).toContain('業務委託契約書');
    expect(fromWizard).toBe(fromApi);
  });

  it('a tax-exempt freelancer (免税事業者) says no to 消費税: no tax in the answers, the review or the contract; yes brings 10% back', async () => {
    const { visitor, base } = await walkInJapanese();
    const fees = stepsIn('ja').find((step) => step.id === 'fees')!;
    const form = answersToForm(fees, sampleInput('ja/tokyo-fixed')) as Fields;
    expect(form['wizard.consumptionTax']).toBe('yes');

    await visitor.get(`${base}/fees`);
    expect((await visitor.post(`${base}/fees`, { ...form, 'wizard.consumptionTax': 'no' })).statusCode).toBe(303);
    expect((await visitor.get(`${base}/answers.json`)).json().fee.tax).toBeNull();
    expect((await visitor.get(`${base}/review`)).body).toContain('いいえ（免税事業者）');
    const exempt = openDocx((await visitor.get(`${base}/contract.docx`)).rawPayload).text();
    expect(exempt).toContain('業務委託契約書');
    // No 消費税 line or amount: the only mention is the sentence saying none is added.
    expect(exempt.replace('受託者は消費税の免税事業者であり、報酬に消費税を加算しない。', '')).not.toContain('消費税');
    // The page shows the choice made when it is opened again.
    expect((await visitor.get(`${base}/fees`)).body).toMatch(/name="wizard\.consumptionTax" type="radio" value="no" checked|value="no"[^>]*checked/);

    await visitor.post(`${base}/fees`, { ...form, 'wizard.consumptionTax': 'yes', 'fee.tax.label': '', 'fee.tax.percent': '' });
    expect((await visitor.get(`${base}/answers.json`)).json().fee.tax).toEqual({ label: '消費税', percent: 10 });
    expect(openDocx((await visitor.get(`${base}/contract.docx`)).rawPayload).text()).toContain('消費税');
  });

  it('the kind of work decides 源泉徴収: システム開発・保守 is not withheld, デザイン is (所得税法204条1項1号)', async () => {
    const steps = stepsIn('ja');
    const formFor = (id: string) => answersToForm(steps.find((step) => step.id === id)!, sampleInput('ja/tokyo-fixed')) as Fields;
    const withholdingSuggested = async (category: string) => {
      const { visitor, url } = await startInJapanese();
      const base = draftBase(url);
      expect((await visitor.post(`${base}/you`, formFor('you'))).statusCode).toBe(303);
      expect(namesOnPage((await visitor.get(`${base}/project`)).body)).toContain('project.workCategory');
      expect((await visitor.post(`${base}/project`, { ...formFor('project'), 'project.workCategory': category })).statusCode).toBe(303);
      expect((await visitor.get(`${base}/project`)).body).toContain(`name="project.workCategory" type="radio" value="${category}" checked`);
      const page = (await visitor.get(`${base}/fees`)).body;
      return /name="fee\.withholding" type="radio" value="(yes|no)" checked/.exec(page)?.[1];
    };
    expect(await withholdingSuggested('software')).toBe('no');
    expect(await withholdingSuggested('design')).toBe('yes');
  });

  it('the kind of work is asked in English too, and may be left out', async () => {
    const english = new InjectVisitor(app);
    const englishBase = draftBase(await english.start());
    expect((await english.get(`${englishBase}/project`)).body).toContain('What kind of work is it?');
  });

  it('the 消費税 question is asked only in Japanese; an English draft keeps the tax it was given', async () => {
    const english = new InjectVisitor(app);
    const englishBase = draftBase(await english.start());
    const page = (await english.get(`${englishBase}/fees`)).body;
    expect(page).not.toContain('wizard.consumptionTax');
    expect(namesOnPage(page)).toContain('fee.tax.label');
  });

  it('every active step of a Japanese draft has Japanese words (no English label left)', async () => {
    for (const step of nonEmpty(activeSteps({ language: 'ja', fee: { model: 'retainer' } }))) {
      for (const field of nonEmpty(step.fields)) expect(field.label, `${step.id} ${field.name}`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});

describe('the API in Japanese', () => {
  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/contracts', payload: payload as object, headers: { 'content-type': 'application/json', accept: 'application/json', ...headers } });

  it('Accept-Language: ja gives the same problems, by path, in Japanese sentences', async () => {
    const broken = sampleInput('new-client-fixed');
    delete broken.freelancer.name;
    broken.deposit.percent = 150;
    broken.fee.colour = 'blue';
    const english = (await post(broken)).json();
    const japanese = await post(broken, { 'accept-language': 'ja,en;q=0.5' });
    expect(japanese.statusCode).toBe(400);
    expect(japanese.headers['content-type']).toContain('application/problem+json');
    const body = japanese.json();
    expect(body.title).toBe('回答に誤りがあります');
    expect(body.detail).toBe('修正が必要な回答が3件あります。');
    expect(body.errors.map((error: { path: string }) => error.path)).toEqual(english.errors.map((error: { path: string }) => error.path));
    expect(body.errors).toEqual(expect.arrayContaining([
      { path: 'freelancer.name', message: '氏名を入力してください' },
      { path: 'deposit.percent', message: '着手金の割合は1%から100%までの範囲で入力してください' },
      { path: 'fee.colour', message: '「colour」は回答に含まれない項目です。綴りを確認するか、削除してください。' },
    ]));
    expect(english.errors).toEqual(expect.arrayContaining([{ path: 'freelancer.name', message: 'Enter your full name' }]));
  });

  it('other problems too: malformed JSON, an unknown address', async () => {
    const malformed = await app.inject({ method: 'POST', url: '/api/contracts', payload: '', headers: { 'content-type': 'application/json', 'accept-language': 'ja' } });
    expect(malformed.json()).toMatchObject({ status: 400, title: 'JSONの形式に誤りがあります', detail: 'リクエストの本文が空です。回答をJSONオブジェクトで送ってください。' });
    const missing = await app.inject({ method: 'GET', url: '/api/nothing', headers: { 'accept-language': 'ja' } });
    expect(missing.json()).toMatchObject({ status: 404, title: '見つかりません', detail: 'GET /api/nothing には何もありません。' });
    const english = await app.inject({ method: 'GET', url: '/api/nothing' });
    expect(english.json()).toMatchObject({ title: 'Not found', detail: 'There is nothing at GET /api/nothing.' });
  });
});

describe('the follow-up and invoices pages of a Japanese draft', () => {
  const languageLink = (html: string) => /<a class="language-link" href="([^"]+)" hreflang="([^"]+)"/.exec(html);
  const errorSummary = (html: string) => [...html.matchAll(/<a href="#[^"]+">([^<]*)<\/a>/g)].map((match) => match[1]);

  it('「委託者と連絡が取れなくなったら」 is in Japanese, with <html lang="ja">, the letters by their Japanese titles and a link to English', async () => {
    const { visitor, base } = await walkInJapanese();
    const page = (await visitor.get(`${base}/follow-up`)).body;
    expect(htmlLang(page)).toBe('ja');
    expect(heading(page)).toBe('委託者と連絡が取れなくなったら');
    for (const title of ['最後のご連絡', '作業一時停止のお知らせ', 'お支払いのお願い', '督促状', '最終催告書']) expect(page).toContain(`文書：${title}`);
    expect(page).toContain('カレンダーをダウンロード（.ics）');
    expect(page).not.toContain('When the client goes quiet');
    expect(page).not.toContain('Download the calendar');
    expect(languageLink(page)?.slice(1)).toEqual([`${base}/follow-up?lang=en`, 'en']);
    const letter = (await visitor.get(`${base}/follow-up/final-notice`)).body;
    expect(htmlLang(letter)).toBe('ja');
    expect(heading(letter)).toBe('文書：最終催告書');
    expect(letter).toContain('法的措置を取るまでの支払猶予日数');
    expect(letter).toContain('文書をダウンロード（Word）');
  });

  it('the calendar form says what is missing in Japanese, and its language link leads back to the page', async () => {
    const { visitor, base } = await walkInJapanese();
    const response = await visitor.submit(`${base}/follow-up/calendar`, {});
    expect(response.statusCode).toBe(200);
    expect(htmlLang(response.body)).toBe('ja');
    expect(response.body).toContain('<title>エラー');
    expect(response.body).toContain('カレンダーの入力内容に問題があります');
    expect(errorSummary(response.body)).toContain('案件の段階を選択してください。');
    expect(languageLink(response.body)?.[1]).toBe(`${base}/follow-up?check=calendar&amp;lang=en`);
  });

  it('a letter sent with an error names the letter in Japanese; its email page is in Japanese with the daily 遅延損害金', async () => {
    const { visitor, base } = await walkInJapanese();
    const wrong = await visitor.submit(`${base}/follow-up/final-notice`, { date: '2027-08-01', action: 'email' });
    expect(wrong.statusCode).toBe(200);
    expect(htmlLang(wrong.body)).toBe('ja');
    expect(wrong.body).toContain('「最終催告書」の入力内容に問題があります');
    expect(languageLink(wrong.body)?.[1]).toBe(`${base}/follow-up/final-notice?check=final-notice&amp;lang=en`);
    const email = await visitor.post(`${base}/follow-up/final-notice`, {
      date: '2027-08-01',
      'invoice.number': 'INV-001',
      'invoice.amount': '660000',
      'invoice.issuedOn': '2027-05-01',
      'invoice.dueDate': '2027-05-31',
      deadlineDays: '10',
      action: 'email',
    });
    expect(email.statusCode).toBe(200);
    expect(htmlLang(email.body)).toBe('ja');
    expect(heading(email.body)).toBe('最終催告書：メール本文');
    expect(email.body).toContain('件名');
    expect(email.body).toContain('遅延損害金（年14.4%、日割計算）');
    expect(email.body).toContain('660,000円');
    expect(email.body).toContain('2027年5月31日');
    expect(email.body).toContain('62日');
    expect(email.body).not.toContain('Subject:');
  });

  it('the letter, the calendar and the answers download under the Japanese names the pages show', async () => {
    const { visitor, base } = await walkInJapanese();
    const letterPage = (await visitor.get(`${base}/follow-up/final-notice`)).body;
    const shown = /Wordファイル名は([^<]+)です。/.exec(letterPage)?.[1];
    expect(shown).toMatch(/-最終催告書\.docx$/);
    const letter = await visitor.post(`${base}/follow-up/final-notice`, {
      date: '2027-08-01', 'invoice.number': 'INV-001', 'invoice.amount': '660000', 'invoice.issuedOn': '2027-05-01', 'invoice.dueDate': '2027-05-31', deadlineDays: '10', action: 'docx',
    });
    expect(decodeURIComponent(String(letter.headers['content-disposition']))).toContain(`UTF-8''${shown}`);
    const calendar = await visitor.post(`${base}/follow-up/calendar`, { stage: 'negotiating', since: '2027-04-05' });
    expect(decodeURIComponent(String(calendar.headers['content-disposition']))).toMatch(/フォローアップ-交渉中\.ics$/);
    expect(calendar.body).toMatch(/SUMMARY:[^（\r\n]+（[^）\r\n]+）/);
    const answers = await visitor.get(`${base}/answers.json`);
    expect(decodeURIComponent(String(answers.headers['content-disposition']))).toMatch(/-回答\.json$/);
  });

  it('the Invoices page, its errors and its email page are in Japanese', async () => {
    const { visitor, base } = await walkInJapanese();
    const page = (await visitor.get(`${base}/invoices`)).body;
    expect(htmlLang(page)).toBe('ja');
    expect(heading(page)).toBe('請求書');
    expect(page).toContain('着手金の請求書：契約書とともに送付します');
    expect(page).toContain('残金の請求書：納品時');
    expect(page).toContain('請求書を作成（Word）');
    expect(page).not.toContain('Invoice number');
    expect(languageLink(page)?.[1]).toBe(`${base}/invoices?lang=en`);
    const wrong = await visitor.submit(`${base}/invoices/deposit`, { number: 'INV-001', issuedOn: '', action: 'docx' });
    expect(wrong.statusCode).toBe(200);
    expect(htmlLang(wrong.body)).toBe('ja');
    expect(wrong.body).toContain('請求書の入力内容に問題があります');
    expect(languageLink(wrong.body)?.[1]).toBe(`${base}/invoices?check=deposit&amp;lang=en`);
    const email = await visitor.post(`${base}/invoices/deposit`, { number: 'INV-001', issuedOn: '2027-04-01', action: 'email' });
    expect(email.statusCode).toBe(200);
    expect(htmlLang(email.body)).toBe('ja');
    expect(heading(email.body)).toBe('請求書 INV-001：メール本文');
    expect(email.body).toContain('この請求書をダウンロード（Word）');
    // Back on the page, the invoice made is listed with Japanese dates.
    const made = (await visitor.get(`${base}/invoices`)).body;
    expect(made).toContain('作成済みの請求書');
    expect(made).toContain('2027年4月1日');
  });

  /** The sentences shown beside the fields, by the id of their message. */
  const fieldErrors = (html: string) =>
    Object.fromEntries([...html.matchAll(/<p class="error-message" id="([^"]+)"><span class="visually-hidden">[^<]*<\/span> ([^<]*)<\/p>/g)].map((match) => [match[1]!, match[2]!])) as Record<string, string>;
  const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

  it('every problem with a letter\'s own fields is a Japanese sentence beside its field, dates written 2027年…', async () => {
    const { visitor, base } = await walkInJapanese();
    const missing = await visitor.submit(`${base}/follow-up/final-notice`, { date: '2027-03-31', deadlineDays: '31', action: 'docx' });
    expect(missing.statusCode).toBe(200);
    const errors = Object.values(fieldErrors(missing.body));
    expect(errors).toEqual(
      expect.arrayContaining([
        '請求書番号を入力してください',
        '請求金額を入力してください（例：600,000円）',
        '請求日を入力してください',
        '支払期日を入力してください',
        '支払猶予日数は5から30までの範囲で入力してください',
      ]),
    );
    expect(errors.every((error) => JAPANESE.test(error) && !/Enter|must be/.test(error))).toBe(true);
    const early = await visitor.submit(`${base}/follow-up/work-paused`, { date: '2027-03-31', action: 'docx' });
    expect(Object.values(fieldErrors(early.body))).toEqual(['文書の日付は契約の効力発生日（2027年4月1日）以降の日付を入力してください']);
    expect(errorSummary(early.body)).toContain('文書の日付は契約の効力発生日（2027年4月1日）以降の日付を入力してください');
  });

  it('every problem with an invoice\'s own fields is a Japanese sentence beside its field', async () => {
    const { visitor, base } = await walkInJapanese();
    const wrong = await visitor.submit(`${base}/invoices/balance`, { number: '', issuedOn: '2027-03-31', 'expenses.0.description': '素材写真', 'expenses.0.amount': '3000.5', action: 'docx' });
    expect(wrong.statusCode).toBe(200);
    const errors = Object.values(fieldErrors(wrong.body));
    expect(errors).toEqual(expect.arrayContaining(['請求書番号を入力してください（例：INV-2027-001）']));
    expect(errors.every((error) => JAPANESE.test(error) && !/Enter|must be/.test(error))).toBe(true);
    const early = await visitor.submit(`${base}/invoices/deposit`, { number: 'INV-001', issuedOn: '2027-03-31', action: 'docx' });
    expect(Object.values(fieldErrors(early.body))).toEqual(['請求日は契約の効力発生日（2027年4月1日）以降の日付を入力してください']);
  });

  it('the language link on the follow-up page turns the draft English, and the page reads as before', async () => {
    const { visitor, base } = await walkInJapanese();
    const english = (await visitor.get(`${base}/follow-up?lang=en`)).body;
    expect(htmlLang(english)).toBe('en');
    expect(heading(english)).toBe('When the client goes quiet');
    expect(english).toContain('Put the follow-up dates in your calendar');
    expect(english).toContain('Letter: Final notice');
    expect((await visitor.get(`${base}/answers.json`)).json().language).toBe('en');
    const invoices = (await visitor.get(`${base}/invoices`)).body;
    expect(htmlLang(invoices)).toBe('en');
    expect(invoices).toContain('The deposit invoice: send it with the contract');
  });
});
