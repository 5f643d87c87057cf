// How each language numbers a clause and the points inside it. The Word
// renderers hand these patterns to Word's own multilevel numbering (one list:
// level 1 the clause headings, level 2 the points, restarting under each
// heading), and the HTML preview fills in the same patterns, so both show the
// same numbers.
import type { Language } from '../answers/schema.ts';

export interface ClauseNumbering {
  /** Word's level text for a clause heading: %1 is the clause's number. */
  readonly heading: string;
  /** Word's level text for a point: %1 the clause's number, %2 the point's. */
  readonly point: string;
  /**
   * The first point that carries a number. Japanese leaves an article's first
   * paragraph (第1項) unnumbered and numbers the rest 2, 3, … (the form of
   * Japanese statutes and contracts); English numbers every point, 7.1 on.
   */
  readonly firstNumberedPoint: number;
  /**
   * Word's level text for an item of a list inside a clause (号: %3 its number), numbered at the
   * third level of the clause list so it restarts under each point; absent, lists are bulleted.
   */
  readonly item?: string;
  /** What separates a number from its text: a tab to a hanging indent, or nothing (the pattern ends in a space). */
  readonly separator: 'tab' | 'none';
  /** Where the text of a heading or a point starts (twips), the number hanging before it; 0 for none. */
  readonly textIndent: number;
}

const NUMBERING: Readonly<Record<Language, ClauseNumbering>> = {
  // 567 twips (1 cm) holds "13.10" in 11 pt Calibri.
  en: { heading: '%1.', point: '%1.%2', firstNumberedPoint: 1, separator: 'tab', textIndent: 567 },
  // 第3条（報酬）, then "2　…" with an ideographic space, as printed Japanese contracts do.
  // Items (号) as 「(1)　…」, as Japanese statutes and contracts list them, never bullets.
  ja: { heading: '第%1条', point: '%2\u3000', item: '(%3)\u3000', firstNumberedPoint: 2, separator: 'none', textIndent: 0 },
};

export function clauseNumberingFor(language: Language | undefined): ClauseNumbering {
  return NUMBERING[language ?? 'en'];
}

/** A pattern's number as printed: "7.2", "第7条", "2　", "(1)　". */
export function numberLabel(pattern: string, clause: number, point = 0, item = 0): string {
  return pattern.replace('%1', String(clause)).replace('%2', String(point)).replace('%3', String(item));
}
