// The text rules, one fixed example for each class of character they remove
// or keep, at the edges of each range: a regression shows up on every run,
// not when a random generator happens to draw a vertical tab.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanMultiline, cleanText, hasRightToLeft } from '../../src/answers/text.ts';
import { hex, XML_FORBIDDEN, XML_KEPT } from '../helpers/xml-characters.ts';

describe('cleanText removes what no XML 1.0 document may contain', () => {
  it.each(XML_FORBIDDEN)('%s is removed', (_name, character) => {
    expect(cleanText(`a${character}b`), hex(character)).toBe('ab');
    expect(cleanText(`${character}${character}`), hex(character)).toBe('');
  });

  it.each([...XML_KEPT, ['a right-to-left mark', '\u200F'] as const])('%s is kept', (_name, character) => {
    expect(cleanText(`a${character}b`), hex(character)).toBe(`a${character}b`);
  });

  it('keeps a surrogate pair whole while removing a lone surrogate next to it', () => {
    expect(cleanText('\uD800\uD83C\uDFA8')).toBe('🎨');
    expect(cleanText('\uD83C\uDFA8\uDC00')).toBe('🎨');
  });

  it('turns Windows (CR LF) and old Mac (CR) line endings into one line feed each', () => {
    expect(cleanText('one\r\ntwo\rthree\nfour')).toBe('one\ntwo\nthree\nfour');
    expect(cleanText('\r\r\n')).toBe('\n\n');
  });

  it('composes accents (NFC), so the same name is always the same text', () => {
    expect(cleanText('Cafe\u0301')).toBe('Café');
    expect(cleanText('Cafe\u0301')).toHaveLength(4);
  });
});

describe('cleanLine: one-line fields', () => {
  it.each([
    ['a line feed', 'Jordan\nLee'],
    ['a carriage return', 'Jordan\rLee'],
    ['CR LF', 'Jordan\r\nLee'],
    ['a tab', 'Jordan\tLee'],
    ['a line separator', 'Jordan\u2028Lee'],
    ['a paragraph separator', 'Jordan\u2029Lee'],
    ['a run of breaks and spaces', 'Jordan \n\t\u2028  Lee'],
    ['two spaces', 'Jordan  Lee'],
    ['spaces and breaks around the value', ' \n Jordan Lee \t '],
    ['a control character between spaces', 'Jordan \u000B Lee'],
  ])('%s becomes a single space between words', (_name, value) => {
    expect(cleanLine(value)).toBe('Jordan Lee');
  });

  it('leaves a single space and other spacing characters alone', () => {
    expect(cleanLine('Jordan Lee')).toBe('Jordan Lee');
    expect(cleanLine('Jordan\u00A0Lee')).toBe('Jordan\u00A0Lee');
  });

  it('a value of nothing but breaks and spaces is empty', () => {
    expect(cleanLine(' \n\t\u2028 ')).toBe('');
  });
});

describe('cleanMultiline: addresses and descriptions', () => {
  it('keeps each line, trimming spaces and tabs at their ends', () => {
    expect(cleanMultiline('88 Pike St  \t\nSeattle\t')).toBe('88 Pike St\nSeattle');
  });

  it('keeps the indentation a line starts with (a list in a description)', () => {
    expect(cleanMultiline('Deliver:\n  - logo')).toBe('Deliver:\n  - logo');
  });

  it('keeps one blank line between paragraphs and folds longer gaps to one', () => {
    expect(cleanMultiline('one\n\ntwo')).toBe('one\n\ntwo');
    expect(cleanMultiline('one\n\n\ntwo')).toBe('one\n\ntwo');
    expect(cleanMultiline('one\n  \n \t\n\n\ntwo')).toBe('one\n\ntwo');
  });

  it('trims blank lines and spaces around the whole value', () => {
    expect(cleanMultiline('\n\n  88 Pike St\nSeattle  \n\n')).toBe('88 Pike St\nSeattle');
  });

  it('removes forbidden characters and normalises line endings like cleanText', () => {
    expect(cleanMultiline('88 Pike St\r\nSeattle\u0007\u000C')).toBe('88 Pike St\nSeattle');
  });
});

describe('hasRightToLeft: which text is laid out right to left', () => {
  it.each([
    ['Hebrew, first of its block', '\u0590'],
    ['Hebrew', 'שרה'],
    ['Arabic', 'مرحبا'],
    ['Syriac', '\u0710'],
    ['Thaana', '\u0780'],
    ["N'Ko", '\u07CA'],
    ['the last of the right-to-left BMP block', '\u08FF'],
    ['Hebrew presentation forms, first', '\uFB1D'],
    ['Arabic presentation forms A, last', '\uFDFF'],
    ['Arabic presentation forms B, first', '\uFE70'],
    ['Arabic presentation forms B, last', '\uFEFF'],
    ['Cypriot, U+10800', '\uD802\uDC00'],
    ['the top of U+10800–U+10BFF', '\uD802\uDFFF'],
    ['U+10C00', '\uD803\uDC00'],
    ['the top of U+10C00–U+10E7F', '\uD803\uDE7F'],
    ['Mende Kikakui, U+1E800', '\uD83A\uDC00'],
    ['the top of U+1E800–U+1EBFF', '\uD83A\uDFFF'],
  ])('%s is right to left', (_name, text) => {
    expect(hasRightToLeft(`Name: ${text}`), hex(text)).toBe(true);
  });

  it.each([
    ['Latin', 'Priya Natarajan'],
    ['Armenian, just below Hebrew', '\u058F'],
    ['Devanagari, just above', '\u0900'],
    ['just below the Hebrew presentation forms', '\uFB1C'],
    ['between the two Arabic presentation blocks', '\uFE00'],
    ['just below Arabic presentation forms B', '\uFE6F'],
    ['CJK', '山田 花子'],
    ['an emoji', '🎨'],
    ['U+107FF, just below the historic scripts', '\uD801\uDFFF'],
    ['U+10E80, just above them', '\uD803\uDE80'],
    ['U+1E7FF, just below Mende Kikakui', '\uD839\uDFFF'],
    ['U+1EC00, just above the right-to-left block', '\uD83B\uDC00'],
  ])('%s is left to right', (_name, text) => {
    expect(hasRightToLeft(text), hex(text)).toBe(false);
  });
});

describe('the cleaning skips its passes only for text they would not change', () => {
  // The passes as they ran on every value before the quick test in front of
  // them: the skipped path must give exactly what these give.
  const everyPass = (value: string) =>
    value
      .replace(/\r\n?/g, '\n')
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .normalize('NFC');

  it('every character the quick test lets through (tab, line feed, U+0020 to U+02FF) is already NFC and kept', () => {
    const passed = [0x09, 0x0a, ...Array.from({ length: 0x300 - 0x20 }, (_, index) => 0x20 + index)];
    for (const code of passed) {
      const text = `a${String.fromCharCode(code)}b`;
      expect(everyPass(text), hex(text)).toBe(text);
      expect(cleanText(text), hex(text)).toBe(text);
    }
  });

  it('a combining mark just past the quick range still composes with the letter before it', () => {
    expect(cleanText('e\u0300')).toBe('è');
    expect(cleanLine('Ren\u0065\u0301e  Dupont')).toBe('Renée Dupont');
  });

  it('one-line values get only a trim, as the full multi-line path gives them', () => {
    for (const value of ['  88 Pike St \t', '\u00A088 Pike St\u00A0', 'Seattle', '\t', '']) {
      expect(cleanMultiline(value), JSON.stringify(value)).toBe(value.trim());
    }
  });

  it('for any text, the same result as running every pass', () => {
    // Characters from each class the passes treat differently, drawn together.
    const pieces = ['a', 'Z', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u0000', '\u000B', '\u001F', '\u00A0', '\u02FF', '\u0301', '\u2028', '\uD83C', '\uDFA8', '\uFFFE', 'é', '山'];
    const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        expect(cleanText(text)).toBe(everyPass(text));
        expect(cleanLine(text)).toBe(everyPass(text).replace(/[\t\n\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim());
        const lines = everyPass(text).split('\n').map((line) => line.replace(/[ \t]+$/, ''));
        expect(cleanMultiline(text)).toBe(lines.join('\n').replace(/\n{3,}/g, '\n\n').trim());
      }),
      { numRuns: 2000 },
    );
  });
});
