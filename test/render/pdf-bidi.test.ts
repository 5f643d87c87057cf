// Right-to-left text in the PDF's lines: what a reader of a Hebrew or Arabic
// name in a contract sees, left to right on the page (render/pdf-bidi.ts).
import { describe, expect, it } from 'vitest';
import { drawingOrder } from '../../src/render/pdf-bidi.ts';
import { breakLines, type Line } from '../../src/render/pdf-lines.ts';

/** A line as drawn from the left: each piece's text, an arrow where it reads right to left, and its face. */
const drawn = (line: Line) => line.pieces.map((piece) => `${piece.rtl ? '←' : '→'}${piece.text}|${piece.face}`);
const lines = (text: string, bold = false) => breakLines([{ text, bold }], { size: 11 }, 400, 'en');

describe('right-to-left text in a PDF line', () => {
  it('puts a Hebrew name inside an English sentence where a reader of Hebrew expects it, the number after it on its left', () => {
    const [line] = lines('Client: שלום עולם 123 Ltd.');
    expect(line!.rtl).toBeUndefined();
    // UAX #9: the digits after Hebrew join its right-to-left run, so they stand to the Hebrew's left.
    expect(drawn(line!)).toEqual(['→Client: |latin', '→123|latin', '←שלום עולם |hebrew', '→ Ltd.|latin']);
  });

  it('sets a paragraph that starts with Hebrew right to left, its Latin words and brackets in place', () => {
    const [line] = lines('שלום (עולם) ABC');
    expect(line!.rtl).toBe(true);
    expect(drawn(line!)).toEqual(['→ABC|latin', '←) |latin', '←עולם|hebrew', '←(|latin', '←שלום |hebrew']);
  });

  it('gives Arabic its own face, in bold too, and keeps the year left of the words it follows', () => {
    expect(drawn(lines('شركة السلام 2024', true)[0]!)).toEqual(['→2024|latinBold', '←شركة السلام |arabicBold']);
  });

  it('leaves a line without right-to-left letters as typed', () => {
    expect(drawn(lines('Harbor Coffee (Seattle)')[0]!)).toEqual(['→Harbor Coffee (Seattle)|latin']);
  });

  it('draws a right-to-left piece from its last letter, a bracket shown as its mirror, a pointed letter whole', () => {
    // (שָׁלוֹם): shin with qamats and shin dot, lamed, vav with holam, final mem, in brackets.
    const shin = '\u05E9\u05B8\u05C1';
    const vav = '\u05D5\u05B9';
    const order = drawingOrder(`(${shin}\u05DC${vav}\u05DD)`);
    // Drawn from the left: the bracket that closes shown opening, the last letter first, each letter with its points after it.
    expect(order.map(({ shown }) => String.fromCodePoint(shown)).join('')).toBe(`(\u05DD${vav}\u05DC${shin})`);
    // What each glyph copies as: the characters typed, so the drawn "(" copies as the ")" it stands for.
    expect(order.map(({ typed }) => String.fromCodePoint(typed)).join('')).toBe(`)\u05DD${vav}\u05DC${shin}(`);
  });
});
