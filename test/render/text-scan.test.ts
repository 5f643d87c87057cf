// The renderers' own text safety (src/render/text-scan.ts, text-direction.ts):
// what a Word part receives whoever built the tree. One fixed example for
// each class of character at the edges of its range, so a regression shows
// on every run: a control character that corrupts the file, a line end Word
// shows twice, a Hebrew name that flips a whole English sentence.
import { describe, expect, it } from 'vitest';
import {
  BREAK,
  CARRIAGE_RETURN,
  characterAt,
  classifyCodePoint,
  firstLetterIsRightToLeft,
  FORBIDDEN,
  isPlainText,
  LETTER,
  MARKUP,
  NEUTRAL,
  RTL,
  scanText,
  SURROGATE,
  xmlSafeText,
} from '../../src/render/text-scan.ts';
import { directionalStretches, startsRightToLeft } from '../../src/render/text-direction.ts';
import { hex, XML_FORBIDDEN, XML_KEPT } from '../helpers/xml-characters.ts';

describe('xmlSafeText drops what XML 1.0 forbids', () => {
  it.each(XML_FORBIDDEN)('%s is removed, wherever it stands', (_name, character) => {
    expect(xmlSafeText(`a${character}b`), hex(character)).toBe('ab');
    expect(xmlSafeText(`${character}ab`), hex(character)).toBe('ab');
    expect(xmlSafeText(`ab${character}`), hex(character)).toBe('ab');
    expect(xmlSafeText(`${character}${character}`), hex(character)).toBe('');
  });

  it.each([...XML_KEPT, ['markup characters (escaped later, never dropped)', '<&>'] as const])('%s is kept as it is', (_name, character) => {
    expect(xmlSafeText(`a${character}b`), hex(character)).toBe(`a${character}b`);
  });

  it('returns the very same string when there is nothing to change', () => {
    const text = 'Fees & payment <net 30>\n\tשלום 🎨';
    expect(xmlSafeText(text)).toBe(text);
  });

  it('keeps a pair whole while dropping a lone surrogate right beside it', () => {
    expect(xmlSafeText('\uD800\uD83C\uDFA8')).toBe('🎨');
    expect(xmlSafeText('\uD83C\uDFA8\uDC00')).toBe('🎨');
    expect(xmlSafeText('x\uD83C\uDFA8\u0000y')).toBe('x🎨y');
  });

  it('turns CR LF and a lone CR into one line feed each, and keeps LF', () => {
    expect(xmlSafeText('one\r\ntwo\rthree\nfour')).toBe('one\ntwo\nthree\nfour');
    expect(xmlSafeText('\r\r\n')).toBe('\n\n');
    expect(xmlSafeText('\r')).toBe('\n');
    expect(xmlSafeText('end\r')).toBe('end\n');
    expect(xmlSafeText('\n\r')).toBe('\n\n');
    expect(xmlSafeText('a\r\u0000b')).toBe('a\nb');
  });
});

describe('isPlainText: text that can go into XML untouched', () => {
  it.each([
    ['a plain English line', 'Website redesign, phase 2 (50% up front)', true],
    ['Japanese', '業務委託契約書', true],
    ['an emoji', 'Launch 🚀', false],
    ['an ampersand', 'Smith & Co', false],
    ['a less-than sign', 'a < b', false],
    ['a greater-than sign', 'a > b', false],
    ['a tab', 'a\tb', false],
    ['a line feed', 'a\nb', false],
    ['a carriage return', 'a\rb', false],
    ['a forbidden control', 'a\u000Bb', false],
    ['U+FFFF', 'a\uFFFFb', false],
    ['Hebrew', 'שלום', false],
    ['Arabic', 'مرحبا', false],
    ['the last character before the right-to-left block', '\u058F', true],
    ['the first right-to-left character', '\u0590', false],
    ['quotes and apostrophes (escaped only in attributes)', '"It\'s"', true],
    ['the empty string', '', true],
  ])('%s: %j is plain: %s', (_name, text, plain) => {
    expect(isPlainText(text)).toBe(plain);
  });
});

describe('the character classes', () => {
  it.each([
    ['&', MARKUP | NEUTRAL],
    ['<', MARKUP | NEUTRAL],
    ['>', MARKUP | NEUTRAL],
    ['\t', BREAK | NEUTRAL],
    ['\n', BREAK | NEUTRAL],
    ['\r', BREAK | CARRIAGE_RETURN | NEUTRAL],
    ['\u0000', FORBIDDEN],
    ['\u001F', FORBIDDEN],
    ['\uFFFE', FORBIDDEN],
    ['\uFFFF', FORBIDDEN],
    [' ', NEUTRAL],
    ['.', NEUTRAL],
    ['a', LETTER],
    ['日', LETTER],
    ['1', 0],
    ['א', RTL | LETTER],
    ['،', RTL | NEUTRAL],
    ['\uD800', SURROGATE],
    ['\uDFFF', SURROGATE],
    ['\uFB1D', RTL | LETTER],
    ['\uFB1C', 0],
    ['\uFDFF', RTL | NEUTRAL],
    ['\uFE00', NEUTRAL],
    ['\uFE70', RTL | LETTER],
    ['\uFEFF', RTL | NEUTRAL],
  ])('%j has the classes %i', (character, bits) => {
    expect(scanText(character), hex(character)).toBe(bits);
  });

  it('ORs the classes of every character of a text', () => {
    expect(scanText('')).toBe(0);
    expect(scanText('a')).toBe(LETTER);
    expect(scanText('a & b')).toBe(LETTER | NEUTRAL | MARKUP);
    expect(scanText('a\u0000')).toBe(LETTER | FORBIDDEN);
    expect(scanText('1 שלום')).toBe(NEUTRAL | RTL | LETTER);
  });

  it('classifies characters beyond the Basic Multilingual Plane one by one', () => {
    expect(classifyCodePoint(0x10900)).toBe(RTL | LETTER); // Phoenician alef
    expect(classifyCodePoint(0x10800)).toBe(RTL | LETTER); // first of the ranges beyond the BMP
    expect(classifyCodePoint(0x107ff)).toBe(0); // just below them: unassigned, left to right
    expect(classifyCodePoint(0x10e7f)).toBe(RTL); // last of the first range
    expect(classifyCodePoint(0x10e80)).toBe(LETTER); // Yezidi, just above: outside our ranges
    expect(classifyCodePoint(0x1e900)).toBe(RTL | LETTER); // Adlam
    expect(classifyCodePoint(0x1e800)).toBe(RTL | LETTER); // Mende Kikakui, first of the last range
    expect(classifyCodePoint(0x1ebff)).toBe(RTL); // last of the last range
    expect(classifyCodePoint(0x1ec00)).toBe(0); // just above it
    expect(classifyCodePoint(0x1f3a8)).toBe(NEUTRAL); // 🎨, a symbol
    expect(classifyCodePoint(0x20000)).toBe(LETTER); // a CJK ideograph
  });

  it('reads a surrogate pair as one character of two units, and a lone half as forbidden', () => {
    expect(characterAt('a', 0)).toEqual({ bits: LETTER, length: 1 });
    expect(characterAt('🎨', 0)).toEqual({ bits: NEUTRAL, length: 2 });
    expect(characterAt('\u{10900}', 0)).toEqual({ bits: RTL | LETTER, length: 2 });
    expect(characterAt('\uD800', 0)).toEqual({ bits: FORBIDDEN, length: 1 });
    expect(characterAt('\uD800a', 0)).toEqual({ bits: FORBIDDEN, length: 1 });
    expect(characterAt('\uDC00\uD800', 0)).toEqual({ bits: FORBIDDEN, length: 1 });
    expect(characterAt('\uD800\uD800', 0)).toEqual({ bits: FORBIDDEN, length: 1 });
    expect(characterAt('\uDBFF\uDFFF', 0)).toEqual({ bits: classifyCodePoint(0x10ffff), length: 2 });
    // The low half read on its own, as a scan that started in the middle would.
    expect(characterAt('🎨', 1)).toEqual({ bits: FORBIDDEN, length: 1 });
  });
});

describe("a paragraph's direction comes from its first letter, as HTML's dir=auto", () => {
  it.each([
    ['a Hebrew sentence', 'שלום עולם', true],
    ['an Arabic sentence after digits and punctuation', '12. مرحبا', true],
    ['an English sentence quoting a Hebrew name', 'Client: שרה כהן', false],
    ['a Hebrew sentence quoting an English name', 'שלום Sarah', true],
    ['a Phoenician word (beyond the BMP)', '\u{10900}\u{10901}', true],
    ['an emoji before an English word', '🎨 Design', false],
    ['an emoji before a Hebrew word', '🎨 שלום', true],
    ['digits only', '2027-04-01', false],
    ['the empty string', '', false],
  ])('%s: %j reads right to left: %s', (_name, text, rtl) => {
    expect(startsRightToLeft(text)).toBe(rtl);
  });

  it('has no direction when there is no letter at all', () => {
    expect(firstLetterIsRightToLeft('')).toBeUndefined();
    expect(firstLetterIsRightToLeft('12 % 🎨')).toBeUndefined();
    expect(firstLetterIsRightToLeft('1a')).toBe(false);
    expect(firstLetterIsRightToLeft('1א')).toBe(true);
  });
});

describe('the right-to-left stretches of a line', () => {
  const stretches = (line: string) => directionalStretches(line).map(({ text, rtl }) => (rtl ? `[${text}]` : text)).join('|');

  it('leaves a line without right-to-left script whole', () => {
    expect(directionalStretches('Website redesign')).toEqual([{ text: 'Website redesign', rtl: false }]);
    expect(directionalStretches('')).toEqual([{ text: '', rtl: false }]);
    expect(directionalStretches('Launch 🚀 now')).toEqual([{ text: 'Launch 🚀 now', rtl: false }]);
  });

  it('marks a Hebrew name inside an English sentence, spaces between its words included', () => {
    expect(stretches('Client: שרה כהן, Tel Aviv')).toBe('Client: |[שרה כהן]|, Tel Aviv');
  });

  it('ends a stretch at its last right-to-left character, not at the neutral ones after it', () => {
    expect(stretches('שלום. Next')).toBe('[שלום]|. Next');
    expect(stretches('שלום!')).toBe('[שלום]|!');
  });

  it('carries a stretch through punctuation and symbols between right-to-left words', () => {
    expect(stretches('a שלום, עולם b')).toBe('a |[שלום, עולם]| b');
  });

  it('stops a stretch at a left-to-right letter or a digit', () => {
    expect(stretches('שלום x עולם')).toBe('[שלום]| x |[עולם]');
    expect(stretches('שלום 1 עולם')).toBe('[שלום]| 1 |[עולם]');
  });

  it('handles a whole right-to-left line, and one at the very end', () => {
    expect(directionalStretches('שלום')).toEqual([{ text: 'שלום', rtl: true }]);
    expect(stretches('Name: שלום')).toBe('Name: |[שלום]');
  });

  it('takes right-to-left letters beyond the BMP as whole pairs', () => {
    expect(stretches('x \u{10900}\u{10901} y')).toBe(`x |[\u{10900}\u{10901}]| y`);
    // An emoji is a pair too, and neutral: inside a stretch it stays, after one it is left out.
    expect(stretches('א🎨ב')).toBe('[א🎨ב]');
    expect(stretches('א🎨')).toBe('[א]|🎨');
  });

  it('keeps every character: the stretches put together are the line', () => {
    for (const line of ['Client: שרה כהן, Tel Aviv', 'a \u{10900} b 🎨 ג', 'שלום. Next']) {
      expect(directionalStretches(line).map((stretch) => stretch.text).join('')).toBe(line);
    }
  });
});
