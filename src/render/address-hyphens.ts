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
// A web address runs from its scheme (or "www.") to the next space or markup character.
const WEB = /https?:\/\/|www\./giu;
const WEB_END = /[\s<>"]/u;

/** The spans [start, end) of the text's email and web addresses: found by walking out from each "@" and scheme, one pass, no backtracking. */
function addressSpans(text: string): [number, number][] {
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

/** Whether the text has a hyphen to keep unbroken: the cheap test before the renderers' fast path. */
export function hasAddressHyphen(text: string): boolean {
  return splitAtAddressHyphens(text) !== undefined;
}
