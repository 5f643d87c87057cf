// Japanese withholding income tax (源泉徴収): the rates of JAPANESE.md, checked
// at the ¥1,000,000 boundary, and the lines it adds to the deposit and balance.
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { contractMoney, ending, withholdingOn } from '../../src/contract/settlement.ts';
import { sampleInput } from '../helpers/samples.ts';

const yen = (minor: number) => ({ minor, currency: 'JPY' });

describe('withholding on one payment: 10.21% up to ¥1,000,000, 20.42% above, yen fractions dropped', () => {
  it.each([
    [600_000, 61_260],
    [100_000, 10_210],
    [1_000_000, 102_100],
    [1_000_001, 102_100],
    [1_000_005, 102_101],
    [1_500_000, 204_200],
    [99, 10],
    [9, 0],
    [0, 0],
    [-5_000, 0],
  ])('¥%i withholds ¥%i', (payment, withheld) => {
    expect(withholdingOn(yen(payment))).toEqual(yen(withheld));
  });

  it('is refused for another currency rather than guessed', () => {
    expect(() => withholdingOn({ minor: 100, currency: 'USD' })).toThrow(RangeError);
  });
});

describe('the Tokyo contract: ¥1,200,000 with a 50% deposit, for an individual', () => {
  const answers = answersSchema.parse(sampleInput('ja/tokyo-fixed'));
  const figures = contractMoney(answers);

  it('the deposit: ¥600,000 + 消費税 ¥60,000, ¥61,260 withheld, ¥598,740 transferred', () => {
    const bill = figures.depositBill;
    expect(bill.net).toEqual(yen(600_000));
    expect(bill.taxes[0]).toMatchObject({ label: '消費税', percent: 10, amount: yen(60_000) });
    expect(bill.gross).toEqual(yen(660_000));
    expect(bill.deductions).toEqual([expect.objectContaining({ kind: 'withholding', amount: yen(-61_260) })]);
    expect(bill.total).toEqual(yen(598_740));
  });

  it('the balance is withheld on its own, as a separate payment', () => {
    expect(figures.balanceBill.total).toEqual(yen(660_000 - 61_260));
  });

  it('the price itself is not a payment and carries no withholding', () => {
    expect(figures.baseBill.deductions).toEqual([]);
    expect(figures.baseBill.total).toEqual(yen(1_320_000));
  });

  it('what an ending still owes is withheld too', () => {
    const owed = ending(answers, { workDoneAmount: 900_000 }).bill;
    // Work done 900,000 + kill fee 50% of 300,000 = 1,050,000, less the 600,000 deposit: 450,000 owed.
    expect(owed.net).toEqual(yen(450_000));
    expect(owed.deductions[0]!.amount).toEqual(yen(-45_945));
    expect(owed.total).toEqual(yen(450_000 + 45_000 - 45_945));
  });

  it('a company freelancer is paid in full', () => {
    const company = sampleInput('ja/tokyo-fixed');
    company.freelancer.entity = 'company';
    expect(contractMoney(answersSchema.parse(company)).depositBill.total).toEqual(yen(660_000));
  });
});
