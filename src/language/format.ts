// Money, dates, percentages and counts written the way a reader of each
// language expects: "$6,000.00" and "December 1, 2026" in English,
// "1,200,000円" and "2027年4月1日" in Japanese. Every document layer formats
// through here (DESIGN.md: one locale-aware module), so no template or
// renderer carries its own rules for a language.
import type { Language } from '../answers/schema.ts';
import { parseIsoDate } from '../answers/dates.ts';
import { currencyName, formatMoney, formatPercent, toMajor, type Money } from '../answers/money.ts';

export interface Formats {
  /** "$6,000.00"; "1,200,000円" (yen in Japanese: no symbol, no decimals, 円 after the figure). */
  money(amount: Money): string;
  /** "December 1, 2026"; "2027年4月1日" (Gregorian, as contracts are dated). */
  date(iso: string): string;
  /** A YYYY-MM month: "February 2027"; "2027年2月". */
  month(month: string): string;
  /** A currency by its name: "Japanese Yen"; "日本円". */
  currencyName(code: string): string;
  /** "50%", "10.21%": percentages as a contract writes them. */
  percent(percent: number): string;
  /** "1,200" */
  count(value: number): string;
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

const englishDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
const japaneseDate = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const englishMonth = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const japaneseMonth = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', timeZone: 'UTC' });
const firstOfMonth = (month: string) => parseIsoDate(`${month}-01`);
const japaneseCurrencies = new Intl.DisplayNames('ja', { type: 'currency' });
const round2 = (value: number) => Number(value.toFixed(2));

const FORMATS: Readonly<Record<Language, Formats>> = {
  en: {
    money: formatMoney,
    date: (iso) => englishDate.format(parseIsoDate(iso)),
    month: (month) => englishMonth.format(firstOfMonth(month)),
    currencyName,
    percent: formatPercent,
    count: (value) => round2(value).toLocaleString('en-US'),
  },
  ja: {
    // Japanese contracts write yen as a figure followed by 円; another currency keeps its own symbol.
    money: (amount) =>
      amount.currency === 'JPY'
        ? `${numberFormat('ja-JP', { maximumFractionDigits: 0 }).format(amount.minor)}円`
        : numberFormat('ja-JP', { style: 'currency', currency: amount.currency, currencyDisplay: 'narrowSymbol' }).format(toMajor(amount)),
    date: (iso) => japaneseDate.format(parseIsoDate(iso)),
    month: (month) => japaneseMonth.format(firstOfMonth(month)),
    currencyName: (code) => japaneseCurrencies.of(code) ?? code,
    percent: formatPercent,
    count: (value) => round2(value).toLocaleString('ja-JP'),
  },
};

export function formatsFor(language: Language): Formats {
  return FORMATS[language];
}
