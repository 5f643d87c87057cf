// The API with Japanese answers: the same routes give the Japanese contract,
// its letters and its calendar; nothing in a route asks which language it is.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/test-app.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { sampleInput } from '../helpers/samples.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp({ rateLimitPerMinute: 0 });
});
afterAll(async () => {
  await app.close();
});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: payload as object, headers: { 'content-type': 'application/json', ...headers } });
const tokyo = () => sampleInput('ja/tokyo-fixed');

describe('POST /api/contracts with "language": "ja"', () => {
  it('gives the 業務委託契約書 as a Word file named in Japanese', async () => {
    const response = await post('/api/contracts', tokyo());
    expect(response.statusCode).toBe(200);
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toContain('コーポレートサイトのリニューアル-業務委託契約書.docx');
    expect(openDocx(response.rawPayload).text()).toContain('源泉徴収税額61,260円を差し引いた振込額は598,740円');
  });

  it('as JSON: clauses numbered as Word numbers them, figures in yen as the contract writes them', async () => {
    const body = (await post('/api/contracts', tokyo(), { accept: 'application/json' })).json();
    expect(body.title).toBe('業務委託契約書');
    expect(body.clauses[0]).toMatchObject({ number: 1, id: 'purpose', title: '（目的）' });
    // The 前文 before 第1条, not a clause.
    expect(body.preamble).toMatch(/^株式会社みどり商事（以下「委託者」という。）と/);
    expect(body.clauses.map((clause: { id: string }) => clause.id)).not.toContain('preamble');
    expect(body.figures.deposit).toEqual({ percent: 50, amount: 600000, formatted: '600,000円' });
    // Items (号) in the text as the Word file numbers them, (1) and (2), never "- " bullets (issue 23).
    const notices = body.clauses.find((clause: { id: string }) => clause.id === 'notices').text;
    expect(notices).toMatch(/\n\(1\)\u3000委託者\u3000/);
    expect(notices).toMatch(/\n\(2\)\u3000受託者\u3000/);
    expect(body.clauses.map((clause: { text: string }) => clause.text).join('\n')).not.toMatch(/^- /m);
  });

  it('as HTML, marked lang="ja"', async () => {
    const response = await post('/api/contracts', tokyo(), { accept: 'text/html' });
    expect(response.body).toContain('<html lang="ja">');
  });

  it('refuses a Japanese contract without a place for the court, naming the field', async () => {
    const input = tokyo();
    delete input.jurisdiction.place;
    const response = await post('/api/contracts', input);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toContain('jurisdiction.place');
  });
});

describe('a Japanese contract without consumption tax ("tax": null)', () => {
  const exempt = () => {
    const input = tokyo();
    input.fee.tax = null;
    return input;
  };

  it('has no 消費税 line, the fee is not "税別", and the deposit is withheld from on the fee alone', async () => {
    const response = await post('/api/contracts', exempt());
    expect(response.statusCode).toBe(200);
    const text = openDocx(response.rawPayload).text();
    // No 消費税 line or amount: the only mention is the sentence saying none is added.
    expect(text.replace('受託者は消費税の免税事業者であり、報酬に消費税を加算しない。', '')).not.toContain('消費税');
    expect(text).not.toMatch(/税別|税込|税抜/);
    expect(text).toContain('金1,200,000円');
    // Not registered and exempt from consumption tax are two facts, each said on its own.
    expect(text).toContain('受託者は、適格請求書発行事業者の登録を受けていない。受託者は消費税の免税事業者であり、報酬に消費税を加算しない。');
    // 600,000円 less 10.21% (61,260円), with no tax added: 538,740円 transferred.
    expect(text).toContain('源泉徴収税額61,260円を差し引いた振込額は538,740円');
  });

  it('as JSON: no tax and no figures with tax', async () => {
    const body = (await post('/api/contracts', exempt(), { accept: 'application/json' })).json();
    expect(body.figures.tax).toBeNull();
    expect(body.figures.withTax).toBeNull();
    // Kept as given, so the answers (and the Word file's embedded copy) read back without the tax.
    expect(body.answers.fee.tax).toBeNull();
  });

  it('left out, the tax is 消費税 10% as before', async () => {
    const text = openDocx((await post('/api/contracts', tokyo())).rawPayload).text();
    expect(text).toContain('消費税（10%）');
  });
});

describe('letters and calendar from Japanese answers', () => {
  const letter = { date: '2027-08-30', invoice: { number: 'INV-2027-031', amount: 660000, issuedOn: '2027-06-30', dueDate: '2027-07-30' } };

  it('POST /api/letters/final-notice gives the 最終催告書 as an email: opened with the 宛名, without 拝啓 or a 内容証明 claim', async () => {
    const response = await post('/api/letters/final-notice', { answers: tokyo(), letter }, { accept: 'text/plain' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/^Subject: 最終催告書（請求書 INV-2027-031、コーポレートサイトのリニューアル）\n\n株式会社みどり商事\n代表取締役 山田太郎 様\n/);
    expect(response.body).not.toMatch(/拝啓|内容証明/);
  });

  it('POST /api/schedule gives the calendar in Japanese', async () => {
    const response = await post('/api/schedule', { answers: tokyo(), stage: 'payment-due', since: '2027-07-30' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('SUMMARY:最終催告書');
  });
});

describe('GET /api/clauses?language=ja', () => {
  it('lists the Japanese contract\'s articles, with when each applies and why it is there', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/clauses?language=ja' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.language).toBe('ja');
    const ids = [...new Set(body.clauses.map((clause: { id: string }) => clause.id))];
    // The 20 articles and the 前文 before them.
    expect(ids).toHaveLength(21);
    expect(ids[0]).toBe('preamble');
    expect(ids).toContain('antisocial-forces');
    expect(body.clauses.find((clause: { id: string }) => clause.id === 'purpose')).toMatchObject({ title: '目的', appliesWhen: 'always' });
    expect(body.clauses.every((clause: { note: string }) => clause.note.length > 0)).toBe(true);
  });

  it('lists the English library without the parameter or with language=en', async () => {
    const plain = (await app.inject({ method: 'GET', url: '/api/clauses' })).json();
    const english = (await app.inject({ method: 'GET', url: '/api/clauses?language=en' })).json();
    expect(plain.language).toBe('en');
    expect(english).toEqual(plain);
    expect(plain.clauses.some((clause: { id: string }) => clause.id === 'antisocial-forces')).toBe(false);
  });

  it('refuses a language it has no library for, naming the parameter', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/clauses?language=fr' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json().errors).toEqual([{ path: 'querystring.language', message: 'Select the language of the clause library: "en" (English) or "ja" (Japanese)' }]);
  });

  it('names an unknown parameter as a parameter of the list, not a field of the answers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/clauses?lang=ja' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: 'querystring.lang', message: '"lang" is not a query parameter of this list; use language=en or language=ja.' }]);
  });

  it('answers both mistakes in Japanese under Accept-Language: ja', async () => {
    const headers = { 'accept-language': 'ja' };
    const wrong = await app.inject({ method: 'GET', url: '/api/clauses?language=fr', headers });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ path: 'querystring.language', message: '条項の言語を選んでください：「en」（英語）または「ja」（日本語）' }]);
    const unknown = await app.inject({ method: 'GET', url: '/api/clauses?lang=ja', headers });
    expect(unknown.json().errors).toEqual([
      { path: 'querystring.lang', message: '「lang」はこの一覧のクエリパラメーターではありません。language=en または language=ja を指定してください。' },
    ]);
  });
});

describe('the letters\' and invoices\' own problems in Japanese, with Accept-Language: ja', () => {
  const ja = { 'accept-language': 'ja' };
  const errorsOf = async (url: string, payload: unknown, headers: Record<string, string> = ja) => {
    const response = await post(url, payload, headers);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    return response.json().errors as { path: string; message: string }[];
  };
  const balance = { kind: 'balance', number: 'B-1', issuedOn: '2027-06-01' };

  it('a missing invoice number, with the problem\'s title and detail in Japanese', async () => {
    const response = await post('/api/invoices', { answers: tokyo(), invoice: { kind: 'balance', issuedOn: '2027-06-01' } }, ja);
    expect(response.json()).toMatchObject({
      title: '回答に誤りがあります',
      detail: '修正が必要な回答が1件あります。',
      errors: [{ path: 'invoice.number', message: '請求書番号を入力してください（例：INV-2027-001）' }],
    });
  });

  it('an invoice of the wrong kind for the contract\'s fee model, with the reason', async () => {
    expect(await errorsOf('/api/invoices', { answers: tokyo(), invoice: { ...balance, kind: 'hours', hours: 10 } })).toEqual([
      { path: 'invoice.kind', message: '残金の請求書を選択してください。作業時間分の請求書は時間単価の契約で使うもので、この契約は固定額の契約です' },
    ]);
  });

  it('decimals on a yen amount, naming 日本円', async () => {
    expect(await errorsOf('/api/invoices', { answers: tokyo(), invoice: { ...balance, expenses: [{ description: '素材写真', amount: 3000.5 }] } })).toEqual([
      { path: 'invoice.expenses.0.amount', message: '経費の金額は整数で入力してください（日本円には小数点以下の単位がありません）。3,001円のことですか？' },
    ]);
  });

  it('a date before the contract takes effect, written 2027年4月1日', async () => {
    expect(await errorsOf('/api/invoices', { answers: tokyo(), invoice: { ...balance, issuedOn: '2027-03-31' } })).toEqual([
      { path: 'invoice.issuedOn', message: '請求日は契約の効力発生日（2027年4月1日）以降の日付を入力してください' },
    ]);
    expect(await errorsOf('/api/letters/final-check-in', { answers: tokyo(), letter: { date: '2027-03-31' } })).toEqual([
      { path: 'letter.date', message: '文書の日付は契約の効力発生日（2027年4月1日）以降の日付を入力してください' },
    ]);
  });

  it('a letter dated on its invoice\'s due date, which must be after it', async () => {
    const letter = { date: '2027-07-30', invoice: { number: 'INV-2027-031', amount: 660000, issuedOn: '2027-06-30', dueDate: '2027-07-30' } };
    expect(await errorsOf('/api/letters/late-notice', { answers: tokyo(), letter })).toEqual([
      { path: 'letter.date', message: '文書の日付は請求書の支払期日（2027年7月30日）より後の日付を入力してください。この文書は支払期日を過ぎた請求書についてのものです' },
    ]);
  });

  it('unknown keys, each named with what it is not part of', async () => {
    expect(await errorsOf('/api/invoices', { answers: tokyo(), invoice: { ...balance, colour: 'red', expenses: [{ description: '素材写真', amount: 3000, vat: true }] }, letter: {} })).toEqual(
      expect.arrayContaining([
        { path: 'invoice.colour', message: '「colour」は請求書に含まれない項目です。綴りを確認するか、削除してください。' },
        { path: 'invoice.expenses.0.vat', message: '「vat」は経費に含まれない項目です。綴りを確認するか、削除してください。' },
        { path: 'letter', message: '「letter」はリクエストに含まれない項目です。綴りを確認するか、削除してください。' },
      ]),
    );
    const letter = { date: '2027-08-30', note: 'よろしく', invoice: { number: 'INV-2027-031', amount: 660000, issuedOn: '2027-06-30', dueDate: '2027-07-30', currency: 'JPY' } };
    expect(await errorsOf('/api/letters/payment-reminder', { answers: { ...tokyo(), colour: 'red' }, letter, extra: 1 })).toEqual(
      expect.arrayContaining([
        { path: 'letter.note', message: '「note」は文書に含まれない項目です。綴りを確認するか、削除してください。' },
        { path: 'letter.invoice.currency', message: '「currency」は請求書に含まれない項目です。綴りを確認するか、削除してください。' },
        { path: 'extra', message: '「extra」はリクエストに含まれない項目です。綴りを確認するか、削除してください。' },
        { path: 'answers.colour', message: '「colour」は回答に含まれない項目です。綴りを確認するか、削除してください。' },
      ]),
    );
  });

  it('the calendar request\'s own problems too', async () => {
    expect(await errorsOf('/api/schedule', { answers: tokyo(), stage: 'payment-due', since: '30/07/2027', when: 'soon' })).toEqual(
      expect.arrayContaining([
        { path: 'since', message: '起算日は正しい日付をYYYY-MM-DDの形式で入力してください。' },
        { path: 'when', message: '「when」はリクエストに含まれない項目です。綴りを確認するか、削除してください。' },
      ]),
    );
  });

  it('the same requests in English keep the English sentences, and a letter request\'s own key is "not part of the request"', async () => {
    const english = { 'accept-language': 'en' };
    expect(await errorsOf('/api/invoices', { answers: tokyo(), invoice: { ...balance, issuedOn: '2027-03-31' } }, english)).toEqual([
      { path: 'invoice.issuedOn', message: "Enter an invoice date on or after the contract's effective date, April 1, 2027" },
    ]);
    expect(await errorsOf('/api/letters/final-check-in', { answers: tokyo(), letter: { date: '2027-04-02', note: 'hi' }, extra: 1 }, english)).toEqual([
      { path: 'letter.note', message: '"note" is not part of the letter; check its spelling or remove it.' },
      { path: 'extra', message: '"extra" is not part of the request; check its spelling or remove it.' },
    ]);
    expect(await errorsOf('/api/schedule', { answers: tokyo(), stage: 'payment-due', since: '2027-07-30', when: 'soon' }, english)).toEqual([
      { path: 'when', message: '"when" is not part of the request; check its spelling or remove it.' },
    ]);
  });
});
