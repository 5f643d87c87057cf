import { describe, expect, it } from 'vitest';
import { money } from '../../src/answers/money.ts';
import { formatsFor } from '../../src/language/format.ts';

describe('formats a reader of each language expects', () => {
  it('Japanese: yen as a figure and 円, Gregorian dates in 年月日', () => {
    const ja = formatsFor('ja');
    expect(ja.money(money(1_200_000, 'JPY'))).toBe('1,200,000円');
    expect(ja.money(money(0, 'JPY'))).toBe('0円');
    expect(ja.date('2027-04-01')).toBe('2027年4月1日');
    expect(ja.date('2027-12-31')).toBe('2027年12月31日');
    expect(ja.percent(10.21)).toBe('10.21%');
  });

  it('English stays as it was', () => {
    const en = formatsFor('en');
    expect(en.money(money(6000, 'USD'))).toBe('$6,000.00');
    expect(en.money(money(600000, 'JPY'))).toBe('¥600,000');
    expect(en.date('2026-12-01')).toBe('December 1, 2026');
  });
});
