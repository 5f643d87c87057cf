// The Japanese facts: how the parties are named (屋号こと 氏名, 会社名 代表者),
// the kind of contract, the late fee as a yearly rate, 消費税 or none, the
// worked ending, the courts of the place, and the edition's title and file
// properties. Fixed examples from the three Japanese samples and their edges.
import { describe, expect, it } from 'vitest';
import { answersSchema, type Answers } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { computeJaFacts } from '../../src/contract/facts-ja.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { blockToText, sectionToText } from '../../src/contract/plain-text.ts';
import { sampleInput } from '../helpers/samples.ts';

const english = loadContractLibrary();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function answers(name: string, change: (input: any) => void = () => {}): Answers {
  const input = sampleInput(name);
  change(input);
  return answersSchema.parse(input);
}
const clause = (a: Answers, id: string) => sectionToText(assembleContract(a, english).sections.find((section) => section.id === id)!);

describe('how each party is named', () => {
  it('a sole trader with a trade name: 屋号こと 氏名, signing as the person', () => {
    expect(computeJaFacts(answers('ja/tokyo-fixed')).freelancer).toMatchObject({
      written: '花デザイン事務所こと 佐藤花子',
      legalName: '佐藤花子',
      business: '花デザイン事務所',
      hasBusiness: true,
      representative: '',
      hasRepresentative: false,
      isCompany: false,
      title: '',
    });
  });

  it('a sole trader without one: the name alone', () => {
    expect(computeJaFacts(answers('ja/yokohama-retainer')).freelancer).toMatchObject({ written: '田中美穂', legalName: '田中美穂', business: '', hasBusiness: false });
  });

  it('a company: the company and its representative with a title, or 代表者 without one', () => {
    expect(computeJaFacts(answers('ja/osaka-hourly')).freelancer).toMatchObject({
      written: '合同会社スズキ翻訳 代表社員 鈴木一郎',
      legalName: '合同会社スズキ翻訳',
      representative: '代表社員 鈴木一郎',
      hasRepresentative: true,
      isCompany: true,
    });
    const untitled = answers('ja/osaka-hourly', (i) => {
      delete i.freelancer.title;
      delete i.client.title;
    });
    const facts = computeJaFacts(untitled);
    expect(facts.freelancer).toMatchObject({ written: '合同会社スズキ翻訳 代表者 鈴木一郎', representative: '代表者 鈴木一郎' });
    expect(facts.client).toMatchObject({ written: '株式会社なにわ出版 代表者 高橋美咲', representative: '代表者 高橋美咲' });
    // The 前文 defines each company by its name; the representative is named where the company acts (notices, signatures).
    expect(facts.client.defined).toBe('株式会社なにわ出版');
    expect((assembleContract(untitled, english).preamble ?? []).map(blockToText).join('')).toContain('株式会社なにわ出版（以下「委託者」という。）と合同会社スズキ翻訳（以下「受託者」という。）');
    expect(clause(untitled, 'notices')).toContain('委託者　株式会社なにわ出版 代表者 高橋美咲');
  });

  it('a client without a business is a person, named alone', () => {
    const facts = computeJaFacts(answers('ja/tokyo-fixed', (i) => delete i.client.business));
    expect(facts.client).toMatchObject({ written: '山田太郎', legalName: '山田太郎', representative: '', hasRepresentative: false, hasBusiness: false });
  });

  it('the registration number and the Freelance Act', () => {
    expect(computeJaFacts(answers('ja/osaka-hourly')).freelancer).toMatchObject({ registrationNumber: 'T9234567890123', isRegistered: true, protectedByFreelanceAct: false });
    expect(computeJaFacts(answers('ja/tokyo-fixed')).freelancer).toMatchObject({ registrationNumber: '', isRegistered: false, protectedByFreelanceAct: true });
  });
});

describe('the kind of contract and the fee', () => {
  it('a fixed price is 請負; hourly and retainer work is 準委任', () => {
    expect(computeJaFacts(answers('ja/tokyo-fixed'))).toMatchObject({ contractKind: '請負', isUkeoi: true });
    expect(computeJaFacts(answers('ja/osaka-hourly'))).toMatchObject({ contractKind: '準委任', isUkeoi: false });
    expect(computeJaFacts(answers('ja/yokohama-retainer'))).toMatchObject({ contractKind: '準委任', isUkeoi: false });
  });

  it('the late fee a month as a yearly rate: 1.2% is 年14.4%, 1% is 年12%, none is none', () => {
    expect(computeJaFacts(answers('ja/tokyo-fixed')).fee).toMatchObject({ lateFeeYearly: '年14.4%', hasLateFee: true });
    expect(computeJaFacts(answers('ja/yokohama-retainer')).fee).toMatchObject({ lateFeeYearly: '年12%', hasLateFee: true });
    expect(computeJaFacts(answers('ja/tokyo-fixed', (i) => (i.fee.lateFeePercentPerMonth = 0))).fee.hasLateFee).toBe(false);
    expect(clause(answers('ja/tokyo-fixed'), 'late-payment')).toContain('未払額に対し年14.4%の割合（年365日の日割計算）');
  });

  it('hourly: the rate and the hours; a retainer: the month and its hours', () => {
    expect(computeJaFacts(answers('ja/osaka-hourly')).fee).toMatchObject({ rate: '6,000円', estimatedHours: '80', monthly: '', hoursPerMonth: '', total: '480,000円', noticeDays: 0 });
    expect(computeJaFacts(answers('ja/yokohama-retainer')).fee).toMatchObject({ rate: '', estimatedHours: '', monthly: '250,000円', hoursPerMonth: '20', noticeDays: 30 });
  });

  it('0 days to pay: due on the day of delivery; 1 day: the day after, counting delivery as the first (Freelance Act art. 4)', () => {
    const onReceipt = answers('ja/tokyo-fixed', (i) => (i.fee.paymentDueDays = 0));
    expect(computeJaFacts(onReceipt).fee).toMatchObject({ paymentDueDays: 0, isDueOnReceipt: true });
    expect(clause(onReceipt, 'fees')).toContain('委託者が成果物の納入を受けた日を残金の支払期日とし');
    const nextDay = answers('ja/tokyo-fixed', (i) => (i.fee.paymentDueDays = 1));
    expect(computeJaFacts(nextDay).fee).toMatchObject({ paymentDueDays: 1, isDueOnReceipt: false });
    expect(clause(nextDay, 'fees')).toContain('委託者が成果物の納入を受けた日から起算して1日目の日を残金の支払期日とし');
  });

  it('the account to pay into, or the one on the invoice when none is given', () => {
    expect(computeJaFacts(answers('ja/tokyo-fixed')).fee).toMatchObject({ paymentMethod: 'みずほ銀行 世田谷支店 普通 1234567 サトウハナコ', hasPaymentMethod: true });
    const none = answers('ja/osaka-hourly');
    expect(computeJaFacts(none).fee).toMatchObject({ paymentMethod: '', hasPaymentMethod: false });
    expect(clause(none, 'fees')).toContain('支払は、受託者が請求書に記載する口座への振込みにより行う。');
  });

  it('with 消費税: the tax on the price and the price with it', () => {
    expect(computeJaFacts(answers('ja/tokyo-fixed')).fee).toMatchObject({ hasTax: true, taxLabel: '消費税', taxPercent: '10%', totalTax: '120,000円', totalGross: '1,320,000円' });
  });

  it('a tax-exempt freelancer (免税事業者, tax: null): no 消費税 at all, every tax 0円', () => {
    const facts = computeJaFacts(answers('ja/tokyo-fixed', (i) => (i.fee.tax = null)));
    expect(facts.fee).toMatchObject({ hasTax: false, taxLabel: '', taxPercent: '', totalTax: '0円', totalGross: '1,200,000円' });
    expect(facts.deposit).toMatchObject({ net: '600,000円', tax: '0円', gross: '600,000円', withholding: '61,260円', transfer: '538,740円' });
  });

  it('源泉徴収 at the statutory rates, and what each payment transfers', () => {
    const facts = computeJaFacts(answers('ja/tokyo-fixed'));
    expect(facts.fee.withholding).toBe(true);
    expect(facts.fee.withholdingRate).toBe('1回の支払額のうち1,000,000円以下の部分は10.21%、これを超える部分は20.42%');
    expect(facts.deposit).toMatchObject({ percent: '50%', net: '600,000円', tax: '60,000円', gross: '660,000円', withholding: '61,260円', transfer: '598,740円', inFull: false, nonRefundable: true });
    expect(facts.deposit.balance).toEqual({ net: '600,000円', tax: '60,000円', gross: '660,000円', withholding: '61,260円', transfer: '598,740円' });
    // A company is not withheld from.
    expect(computeJaFacts(answers('ja/osaka-hourly')).deposit).toMatchObject({ withholding: '0円', transfer: '158,400円' });
  });
});

describe('the worked ending', () => {
  it('hourly: the hours worked, the kill fee, and what is still to pay after the deposit', () => {
    expect(computeJaFacts(answers('ja/osaka-hourly')).killFee).toEqual({
      unresponsiveDays: 10,
      percent: '20%',
      hasKillFee: true,
      taxed: false,
      example: {
        workDone: '96,000円',
        hours: '16',
        noticeGiven: 0,
        noticeMissing: 0,
        feeNotEarned: '384,000円',
        killFee: '76,800円',
        earned: '172,800円',
        deposit: '144,000円',
        hasDeposit: true,
        owed: '28,800円',
        owesNothing: false,
        refund: '0円',
        hasRefund: false,
      },
    });
  });

  it('a retainer: the days of notice given and missing, and no work-done figure', () => {
    expect(computeJaFacts(answers('ja/yokohama-retainer')).killFee.example).toMatchObject({
      workDone: '',
      hours: '',
      noticeGiven: 10,
      noticeMissing: 20,
      feeNotEarned: '166,667円',
      killFee: '83,333円',
      hasDeposit: false,
    });
  });

  it('a deposit larger than the ending: the part beyond work done and キャンセル料 refunded, non-refundable or not (民法420条・90条)', () => {
    const kept = computeJaFacts(answers('ja/tokyo-fixed', (i) => (i.killFee.percentOfRemainingFee = 0))).killFee;
    expect(kept.hasKillFee).toBe(false);
    expect(kept.example).toMatchObject({ earned: '240,000円', owed: '0円', owesNothing: true, refund: '360,000円', hasRefund: true });
    const refunded = computeJaFacts(answers('ja/tokyo-fixed', (i) => {
      i.killFee.percentOfRemainingFee = 0;
      i.deposit.nonRefundable = false;
    })).killFee.example;
    expect(refunded).toMatchObject({ refund: '360,000円', hasRefund: true });
  });
});

describe('the courts and the rest', () => {
  it('the district and summary courts of the place, and the small-claims limit', () => {
    expect(computeJaFacts(answers('ja/yokohama-retainer')).jurisdiction).toEqual({
      place: '横浜',
      districtCourt: '横浜地方裁判所',
      summaryCourt: '横浜簡易裁判所',
      smallClaims: false,
      smallClaimsLimit: '600,000円',
      consumerRule: expect.stringContaining('消費者契約法第9条第1項第1号'),
    });
  });

  it('dates, the project and ownership as the contract writes them', () => {
    const facts = computeJaFacts(answers('ja/tokyo-fixed'));
    expect(facts.effectiveDate).toBe('2027年4月1日');
    expect(facts.project).toMatchObject({ startDate: '2027年4月5日', endDate: '2027年6月30日', hasEndDate: true, revisionRounds: 2, acceptanceDays: 10 });
    expect(computeJaFacts(answers('ja/yokohama-retainer')).project).toMatchObject({ endDate: '', hasEndDate: false });
    expect(facts.ownership).toEqual({ copyright: 'assign-to-client', portfolioUse: true, isExclusive: false });
    expect(computeJaFacts(answers('ja/yokohama-retainer')).ownership).toEqual({ copyright: 'retain-and-license', portfolioUse: false, isExclusive: true });
  });
});
