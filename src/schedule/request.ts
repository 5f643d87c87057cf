// POST /api/schedule: the answers, the stage the project is at, and the date
// the silence is counted from. The sentences live in the message catalogues
// (keys `scheduleRequest.*`), written in the language of the check, like the
// answers' own (src/answers/schema.ts).
import { z } from 'zod';
import { answersSchema, DATE_YEARS, yearInRange } from '../answers/schema.ts';
import { say, sayLater } from '../language/messages.ts';
import { unknownField } from '../language/unknown-keys.ts';
import { STAGES } from './rules.ts';

const isMissing = (issue: { input?: unknown }) => issue.input === undefined || issue.input === null;

export const scheduleRequestSchema = z.strictObject(
  {
    answers: answersSchema,
    stage: z.enum(STAGES, { error: sayLater('scheduleRequest.stage.wrong') }),
    since: z
      .iso.date({ error: (issue) => say(isMissing(issue) ? 'scheduleRequest.since.missing' : 'scheduleRequest.since.wrong') })
      .refine(yearInRange, { error: () => say('scheduleRequest.since.outOfRange', DATE_YEARS) }),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownField('scheduleRequest.request') : say('scheduleRequest.request.wrong')) },
);

export type ScheduleRequest = z.output<typeof scheduleRequestSchema>;
