import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/answers/money.ts';
import { lateFigures } from '../../src/letters/facts.ts';

const figures = (amount: number, currency: string, percent: number, dueDate: string, letterDate: string) => {
  const result = lateFigures({ amount, dueDate }, currency, percent, letterDate);
  return { daysLate: result.daysLate, periods: result.periods, lateFee: formatMoney(result.lateFee), balance: formatMoney(result.balance) };
};

describe('late fee: the monthly percentage for each full 30 days late', () => {
  it("the issue's example: 45 days late on $6,000.00 at 1.5% is $90.00, balance $6,090.00", () => {
    expect(figures(6000, 'USD', 1.5, '2027-03-12', '2027-04-26')).toEqual({ daysLate: 45, periods: 1, lateFee: '$90.00', balance: '$6,090.00' });
  });

  it.each([
    [29, 0, '$0.00', '$6,000.00'],
    [30, 1, '$90.00', '$6,090.00'],
    [59, 1, '$90.00', '$6,090.00'],
    [60, 2, '$180.00', '$6,180.00'],
    [90, 3, '$270.00', '$6,270.00'],
    [120, 4, '$360.00', '$6,360.00'],
  ])('USD: %i days late is %i period(s), fee %s, balance %s', (days, periods, lateFee, balance) => {
    const letterDate = new Date(Date.UTC(2027, 0, 1 + days)).toISOString().slice(0, 10);
    expect(figures(6000, 'USD', 1.5, '2027-01-01', letterDate)).toEqual({ daysLate: days, periods, lateFee, balance });
  });

  it('USD: cents are rounded once per period, so the balance adds up from the printed fee', () => {
    // 1.5% of $1,234.57 is $18.51855 -> $18.52 a period; three periods $55.56.
    expect(figures(1234.57, 'USD', 1.5, '2027-01-01', '2027-04-01')).toMatchObject({ periods: 3, lateFee: '$55.56', balance: '$1,290.13' });
  });

  it('USD: the fee is rounded per period, then multiplied: $1,000.30 at 1.5% is $15.00 a period, $45.00 for three (not $45.01)', () => {
    // 1.5% of $1,000.30 is $15.0045: $15.00 on each invoice line. Rounding the
    // three periods at once ($45.0135) would give $45.01, a cent the client never saw.
    expect(figures(1000.3, 'USD', 1.5, '2027-01-01', '2027-04-01')).toMatchObject({ periods: 3, lateFee: '$45.00', balance: '$1,045.30' });
    // 1.5% of $100.30 is $1.5045 -> $1.50 a period, $3.00 for two; at once it would be $3.01.
    expect(figures(100.3, 'USD', 1.5, '2027-01-01', '2027-03-02')).toMatchObject({ periods: 2, lateFee: '$3.00', balance: '$103.30' });
  });

  it('GBP: £1,530.00 at 2% for 61 days is £30.60 twice, £61.20, balance £1,591.20', () => {
    expect(figures(1530, 'GBP', 2, '2027-05-31', '2027-07-31')).toEqual({ daysLate: 61, periods: 2, lateFee: '£61.20', balance: '£1,591.20' });
  });

  it('JPY has no decimals: ¥600,000 at 1.5% for 95 days is ¥27,000, balance ¥627,000', () => {
    expect(figures(600_000, 'JPY', 1.5, '2027-01-10', '2027-04-15')).toEqual({ daysLate: 95, periods: 3, lateFee: '¥27,000', balance: '¥627,000' });
  });

  it('JPY rounds the fee to a whole yen: 1.5% of ¥100,001 is ¥1,500', () => {
    expect(figures(100_001, 'JPY', 1.5, '2027-01-10', '2027-02-10')).toMatchObject({ periods: 1, lateFee: '¥1,500', balance: '¥101,501' });
  });

  it('a contract without a late fee adds nothing, however late', () => {
    expect(figures(6000, 'USD', 0, '2027-01-01', '2027-12-01')).toMatchObject({ lateFee: '$0.00', balance: '$6,000.00' });
  });

  it('an invoice not yet due is not late and carries no fee', () => {
    expect(figures(6000, 'USD', 1.5, '2027-03-12', '2027-03-01')).toMatchObject({ daysLate: -11, periods: 0, lateFee: '$0.00' });
  });

  it('counts days late across February in a leap year and in a common year', () => {
    expect(figures(100, 'USD', 1, '2028-02-28', '2028-03-29')).toMatchObject({ daysLate: 30, periods: 1 });
    expect(figures(100, 'USD', 1, '2027-02-28', '2027-03-29')).toMatchObject({ daysLate: 29, periods: 0 });
  });
});
