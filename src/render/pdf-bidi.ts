// Right-to-left text in the PDF: a line's pieces, broken in the order they
// were typed (logical order), put in the order they are drawn left to right
// (visual order) by the Unicode Bidirectional Algorithm (UAX #9, through the
// `bidi-js` package): a Hebrew or Arabic stretch in an English line reads
// from the right, digits inside it still from the left, and a paragraph that
// starts with a right-to-left letter is right-to-left as a whole, as the Word
// file marks it (docx.ts's `bidirectional`, text-direction.ts).
//
// A right-to-left piece keeps its text in logical order and is marked `rtl`:
// render/pdf.ts draws its glyphs from the right (`drawingOrder`, or fontkit's
// shaping for Arabic, which returns them so), so each glyph still maps to the
// character typed and the text copies as typed.
import bidiModule from 'bidi-js';
import { measureText } from './pdf-fonts.ts';
import { RTL, scanText } from './text-scan.ts';
import type { Piece } from './pdf-lines.ts';

// bidi-js is a CommonJS module whose module.exports is the factory, while its
// types declare an ES default export: under NodeNext the import is the factory at run time.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;
const bidi = bidiFactory();

interface Unit {
  readonly piece: Piece;
  readonly level: number;
}

/**
 * The pieces of one line in visual order. `rtlBase`: the paragraph reads
 * right to left (its first letter does). A line without right-to-left
 * letters in a left-to-right paragraph comes back as it was, unexamined.
 */
export function visualPieces(pieces: readonly Piece[], rtlBase: boolean): Piece[] {
  const text = pieces.map((piece) => piece.text).join('');
  if (!rtlBase && (scanText(text) & RTL) === 0) return [...pieces];
  const { levels } = bidi.getEmbeddingLevels(text, rtlBase ? 'rtl' : 'ltr');
  // Each piece cut where the embedding level changes (a number inside Hebrew, a Latin name inside Arabic).
  const units: Unit[] = [];
  let offset = 0;
  for (const piece of pieces) {
    let start = 0;
    for (let at = 1; at <= piece.text.length; at++) {
      if (at < piece.text.length && levels[offset + at] === levels[offset + start]) continue;
      const part = piece.text.slice(start, at);
      units.push({ piece: part === piece.text ? piece : { ...piece, text: part, width: measureText(part, piece.face, piece.size) }, level: levels[offset + start]! });
      start = at;
    }
    offset += piece.text.length;
  }
  // UAX #9 rule L2: from the highest level down to the lowest odd one, reverse every run at that level or above.
  const highest = Math.max(...units.map((unit) => unit.level));
  const lowestOdd = Math.min(...units.map((unit) => (unit.level % 2 === 1 ? unit.level : Infinity)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < units.length; ) {
      if (units[start]!.level < level) {
        start++;
        continue;
      }
      let end = start;
      while (end < units.length && units[end]!.level >= level) end++;
      units.splice(start, end - start, ...units.slice(start, end).reverse());
      start = end;
    }
  }
  return units.map((unit) => (unit.level % 2 === 1 ? { ...unit.piece, rtl: true } : unit.piece));
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A character of a right-to-left piece as drawn: the character typed, and the one whose glyph shows it. */
export interface DrawnCharacter {
  readonly typed: number;
  readonly shown: number;
}

/**
 * The characters of a right-to-left piece in the order they are drawn from
 * the left: its letters (each with its points and marks) last to first, and
 * a bracket or other mirrored character shown as its mirror ("(" drawn as
 * ")"), as UAX #9 rule L4 asks, while it still copies as the one typed.
 */
export function drawingOrder(text: string): DrawnCharacter[] {
  return [...graphemes.segment(text)].reverse().flatMap(({ segment }) =>
    [...segment].map((character) => {
      const typed = character.codePointAt(0)!;
      return { typed, shown: bidi.getMirroredCharacter(character)?.codePointAt(0) ?? typed };
    }),
  );
}
