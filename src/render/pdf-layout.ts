// The PDF's pages: blocks of lines and table rows (what render/pdf.ts makes
// of a tree) placed on pages by the rules the Word file gives Word: a block
// that keeps with the next moves with it (a heading never ends a page; the fee
// table, the signature block and a lead-in stay with what they introduce),
// a row never splits, and a paragraph never leaves one line alone at the foot
// or the head of a page (Word's widow and orphan control). Pure: placements
// out, no drawing, so the page breaks can be tested without reading a PDF.
import type { Line } from './pdf-lines.ts';

/** A node of the PDF's structure tree (tagged PDF): made when its first content is drawn. */
export interface Tag {
  readonly type: string;
  readonly parent: Tag | null;
  readonly options?: { readonly scope?: 'Row' | 'Column'; readonly lang?: string };
  /** The structure element the drawing document made of it (render/pdf-document.ts's StructureNode): none yet when laid out. */
  element?: unknown;
}

// `element` is there from the start, so every tag has one shape and setting it later adds no property.
export const tag = (type: string, parent: Tag | null, options?: Tag['options']): Tag => ({ type, parent, options, element: undefined });

/** Lines set as one paragraph, on the page or in a table cell. */
export interface SetLines {
  readonly lines: readonly Line[];
  /** Points from one baseline to the next, and from the paragraph's top to the first baseline. */
  readonly lineHeight: number;
  readonly ascent: number;
  /** 'justify' stretches every line but a paragraph's last and one ended by a line break (render/pdf.ts's Drawing.set). */
  readonly align: 'left' | 'center' | 'right' | 'justify';
  readonly before: number;
  readonly after: number;
  readonly tag: Tag;
}

/** A line-set paragraph: a heading, a point, a list item, an address line. */
export interface TextBlock extends SetLines {
  readonly kind: 'text';
  /** From the left margin. */
  readonly x: number;
  readonly width: number;
  readonly keepNext: boolean;
  readonly keepLines: boolean;
  /** A number or bullet set before the first line, at `x` from the margin; in its own tag (Lbl) when it has one. */
  readonly label?: { readonly line: Line; readonly x: number; readonly tag?: Tag };
}

/** A paragraph inside a table cell. */
export interface CellParagraph extends SetLines {
  /** A line drawn under it: the line to sign on. */
  readonly rule: boolean;
}

export interface Cell {
  /** From the left margin, and the cell's full width (its padding inside). */
  readonly x: number;
  readonly width: number;
  readonly padding: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  readonly paragraphs: readonly CellParagraph[];
  readonly fill?: string;
}

/** A table row: never split across pages. */
export interface RowBlock {
  readonly kind: 'row';
  readonly cells: readonly Cell[];
  readonly borders: boolean;
  readonly before: number;
  readonly after: number;
  readonly keepNext: boolean;
  /** The TR (or the Div) that holds the cells' tags. */
  readonly tag: Tag;
  /**
   * The table's header rows (Word's tableHeader: the fee table's caption and
   * column names, an invoice's column names), set again above this row when
   * it is the first of its table on a new page.
   */
  readonly repeat?: readonly RowBlock[];
}

export type LayoutBlock = TextBlock | RowBlock;

export interface Placement {
  readonly block: LayoutBlock;
  /** Top of the block's first line or the row's top edge, in points from the page's top. */
  readonly y: number;
  /** The block's lines on this page (a row: 0 to 1). */
  readonly from: number;
  readonly to: number;
  /** A header row set again on a later page: drawn as an artifact, since its words were read once already. */
  readonly repeated?: boolean;
}

const paragraphHeight = (paragraph: CellParagraph) => paragraph.before + paragraph.lines.length * paragraph.lineHeight + paragraph.after;

export function cellHeight(cell: Cell): number {
  return cell.padding.top + cell.paragraphs.reduce((sum, paragraph) => sum + paragraphHeight(paragraph), 0) + cell.padding.bottom;
}

export function rowHeight(row: RowBlock): number {
  return Math.max(0, ...row.cells.map(cellHeight));
}

/** Word's widow and orphan control: a paragraph splits only with at least two lines on each side. */
const MIN_LINES = 2;

function fullHeight(block: LayoutBlock): number {
  return block.kind === 'row' ? rowHeight(block) : block.lines.length * block.lineHeight;
}

/** What of a block must be on the page of the block that keeps with it: a row whole, a paragraph's first lines. */
function leadHeight(block: LayoutBlock): number {
  if (block.kind === 'row') return block.before + rowHeight(block);
  const lines = block.keepLines || block.lines.length < 2 * MIN_LINES ? block.lines.length : MIN_LINES;
  return block.before + lines * block.lineHeight;
}

/**
 * The blocks on pages whose body runs from `top` to `bottom` (points from
 * the page's top). Each page is the placements on it, in reading order.
 */
export function paginate(blocks: readonly LayoutBlock[], top: number, bottom: number): Placement[][] {
  const pages: Placement[][] = [[]];
  let y = top;
  const newPage = () => {
    pages.push([]);
    y = top;
  };
  const place = (placement: Placement) => pages[pages.length - 1]!.push(placement);
  // Space before a block is left out at the top of a page, as Word does after a page break it made.
  const spaceBefore = (block: LayoutBlock) => (y === top ? 0 : block.before);

  blocks.forEach((block, index) => {
    // At the start of a chain of blocks that keep with the next: the chain and the next block's lead move to a new page together, when they fit on one.
    if (block.keepNext && !blocks[index - 1]?.keepNext && y !== top) {
      let height = spaceBefore(block);
      let end = index;
      for (; end < blocks.length && blocks[end]!.keepNext; end++) height += (end === index ? 0 : blocks[end]!.before) + fullHeight(blocks[end]!) + blocks[end]!.after;
      if (blocks[end]) height += leadHeight(blocks[end]!);
      if (height <= bottom - top && y + height > bottom) newPage();
    }

    if (block.kind === 'row') {
      const height = rowHeight(block);
      if (y !== top && y + spaceBefore(block) + height > bottom) {
        newPage();
        for (const header of block.repeat ?? []) {
          place({ block: header, y, from: 0, to: 1, repeated: true });
          y += rowHeight(header);
        }
      }
      y += spaceBefore(block);
      place({ block, y, from: 0, to: 1 });
      y += height + block.after;
      return;
    }

    const count = block.lines.length;
    let from = 0;
    while (from < count) {
      const before = from === 0 ? spaceBefore(block) : 0;
      const fits = Math.max(0, Math.floor((bottom - y - before + 0.001) / block.lineHeight));
      const rest = count - from;
      if (rest <= fits) {
        y += before;
        place({ block, y, from, to: count });
        y += rest * block.lineHeight;
        break;
      }
      let here: number;
      if (block.keepLines || rest < 2 * MIN_LINES) here = 0;
      else here = Math.min(fits, rest - MIN_LINES) >= MIN_LINES ? Math.min(fits, rest - MIN_LINES) : 0;
      // A block taller than a whole page is split where the page ends.
      if (here === 0 && y === top) here = Math.max(1, fits);
      if (here > 0) {
        y += before;
        place({ block, y, from, to: from + here });
        from += here;
      }
      newPage();
    }
    y += block.after;
  });
  return pages.filter((page, index) => page.length > 0 || index === 0);
}
