// How an amount typed by a person is read against the contract's currency
// (src/answers/money.ts's readAmount), and the wizard's other number boxes
// (form-values.ts's toNumber): what is read, what is asked about, what is
// refused. The pages' words for each are tested in test/web/wizard-typing.test.ts.
import { describe, expect, it } from 'vitest';
import { asciiForm } from '../../src/answers/text.ts';
import { formatAmountSuggestion, readAmount } from '../../src/answers/money.ts';
import { toIsoDateText, toNumber } from '../../src/web/wizard/form-values.ts';

describe('an amount as typed', () => {
  it.each([
    ['6,000', 'USD', 6000],
    ['$6,000.50', 'USD', 6000.5],
    ['US$6,000', 'USD', 6000],
    ['6.000,50 €', 'EUR', 6000.5],
    ['6000,5', 'EUR', 6000.5],
    ['1.200.000', 'EUR', 1_200_000],
    ['12,00,000', 'INR', 1_200_000],
    ['１，２００，０００円', 'JPY', 1_200_000],
    ['￥６，０００', 'JPY', 6000],
    ['6 000 kr', 'SEK', 6000],
    ['CA$6,000', 'CAD', 6000],
    ['6.000', 'KWD', 6], // three decimals is this currency's own
  ])('%s in %s is %s', (typed, currency, value) => {
    expect(readAmount(typed, currency)).toEqual({ kind: 'amount', value });
  });

  it('"6.000" in a currency with cents could be either: both readings are offered', () => {
    expect(readAmount('6.000', 'USD')).toEqual({ kind: 'thousands-or-decimals', thousands: 6000, decimals: 6 });
    expect(readAmount('6.500', 'GBP')).toEqual({ kind: 'thousands-or-decimals', thousands: 6500, decimals: 6.5 });
  });

  it('"6.000" in yen can only be six thousand', () => {
    expect(readAmount('6.000', 'JPY')).toEqual({ kind: 'thousands-or-decimals', thousands: 6000 });
  });

  it('another currency\'s sign or code is refused, naming it', () => {
    expect(readAmount('€6,000', 'USD')).toEqual({ kind: 'other-currency', written: '€' });
    expect(readAmount('6000 kr', 'USD')).toEqual({ kind: 'other-currency', written: 'kr' });
    expect(readAmount('GBP 6000', 'USD')).toEqual({ kind: 'other-currency', written: 'GBP' });
    expect(readAmount('6,000円', 'USD')).toEqual({ kind: 'other-currency', written: '円' });
  });

  it('letters that name no currency are not an amount', () => {
    expect(readAmount('abc 6000', 'USD')).toEqual({ kind: 'not-amount' });
    expect(readAmount('lots', 'USD')).toEqual({ kind: 'not-amount' });
  });

  it('suggestions are rounded to the currency, without zero cents', () => {
    expect(formatAmountSuggestion(6000.125, 'USD')).toBe('6,000.13');
    expect(formatAmountSuggestion(6000.001, 'USD')).toBe('6,000');
    expect(formatAmountSuggestion(600000.5, 'JPY')).toBe('600,001');
  });
});

// The edges of each way of writing an amount, one case a rule, each reading written out by hand:
// a pattern that lost its anchor, its count or its repeat reads another of these wrongly.
describe('an amount as typed, at the edges of each way of writing one', () => {
  it.each([
    ['6 000 € ', 'EUR', 6000, 'a space typed after the currency'],
    ['6000 kr.', 'SEK', 6000, 'the Swedish krona written with its point'],
    ['USD 6000', 'USD', 6000, "the contract's own code before the amount"],
    ['6000 usd', 'USD', 6000, 'and after it, in lower case'],
    ['-6,000', 'USD', -6000, 'a minus sign'],
    ['+6000', 'USD', 6000, 'a plus sign'],
    ['60,000.50', 'USD', 60000.5, 'two digits before the first comma, with cents'],
    ['1,200,000.50', 'USD', 1200000.5, 'two thousands commas and cents'],
    ['60.000,50', 'EUR', 60000.5, 'two digits before the first point, with a decimal comma'],
    ['1.200.000,50', 'EUR', 1200000.5, 'two thousands points and a decimal comma'],
    ['600,000', 'USD', 600000, 'three digits before a thousands comma'],
    ['1,00,00,000', 'INR', 10_000_000, 'a crore in Indian grouping'],
    ['6000,50', 'EUR', 6000.5, 'a decimal comma before two digits'],
    ['12.000.000', 'EUR', 12_000_000, 'two digits before thousands points'],
    ['.50', 'USD', 0.5, 'cents alone'],
    ['6000.50', 'USD', 6000.5, 'a decimal point without thousands'],
  ])('%s in %s is %s (%s)', (typed, currency, value) => {
    expect(readAmount(typed, currency)).toEqual({ kind: 'amount', value });
  });

  it.each([
    ['6000-', 'a minus sign after the digits'],
    ['6,0000', 'a thousands comma before four digits'],
    ['12345,678.50', 'five digits before a thousands comma'],
    ['6,000.50,5', 'a comma after the cents'],
    ['12345.678,50', 'five digits before a thousands point'],
    ['6.000,50.5', 'a point after the decimal comma'],
    ['12345,678', 'five digits before the only comma'],
    ['6,000,0', 'one digit after the last thousands comma'],
    ['123,45,678', 'three digits before Indian grouping'],
    ['12,00,000,5', 'a digit after Indian grouping'],
    ['1,5,25', 'two decimal commas'],
    ['6000,505', 'three digits after a comma that follows four'],
    ['1.200.000.5', 'one digit after thousands points'],
    ['12345.678.000', 'five digits before thousands points'],
    ['6.5.5', 'two decimal points'],
    ['0x10', 'a hexadecimal number'],
    ['1e5', 'a number in scientific notation'],
    ['9'.repeat(400), 'digits beyond any number a double holds'],
  ])('%s is not an amount (%s)', (typed) => {
    expect(readAmount(typed, 'USD')).toEqual({ kind: 'not-amount' });
  });

  it('with no currency, or one the runtime does not know, every marker is let through and cents are assumed', () => {
    expect(readAmount('$6,000')).toEqual({ kind: 'amount', value: 6000 });
    expect(readAmount('$6,000', 'ABC')).toEqual({ kind: 'amount', value: 6000 });
    expect(readAmount('6.000')).toEqual({ kind: 'thousands-or-decimals', thousands: 6000, decimals: 6 });
    expect(readAmount('6.000', 'ABC')).toEqual({ kind: 'thousands-or-decimals', thousands: 6000, decimals: 6 });
  });

  it('"60.000" in dollars is asked about too: sixty thousand, or sixty', () => {
    expect(readAmount('60.000', 'USD')).toEqual({ kind: 'thousands-or-decimals', thousands: 60000, decimals: 60 });
    expect(readAmount('-6.000', 'USD')).toEqual({ kind: 'thousands-or-decimals', thousands: -6000, decimals: -6 });
  });
});

describe('numbers, dates and phone numbers as typed', () => {
  it('a decimal comma before one or two digits is a decimal; before three it is thousands', () => {
    expect(toNumber('1,5')).toBe(1.5);
    expect(toNumber('12,25')).toBe(12.25);
    expect(toNumber('1,500')).toBe(1500);
  });

  it('full-width digits and signs are the same number', () => {
    expect(toNumber('１．５％')).toBe(1.5);
    expect(toNumber('３０')).toBe(30);
    expect(toNumber('１２，０００')).toBe(12_000);
  });

  it('dates typed with slashes, full-width, or 年月日 are read as ISO dates', () => {
    expect(toIsoDateText('２０２７／３／１')).toBe('2027-03-01');
    expect(toIsoDateText('2027年3月1日')).toBe('2027-03-01');
    expect(toIsoDateText('2027-03-01')).toBe('2027-03-01');
    expect(toIsoDateText('March 1')).toBe('March 1');
  });

  it('phone numbers from a Japanese keyboard become plain digits and dashes', () => {
    expect(asciiForm('０３－１２３４－５６７８')).toBe('03-1234-5678');
    expect(asciiForm('03ー1234ー5678')).toBe('03-1234-5678');
    expect(asciiForm('+1 (415) 555-0100')).toBe('+1 (415) 555-0100');
  });
});
