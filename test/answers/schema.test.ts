import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answersSchema, defaultPaperSize } from '../../src/answers/schema.ts';
import { contractMoney } from '../../src/contract/settlement.ts';
import { SAMPLE_NAMES, sampleInput } from '../helpers/samples.ts';

function problemsOf(input: unknown): Record<string, string> {
  const result = answersSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

function withChange(mutate: (answers: any) => void) {
  const answers = sampleInput('new-client-fixed');
  mutate(answers);
  return answers;
}

describe('the answers every example gives', () => {
  it.each(SAMPLE_NAMES)('%s is accepted as it is', (name) => {
    expect(answersSchema.safeParse(sampleInput(name)).success).toBe(true);
  });
});

describe("the product's own examples (test/fixtures/product-examples, copied verbatim)", () => {
  const dir = new URL('../fixtures/product-examples/', import.meta.url);
  const examples = readdirSync(dir).filter((file) => file.endsWith('.json')).sort();

  it('are all here', () => {
    expect(examples).toEqual(['new-client-fixed.json', 'retainer-prepaid.json', 'returning-client-hourly.json']);
  });

  it.each(examples)('%s is accepted verbatim', (file) => {
    expect(problemsOf(JSON.parse(readFileSync(new URL(file, dir), 'utf8')))).toEqual({});
  });
});

describe('defaults follow the article', () => {
  it('a new client gets a 50% deposit when none is given', () => {
    const answers = answersSchema.parse(withChange((a) => delete a.deposit));
    expect(answers.deposit).toEqual({ percent: 50, nonRefundable: true });
  });

  it('a returning client gets a 30% deposit when none is given', () => {
    const answers = answersSchema.parse(withChange((a) => { a.client.relationship = 'returning'; delete a.deposit.percent; }));
    expect(answers.deposit.percent).toBe(30);
  });

  // Written out by hand for each pricing model and both relationships, so the default is
  // pinned at more than one point: the percentage, and the amount the contract then asks.
  it.each([
    ['new-client-fixed', 'new', 50, '$12,000 fixed', 6_000_00],
    ['new-client-fixed', 'returning', 30, '$12,000 fixed', 3_600_00],
    ['returning-client-hourly', 'returning', 30, '£85 × 60 h estimate', 1_530_00],
    ['returning-client-hourly', 'new', 50, '£85 × 60 h estimate', 2_550_00],
    ['retainer-prepaid', 'returning', 30, '$2,500 a month', 750_00],
    ['retainer-prepaid', 'new', 50, '$2,500 a month', 1_250_00],
  ] as const)('%s as a %s client with no deposit given: %i%% of %s, %i minor units', (sample, relationship, percent, _fee, minor) => {
    const input = sampleInput(sample) as { client: { relationship: string }; deposit?: unknown };
    input.client.relationship = relationship;
    delete input.deposit;
    const answers = answersSchema.parse(input);
    expect(answers.deposit.percent).toBe(percent);
    expect(contractMoney(answers).deposit.minor).toBe(minor);
  });

  it('a deposit the freelancer chose is kept', () => {
    expect(answersSchema.parse(withChange((a) => (a.deposit.percent = 27.5))).deposit.percent).toBe(27.5);
  });

  it('two rounds of revisions are included unless the freelancer says otherwise', () => {
    expect(answersSchema.parse(sampleInput('new-client-fixed')).project.revisionRounds).toBe(2);
    expect(answersSchema.parse(withChange((a) => (a.project.revisionRounds = 0))).project.revisionRounds).toBe(0);
  });
});

describe('paper size: US Letter where the currency says North America or the Philippines, A4 elsewhere', () => {
  it('the examples, which name no paper size, get the paper of their currency', () => {
    expect(sampleInput('new-client-fixed')).not.toHaveProperty('paperSize');
    expect(answersSchema.parse(sampleInput('new-client-fixed')).paperSize).toBe('letter'); // USD
    expect(sampleInput('returning-client-hourly')).not.toHaveProperty('paperSize');
    expect(answersSchema.parse(sampleInput('returning-client-hourly')).paperSize).toBe('a4'); // GBP
  });

  it.each([
    ['USD', 'letter'], ['CAD', 'letter'], ['MXN', 'letter'], ['PHP', 'letter'], ['usd', 'letter'],
    ['GBP', 'a4'], ['EUR', 'a4'], ['JPY', 'a4'], ['AUD', 'a4'], ['INR', 'a4'],
  ] as const)('%s defaults to %s', (currency, paper) => {
    expect(defaultPaperSize(currency)).toBe(paper);
    const answers = answersSchema.parse(withChange((a) => { a.fee.currency = currency; a.fee.total = 12000; }));
    expect(answers.paperSize).toBe(paper);
  });

  it('a paper size given explicitly wins over the currency', () => {
    expect(answersSchema.parse(withChange((a) => (a.paperSize = 'a4'))).paperSize).toBe('a4');
    const british = sampleInput('returning-client-hourly');
    expect(answersSchema.parse({ ...british, paperSize: 'letter' }).paperSize).toBe('letter');
  });

  it.each(['A4', 'legal', '', 4, null])('refuses %j and names the field', (value) => {
    expect(problemsOf(withChange((a) => (a.paperSize = value)))).toEqual({ paperSize: 'Select a paper size: "letter" (US Letter) or "a4" (A4)' });
  });
});

describe('phone numbers are required and written as people write them', () => {
  it.each(['+1 (415) 555-0100 ext. 7', '+81 3-1234-5678', '020 7946 0958', '+44 20 7946 0958 x12', '(503) 555.0142'])('accepts %s', (phone) => {
    expect(problemsOf(withChange((a) => (a.client.phone = phone)))).toEqual({});
  });

  it.each(['call me', '12345', '+1 555 0100 0100 0100 0100', 'ext. 7'])('rejects %s and names the field', (phone) => {
    expect(problemsOf(withChange((a) => (a.client.phone = phone)))['client.phone']).toMatch(/phone number/);
  });

  it('a missing phone is reported on the party it belongs to', () => {
    expect(problemsOf(withChange((a) => delete a.freelancer.phone))).toEqual({ 'freelancer.phone': 'Enter your phone number' });
  });
});

describe('dates', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-1-5', 'next week', '2027-02-29'])('%s is not a real date', (date) => {
    expect(problemsOf(withChange((a) => (a.project.startDate = date)))['project.startDate']).toBe('Start date must be a real date, like 2027-03-01 (year, month, day)');
  });

  it('accepts the 29th of February in a leap year', () => {
    expect(problemsOf(withChange((a) => { a.project.startDate = '2028-02-29'; a.project.endDate = '2028-03-01'; }))).toEqual({});
  });

  it('an end date before the start date points at the end date', () => {
    expect(problemsOf(withChange((a) => (a.project.endDate = '2026-12-01')))).toEqual({
      'project.endDate': 'Enter an end date on or after the start date',
    });
  });

  it('a contract cannot take effect after the work starts', () => {
    expect(problemsOf(withChange((a) => (a.effectiveDate = '2026-12-08')))).toEqual({
      effectiveDate: 'Enter a date the contract takes effect on or before the start date',
    });
    // The same day is fine.
    expect(problemsOf(withChange((a) => (a.effectiveDate = a.project.startDate)))).toEqual({});
  });

  it('the date rules are reported with every other problem, in one pass', () => {
    expect(problemsOf(withChange((a) => { a.project.endDate = '2026-12-01'; a.effectiveDate = '2027-01-01'; a.client.name = ''; a.fee.total = 'lots'; }))).toEqual({
      'client.name': "Enter your client's full name",
      'fee.total': 'Total price must be a number, like 6,000',
      'project.endDate': 'Enter an end date on or after the start date',
      effectiveDate: 'Enter a date the contract takes effect on or before the start date',
    });
  });
});

describe('numbers stay within what a contract can mean', () => {
  it.each([
    ['deposit.percent', (a: any) => { a.deposit.percent = 0; }],
    ['deposit.percent', (a: any) => { a.deposit.percent = 101; }],
    ['killFee.unresponsiveDays', (a: any) => { a.killFee.unresponsiveDays = 0; }],
    ['killFee.unresponsiveDays', (a: any) => { a.killFee.unresponsiveDays = 366; }],
    ['killFee.unresponsiveDays', (a: any) => { a.killFee.unresponsiveDays = 7.5; }],
    ['fee.lateFeePercentPerMonth', (a: any) => { a.fee.lateFeePercentPerMonth = 10.5; }],
    ['fee.total', (a: any) => { a.fee.total = 0; }],
    ['fee.total', (a: any) => { a.fee.total = -5; }],
    ['fee.total', (a: any) => { a.fee.total = 1e300; }],
    ['fee.total', (a: any) => { a.fee.total = '12000'; }],
  ] as const)('%s is refused when out of range', (path, mutate) => {
    expect(Object.keys(problemsOf(withChange(mutate)))).toEqual([path]);
  });

  it('a currency must be a real three-letter code', () => {
    expect(problemsOf(withChange((a) => (a.fee.currency = 'XYZ')))['fee.currency']).toBe('Currency must be a three-letter currency code, like USD, EUR or JPY');
    expect(problemsOf(withChange((a) => (a.fee.currency = 'eur')))).toEqual({});
  });

  it('yen amounts have no decimals', () => {
    expect(problemsOf(withChange((a) => { a.fee.currency = 'JPY'; a.fee.total = 600000.5; }))).toEqual({
      'fee.total': 'Enter the total price as a whole number: Japanese Yen amounts have no decimals. Did you mean 600,001?',
    });
  });
});

describe('errors point at the field a user must fix', () => {
  it('an unknown fee model is reported on fee.model', () => {
    expect(Object.keys(problemsOf(withChange((a) => (a.fee.model = 'weekly'))))).toEqual(['fee.model']);
  });

  it('an unknown relationship lists the choices', () => {
    expect(problemsOf(withChange((a) => (a.client.relationship = 'friend')))['client.relationship']).toMatch(/"new".*"returning"/);
  });

  it('a missing section says so', () => {
    expect(problemsOf(withChange((a) => delete a.jurisdiction))).toEqual({ jurisdiction: 'The jurisdiction section is required.' });
  });

  it('a misspelt key is refused rather than silently ignored', () => {
    const result = answersSchema.safeParse(withChange((a) => (a.deposit.percnt = 40)));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['percnt'], path: ['deposit'] });
  });

  it('not an object at all is one clear message', () => {
    expect(problemsOf([])).toEqual({ '': 'The answers must be a JSON object.' });
  });
});

describe('free text', () => {
  it('a 10,000-character project description is fine', () => {
    expect(problemsOf(withChange((a) => (a.project.description = 'x'.repeat(10_000))))).toEqual({});
  });

  it('a description longer than any real contract is refused with the limit', () => {
    expect(problemsOf(withChange((a) => (a.project.description = 'x'.repeat(20_001))))['project.description']).toMatch(/20,000/);
  });

  it('characters no document can hold are removed, line breaks kept where they mean something', () => {
    const answers = answersSchema.parse(withChange((a) => {
      a.client.name = ' Priya\u0000 \uFFFENatarajan\uD800 ';
      a.client.address = '88 Pike St\r\nSeattle\u0007';
      a.freelancer.name = 'Jordan\nLee';
    }));
    expect(answers.client.name).toBe('Priya Natarajan');
    expect(answers.client.address).toBe('88 Pike St\nSeattle');
    expect(answers.freelancer.name).toBe('Jordan Lee');
  });

  it('a field with only spaces counts as empty', () => {
    expect(problemsOf(withChange((a) => (a.client.name = '   ')))).toEqual({ 'client.name': "Enter your client's full name" });
  });

  it('CJK, emoji and right-to-left names are ordinary text', () => {
    const answers = answersSchema.parse(withChange((a) => (a.client.name = '山田 花子 🎨 שרה')));
    expect(answers.client.name).toBe('山田 花子 🎨 שרה');
  });
});

describe('optional fields', () => {
  it('an empty business name or title is simply absent', () => {
    const answers = answersSchema.parse(withChange((a) => { a.client.business = '  '; a.freelancer.title = ''; }));
    expect(answers.client.business).toBeUndefined();
    expect(answers.freelancer.title).toBeUndefined();
  });
});

describe('several mistakes at once', () => {
  it('a bad currency with an amount is a message, not a crash', () => {
    expect(problemsOf(withChange((a) => { a.fee.currency = '2026-02-30'; a.fee.total = 10.555; }))).toEqual({
      'fee.currency': 'Currency must be a three-letter currency code, like USD, EUR or JPY',
    });
  });

  it('a bad start date with an end date is only the start date\'s problem', () => {
    expect(Object.keys(problemsOf(withChange((a) => { a.project.startDate = 'soon'; })))).toEqual(['project.startDate']);
  });
});

describe('the money-and-endings answers (all optional)', () => {
  it('left out, they take the defaults: 10 days to accept, 30 days of retainer notice, a non-exclusive licence, no tax', () => {
    const fixed = answersSchema.parse(sampleInput('new-client-fixed'));
    expect(fixed.project.acceptanceDays).toBe(10);
    expect(fixed.ownership.licence).toBe('non-exclusive');
    expect(fixed.fee.tax).toBeUndefined();
    expect(fixed.fee.paymentMethod).toBeUndefined();
    const retainer = answersSchema.parse(sampleInput('retainer-prepaid'));
    expect(retainer.fee.model === 'retainer' && retainer.fee.noticeDays).toBe(30);
  });

  it('given, they are kept', () => {
    const answers = answersSchema.parse(withChange((a) => {
      a.project.acceptanceDays = 5;
      a.fee.tax = { label: 'VAT', percent: 20 };
      a.fee.paymentMethod = 'Bank transfer\nSort code 12-34-56';
      a.ownership.licence = 'exclusive';
    }));
    expect(answers.project.acceptanceDays).toBe(5);
    expect(answers.fee.tax).toEqual({ label: 'VAT', percent: 20 });
    expect(answers.fee.paymentMethod).toBe('Bank transfer\nSort code 12-34-56');
    expect(answers.ownership.licence).toBe('exclusive');
  });

  it.each([
    ['project.acceptanceDays', (a: any) => (a.project.acceptanceDays = 0)],
    ['project.acceptanceDays', (a: any) => (a.project.acceptanceDays = 61)],
    ['project.acceptanceDays', (a: any) => (a.project.acceptanceDays = 2.5)],
    ['fee.tax.percent', (a: any) => (a.fee.tax = { label: 'VAT', percent: 0 })],
    ['fee.tax.percent', (a: any) => (a.fee.tax = { label: 'VAT', percent: 101 })],
    ['fee.tax.label', (a: any) => (a.fee.tax = { label: '', percent: 20 })],
    // An unknown key is reported on its object; the HTTP edge names the key itself (web/problems.ts).
    ['fee.tax', (a: any) => (a.fee.tax = { label: 'VAT', percent: 20, rate: 1 })],
    ['fee.paymentMethod', (a: any) => (a.fee.paymentMethod = 'x'.repeat(1001))],
    ['ownership.licence', (a: any) => (a.ownership.licence = 'sole')],
  ])('%s out of range is refused, naming the field', (path, change) => {
    expect(Object.keys(problemsOf(withChange(change)))).toContain(path);
  });

  it.each([0, 181])('a retainer notice of %i days is refused, naming fee.noticeDays', (days) => {
    const input = sampleInput('retainer-prepaid');
    input.fee.noticeDays = days;
    expect(Object.keys(problemsOf(input))).toContain('fee.noticeDays');
  });

  it('a notice period is a retainer\'s: on a fixed price it is not part of the answers', () => {
    const issues = answersSchema.safeParse(withChange((a) => (a.fee.noticeDays = 30))).error!.issues;
    expect(issues.some((issue) => issue.code === 'unrecognized_keys' && issue.keys.includes('noticeDays'))).toBe(true);
  });
});
