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

/** Removes characters no XML document may contain and normalises line endings. */
export function cleanText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(FORBIDDEN_IN_XML, '')
    .replace(LONE_SURROGATE, '')
    .normalize('NFC');
}

/** For one-line fields (names, emails): line breaks and tabs become single spaces. */
export function cleanLine(value: string): string {
  return cleanText(value).replace(/[\t\n\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** For multi-line fields (addresses, descriptions): trims each line, keeps the breaks. */
export function cleanMultiline(value: string): string {
  return cleanText(value)
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
  return end === line.length ? line : line.slice(0, end);
}

/** True when the text contains a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko...). */
export function hasRightToLeft(value: string): boolean {
  return /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDE7F]|\uD83A[\uDC00-\uDFFF]/.test(value);
}
