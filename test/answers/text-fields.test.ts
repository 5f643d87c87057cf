// Every text answer at its edges: the longest text accepted, one character
// more refused with the limit in words, a missing or wrong-kind answer asked
// for in the field's own sentence. Each refusal is the exact sentence the
// person reads (the catalogue's, in English).
import { describe, expect, it } from 'vitest';
import { answersSchema, rawTextLimit } from '../../src/answers/schema.ts';
import { answerProblems, sampleWith } from '../helpers/samples.ts';



const parsed = (path: string, value: unknown) => {
  const answers: any = answersSchema.parse(sampleWith(path, value));
  return path.split('.').reduce((object, key) => object?.[key], answers);
};

interface TextField {
  readonly path: string;
  readonly max: number;
  /** Its name at the start of a sentence. */
  readonly name: string;
  /** The sentence asking for it; absent for an optional field. */
  readonly missing?: string;
  /** A value of `max` characters that the field accepts. */
  readonly longest?: string;
}

const REQUIRED: readonly TextField[] = [
  { path: 'freelancer.name', max: 200, name: 'Your full name', missing: 'Enter your full name' },
  { path: 'client.name', max: 200, name: "Your client's full name", missing: "Enter your client's full name" },
  { path: 'freelancer.address', max: 500, name: 'Your postal address', missing: 'Enter your postal address' },
  { path: 'client.address', max: 500, name: "Your client's postal address", missing: "Enter your client's postal address" },
  { path: 'project.name', max: 200, name: 'Project name', missing: 'Enter the project name' },
  { path: 'project.description', max: 20_000, name: 'What the project is', missing: 'Enter what the project is, in a sentence or two' },
  { path: 'jurisdiction.governingLaw', max: 300, name: 'Governing law', missing: 'Enter the governing law, like State of Oregon or England and Wales' },
  { path: 'jurisdiction.venue', max: 300, name: 'Court (venue)', missing: 'Enter the court (venue), like Multnomah County, Oregon' },
];

const OPTIONAL: readonly TextField[] = [
  { path: 'freelancer.business', max: 200, name: 'Your business name' },
  { path: 'client.business', max: 200, name: "Your client's business name" },
  { path: 'freelancer.title', max: 120, name: 'Your title' },
  { path: 'client.title', max: 120, name: "Your client's title" },
  { path: 'fee.paymentMethod', max: 1_000, name: 'How the client pays' },
];

const limitInWords = (field: TextField) => `${field.name} must be ${field.max.toLocaleString('en-US')} characters or fewer`;

describe.each(REQUIRED)('$path, required', (field) => {
  it('is asked for when left out, null, empty or only spaces', () => {
    for (const value of [undefined, null, '', '  \n '])
      expect(answerProblems(sampleWith(field.path, value)), JSON.stringify(value)).toEqual({ [field.path]: [field.missing] });
  });

  it('a number where text belongs is asked for again', () => {
    expect(answerProblems(sampleWith(field.path, 42))).toEqual({ [field.path]: [field.missing] });
  });

  it(`takes ${field.max} characters and refuses one more, with the limit in words`, () => {
    expect(answerProblems(sampleWith(field.path, 'x'.repeat(field.max)))).toEqual({});
    expect(answerProblems(sampleWith(field.path, 'x'.repeat(field.max + 1)))).toEqual({ [field.path]: [limitInWords(field)] });
  });
});

describe.each(OPTIONAL)('$path, optional', (field) => {
  it('left out or empty, it is absent', () => {
    expect(parsed(field.path, undefined)).toBeUndefined();
    expect(parsed(field.path, '')).toBeUndefined();
    expect(parsed(field.path, '   ')).toBeUndefined();
  });

  it('a number where text belongs is refused, naming the field', () => {
    expect(answerProblems(sampleWith(field.path, 42))).toEqual({ [field.path]: [`${field.name} must be text`] });
  });

  it(`takes ${field.max} characters and refuses one more, with the limit in words`, () => {
    expect(parsed(field.path, 'x'.repeat(field.max))).toBe('x'.repeat(field.max));
    expect(answerProblems(sampleWith(field.path, 'x'.repeat(field.max + 1)))).toEqual({ [field.path]: [limitInWords(field)] });
  });
});

describe('how the lines of a text answer are tidied', () => {
  it('a one-line answer loses its line breaks; a several-line one keeps them, trimmed', () => {
    expect(parsed('client.business', ' Harbor\n Coffee\tCo. ')).toBe('Harbor Coffee Co.');
    expect(parsed('fee.paymentMethod', 'Bank transfer  \r\n\r\n\r\nSort code 12-34-56\t')).toBe('Bank transfer\n\nSort code 12-34-56');
    expect(parsed('client.address', '88 Pike St \r\nSeattle')).toBe('88 Pike St\nSeattle');
  });
});

describe('text far over its limit is refused without being read', () => {
  // Up to twice the limit plus 100 characters, trailing spaces are tidied
  // first, so an answer that is short once tidied is accepted; beyond that the
  // text is refused as it came, however little of it is left once tidied.
  const padded = (length: number) => `Jordan Lee${' '.repeat(length - 10)}`;

  it.each([
    ['a one-line answer', 'freelancer.name', 200, 'Your full name must be 200 characters or fewer'],
    ['a several-line answer', 'freelancer.address', 500, 'Your postal address must be 500 characters or fewer'],
    ['an optional one-line answer', 'freelancer.business', 200, 'Your business name must be 200 characters or fewer'],
    ['an optional several-line answer', 'fee.paymentMethod', 1_000, 'How the client pays must be 1,000 characters or fewer'],
  ])('%s (%s)', (_kind, path, max, tooLong) => {
    const limit = rawTextLimit(max);
    expect(limit).toBe(2 * max + 100);
    expect(padded(limit)).toHaveLength(limit);
    expect(parsed(path, padded(limit))).toBe('Jordan Lee');
    expect(answerProblems(sampleWith(path, padded(limit + 1)))).toEqual({ [path]: [tooLong] });
  });

  it('a currency code padded with spaces is read up to 106 characters', () => {
    expect(parsed('fee.currency', `${' '.repeat(103)}usd`)).toBe('USD');
    expect(answerProblems(sampleWith('fee.currency', `${' '.repeat(104)}usd`))).toEqual({
      'fee.currency': ['Currency must be a three-letter currency code, like USD, EUR or JPY'],
    });
  });
});

describe('email addresses', () => {
  it.each([
    ['freelancer.email', 'Enter your email address', 'Enter your email address in the right format, like name@example.com', 'Your email address'],
    ['client.email', "Enter your client's email address", "Enter your client's email address in the right format, like name@example.com", "Your client's email address"],
  ])('%s: missing, malformed and too long each have their sentence', (path, missing, format, name) => {
    expect(answerProblems(sampleWith(path, undefined))).toEqual({ [path]: [missing] });
    expect(answerProblems(sampleWith(path, ''))).toEqual({ [path]: [missing] });
    expect(answerProblems(sampleWith(path, 7))).toEqual({ [path]: [missing] });
    expect(answerProblems(sampleWith(path, 'jordan at leestudio'))).toEqual({ [path]: [format] });
    expect(parsed(path, ' jordan@leestudio.example ')).toBe('jordan@leestudio.example');
    // 254 characters: 64 before the @, three labels of at most 63.
    const longest = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(longest).toHaveLength(254);
    expect(parsed(path, longest)).toBe(longest);
    expect(answerProblems(sampleWith(path, `a${longest}`))[path]).toContain(`${name} must be 254 characters or fewer`);
  });
});

describe('phone numbers', () => {
  it.each([
    ['freelancer.phone', 'Enter your phone number', 'Enter your phone number in the right format, like +1 415 555 0100 or 020 7946 0000', 'Your phone number'],
    ['client.phone', "Enter your client's phone number", "Enter your client's phone number in the right format, like +1 415 555 0100 or 020 7946 0000", "Your client's phone number"],
  ])('%s: missing, malformed and too long each have one sentence', (path, missing, format, name) => {
    expect(answerProblems(sampleWith(path, undefined))).toEqual({ [path]: [missing] });
    expect(answerProblems(sampleWith(path, null))).toEqual({ [path]: [missing] });
    expect(answerProblems(sampleWith(path, 5035550142))).toEqual({ [path]: [missing] });
    expect(answerProblems(sampleWith(path, 'call me'))).toEqual({ [path]: [format] });
    // 40 characters is the limit: a bad number of 40 is named as badly written,
    // one of 41 only as too long.
    expect(answerProblems(sampleWith(path, `+1 503 555 0142${' -'.repeat(12)}x`))).toEqual({ [path]: [format] });
    expect(answerProblems(sampleWith(path, `+1 503 555 0142${' -'.repeat(12)}-x`))).toEqual({ [path]: [`${name} must be 40 characters or fewer`] });
    expect(parsed(path, `+1 503 555 0142${' -'.repeat(12)}-`)).toBe(`+1 503 555 0142${' -'.repeat(12)}-`);
  });
});

describe('deliverables', () => {
  const deliverables = (count: number) => Array.from({ length: count }, (_, i) => `Deliverable ${i + 1}`);

  it('one to fifty are accepted', () => {
    expect(parsed('project.deliverables', deliverables(1))).toEqual(['Deliverable 1']);
    expect(parsed('project.deliverables', deliverables(50))).toHaveLength(50);
  });

  it('none, fifty-one, or something other than a list each have their sentence', () => {
    expect(answerProblems(sampleWith('project.deliverables', []))).toEqual({ 'project.deliverables': ['Enter at least one deliverable'] });
    expect(answerProblems(sampleWith('project.deliverables', undefined))).toEqual({ 'project.deliverables': ['Enter at least one deliverable'] });
    expect(answerProblems(sampleWith('project.deliverables', deliverables(51)))).toEqual({
      'project.deliverables': ['Enter at most 50 deliverables: group the smaller ones'],
    });
    expect(answerProblems(sampleWith('project.deliverables', 'a logo'))).toEqual({ 'project.deliverables': ['Deliverables must be a list'] });
  });

  it('an empty one is named by its place in the list; 1,000 characters is the most one can say', () => {
    expect(answerProblems(sampleWith('project.deliverables', ['A logo', ' ']))).toEqual({
      'project.deliverables.1': ['Enter the deliverable, or leave its box empty to remove it'],
    });
    expect(parsed('project.deliverables', ['x'.repeat(1_000)])).toEqual(['x'.repeat(1_000)]);
    expect(answerProblems(sampleWith('project.deliverables', ['x'.repeat(1_001)]))).toEqual({
      'project.deliverables.0': ['A deliverable must be 1,000 characters or fewer'],
    });
  });
});
