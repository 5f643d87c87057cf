// Dates are calendar days, the same wherever the server runs: the rules are
// checked here in two far-apart time zones, where a date read or written in
// local time would move by a day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatLongDate, longDatesKept, parseIsoDate, toIsoDate } from '../../src/answers/dates.ts';

describe.each(['Pacific/Honolulu', 'Pacific/Kiritimati', 'UTC'])('with the server in %s', (zone) => {
  let before: string | undefined;
  beforeAll(() => {
    before = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });

  it('a date is written out as the day it names', () => {
    expect(formatLongDate('2026-12-01')).toBe('December 1, 2026');
    expect(formatLongDate('2028-02-29')).toBe('February 29, 2028');
  });

  it('reads and writes back the same day', () => {
    expect(toIsoDate(parseIsoDate('2026-12-01'))).toBe('2026-12-01');
    expect(parseIsoDate('2026-12-01').getTime()).toBe(Date.UTC(2026, 11, 1));
  });

  it('adds days across a month, a year and a leap day, and takes them away', () => {
    expect(addDays('2026-12-01', 14)).toBe('2026-12-15');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-01', 0)).toBe('2026-12-01');
  });

  it('counts whole days between two dates, negative when the second is earlier', () => {
    expect(daysBetween('2026-12-01', '2026-12-31')).toBe(30);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-12-01', '2026-11-30')).toBe(-1);
    expect(daysBetween('2026-12-01', '2026-12-01')).toBe(0);
  });
});

// Each date is formatted once and kept, up to 10,000 dates: a server asked for any number of
// distinct dates keeps its memory in check, and a date past the bound is still written out.
describe('the dates kept once formatted', () => {
  it('keeps a new date, keeps it once, and stops keeping at 10,000 dates', () => {
    // Another test of the same run may have filled the cache already: then nothing more is kept.
    const before = longDatesKept();
    expect(formatLongDate('1901-01-01')).toBe('January 1, 1901');
    expect(longDatesKept()).toBe(Math.min(before + 1, 10_000));
    expect(formatLongDate('1901-01-01')).toBe('January 1, 1901');
    expect(longDatesKept()).toBe(Math.min(before + 1, 10_000));
    for (let day = 1; day <= 10_050; day++) formatLongDate(addDays('1901-01-01', day));
    expect(longDatesKept()).toBe(10_000);
    // 1901-01-01 plus 10,050 days (27 years with 6 leap days to 1928-01-01, then 189 days), past the bound.
    expect(formatLongDate(addDays('1901-01-01', 10_050))).toBe('July 8, 1928');
    expect(longDatesKept()).toBe(10_000);
  });
});
