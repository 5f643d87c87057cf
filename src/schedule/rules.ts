// The article's follow-up playbook as pure date functions: ISO dates in,
// ISO dates out, UTC calendar days only, so no time zone can move an action.
import { addDays, parseIsoDate } from '../answers/dates.ts';
import { DEADLINE_DAYS, type LetterKind } from '../letters/request.ts';

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
 * silence period (`unresponsiveDays`, counted from the day after the unanswered email) so
 * that the notice is one the contract allows, and comes at least a day after
 * the investigation so there is time to make the calls.
 */
export function inProgressSchedule(since: string, unresponsiveDays: number): FollowUpAction[] {
  const tuesday = tuesdayOfFollowingWeek(since);
  const investigate = addDays(tuesday, 7);
  // The contract counts the silence from the day after the request was sent,
  // so the silence is complete at the end of day `unresponsiveDays`: the
  // pause can go out the next day.
  const contractAllows = addDays(since, unresponsiveDays + 1);
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
      todo: `If nothing has worked, pause the project until you hear back and email the client to say so. Your contract lets you pause once a written request has gone unanswered for ${unresponsiveDays} days, counted from the day after you sent it, and you have tried at least once to call: give the date of your call in the letter. The work done so far is billed; a pause costs no kill fee.`,
      letter: 'work-paused',
    },
  ];
}

/** What the contract says that changes the payment-due steps. */
export interface PaymentTerms {
  /** The contract has a late fee (a percentage above 0). */
  readonly hasLateFee: boolean;
  /** The contract names small-claims court. */
  readonly smallClaims: boolean;
}

const DEFAULT_TERMS: PaymentTerms = { hasLateFee: true, smallClaims: true };

/**
 * Payment due (since = the invoice's due date): reminder, resend, then
 * notices at 30, 60 and 90 days and the final notice. The late fee first
 * accrues after one full 30-day period, so the invoice is resent "with the
 * late fee" on day 30, never before; the final notice follows the 90-day
 * notice once its deadline (the kit's default) has passed.
 */
export function paymentDueSchedule(dueDate: string, terms: PaymentTerms = DEFAULT_TERMS): FollowUpAction[] {
  const lastStep = terms.smallClaims ? 'small-claims court, as your contract provides' : 'legal action in the court your contract names';
  const notice = (days: 30 | 60 | 90, order: string): FollowUpAction => ({
    id: `late-notice-${days}`,
    date: addDays(dueDate, days),
    title: days === 30 && terms.hasLateFee ? '30-day late-payment notice, with the late fee' : `${days}-day late-payment notice`,
    todo:
      (days === 30 && terms.hasLateFee
        ? 'The first late fee is due today, one full 30-day period after the due date: resend the invoice with the late fee added, as your contract sets it. '
        : '') +
      `Send the ${order} late-payment notice, ${days} days after the due date: ask for payment firmly but politely by a deadline, state that you intend to take legal action, and enclose a copy of the invoice.` +
      (days === 90 ? ' If nothing comes of it, the final notice follows once its deadline has passed.' : ''),
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
      title: 'Resend the invoice',
      todo:
        'No movement: resend the invoice by every means you have (email, certified mail, fax) and call to confirm it arrived.' +
        (terms.hasLateFee ? ' No late fee is due yet: your contract charges it for each full 30 days late, from day 30.' : ''),
      letter: 'payment-reminder',
    },
    notice(30, 'first'),
    notice(60, 'second'),
    notice(90, 'third'),
    {
      id: 'final-notice',
      date: addDays(dueDate, 90 + DEADLINE_DAYS.default),
      title: 'Final notice',
      todo: `The 90-day notice's deadline has passed: send the final notice. It gives a last deadline of ${DEADLINE_DAYS.min} to ${DEADLINE_DAYS.max} days, after which the next step is ${lastStep}.`,
      letter: 'final-notice',
    },
  ];
}

export function followUpSchedule(stage: Stage, since: string, options: { unresponsiveDays: number } & Partial<PaymentTerms>): FollowUpAction[] {
  switch (stage) {
    case 'negotiating':
      return negotiatingSchedule(since);
    case 'in-progress':
      return inProgressSchedule(since, options.unresponsiveDays);
    case 'payment-due':
      return paymentDueSchedule(since, { ...DEFAULT_TERMS, ...options });
  }
}
