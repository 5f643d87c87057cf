// The yes-or-no answers, the choices and the sections: what each one becomes
// when left out (the article's default, or a request for it), and the exact
// sentence for an answer that is not one of the choices.
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { answerProblems, sampleWith } from '../helpers/samples.ts';



const parsed = (path: string, value: unknown, sample?: string) => {
  const answers: any = answersSchema.parse(sampleWith(path, value, sample));
  return path.split('.').reduce((object, key) => object?.[key], answers);
};

describe('yes-or-no answers', () => {
  it.each([
    ['freelancer.hasEmployees', false, 'Select whether you have employees'],
    ['deposit.nonRefundable', true, 'Select whether the deposit is non-refundable'],
    ['jurisdiction.smallClaims', true, 'Select whether to mention small-claims court'],
    ['ownership.portfolioUse', true, 'Select whether you may show the work in your portfolio'],
  ])('%s: left out it is %s, either answer is kept, and "yes" is asked for again', (path, byDefault, sentence) => {
    expect(parsed(path, undefined)).toBe(byDefault);
    expect(parsed(path, true)).toBe(true);
    expect(parsed(path, false)).toBe(false);
    expect(answerProblems(sampleWith(path, 'yes'))).toEqual({ [path]: [sentence] });
  });

  it.each([
    ['client.troubleBefore', 'Select whether this client paid late or went silent last time (true or false)'],
    ['fee.withholding', 'Select whether income tax is withheld from your fee'],
  ])('%s: "yes" is asked for again', (path, sentence) => {
    expect(answerProblems(sampleWith(path, 'yes'))).toEqual({ [path]: [sentence] });
  });

  it('a refundable deposit stays refundable, with or without a percentage', () => {
    expect(answersSchema.parse(sampleWith('deposit', { nonRefundable: false })).deposit).toEqual({ percent: 50, nonRefundable: false });
    expect(answersSchema.parse(sampleWith('deposit', { percent: 40, nonRefundable: false })).deposit).toEqual({ percent: 40, nonRefundable: false });
    expect(answersSchema.parse(sampleWith('deposit', {})).deposit).toEqual({ percent: 50, nonRefundable: true });
  });
});

describe('choices', () => {
  it.each([
    ['freelancer.entity', 'individual', 'company', 'Select whether you work as an individual or as a company: "individual" or "company"'],
    ['ownership.licence', 'non-exclusive', 'exclusive', 'Select the licence the client gets: "non-exclusive" (you may license the work to others too) or "exclusive" (only the client may use it)'],
    ['ownership.transferOn', 'full-payment', 'full-payment', 'Ownership transfers on "full-payment": that is the protection'],
    ['language', 'en', 'ja', 'Select the language of the contract: "en" (English) or "ja" (Japanese)'],
  ])('%s: left out it is %s, %s is kept, anything else is refused', (path, byDefault, other, sentence) => {
    expect(parsed(path, undefined)).toBe(byDefault);
    if (path !== 'language') expect(parsed(path, other)).toBe(other);
    expect(answerProblems(sampleWith(path, 'delivery'))).toEqual({ [path]: [sentence] });
  });

  it.each([
    ['client.relationship', 'Select whether you have worked for this client before',
      'Select whether you have worked for this client before: "new" (first project) or "returning" (has paid you before)'],
    ['ownership.copyright', 'Select who holds the copyright once you are paid in full',
      'Select who holds the copyright once you are paid in full: "assign-to-client" (the client, you keep a portfolio licence) or "retain-and-license" (you, the client gets a licence)'],
    ['fee.currency', 'Select the currency you charge in', 'Currency must be a three-letter currency code, like USD, EUR or JPY'],
  ])('%s: left out or null asks for it; a wrong answer lists the choices', (path, missing, wrong) => {
    expect(answerProblems(sampleWith(path, undefined))).toEqual({ [path]: [missing] });
    expect(answerProblems(sampleWith(path, null))).toEqual({ [path]: [missing] });
    expect(answerProblems(sampleWith(path, 12))).toEqual({ [path]: [wrong] });
    expect(answerProblems(sampleWith(path, 'friend'))).toEqual({ [path]: [wrong] });
  });
});

describe('how the freelancer charges', () => {
  const MISSING = 'Select how you charge for this project';
  const WRONG = 'Select how you charge for this project: "fixed" (a total price), "hourly" (a rate and an estimate) or "retainer" (a monthly fee)';

  it.each([[undefined, MISSING], [null, MISSING], ['', MISSING], ['weekly', WRONG], [3, WRONG]])('a model of %j: %s', (model, sentence) => {
    expect(answerProblems(sampleWith('fee.model', model))).toEqual({ 'fee.model': [sentence] });
  });

  it('with no known model, the answers every model shares are still checked, once each', () => {
    const input = sampleWith('fee', { model: 'weekly', currency: 'XYZ', paymentDueDays: -1, lateFeePercentPerMonth: 1.5, withholding: 'no' });
    expect(answerProblems(input)).toEqual({
      'fee.model': [WRONG],
      'fee.currency': ['Currency must be a three-letter currency code, like USD, EUR or JPY'],
      'fee.paymentDueDays': ['Days to pay an invoice must be between 0 and 365 days'],
      'fee.withholding': ['Select whether income tax is withheld from your fee'],
    });
  });

  it('with a known model, a wrong shared answer is named once', () => {
    expect(answerProblems(sampleWith('fee.currency', 'XYZ'))).toEqual({ 'fee.currency': ['Currency must be a three-letter currency code, like USD, EUR or JPY'] });
  });

  it('an empty fee asks for the model and for each answer every model needs', () => {
    expect(answerProblems(sampleWith('fee', {}))).toEqual({
      'fee.model': [MISSING],
      'fee.currency': ['Select the currency you charge in'],
      'fee.paymentDueDays': ['Enter the number of days the client has to pay an invoice, like 14, or 0 for on receipt'],
      'fee.lateFeePercentPerMonth': ['Enter the late fee as a percentage, like 1.5, or 0 for none'],
    });
  });
});

describe('sections', () => {
  it.each([
    ['freelancer', 'Your details section'],
    ['client', 'The client section'],
    ['ownership', 'The ownership section'],
  ])('%s: left out is "required", a number "must be an object", an unknown key is named on it', (key, name) => {
    expect(answerProblems(sampleWith(key, undefined))).toEqual({ [key]: [`${name} is required.`] });
    expect(answerProblems(sampleWith(key, 3))).toEqual({ [key]: [`${name} must be an object.`] });
    expect(answerProblems(sampleWith(`${key}.nickname`, 'x'))).toEqual({ [key]: ['This field is not part of the answers; check its spelling.'] });
  });

  it('the deposit section may be left out (the article\'s deposit), but not be a number', () => {
    expect(parsed('deposit', undefined)).toEqual({ percent: 50, nonRefundable: true });
    expect(answerProblems(sampleWith('deposit', 3))).toEqual({ deposit: ['The deposit section must be an object.'] });
    expect(answerProblems(sampleWith('deposit', null))).toEqual({ deposit: ['The deposit section is required.'] });
  });

  it('a tax with a key it does not have names the tax', () => {
    expect(answerProblems(sampleWith('fee.tax', { label: 'VAT', percent: 20, rate: 1 }))).toEqual({ 'fee.tax': ['This field is not part of the answers; check its spelling.'] });
    expect(answerProblems(sampleWith('fee.tax', { percent: 20 }))).toEqual({ 'fee.tax.label': ['Enter the name of the tax, like VAT or sales tax'] });
  });

  it('answers that are not an object at all, or text, are one sentence', () => {
    for (const input of ['answers', 42, null]) expect(answerProblems(input), JSON.stringify(input)).toEqual({ '': ['The answers must be a JSON object.'] });
  });
});
