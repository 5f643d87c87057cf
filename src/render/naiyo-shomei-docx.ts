// The 内容証明 as a Word file to print: the sheets of src/claims/naiyo-shomei.ts,
// one grid row a paragraph and one sheet a page, three times over (the post
// office keeps one copy, the sender one, and one goes to the recipient, 内国郵便約款).
// Each copy is its own section whose page header names it (差出人用, 郵便局用,
// 受取人用): the header is not part of the certified text, so the body holds
// the letter's characters and nothing else, and a line is never re-wrapped by
// Word (12 pt 明朝 at a fixed line height; 20 cells are far narrower than the page).
import { AlignmentType, Document, Header, LineRuleType, PageOrientation, Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { Letter } from '../contract/tree.ts';
import { NAIYO_GRIDS, naiyoShomeiText, type Grid } from '../claims/naiyo-shomei.ts';
import { packDocument } from './docx.ts';
import { PAGE_MARGINS, PAGE_SIZES } from './page.ts';
import { xmlSafeText } from './text-scan.ts';

/** The three copies the post office asks for, in the order they are usually stacked. */
export const NAIYO_COPIES = ['差出人用', '郵便局用', '受取人用'] as const;

const FONT = 'ＭＳ 明朝';
/** 12 pt characters on 24 pt rows: 26 rows fit an A4 or Letter page inside the margins. */
const FONT_HALF_POINTS = 24;
const ROW_TWIPS = 480;

function sheetParagraphs(sheet: readonly string[], firstOfCopy: boolean): Paragraph[] {
  return sheet.map(
    (line, index) =>
      new Paragraph({
        // A sheet is a page: each one after the first of a copy starts on a new page.
        pageBreakBefore: index === 0 && !firstOfCopy,
        spacing: { before: 0, after: 0, line: ROW_TWIPS, lineRule: LineRuleType.EXACT },
        children: line === '' ? [] : [new TextRun({ text: xmlSafeText(line), font: FONT, size: FONT_HALF_POINTS })],
      }),
  );
}

/** The 内容証明 of a Japanese final notice as a Word file: each copy its section, each sheet its page. */
export async function renderNaiyoShomeiDocx(letter: Letter, grid: Grid = NAIYO_GRIDS['20x26']): Promise<Buffer> {
  const { sheets } = naiyoShomeiText(letter, grid);
  const page = { size: { ...PAGE_SIZES[letter.meta.paperSize], orientation: PageOrientation.PORTRAIT }, margin: PAGE_MARGINS };
  const sections: ISectionOptions[] = NAIYO_COPIES.map((copy) => ({
    properties: { page },
    headers: {
      default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: copy, font: FONT, size: 18 })] })] }),
    },
    children: sheets.flatMap((sheet, index) => sheetParagraphs(sheet, index === 0)),
  }));
  const document = new Document({
    title: xmlSafeText(`内容証明：${letter.meta.title}`),
    subject: xmlSafeText(letter.meta.subject),
    creator: xmlSafeText(letter.meta.author),
    lastModifiedBy: xmlSafeText(letter.meta.author),
    keywords: xmlSafeText('内容証明, 最終催告書'),
    description: xmlSafeText(`${grid.columns}字×${grid.rows}行、${sheets.length}枚、3通（${NAIYO_COPIES.join('・')}）`),
    sections,
  });
  return packDocument(document, 'ja');
}
