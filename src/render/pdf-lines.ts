// Text into lines for the PDF: runs (bold, italic) broken where Unicode's
// line-breaking rules allow (UAX #14, through the `linebreak` package,
// foliojs's, maintained with fontkit), which is also Japanese kinsoku: no line starts with
// 。、」） and none ends with 「（, while kana and kanji may break anywhere else.
// An email or web address is one word. A word wider than the line is broken
// between characters, as Word does.
// Each line is pieces of one face, size and colour, measured here once and
// drawn by render/pdf.ts where they were measured.
import LineBreaker from 'linebreak';
import type { Language } from '../answers/schema.ts';
import { addressSpans } from './address-hyphens.ts';
import { visualPieces } from './pdf-bidi.ts';
import { faceFor, measureText, type FaceName, type RunStyle } from './pdf-fonts.ts';
import { startsRightToLeft } from './text-direction.ts';
import { RTL, scanText, xmlSafeText } from './text-scan.ts';

export interface TextStyle extends RunStyle {
  /** Points. */
  readonly size: number;
  /** Hex without '#'. */
  readonly color?: string;
  readonly underline?: boolean;
}

export interface StyledText extends RunStyle {
  readonly text: string;
  readonly size?: number;
  readonly color?: string;
  readonly underline?: boolean;
}

export interface Piece {
  readonly text: string;
  readonly face: FaceName;
  readonly size: number;
  readonly color: string;
  readonly underline: boolean;
  readonly width: number;
  /** Right to left: the text is in the order typed, its glyphs drawn from the right (render/pdf-bidi.ts). */
  readonly rtl?: boolean;
}

export interface Line {
  readonly pieces: readonly Piece[];
  /** Without the spaces at its end. */
  readonly width: number;
  /** Broken where the text ran out of room, not at a line break or the paragraph's end: a justified paragraph stretches it. */
  readonly wrapped?: boolean;
  /** The paragraph reads right to left (its first letter does): a line not stretched is set against the right margin. */
  readonly rtl?: boolean;
}

interface Cluster extends RunStyle {
  readonly text: string;
  readonly size: number;
  readonly color: string;
  readonly underline: boolean;
}

const measure = measureText;

/** Pieces for one stretch of one run: split where the face changes. */
function piecesOf(text: string, style: Cluster, language: Language): Piece[] {
  const pieces: Piece[] = [];
  let current = '';
  let currentFace: FaceName | undefined;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    // A space keeps the face around it, so a line of Japanese with a Latin name is not cut into more pieces than it needs.
    const chosen = code === 0x20 && currentFace ? currentFace : faceFor(code, language, style);
    if (chosen !== currentFace && current !== '') {
      pieces.push(piece(current, currentFace!, style));
      current = '';
    }
    currentFace = chosen;
    current += character;
  }
  if (current !== '' && currentFace) pieces.push(piece(current, currentFace, style));
  return pieces;
}

function piece(text: string, faceName: FaceName, style: Cluster): Piece {
  return { text, face: faceName, size: style.size, color: style.color, underline: style.underline, width: measure(text, faceName, style.size) };
}

const widthOf = (pieces: readonly Piece[]) => pieces.reduce((sum, each) => sum + each.width, 0);

const isTrailingSpace = (code: number) => code === 0x20 || code === 0x3000;

/** The pieces less the spaces at their end: what must fit in the line. */
function trimEnd(pieces: readonly Piece[]): Piece[] {
  const kept = [...pieces];
  while (kept.length > 0) {
    const last = kept[kept.length - 1]!;
    let end = last.text.length;
    while (end > 0 && isTrailingSpace(last.text.charCodeAt(end - 1))) end--;
    const trimmed = last.text.slice(0, end);
    if (trimmed === last.text) break;
    kept.pop();
    if (trimmed !== '') {
      kept.push({ ...last, text: trimmed, width: measure(trimmed, last.face, last.size) });
      break;
    }
  }
  return kept;
}

/** A word too wide for any line, cut between characters into pieces that fit. */
function splitWide(pieces: readonly Piece[], maxWidth: number): Piece[][] {
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let width = 0;
  for (const each of pieces) {
    let current = '';
    let currentWidth = 0;
    for (const character of each.text) {
      const w = measure(character, each.face, each.size);
      if (width + currentWidth + w > maxWidth && (line.length > 0 || current !== '')) {
        if (current !== '') line.push({ ...each, text: current, width: currentWidth });
        lines.push(line);
        line = [];
        width = 0;
        current = '';
        currentWidth = 0;
      }
      current += character;
      currentWidth += w;
    }
    if (current !== '') {
      line.push({ ...each, text: current, width: currentWidth });
      width += currentWidth;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

const samePen = (a: Piece, b: Piece) => a.face === b.face && a.size === b.size && a.color === b.color && a.underline === b.underline;

/**
 * Consecutive pieces of the same face, size and colour drawn as one: each
 * run of them joined once (a line is a dozen words, each a piece), not
 * copied again for every word it takes in.
 */
function merge(pieces: readonly Piece[]): Piece[] {
  const merged: Piece[] = [];
  for (let start = 0; start < pieces.length; ) {
    const first = pieces[start]!;
    let end = start + 1;
    let text = first.text;
    let width = first.width;
    while (end < pieces.length && samePen(first, pieces[end]!)) {
      text += pieces[end]!.text;
      width += pieces[end]!.width;
      end++;
    }
    merged.push(end === start + 1 ? first : { ...first, text, width });
    start = end;
  }
  return merged;
}

/** The width of pieces less the spaces at their end, without copying them (trimEnd's width). */
function fittingWidth(pieces: readonly Piece[]): number {
  let width = 0;
  for (const each of pieces) width += each.width;
  for (let index = pieces.length - 1; index >= 0; index--) {
    const last = pieces[index]!;
    let end = last.text.length;
    while (end > 0 && isTrailingSpace(last.text.charCodeAt(end - 1))) end--;
    if (end === last.text.length) break;
    width -= end === 0 ? last.width : last.width - measure(last.text.slice(0, end), last.face, last.size);
    if (end > 0) break;
  }
  return width;
}

/** `bidi`: the paragraph has right-to-left letters, or is right to left (`rtl`): only then are its lines reordered. */
function breakHardLine(clusters: readonly Cluster[], maxWidth: number, language: Language, bidi: boolean, rtl: boolean): Line[] {
  const text = clusters.map((cluster) => cluster.text).join('');
  if (text === '') return [{ pieces: [], width: 0 }];
  // Where each run starts in the line, to cut a segment back into runs.
  const starts: number[] = [];
  let offset = 0;
  for (const cluster of clusters) {
    starts.push(offset);
    offset += cluster.text.length;
  }
  const segmentPieces = (from: number, to: number): Piece[] => {
    const pieces: Piece[] = [];
    clusters.forEach((cluster, index) => {
      const start = starts[index]!;
      const end = start + cluster.text.length;
      const a = Math.max(from, start);
      const b = Math.min(to, end);
      if (a < b) pieces.push(...piecesOf(cluster.text.slice(a - start, b - start), cluster, language));
    });
    return pieces;
  };

  const lines: Line[] = [];
  let line: Piece[] = [];
  let lineWidth = 0;
  const finish = (wrapped = false) => {
    // Broken in the order typed, drawn in visual order: a right-to-left stretch from the right.
    const merged = merge(trimEnd(line));
    const kept = bidi ? visualPieces(merged, rtl) : merged;
    lines.push({ pieces: kept, width: widthOf(kept), ...(wrapped ? { wrapped } : {}), ...(rtl ? { rtl } : {}) });
    line = [];
    lineWidth = 0;
  };
  const breaker = new LineBreaker(text);
  // An email or web address is kept whole, as in the Word file (render/address-hyphens.ts): UAX #14
  // breaks after its hyphens and slashes, and "elena@rossi-" reads as an address ending there.
  const addresses = text.includes('@') || text.includes('://') || text.includes('www.') ? addressSpans(text) : [];
  const insideAddress = (position: number) => addresses.some(([start, end]) => position > start && position < end);
  let last = 0;
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    if (!next.required && insideAddress(next.position)) continue;
    const segment = segmentPieces(last, next.position);
    last = next.position;
    const fitting = fittingWidth(segment);
    if (line.length > 0 && lineWidth + fitting > maxWidth) finish(true);
    if (line.length === 0 && fitting > maxWidth) {
      const parts = splitWide(segment, maxWidth);
      parts.slice(0, -1).forEach((part) => {
        line = part;
        finish(true);
      });
      line = parts[parts.length - 1] ?? [];
      lineWidth = widthOf(line);
    } else {
      line.push(...segment);
      lineWidth += widthOf(segment);
    }
    if (next.required) finish();
  }
  if (line.length > 0) finish();
  return lines;
}

/**
 * One way a text was set: its lines, and everything else they depend on,
 * compared field by field (no key string to build for every paragraph).
 * A paragraph of several runs has its runs' styles in its text's key
 * (`runsKey`) and none here (`run` undefined); one of one run has that run's
 * style here. So a text typed to spell a key of several runs is still told
 * apart: its setting names a run's style, which theirs never does.
 */
interface Setting {
  readonly language: Language;
  readonly maxWidth: number;
  readonly base: TextStyle;
  readonly run: Omit<StyledText, 'text'> | undefined;
  readonly lines: readonly Line[];
}

interface KeptText {
  /** The ways this text was set. */
  readonly settings: Setting[];
  used: boolean;
}

/**
 * Paragraphs already broken, by everything their lines depend on: most of a
 * contract's paragraphs are clause wording that every contract of the
 * language and paper size sets alike, so the next contract finds them here
 * (as the Word writer reuses each clause's compiled markup). Kept by text,
 * then by style: a paragraph of one run (most of them) is found by its own
 * text, with no key built from it, and its style (language, width, size,
 * weight, colour) picks among the ways that text was set; a paragraph of
 * several runs is found by a key that spells out every run's text and
 * style (`runsKey`), then by its setting. Either way a paragraph is only
 * ever given the lines of the very same text in the very same style:
 * nothing of one document reaches another's.
 *
 * Bounded two ways: at most `LAYOUT_CACHE_ENTRIES` paragraphs and
 * `LAYOUT_CACHE_CHARACTERS` characters of text (the lines hold the same
 * text again, so about twice that in strings: some 4 MB at most). The
 * oldest text not used since it was last passed over goes first (a second
 * chance, the "clock" approximation of least recently used): a text found
 * is only marked used, not moved, which cost a delete and an insert on
 * every hit.
 */
const layouts = new Map<string, KeptText>();
export const LAYOUT_CACHE_ENTRIES = 4000;
export const LAYOUT_CACHE_CHARACTERS = 1_000_000;
/** Ways one text is kept set at most (a paragraph and a table cell of the same words, in two widths, say). */
const SETTINGS_A_TEXT = 8;
let layoutEntries = 0;
let layoutCharacters = 0;

const sameStyle = (a: Omit<StyledText, 'text'>, b: Omit<StyledText, 'text'>) =>
  a.size === b.size && a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.color === b.color;

function sameSetting(setting: Setting, run: StyledText | undefined, base: TextStyle, maxWidth: number, language: Language): boolean {
  if (setting.maxWidth !== maxWidth || setting.language !== language || !sameStyle(setting.base, base)) return false;
  if (run === undefined || setting.run === undefined) return run === setting.run;
  return sameStyle(setting.run, run);
}

const flags = (bold: boolean | undefined, italic: boolean | undefined, underline: boolean | undefined) =>
  `${bold === undefined ? '-' : bold ? 1 : 0}${italic === undefined ? '-' : italic ? 1 : 0}${underline === undefined ? '-' : underline ? 1 : 0}`;

/**
 * Several runs: every run's style and text in a fixed order, each text
 * after its length, so the key reads back one way only, whatever characters
 * the text holds.
 */
function runsKey(runs: readonly StyledText[]): string {
  // Joined once, not added to piece by piece: a key is the paragraph's whole text, and a string built by `+=` is copied again to be hashed.
  const fields: (string | number)[] = [];
  for (const run of runs) fields.push(flags(run.bold, run.italic, run.underline), run.size ?? '', run.color ?? '', run.text.length, run.text);
  return fields.join('\u0001');
}

/**
 * The lines of a paragraph: its runs cleaned as for Word (characters XML
 * forbids dropped; a tab is a space), broken at each `\n` and wherever
 * the text meets `maxWidth` points. The lines are shared with every later
 * paragraph of the same text and style (see `layouts`): read only.
 */
export function breakLines(runs: readonly StyledText[], base: TextStyle, maxWidth: number, language: Language): readonly Line[] {
  const run = runs.length === 1 ? runs[0] : undefined;
  const key = run ? run.text : runsKey(runs);
  const kept = layouts.get(key);
  if (kept) {
    for (const setting of kept.settings) {
      if (sameSetting(setting, run, base, maxWidth, language)) {
        kept.used = true;
        return setting.lines;
      }
    }
  }
  const lines = layoutLines(runs, base, maxWidth, language);
  // Copies of the styles, not the caller's objects: a caller may change its own later.
  const setting: Setting = {
    language,
    maxWidth,
    base: { size: base.size, bold: base.bold, italic: base.italic, underline: base.underline, color: base.color },
    run: run && { size: run.size, bold: run.bold, italic: run.italic, underline: run.underline, color: run.color },
    lines,
  };
  if (kept) {
    if (kept.settings.length >= SETTINGS_A_TEXT) {
      kept.settings.shift();
      layoutEntries--;
    }
    kept.settings.push(setting);
  } else {
    layouts.set(key, { settings: [setting], used: false });
    layoutCharacters += key.length;
  }
  layoutEntries++;
  // Oldest first (the Map's order): one used since it was last passed over goes to the back, unmarked; the first one not used goes.
  for (const [oldest, text] of layouts) {
    if (layoutEntries <= LAYOUT_CACHE_ENTRIES && layoutCharacters <= LAYOUT_CACHE_CHARACTERS) break;
    layouts.delete(oldest);
    if (text.used && oldest !== key) {
      text.used = false;
      layouts.set(oldest, text);
    } else {
      layoutCharacters -= oldest.length;
      layoutEntries -= text.settings.length;
    }
  }
  return lines;
}

/** How many paragraphs' lines are kept, and their keys' characters: what the bounds above hold (for tests). */
export function layoutCacheSize(): { entries: number; characters: number } {
  return { entries: layoutEntries, characters: layoutCharacters };
}

function layoutLines(runs: readonly StyledText[], base: TextStyle, maxWidth: number, language: Language): Line[] {
  const lines: Line[] = [];
  // The Word file's rule: a paragraph whose first letter is right to left is a right-to-left paragraph.
  const text = runs.map((run) => run.text).join('');
  const bidi = (scanText(text) & RTL) !== 0;
  const rtl = bidi && startsRightToLeft(text);
  let hardLine: Cluster[] = [];
  for (const run of runs) {
    const style: Cluster = {
      text: '',
      bold: run.bold ?? base.bold,
      italic: run.italic ?? base.italic,
      size: run.size ?? base.size,
      color: run.color ?? base.color ?? '000000',
      underline: run.underline ?? base.underline ?? false,
    };
    xmlSafeText(run.text)
      .replace(/\t/g, ' ')
      .split('\n')
      .forEach((part, index) => {
        if (index > 0) {
          lines.push(...breakHardLine(hardLine, maxWidth, language, bidi, rtl));
          hardLine = [];
        }
        if (part !== '') hardLine.push({ ...style, text: part });
      });
  }
  lines.push(...breakHardLine(hardLine, maxWidth, language, bidi, rtl));
  return lines;
}

/** Labels already set, by text and style: the same few dozen numbers and bullets in every document, so each keeps its line (and the line its drawn code). */
const labels = new Map<string, Line>();
/** Labels are numbers and bullets the renderer makes, never typed text: a ceiling far above any document's. */
const MAX_LABELS = 2000;

/** A short label (a clause number, a bullet) set as one line in the base style. Shared: read only. */
export function labelPieces(text: string, base: TextStyle, language: Language): Line {
  const key = `${language}\u0001${base.size}\u0001${base.bold ? 1 : 0}${base.italic ? 1 : 0}\u0001${base.color ?? ''}\u0001${text}`;
  let line = labels.get(key);
  if (line === undefined) {
    const pieces = piecesOf(text, { text, size: base.size, color: base.color ?? '000000', underline: false, bold: base.bold, italic: base.italic }, language);
    line = { pieces, width: widthOf(pieces) };
    if (labels.size >= MAX_LABELS) labels.clear();
    labels.set(key, line);
  }
  return line;
}
