// The phone rule at its edges: a number one can dial has 6 to 15 digits (the
// ITU's E.164 maximum) before any extension, written with the separators
// people use, an optional leading +, and an extension of up to 6 digits.
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { sampleInput } from '../helpers/samples.ts';

// The wording is the messages' to choose; what is pinned is that the phone field is refused.
const MESSAGE = expect.stringMatching(/client's phone number/i);

function phoneProblem(phone: string): string | undefined {
  const input = sampleInput('new-client-fixed');
  input.client.phone = phone;
  const result = answersSchema.safeParse(input);
  if (result.success) return undefined;
  return result.error.issues.find((issue) => issue.path.join('.') === 'client.phone')?.message;
}

describe('how many digits', () => {
  it.each([
    ['6 digits, the fewest', '555 010'],
    ['15 digits, the most E.164 allows', '+123 456 789 012 345'],
    ['15 digits and a 6-digit extension (the extension is not counted)', '+123 456 789 012 345 ext. 123456'],
  ])('accepts %s', (_name, phone) => {
    expect(phoneProblem(phone)).toBeUndefined();
  });

  it.each([
    ['5 digits', '555 01'],
    ['16 digits', '+123 456 789 012 3456'],
    ['19 digits', '+1234 5678 9012 3456 789'],
  ])('refuses %s', (_name, phone) => {
    expect(phoneProblem(phone)).toEqual(MESSAGE);
  });
});

describe('how a number is written', () => {
  it.each([
    ['spaces', '+44 20 7946 0958'],
    ['dots', '503.555.0142'],
    ['dashes', '503-555-0142'],
    ['brackets', '(503) 555-0142'],
    ['slashes', '089/123 4567'],
    ['"ext."', '+1 415 555 0100 ext. 7'],
    ['"ext" without a dot', '+1 415 555 0100 ext 7'],
    ['"x"', '+1 415 555 0100 x7'],
    ['"#"', '+1 415 555 0100 #7'],
    ['"EXT" in capitals', '+1 415 555 0100 EXT. 7'],
    ['a 6-digit extension', '+1 415 555 0100 ext. 123456'],
  ])('accepts %s', (_name, phone) => {
    expect(phoneProblem(phone)).toBeUndefined();
  });

  it.each([
    ['words around the digits', 'call 503 555 0142'],
    ['a word after the digits', '503 555 0142 mobile'],
    ['a + that is not at the start', '1+503 555 0142'],
    ['two leading +', '++1 503 555 0142'],
    ['other punctuation', '503*555*0142'],
    ['a colon', 'tel:5035550142'],
    ['a 7-digit extension', '+1 415 555 0100 ext. 1234567'],
    ['an extension with no number before it', 'ext. 1234567'],
    ['letters for digits', '1-800-FLOWERS'],
  ])('refuses %s', (_name, phone) => {
    expect(phoneProblem(phone)).toEqual(MESSAGE);
  });
});
