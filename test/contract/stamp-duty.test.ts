// The revenue stamp (収入印紙) a paper 請負 contract needs: 印紙税法 別表第一
// 第2号文書, by the contract amount before tax. Each step of the table at
// its edges, and the note the signatures clause prints for each case.
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { computeJaFacts, stampDutyNo1Yen, stampDutyYen } from '../../src/contract/facts-ja.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { sectionToText } from '../../src/contract/plain-text.ts';
import { sampleInput } from '../helpers/samples.ts';

const english = loadContractLibrary();

describe('the stamp duty by contract amount', () => {
  it.each([
    [0, 0],
    [9_999, 0],
    [10_000, 200],
    [1_000_000, 200],
    [1_000_001, 400],
    [2_000_000, 400],
    [2_000_001, 1_000],
    [3_000_000, 1_000],
    [3_000_001, 2_000],
    [5_000_000, 2_000],
    [5_000_001, 10_000],
    [10_000_000, 10_000],
    [10_000_001, 20_000],
    [50_000_000, 20_000],
    [50_000_001, 60_000],
    [100_000_000, 60_000],
    [100_000_001, 100_000],
    [500_000_000, 100_000],
    [500_000_001, 200_000],
    [1_000_000_000, 200_000],
    [1_000_000_001, 400_000],
  ])('¥%i needs a ¥%i stamp', (amount, duty) => {
    expect(stampDutyYen(amount)).toBe(duty);
  });
});


describe('the stamp duty of an assignment of copyright (第1号の1文書) by contract amount', () => {
  it.each([
    [9_999, 0],
    [10_000, 200],
    [100_000, 200],
    [100_001, 400],
    [500_000, 400],
    [500_001, 1_000],
    [1_000_000, 1_000],
    [1_000_001, 2_000],
    [5_000_000, 2_000],
    [5_000_001, 10_000],
    [10_000_000, 10_000],
    [10_000_001, 20_000],
    [50_000_001, 60_000],
    [100_000_001, 100_000],
    [500_000_001, 200_000],
    [1_000_000_001, 400_000],
    [5_000_000_000, 400_000],
    [5_000_000_001, 600_000],
  ])('¥%i needs a ¥%i stamp', (amount, duty) => {
    expect(stampDutyNo1Yen(amount)).toBe(duty);
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function tokyo(change: (input: any) => void) {
  const input = sampleInput('ja/tokyo-fixed');
  change(input);
  return answersSchema.parse(input);
}
const signatures = (answers: ReturnType<typeof tokyo>) =>
  sectionToText(assembleContract(answers, english).sections.find((section) => section.id === 'signatures')!);
const keeps = (input: { ownership: { copyright: string } }) => (input.ownership.copyright = 'retain-and-license');
const NO_1 = '第1号の1文書（無体財産権の譲渡に関する契約書）';
const NO_2 = '第2号文書（請負に関する契約書）';

describe('the stamp note under the signatures', () => {
  it('a fixed price in yen that keeps the copyright: 第2号文書, by the amount before tax', () => {
    const answers = tokyo(keeps);
    expect(computeJaFacts(answers).stamp).toEqual({ required: true, amount: '400円', belowThreshold: false, documentClass: NO_2, byAmount: true });
    expect(signatures(answers)).toContain(`${NO_2}として、契約金額1,200,000円（消費税別）に応じた400円の収入印紙を貼付する`);
  });

  it('a fixed price that assigns the copyright: 第1号の1文書 under 通則3ロ, 2,000円 for 1,200,000円', () => {
    const answers = tokyo(() => {});
    expect(computeJaFacts(answers).stamp).toEqual({ required: true, amount: '2,000円', belowThreshold: false, documentClass: NO_1, byAmount: true });
    expect(signatures(answers)).toContain(`${NO_1}として、契約金額1,200,000円（消費税別）に応じた2,000円の収入印紙を貼付する`);
    expect(signatures(answers)).toContain('通則3ロ');
  });

  it('¥10,000 needs ¥200; ¥9,999 needs none, and says why', () => {
    expect(computeJaFacts(tokyo((i) => (i.fee.total = 10_000))).stamp).toMatchObject({ required: true, amount: '200円', belowThreshold: false });
    const below = tokyo((i) => (i.fee.total = 9_999));
    expect(computeJaFacts(below).stamp).toMatchObject({ required: false, amount: '0円', belowThreshold: true });
    expect(signatures(below)).toContain('契約金額が1万円未満のため、本契約書に収入印紙は不要である。');
  });

  it('a fixed price in another currency is converted to yen by the reader, not guessed', () => {
    const dollars = tokyo((i) => {
      keeps(i);
      i.fee.currency = 'USD';
      i.fee.total = 5_000;
      i.fee.withholding = false;
    });
    expect(computeJaFacts(dollars).stamp).toEqual({ required: false, amount: '0円', belowThreshold: false, documentClass: NO_2, byAmount: true });
    expect(signatures(dollars)).toContain('契約金額を円に換算した額に応じた収入印紙を貼付する');
  });

  it('hourly work (準委任) that keeps the copyright needs no stamp, even above ¥10,000', () => {
    const hourly = tokyo((i) => {
      keeps(i);
      i.fee = { model: 'hourly', currency: 'JPY', rate: 5_000, estimatedHours: 40, paymentDueDays: 30, lateFeePercentPerMonth: 1 };
    });
    expect(computeJaFacts(hourly).stamp).toEqual({ required: false, amount: '0円', belowThreshold: false, documentClass: '', byAmount: false });
    expect(signatures(hourly)).toContain('印紙税の課税文書に当たらず、収入印紙は不要である。');
  });

  it('hourly work (準委任) that assigns the copyright is a 第1号の1文書 with no amount for the transfer: 200円', () => {
    const hourly = tokyo((i) => {
      i.fee = { model: 'hourly', currency: 'JPY', rate: 5_000, estimatedHours: 40, paymentDueDays: 30, lateFeePercentPerMonth: 1 };
    });
    expect(computeJaFacts(hourly).stamp).toEqual({ required: true, amount: '200円', belowThreshold: false, documentClass: NO_1, byAmount: false });
    expect(signatures(hourly)).toContain(`${NO_1}として、譲渡の対価の額を記載していない契約書に当たる200円の収入印紙を貼付する`);
  });
});
