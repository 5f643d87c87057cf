// What a calendar request refuses, and the sentence the freelancer reads.
import { describe, expect, it } from 'vitest';
import { scheduleRequestSchema } from '../../src/schedule/request.ts';
import { sampleInput } from '../helpers/samples.ts';

const problems = (request: unknown) => {
  const result = scheduleRequestSchema.safeParse(request);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};
const request = (change: Record<string, unknown> = {}) => ({ answers: sampleInput('new-client-fixed'), stage: 'payment-due', since: '2027-03-12', ...change });

describe('the calendar request', () => {
  it('takes each stage with a real date', () => {
    for (const stage of ['negotiating', 'in-progress', 'payment-due']) expect(problems(request({ stage }))).toEqual([]);
  });

  it('names the stages it knows when given another', () => {
    const stages = 'stage: Stage must be "negotiating" (no contract yet), "in-progress" (waiting for feedback) or "payment-due" (waiting for payment).';
    expect(problems(request({ stage: 'paid' }))).toEqual([stages]);
    expect(problems(request({ stage: undefined }))).toEqual([stages]);
  });

  it('asks for the date to count from when it is missing, and for a calendar date when it is not one', () => {
    const missing = 'since: The date to count from is required: the unanswered message, or the invoice due date for payment-due.';
    const wrong = 'since: The date to count from must be a real calendar date written as YYYY-MM-DD.';
    expect(problems(request({ since: undefined }))).toEqual([missing]);
    expect(problems(request({ since: null }))).toEqual([missing]);
    expect(problems(request({ since: '2027-02-30' }))).toEqual([wrong]);
    expect(problems(request({ since: '12/03/2027' }))).toEqual([wrong]);
  });

  it('names an unknown field, and a request that is not an object', () => {
    expect(problems(request({ when: 'soon' }))).toEqual([': Send only "answers", "stage" and "since".']);
    expect(problems('payment-due')).toEqual([': The request must be a JSON object with "answers", "stage" and "since".']);
  });
});
