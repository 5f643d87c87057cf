// Issue 28, Japan: the claim pack's 訴状 / 支払督促 document opens in LibreOffice, and its printed
// text carries the procedure, the court and the sums the statement of account gives, worked by hand:
// the Tokyo sample's balance R-002 is 600,000 + 60,000 消費税 − 61,260 源泉徴収 = 598,740円; with
// 100,000円 paid, 498,740円 is owed, ≤ 600,000円, so a 少額訴訟 at 東京簡易裁判所, interest at the
// contract's 1.2% a month (年14.4%) from the day after the due date (29 July 2027).
import { unzipSync } from 'fflate';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libreOfficePrinter, type Printer } from '../helpers/libreoffice.ts';
import { sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

const FILE = '6 訴状及び支払督促の記載事項.docx';
let app: FastifyInstance;
let printer: Printer;
let text: string;

beforeAll(async () => {
  app = await buildTestApp({ rateLimitPerMinute: 0 });
  printer = await libreOfficePrinter('claims-ja-e2e-');
  const response = await app.inject({
    method: 'POST',
    url: '/api/claim-pack',
    headers: { 'content-type': 'application/json' },
    payload: {
      answers: sampleInput('ja/tokyo-fixed'),
      asOf: '2027-08-30',
      invoices: [{ kind: 'balance', number: 'R-002', issuedOn: '2027-06-30' }],
      payments: [{ date: '2027-08-10', amount: 100000, invoice: 'R-002' }],
      letters: [{ kind: 'final-notice', letter: { date: '2027-08-20', invoice: { number: 'R-002', amount: 598740, issuedOn: '2027-06-30', dueDate: '2027-07-29' } } }],
    },
  });
  expect(response.statusCode).toBe(200);
  const docx = unzipSync(response.rawPayload)[FILE];
  expect(docx, `${FILE} in the zip`).toBeDefined();
  // LibreOffice sets spaces between Japanese and Latin digits when it lays text out; the words are what count.
  text = (await printer.printedText(Buffer.from(docx!), 'court-claim-ja')).replace(/\s+/g, '');
}, 300_000);

afterAll(async () => {
  await printer?.close();
  await app?.close();
});

describe('the Japanese 訴状 / 支払督促 document, printed by LibreOffice', () => {
  it('names the procedure, the case and the court', () => {
    expect(text).toContain('訴状及び支払督促の記載事項');
    expect(text).toContain('手続：少額訴訟事件名：報酬請求事件提出先：東京簡易裁判所');
  });

  it('claims 498,740円 with interest at 年14.4% from 2027年7月30日', () => {
    expect(text).toContain('訴訟物の価額：498,740円');
    expect(text).toContain('被告は、原告に対し、498,740円及びこれに対する2027年7月30日から支払済みまで年14.4%の割合による金員を支払え。');
  });

  it('gives the cause from the invoice, the payment and the 内容証明 demand, and lists what to attach', () => {
    expect(text).toContain('2027年6月30日付け請求書（番号R-002）により598,740円を請求した。');
    expect(text).toContain('被告は、2027年8月10日、請求書R-002の報酬のうち100,000円を支払った。');
    expect(text).toContain('2027年8月20日付け「最終催告書」（内容証明郵便）により支払を催告した。');
    expect(text).toContain('最終催告書（内容証明郵便）の謄本及び配達証明書');
  });

  it('sends the 支払督促 to the debtor\'s court, and prints the hotline number as unconfirmed', () => {
    expect(text).toContain('この住所を管轄するのは東京簡易裁判所です。');
    expect(text).toContain('0120-532-110（未確認の番号です。');
  });
});
