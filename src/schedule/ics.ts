// The follow-up schedule as an iCalendar file (RFC 5545) made with the `ics`
// package: one all-day event per action, each saying what to do and which
// letter of the kit to send. All-day dates carry no time zone (VALUE=DATE),
// so the action lands on the same day wherever the calendar is opened.
import { createHash } from 'node:crypto';
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addDays } from '../answers/dates.ts';
import { cleanLine, cleanText } from '../answers/text.ts';
import { safeFileStem } from '../contract/file-name.ts';
import type { ScheduleRequest } from './request.ts';
import { followUpSchedule, type FollowUpAction, type Stage } from './rules.ts';
import { CALENDAR_WORDS, type CalendarWords, type ScheduleFacts } from './words.ts';

export const ICS_PRODUCT_ID = '-//Contract Kit//Follow-up calendar//EN';

export interface CalendarContext {
  readonly stage: Stage;
  readonly since: string;
  readonly projectName: string;
  readonly clientName: string;
  /** Salts the event UIDs so two projects never share one; re-importing the same file updates, not duplicates. */
  readonly clientEmail: string;
  /** The letter's title as the library names it ("Final check-in"); the kind itself otherwise. */
  readonly letterTitle?: (kind: string) => string;
  /**
   * Where a person makes the letters on this site ("When the client goes
   * quiet", from a draft or an uploaded answers file). Without it, the event
   * points to the home page in words: a freelancer reads it, not a program.
   */
  readonly pageUrl?: string;
  /** The language the events are written in (English when absent) and what its wording needs. */
  readonly words?: CalendarWords;
  readonly facts?: ScheduleFacts;
}

const toDateArray = (iso: string): DateArray => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return [year, month, day];
};

const ENGLISH = CALENDAR_WORDS.en;

/** The action's title and what to do, in the calendar's language. */
function wordsFor(action: FollowUpAction, context: CalendarContext) {
  const words = context.words ?? ENGLISH;
  return context.facts ? words.action(action, context.facts) : { title: action.title, todo: action.todo };
}

function describe(action: FollowUpAction, context: CalendarContext): string {
  const words = context.words ?? ENGLISH;
  const lines = [words.withProject(context.projectName, context.clientName), '', wordsFor(action, context).todo];
  if (action.letter) {
    const title = words.letterTitle?.(action.letter) ?? context.letterTitle?.(action.letter) ?? action.letter;
    lines.push('', words.letterLine(title, { pageUrl: context.pageUrl }));
  }
  return cleanText(lines.join('\n'));
}

export function followUpCalendar(actions: readonly FollowUpAction[], context: CalendarContext): string {
  const salt = createHash('sha256').update(`${context.projectName}\n${context.clientEmail}`).digest('hex').slice(0, 12);
  const events: EventAttributes[] = actions.map((action) => ({
    uid: `${context.stage}-${action.id}-${context.since}-${salt}@contract-kit`,
    title: cleanLine((context.words ?? ENGLISH).withProject(wordsFor(action, context).title, context.projectName)),
    description: describe(action, context),
    start: toDateArray(action.date),
    // All-day events end on the next day (exclusive), as RFC 5545 and the ics README require.
    end: toDateArray(addDays(action.date, 1)),
    transp: 'TRANSPARENT',
    busyStatus: 'FREE',
    categories: ['Follow-up'],
  }));
  const { error, value } = createEvents(events, {
    productId: ICS_PRODUCT_ID,
    calName: cleanLine((context.words ?? ENGLISH).calendarName(context.projectName)),
  });
  if (error || !value) throw error ?? new Error('the calendar could not be made');
  return value;
}

/** The calendar file for a schedule request, with the name it is downloaded under. */
export function scheduleCalendarFile(
  { answers, stage, since }: ScheduleRequest,
  options: Pick<CalendarContext, 'letterTitle' | 'pageUrl'> = {},
): { readonly ics: string; readonly fileStem: string } {
  const facts: ScheduleFacts = {
    since,
    unresponsiveDays: answers.killFee.unresponsiveDays,
    hasLateFee: answers.fee.lateFeePercentPerMonth > 0,
    smallClaims: answers.jurisdiction.smallClaims,
  };
  const actions = followUpSchedule(stage, since, facts);
  const ics = followUpCalendar(actions, {
    stage,
    since,
    words: CALENDAR_WORDS[answers.language],
    facts,
    projectName: answers.project.name,
    clientName: answers.client.business ?? answers.client.name,
    clientEmail: answers.client.email,
    ...options,
  });
  return { ics, fileStem: safeFileStem(CALENDAR_WORDS[answers.language].fileName(answers.project.name, stage)) };
}
