// The Japanese claim pack's 訴状 / 支払督促 data (src/claims/court-claim-ja.ts), figures worked by hand.
//
// The Tokyo sample: ¥1,200,000 fixed, 50% deposit, 30 days to pay, 1.2% a month late (年14.4%), a company
// client at 東京都千代田区丸の内, the contract's courts 東京. Each invoice is half the fee with 10% 消費税 and
// less 10.21% 源泉徴収: 600,000 + 60,000 − 61,260 = ¥598,740. Deposit R-001 sent 1 Apr 2027, due on receipt;
// balance R-002 sent 30 Jun 2027, due 29 Jul 2027 as the invoice prints it.
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/answers/money.ts';
import { assembleClaimPack } from '../../src/claims/claim-pack.ts';
import { claimPackRequestSchema } from '../../src/claims/claim-pack-request.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { claimPackRequest, TOKYO_BALANCE, tokyoFinalNotice, type PackInvoice } from '../helpers/claim-packs.ts';
import { sampleInput } from '../helpers/samples.ts';

const libraries = { contract: loadContractLibrary(), letters: loadLetterLibrary() };
const HELP_LINE = 'フリーランス・トラブル110番：弁護士による無料相談と和解あっせん（厚生労働省委託、第二東京弁護士会運営）。電話 0120-532-110（未確認の番号です。https://freelance110.mhlw.go.jp/ でご確認ください）　https://freelance110.mhlw.go.jp/';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function tokyo(change: (answers: any) => void = () => {}, overrides: Record<string, unknown> = {}) {
  const answers = sampleInput('ja/tokyo-fixed');
  change(answers);
  const invoices: PackInvoice[] = [
    { kind: 'deposit', number: 'R-001', issuedOn: '2027-04-01', paid: [['2027-04-10', 598740]] },
    { ...TOKYO_BALANCE, paid: [['2027-08-10', 100000]] },
  ];
  return { ...claimPackRequest(answers, '2027-08-30', invoices, [tokyoFinalNotice('2027-08-20')]), ...overrides };
}

const claimOf = (input: unknown) => assembleClaimPack(claimPackRequestSchema.parse(input), libraries).courtClaimJa;

describe('the Japanese court claim', () => {
  it('¥498,740 still owed (598,740 − 100,000): a 少額訴訟 at the contract\'s 東京簡易裁判所, every fact of the claim in its cause', () => {
    const { claim } = claimOf(tokyo())!;
    expect(claim.procedure).toBe('small-claims');
    expect(claim.procedureName).toBe('少額訴訟');
    expect(claim.caseName).toBe('報酬請求事件');
    expect(formatMoney(claim.claimValue)).toBe('¥498,740');
    expect(claim.court).toBe('東京簡易裁判所');
    expect(claim.plaintiff).toEqual({ name: '佐藤花子（花デザイン事務所）', address: '東京都世田谷区北沢2-1-1' });
    expect(claim.defendant).toEqual({ name: '株式会社みどり商事', address: '東京都千代田区丸の内1-1-1', representative: '代表取締役 山田太郎' });
    expect(claim.claimStatement).toEqual([
      '被告は、原告に対し、498,740円及びこれに対する2027年7月30日から支払済みまで年14.4%の割合による金員を支払え。',
      '訴訟費用は被告の負担とする。',
      'との判決並びに仮執行の宣言を求める。',
    ]);
    expect(claim.causes).toEqual([
      '原告と被告は、2027年4月1日、原告が被告から「コーポレートサイトのリニューアル」の業務（株式会社みどり商事のコーポレートサイトのデザイン及びコーディング。）を受託し、被告が原告に報酬1,200,000円を支払う旨の業務委託契約（以下「本件契約」という。）を締結した。',
      '原告は、本件契約に基づき本件業務を行い、2027年6月30日までに成果物を被告に引き渡した。',
      '原告は、被告に対し、2027年4月1日付け請求書（番号R-001）により598,740円を請求した。その支払期日は2027年4月1日である。',
      '原告は、被告に対し、2027年6月30日付け請求書（番号R-002）により598,740円を請求した。その支払期日は2027年7月29日である。',
      '被告は、2027年4月10日、請求書R-001の報酬のうち598,740円を支払った。',
      '被告は、2027年8月10日、請求書R-002の報酬のうち100,000円を支払った。',
      '原告は、被告に対し、2027年8月20日付け「最終催告書」（内容証明郵便）により支払を催告した。',
      'しかし、被告は、支払期日を過ぎても残額498,740円を支払わない。',
      'よって、原告は、被告に対し、本件契約に基づく報酬498,740円及びこれに対する各支払期日の翌日から支払済みまで本件契約所定の年14.4%の割合による遅延損害金の支払を求める。',
    ]);
    expect(claim.attachments).toEqual([
      '業務委託契約書（写し）　1通',
      '請求書（写し）　2通',
      '最終催告書（内容証明郵便）の謄本及び配達証明書　各1通',
      '資格証明書（被告の登記事項証明書）　1通',
    ]);
    // 支払督促: the court of the debtor's head office, whatever court the contract agreed; 千代田区 is 東京簡易裁判所's.
    expect(claim.paymentOrder).toEqual({
      possible: true,
      court: '被告の本店所在地（東京都千代田区丸の内1-1-1）を管轄する簡易裁判所（民事訴訟法第383条第1項）',
      debtorCourt: '東京簡易裁判所',
    });
    expect(claim.help[0]).toBe(HELP_LINE);
    expect(claim.help.slice(1).map((line) => line.split('：')[0])).toEqual(['公正取引委員会', '中小企業庁', '厚生労働省（都道府県労働局）']);
  });

  it('both invoices unpaid, ¥1,197,480: over ¥600,000, so an ordinary claim at the 簡易裁判所, interest on each part from its own day', () => {
    const { claim } = claimOf(tokyo(undefined, { payments: [], letters: [] }))!;
    expect(formatMoney(claim.claimValue)).toBe('¥1,197,480');
    expect(claim.procedure).toBe('summary-court');
    expect(claim.procedureName).toBe('通常訴訟（簡易裁判所）');
    expect(claim.court).toBe('東京簡易裁判所');
    expect(claim.claimStatement[0]).toBe(
      '被告は、原告に対し、1,197,480円及びうち598,740円に対する2027年4月2日から支払済みまで年14.4%、うち598,740円に対する2027年7月30日から支払済みまで年14.4%の各割合による金員を支払え。',
    );
    // No letter sent: no demand in the cause, none attached.
    expect(claim.causes.some((cause) => cause.includes('催告した'))).toBe(false);
    expect(claim.attachments).toEqual(['業務委託契約書（写し）　1通', '請求書（写し）　2通', '資格証明書（被告の登記事項証明書）　1通']);
  });

  it('a ¥2,000,000 fee unpaid, ¥1,995,800 (2 × 997,900): over ¥1,400,000, so the 東京地方裁判所', () => {
    // Each half: 1,000,000 + 100,000 消費税 − 102,100 源泉徴収 (10.21%) = ¥997,900.
    const { claim } = claimOf(tokyo((answers) => (answers.fee.total = 2000000), { payments: [], letters: [] }))!;
    expect(formatMoney(claim.claimValue)).toBe('¥1,995,800');
    expect(claim.procedure).toBe('district-court');
    expect(claim.procedureName).toBe('通常訴訟（地方裁判所）');
    expect(claim.court).toBe('東京地方裁判所');
  });

  it('a contract that left small claims out gives an ordinary claim even under ¥600,000', () => {
    const { claim } = claimOf(tokyo((answers) => (answers.jurisdiction.smallClaims = false)))!;
    expect(formatMoney(claim.claimValue)).toBe('¥498,740');
    expect(claim.procedure).toBe('summary-court');
  });

  it('with no late fee in the contract, claims the 法定利率 of 3% (民法404条) and says so', () => {
    const { claim } = claimOf(tokyo((answers) => (answers.fee.lateFeePercentPerMonth = 0)))!;
    expect(claim.claimStatement[0]).toBe('被告は、原告に対し、498,740円及びこれに対する2027年7月30日から支払済みまで年3%の割合による金員を支払え。');
    expect(claim.causes.at(-1)).toBe('よって、原告は、被告に対し、本件契約に基づく報酬498,740円及びこれに対する各支払期日の翌日から支払済みまで民法所定の年3%の割合による遅延損害金の支払を求める。');
  });

  it('a client in 大阪市 gets no court named from the address alone, only where to start looking; a client abroad, no 支払督促', () => {
    const osaka = claimOf(tokyo((answers) => (answers.client.address = '大阪府大阪市北区梅田1-1-1')))!.claim;
    expect(osaka.paymentOrder).toEqual({
      possible: true,
      court: '被告の本店所在地（大阪府大阪市北区梅田1-1-1）を管轄する簡易裁判所（民事訴訟法第383条第1項）',
      prefectureSeatCourt: '大阪簡易裁判所',
    });
    // The 訴状 still goes to the court the contract agreed.
    expect(osaka.court).toBe('東京簡易裁判所');
    const abroad = claimOf(tokyo((answers) => (answers.client.address = '1 Market Street, San Francisco, CA 94105, USA')))!.claim;
    expect(abroad.paymentOrder.possible).toBe(false);
  });

  it('a client who is a person is sued by name, and no company certificate is attached', () => {
    const { claim } = claimOf(tokyo((answers) => {
      delete answers.client.business;
      delete answers.client.title;
    }))!;
    expect(claim.defendant).toEqual({ name: '山田太郎', address: '東京都千代田区丸の内1-1-1' });
    expect(claim.attachments).not.toContain('資格証明書（被告の登記事項証明書）　1通');
    expect(claim.paymentOrder.court).toBe('被告の住所地（東京都千代田区丸の内1-1-1）を管轄する簡易裁判所（民事訴訟法第383条第1項）');
  });

  it('is left out when nothing is owed, and for an English pack', () => {
    expect(claimOf(tokyo(undefined, { payments: [{ date: '2027-04-10', amount: 598740, invoice: 'R-001' }, { date: '2027-08-10', amount: 598740, invoice: 'R-002' }] }))).toBeUndefined();
    expect(claimOf({ answers: sampleInput('new-client-fixed'), asOf: '2027-05-12', invoices: [{ kind: 'balance', number: 'INV-002', issuedOn: '2027-02-26' }] })).toBeUndefined();
  });

  it('as a document: the procedure and the court, then 請求の趣旨, 請求の原因, 添付書類, the 支払督促 and where to get help', () => {
    const { document } = claimOf(tokyo())!;
    expect(document.title).toBe('訴状及び支払督促の記載事項');
    expect(document.subtitle).toBe('報酬請求事件　少額訴訟　東京簡易裁判所');
    const text = JSON.stringify(document.blocks);
    const order = ['手続：少額訴訟　事件名：報酬請求事件　提出先：東京簡易裁判所', '請求の趣旨', '請求の原因', '添付書類', '支払督促による場合', 'この住所を管轄するのは東京簡易裁判所です。', '無料の相談先・申出先'];
    const positions = order.map((words) => text.indexOf(words));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(text).toContain('訴訟物の価額：498,740円（遅延損害金は含めません。民事訴訟法第9条第2項）');
  });
});
