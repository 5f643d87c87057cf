// The faces the PDF is set in, read from npm packages (never downloaded at
// run time): Carlito for Latin text, metric-compatible with the Calibri the
// Word file names, so a line holds the same words; Noto Serif JP, a Mincho
// face, for Japanese (the Word file names Yu Mincho). Both OFL-1.1, whole
// TrueType files (@expo-google-fonts ships Google Fonts' static TTFs, where
// @fontsource splits a Japanese face into a hundred WOFF2 slices).
//
// Each file is parsed once, on the first PDF, and the parsed font is shared
// by every document after it: render/pdf-document.ts subsets it per document, and fontkit's
// glyph cache and this module's advance-width cache stay warm. Loading both
// Japanese weights adds about 16 MB to the server's RSS, so nothing here runs
// until a PDF is asked for (render/pdf-on-demand.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { Language } from '../answers/schema.ts';

export type FaceName = 'latin' | 'latinBold' | 'latinItalic' | 'latinBoldItalic' | 'mincho' | 'minchoBold' | 'hebrew' | 'hebrewBold' | 'arabic' | 'arabicBold';

const FILES: Readonly<Record<FaceName, string>> = {
  latin: '@expo-google-fonts/carlito/400Regular/Carlito_400Regular.ttf',
  latinBold: '@expo-google-fonts/carlito/700Bold/Carlito_700Bold.ttf',
  latinItalic: '@expo-google-fonts/carlito/400Regular_Italic/Carlito_400Regular_Italic.ttf',
  latinBoldItalic: '@expo-google-fonts/carlito/700Bold_Italic/Carlito_700Bold_Italic.ttf',
  mincho: '@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf',
  minchoBold: '@expo-google-fonts/noto-serif-jp/700Bold/NotoSerifJP_700Bold.ttf',
  // Right-to-left text typed in a field (a name, an address): Noto Sans Hebrew
  // (@fontsource's Hebrew slice, one WOFF a weight, which has every Hebrew
  // letter and point) and Noto Sans Arabic (whole TrueType files). Both OFL-1.1.
  hebrew: '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff',
  hebrewBold: '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-700-normal.woff',
  arabic: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  arabicBold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
};

/**
 * Faces whose text must be shaped (OpenType, through fontkit's layout): Arabic
 * letters take a different form at the start, middle and end of a word, and
 * lam-alef is one glyph. Every other face maps a character to its glyph alone.
 */
export const SHAPED: ReadonlySet<FaceName> = new Set<FaceName>(['arabic', 'arabicBold']);

export interface Face {
  readonly name: FaceName;
  readonly font: fontkit.Font;
  /** Ascent and descent (negative) per point of size. */
  readonly ascent: number;
  readonly descent: number;
  /** Word's "single" line for this face, per point of size: ascent + descent + line gap. */
  readonly singleLine: number;
  /** Advance widths per point of size, by code point, filled as characters are met. */
  readonly advances: Map<number, number>;
  readonly covers: Map<number, boolean>;
  /** Glyph ids by code point, filled as characters are drawn. */
  readonly glyphIds: Map<number, number>;
}

/** Most shaped widths kept (a word a key): a ceiling on memory, far above a contract's vocabulary. */
const MAX_KEPT_WORDS = 20_000;

const require = createRequire(import.meta.url);
const faces = new Map<FaceName, Face>();

export function face(name: FaceName): Face {
  let found = faces.get(name);
  if (!found) {
    const font = fontkit.create(readFileSync(require.resolve(FILES[name]))) as fontkit.Font;
    const perPoint = 1 / font.unitsPerEm;
    // The OS/2 table's Windows metrics are what Word lays a line out by; hhea's are the fallback.
    const os2 = (font as unknown as { 'OS/2'?: { winAscent: number; winDescent: number } })['OS/2'];
    const ascent = (os2?.winAscent ?? font.ascent) * perPoint;
    const descent = -(os2?.winDescent ?? -font.descent) * perPoint;
    found = { name, font, ascent, descent, singleLine: ascent - descent + Math.max(0, font.lineGap) * perPoint, advances: new Map(), covers: new Map(), glyphIds: new Map() };
    faces.set(name, found);
  }
  return found;
}

/** Shaped widths by text, per point of size, for the shaped faces (a word a key, as `unshaped` keeps glyphs). */
const shapedWidths = new Map<string, number>();

/** The width of `text` in points at `size`: the sum of its characters' advances, or its shaped width in a shaped face. */
export function measureText(text: string, faceName: FaceName, size: number): number {
  const target = face(faceName);
  if (SHAPED.has(faceName)) {
    const key = `${faceName}:${text}`;
    let width = shapedWidths.get(key);
    if (width === undefined) {
      width = target.font.layout(text).advanceWidth / target.font.unitsPerEm;
      if (shapedWidths.size >= MAX_KEPT_WORDS) shapedWidths.clear();
      shapedWidths.set(key, width);
    }
    return width * size;
  }
  let width = 0;
  for (const character of text) width += advance(target, character.codePointAt(0)!);
  return width * size;
}

export function advance(target: Face, codePoint: number): number {
  let width = target.advances.get(codePoint);
  if (width === undefined) {
    width = target.font.glyphForCodePoint(codePoint).advanceWidth / target.font.unitsPerEm;
    target.advances.set(codePoint, width);
  }
  return width;
}

/** The glyph a character is drawn with in a face that maps a character to its glyph alone: its id in the face. */
export function glyphId(target: Face, codePoint: number): number {
  let id = target.glyphIds.get(codePoint);
  if (id === undefined) {
    id = target.font.glyphForCodePoint(codePoint).id;
    target.glyphIds.set(codePoint, id);
  }
  return id;
}

function covers(target: Face, codePoint: number): boolean {
  let has = target.covers.get(codePoint);
  if (has === undefined) {
    has = target.font.hasGlyphForCodePoint(codePoint);
    target.covers.set(codePoint, has);
  }
  return has;
}

export interface RunStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/**
 * The face a character is set in: the document's own face (Mincho for a
 * Japanese document, which has Latin letters too; Carlito for an English one),
 * else the other when only it has the character (a Japanese name in an
 * English contract). Noto Serif JP has no italic: a Japanese italic run is upright, as Word sets Yu Mincho.
 */
export function faceFor(codePoint: number, language: Language, style: RunStyle): FaceName {
  const rtl = rightToLeftFace(codePoint, style);
  if (rtl) return rtl;
  const latin: FaceName = style.bold ? (style.italic ? 'latinBoldItalic' : 'latinBold') : style.italic ? 'latinItalic' : 'latin';
  const mincho: FaceName = style.bold ? 'minchoBold' : 'mincho';
  if (language === 'ja') return codePoint < 0x80 || covers(face(mincho), codePoint) || !covers(face(latin), codePoint) ? mincho : latin;
  return codePoint < 0x250 || covers(face(latin), codePoint) || !covers(face(mincho), codePoint) ? latin : mincho;
}

/**
 * Hebrew and Arabic letters (with their points, marks and presentation
 * forms), which neither Carlito nor Noto Serif JP has: their own faces,
 * upright (neither has an italic). Arabic digits stay with the Arabic face.
 */
function rightToLeftFace(codePoint: number, style: RunStyle): FaceName | undefined {
  if ((codePoint >= 0x0590 && codePoint <= 0x05ff) || (codePoint >= 0xfb1d && codePoint <= 0xfb4f)) return style.bold ? 'hebrewBold' : 'hebrew';
  if (
    (codePoint >= 0x0600 && codePoint <= 0x06ff) ||
    (codePoint >= 0x0750 && codePoint <= 0x077f) ||
    (codePoint >= 0x08a0 && codePoint <= 0x08ff) ||
    (codePoint >= 0xfb50 && codePoint <= 0xfdff) ||
    (codePoint >= 0xfe70 && codePoint <= 0xfefc)
  ) {
    return style.bold ? 'arabicBold' : 'arabic';
  }
  return undefined;
}

/** The base face of a document's text, whose metrics set its line height. */
export function baseFace(language: Language, style: RunStyle = {}): Face {
  return face(language === 'ja' ? (style.bold ? 'minchoBold' : 'mincho') : faceFor(0x41, 'en', style));
}
