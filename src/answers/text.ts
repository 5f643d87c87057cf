// Cleaning of free text as it enters the system. Whatever a user pastes must
// come out as text in a file that opens cleanly, so characters that XML 1.0
// forbids (and that Word or LibreOffice would refuse) never get past the schema.
// Renderers still escape for their own format; this only removes what no
// format can carry.

// C0 controls except tab and line feed, DEL-adjacent C1 is legal XML so kept,
// U+FFFE/U+FFFF are "noncharacters" that XML 1.0 excludes.
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text none of cleanText's steps would change: no carriage return, no control
 * character but tab and line feed, and nothing from U+0300 up (combining marks,
 * surrogates, U+FFFE/U+FFFF, and every script NFC could recompose all start
 * there; below it every character is already NFC). Nearly every answer is such
 * text, and one test of it costs less than the four passes it skips.
 */
const MAY_NEED_CLEANING = /[^\t\n\u0020-\u02FF]/;

/** Removes characters no XML document may contain and normalises line endings. */
export function cleanText(value: string): string {
  if (!MAY_NEED_CLEANING.test(value)) return value;
  return value
    .replace(/\r\n?/g, '\n')
    .replace(FORBIDDEN_IN_XML, '')
    .replace(LONE_SURROGATE, '')
    .normalize('NFC');
}

/** For one-line fields (names, emails): line breaks and tabs become single spaces. */
export function cleanLine(value: string): string {
  const clean = cleanText(value);
  // Most names and emails have no break, tab or double space: only the trim is left to do.
  if (!LINE_SPACING.test(clean)) return clean.trim();
  return clean.replace(/[\t\n\u2028\u2029]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

const LINE_SPACING = /[\t\n\u2028\u2029]| {2}/;

/** For multi-line fields (addresses, descriptions): trims each line, keeps the breaks. */
export function cleanMultiline(value: string): string {
  const clean = cleanText(value);
  // One line: trimming it is all the steps below would do.
  if (!clean.includes('\n')) return clean.trim();
  return clean
    .split('\n')
    .map(trimEndSpacesAndTabs)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// A scan from the end, not /[ \t]+$/: that pattern retries from every space of
// a long run and takes quadratic time (100,000 spaces inside a line: seconds).
function trimEndSpacesAndTabs(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end--;
  return line.slice(0, end);
}

/** True when the text contains a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko...). */
export function hasRightToLeft(value: string): boolean {
  return /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDE7F]|\uD83A[\uDC00-\uDFFF]/.test(value);
}

// Hyphens, dashes, the minus sign and the katakana long-vowel mark (ー, often
// typed for a dash in a phone number): NFKC leaves these as they are.
const DASHES = /[\u2010-\u2015\u2212\u30FC\uFF70]/g;
const NOT_ASCII = /[^\u0000-\u007F]/;

/**
 * Numbers, amounts, phone numbers, dates and codes as ASCII: NFKC turns
 * full-width digits and signs into their plain forms (１２０００００ -> 1200000,
 * ０３－１２３４－５６７８ -> 03-1234-5678, ￥ -> ¥, ideographic space -> space),
 * and every dash becomes "-". A Japanese keyboard types the full-width forms
 * unless its user switches modes, and they mean the same number.
 */
export function asciiForm(value: string): string {
  if (!NOT_ASCII.test(value)) return value;
  return value.normalize('NFKC').replace(DASHES, '-');
}
