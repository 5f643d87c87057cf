// What the Word renderers need to know about a piece of text, found in one
// linear pass over its UTF-16 code units with a lookup table: whether it holds
// anything to escape, drop or break (markup characters, line breaks and tabs,
// characters XML 1.0 forbids, surrogates), and whether it holds right-to-left
// script. Text from the answers was already cleaned by the schema; this pass is
// the renderers' own cheap guarantee for any tree, whoever built it, and it
// costs one table read a character, never a backtracking pattern.
//
// The table covers the Basic Multilingual Plane and is built once at start-up
// from the same Unicode classes the patterns used (64 kB). Characters beyond
// it (surrogate pairs) are rare and classified one by one.

/** `&`, `<` or `>`: escaped in XML text. Quotes need no escaping outside attributes. */
export const MARKUP = 1;
/** `\n`, `\r` or `\t`: a line break or a tab in Word. */
export const BREAK = 2;
/** `\r`: also BREAK; a line end to make `\n` (alone, or with the `\n` after it). */
export const CARRIAGE_RETURN = 128;
/** A character XML 1.0 forbids (C0 controls other than tab and line ends, U+FFFE, U+FFFF): dropped. */
export const FORBIDDEN = 4;
/** Half of a surrogate pair: kept when paired, dropped when alone. */
export const SURROGATE = 8;
/** Right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko...). */
export const RTL = 16;
/** Space, punctuation, a symbol or a combining mark: what may sit inside a right-to-left stretch. */
export const NEUTRAL = 32;
/** A letter (\p{L}): the first one sets a paragraph's direction. */
export const LETTER = 64;

/** Anything that stops a text from going into XML as it is. */
export const NEEDS_WORK = MARKUP | BREAK | FORBIDDEN | SURROGATE;

// The ranges render/text-direction.ts has always used, as code points.
const RTL_RANGES: readonly (readonly [number, number])[] = [
  [0x0590, 0x08ff],
  [0xfb1d, 0xfdff],
  [0xfe70, 0xfeff],
  [0x10800, 0x10e7f],
  [0x1e800, 0x1ebff],
];
const NEUTRAL_CHARACTER = /^[\s\p{P}\p{S}\p{M}]$/u;
const LETTER_CHARACTER = /^\p{L}$/u;

function isRightToLeft(codePoint: number): boolean {
  for (const [from, to] of RTL_RANGES) if (codePoint >= from && codePoint <= to) return true;
  return false;
}

/** The class bits of a code point outside the table (or while building it). */
export function classifyCodePoint(codePoint: number): number {
  const character = String.fromCodePoint(codePoint);
  let bits = 0;
  if (isRightToLeft(codePoint)) bits |= RTL;
  if (NEUTRAL_CHARACTER.test(character)) bits |= NEUTRAL;
  if (LETTER_CHARACTER.test(character)) bits |= LETTER;
  return bits;
}

function buildTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) {
      table[code] = SURROGATE;
      continue;
    }
    let bits = classifyCodePoint(code);
    if (code === 0x26 || code === 0x3c || code === 0x3e) bits |= MARKUP;
    if (code === 0x09 || code === 0x0a) bits |= BREAK;
    else if (code === 0x0d) bits |= BREAK | CARRIAGE_RETURN;
    else if (code < 0x20 || code === 0xfffe || code === 0xffff) bits = FORBIDDEN;
    table[code] = bits;
  }
  return table;
}

/** Class bits of every UTF-16 code unit. */
export const CLASS = buildTable();

// Every code unit with MARKUP, BREAK, FORBIDDEN, SURROGATE or RTL as one
// character class, built from the table: a class with no quantifier around it
// cannot backtrack, and the engine's compiled scan is a few times faster than a
// loop over the table.
const NOT_PLAIN = (() => {
  const ranges: string[] = [];
  const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
  for (let code = 0; code < 0x10000; ) {
    if ((CLASS[code]! & (NEEDS_WORK | RTL)) === 0) {
      code++;
      continue;
    }
    const from = code;
    while (code < 0x10000 && (CLASS[code]! & (NEEDS_WORK | RTL)) !== 0) code++;
    ranges.push(from === code - 1 ? hex(from) : `${hex(from)}-${hex(code - 1)}`);
  }
  return new RegExp(`[${ranges.join('')}]`);
})();

/** True when the text can go into XML as it is: nothing to escape, drop or break, and no right-to-left script. */
export function isPlainText(text: string): boolean {
  return !NOT_PLAIN.test(text);
}

/** The class bits of every code unit of `text`, OR-ed: one pass, no allocation. */
export function scanText(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) bits |= CLASS[text.charCodeAt(i)]!;
  return bits;
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * The class bits of the character at `index` and its length in code units (2
 * for a surrogate pair); a lone surrogate is FORBIDDEN, one unit long.
 */
export function characterAt(text: string, index: number): { bits: number; length: 1 | 2 } {
  const unit = text.charCodeAt(index);
  const bits = CLASS[unit]!;
  if (bits !== SURROGATE) return { bits, length: 1 };
  const next = text.charCodeAt(index + 1);
  if (isHigh(unit) && isLow(next)) return { bits: classifyCodePoint(text.codePointAt(index)!), length: 2 };
  return { bits: FORBIDDEN, length: 1 };
}

/**
 * The text with what XML 1.0 cannot carry removed and line ends made `\n`:
 * forbidden characters, lone surrogates, `\r\n` and a lone `\r`. Returns the
 * same string when there is nothing to change, which is nearly always.
 */
export function xmlSafeText(text: string): string {
  if ((scanText(text) & (FORBIDDEN | SURROGATE | CARRIAGE_RETURN)) === 0) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; ) {
    const unit = text.charCodeAt(i);
    const { bits, length } = characterAt(text, i);
    if (bits & FORBIDDEN) {
      out += text.slice(from, i);
      from = i + 1;
    } else if (unit === 0x0d) {
      out += text.slice(from, i) + '\n';
      from = text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
      i = from;
      continue;
    }
    i += length;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Like HTML's dir="auto": true when the first letter of the text is
 * right-to-left. A sentence that merely quotes a Hebrew name stays a
 * left-to-right sentence.
 */
export function firstLetterIsRightToLeft(text: string): boolean | undefined {
  for (let i = 0; i < text.length; ) {
    let bits = CLASS[text.charCodeAt(i)]!;
    let length = 1;
    if (bits === SURROGATE) ({ bits, length } = characterAt(text, i));
    if (bits & LETTER) return (bits & RTL) !== 0;
    i += length;
  }
  return undefined;
}
