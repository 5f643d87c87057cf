import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, parseIsoDate } from '../../src/answers/dates.ts';
import { inProgressSchedule, negotiatingSchedule, paymentDueSchedule, startOfWeek, tuesdayOfFollowingWeek } from '../../src/schedule/rules.ts';

const weekday = (iso: string) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][parseIsoDate(iso).getUTCDay()];
const dates = (actions: { date: string }[]) => actions.map((action) => action.date);

describe('in progress: the first follow-up is on the Tuesday of the following week (weeks start on Monday)', () => {
  // Monday 1 March 2027 to Sunday 7 March 2027: one week, so one Tuesday.
  it.each([
    ['2027-03-01', 'Mon'],
    ['2027-03-02', 'Tue'],
    ['2027-03-03', 'Wed'],
    ['2027-03-04', 'Thu'],
    ['2027-03-05', 'Fri'],
    ['2027-03-06', 'Sat'],
    ['2027-03-07', 'Sun'],
  ])('an email sent on %s (%s) is followed up on Tuesday 9 March 2027', (since, day) => {
    expect(weekday(since)).toBe(day);
    expect(tuesdayOfFollowingWeek(since)).toBe('2027-03-09');
  });

  it('the next Monday starts a new week', () => {
    expect(tuesdayOfFollowingWeek('2027-03-08')).toBe('2027-03-16');
  });

  it.each([
    ['2026-12-31', '2027-01-05', 'across the year end (Thursday)'],
    ['2027-12-27', '2028-01-04', 'a Monday in the last week of the year'],
    ['2027-01-31', '2027-02-02', 'a month end on a Sunday'],
    ['2027-04-30', '2027-05-04', 'a month end on a Friday'],
    ['2028-02-28', '2028-03-07', 'the Monday before 29 February in a leap year'],
    ['2028-02-29', '2028-03-07', '29 February itself'],
    ['2024-02-29', '2024-03-05', '29 February on a Thursday'],
    ['2027-02-28', '2027-03-02', 'the last day of February in a common year (Sunday)'],
  ])('%s -> %s (%s)', (since, tuesday) => {
    expect(tuesdayOfFollowingWeek(since)).toBe(tuesday);
  });

  it('for 400 consecutive days, the follow-up is a Tuesday 2 to 8 days later, in the next week', () => {
    for (let i = 0; i < 400; i += 1) {
      const since = addDays('2027-01-01', i);
      const tuesday = tuesdayOfFollowingWeek(since);
      expect(weekday(tuesday)).toBe('Tue');
      expect(daysBetween(startOfWeek(since), startOfWeek(tuesday))).toBe(7);
      const gap = daysBetween(since, tuesday);
      expect(gap).toBeGreaterThanOrEqual(2);
      expect(gap).toBeLessThanOrEqual(8);
    }
  });

  it('investigates a week after the Tuesday, and pauses once the contract allows it', () => {
    expect(inProgressSchedule('2027-03-03', 14).map((a) => [a.id, a.date, a.letter])).toEqual([
      ['tuesday-follow-up', '2027-03-09', undefined],
      ['investigate', '2027-03-16', undefined],
      // Counted from the day after 3 March, 14 days of silence end on the 17th: the pause goes out on the 18th.
      ['pause-work', '2027-03-18', 'work-paused'],
    ]);
    // A contract with a long silence period: the pause waits for it (30 days from 4 March end on 2 April).
    expect(inProgressSchedule('2027-03-03', 30).at(-1)!.date).toBe('2027-04-03');
    // A short one: the pause still leaves a day to investigate.
    expect(inProgressSchedule('2027-03-03', 3).at(-1)!.date).toBe('2027-03-17');
  });

  it('the investigate step says what to check, as the article does', () => {
    const investigate = inProgressSchedule('2027-03-03', 14)[1]!;
    expect(investigate.todo).toMatch(/address/);
    expect(investigate.todo).toMatch(/Call/);
    expect(investigate.todo).toMatch(/signs of activity/);
  });
});

describe('negotiating: 4 days after the unanswered message, then a last one a week later', () => {
  it.each([
    ['2027-03-01', '2027-03-05', '2027-03-12'],
    ['2027-03-05', '2027-03-09', '2027-03-16'],
    ['2027-03-07', '2027-03-11', '2027-03-18'],
    ['2027-01-29', '2027-02-02', '2027-02-09'],
    ['2027-02-25', '2027-03-01', '2027-03-08'],
    ['2028-02-25', '2028-02-29', '2028-03-07'],
    ['2026-12-30', '2027-01-03', '2027-01-10'],
  ])('since %s: %s and %s', (since, first, last) => {
    expect(dates(negotiatingSchedule(since))).toEqual([first, last]);
  });

  it("the first follow-up names the article's 4-7-day window; the last one is the final check-in", () => {
    const [first, last] = negotiatingSchedule('2027-03-01');
    expect(first!.todo).toContain('4 to 7 days');
    expect(first!.todo).toContain('2027-03-05 to 2027-03-08');
    expect(last!.letter).toBe('final-check-in');
  });
});

describe('payment due: follow up, resend, late notices at 30, 60 and 90 days, then the final notice', () => {
  it.each([
    ['2027-03-12', ['2027-03-13', '2027-03-19', '2027-04-11', '2027-05-11', '2027-06-10', '2027-06-20']],
    ['2027-01-31', ['2027-02-01', '2027-02-07', '2027-03-02', '2027-04-01', '2027-05-01', '2027-05-11']],
    ['2028-01-31', ['2028-02-01', '2028-02-07', '2028-03-01', '2028-03-31', '2028-04-30', '2028-05-10']],
    ['2027-12-15', ['2027-12-16', '2027-12-22', '2028-01-14', '2028-02-13', '2028-03-14', '2028-03-24']],
  ])('due %s', (due, expected) => {
    const actions = paymentDueSchedule(due);
    expect(dates(actions)).toEqual(expected);
    expect(actions.map((a) => a.letter)).toEqual(['payment-reminder', 'payment-reminder', 'late-notice', 'late-notice', 'late-notice', 'final-notice']);
  });

  it('the day-7 resend asks for every channel and adds no late fee: the first one is due on day 30', () => {
    const actions = paymentDueSchedule('2027-03-12');
    expect(actions[1]!.title).toBe('Resend the invoice');
    expect(actions[1]!.todo).toMatch(/email, certified mail, fax/);
    expect(actions[1]!.todo).toContain('No late fee is due yet');
    const day30 = actions.find((a) => a.id === 'late-notice-30')!;
    expect(day30.date).toBe('2027-04-11');
    expect(day30.title).toBe('30-day late-payment notice, with the late fee');
    expect(day30.todo).toContain('resend the invoice with the late fee added');
  });

  it('the late notices are numbered, and a final-notice event follows the 90-day notice', () => {
    const actions = paymentDueSchedule('2027-03-12');
    expect(actions.filter((a) => a.letter === 'late-notice').map((a) => /Send the (\w+) late-payment notice/.exec(a.todo)![1])).toEqual(['first', 'second', 'third']);
    const final = actions.at(-1)!;
    expect(final).toMatchObject({ id: 'final-notice', title: 'Final notice', letter: 'final-notice' });
    expect(final.todo).toMatch(/small-claims court/);
  });

  it('without a late fee or small claims in the contract, the calendar mentions neither', () => {
    const actions = paymentDueSchedule('2027-03-12', { hasLateFee: false, smallClaims: false });
    const text = actions.map((a) => `${a.title} ${a.todo}`).join(' ');
    expect(text).not.toMatch(/late fee/);
    expect(text).not.toMatch(/small-claims/);
    expect(actions.at(-1)!.todo).toContain('legal action in the court your contract names');
  });
});
