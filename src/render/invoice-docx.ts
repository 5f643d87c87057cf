// An invoice as a Word document, in the contract's styles (render/docx.ts):
// the same title, parties block, tables, header with the project name and
// "Page X of Y" footer, and the fonts of the invoice's language (Yu Mincho
// for a 請求書). Its own blocks: the numbered lines with the totals beneath
// them, and the addresses a Japanese invoice opens with.
import { HeadingLevel, LineRuleType, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun } from 'docx';
import type { InvoiceAddresses, InvoiceBlock, InvoiceLinesTable } from '../invoices/tree.ts';
import type { Invoice } from '../invoices/tree.ts';
import type { PaperSize } from '../answers/schema.ts';
import type { Table as TreeTable, TextRun as TreeRun } from '../contract/tree.ts';
import { xmlSafeText } from './text-scan.ts';
import { buildDocument, FEE_TABLE_BORDERS, packDocument, feeTableCell, fixedTable, percent, plainParagraph, renderBlocks, STYLE, textRuns } from './docx.ts';

/**
 * The paragraph Word needs after a table, kept to a 6 pt line with 6 pt after
 * it: at body size, three of them (addresses, details, lines) took the four
 * lines by which a Japanese invoice on US Letter ran onto a second page.
 */
const tableGap = () => new Paragraph({ spacing: { before: 0, after: 60, line: 120, lineRule: LineRuleType.EXACT }, children: [] });

// Number, description, amount: the amount column wide enough for "-$1,000,000,000.00".
const COLUMNS = [9, 63, 28] as const;

const cell = feeTableCell;

/** How many of the last lines go with the totals to a new page, so the totals are never under the header alone. */
const LINES_WITH_TOTALS = 2;

/**
 * Whether a line keeps with the row after it: the first (the caption and the
 * header never end a page without one) and the last few, which go with the
 * totals and the notes. The lines between may break across pages: were every
 * line kept, a table with the notes longer than a page would be one chain a
 * page cannot hold, which Word and LibreOffice break at the page's end,
 * leaving the notes alone on the last page.
 */
function keepsLineWithNext(index: number, count: number): boolean {
  return index === 0 || index >= count - LINES_WITH_TOTALS;
}

function linesBlock(table: InvoiceLinesTable, paperSize: PaperSize) {
  const [numberShare, descriptionShare, amountShare] = COLUMNS;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell(table.header[0], { share: numberShare, bold: true, header: true, keepNext: true }),
      cell(table.header[1], { share: descriptionShare, bold: true, header: true, keepNext: true }),
      cell(table.header[2], { share: amountShare, bold: true, header: true, amount: true, keepNext: true }),
    ],
  });
  const lines = table.lines.map((line, index) => {
    const keepNext = keepsLineWithNext(index, table.lines.length);
    return new TableRow({
      cantSplit: true,
      children: [
        cell(`${line.number}.`, { share: numberShare, keepNext }),
        cell(line.description, { share: descriptionShare, keepNext }),
        cell(line.amount, { share: amountShare, amount: true, keepNext }),
      ],
    });
  });
  // The totals keep with the lines above them, so the total never starts a page alone, and with the
  // notes after them (kept together), so the notes, the bank details and the closing never stand
  // alone on the last page.
  const totals = table.totals.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(row.label, { share: numberShare + descriptionShare, span: 2, bold: row.emphasis, amount: true, keepNext: true }),
          cell(row.value, { share: amountShare, bold: row.emphasis, amount: true, keepNext: true }),
        ],
      }),
  );
  return [
    plainParagraph(table.caption, { style: 'Caption' }),
    fixedTable([header, ...lines, ...totals], COLUMNS, FEE_TABLE_BORDERS, paperSize),
    tableGap(),
  ];
}

// The recipient's name (the first line of `to`: 「株式会社みどり商事 御中」) a size up and underlined, as a 請求書 addresses it.
const RECIPIENT_SIZE = 28;

function addressLines(lines: InvoiceAddresses['to'], first: { size?: number; underline?: boolean }): Paragraph[] {
  return lines.map(
    (runs: readonly TreeRun[], index) =>
      new Paragraph({
        style: STYLE.letterBlock,
        keepNext: index < lines.length - 1 || undefined,
        children:
          index === 0
            ? // A name is one line: made XML-safe here as textRuns would, with the headline's size and underline.
              runs.map((run) => new TextRun({ text: xmlSafeText(run.text).replace(/\n/g, ' '), bold: run.bold, size: first.size, underline: first.underline ? {} : undefined }))
            : runs.flatMap((run) => textRuns(run.text, { bold: run.bold, italic: run.italic })),
      }),
  );
}

function addressesBlock(block: InvoiceAddresses, paperSize: PaperSize): (Paragraph | Table)[] {
  const cell = (lines: InvoiceAddresses['to'], share: number, first: { size?: number; underline?: boolean }) =>
    new TableCell({ width: percent(share), margins: { top: 0, bottom: 0, left: 0, right: 240 }, children: addressLines(lines, first) });
  return [
    fixedTable([new TableRow({ cantSplit: true, children: [cell(block.to, 50, { size: RECIPIENT_SIZE, underline: true }), cell(block.from, 50, {})] })], [50, 50], TableBorders.NONE, paperSize),
    tableGap(),
  ];
}

// The details (number, dates, due, the contract): a narrow label and a wide value read left to right,
// so a long due date or supply period stays on one or two lines instead of wrapping in an amount column.
const DETAIL_COLUMNS = [30, 70] as const;

function detailsBlock(block: TreeTable, paperSize: PaperSize): (Paragraph | Table)[] {
  const [labelShare, valueShare] = DETAIL_COLUMNS;
  const rows = block.rows.map((row, index) => {
    const keepNext = index < block.rows.length - 1;
    return new TableRow({
      cantSplit: true,
      children: [cell(row.label, { share: labelShare, bold: row.emphasis, keepNext }), cell(row.value, { share: valueShare, bold: row.emphasis, keepNext })],
    });
  });
  return [
    plainParagraph(block.caption, { style: 'Caption', keepNext: true }),
    fixedTable(rows, DETAIL_COLUMNS, FEE_TABLE_BORDERS, paperSize),
    tableGap(),
  ];
}

function headBlocks(blocks: readonly InvoiceBlock[], paperSize: PaperSize): (Paragraph | Table)[] {
  return blocks.flatMap((block) => {
    if (block.type === 'invoice-addresses') return addressesBlock(block, paperSize);
    if (block.type === 'table') return detailsBlock(block, paperSize);
    return renderBlocks([block], paperSize);
  });
}

export async function renderInvoiceDocx(invoice: Invoice): Promise<Buffer> {
  const { paperSize } = invoice.meta;
  const children = [
    plainParagraph(invoice.title, { heading: HeadingLevel.TITLE }),
    // Less space under the subtitle than a contract's: an invoice is one page, US Letter included.
    plainParagraph(invoice.subtitle, { style: STYLE.subtitle, spacing: { after: 160 } }),
    ...headBlocks(invoice.head, paperSize),
    ...linesBlock(invoice.lines, paperSize),
    // The notes keep together, so the last of them (the closing) is never alone on a page.
    ...renderBlocks(invoice.notes, paperSize, undefined, true),
  ];
  return packDocument(buildDocument(invoice.meta, invoice.email.subject, children), invoice.meta.language);
}
