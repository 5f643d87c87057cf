// POST /api/claim-pack for a Japanese contract: the 訴状 / 支払督促 data as a Word file in the zip and as JSON.
import { unzipSync } from 'fflate';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimPackRequest, TOKYO_BALANCE, tokyoFinalNotice } from '../helpers/claim-packs.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp({ rateLimitPerMinute: 0 });
});
afterAll(async () => {
  await app.close();
});

/** The Tokyo sample's balance R-002 (¥598,740: 600,000 + 10% 消費税 − 10.21% 源泉徴収) with ¥100,000 paid. */
const tokyoPack = () =>
  claimPackRequest(sampleInput('ja/tokyo-fixed'), '2027-08-30', [{ ...TOKYO_BALANCE, paid: [['2027-08-10', 100000]] }], [tokyoFinalNotice('2027-08-20')]);

const post = (payload: unknown, accept?: string) =>
  app.inject({ method: 'POST', url: '/api/claim-pack', payload: payload as object, headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) } });

describe('the Japanese claim pack', () => {
  it('ends with the 訴状 and 支払督促 data as a Word file: the court, the sum, the claim and its cause', async () => {
    const response = await post(tokyoPack());
    expect(response.statusCode).toBe(200);
    const files = unzipSync(response.rawPayload);
    expect(Object.keys(files).filter((name) => !name.includes('/')).sort()).toEqual(['4 経過一覧表.docx', '5 請求金額計算書.docx', '6 訴状及び支払督促の記載事項.docx']);
    const text = openDocx(files['6 訴状及び支払督促の記載事項.docx']!).text();
    expect(text).toContain('手続：少額訴訟　事件名：報酬請求事件　提出先：東京簡易裁判所');
    // 598,740 − 100,000 = 498,740, from the day after the due date 29 Jul at the contract's 1.2% a month.
    expect(text).toContain('被告は、原告に対し、498,740円及びこれに対する2027年7月30日から支払済みまで年14.4%の割合による金員を支払え。');
    expect(text).toContain('原告は、被告に対し、2027年8月20日付け「最終催告書」（内容証明郵便）により支払を催告した。');
    expect(text).toContain('この住所を管轄するのは東京簡易裁判所です。');
    expect(text).toContain('0120-532-110（未確認の番号です。');
  });

  it('gives the same data as JSON with Accept: application/json, beside the statement', async () => {
    const response = await post(tokyoPack(), 'application/json');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.statement.outstanding).toEqual({ minor: 498740, currency: 'JPY' });
    expect(body.japaneseCourtClaim).toMatchObject({
      procedure: 'small-claims',
      procedureName: '少額訴訟',
      court: '東京簡易裁判所',
      claimValue: { minor: 498740, currency: 'JPY' },
      defendant: { name: '株式会社みどり商事', address: '東京都千代田区丸の内1-1-1', representative: '代表取締役 山田太郎' },
      paymentOrder: { possible: true, debtorCourt: '東京簡易裁判所' },
    });
    expect(body.japaneseCourtClaim.attachments).toEqual([
      '業務委託契約書（写し）　1通',
      '請求書（写し）　1通',
      '最終催告書（内容証明郵便）の謄本及び配達証明書　各1通',
      '資格証明書（被告の登記事項証明書）　1通',
    ]);
  });

  it('has no court claim once everything is paid', async () => {
    const pack = tokyoPack();
    pack.payments = [{ date: '2027-08-10', amount: 598740, invoice: 'R-002' }];
    const body = (await post(pack, 'application/json')).json();
    expect(body.japaneseCourtClaim).toBeUndefined();
    const files = unzipSync((await post(pack)).rawPayload);
    expect(Object.keys(files)).not.toContain('6 訴状及び支払督促の記載事項.docx');
  });

  it('refuses a payment in yen with decimals, asking for a whole number at its field', async () => {
    const pack = tokyoPack();
    pack.payments[0]!.amount = 100000.5;
    const response = await post(pack);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: 'payments.0.amount', message: 'Enter the amount paid as a whole number, without decimals' }]);
  });
});
