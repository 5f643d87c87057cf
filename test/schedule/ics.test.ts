import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/answers/dates.ts';
import { followUpCalendar } from '../../src/schedule/ics.ts';
import { followUpSchedule, STAGES, type Stage } from '../../src/schedule/rules.ts';

function calendar(stage: Stage, since: string, projectName = 'Harbor Coffee website redesign') {
  const actions = followUpSchedule(stage, since, { unresponsiveDays: 14 });
  const text = followUpCalendar(actions, { stage, since, projectName, clientName: 'Harbor Coffee Co.', clientEmail: 'priya@harborcoffee.example' });
  const root = new ICAL.Component(ICAL.parse(text));
  const events = root.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  return { actions, text, root, events };
}

describe('the follow-up calendar parses back as valid iCalendar with one all-day event per action', () => {
  const starts = ['2027-03-01', '2027-03-03', '2027-03-07', '2027-01-31', '2027-12-31', '2028-02-28', '2028-02-29'];
  for (const stage of STAGES) {
    it.each(starts)(`${stage} since %s`, (since) => {
      const { actions, events, root, text } = calendar(stage, since);
      expect(root.name).toBe('vcalendar');
      expect(root.getFirstPropertyValue('version')).toBe('2.0');
      expect(root.getFirstPropertyValue('prodid')).toMatch(/Contract Kit/);
      expect(events).toHaveLength(actions.length);
      events.forEach((event, index) => {
        const action = actions[index]!;
        expect(event.startDate.isDate, 'all-day (VALUE=DATE)').toBe(true);
        expect(event.startDate.toString()).toBe(action.date);
        expect(event.endDate.isDate).toBe(true);
        expect(event.endDate.toString()).toBe(addDays(action.date, 1));
        expect(event.summary).toContain(action.title);
        expect(event.description).toContain(action.todo);
        // Words a freelancer reads, never an API path (issue 23).
        if (action.letter) expect(event.description).toContain(`Letter to send: ${action.letter}. Make it on the "When the client goes quiet" page`);
        expect(event.description).not.toMatch(/\/api\/|POST /);
      });
      expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
      // RFC 5545 lines end in CRLF.
      expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    });
  }

  it('the in-progress calendar for an email sent Wednesday 3 March 2027', () => {
    const { events } = calendar('in-progress', '2027-03-03');
    expect(events.map((event) => [event.startDate.toString(), event.summary])).toEqual([
      ['2027-03-09', 'Follow up on the email still awaiting an answer (Harbor Coffee website redesign)'],
      ['2027-03-16', 'No answer for a week? Investigate (Harbor Coffee website redesign)'],
      ['2027-03-18', 'Still no answer? Pause the work (Harbor Coffee website redesign)'],
    ]);
    expect(events[2]!.description).toContain('Letter to send: work-paused');
  });

  it('the negotiating calendar names the final check-in letter and the page that makes it, in words', () => {
    const { events } = calendar('negotiating', '2027-03-01');
    expect(events.map((event) => event.startDate.toString())).toEqual(['2027-03-05', '2027-03-12']);
    expect(events[0]!.description).toContain('4 to 7 days');
    expect(events[1]!.description).toContain('Letter to send: final-check-in. Make it on the "When the client goes quiet" page of your contract');
    expect(events[1]!.description).not.toContain('/api/');
  });

  it('points at the site\'s follow-up page instead of the API when given a page address', () => {
    const actions = followUpSchedule('negotiating', '2027-03-01', { unresponsiveDays: 14 });
    const text = followUpCalendar(actions, {
      stage: 'negotiating',
      since: '2027-03-01',
      projectName: 'Harbor Coffee website redesign',
      clientName: 'Harbor Coffee Co.',
      clientEmail: 'priya@harborcoffee.example',
      letterTitle: () => 'Final check-in',
      pageUrl: 'https://contracts.example/',
    });
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events[1]!.description).toContain('Letter to send: Final check-in. Make it on the "When the client goes quiet" page');
    expect(events[1]!.description).toContain('https://contracts.example/');
    expect(events[1]!.description).not.toContain('/api/letters/');
  });

  it('keeps commas, semicolons, quotes, CJK and emoji in a project name intact', () => {
    const name = 'Café "Ōsaka"; menu, 新しいサイト 🎉';
    const { events, root } = calendar('payment-due', '2027-03-12', name);
    expect(events[0]!.summary).toContain(name);
    expect(events[0]!.description.split('\n')[0]).toBe(`${name} (Harbor Coffee Co.)`);
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe(`Follow-up: ${name}`);
  });

  it('gives the same UIDs for the same project, stage and date, so a re-import updates rather than duplicates', () => {
    expect(calendar('payment-due', '2027-03-12').events.map((e) => e.uid)).toEqual(calendar('payment-due', '2027-03-12').events.map((e) => e.uid));
    expect(calendar('payment-due', '2027-03-12').events[0]!.uid).not.toBe(calendar('payment-due', '2027-03-12', 'Other').events[0]!.uid);
  });
});
