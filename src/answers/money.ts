// Money in the contract's own currency. Arithmetic is done in minor units
// (cents, pence, whole yen) so that a deposit plus its balance always equals
// the total, and formatting comes from Intl so each currency looks as its
// users expect: $6,000.00, £1,530.00, ¥600,000.
import { asciiForm } from './text.ts';

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 code this runtime formats ("USD", "JPY"): upper case, as the answers hold it. */
export function isKnownCurrency(code: string | undefined): code is string {
  return KNOWN_CURRENCIES.has(code ?? '');
}

/** `value` kept under `key` in `kept`, and returned: what each currency's lookups below remember (a few hundred currencies at most). */
function remember<T>(kept: Map<string, T>, key: string, value: T): T {
  kept.set(key, value);
  return value;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatterFor(currency: string): Intl.NumberFormat {
  return formatters.get(currency) ?? remember(formatters, currency, new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }));
}

const currencyNames = new Intl.DisplayNames('en', { type: 'currency' });

/** "US Dollar", "Japanese Yen": a currency as people name it. */
export function currencyName(code: string): string {
  return currencyNames.of(code) ?? code;
}

// resolvedOptions() builds a new object each call; every figure asks, so the answer is kept.
const digitsByCurrency = new Map<string, number>();

/** How many decimals the currency uses: 2 for USD and GBP, 0 for JPY, 3 for KWD. */
export function currencyDigits(currency: string): number {
  return digitsByCurrency.get(currency) ?? remember(digitsByCurrency, currency, formatterFor(currency).resolvedOptions().maximumFractionDigits ?? 2);
}

/** An amount in minor units of one currency. */
export interface Money {
  readonly minor: number;
  readonly currency: string;
}

export function money(major: number, currency: string): Money {
  return { minor: Math.round(major * 10 ** currencyDigits(currency)), currency };
}

export function toMajor(amount: Money): number {
  return amount.minor / 10 ** currencyDigits(amount.currency);
}

// As dates.ts's long dates: a contract writes the same few amounts many times, each formatted once and kept (bounded).
const formatted = new Map<string, string>();
const MAX_KEPT = 10_000;

export function formatMoney(amount: Money): string {
  const key = `${amount.currency} ${amount.minor}`;
  return formatted.get(key) ?? keptAmount(key, formatterFor(amount.currency).format(toMajor(amount)));
}

function keptAmount(key: string, text: string): string {
  if (formatted.size < MAX_KEPT) formatted.set(key, text);
  return text;
}

/** How many formatted amounts are kept: the memory bound's test reads it. */
export const formattedAmountsKept = (): number => formatted.size;

/**
 * Percentages as people write them in a contract: 50%, 1.5%, 27.5%, and a
 * rate such as New York City's 8.875% sales tax as it is. Up to four
 * decimals, so the rate printed is the rate the figures are computed with
 * (two decimals printed 8.88% beside a tax charged at 8.875%).
 */
export function formatPercent(percent: number): string {
  return `${Number(percent.toFixed(4))}%`;
}

/** What an amount typed by a person says, read against the contract's currency. */
export type AmountReading =
  | { readonly kind: 'amount'; readonly value: number }
  | { readonly kind: 'not-amount' }
  /**
   * "6.000": a point before three digits is a thousands mark in much of
   * Europe and a decimal point elsewhere. In a currency with fewer than three
   * decimals it is asked again, never guessed: 6,000, or (with cents) 6.00.
   */
  | { readonly kind: 'thousands-or-decimals'; readonly thousands: number; readonly decimals?: number }
  /** "€6,000" in a contract in US dollars: the amount names another currency. */
  | { readonly kind: 'other-currency'; readonly written: string };

// A currency written before an amount: "$", "US$", "USD", "CA$", "€", "¥". Matched at the start only, each part once.
const LEADING_CURRENCY = /^(?:[A-Za-z]{1,3}\s?)?\p{Sc}?\s*/u;
// After it: "€", "USD", "kr.", "円". No leading \s* here: on a long run of spaces it would retry from each one (quadratic); the space is trimmed after.
const TRAILING_CURRENCY = /(?:\p{Sc}|[A-Za-z]{2,3}\.?|円)$/u;
// Spaces of every width (\s: a French "6 000", a narrow no-break space), a Swiss apostrophe, an underscore.
const GROUP_MARKS = /[\s'’_]/g;

/**
 * An amount as people type it: "$6,000", "6 000", "6,000.50", "¥1,200,000",
 * "USD 6000", "6.000,50 €", "１２０００００円" -> a number. With the contract's
 * currency, a symbol or code of another currency is refused ("€6,000" in US
 * dollars), and a point before three digits is asked about ("6.000" in US
 * dollars: 6,000 or 6.00?).
 */
export function readAmount(typed: string, currency?: string): AmountReading {
  const text = asciiForm(typed).trim();
  const lead = LEADING_CURRENCY.exec(text)![0];
  const afterLead = text.slice(lead.length);
  const trail = TRAILING_CURRENCY.exec(afterLead)?.[0] ?? '';
  // The group marks include every space, so the space before a trailing currency goes with them.
  const bare = afterLead.slice(0, afterLead.length - trail.length).replace(GROUP_MARKS, '');
  // A currency the amount is checked against: none for a contract whose currency is missing or unknown.
  const contractCurrency = isKnownCurrency(currency) ? currency : undefined;
  for (const marker of [lead.trim(), trail.endsWith('.') ? trail.slice(0, -1) : trail]) {
    if (marker === '' || contractCurrency === undefined) continue;
    if (writesCurrency(marker, contractCurrency)) continue;
    return isCurrencyMarker(marker) ? { kind: 'other-currency', written: marker } : { kind: 'not-amount' };
  }
  const sign = bare.startsWith('-') ? '-' : '';
  const digits = bare.replace(/^[+-]/, '');
  const decimals = contractCurrency === undefined ? 2 : currencyDigits(contractCurrency);
  if (decimals < 3 && /^\d{1,3}\.\d{3}$/.test(digits)) {
    const thousands = Number(`${sign}${digits.replace('.', '')}`);
    return decimals === 0 ? { kind: 'thousands-or-decimals', thousands } : { kind: 'thousands-or-decimals', thousands, decimals: Number(`${sign}${digits}`) };
  }
  const plain = plainDigits(digits);
  if (plain === '') return { kind: 'not-amount' };
  const value = Number(`${sign}${plain}`);
  // Digits so long they overflow a double are not an amount anyone owes.
  return Number.isFinite(value) ? { kind: 'amount', value } : { kind: 'not-amount' };
}

/** The digits of an amount with its marks read (a decimal point, or none), or '' when they do not read as one. */
function plainDigits(digits: string): string {
  if (/^\d+$/.test(digits)) return digits;
  // Both marks: the last one is the decimal point ("6,000.50", "6.000,50").
  if (/^\d{1,3}(?:,\d{3})+\.\d+$/.test(digits)) return digits.replace(/,/g, '');
  if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(digits)) return digits.replace(/\./g, '').replace(',', '.');
  // Commas in threes are thousands ("6,000", "1,200,000"); one comma before one or two digits is a decimal comma ("6000,5").
  if (/^\d{1,3}(?:,\d{3})+$/.test(digits)) return digits.replace(/,/g, '');
  // Indian grouping: "12,00,000".
  if (/^\d{1,2}(?:,\d{2})*,\d{3}$/.test(digits)) return digits.replace(/,/g, '');
  const decimalComma = /^(\d+),(\d{1,2})$/.exec(digits);
  if (decimalComma) return `${decimalComma[1]}.${decimalComma[2]}`;
  // Several dots in threes are thousands ("1.200.000"); one dot is a decimal point ("6000.50").
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(digits)) return digits.replace(/\./g, '');
  return /^\d*\.\d+$/.exec(digits)?.[0] ?? '';
}

// The ways a currency is written before or after an amount, in the locales
// whose people use this wizard: "$" and "US$" for USD, "CA$" for CAD, "¥" and
// "円" for JPY, "kr" for SEK. Upper case, as typed markers are compared.
const SYMBOL_LOCALES = ['en-US', 'en-CA', 'en-AU', 'en-GB', 'ja-JP'] as const;
const markersByCurrency = new Map<string, ReadonlySet<string>>();

function markersOf(currency: string): ReadonlySet<string> {
  return markersByCurrency.get(currency) ?? remember(markersByCurrency, currency, markersFound(currency));
}

function markersFound(currency: string): ReadonlySet<string> {
  const found = new Set([currency]);
  for (const locale of SYMBOL_LOCALES) {
    for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
      const part = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).formatToParts(1).find((item) => item.type === 'currency');
      if (part) found.add(asciiForm(part.value).toUpperCase());
    }
  }
  if (currency === 'JPY') found.add('円');
  return found;
}

function writesCurrency(marker: string, currency: string): boolean {
  return markersOf(currency).has(marker.toUpperCase());
}

/** A currency symbol ("€", "US$"), a currency's code ("EUR"), or a word for one ("円", "kr"). */
function isCurrencyMarker(marker: string): boolean {
  return /\p{Sc}/u.test(marker) || isKnownCurrency(marker.toUpperCase()) || marker === '円' || marker.toLowerCase() === 'kr';
}

/**
 * An amount rounded to the currency's decimals, written as a person would
 * type it: "6,000", "6,000.51"; a whole amount without its zero cents.
 */
export function formatAmountSuggestion(value: number, currency: string): string {
  const digits = isKnownCurrency(currency) ? currencyDigits(currency) : 2;
  const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
  const fraction = Number.isInteger(rounded) ? 0 : digits;
  return rounded.toLocaleString('en-US', { minimumFractionDigits: fraction, maximumFractionDigits: fraction });
}
