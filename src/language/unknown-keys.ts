// A key that an object of a request does not have ("colour" in an invoice)
// is reported once per key, at the key's own path, saying what it is not part
// of. Zod reports all the unknown keys of one object as a single issue, with
// the message the object's schema writes; the edge (web/problems.ts) writes
// one sentence per key. Each object that refuses unknown keys is therefore a
// "part" with two sentences in the catalogues:
//   <part>.unknownField  the schema's message ("This field is not part of an invoice; …")
//   <part>.unknownKey    the edge's sentence for one key ("\"{key}\" is not part of an invoice; …")
// The edge finds the part again from the schema's message, in the language of
// the check (test/language/messages.test.ts keeps each language's messages
// distinct, so no two parts can be confused).
import { say } from './messages.ts';

export const UNKNOWN_KEY_PARTS = [
  'answers',
  'letterRequest.request',
  'letterRequest.letter',
  'letterRequest.invoice',
  'invoiceRequest.request',
  'invoiceRequest.invoice',
  'invoiceRequest.expense',
  'scheduleRequest.request',
  'clausesQuery.request',
  'claimPack.request',
  'claimPack.payment',
  'claimPack.letterEntry',
] as const;
export type UnknownKeyPart = (typeof UNKNOWN_KEY_PARTS)[number];

/** The schema's message for unknown keys in `part`, in the language of the check. */
export function unknownField(part: UnknownKeyPart): string {
  return say(`${part}.unknownField`);
}

/**
 * The sentence for one unknown `key`, given the message the schema wrote for
 * its object; a message of no known part is taken as the answers'.
 */
export function unknownKey(schemaMessage: string, key: string): string {
  const part = UNKNOWN_KEY_PARTS.find((candidate) => unknownField(candidate) === schemaMessage) ?? 'answers';
  return say(`${part}.unknownKey`, { key });
}
