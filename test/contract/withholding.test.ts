// Japanese withholding income tax (源泉徴収): the rates of JAPANESE.md, checked
// at the ¥1,000,000 boundary, and the lines it adds to the deposit and balance.
import { beforeEach, describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { balanceBill, contractMoney, ending, withDailyLateFee, withholdingOn, withLateCharges, type ContractMoney } from '../../src/contract/settlement.ts';
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
    // Fractions of half a yen or more are dropped too, at each rate and across the boundary
    // (worked by hand: 5 × 10.21% = 0.5105; 999,999 × 10.21% = 102,099.8979;
    // 102,100 + 3 × 20.42% = 102,100.6126; 102,100 + 234,567 × 20.42% = 149,998.5814).
    [5, 0],
    [999_999, 102_099],
    [1_000_003, 102_100],
    [1_234_567, 149_998],
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
  // Built before each test, not as the file is collected: a mutant is on only while tests run (test/README.md).
  let figures!: ContractMoney;
  beforeEach(() => {
    figures = contractMoney(answers);
  });

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
    // 消費税 on the work only: the kill fee is compensation, 不課税 (issue 23, point 1), so 10% of 900,000 − 600,000.
    expect(owed.taxes[0]!.amount).toEqual(yen(30_000));
    expect(owed.total).toEqual(yen(450_000 + 30_000 - 45_945));
  });

  it('a company freelancer is paid in full', () => {
    const company = sampleInput('ja/tokyo-fixed');
    company.freelancer.entity = 'company';
    expect(contractMoney(answersSchema.parse(company)).depositBill.total).toEqual(yen(660_000));
  });
});

describe('an invoice with more lines than the contract\'s payments', () => {
  const answers = answersSchema.parse(sampleInput('ja/tokyo-fixed'));

  it('expenses billed with the balance are withheld from too: they are paid to the freelancer with the fee', () => {
    const bill = balanceBill(answers, { expenses: [{ description: '写真素材', amount: 20_000 }] });
    // 600,000 + 20,000 = 620,000: 消費税 62,000, withheld 10.21% of 620,000 = 63,302.
    expect(bill.taxes[0]!.amount).toEqual(yen(62_000));
    expect(bill.deductions).toEqual([expect.objectContaining({ kind: 'withholding', amount: yen(-63_302) })]);
    expect(bill.total).toEqual(yen(620_000 + 62_000 - 63_302));
  });

  it('遅延損害金 is added by the day at the yearly rate, and is neither taxed nor withheld from', () => {
    const balance = contractMoney(answers).balanceBill;
    const { bill, late } = withDailyLateFee(balance, 14.4, '2027-06-30', '2027-07-30');
    // 598,740 × 14.4% × 30 / 365 = 7,086.4: 7,086.
    expect(late).toMatchObject({ daysLate: 30, lateFee: yen(7_086) });
    expect(bill.lines.at(-1)).toMatchObject({ kind: 'late-fee', taxable: false, amount: yen(7_086) });
    expect(bill.taxes).toEqual(balance.taxes);
    expect(bill.deductions).toEqual(balance.deductions);
    expect(bill.total).toEqual(yen(598_740 + 7_086));
  });

  it('a statute\'s interest and its fixed sum for recovery costs are damages too: neither taxed nor withheld from', () => {
    const balance = contractMoney(answers).balanceBill;
    const bill = withLateCharges(balance, [
      { kind: 'statutory-interest', label: '法定利率による遅延損害金', amount: yen(1_476) },
      { kind: 'statutory-compensation', label: '回収費用', amount: yen(5_000) },
    ]);
    // The balance's 600,000 + 消費税 60,000 − 61,260 withheld = 598,740, and the two charges on top as they are.
    expect(bill.taxes).toEqual([expect.objectContaining({ amount: yen(60_000) })]);
    expect(bill.deductions).toEqual([expect.objectContaining({ kind: 'withholding', amount: yen(-61_260) })]);
    expect(bill.total).toEqual(yen(598_740 + 1_476 + 5_000));
  });

  it('on or before the due date nothing is added', () => {
    const balance = contractMoney(answers).balanceBill;
    expect(withDailyLateFee(balance, 14.4, '2027-06-30', '2027-06-30').bill).toEqual(balance);
  });
});
