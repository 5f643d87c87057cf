// Which stretches of a line read right to left: one rule for both Word
// renderers (docx.ts, the docx-library oracle, and docx-xml.ts, the fast
// writer), so their bidi and rtl marks cannot drift apart. A scan over the
// character classes of render/text-scan.ts: linear in the line, whatever it
// holds (a pattern with a repeated class that overlaps its neighbour, as this
// once was, retries from every mark of a long run).
import { characterAt, firstLetterIsRightToLeft, NEUTRAL, RTL, scanText, SURROGATE } from './text-scan.ts';

export interface DirectionalStretch {
  readonly text: string;
  readonly rtl: boolean;
}

/**
 * Splits a line into left-to-right and right-to-left stretches. A
 * right-to-left stretch runs from a right-to-left character to the last one
 * reachable through spaces, punctuation, symbols and marks.
 */
export function directionalStretches(line: string): DirectionalStretch[] {
  if ((scanText(line) & (RTL | SURROGATE)) === 0) return [{ text: line, rtl: false }];
  const stretches: DirectionalStretch[] = [];
  let last = 0;
  let at = 0;
  while (at < line.length) {
    const first = characterAt(line, at);
    if ((first.bits & RTL) === 0) {
      at += first.length;
      continue;
    }
    const start = at;
    let end = at + first.length;
    // Neutral characters after the last right-to-left one are scanned again
    // by the outer loop, once: still linear.
    for (let next = end; next < line.length; ) {
      const { bits, length } = characterAt(line, next);
      next += length;
      if (bits & RTL) end = next;
      else if ((bits & NEUTRAL) === 0) break;
    }
    if (start > last) stretches.push({ text: line.slice(last, start), rtl: false });
    stretches.push({ text: line.slice(start, end), rtl: true });
    last = end;
    at = end;
  }
  if (last < line.length) stretches.push({ text: line.slice(last), rtl: false });
  return stretches;
}

/**
 * Like HTML's dir="auto": a paragraph whose first letter is right-to-left
 * reads right to left. A sentence that merely quotes a Hebrew name stays a
 * left-to-right sentence; its Hebrew stretch is marked on the run.
 */
export function startsRightToLeft(text: string): boolean {
  return firstLetterIsRightToLeft(text) === true;
}
