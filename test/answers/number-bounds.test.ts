// Every number the answers take, at its edges: the lowest and highest value a
// person may enter is accepted, one step past either is refused, and each
// refusal is the exact sentence the person reads (the catalogue's, in
// English), so a bound moved by one, a "between" that became "more than" or
// a unit that went missing shows up here.
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { inLanguage } from '../../src/language/messages.ts';
import { sampleWith } from '../helpers/samples.ts';

type Sample = 'new-client-fixed' | 'returning-client-hourly' | 'retainer-prepaid';


function problemsOf(input: unknown): Record<string, string> {
  const result = answersSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

interface NumberField {
  readonly sample: Sample;
  readonly path: string;
  /** The lowest and highest values accepted. */
  readonly accepted: readonly number[];
  /** One step past each end, with the sentence for it. */
  readonly refused: readonly (readonly [number, string])[];
  /** The sentence for text where the number belongs. */
  readonly notNumber: string;
  /** The sentence for a fraction, where only whole numbers make sense. */
  readonly whole?: readonly [number, string];
  /** The sentence for a number left out, when it is required. */
  readonly missing?: string;
}

const tax = (percent: unknown) => ({ label: 'VAT', percent });

const FIELDS: readonly NumberField[] = [
  {
    sample: 'new-client-fixed', path: 'fee.paymentDueDays', accepted: [0, 365],
    refused: [[-1, 'Days to pay an invoice must be between 0 and 365 days'], [366, 'Days to pay an invoice must be between 0 and 365 days']],
    notNumber: 'Days to pay an invoice must be a number, like 14',
    whole: [14.5, 'Days to pay an invoice must be a whole number, like 14'],
    missing: 'Enter the number of days the client has to pay an invoice, like 14, or 0 for on receipt',
  },
  {
    sample: 'new-client-fixed', path: 'fee.lateFeePercentPerMonth', accepted: [0, 0.25, 10],
    refused: [[-0.01, 'Late fee must be between 0% and 10%'], [10.01, 'Late fee must be between 0% and 10%']],
    notNumber: 'Late fee must be a number, like 1.5',
    missing: 'Enter the late fee as a percentage, like 1.5, or 0 for none',
  },
  {
    sample: 'new-client-fixed', path: 'fee.total', accepted: [0.01, 1_000_000_000],
    refused: [[0, 'Total price must be more than 0'], [1_000_000_001, 'Total price must be 1,000,000,000 or less']],
    notNumber: 'Total price must be a number, like 6,000',
    missing: 'Enter the total price, like 6,000',
  },
  {
    sample: 'returning-client-hourly', path: 'fee.rate', accepted: [0.01, 1_000_000_000],
    refused: [[0, 'Hourly rate must be more than 0'], [1_000_000_001, 'Hourly rate must be 1,000,000,000 or less']],
    notNumber: 'Hourly rate must be a number, like 85',
    missing: 'Enter your hourly rate, like 85',
  },
  {
    sample: 'returning-client-hourly', path: 'fee.estimatedHours', accepted: [0.5, 100_000],
    refused: [[0, 'Estimated hours must be more than 0'], [100_000.5, 'Estimated hours must be 100,000 or less']],
    notNumber: 'Estimated hours must be a number, like 40',
    missing: 'Enter the estimated hours, like 40',
  },
  {
    sample: 'retainer-prepaid', path: 'fee.monthly', accepted: [0.01, 1_000_000_000],
    refused: [[0, 'Monthly retainer must be more than 0'], [1_000_000_001, 'Monthly retainer must be 1,000,000,000 or less']],
    notNumber: 'Monthly retainer must be a number, like 2,500',
    missing: 'Enter the monthly retainer, like 2,500',
  },
  {
    sample: 'retainer-prepaid', path: 'fee.hoursPerMonth', accepted: [0.5, 744],
    refused: [[0, 'Hours each month must be more than 0'], [744.5, 'Hours each month must be 744 or less']],
    notNumber: 'Hours each month must be a number, like 20',
    missing: 'Enter the hours included each month, like 20',
  },
  {
    sample: 'retainer-prepaid', path: 'fee.noticeDays', accepted: [1, 180],
    refused: [[0, 'Days of notice must be between 1 and 180 days'], [181, 'Days of notice must be between 1 and 180 days']],
    notNumber: 'Days of notice must be a number, like 30',
    whole: [30.5, 'Days of notice must be a whole number, like 30'],
  },
  {
    sample: 'new-client-fixed', path: 'fee.tax.percent', accepted: [0.5, 100],
    refused: [[0, 'Tax rate must be more than 0%'], [100.5, 'Tax rate must be 100% or less']],
    notNumber: 'Tax rate must be a number, like 20',
    missing: 'Enter the tax rate as a percentage, like 20',
  },
  {
    sample: 'new-client-fixed', path: 'project.revisionRounds', accepted: [0, 20],
    refused: [[-1, 'Rounds of revisions must be between 0 and 20'], [21, 'Rounds of revisions must be between 0 and 20']],
    notNumber: 'Rounds of revisions must be a number, like 2',
    whole: [2.5, 'Rounds of revisions must be a whole number, like 2'],
  },
  {
    sample: 'new-client-fixed', path: 'project.acceptanceDays', accepted: [1, 60],
    refused: [[0, 'Days to accept a delivery must be between 1 and 60 days'], [61, 'Days to accept a delivery must be between 1 and 60 days']],
    notNumber: 'Days to accept a delivery must be a number, like 10',
    whole: [2.5, 'Days to accept a delivery must be a whole number, like 10'],
  },
  {
    sample: 'new-client-fixed', path: 'deposit.percent', accepted: [1, 27.5, 100],
    refused: [[0.5, 'Deposit must be between 1% and 100%'], [100.5, 'Deposit must be between 1% and 100%']],
    notNumber: 'Deposit must be a number, like 50',
  },
  {
    sample: 'new-client-fixed', path: 'killFee.unresponsiveDays', accepted: [1, 365],
    refused: [[0, 'Days of silence must be between 1 and 365 days'], [366, 'Days of silence must be between 1 and 365 days']],
    notNumber: 'Days of silence must be a number, like 14',
    whole: [7.5, 'Days of silence must be a whole number, like 14'],
    missing: 'Enter the days of silence before work stops, like 14',
  },
  {
    sample: 'new-client-fixed', path: 'killFee.percentOfRemainingFee', accepted: [0, 12.5, 100],
    refused: [[-0.5, 'Kill fee must be between 0% and 100%'], [100.5, 'Kill fee must be between 0% and 100%']],
    notNumber: 'Kill fee must be a number, like 25',
  },
];

/** The tax rate lives in an object that must also have a label. */
const setUp = (field: NumberField, value: unknown) =>
  field.path === 'fee.tax.percent' ? sampleWith('fee.tax', tax(value), field.sample) : sampleWith(field.path, value, field.sample);

describe.each(FIELDS)('$path', (field) => {
  it.each(field.accepted)('accepts %d', (value) => {
    expect(problemsOf(setUp(field, value))).toEqual({});
  });

  it.each(field.refused)('refuses %d with the range in words', (value, message) => {
    expect(problemsOf(setUp(field, value))).toEqual({ [field.path]: message });
  });

  it('refuses text where the number belongs, with an example', () => {
    expect(problemsOf(setUp(field, 'twelve'))).toEqual({ [field.path]: field.notNumber });
    expect(problemsOf(setUp(field, '12'))).toEqual({ [field.path]: field.notNumber });
  });


});

// Only the fields where these apply, rather than a skipped test for each of the others.
describe.each(FIELDS.filter((field) => field.whole))('$path, a whole number', (field) => {
  it('refuses a fraction where only whole numbers make sense', () => {
    const [value, message] = field.whole!;
    expect(problemsOf(setUp(field, value))).toEqual({ [field.path]: message });
  });
});

describe.each(FIELDS.filter((field) => field.missing))('$path, left out', (field) => {
  it('asks for the number when it is left out, or null', () => {
    expect(problemsOf(setUp(field, null))).toEqual({ [field.path]: field.missing });
    if (field.path !== 'fee.tax.percent') expect(problemsOf(sampleWith(field.path, undefined, field.sample))).toEqual({ [field.path]: field.missing });
  });
});

describe('the same ranges in Japanese', () => {
  const japanese = (input: unknown) => inLanguage('ja', () => problemsOf(input));

  it('a day count reads 日 on its upper bound only, as in English', () => {
    expect(japanese(sampleWith('killFee.unresponsiveDays', 366))).toEqual({
      'killFee.unresponsiveDays': expect.stringMatching(/は1から365日までの範囲で入力してください$/),
    });
  });

  it('a yen amount with decimals names the currency in Japanese (日本円) and suggests the amount in yen', () => {
    const problems = japanese(sampleWith('fee', { model: 'fixed', currency: 'JPY', total: 600000.5, paymentDueDays: 14, lateFeePercentPerMonth: 1.5 }));
    expect(problems).toEqual({ 'fee.total': '報酬総額は整数で入力してください（日本円には小数点以下の単位がありません）。600,001円のことですか？' });
  });
});
