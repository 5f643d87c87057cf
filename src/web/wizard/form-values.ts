// Between HTML forms and the answers' shape. A form sends strings; the
// answers hold numbers, booleans and lists. Conversion is forgiving in one
// direction only: what looks like a number becomes one, what does not stays
// the string the user typed, so the schema can say what is wrong and the page
// can show the value again. Empty inputs become absent (an optional answer
// left out), never an empty string the schema would call "too short".

/** Values as a form carries them, keyed by the input's name (a dotted answers path). */
export type FormValue = string | string[];
export type FormValues = Record<string, FormValue>;

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

/** Every value of a repeated input, in order. */
export function many(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}

/**
 * "12,000", "1 500", "1.5%" -> numbers. Anything else is returned as typed so
 * the schema reports "must be a number" and the page can show it again.
 */
export function toNumber(raw: string): number | string | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  const compact = trimmed.replace(/[\s,_]/g, '').replace(/%$/, '');
  // One way to match each digit (no \d+\.?\d*, which retries every split of a long run).
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(compact)) {
    const value = Number(compact);
    if (Number.isFinite(value)) return value;
  }
  return trimmed;
}

// A currency written before or after an amount: "$", "US$", "USD", "CA$", "€", "¥", "kr", "CHF".
const LEADING_CURRENCY = /^(?:[A-Za-z]{1,3}\s?)?\p{Sc}?\s*/u;
// No leading \s* here: on a long run of spaces it would retry from each one (quadratic); the space is trimmed after.
const TRAILING_CURRENCY = /(?:\p{Sc}|[A-Za-z]{2,3}\.?)$/u;
// Spaces of every width (\s: a French "6 000", a narrow no-break space), a Swiss apostrophe, an underscore.
const GROUP_MARKS = /[\s'’_]/g;

/**
 * An amount as people type it: "$6,000", "6 000", "6,000.50", "¥1,200,000",
 * "USD 6000", "6.000,50 €" -> a number. The currency typed with it is not
 * checked here: the contract's currency is asked on its own page and shown
 * beside the box. Anything that is not an amount is returned as typed, so
 * the schema can say so and the page can show it again.
 */
export function parseAmount(raw: string): number | string | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  const bare = trimmed.replace(LEADING_CURRENCY, '').replace(TRAILING_CURRENCY, '').trimEnd().replace(GROUP_MARKS, '');
  const sign = bare.startsWith('-') ? '-' : '';
  const digits = bare.replace(/^[+-]/, '');
  let plain: string | undefined;
  if (/^\d+$/.test(digits)) plain = digits;
  // Both marks: the last one is the decimal point ("6,000.50", "6.000,50").
  else if (/^\d{1,3}(?:,\d{3})+\.\d+$/.test(digits)) plain = digits.replace(/,/g, '');
  else if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(digits)) plain = digits.replace(/\./g, '').replace(',', '.');
  // Commas in threes are thousands ("6,000", "1,200,000"); one comma before one or two digits is a decimal comma ("6000,5").
  else if (/^\d{1,3}(?:,\d{3})+$/.test(digits)) plain = digits.replace(/,/g, '');
  // Indian grouping: "12,00,000".
  else if (/^\d{1,2}(?:,\d{2})*,\d{3}$/.test(digits)) plain = digits.replace(/,/g, '');
  else if (/^\d+,\d{1,2}$/.test(digits)) plain = digits.replace(',', '.');
  // Several dots in threes are thousands ("1.200.000"); one dot is a decimal point ("6000.50").
  else if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(digits)) plain = digits.replace(/\./g, '');
  else if (/^\d*\.\d+$/.test(digits)) plain = digits;
  if (plain === undefined) return trimmed;
  const value = Number(`${sign}${plain}`);
  return Number.isFinite(value) ? value : trimmed;
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
