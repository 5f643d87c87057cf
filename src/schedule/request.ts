// POST /api/schedule: the answers, the stage the project is at, and the date
// the silence is counted from.
import { z } from 'zod';
import { answersSchema } from '../answers/schema.ts';
import { STAGES } from './rules.ts';

export const scheduleRequestSchema = z.strictObject(
  {
    answers: answersSchema,
    stage: z.enum(STAGES, {
      error: 'Stage must be "negotiating" (no contract yet), "in-progress" (waiting for feedback) or "payment-due" (waiting for payment).',
    }),
    since: z.iso.date({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? 'The date to count from is required: the unanswered message, or the invoice due date for payment-due.'
          : 'The date to count from must be a real calendar date written as YYYY-MM-DD.',
    }),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'Send only "answers", "stage" and "since".' : 'The request must be a JSON object with "answers", "stage" and "since".') },
);

export type ScheduleRequest = z.output<typeof scheduleRequestSchema>;
