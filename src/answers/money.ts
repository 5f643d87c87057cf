// Money in the contract's own currency. Arithmetic is done in minor units
// (cents, pence, whole yen) so that a deposit plus its balance always equals
// the total, and formatting comes from Intl so each currency looks as its
// users expect: $6,000.00, £1,530.00, ¥600,000.

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN_CURRENCIES.has(code);
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    formatters.set(currency, formatter);
  }
  return formatter;
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
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = formatterFor(currency).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
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
  let text = formatted.get(key);
  if (text === undefined) {
    text = formatterFor(amount.currency).format(toMajor(amount));
    if (formatted.size < MAX_KEPT) formatted.set(key, text);
  }
  return text;
}

/**
 * Percentages as people write them in a contract: 50%, 1.5%, 27.5%, and a
 * rate such as New York City's 8.875% sales tax as it is. Up to four
 * decimals, so the rate printed is the rate the figures are computed with
 * (two decimals printed 8.88% beside a tax charged at 8.875%).
 */
export function formatPercent(percent: number): string {
  return `${Number(percent.toFixed(4))}%`;
}
