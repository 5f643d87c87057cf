// The answers a Japanese contract needs, added without changing what the
// English examples mean (they stay valid and keep their defaults).
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { courtSeat } from '../../src/answers/japan-courts.ts';
import { inLanguage } from '../../src/language/messages.ts';
import { contractMoney, taxRateOf } from '../../src/contract/settlement.ts';
import { JA_SAMPLE_NAMES, SAMPLE_NAMES, sampleInput } from '../helpers/samples.ts';

function problemsOf(input: unknown): Record<string, string> {
  const result = answersSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

const tokyo = () => sampleInput('ja/tokyo-fixed');

describe('language and the answers a Japanese contract adds', () => {
  it.each(SAMPLE_NAMES)('the English example %s stays English, with no tax or withholding added', (name) => {
    const answers = answersSchema.parse(sampleInput(name));
    expect(answers.language).toBe('en');
    expect(answers.freelancer.entity).toBe('individual');
    expect(answers.freelancer.hasEmployees).toBe(false);
    expect(answers.fee.withholding).toBe(false);
    expect(answers.fee.tax).toEqual(sampleInput(name).fee.tax);
  });

  it.each(JA_SAMPLE_NAMES)('the Japanese sample %s is accepted', (name) => {
    expect(problemsOf(sampleInput(name))).toEqual({});
  });

  it('an individual writing in Japanese gets 消費税 10% and withholding by default', () => {
    const answers = answersSchema.parse(tokyo());
    expect(answers.fee.tax).toEqual({ label: '消費税', percent: 10 });
    expect(answers.fee.withholding).toBe(true);
  });

  it('a company is not withheld from, and a stated tax or withholding answer wins', () => {
    const company = tokyo();
    company.freelancer.entity = 'company';
    expect(answersSchema.parse(company).fee.withholding).toBe(false);
    const stated = tokyo();
    stated.fee.withholding = false;
    stated.fee.tax = { label: '消費税', percent: 8 };
    expect(answersSchema.parse(stated).fee).toMatchObject({ withholding: false, tax: { percent: 8 } });
  });

  it('"tax": null turns consumption tax off (a 免税事業者 who does not charge it), and stays in the answers so they read back the same', () => {
    const exempt = tokyo();
    exempt.fee.tax = null;
    const answers = answersSchema.parse(exempt);
    expect(answers.fee.tax).toBeNull();
    expect(taxRateOf(answers)).toBeUndefined();
    expect(answers.fee.withholding).toBe(true);
    expect(answersSchema.parse(answers)).toEqual(answers);
    const english = sampleInput('new-client-fixed');
    english.fee.tax = null;
    expect(contractMoney(answersSchema.parse(english))).toEqual(contractMoney(answersSchema.parse(sampleInput('new-client-fixed'))));
  });

  it.each([true, false, 'none', 0])('a tax of %j is neither a rate nor false, and the field is named', (tax) => {
    const input = tokyo();
    input.fee.tax = tax;
    expect(problemsOf(input)).toEqual({ 'fee.tax': 'Enter the tax as a name and a rate, like { "label": "VAT", "percent": 20 }, or null for no tax' });
  });

  it('a language other than en or ja is named', () => {
    expect(problemsOf({ ...tokyo(), language: 'fr' })).toEqual({ language: 'Select the language of the contract: "en" (English) or "ja" (Japanese)' });
  });
});

describe('the invoice registration number is T and 13 digits', () => {
  const withNumber = (value: unknown) => {
    const input = tokyo();
    input.freelancer.invoiceRegistrationNumber = value;
    return input;
  };

  it.each([
    ['T9234567890123', 'T9234567890123'],
    ['t9234567890123', 'T9234567890123'],
    ['T-9234-5678-9012-3', 'T9234567890123'],
    ['Ｔ９２３４５６７８９０１２３', 'T9234567890123'],
    ['T 9234 5678 9012 3', 'T9234567890123'],
    ['T‐9234‐5678‐9012‐3', 'T9234567890123'],
    ['T－9234－5678－9012－3', 'T9234567890123'],
    ['Tー9234ー5678ー9012ー3', 'T9234567890123'],
  ])('%s is kept as %s', (typed, kept) => {
    expect(answersSchema.parse(withNumber(typed)).freelancer.invoiceRegistrationNumber).toBe(kept);
  });

  it('left empty, or only separators, it is absent', () => {
    expect(answersSchema.parse(withNumber('')).freelancer.invoiceRegistrationNumber).toBeUndefined();
    expect(answersSchema.parse(withNumber(' - ')).freelancer.invoiceRegistrationNumber).toBeUndefined();
  });

  it('a number where the text belongs is named', () => {
    expect(problemsOf(withNumber(1234567890123))).toEqual({ 'freelancer.invoiceRegistrationNumber': 'Invoice registration number must be text' });
  });

  it.each(['T923456789012', 'T92345678901234', '9234567890123', 'TX234567890123', 'xT9234567890123', 'T9234567890123x', 'T9234567890123.'])('%s is refused, naming the field', (typed) => {
    expect(problemsOf(withNumber(typed))).toEqual({
      'freelancer.invoiceRegistrationNumber': 'Enter the invoice registration number as T followed by 13 digits, like T9234567890123',
    });
  });
});

// Worked by hand from the National Tax Agency's rule (registration-number.ts):
// 9 − (Σ of the 12 digits after the first, weighted 1, 2, 1, 2… from the right, mod 9).
describe('the first of the 13 digits is the check digit, as the National Tax Agency assigns it', () => {
  const withNumber = (value: string) => {
    const input = tokyo();
    input.freelancer.invoiceRegistrationNumber = value;
    return input;
  };
  const CHECK_DIGIT = { 'freelancer.invoiceRegistrationNumber': "This registration number's check digit (the first of the 13 digits) does not match the others: check it against your registration notice" };

  it.each([
    // 234567890123: from the right 3·1 + 2·2 + 1·1 + 0·2 + 9·1 + 8·2 + 7·1 + 6·2 + 5·1 + 4·2 + 3·1 + 2·2 = 72; 72 mod 9 = 0; 9 − 0 = 9.
    'T9234567890123',
    // 国税庁's own 法人番号, 8000012010038: 000012010038 from the right 8·1 + 3·2 + 0 + 0 + 1·1 + 0 + 2·1 + 1·2 + 0… = 19; 19 mod 9 = 1; 9 − 1 = 8.
    'T8000012010038',
    // 000000000001: 1·1 = 1; 9 − 1 = 8.
    'T8000000000001',
    // 000000000009: 9·1 = 9; 9 mod 9 = 0; 9 − 0 = 9.
    'T9000000000009',
    // 000000000010: 1·2 = 2; 9 − 2 = 7.
    'T7000000000010',
  ])('%s is accepted: its check digit holds', (number) => {
    expect(answersSchema.parse(withNumber(number)).freelancer.invoiceRegistrationNumber).toBe(number);
  });

  it.each([
    ['one digit mistyped', 'T9234567890124'],
    ['two neighbours swapped', 'T9234567890132'],
    ['the check digit itself wrong', 'T1234567890123'],
    ['a zero sum with check digit 0 (9 − 0 is 9, never 0)', 'T0000000000009'],
  ])('%s (%s) is refused with a sentence about the check digit', (_what, number) => {
    expect(problemsOf(withNumber(number))).toEqual(CHECK_DIGIT);
  });

  it('in Japanese the sentence is Japanese', () => {
    const problems = inLanguage('ja', () => problemsOf(withNumber('T1234567890123')));
    expect(problems['freelancer.invoiceRegistrationNumber']).toContain('検査用数字');
  });
});

describe('the place of the court', () => {
  it.each([
    ['東京', '東京'], ['東京都', '東京'], ['大阪府', '大阪'], ['京都', '京都'], ['京都府', '京都'],
    ['神奈川県', '横浜'], ['横浜市', '横浜'], ['北海道', '札幌'], ['埼玉県', 'さいたま'], ['沖縄', '那覇'], ['東京地方裁判所', '東京'],
  ])('%s is heard in %s', (place, seat) => {
    expect(courtSeat(place)).toBe(seat);
  });

  it.each(['渋谷', 'Tokyo', '東'])('%s names no district court and is refused', (place) => {
    const input = tokyo();
    input.jurisdiction.place = place;
    expect(Object.keys(problemsOf(input))).toEqual(['jurisdiction.place']);
  });

  it('a Japanese contract needs one; an English one does not', () => {
    const input = tokyo();
    delete input.jurisdiction.place;
    expect(Object.keys(problemsOf(input))).toEqual(['jurisdiction.place']);
    expect(problemsOf({ ...input, language: 'en' })).toEqual({});
  });
});

describe('withholding is worked out in yen', () => {
  it('a Japanese contract in dollars is not withheld from by default, and asking for it is refused', () => {
    const dollars = tokyo();
    dollars.fee.currency = 'USD';
    expect(answersSchema.parse(dollars).fee.withholding).toBe(false);
    dollars.fee.withholding = true;
    expect(problemsOf(dollars)).toEqual({ 'fee.withholding': 'Withholding tax is worked out in yen: charge in JPY, or turn withholding off' });
  });
});
