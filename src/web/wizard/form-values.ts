// Between HTML forms and the answers' shape. A form sends strings; the
// answers hold numbers, booleans and lists. Conversion is forgiving in one
// direction only: what looks like a number becomes one, what does not stays
// the string the user typed, so the schema can say what is wrong and the page
// can show the value again. Empty inputs become absent (an optional answer
// left out), never an empty string the schema would call "too short".

/** Values as a form carries them, keyed by the input's name (a dotted answers path). */
export type FormValue = string | string[];
export type FormValues = Record<string, FormValue>;

import { readAmount } from '../../answers/money.ts';
import { asciiForm } from '../../answers/text.ts';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function getIn(target: unknown, path: string): unknown {
  let value: unknown = target;
  for (const key of path.split('.')) {
    if (!isRecord(value)) return undefined;
    value = value[key];
  }
  return value;
}

export function setIn(target: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (!isRecord(node[key])) node[key] = {};
    node = node[key] as Json;
  }
  node[keys[keys.length - 1]!] = value;
}

export function deleteIn(target: Json, path: string): void {
  const keys = path.split('.');
  const parent = getIn(target, keys.slice(0, -1).join('.'));
  const holder = keys.length === 1 ? target : parent;
  if (isRecord(holder)) delete holder[keys[keys.length - 1]!];
}

/** One value from a parsed form body; a repeated name gives its first value. */
export function single(value: unknown): string | undefined {
  if (Array.isArray(value)) return single(value[0]);
  return typeof value === 'string' ? value : undefined;
}

/**
 * The named inputs of a posted form, each its first value cut to `maxLength`
 * characters; an input not sent is left out. Shared by the follow-up,
 * invoice and payment forms.
 */
export function readFormInputs(names: readonly string[], body: unknown, maxLength: number): FormValues {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const form: FormValues = {};
  for (const name of names) {
    const value = single(source[name]);
    if (value !== undefined) form[name] = value.slice(0, maxLength);
  }
  return form;
}

/** An input of a form read by `readFormInputs` as text: its first value, '' when absent. */
export function formText(form: FormValues, name: string): string {
  const value = form[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Every value of a repeated input, in order. */
export function many(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}

/**
 * "12,000", "1 500", "1.5%", "１２", "1,5" (a decimal comma) -> numbers.
 * Anything else is returned as typed so the schema reports "must be a
 * number" and the page can show it again.
 */
export function toNumber(raw: string): number | string | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  const spaced = asciiForm(trimmed).replace(/[\s_]/g, '').replace(/%$/, '');
  // One comma before one or two digits, and no point: a decimal comma ("1,5" is 1.5, as "1,500" is 1500).
  const compact = /^[+-]?\d+,\d{1,2}$/.test(spaced) ? spaced.replace(',', '.') : spaced.replace(/,/g, '');
  // One way to match each digit (no \d+\.?\d*, which retries every split of a long run).
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(compact)) {
    const value = Number(compact);
    if (Number.isFinite(value)) return value;
  }
  return trimmed;
}

/**
 * An amount as people type it (money.ts's readAmount): a number, or what
 * was typed when it is not one, is in another currency than `currency`, or
 * could be read two ways ("6.000" in dollars). The schema then refuses it and
 * the wizard says why (`amountProblem`).
 */
export function parseAmount(raw: string, currency?: string): number | string | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  const reading = readAmount(trimmed, currency);
  return reading.kind === 'amount' ? reading.value : trimmed;
}

/** What a typed date says: "2027-03-01", also typed "２０２７／３／１" or "2027年3月1日" -> "2027-03-01". */
export function toIsoDateText(raw: string): string | undefined {
  const trimmed = asciiForm(raw).trim();
  if (trimmed === '') return undefined;
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(trimmed);
  return parts ? `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}` : trimmed;
}

/** A saved amount written back into its box the way people read it: "6,000", "6,000.50". */
export function formatAmountInput(value: number): string {
  return value.toLocaleString('en-US', Number.isInteger(value) ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 2, maximumFractionDigits: 6 });
}

/** "yes"/"no" radios -> booleans; anything else is left out. */
export function toBoolean(raw: string): boolean | undefined {
  if (raw === 'yes') return true;
  if (raw === 'no') return false;
  return undefined;
}

/** A saved answer written back into an input. */
export function toInputText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return '';
}
