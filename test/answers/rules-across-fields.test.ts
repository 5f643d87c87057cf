// The rules that read more than one answer (dates in order, decimals the
// currency allows, withholding in yen) and the defaults that depend on other
// answers (tax and withholding by language, retainer notice), each at its
// boundary with a fixed example.
import { describe, expect, it } from 'vitest';
import { answersSchema, DEFAULT_NOTICE_DAYS } from '../../src/answers/schema.ts';
import { inLanguage } from '../../src/language/messages.ts';
import { answerProblems, sampleInput } from '../helpers/samples.ts';


function changed(sample: string, change: (answers: any) => void) {
  const input = sampleInput(sample);
  change(input);
  return input;
}

describe('dates in order', () => {
  // new-client-fixed: effective 2026-12-01, work from 2026-12-07 to 2027-02-26.
  it('the work may end the day it starts, not the day before', () => {
    expect(answerProblems(changed('new-client-fixed', (a) => (a.project.endDate = '2026-12-07')))).toEqual({});
    expect(answerProblems(changed('new-client-fixed', (a) => (a.project.endDate = '2026-12-06')))).toEqual({
      'project.endDate': ['Enter an end date on or after the start date'],
    });
  });

  it('the contract may take effect the day the work starts, not the day after', () => {
    expect(answerProblems(changed('new-client-fixed', (a) => (a.effectiveDate = '2026-12-07')))).toEqual({});
    expect(answerProblems(changed('new-client-fixed', (a) => (a.effectiveDate = '2026-12-08')))).toEqual({
      effectiveDate: ['Enter a date the contract takes effect on or before the start date'],
    });
  });

  it('a date that is not a date is only its own problem, never compared', () => {
    expect(answerProblems(changed('new-client-fixed', (a) => (a.project.endDate = '2027-02-30')))).toEqual({
      'project.endDate': ['End date must be a real date, like 2027-03-01 (year, month, day)'],
    });
    expect(answerProblems(changed('new-client-fixed', (a) => (a.effectiveDate = 20261201)))).toEqual({
      effectiveDate: ['Effective date must be a real date, like 2027-03-01 (year, month, day)'],
    });
    // Words sort after digits: compared as text, "soon" would be after any start date.
    expect(answerProblems(changed('new-client-fixed', (a) => (a.effectiveDate = 'soon')))).toEqual({
      effectiveDate: ['Effective date must be a real date, like 2027-03-01 (year, month, day)'],
    });
    expect(answerProblems(changed('new-client-fixed', (a) => (a.project.startDate = '2026-12-32')))).toEqual({
      'project.startDate': ['Start date must be a real date, like 2027-03-01 (year, month, day)'],
    });
  });

  it('a missing date is asked for by name', () => {
    expect(answerProblems(changed('new-client-fixed', (a) => delete a.effectiveDate))).toEqual({ effectiveDate: ['Enter the effective date'] });
    expect(answerProblems(changed('new-client-fixed', (a) => (a.project.startDate = null)))).toEqual({ 'project.startDate': ['Enter the start date'] });
    expect(answerProblems(changed('new-client-fixed', (a) => (a.project.endDate = null)))).toEqual({ 'project.endDate': ['Enter the end date'] });
  });

  it('with no start date, neither the end nor the effective date is compared with it', () => {
    expect(answerProblems(changed('new-client-fixed', (a) => { delete a.project.startDate; a.project.endDate = '2020-01-01'; a.effectiveDate = '2030-01-01'; }))).toEqual({
      'project.startDate': ['Enter the start date'],
    });
  });
});

describe('decimals the currency allows, for each way of charging', () => {
  it.each([
    ['returning-client-hourly', 'rate', 'GBP', 85.125, 'Enter the hourly rate with at most 2 decimals. Did you mean 85.13?'],
    ['retainer-prepaid', 'monthly', 'USD', 2500.001, 'Enter the monthly retainer with at most 2 decimals. Did you mean 2,500?'],
    ['returning-client-hourly', 'rate', 'JPY', 8500.5, 'Enter the hourly rate as a whole number: Japanese Yen amounts have no decimals. Did you mean 8,501?'],
    ['retainer-prepaid', 'monthly', 'JPY', 250000.5, 'Enter the monthly retainer as a whole number: Japanese Yen amounts have no decimals. Did you mean 250,001?'],
    ['new-client-fixed', 'total', 'BHD', 12.3456, 'Enter the total price with at most 3 decimals. Did you mean 12.346?'],
  ])('%s: a %s in %s of %d is refused', (sample, field, currency, value, sentence) => {
    expect(answerProblems(changed(sample, (a) => { a.fee.currency = currency; a.fee[field] = value; }))).toEqual({ [`fee.${field}`]: [sentence] });
  });

  it.each([
    ['returning-client-hourly', 'rate', 'GBP', 85.12],
    ['retainer-prepaid', 'monthly', 'JPY', 250000],
    ['new-client-fixed', 'total', 'BHD', 12.345],
  ])('%s: a %s in %s of %d is fine', (sample, field, currency, value) => {
    expect(answerProblems(changed(sample, (a) => { a.fee.currency = currency; a.fee[field] = value; }))).toEqual({});
  });

  it('only the amount of the chosen way of charging is read: a retainer ignores a total it cannot have', () => {
    // The stray key is named at the HTTP edge (web/problems.ts); no decimals rule reads it.
    expect(Object.keys(answerProblems(changed('retainer-prepaid', (a) => { a.fee.currency = 'JPY'; a.fee.monthly = 250000; a.fee.total = 0.5; })))).toEqual(['fee']);
  });

  it('an amount that is not a number is named once, as not a number', () => {
    expect(answerProblems(changed('retainer-prepaid', (a) => (a.fee.monthly = 'lots')))).toEqual({ 'fee.monthly': ['Monthly retainer must be a number, like 2,500'] });
  });

  it('in Japanese, the currency is named in Japanese', () => {
    const problems = inLanguage('ja', () => answerProblems(changed('retainer-prepaid', (a) => { a.fee.currency = 'JPY'; a.fee.monthly = 250000.5; })));
    expect(problems['fee.monthly']![0]).toContain('日本円');
  });
});

describe('withholding and tax follow the language, the kind of business and the currency', () => {
  const tokyo = (change: (answers: any) => void = () => {}) => answersSchema.parse(changed('ja/tokyo-fixed', change)).fee;

  it('withholding is on by default only for an individual writing in Japanese and charging yen', () => {
    expect(tokyo().withholding).toBe(true);
    expect(tokyo((a) => (a.freelancer.entity = 'company')).withholding).toBe(false);
    expect(tokyo((a) => (a.fee.currency = 'USD')).withholding).toBe(false);
    expect(answersSchema.parse(changed('new-client-fixed', (a) => { a.fee.currency = 'JPY'; a.fee.total = 600000; })).fee.withholding).toBe(false);
  });

  it('withholding asked for is kept in yen and refused in any other currency', () => {
    expect(answersSchema.parse(changed('new-client-fixed', (a) => { a.fee.currency = 'JPY'; a.fee.total = 600000; a.fee.withholding = true; })).fee.withholding).toBe(true);
    expect(answerProblems(changed('new-client-fixed', (a) => (a.fee.withholding = true)))).toEqual({
      'fee.withholding': ['Withholding tax is worked out in yen: charge in JPY, or turn withholding off'],
    });
    expect(answersSchema.parse(changed('new-client-fixed', (a) => (a.fee.withholding = false))).fee.withholding).toBe(false);
  });

  it('a Japanese contract adds 消費税 10%, each one a fresh copy; an English one adds no tax key at all', () => {
    const first = tokyo();
    expect(first.tax).toEqual({ label: '消費税', percent: 10 });
    (first.tax as { percent: number }).percent = 8;
    expect(tokyo().tax).toEqual({ label: '消費税', percent: 10 });
    expect(Object.keys(answersSchema.parse(sampleInput('new-client-fixed')).fee)).not.toContain('tax');
  });

  it('a retainer gets 30 days of notice unless it says otherwise; other fees have no notice', () => {
    expect(DEFAULT_NOTICE_DAYS).toBe(30);
    expect(answersSchema.parse(sampleInput('retainer-prepaid')).fee).toMatchObject({ noticeDays: 30 });
    expect(answersSchema.parse(changed('retainer-prepaid', (a) => (a.fee.noticeDays = 60))).fee).toMatchObject({ noticeDays: 60 });
    expect(Object.keys(answersSchema.parse(sampleInput('returning-client-hourly')).fee)).not.toContain('noticeDays');
  });
});

describe('the place of the court, for a Japanese contract', () => {
  it('a place with no district court, and no place at all, have their sentences', () => {
    expect(answerProblems(changed('ja/tokyo-fixed', (a) => (a.jurisdiction.place = '渋谷')))).toEqual({
      'jurisdiction.place': ['Place of the court must be a city with a district court or a prefecture, like 東京, 大阪 or 神奈川県'],
    });
    expect(answerProblems(changed('ja/tokyo-fixed', (a) => delete a.jurisdiction.place))).toEqual({
      'jurisdiction.place': ['Enter the place of the court for a Japanese contract, like 東京'],
    });
  });

  it('with no jurisdiction section, only the section is asked for', () => {
    expect(answerProblems(changed('ja/tokyo-fixed', (a) => delete a.jurisdiction))).toEqual({ jurisdiction: ['The jurisdiction section is required.'] });
  });
});
