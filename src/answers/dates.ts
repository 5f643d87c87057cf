// Dates travel as ISO strings (YYYY-MM-DD) and are written out in documents.
// All arithmetic is on UTC calendar days so no time zone can shift a date.

const longDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

export function parseIsoDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// Formatting a date through Intl costs about a microsecond, and a contract
// writes the same few dates many times: each is formatted once and kept
// (bounded, so any number of distinct dates keeps memory in check).
const longDates = new Map<string, string>();
const MAX_KEPT = 10_000;

/** "December 1, 2026" */
export function formatLongDate(iso: string): string {
  return longDates.get(iso) ?? kept(iso, longDate.format(parseIsoDate(iso)));
}

function kept(iso: string, formatted: string): string {
  if (longDates.size < MAX_KEPT) longDates.set(iso, formatted);
  return formatted;
}

/** How many formatted dates are kept: the memory bound's test reads it. */
export const longDatesKept = (): number => longDates.size;

export function addDays(iso: string, days: number): string {
  const date = parseIsoDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIsoDate(date);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / 86_400_000);
}
