// The article's follow-up playbook as pure date functions: ISO dates in,
// ISO dates out, UTC calendar days only, so no time zone can move an action.
import { addDays, parseIsoDate } from '../answers/dates.ts';
import type { LetterKind } from '../letters/request.ts';

export const STAGES = ['negotiating', 'in-progress', 'payment-due'] as const;
export type Stage = (typeof STAGES)[number];

export interface FollowUpAction {
  /** Stable within a stage: the event's UID is built from it. */
  readonly id: string;
  /** ISO date (YYYY-MM-DD): an all-day event on that day. */
  readonly date: string;
  readonly title: string;
  /** What to do, in the article's words. */
  readonly todo: string;
  /** The letter to send that day, when the kit has one. */
  readonly letter?: LetterKind;
}

/** The Monday that starts the week of `iso` (weeks start on Monday). */
export function startOfWeek(iso: string): string {
  const day = parseIsoDate(iso).getUTCDay(); // 0 = Sunday
  return addDays(iso, -((day + 6) % 7));
}

/**
 * The article: follow up on the Tuesday after the original email, so the
 * client has the rest of that week and the next Monday. That is the Tuesday
 * of the following week, whatever day the email went out.
 */
export function tuesdayOfFollowingWeek(iso: string): string {
  return addDays(startOfWeek(iso), 7 + 1);
}

/** Negotiating: 4–7 days after the unanswered message, then a last one a week later. */
export function negotiatingSchedule(since: string): FollowUpAction[] {
  const first = addDays(since, 4);
  return [
    {
      id: 'first-follow-up',
      date: first,
      title: 'Follow up on your unanswered message',
      todo: `Send a short, friendly follow-up email. The article's window is 4 to 7 days after the unanswered message (${first} to ${addDays(since, 7)}): sooner can feel pushy.`,
    },
    {
      id: 'last-follow-up',
      date: addDays(first, 7),
      title: 'Send your final check-in, then move on',
      todo: 'Send the second and last follow-up, one week after the first: thank them for reaching out, say this is your last check-in, and invite them to get in touch when ready. Then move on. A client who is habitually slow to answer is a warning sign.',
      letter: 'final-check-in',
    },
  ];
}

/**
 * In progress, feedback needed: the Tuesday follow-up, a week later the
 * investigation, then the pause. The pause waits for the contract's own
 * silence period (`unresponsiveDays`, counted from the unanswered email) so
 * that the notice is one the contract allows, and comes at least a day after
 * the investigation so there is time to make the calls.
 */
export function inProgressSchedule(since: string, unresponsiveDays: number): FollowUpAction[] {
  const tuesday = tuesdayOfFollowingWeek(since);
  const investigate = addDays(tuesday, 7);
  const contractAllows = addDays(since, unresponsiveDays);
  const dayAfter = addDays(investigate, 1);
  const pause = contractAllows > dayAfter ? contractAllows : dayAfter;
  return [
    {
      id: 'tuesday-follow-up',
      date: tuesday,
      title: 'Follow up on the email still awaiting an answer',
      todo: 'Send your first follow-up today, the Tuesday after the original email: the client has had the rest of that week and Monday to deal with it.',
    },
    {
      id: 'investigate',
      date: investigate,
      title: 'No answer for a week? Investigate',
      todo: 'Check the address you write to against the one the client last wrote from. Call to confirm your message arrived (to get the answer you need, not to complain). Look for signs of activity online. On public channels stay neutral and professional.',
    },
    {
      id: 'pause-work',
      date: pause,
      title: 'Still no answer? Pause the work',
      todo: `If nothing has worked, pause the project until you hear back and email the client to say so. Your contract lets you pause after ${unresponsiveDays} days without a response and bill the work done so far.`,
      letter: 'work-paused',
    },
  ];
}

/** Payment due (since = the invoice's due date): reminder, resend with the late fee, then notices at 30, 60 and 90 days. */
export function paymentDueSchedule(dueDate: string): FollowUpAction[] {
  const notice = (days: 30 | 60 | 90): FollowUpAction => ({
    id: `late-notice-${days}`,
    date: addDays(dueDate, days),
    title: `${days}-day late-payment notice`,
    todo:
      `Send the late-payment notice ${days} days after the due date: ask for payment firmly but politely, state that you intend to take legal action, and enclose a copy of the invoice.` +
      (days === 90 ? ' If this is your last letter, send the final notice instead: it sets a deadline of 5 to 30 days, after which the next step is small-claims court.' : ''),
    letter: 'late-notice',
  });
  return [
    {
      id: 'payment-follow-up',
      date: addDays(dueDate, 1),
      title: 'Invoice unpaid? Follow up and call',
      todo: 'Follow up by email and phone: confirm the deliverables arrived and talk about the invoice.',
      letter: 'payment-reminder',
    },
    {
      id: 'resend-invoice',
      date: addDays(dueDate, 7),
      title: 'Resend the invoice with the late fee',
      todo: 'No movement: resend the invoice by every means you have (email, certified mail, fax) with the late fee added as your contract sets it, and call to confirm it arrived.',
      letter: 'payment-reminder',
    },
    notice(30),
    notice(60),
    notice(90),
  ];
}

export function followUpSchedule(stage: Stage, since: string, options: { unresponsiveDays: number }): FollowUpAction[] {
  switch (stage) {
    case 'negotiating':
      return negotiatingSchedule(since);
    case 'in-progress':
      return inProgressSchedule(since, options.unresponsiveDays);
    case 'payment-due':
      return paymentDueSchedule(since);
  }
}
