// What a calendar request refuses, and the sentence the freelancer reads.
import { describe, expect, it } from 'vitest';
import { scheduleRequestSchema } from '../../src/schedule/request.ts';
import { inLanguage } from '../../src/language/messages.ts';
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

describe('the calendar request in Japanese', () => {
  const japanese = (change: Record<string, unknown>) => inLanguage('ja', () => problems(request(change)));

  it('names the stage, the date and an unknown field in Japanese', () => {
    expect(japanese({ stage: 'paid' })).toEqual(['stage: 案件の段階は"negotiating"（契約前）、"in-progress"（作業中で返事待ち）、"payment-due"（納品済みで支払い待ち）のいずれかで指定してください。']);
    expect(japanese({ since: undefined })).toEqual(['since: 起算日を入力してください。返事のないメッセージを送った日、"payment-due"の場合は請求書の支払期日です。']);
    expect(japanese({ since: '12/03/2027' })).toEqual(['since: 起算日は正しい日付をYYYY-MM-DDの形式で入力してください。']);
    expect(japanese({ when: 'soon' })).toEqual([': 「answers」「stage」「since」だけを送ってください。']);
  });
});
