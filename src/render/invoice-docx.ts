// An invoice as a Word document, in the contract's styles (render/docx.ts):
// the same title, parties block, tables, header with the project name and
// "Page X of Y" footer. The one block of its own is the numbered lines with
// the totals beneath them.
import { HeadingLevel, Packer, Paragraph, TableRow } from 'docx';
import type { InvoiceLinesTable } from '../invoices/tree.ts';
import type { Invoice } from '../invoices/tree.ts';
import type { PaperSize } from '../answers/schema.ts';
import { buildDocument, FEE_TABLE_BORDERS, feeTableCell, fixedTable, plainParagraph, renderBlocks, STYLE } from './docx.ts';

// Number, description, amount: the amount column wide enough for "-$1,000,000,000.00".
const COLUMNS = [9, 63, 28] as const;

const cell = feeTableCell;

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
  const lines = table.lines.map(
    (line) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(`${line.number}.`, { share: numberShare, keepNext: true }),
          cell(line.description, { share: descriptionShare, keepNext: true }),
          cell(line.amount, { share: amountShare, amount: true, keepNext: true }),
        ],
      }),
  );
  // The totals keep with the lines above them, so the total never starts a page alone.
  const totals = table.totals.map(
    (row, index) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(row.label, { share: numberShare + descriptionShare, span: 2, bold: row.emphasis, amount: true, keepNext: index < table.totals.length - 1 }),
          cell(row.value, { share: amountShare, bold: row.emphasis, amount: true, keepNext: index < table.totals.length - 1 }),
        ],
      }),
  );
  return [
    plainParagraph(table.caption, { style: 'Caption' }),
    fixedTable([header, ...lines, ...totals], COLUMNS, FEE_TABLE_BORDERS, paperSize),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

export async function renderInvoiceDocx(invoice: Invoice): Promise<Buffer> {
  const { paperSize } = invoice.meta;
  const children = [
    plainParagraph(invoice.title, { heading: HeadingLevel.TITLE }),
    plainParagraph(invoice.subtitle, { style: STYLE.subtitle }),
    ...renderBlocks([invoice.parties, invoice.details], paperSize),
    ...linesBlock(invoice.lines, paperSize),
    ...renderBlocks(invoice.notes, paperSize),
  ];
  return Buffer.from(await Packer.toBuffer(buildDocument(invoice.meta, invoice.subject, children)));
}
