// The phone rule at its edges: a number one can dial has 6 to 15 digits (the
// ITU's E.164 maximum) before any extension, written with the separators
// people use, an optional leading +, and an extension of up to 6 digits.
import { describe, expect, it } from 'vitest';
import { answersSchema, phoneWithoutExtension } from '../../src/answers/schema.ts';
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

describe('the extension taken off before the digits are counted', () => {
  it.each([
    ['"ext." and a space', '+1 415 555 0100 ext. 7', '+1 415 555 0100 '],
    ['"ext." with no space', '+1 415 555 0100 ext.7', '+1 415 555 0100 '],
    ['"ext"', '+1 415 555 0100 ext 42', '+1 415 555 0100 '],
    ['"x"', '+1 415 555 0100 x123456', '+1 415 555 0100 '],
    ['"#" after a tab', '+1 415 555 0100\t#7', '+1 415 555 0100\t'],
    ['"EXT." in capitals', '+1 415 555 0100 EXT. 7', '+1 415 555 0100 '],
    ['an extension ending in 0, the lowest digit', '+1 415 555 0100 x20', '+1 415 555 0100 '],
    ['an extension ending in 9, the highest', '+1 415 555 0100 x19', '+1 415 555 0100 '],
  ])('%s', (_name, phone, number) => {
    expect(phoneWithoutExtension(phone)).toBe(number);
  });

  it.each([
    ['no extension: the last digits are the number', '+1 415 555 0100'],
    ['seven digits after a mark are not an extension', '+1 415 555 0100 ext. 1234567'],
    ['a mark with no digits after it', '+1 415 555 0100 ext.'],
    ['digits after a word that is not a mark', '+1 415 555 0100 no 7'],
    ['only digits', '5035550142'],
    ['a slash just below the digits', '+1 415 555 0100 x/'],
    ['a colon just above them', '+1 415 555 0100 x:'],
    ['digits that are not ASCII', '+1 415 555 0100 x٧'],
  ])('%s: unchanged', (_name, phone) => {
    expect(phoneWithoutExtension(phone)).toBe(phone);
  });

  it('what is left must still be a number one can dial', () => {
    expect(phoneProblem('+1 415 555 0100 x/')).toEqual(MESSAGE);
    expect(phoneProblem('+1 415 555 0100 ext.7')).toBeUndefined();
  });
});
