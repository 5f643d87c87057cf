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
  const compact = trimmed.replace(/[\s,_\u00a0]/g, '').replace(/%$/, '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(compact)) {
    const value = Number(compact);
    if (Number.isFinite(value)) return value;
  }
  return trimmed;
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
