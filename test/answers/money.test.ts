// Money as each currency's users write it, counted in the currency's smallest
// unit: the figures a contract prints, with fixed examples per currency.
import { describe, expect, it } from 'vitest';
import { currencyDigits, currencyName, formatMoney, formattedAmountsKept, formatPercent, isKnownCurrency, money, toMajor } from '../../src/answers/money.ts';

describe('which currencies are known', () => {
  it.each(['USD', 'EUR', 'JPY', 'KWD', 'GBP'])('%s is a currency', (code) => {
    expect(isKnownCurrency(code)).toBe(true);
  });

  it.each(['usd', 'XYZ', 'US', 'USDX', ' USD', 'U$D', ''])('%j is not', (code) => {
    expect(isKnownCurrency(code)).toBe(false);
  });
});

describe('decimals per currency', () => {
  it.each([['USD', 2], ['GBP', 2], ['JPY', 0], ['KRW', 0], ['KWD', 3], ['BHD', 3], ['CLF', 4]])('%s has %i', (code, digits) => {
    expect(currencyDigits(code)).toBe(digits);
    // Asked again (the answer is kept), the same.
    expect(currencyDigits(code)).toBe(digits);
  });
});

describe('amounts', () => {
  it('are counted in the smallest unit and read back', () => {
    expect(money(6000.5, 'USD')).toEqual({ minor: 600050, currency: 'USD' });
    expect(money(600000, 'JPY')).toEqual({ minor: 600000, currency: 'JPY' });
    expect(money(1.5, 'KWD')).toEqual({ minor: 1500, currency: 'KWD' });
    expect(money(0.1 + 0.2, 'USD').minor).toBe(30);
    expect(toMajor({ minor: 600050, currency: 'USD' })).toBe(6000.5);
    expect(toMajor({ minor: 1234, currency: 'KWD' })).toBe(1.234);
    expect(toMajor({ minor: 600000, currency: 'JPY' })).toBe(600000);
  });

  it.each([
    [6000.5, 'USD', '$6,000.50'],
    [600000, 'JPY', '¥600,000'],
    [1530, 'GBP', '£1,530.00'],
    [1.5, 'KWD', 'KWD\u00A01.500'],
    [2500, 'EUR', '€2,500.00'],
  ])('%d %s is written %s', (major, currency, written) => {
    expect(formatMoney(money(major, currency))).toBe(written);
  });
});

describe('names and percentages', () => {
  it('a currency is named as people name it; an unknown code stays a code', () => {
    expect(currencyName('JPY')).toBe('Japanese Yen');
    expect(currencyName('USD')).toBe('US Dollar');
    expect(currencyName('XYZ')).toBe('XYZ');
  });

  it.each([[50, '50%'], [1.5, '1.5%'], [27.5, '27.5%'], [8.875, '8.875%'], [0.125, '0.125%'], [33.3333, '33.3333%'], [100 / 3, '33.3333%'], [7.4375, '7.4375%'], [0, '0%']])('%d is written %s', (percent, written) => {
    expect(formatPercent(percent)).toBe(written);
  });
});

// Each amount is formatted once and kept, up to 10,000 amounts: any number of distinct amounts keeps
// the server's memory in check, and an amount past the bound is still written out (Intl puts a
// no-break space, U+00A0, after a code or a word such as kr).
describe('the amounts kept once formatted', () => {
  it('keeps a new amount once, and stops keeping at 10,000 amounts', () => {
    // Another test of the same run may have filled the cache already: then nothing more is kept.
    const before = formattedAmountsKept();
    expect(formatMoney({ currency: 'CHF', minor: 123_456 })).toBe('CHF\u00A01,234.56');
    expect(formattedAmountsKept()).toBe(Math.min(before + 1, 10_000));
    expect(formatMoney({ currency: 'CHF', minor: 123_456 })).toBe('CHF\u00A01,234.56');
    expect(formattedAmountsKept()).toBe(Math.min(before + 1, 10_000));
    for (let minor = 0; minor < 10_050; minor++) formatMoney({ currency: 'SEK', minor });
    expect(formattedAmountsKept()).toBe(10_000);
    expect(formatMoney({ currency: 'SEK', minor: 10_049 })).toBe('kr\u00A0100.49');
    expect(formatMoney({ currency: 'SEK', minor: 2_000_000 })).toBe('kr\u00A020,000.00');
    expect(formattedAmountsKept()).toBe(10_000);
  });
});
