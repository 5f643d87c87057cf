// Email and web addresses are kept whole across a line end. Word and
// LibreOffice may break a line after any hyphen, and an address broken at
// `rossi-` reads as an address ending there (issue 25: "emails split
// mid-address"). Inside an address the Word renderers write each hyphen as a
// non-breaking hyphen (<w:noBreakHyphen/>), which both programs draw, print
// and copy as an ordinary hyphen: the PDF LibreOffice prints still gives the
// address to a reader who copies it. Hyphens elsewhere (a date range, a
// compound word) keep their break.

// What an email address is made of, either side of its "@": letters (Unicode, so an address in
// Japanese text, "連絡先taro@example.jp", is found too; what is taken in front of it does not matter,
// only the hyphens in the span are kept whole), digits and the punctuation addresses use.
const LOCAL = /[\p{L}\p{N}._%+-]/u;
const DOMAIN = /[\p{L}\p{N}.-]/u;
// A web address runs from its scheme (or "www.") to the next space or markup character, or to the
// Japanese text that follows it without a space ("https://example.jp/を参照", "（https://example.jp）").
const WEB = /https?:\/\/|www\./giu;
const WEB_END = /[\s<>"\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3001-\u303f\uff00-\uffef]/u;

/** The spans [start, end) of the text's email and web addresses: found by walking out from each "@" and scheme, one pass, no backtracking. */
export function addressSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && DOMAIN.test(text[end]!)) end++;
    if (start < at && text.slice(at + 1, end).includes('.')) spans.push([start, end]);
  }
  for (const match of text.matchAll(WEB)) {
    let end = match.index + match[0].length;
    while (end < text.length && !WEB_END.test(text[end]!)) end++;
    spans.push([match.index, end]);
  }
  return spans;
}

/**
 * The text cut at each hyphen that sits inside an email or web address, for
 * the renderer to join with a non-breaking hyphen; `undefined` when there is
 * none (nearly always: most text has no hyphen, or no address).
 */
export function splitAtAddressHyphens(text: string): string[] | undefined {
  if (!text.includes('-') || !(text.includes('@') || text.includes('://') || text.includes('www.'))) return undefined;
  const cuts = new Set<number>();
  for (const [start, end] of addressSpans(text)) {
    for (let at = text.indexOf('-', start); at !== -1 && at < end; at = text.indexOf('-', at + 1)) cuts.add(at);
  }
  if (cuts.size === 0) return undefined;
  const pieces: string[] = [];
  let from = 0;
  for (const at of [...cuts].sort((a, b) => a - b)) {
    pieces.push(text.slice(from, at));
    from = at + 1;
  }
  pieces.push(text.slice(from));
  return pieces;
}

// Japanese letters in front of an "@" are taken into the span above ("連絡先taro@…"); where a line
// may break before an address, the address starts after them.
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * The text cut just before each address that has a hyphen kept whole and
 * follows a character other than a space ("電子メール：yama-da@…"), for the
 * renderer to put a break opportunity there; `undefined` when there is none.
 *
 * Why: in a Japanese paragraph LibreOffice (7.4) finds no place to break
 * between a full-width colon and an address holding non-breaking hyphens. A
 * zero-width space, a thin or a hair space does not change that; only an
 * ordinary space does. Without one it fills the line and cuts the address
 * between two letters ("ya-ma-da-k.e" / "xample"), worse than the hyphen
 * break the non-breaking hyphens took away. The Word renderers write the
 * space at 1 point, too narrow to see, so the line reads as typed and the
 * address, copied, is the address.
 */
export function splitBeforeAddresses(text: string): string[] | undefined {
  if (!text.includes('-') || !(text.includes('@') || text.includes('://') || text.includes('www.'))) return undefined;
  const cuts = new Set<number>();
  for (const [spanStart, end] of addressSpans(text)) {
    let start = spanStart;
    while (start < end && JAPANESE.test(text[start]!)) start++;
    const hyphen = text.indexOf('-', start);
    if (start > 0 && !/\s/u.test(text[start - 1]!) && hyphen !== -1 && hyphen < end) cuts.add(start);
  }
  if (cuts.size === 0) return undefined;
  const pieces: string[] = [];
  let from = 0;
  for (const at of [...cuts].sort((a, b) => a - b)) {
    pieces.push(text.slice(from, at));
    from = at;
  }
  pieces.push(text.slice(from));
  return pieces;
}

/** Whether the text has a hyphen to keep unbroken: the cheap test before the renderers' fast path. */
export function hasAddressHyphen(text: string): boolean {
  return splitAtAddressHyphens(text) !== undefined;
}
