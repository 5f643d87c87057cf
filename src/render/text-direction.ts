// Which stretches of a line read right to left: one rule for both Word
// renderers (docx.ts, the docx-library oracle, and docx-xml.ts, the fast
// writer), so their bidi and rtl marks cannot drift apart.
import { cleanText, hasRightToLeft } from '../answers/text.ts';

// The ranges hasRightToLeft looks for, as code points for a `u` regex.
const RTL_CHAR = '[\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF\\u{10800}-\\u{10E7F}\\u{1E800}-\\u{1EBFF}]';
// A stretch of right-to-left script, with the spaces and punctuation between its words.
const RTL_STRETCH = new RegExp(`${RTL_CHAR}(?:[\\s\\p{P}\\p{S}\\p{M}]*${RTL_CHAR})*`, 'gu');
const RTL_START = new RegExp(`^${RTL_CHAR}`, 'u');
const FIRST_LETTER = /\p{L}/u;

export interface DirectionalStretch {
  readonly text: string;
  readonly rtl: boolean;
}

/** Splits a line into left-to-right and right-to-left stretches. */
export function directionalStretches(line: string): DirectionalStretch[] {
  if (!hasRightToLeft(line)) return [{ text: line, rtl: false }];
  const stretches: DirectionalStretch[] = [];
  let last = 0;
  for (const match of line.matchAll(RTL_STRETCH)) {
    if (match.index > last) stretches.push({ text: line.slice(last, match.index), rtl: false });
    stretches.push({ text: match[0], rtl: true });
    last = match.index + match[0].length;
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
  const first = FIRST_LETTER.exec(cleanText(text));
  return first !== null && RTL_START.test(first[0]);
}
