// Worked examples of statutory interest and compensation, each computed by hand
// from the statute and the rate in force (the working is written beside it), never
// by the code under test. Interest: simple, by the day, 365-day year, from the day
// after the due date to the day asked about, both counted; rounded once, half up.
import { describe, expect, it } from 'vitest';
import { formatMoney, money } from '../../src/answers/money.ts';
import { statutoryRemedy, type ContractTerms } from '../../src/claims/statutory-interest.ts';
import { latePaymentStatuteFor, loadStatuteBook } from '../../src/jurisdictions/statutes.ts';

const business: ContractTerms = { clientKind: 'business', lateFeePercentPerMonth: 0 };

function remedy(place: string, amount: number, currency: string, dueDate: string, asOf: string, terms: ContractTerms = business) {
  const book = loadStatuteBook();
  const statute = latePaymentStatuteFor(place, book);
  if (!statute) throw new Error(`no late-payment statute for ${place}`);
  return statutoryRemedy(book, statute, { amount: money(amount, currency), dueDate, asOf }, terms);
}

function figures(place: string, amount: number, currency: string, dueDate: string, asOf: string, terms: ContractTerms = business) {
  const result = remedy(place, amount, currency, dueDate, asOf, terms);
  if (result.status !== 'applies') return { status: result.status };
  return {
    days: result.periods.reduce((sum, period) => sum + period.days, 0),
    percents: result.periods.map((period) => period.percent),
    interest: formatMoney(result.interest),
    compensation: result.compensation ? formatMoney(result.compensation) : undefined,
    lateCharge: result.lateCharge,
  };
}

describe('worked examples: the interest and compensation a person computes from the statute', () => {
  it.each([
    {
      example: 'England: £5,000 due 15 Jan 2026, to 16 Mar 2026',
      // Late Payment Act s. 4(2), SI 2002/1675 art. 4: interest from 16 Jan 2026 at the rate prevailing at the end of
      // the due date, a January date, so Bank Rate on the reference date 31 Dec 2025:
      // Bank Rate 3.75% (cut 18 Dec 2025) + 8 = 11.75%. Days: 16 (Jan) + 28 (Feb) + 16 (Mar) = 60.
      // 5,000 x 11.75% x 60/365 = 587.50 x 60 / 365 = 96.5753 -> £96.58. s. 5A(2)(b): £1,000-£9,999.99 -> £70.
      args: ['gb-eng', 5000, 'GBP', '2026-01-15', '2026-03-16'] as const,
      expected: { days: 60, percents: [11.75], interest: '£96.58', compensation: '£70.00', lateCharge: 'statutory' },
    },
    {
      example: 'Scotland: £3,570 due 15 Jan 2026, to 16 Mar 2026: the same Act, its Scottish rate order and fixed sums',
      // SSI 2002/336: 8% over Bank Rate on the reference date, as in England: 3.75% on 31 Dec 2025 + 8 = 11.75%, from
      // 16 Jan 2026 (s. 4 as amended by SSI 2015/226). Days: 16 + 28 + 16 = 60. 3,570 x 0.1175 = 419.475; x 60/365 =
      // 68.9548 -> £68.95. s. 5A(2)(b) as inserted by SSI 2002/335: £1,000-£9,999.99 -> £70.
      args: ['gb-sct', 3570, 'GBP', '2026-01-15', '2026-03-16'] as const,
      expected: { days: 60, percents: [11.75], interest: '£68.95', compensation: '£70.00', lateCharge: 'statutory' },
    },
    {
      example: 'England: £800 due 31 Jul 2025, to 29 Oct 2025',
      // Due date in July: reference date 30 Jun 2025, Bank Rate 4.25% (from 8 May 2025) + 8 = 12.25%, from 1 Aug 2025.
      // Days: 31 + 30 + 29 = 90. 800 x 12.25% = 98; 98 x 90/365 = 24.1644 -> £24.16. s. 5A(2)(a): under £1,000 -> £40.
      args: ['gb-eng', 800, 'GBP', '2025-07-31', '2025-10-29'] as const,
      expected: { days: 90, percents: [12.25], interest: '£24.16', compensation: '£40.00', lateCharge: 'statutory' },
    },
    {
      example: 'England: £12,000 due 20 Dec 2024, to 19 Jan 2025: the rate stays fixed after Bank Rate falls',
      // Due date in December: reference date 30 Jun 2024, Bank Rate 5.25% (cut only on 1 Aug 2024) + 8 = 13.25%,
      // kept for the whole delay. Days: 11 + 19 = 30. 12,000 x 13.25% = 1,590; x 30/365 = 130.6849 -> £130.68.
      // s. 5A(2)(c): £10,000 or more -> £100.
      args: ['gb-eng', 12000, 'GBP', '2024-12-20', '2025-01-19'] as const,
      expected: { days: 30, percents: [13.25], interest: '£130.68', compensation: '£100.00', lateCharge: 'statutory' },
    },
    {
      example: 'England: £5,000 due 30 Jun 2025, to 29 Jul 2025: the due date, not the first day of interest, picks the half year',
      // s. 4(2): the rate prevailing at the end of 30 June 2025, a January-June date: Bank Rate on 31 Dec 2024 was 4.75%
      // (from 7 Nov 2024) + 8 = 12.75%. Days: 1-29 Jul = 29. 5,000 x 12.75% = 637.50; x 29/365 = 50.6507 -> £50.65. £70.
      args: ['gb-eng', 5000, 'GBP', '2025-06-30', '2025-07-29'] as const,
      expected: { days: 29, percents: [12.75], interest: '£50.65', compensation: '£70.00', lateCharge: 'statutory' },
    },
    {
      example: 'Germany: €3,000 due 20 Jun 2025, to 20 Jul 2025, across the 1 July change',
      // BGB 288(2): Basiszinssatz + 9. 21-30 Jun: 10 days at 2.27 + 9 = 11.27%; 1-20 Jul: 20 days at 1.27 + 9 = 10.27%.
      // 3,000 x 11.27% x 10/365 = 9.2630; 3,000 x 10.27% x 20/365 = 16.8822; total 26.1452 -> €26.15. BGB 288(5): €40.
      args: ['de', 3000, 'EUR', '2025-06-20', '2025-07-20'] as const,
      expected: { days: 30, percents: [11.27, 10.27], interest: '€26.15', compensation: '€40.00', lateCharge: 'statutory' },
    },
    {
      example: 'France: €2,000 due 15 Jun 2025, to 14 Jul 2025, each half year at its own ECB rate',
      // L441-10: ECB rate + 10. 16-30 Jun: 15 days at 3.15 + 10 = 13.15%; 1-14 Jul: 14 days at 2.15 + 10 = 12.15%.
      // 2,000 x 13.15% x 15/365 = 10.8082; 2,000 x 12.15% x 14/365 = 9.3205; total 20.1288 -> €20.13. D441-5: €40.
      args: ['fr', 2000, 'EUR', '2025-06-15', '2025-07-14'] as const,
      expected: { days: 29, percents: [13.15, 12.15], interest: '€20.13', compensation: '€40.00', lateCharge: 'statutory' },
    },
    {
      example: 'Netherlands: €10,000 due 31 Mar 2025, to 30 Sep 2025',
      // BW 6:119a, 6:120(2): ECB rate + 8. 1 Apr-30 Jun: 91 days at 3.15 + 8 = 11.15%; 1 Jul-30 Sep: 92 days at 10.15%.
      // 10,000 x 11.15% x 91/365 = 277.9863; 10,000 x 10.15% x 92/365 = 255.8356; total 533.8219 -> €533.82. BW 6:96: at least €40.
      args: ['nl', 10000, 'EUR', '2025-03-31', '2025-09-30'] as const,
      expected: { days: 183, percents: [11.15, 10.15], interest: '€533.82', compensation: '€40.00', lateCharge: 'statutory' },
    },
    {
      example: 'Netherlands: €1,000 due 30 Jun 2024, to 10 Jul 2025: a full year of interest is added to the sum',
      // 1 Jul-31 Dec 2024: 184 days at 4.25 + 8 = 12.25%: 1,000 x 12.25% x 184/365 = 61.7534.
      // 1 Jan-30 Jun 2025: 181 days at 3.15 + 8 = 11.15%: 1,000 x 11.15% x 181/365 = 55.2918. Year one: 117.0452 -> €117.05 added
      // (BW 6:119(2)). 1-10 Jul 2025: 10 days at 10.15% on €1,117.05 = 3.1063. Total 120.1515 -> €120.15.
      args: ['nl', 1000, 'EUR', '2024-06-30', '2025-07-10'] as const,
      expected: { days: 375, percents: [12.25, 11.15, 10.15], interest: '€120.15', compensation: '€40.00', lateCharge: 'statutory' },
    },
    {
      example: 'Japan: ¥330,000 due 30 Apr 2026, to 29 Jul 2026, at the 法定利率',
      // 民法404条2項, 419条1項: 3% a year (法務省: 年3% until 31 Mar 2029). Days: 31 + 30 + 29 = 90.
      // 330,000 x 3% x 90/365 = 891,000 / 365 = 2,441.10 -> ¥2,441. No fixed compensation in Japanese law.
      args: ['jp', 330000, 'JPY', '2026-04-30', '2026-07-29'] as const,
      expected: { days: 90, percents: [3], interest: '¥2,441', compensation: undefined, lateCharge: 'statutory' },
    },
  ])('$example', ({ args, expected }) => {
    const [place, amount, currency, dueDate, asOf] = args;
    expect(figures(place, amount, currency, dueDate, asOf)).toEqual(expected);
  });
});

describe('the fixed compensation follows the size of the debt (Late Payment Act s. 5A(2))', () => {
  it.each([
    [999.99, '£40.00'],
    [1000, '£70.00'],
    [9999.99, '£70.00'],
    [10000, '£100.00'],
  ])('a debt of £%d gets %s', (amount, compensation) => {
    expect(figures('gb-eng', amount, 'GBP', '2026-01-15', '2026-01-20')).toMatchObject({ compensation });
  });
});

describe('who the statutes protect', () => {
  it('a consumer client owes no statutory interest under the UK Act, which covers only business-to-business contracts', () => {
    expect(remedy('gb-eng', 5000, 'GBP', '2026-01-15', '2026-03-16', { clientKind: 'consumer', lateFeePercentPerMonth: 0 })).toMatchObject({
      status: 'not-applicable',
      reason: 'consumer',
    });
  });

  it('a consumer client in Japan still owes the 法定利率, which 民法419条 gives on any money debt', () => {
    expect(figures('jp', 330000, 'JPY', '2026-04-30', '2026-07-29', { clientKind: 'consumer', lateFeePercentPerMonth: 0 })).toMatchObject({ interest: '¥2,441' });
  });

  it('a debt in dollars is not given pounds of compensation: the UK Act is not applied to it', () => {
    expect(remedy('gb-eng', 5000, 'USD', '2026-01-15', '2026-03-16')).toMatchObject({ status: 'not-applicable', reason: 'currency' });
  });

  it('nothing is owed on the due date itself: interest starts the day after', () => {
    expect(remedy('de', 3000, 'EUR', '2025-06-20', '2025-06-20')).toMatchObject({ status: 'not-applicable', reason: 'not-late' });
    expect(figures('de', 3000, 'EUR', '2025-06-20', '2025-06-21')).toMatchObject({ days: 1 });
  });
});

describe('never added twice with the contract\'s own late fee', () => {
  it('England: a late fee of 2% a month (24% a year, above 11.75%) is likely a substantial remedy, so it replaces the Act and its fixed sum', () => {
    expect(figures('gb-eng', 5000, 'GBP', '2026-01-15', '2026-03-16', { clientKind: 'business', lateFeePercentPerMonth: 2 })).toMatchObject({
      lateCharge: 'contract',
      compensation: undefined,
    });
    expect(remedy('gb-eng', 5000, 'GBP', '2026-01-15', '2026-03-16', { clientKind: 'business', lateFeePercentPerMonth: 2 })).toMatchObject({ lateChargeRule: 'substantial-remedy' });
  });

  it('England: a late fee of 0.5% a month (6% a year, below 11.75%) is likely not substantial, so the Act applies instead of it, with £70', () => {
    expect(remedy('gb-eng', 5000, 'GBP', '2026-01-15', '2026-03-16', { clientKind: 'business', lateFeePercentPerMonth: 0.5 })).toMatchObject({
      lateCharge: 'statutory',
      lateChargeRule: 'not-substantial-remedy',
      compensation: money(70, 'GBP'),
    });
  });

  it('Germany: the higher of the two (BGB 288(3)); the €40 stays either way', () => {
    const terms = (lateFee: number): ContractTerms => ({ clientKind: 'business', lateFeePercentPerMonth: 1, lateFee: money(lateFee, 'EUR') });
    expect(figures('de', 3000, 'EUR', '2025-06-20', '2025-07-20', terms(30))).toMatchObject({ lateCharge: 'contract', compensation: '€40.00' });
    expect(figures('de', 3000, 'EUR', '2025-06-20', '2025-07-20', terms(26))).toMatchObject({ lateCharge: 'statutory', compensation: '€40.00' });
  });

  it('France: the contract\'s rate replaces the ECB + 10 rate, and the €40 indemnity is still due', () => {
    expect(figures('fr', 2000, 'EUR', '2025-06-15', '2025-07-14', { clientKind: 'business', lateFeePercentPerMonth: 1.5 })).toMatchObject({
      lateCharge: 'contract',
      compensation: '€40.00',
    });
  });

  it('Japan: a contract that sets its own 遅延損害金 is followed (民法420条), not the 法定利率', () => {
    expect(figures('jp', 330000, 'JPY', '2026-04-30', '2026-07-29', { clientKind: 'business', lateFeePercentPerMonth: 1 })).toMatchObject({ lateCharge: 'contract' });
  });
});

describe('a rate the data does not hold yet is refused, never guessed', () => {
  it('England: a due date in January 2027 needs Bank Rate on 31 December 2026, which the table does not reach', () => {
    expect(remedy('gb-eng', 5000, 'GBP', '2027-01-15', '2027-02-15')).toMatchObject({ status: 'rate-unknown', table: 'bank-of-england-bank-rate', date: '2026-12-31' });
  });

  it('England: a due date in July 2026 takes Bank Rate on 30 June 2026, held at 3.75% on 18 June', () => {
    // SI 2002/1675 art. 4: reference date 30 June 2026; the MPC held 3.75% on 19 March, 30 April and 18 June 2026.
    // 3.75 + 8 = 11.75%; 16 Jul to 15 Aug 2026 = 16 + 15 = 31 days; 5,000 x 0.1175 x 31 / 365 = 49.8973 -> £49.90.
    expect(figures('gb-eng', 5000, 'GBP', '2026-07-15', '2026-08-15')).toMatchObject({ days: 31, percents: [11.75], interest: '£49.90', compensation: '£70.00' });
  });

  it('Germany: a delay running into the second half of 2026 needs that half year\'s Basiszinssatz', () => {
    expect(remedy('de', 3000, 'EUR', '2026-06-20', '2026-07-20')).toMatchObject({ status: 'rate-unknown', table: 'de-basiszinssatz', date: '2026-07-01' });
  });
});
