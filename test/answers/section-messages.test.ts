// Which sentence a person gets depends on what is wrong: a section left out
// is "required", a section of the wrong kind "must be an object", a key the
// answers do not have is named as such, and an amount with too many decimals
// says how many the currency allows. Fixed examples for each branch.
import { describe, expect, it } from 'vitest';
import { answersSchema, defaultPaperSize } from '../../src/answers/schema.ts';
import { sampleInput } from '../helpers/samples.ts';

function problemsOf(change: (answers: any) => void): Record<string, string> {
  const input = sampleInput('new-client-fixed');
  change(input);
  const result = answersSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('a section left out, or of the wrong kind', () => {
  it.each([
    ['killFee', 'The kill-fee section'],
    ['project', 'The project section'],
    ['jurisdiction', 'The jurisdiction section'],
  ])('%s: missing is "required", null too, a number "must be an object"', (key, label) => {
    expect(problemsOf((a) => delete a[key])).toEqual({ [key]: `${label} is required.` });
    expect(problemsOf((a) => (a[key] = null))).toEqual({ [key]: `${label} is required.` });
    expect(problemsOf((a) => (a[key] = 3))).toEqual({ [key]: `${label} must be an object.` });
  });

  it('the fee: left out is "required"; something that is not a fee asks how you charge', () => {
    expect(problemsOf((a) => delete a.fee)).toEqual({ fee: 'The fee section is required.' });
    expect(problemsOf((a) => (a.fee = null))).toEqual({ fee: 'The fee section is required.' });
    expect(problemsOf((a) => (a.fee = 'x'))).toEqual({ fee: 'Select how you charge for this project' });
  });
});

describe('a key the answers do not have', () => {
  it('inside a section, is reported on that section', () => {
    expect(problemsOf((a) => (a.killFee.extra = 1))).toEqual({ killFee: 'This field is not part of the answers; check its spelling.' });
  });

  it('at the top level, is reported on the answers', () => {
    expect(problemsOf((a) => (a.extra = 1))).toEqual({ '': 'This field is not part of the answers; check its spelling.' });
  });
});

describe('decimals follow the currency', () => {
  it.each([
    ['USD', 10.555, 'Enter the total price with at most 2 decimals. Did you mean 10.56?'],
    ['KWD', 10.5555, 'Enter the total price with at most 3 decimals. Did you mean 10.556?'],
  ])('%s %s', (currency, total, message) => {
    expect(problemsOf((a) => { a.fee.currency = currency; a.fee.total = total; })).toEqual({ 'fee.total': message });
  });

  it.each([['USD', 10.55], ['KWD', 10.555], ['JPY', 10]])('%s %s is fine', (currency, total) => {
    expect(problemsOf((a) => { a.fee.currency = currency; a.fee.total = total; })).toEqual({});
  });
});

describe('rules across fields never trip on a missing section', () => {
  it('no project: only "required", no crash reading its dates', () => {
    expect(problemsOf((a) => delete a.project)).toEqual({ project: 'The project section is required.' });
  });
});

describe('paper size from the currency', () => {
  it('reads a currency typed with spaces or in lower case', () => {
    expect(defaultPaperSize(' usd ')).toBe('letter');
    expect(defaultPaperSize(' cad')).toBe('letter');
    expect(defaultPaperSize(' gbp ')).toBe('a4');
  });
});
