// The page a document is laid out on, declared once for every renderer:
// render/docx.ts (the docx library) sets the section's page size and margins
// from it, it and render/docx-xml.ts (the fast writer) size the tables'
// column grids from the text width it gives, and render/pdf.ts lays its pages
// out on the same sizes and margins, with the same keeps and footer.
import type { Language, PaperSize } from '../answers/schema.ts';
import type { Block, Section, SignatureParty } from '../contract/tree.ts';

/** Page margins in twips (1/1440 inch), the same on every paper size. */
export const PAGE_MARGINS = { top: 1300, bottom: 1300, left: 1300, right: 1300, header: 600, footer: 600 } as const;

/** Portrait page sizes in twips: US Letter is 8.5 x 11 in, A4 210 x 297 mm. */
export const PAGE_SIZES: Readonly<Record<PaperSize, { readonly width: number; readonly height: number }>> = {
  letter: { width: 12240, height: 15840 },
  a4: { width: 11906, height: 16838 },
};

/** The width between the left and right margins, in twips: 9640 on US Letter, 9306 on A4. */
export function textWidth(paperSize: PaperSize): number {
  return PAGE_SIZES[paperSize].width - PAGE_MARGINS.left - PAGE_MARGINS.right;
}

/**
 * A table's w:gridCol widths in twips for columns of the given percentages of
 * the text width. Each column ends where its running total rounds to, so the
 * widths add up to the text width exactly (three equal columns on US Letter
 * are 3213 + 3214 + 3213, not 3 x 3213).
 *
 * The grid is what Google Docs and Pages read; Word and LibreOffice follow the
 * tables' percentage widths.
 */
export function gridColumnWidths(paperSize: PaperSize, columnPercents: readonly number[]): number[] {
  const width = textWidth(paperSize);
  let share = 0;
  let edge = 0;
  return columnPercents.map((percent) => {
    share += percent;
    const next = Math.round((width * share) / 100);
    const column = next - edge;
    edge = next;
    return column;
  });
}

/** Space after a list's last item (twips): as much as between paragraphs, and a little more, so the list ends visibly. */
export const LIST_END_SPACING = 200;

/**
 * A paragraph keeps with the block after it when that block is one it
 * introduces: a list, the fee table (through its caption), the signatures.
 */
export const introduces = (next: Block | undefined): boolean => next?.type === 'list' || next?.type === 'table' || next?.type === 'signatures';

/** The footer's words around the page number and the page count: "Page 1 of 5", "1 / 5". */
export const PAGE_FOOTERS: Readonly<Record<Language, readonly [string, string, string]>> = {
  en: ['Page ', ' of ', ''],
  ja: ['', ' / ', ''],
};

/** Text short enough to move to the signatures' page whole: a few blocks, about a third of a page. */
const SHORT_CLAUSE = { blocks: 3, characters: 900 } as const;

/**
 * Whether a clause is kept together as a whole: its own rule (the signatures),
 * or it comes just before a clause that keeps with it (the signatures) and is
 * short. Then the heading, every paragraph and the signatures move together,
 * so the last page never holds only the signatures, nor the clause's heading
 * alone at the foot of the page before.
 */
export function keptWhole(section: Section, next: Section | undefined): boolean {
  if (section.keepTogether === true) return true;
  if (next?.keepWithPrevious !== true || section.blocks.length > SHORT_CLAUSE.blocks) return false;
  let characters = 0;
  for (const block of section.blocks) characters += blockCharacters(block);
  return characters <= SHORT_CLAUSE.characters;
}

function blockCharacters(block: Block): number {
  const runs = (items: readonly { text: string }[]) => items.reduce((sum, run) => sum + run.text.length, 0);
  switch (block.type) {
    case 'paragraph':
      return runs(block.runs);
    case 'list':
      return block.items.reduce((sum, item) => sum + runs(item), 0);
    case 'table':
      return block.caption.length + block.rows.reduce((sum, row) => sum + row.label.length + row.value.length, 0);
    // Parties and signatures never come before the signatures; counted as too long to be moved.
    default:
      return Number.POSITIVE_INFINITY;
  }
}

/**
 * Whether a block keeps with what follows it: in a section kept together,
 * every block but the last; the last when what follows must not start a page
 * alone (the signatures clause, a letter's closing).
 */
export const keepsWithNext = (next: Block | undefined, keepTogether: boolean, keepLast: boolean) =>
  next === undefined ? keepLast : keepTogether;

/**
 * Who signs, line by line, the same lines in every column so the columns line
 * up: the party bound (the business, or the person) in bold, then lines to
 * sign, to print the signer's name, the title and the date. The name line is
 * filled in when a person signs for a business, and left to fill in
 * otherwise: a client entered as a company alone still gets a line for the
 * name of whoever signs for it.
 */
export function signatureLines(party: SignatureParty): { readonly bound: string; readonly signer: string } {
  return { bound: party.business ?? party.name, signer: party.business ? party.name : '' };
}
