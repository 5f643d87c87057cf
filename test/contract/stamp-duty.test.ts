// The revenue stamp (収入印紙) a paper 請負 contract needs: 印紙税法 別表第一
// 第2号文書, by the contract amount before tax. Each step of the table at
// its edges, and the note the signatures clause prints for each case.
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { computeJaFacts, stampDutyYen } from '../../src/contract/facts-ja.ts';
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function tokyo(change: (input: any) => void) {
  const input = sampleInput('ja/tokyo-fixed');
  change(input);
  return answersSchema.parse(input);
}
const signatures = (answers: ReturnType<typeof tokyo>) =>
  sectionToText(assembleContract(answers, english).sections.find((section) => section.id === 'signatures')!);

describe('the stamp note under the signatures', () => {
  it('a fixed price in yen names the stamp for the amount before tax', () => {
    const answers = tokyo(() => {});
    expect(computeJaFacts(answers).stamp).toEqual({ required: true, amount: '400円', belowThreshold: false });
    expect(signatures(answers)).toContain('契約金額1,200,000円（消費税別）に応じた400円の収入印紙を貼付する');
  });

  it('¥10,000 needs ¥200; ¥9,999 needs none, and says why', () => {
    expect(computeJaFacts(tokyo((i) => (i.fee.total = 10_000))).stamp).toEqual({ required: true, amount: '200円', belowThreshold: false });
    const below = tokyo((i) => (i.fee.total = 9_999));
    expect(computeJaFacts(below).stamp).toEqual({ required: false, amount: '0円', belowThreshold: true });
    expect(signatures(below)).toContain('契約金額が1万円未満のため、本契約書に収入印紙は不要である。');
  });

  it('a fixed price in another currency is converted to yen by the reader, not guessed', () => {
    const dollars = tokyo((i) => {
      i.fee.currency = 'USD';
      i.fee.total = 5_000;
      i.fee.withholding = false;
    });
    expect(computeJaFacts(dollars).stamp).toEqual({ required: false, amount: '0円', belowThreshold: false });
    expect(signatures(dollars)).toContain('契約金額を円に換算した額に応じた収入印紙を貼付する');
  });

  it('hourly work (準委任) needs no stamp, even above ¥10,000', () => {
    const hourly = tokyo((i) => {
      i.fee = { model: 'hourly', currency: 'JPY', rate: 5_000, estimatedHours: 40, paymentDueDays: 30, lateFeePercentPerMonth: 1 };
    });
    expect(computeJaFacts(hourly).stamp).toEqual({ required: false, amount: '0円', belowThreshold: false });
    expect(signatures(hourly)).toContain('本契約は準委任契約であり、通常、印紙税の課税文書に当たらないため、収入印紙は不要である。');
  });
});
