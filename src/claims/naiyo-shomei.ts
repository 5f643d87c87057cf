// The Japanese final demand as 内容証明郵便 text: the final notice's words laid
// out on the post office's grid, counted as the post office counts them, with
// no enclosure (内容証明 certifies one document only) and the sender and
// recipient blocks at the end. Pure: (letter tree) -> sheets of lines.
//
// The grids (内国郵便約款; 日本郵便「内容証明」ご利用の条件): 縦書き 20字 x 26行;
// 横書き 20字 x 26行, 26字 x 20行 or 13字 x 40行; 520 characters a sheet at most.
// How characters are counted (the post office's rules as published by
// practitioners, e.g. https://naiyou.info/moji.php): every character is one,
// half-width ones too, punctuation and symbols included; a pair of brackets is
// one, counted on the line of the opening bracket; a circled number counts its
// digits plus one for the circle (① is 2, ⑩ is 3); a squared unit such as ㎡ is 2.
// Lines are hard-wrapped at the grid's width, one character a cell, so a line
// never holds more cells than the grid, and a blank line between paragraphs is
// counted as a line (the safe reading).
import type { Letter } from '../contract/tree.ts';
import { blockToText } from '../contract/plain-text.ts';

export interface Grid {
  readonly columns: number;
  readonly rows: number;
}

/** The grids the post office accepts; 20 x 26 is the usual one. */
export const NAIYO_GRIDS = {
  '20x26': { columns: 20, rows: 26 },
  '26x20': { columns: 26, rows: 20 },
  '13x40': { columns: 13, rows: 40 },
} as const satisfies Record<string, Grid>;

/** A sheet holds at most this many counted characters, whichever grid. */
export const NAIYO_CHARACTERS_A_SHEET = 520;

const OPENING = '（(「『【［[〔〈《｛{';
const CLOSING = '）)」』】］]〕〉》｝}';

/** How many characters the post office counts on each line; brackets pair across lines. */
export function postOfficeCounts(lines: readonly string[]): number[] {
  const open: string[] = [];
  return lines.map((line) => {
    let count = 0;
    for (const character of line) {
      const code = character.codePointAt(0)!;
      const closes = CLOSING.indexOf(character);
      if (OPENING.includes(character)) {
        open.push(character);
        count += 1;
      } else if (closes >= 0 && open.at(-1) === OPENING[closes]) {
        // The pair was counted once, with its opening bracket.
        open.pop();
      } else if (code >= 0x2460 && code <= 0x2473) {
        // ① to ⑳: the number's digits and the circle.
        count += String(code - 0x2460 + 1).length + 1;
      } else if (code >= 0x3380 && code <= 0x33ff) {
        // ㎡, ㎏ and the other squared units.
        count += 2;
      } else {
        count += 1;
      }
    }
    return count;
  });
}

/** A paragraph broken into lines of at most `columns` characters (one a cell, no line-end rules). */
function wrap(paragraph: string, columns: number): string[] {
  const characters = Array.from(paragraph);
  if (characters.length === 0) return [''];
  const lines: string[] = [];
  for (let start = 0; start < characters.length; start += columns) lines.push(characters.slice(start, start + columns).join(''));
  return lines;
}

/** Paragraphs (a line break inside one starts a new line, not a new paragraph) laid out on the grid: sheets of lines. */
export function layOut(paragraphs: readonly string[], grid: Grid = NAIYO_GRIDS['20x26']): string[][] {
  const lines = paragraphs.flatMap((paragraph, index) => [
    ...(index > 0 ? [''] : []),
    ...paragraph.split('\n').flatMap((line) => wrap(line, grid.columns)),
  ]);
  const sheets: string[][] = [];
  for (let start = 0; start < lines.length; start += grid.rows) sheets.push(lines.slice(start, start + grid.rows));
  return sheets;
}

/** The block of a party at the foot of the demand: its address, then the role and the name. */
function partyBlock(role: '差出人' | '受取人', party: Letter['sender']): string {
  // The Japanese letter names the recipient company first and its person (with 様) as `business`;
  // the sender is a person with, where there is one, a trade name (屋号) before it.
  const name = !party.business ? party.name : role === '受取人' ? `${party.name}　${party.business}` : `${party.business}　${party.name}`;
  // The recipient is addressed with 殿 unless the letter already wrote 様 or 御中.
  const honorific = role === '受取人' && !/(様|御中|殿)$/.test(name) ? '　殿' : '';
  return [...party.address.split('\n').map((line) => line.trim()).filter(Boolean), `${role}　${name}${honorific}`].join('\n');
}

/**
 * The paragraphs of the 内容証明: the title, the letter's body (its table as lines), the closing and the
 * date, then the sender's and the recipient's blocks. The enclosure line is left out: a 内容証明 encloses nothing.
 */
export function naiyoShomeiParagraphs(letter: Letter): string[] {
  const body = letter.blocks.map((block) => blockToText(block).split('\n').filter((line) => line.trim() !== '').join('\n'));
  return [
    // The subject without its bracketed invoice and project: 最終催告書.
    letter.subject.split('（')[0]!,
    letter.salutation,
    ...body.filter((paragraph) => paragraph !== ''),
    letter.closing,
    letter.date,
    partyBlock('差出人', letter.sender),
    partyBlock('受取人', letter.recipient),
  ];
}

/** The 内容証明 as plain text for e内容証明 or printing: one line a grid row, sheets separated by a form feed. */
export function naiyoShomeiText(letter: Letter, grid: Grid = NAIYO_GRIDS['20x26']): { sheets: string[][]; text: string } {
  const sheets = layOut(naiyoShomeiParagraphs(letter), grid);
  return { sheets, text: `${sheets.map((sheet) => sheet.join('\n')).join('\n\f\n')}\n` };
}
