// POST /api/invoices with Japanese answers: the 請求書 a client in Japan
// receives. The Done-when (the Tokyo example with a registration
// number: a qualified invoice for the deposit, 600,000円, 消費税（10%）60,000円,
// 源泉徴収 -61,260円, ご請求額 598,740円) through the route, as JSON, as the Word
// file read back and as the email; then what changes without a registration
// number, for a person, without 消費税, for a company freelancer, and resent late.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFirst, openDocx, W } from '../helpers/docx-reader.ts';
import { sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp({ rateLimitPerMinute: 0 });
});
afterAll(async () => {
  await app.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const REGISTRATION = 'T9234567890123';
const deposit = { kind: 'deposit', number: 'INV-2027-001', issuedOn: '2027-04-01' };

/** The Tokyo example, registered for qualified invoices unless `change` says otherwise. */
function tokyo(change: (answers: Loose) => void = () => {}): Loose {
  const answers = sampleInput('ja/tokyo-fixed');
  answers.freelancer.invoiceRegistrationNumber = REGISTRATION;
  change(answers);
  return answers;
}
const post = (answers: Loose, invoice: Record<string, unknown> = deposit, accept?: string) =>
  app.inject({ method: 'POST', url: '/api/invoices', payload: { answers, invoice }, headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) } });
/** The Word file's text with the spaces between runs and cells taken out, as the figures would be read. */
const wordText = async (answers: Loose, invoice?: Record<string, unknown>) => {
  const response = await post(answers, invoice);
  expect(response.statusCode).toBe(200);
  return openDocx(response.rawPayload).text().replace(/\s+/g, '');
};

describe('the Tokyo example in Japanese with a registration number: a qualified invoice for the deposit', () => {
  it('as JSON: 600,000円, 消費税 60,000円 at 10%, 源泉徴収 -61,260円, ご請求額 598,740円', async () => {
    const response = await post(tokyo(), deposit, 'application/json');
    expect(response.statusCode).toBe(200);
    const json = response.json();
    expect(json).toMatchObject({
      kind: 'deposit',
      language: 'ja',
      currency: 'JPY',
      title: '請求書',
      subtitle: '着手金のご請求：コーポレートサイトのリニューアル',
      net: { minor: 600000, formatted: '600,000円' },
      taxes: [{ label: '消費税', percent: 10, base: { formatted: '600,000円' }, minor: 60000, formatted: '60,000円' }],
      gross: { formatted: '660,000円' },
      deductions: [{ kind: 'withholding', description: '源泉徴収税額', minor: -61260, formatted: '-61,260円' }],
      total: { minor: 598740, amount: 598740, formatted: '598,740円' },
      due: '受領後すみやかに（本業務の着手日2027年4月5日より前）',
    });
    expect(json.lines).toEqual([
      { number: 1, kind: 'deposit', description: '着手金（報酬額1,200,000円の50%）', taxable: true, minor: 600000, amount: 600000, formatted: '600,000円' },
    ]);
    expect(json.fileName).toBe('コーポレートサイトのリニューアル-請求書-INV-2027-001.docx');
  });

  it('the Word file carries the six items of a qualified invoice and the figures', async () => {
    const text = await wordText(tokyo());
    for (const expected of [
      // The issuer's name and registration number.
      '花デザイン事務所', '佐藤花子', `登録番号：${REGISTRATION}`,
      // The date of issue and when the supply is made (a deposit is invoiced before the work).
      '請求日2027年4月1日', '取引年月日2027年4月5日～2027年6月30日（予定。着手前の前受け）',
      // What is supplied.
      '着手金（報酬額1,200,000円の50%）',
      // The amount by tax rate with the rate, and the tax for the rate.
      '10%対象（税抜）600,000円', '消費税（10%）60,000円', '合計（税込）660,000円',
      // The recipient: a company, 御中.
      '株式会社みどり商事御中',
      // Withholding, what is asked for, how to pay and who pays the transfer fee.
      '源泉徴収税額-61,260円', 'ご請求額598,740円', 'お振込先：みずほ銀行世田谷支店普通1234567サトウハナコ', '振込手数料は、貴社にてご負担くださいますようお願いいたします。',
      '本請求書は適格請求書です。', '業務委託契約書（2027年4月1日付）',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('適格請求書発行事業者ではない');
  });

  it('the Word file is set in the Japanese contract\'s font and language, its properties in Japanese', async () => {
    const docx = openDocx((await post(tokyo())).rawPayload);
    const defaults = findFirst(findFirst(docx.xml('word/styles.xml'), W, 'docDefaults')!, W, 'rPr')!;
    expect(findFirst(defaults, W, 'rFonts')!.attributes['w:eastAsia']).toBe('ＭＳ 明朝');
    expect(findFirst(defaults, W, 'lang')!.attributes['w:eastAsia']).toBe('ja-JP');
    expect(docx.coreProperties().title).toBe('請求書 INV-2027-001（コーポレートサイトのリニューアル）');
    expect(docx.text('word/footer1.xml')).not.toMatch(/Page|of/);
  });

  it('the email: "Subject:" as its first line (a mail header), everything else in Japanese', async () => {
    const response = await post(tokyo(), deposit, 'text/plain');
    expect(response.statusCode).toBe(200);
    const [subject, blank, company, person] = response.body.split('\n');
    expect(subject).toBe('Subject: 請求書 INV-2027-001：コーポレートサイトのリニューアル（着手金）ご請求額598,740円、お支払期限 受領後すみやかに');
    expect([blank, company, person]).toEqual(['', '株式会社みどり商事', '代表取締役 山田太郎 様']);
    expect(response.body).toContain('ご請求額: 598,740円');
    expect(response.body).toContain('源泉徴収税額: -61,260円');
    // No English beyond the header name, the email address and the invoice number.
    expect(response.body.replace(/^Subject: /, '').replace(/\S+@\S+|INV-\d+-\d+/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});

describe('what else a 請求書 says', () => {
  it('without a registration number: a plain 請求書 that says it is not a qualified invoice', async () => {
    const text = await wordText(tokyo((answers) => delete answers.freelancer.invoiceRegistrationNumber));
    expect(text).toContain('当方は適格請求書発行事業者ではないため、本請求書は適格請求書（インボイス）ではありません。');
    expect(text).not.toContain('登録番号');
    expect(text).not.toContain('本請求書は適格請求書です');
    // The figures are the same: a 免税事業者 may still state 消費税 as the contract does.
    expect(text).toContain('ご請求額598,740円');
  });

  it('to a person: 様, not 御中, and the transfer fee asked for without 貴社', async () => {
    const text = await wordText(tokyo((answers) => delete answers.client.business));
    expect(text).toContain('山田太郎様');
    expect(text).not.toContain('御中');
    expect(text).toContain('恐れ入りますが、振込手数料はご負担くださいますようお願いいたします。');
    const email = (await post(tokyo((answers) => delete answers.client.business), deposit, 'text/plain')).body;
    expect(email.split('\n')[2]).toBe('山田太郎 様');
  });

  it('without 消費税 ("tax": null): no tax lines, withholding on the fee, 538,740円 asked for', async () => {
    const json = (await post(tokyo((answers) => {
      answers.fee.tax = null;
      delete answers.freelancer.invoiceRegistrationNumber;
    }), deposit, 'application/json')).json();
    expect(json.taxes).toEqual([]);
    expect(json.total.formatted).toBe('538,740円');
    const text = await wordText(tokyo((answers) => {
      answers.fee.tax = null;
      delete answers.freelancer.invoiceRegistrationNumber;
    }));
    expect(text).not.toContain('消費税');
    expect(text).toContain('小計600,000円');
    expect(text).toContain('源泉徴収税額-61,260円');
  });

  it('a registered issuer who charges no 消費税 ("tax": null) never claims a qualified invoice, which needs tax stated by rate', async () => {
    const answers = tokyo((input) => {
      input.fee.tax = null;
    });
    const json = (await post(answers, deposit, 'application/json')).json();
    expect(json.taxes).toEqual([]);
    const text = await wordText(answers);
    expect(text).not.toContain('本請求書は適格請求書です');
    expect(text).not.toContain('10%対象');
    expect(text).not.toContain('消費税');
  });

  it('a company freelancer is not withheld from, and is written with its representative', async () => {
    const json = (await post(tokyo((answers) => {
      answers.freelancer.entity = 'company';
      answers.freelancer.business = '株式会社花デザイン';
      answers.freelancer.title = '代表取締役';
    }), deposit, 'application/json')).json();
    expect(json.deductions).toEqual([]);
    expect(json.total.formatted).toBe('660,000円');
    const text = await wordText(tokyo((answers) => {
      answers.freelancer.entity = 'company';
      answers.freelancer.business = '株式会社花デザイン';
      answers.freelancer.title = '代表取締役';
    }));
    expect(text).toContain('株式会社花デザイン代表取締役佐藤花子');
    expect(text).not.toContain('源泉徴収');
  });

  it('the balance resent after its due date adds 遅延損害金 by the day at the yearly rate, outside tax and withholding', async () => {
    const invoice = { kind: 'balance', number: 'INV-2027-014', issuedOn: '2027-07-30', lateFeeSince: '2027-06-30' };
    const json = (await post(tokyo(), invoice, 'application/json')).json();
    // 598,740円 asked for, 30 days late at 14.4% a year (1.2% a month): 598,740 × 14.4% × 30 / 365 = 7,086円 (fractions dropped).
    expect(json.lines.map((line: { kind: string; formatted: string }) => [line.kind, line.formatted])).toEqual([
      ['balance', '600,000円'],
      ['late-fee', '7,086円'],
    ]);
    expect(json.lines[1].description).toBe('遅延損害金（年14.4%、お支払期限2027年6月30日の翌日から30日分の日割計算、消費税の対象外）');
    expect(json.taxes[0].formatted).toBe('60,000円');
    expect(json.deductions[0].formatted).toBe('-61,260円');
    expect(json.total.formatted).toBe('605,826円');
    expect(json.lateFee).toMatchObject({ since: '2027-06-30', daysLate: 30, formatted: '7,086円' });
  });

  it('an ending the deposit covers: nothing to pay, and the rest of the deposit returned, said in Japanese', async () => {
    const json = (await post(tokyo(), { kind: 'ending', number: 'E-1', issuedOn: '2027-05-10', workDoneAmount: 200000 }, 'application/json')).json();
    // 200,000円 of work + 50% of the 1,000,000円 not earned = 700,000円 > the 600,000円 deposit: 100,000円 net still owed.
    expect(json.net.formatted).toBe('100,000円');
    const small = await wordText(tokyo((answers) => {
      answers.killFee.percentOfRemainingFee = 0;
    }), { kind: 'ending', number: 'E-3', issuedOn: '2027-05-10', workDoneAmount: 100000 });
    expect(small).toContain('お支払済みの着手金600,000円が精算額100,000円以上のため、追加のお支払いはございません。');
    expect(small).toContain('着手金の残り500,000円は、作業済み分及びキャンセル料を超えるため、14日以内に返還いたします。');
    expect(small).toContain('ご請求額0円');
    expect(small).not.toContain('お振込先');
  });
});
