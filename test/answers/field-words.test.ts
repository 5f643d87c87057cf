// The sentences the letters and invoices build from the answers' helpers:
// a missing answer is asked for, one of the wrong kind gets its own sentence
// (or is asked for again), and each sentence is written when the problem is
// found, in the language of the check.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isoDate, requiredMessage } from '../../src/answers/schema.ts';
import { inLanguage, sayLater } from '../../src/language/messages.ts';

const messageOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]!.message;
};

const NUMBER = {
  missing: sayLater('letterRequest.invoice.number.missing'),
  wrong: () => 'Invoice number must be text',
};

describe('a required answer', () => {
  it('left out or null, it is asked for', () => {
    expect(requiredMessage(NUMBER)({ input: undefined })).toBe('Enter the invoice number');
    expect(requiredMessage(NUMBER)({ input: null })).toBe('Enter the invoice number');
    expect(requiredMessage(NUMBER)({})).toBe('Enter the invoice number');
  });

  it('of the wrong kind, even a falsy one, it gets the wrong-kind sentence', () => {
    for (const input of [5, 0, '', false]) expect(requiredMessage(NUMBER)({ input }), JSON.stringify(input)).toBe('Invoice number must be text');
  });

  it('with no wrong-kind sentence, it is asked for again', () => {
    expect(requiredMessage({ missing: NUMBER.missing })({ input: 5 })).toBe('Enter the invoice number');
  });

  it('in Japanese inside a Japanese check', () => {
    expect(inLanguage('ja', () => requiredMessage(NUMBER)({}))).toBe('請求書番号を入力してください');
  });
});

describe('a date', () => {
  const issuedOn = isoDate(sayLater('letterRequest.invoice.issuedOn'), sayLater('letterRequest.invoice.issuedOn.missing'));

  it('missing, it is asked for; not a real date, it says what a date looks like', () => {
    expect(messageOf(issuedOn, undefined)).toBe('Enter the invoice date');
    expect(messageOf(issuedOn, null)).toBe('Enter the invoice date');
    expect(messageOf(issuedOn, '2026-02-30')).toBe('Invoice date must be a real date, like 2027-03-01 (year, month, day)');
    expect(messageOf(issuedOn, 20260228)).toBe('Invoice date must be a real date, like 2027-03-01 (year, month, day)');
    expect(messageOf(issuedOn, '2026-02-28')).toBeUndefined();
  });
});
