// Time zones as IANA names ("America/New_York", "Asia/Tokyo"), checked
// against the zones this Node's Intl knows. Intl lists each zone under one
// name (often the older one: "Asia/Calcutta", "America/Indianapolis") but
// accepts its other names too ("Asia/Kolkata"), so a name is accepted when
// Intl resolves it to a zone it lists, and kept as the person wrote it.

/** Every zone Intl lists, and UTC (which supportedValuesOf leaves out). */
const LISTED: ReadonlySet<string> = new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);

/** The zones to choose from, sorted, for a list to pick from. */
export const TIME_ZONES: readonly string[] = [...LISTED].sort();

// An IANA name is letters, digits, "_", "-" and "+" in one to three parts; offsets ("+05:00") are not zones.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * The zone `value` names, spelt as Intl spells it where it differs only in
 * case ("asia/tokyo" is "Asia/Tokyo"), or undefined when it names none.
 */
export function timeZoneNamed(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 64 || !ZONE_NAME.test(value)) return undefined;
  if (LISTED.has(value)) return value;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  if (!LISTED.has(resolved)) return undefined;
  return resolved.toLowerCase() === value.toLowerCase() ? resolved : value;
}

export function isKnownTimeZone(value: unknown): value is string {
  return timeZoneNamed(value) !== undefined;
}

/** The list to choose from, holding `chosen` even where Intl lists that zone under another name. */
export function timeZoneChoices(chosen: string): readonly string[] {
  return LISTED.has(chosen) ? TIME_ZONES : [...TIME_ZONES, chosen].sort();
}
