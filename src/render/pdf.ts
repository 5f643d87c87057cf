// Contracts, letters and invoices as PDF, through pdfkit: the same trees the
// Word renderers walk (render/docx.ts is the model, block for block: sizes,
// spacing, indents and keeps are its styles in points), laid out on pages by
// render/pdf-layout.ts and drawn here. No office suite and no browser.
//
// The file is PDF/A-3b: fonts embedded and subset, an sRGB output intent,
// XMP metadata with the title and author; a contract (and a letter made from
// one) carries its answers as an attached answers.json, so "Continue from a
// file" reads a PDF as it reads a Word file (render/pdf-answers.ts). It is
// tagged for screen readers: document language, a structure tree in reading
// order (H1 the title, H2 each clause, P, L/LI/Lbl/LBody, Table/TR/TH/TD),
// and the page header and footer marked as artifacts. User text reaches the
// page only as glyphs (render/pdf-lines.ts cleans it as for Word): it can
// never become a heading, a tag or a PDF operator.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { Language } from '../answers/schema.ts';
import type { Block, Contract, DocumentMeta, Letter, LetterParty, Paragraph, SignatureBlock, Table as TreeTable, TextRun } from '../contract/tree.ts';
import type { Invoice, InvoiceAddresses, InvoiceBlock, InvoiceLinesTable } from '../invoices/tree.ts';
import { clauseNumberingFor, numberLabel, type ClauseNumbering } from './clause-numbering.ts';
import { introduces, keepsWithNext, LIST_END_SPACING, PAGE_FOOTERS, PAGE_MARGINS, PAGE_SIZES, signatureLines, textWidth } from './page.ts';
import { drawingOrder } from './pdf-bidi.ts';
import { baseFace, face, SHAPED, type FaceName } from './pdf-fonts.ts';
import { breakLines, labelPieces, type Line, type Piece, type StyledText, type TextStyle } from './pdf-lines.ts';
import { paginate, rowHeight, tag, type Cell, type CellParagraph, type LayoutBlock, type Placement, type RowBlock, type Tag, type TextBlock } from './pdf-layout.ts';

/** The name of the attached answers: what "Continue from a file" looks for. */
export const ANSWERS_ATTACHMENT = 'answers.json';

const pt = (twips: number) => twips / 20;

// Word's styles (render/docx.ts) in points.
const BODY = 11;
/** Word's "auto" spacing of 276: 1.15 lines. */
const BODY_SPACING = 1.15;
const PARAGRAPH_AFTER = pt(140);
const MUTED = '595959';
const RULE = '8C8C8C';
const HEADER_FILL = 'E8ECF2';

interface Context {
  readonly language: Language;
  readonly numbering: ClauseNumbering;
  readonly width: number;
  readonly document: Tag;
}

interface ParagraphOptions {
  readonly style?: Partial<TextStyle>;
  readonly spacing?: number;
  readonly before?: number;
  readonly after?: number;
  readonly indent?: number;
  readonly align?: TextBlock['align'];
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  readonly label?: TextBlock['label'];
}

const styleOf = (options: ParagraphOptions): TextStyle => ({ size: BODY, ...options.style });

function lineHeight(context: Context, style: TextStyle, spacing: number) {
  const base = baseFace(context.language, style);
  return { lineHeight: base.singleLine * style.size * spacing, ascent: base.ascent * style.size };
}

/**
 * A paragraph's alignment when its style names none: the Word file's Normal
 * style, justified in Japanese (docx.ts's typography), flush left in English.
 */
const bodyAlign = (context: Context): TextBlock['align'] => (context.language === 'ja' ? 'justify' : 'left');

function textBlock(context: Context, runs: readonly StyledText[], blockTag: Tag, options: ParagraphOptions = {}): TextBlock {
  const style = styleOf(options);
  const indent = options.indent ?? 0;
  const width = context.width - indent;
  return {
    kind: 'text',
    lines: breakLines(runs, style, width, context.language),
    ...lineHeight(context, style, options.spacing ?? BODY_SPACING),
    x: indent,
    width,
    align: options.align ?? bodyAlign(context),
    before: options.before ?? 0,
    after: options.after ?? PARAGRAPH_AFTER,
    keepNext: options.keepNext ?? false,
    keepLines: options.keepLines ?? false,
    label: options.label,
    tag: blockTag,
  };
}

function cellParagraph(context: Context, runs: readonly StyledText[], width: number, paragraphTag: Tag, options: ParagraphOptions & { rule?: boolean } = {}): CellParagraph {
  const style = styleOf(options);
  return {
    lines: breakLines(runs, style, width, context.language),
    ...lineHeight(context, style, options.spacing ?? BODY_SPACING),
    before: options.before ?? 0,
    after: options.after ?? PARAGRAPH_AFTER,
    align: options.align ?? 'left',
    rule: options.rule ?? false,
    tag: paragraphTag,
  };
}

// ---------------------------------------------------------------------------
// Blocks, as render/docx.ts renders them

const TITLE: ParagraphOptions = { style: { size: 20, bold: true, color: '1F1F1F' }, align: 'center', after: pt(120), keepNext: true };
/** Italic in English; upright in Japanese, which has no italic (docx.ts's italicSubtitle). */
const subtitle = (context: Context): ParagraphOptions => ({ style: { size: 12, italic: context.language === 'en', color: '404040' }, align: 'center', after: pt(360) });
const HEADING: ParagraphOptions = { style: { size: 13, bold: true, color: '1F3864' }, before: pt(300), after: pt(120), keepNext: true, keepLines: true };
const CAPTION: ParagraphOptions = { style: { size: 10, bold: true, color: '1F1F1F' }, before: pt(120), after: pt(80), keepNext: true };
const PARTY_ROLE: ParagraphOptions = { style: { size: 9, bold: true, color: MUTED }, after: pt(60) };
/** Names, addresses, contact lines: the Word file's Letter Block style, flush left in both languages. */
const LETTER_BLOCK: ParagraphOptions = { after: 0, align: 'left' };
const TABLE_TEXT: ParagraphOptions = { before: pt(40), after: pt(40), spacing: 1 };
const SIGNATURE_LINE: ParagraphOptions & { rule: boolean } = { before: pt(440), after: 0, spacing: 1, rule: true };
const SIGNATURE_LABEL: ParagraphOptions = { style: { size: 8, color: MUTED }, before: pt(20), after: 0 };

const runsOf = (runs: readonly TextRun[]): StyledText[] => runs.map((run) => ({ text: run.text, bold: run.bold, italic: run.italic }));
const plain = (text: string, style: Partial<StyledText> = {}): StyledText[] => [{ text, ...style }];

/** A number hung before a paragraph's text (7., 7.1, a bullet), the text at `indent`. */
function hangingLabel(context: Context, text: string, style: Partial<TextStyle>, labelTag?: Tag): TextBlock['label'] {
  return { line: labelPieces(text, { size: BODY, ...style }, context.language), x: 0, tag: labelTag };
}

function paragraphBlock(context: Context, block: Paragraph, next: Block | undefined, keep: boolean, clause: number, parent: Tag): TextBlock {
  const { numbering } = context;
  const numbered = block.point !== undefined && block.point >= numbering.firstNumberedPoint;
  const keepNext = introduces(next) || keep;
  const indent = pt(numbering.textIndent);
  if (numbered) {
    const label = numberLabel(numbering.point, clause, block.point!);
    // Japanese sets "2　" in line with the text; English hangs 7.1 before an indent.
    if (numbering.separator === 'none') return textBlock(context, [{ text: label }, ...runsOf(block.runs)], tag('P', parent), { keepNext });
    return textBlock(context, runsOf(block.runs), tag('P', parent), { keepNext, indent, label: hangingLabel(context, label, {}) });
  }
  return textBlock(context, runsOf(block.runs), tag('P', parent), { keepNext, indent: block.continuesPoint ? indent : 0 });
}

function listBlocks(context: Context, block: Block & { type: 'list' }, keep: boolean, clause: number, parent: Tag): TextBlock[] {
  // The bullet sits where a point's text starts (docx.ts's bulletIndent), the item's text after it.
  const left = pt(Math.max(720, context.numbering.textIndent + 360));
  const list = tag('L', parent);
  const { item: itemPattern } = context.numbering;
  if (itemPattern) {
    // Items (号) numbered (1)(2) in their own text, as the Word file's third clause level prints them.
    return block.items.map((item, index) =>
      textBlock(context, [{ text: numberLabel(itemPattern, clause, 0, index + 1) }, ...runsOf(item)], tag('LBody', tag('LI', list)), {
        indent: left,
        after: index === block.items.length - 1 ? pt(LIST_END_SPACING) : pt(80),
        keepNext: keep,
      }),
    );
  }
  return block.items.map((item, index) => {
    const entry = tag('LI', list);
    const label = hangingLabel(context, '\u2022', {}, tag('Lbl', entry));
    return textBlock(context, runsOf(item), tag('LBody', entry), {
      indent: left,
      label: label && { ...label, x: left - pt(360) },
      after: index === block.items.length - 1 ? pt(LIST_END_SPACING) : pt(80),
      keepNext: keep,
    });
  });
}

const CELL_PADDING = { top: pt(40), bottom: pt(40), left: pt(100), right: pt(100) };

interface GridCell {
  readonly text: string;
  readonly share: number;
  readonly bold?: boolean;
  readonly amount?: boolean;
  readonly header?: boolean;
}

/** A bordered row of a money table: shaded header cells, amounts right-aligned. */
/** `group`: the THead or TBody its TR belongs to (the Table itself for a caption row). */
function gridRow(context: Context, cells: readonly GridCell[], group: Tag, keepNext: boolean, after = 0): RowBlock {
  const row = tag('TR', group);
  let x = 0;
  return {
    kind: 'row',
    borders: true,
    before: 0,
    after,
    keepNext,
    tag: row,
    cells: cells.map((cell) => {
      const width = (context.width * cell.share) / 100;
      const inner = width - CELL_PADDING.left - CELL_PADDING.right;
      const cellTag = tag(cell.header ? 'TH' : 'TD', row, cell.header ? { scope: 'Column' } : undefined);
      const laid: Cell = {
        x,
        width,
        padding: CELL_PADDING,
        fill: cell.header ? HEADER_FILL : undefined,
        paragraphs: [cellParagraph(context, plain(cell.text, { bold: cell.bold }), inner, cellTag, { ...TABLE_TEXT, align: cell.amount ? 'right' : 'left' })],
      };
      x += width;
      return laid;
    }),
  };
}

/** The empty paragraph Word needs after a table: a line's height and the given space. */
function spaceAfterTable(context: Context, after: number): number {
  return lineHeight(context, { size: BODY }, BODY_SPACING).lineHeight + after;
}

function feeTableBlocks(context: Context, block: TreeTable, parent: Tag): RowBlock[] {
  const table = tag('Table', parent);
  const head = tag('THead', table);
  const body = tag('TBody', table);
  // Every row but the last keeps with the next, so the table moves to a new page whole, its caption with it.
  const caption = gridRow(context, [{ text: block.caption, share: 100, bold: true }], table, true);
  const captionRow: RowBlock = { ...caption, cells: caption.cells.map((cell) => ({ ...cell, paragraphs: cell.paragraphs.map((paragraph) => ({ ...paragraph, tag: tag('Caption', table) })) })), tag: table };
  const header = gridRow(context, [{ text: block.header[0], share: 68, bold: true, header: true }, { text: block.header[1], share: 32, bold: true, header: true, amount: true }], head, block.rows.length > 0);
  // Both are the Word file's header rows (tableHeader), repeated on each page a long table reaches.
  const repeat = [captionRow, header];
  return [
    captionRow,
    header,
    ...block.rows.map((row, index) => ({
      ...gridRow(
        context,
        [{ text: row.label, share: 68, bold: row.emphasis }, { text: row.value, share: 32, bold: row.emphasis, amount: true }],
        body,
        index < block.rows.length - 1,
        index === block.rows.length - 1 ? spaceAfterTable(context, pt(60)) : 0,
      ),
      repeat,
    })),
  ];
}

/** Columns without borders, side by side (the parties, the signatures, an invoice's addresses): each a Div of paragraphs. */
function columnsRow(
  context: Context,
  columns: readonly ((width: number, column: Tag) => CellParagraph[])[],
  parent: Tag,
  padding: Cell['padding'],
  after: number,
): RowBlock {
  const group = tag('Div', parent);
  const width = context.width / columns.length;
  return {
    kind: 'row',
    borders: false,
    before: 0,
    after,
    keepNext: false,
    tag: group,
    cells: columns.map((paragraphs, index) => ({ x: index * width, width, padding, paragraphs: paragraphs(width - padding.left - padding.right, tag('Div', group)) })),
  };
}

const ENGLISH_CONTACT_LABELS = { email: 'Email', phone: 'Phone' } as const;

function contactParagraphs(context: Context, party: LetterParty, width: number, parent: Tag, labels: { readonly email: string; readonly phone: string } = ENGLISH_CONTACT_LABELS): CellParagraph[] {
  const line = (runs: StyledText[]) => cellParagraph(context, runs, width, tag('P', parent), LETTER_BLOCK);
  return [
    line(plain(party.name, { bold: true })),
    ...(party.business ? [line(plain(party.business))] : []),
    line(plain(party.address)),
    line([{ text: `${labels.email}: `, color: MUTED }, { text: party.email }]),
    line([{ text: `${labels.phone}: `, color: MUTED }, { text: party.phone }]),
    ...(party.vatNumber ? [line([{ text: 'VAT number: ', color: MUTED }, { text: party.vatNumber }])] : []),
  ];
}

/** Word's all-caps party role, printed as Word shows it. */
const roleText = (role: string) => role.toLocaleUpperCase('en-US');

function partiesRow(context: Context, block: Block & { type: 'parties' }, parent: Tag): RowBlock {
  return columnsRow(
    context,
    block.parties.map((party) => (width: number, column: Tag) => [
      cellParagraph(context, plain(roleText(party.role)), width, tag('P', column), PARTY_ROLE),
      ...contactParagraphs(context, party, width, column),
    ]),
    parent,
    { top: pt(80), bottom: pt(80), left: 0, right: pt(240) },
    PARAGRAPH_AFTER,
  );
}

function signaturesRow(context: Context, block: SignatureBlock, parent: Tag): RowBlock {
  return columnsRow(
    context,
    block.parties.map((party) => (width: number, column: Tag) => {
      const paragraph = (runs: StyledText[], options: ParagraphOptions & { rule?: boolean }) => cellParagraph(context, runs, width, tag('P', column), options);
      const { bound, signer } = signatureLines(party);
      return [
        paragraph(plain(roleText(party.role)), PARTY_ROLE),
        paragraph(plain(bound, { bold: true }), LETTER_BLOCK),
        // Signed online (src/engagements): "/s/ Name" on the line and the method in its label, as the Word file prints them.
        paragraph(party.signed ? plain(party.signed.mark) : [], SIGNATURE_LINE),
        paragraph(plain(party.signed ? `Signature (${party.signed.method})` : 'Signature'), SIGNATURE_LABEL),
        paragraph(signer ? plain(signer) : [], SIGNATURE_LINE),
        paragraph(plain('Name'), SIGNATURE_LABEL),
        paragraph(party.title ? plain(party.title) : [], SIGNATURE_LINE),
        paragraph(plain('Title'), SIGNATURE_LABEL),
        paragraph(party.signed ? plain(party.signed.date) : [], SIGNATURE_LINE),
        paragraph(plain('Date'), SIGNATURE_LABEL),
      ];
    }),
    parent,
    { top: pt(80), bottom: pt(80), left: 0, right: pt(360) },
    spaceAfterTable(context, PARAGRAPH_AFTER),
  );
}

function blockLayout(context: Context, block: Block, next: Block | undefined, keepTogether: boolean, keepLast: boolean, clause: number, parent: Tag): LayoutBlock[] {
  const keep = keepsWithNext(next, keepTogether, keepLast);
  switch (block.type) {
    case 'paragraph':
      return [paragraphBlock(context, block, next, keep, clause, parent)];
    case 'list':
      return listBlocks(context, block, keep, clause, parent);
    case 'table':
      return feeTableBlocks(context, block, parent);
    case 'parties':
      return [partiesRow(context, block, parent)];
    case 'signatures':
      return [signaturesRow(context, block, parent)];
  }
}

/** `keepLast`: the last block keeps with what follows the blocks (the next section's heading, a letter's closing). */
function blocksLayout(context: Context, blocks: readonly Block[], parent: Tag, keepTogether = false, keepLast = false, clause = 0): LayoutBlock[] {
  const laid = blocks.flatMap((block, index) => blockLayout(context, block, blocks[index + 1], keepTogether, keepLast, clause, parent));
  // A row (the signatures, the parties) keeps with the next block when its block does.
  const last = laid[laid.length - 1];
  if (keepLast && last?.kind === 'row' && !last.keepNext) laid[laid.length - 1] = { ...last, keepNext: true };
  return laid;
}

// ---------------------------------------------------------------------------
// Documents

function contextFor(meta: DocumentMeta): Context {
  const language = meta.language ?? 'en';
  return { language, numbering: clauseNumberingFor(language), width: pt(textWidth(meta.paperSize)), document: tag('Document', null) };
}

function contractLayout(contract: Contract, context: Context): LayoutBlock[] {
  const { numbering, document } = context;
  const blocks: LayoutBlock[] = [
    textBlock(context, plain(contract.title), tag('H1', document), TITLE),
    textBlock(context, plain(contract.subtitle), tag('P', document), subtitle(context)),
    // The Japanese 前文: ordinary paragraphs before 第1条, outside the clause numbering, as in the Word file.
    ...blocksLayout(context, contract.preamble ?? [], document),
  ];
  contract.sections.forEach((section, index) => {
    const clause = index + 1;
    const sect = tag('Sect', document);
    const label = numberLabel(numbering.heading, clause);
    blocks.push(
      numbering.separator === 'tab'
        ? textBlock(context, plain(section.title), tag('H2', sect), { ...HEADING, indent: pt(numbering.textIndent), label: hangingLabel(context, label, HEADING.style!) })
        : textBlock(context, [{ text: label }, { text: section.title }], tag('H2', sect), HEADING),
      ...blocksLayout(context, section.blocks, sect, section.keepTogether ?? false, contract.sections[index + 1]?.keepWithPrevious === true, clause),
    );
  });
  return blocks;
}

function letterLayout(letter: Letter, context: Context): LayoutBlock[] {
  const { document } = context;
  const address = (party: LetterParty, spaceAfter = 0) => {
    const group = tag('Div', document);
    return contactParagraphs(context, party, context.width, group, letter.contactLabels).map((paragraph, index, all): TextBlock => ({
      kind: 'text',
      lines: paragraph.lines,
      lineHeight: paragraph.lineHeight,
      ascent: paragraph.ascent,
      x: 0,
      width: context.width,
      align: 'left',
      before: 0,
      after: index === all.length - 1 ? spaceAfter : 0,
      keepNext: index < all.length - 1,
      keepLines: false,
      tag: paragraph.tag,
    }));
  };
  // The tree says the order: a Japanese business letter has the date at the top right, the 宛名, then the 差出人.
  const head =
    letter.addressOrder === 'recipient-first'
      ? [textBlock(context, plain(letter.date), tag('P', document), { align: 'right', after: pt(360) }), ...address(letter.recipient, pt(240)), ...address(letter.sender)]
      : [...address(letter.sender), textBlock(context, plain(letter.date), tag('P', document), { before: pt(360), after: pt(360) }), ...address(letter.recipient)];
  return [
    ...head,
    textBlock(context, plain(letter.subject, { bold: true }), tag('H1', document), { before: pt(360), after: pt(240), keepNext: true }),
    textBlock(context, plain(letter.salutation), tag('P', document), { after: pt(200) }),
    // The last paragraph keeps with the closing, so no page holds only the closing and the signature.
    ...blocksLayout(context, letter.blocks, document, false, true),
    textBlock(context, plain(letter.closing), tag('P', document), { before: pt(240), after: pt(720), keepNext: true, keepLines: true }),
    textBlock(context, plain(letter.signature.name, { bold: true }), tag('P', document), { after: 0, keepNext: Boolean(letter.signature.business) }),
    ...(letter.signature.business ? [textBlock(context, plain(letter.signature.business), tag('P', document), { after: 0 })] : []),
    ...(letter.enclosures ?? []).map((line, index) => textBlock(context, plain(line), tag('P', document), { before: index === 0 ? pt(360) : 0, after: 0 })),
  ];
}

// An invoice's own blocks, as render/invoice-docx.ts renders them.
const INVOICE_COLUMNS = [9, 63, 28] as const;
const DETAIL_COLUMNS = [30, 70] as const;
const RECIPIENT_SIZE = 14;
/** The paragraph after each of an invoice's tables: a 6 pt line and 6 pt after it (invoice-docx.ts's tableGap). */
const INVOICE_TABLE_GAP = pt(120) + pt(120);

function invoiceLinesLayout(context: Context, table: InvoiceLinesTable, parent: Tag): LayoutBlock[] {
  const [number, description, amount] = INVOICE_COLUMNS;
  const grid = tag('Table', parent);
  const body = tag('TBody', grid);
  const header = gridRow(context, [{ text: table.header[0], share: number, bold: true, header: true }, { text: table.header[1], share: description, bold: true, header: true }, { text: table.header[2], share: amount, bold: true, header: true, amount: true }], tag('THead', grid), true);
  // The column names are the Word file's header row (tableHeader), repeated on each page the lines reach.
  const repeat = [header];
  return [
    textBlock(context, plain(table.caption), tag('Caption', grid), CAPTION),
    header,
    ...table.lines.map((line) => ({ ...gridRow(context, [{ text: `${line.number}.`, share: number }, { text: line.description, share: description }, { text: line.amount, share: amount, amount: true }], body, true), repeat })),
    // The totals keep with the lines above them, so the total never starts a page alone.
    ...table.totals.map((row, index) => ({
      ...gridRow(
        context,
        [{ text: row.label, share: number + description, bold: row.emphasis, amount: true }, { text: row.value, share: amount, bold: row.emphasis, amount: true }],
        body,
        index < table.totals.length - 1,
        index === table.totals.length - 1 ? INVOICE_TABLE_GAP : 0,
      ),
      repeat,
    })),
  ];
}

function addressesLayout(context: Context, block: InvoiceAddresses, parent: Tag): RowBlock {
  const column = (lines: InvoiceAddresses['to'], headline: boolean) => (width: number, columnTag: Tag) =>
    lines.map((runs, index) =>
      cellParagraph(
        context,
        // A name is one line, a size up and underlined when it is the recipient's (「株式会社みどり商事 御中」).
        index === 0 ? runs.map((run) => ({ text: run.text.replace(/\n/g, ' '), bold: run.bold, ...(headline ? { size: RECIPIENT_SIZE, underline: true } : {}) })) : runsOf(runs),
        width,
        tag('P', columnTag),
        LETTER_BLOCK,
      ),
    );
  return columnsRow(context, [column(block.to, true), column(block.from, false)], parent, { top: pt(80), bottom: pt(80), left: 0, right: pt(240) }, INVOICE_TABLE_GAP);
}

function detailsLayout(context: Context, block: TreeTable, parent: Tag): LayoutBlock[] {
  const [label, value] = DETAIL_COLUMNS;
  const grid = tag('Table', parent);
  const body = tag('TBody', grid);
  return [
    textBlock(context, plain(block.caption), tag('Caption', grid), CAPTION),
    ...block.rows.map((row, index) =>
      gridRow(
        context,
        [{ text: row.label, share: label, bold: row.emphasis }, { text: row.value, share: value, bold: row.emphasis }],
        body,
        index < block.rows.length - 1,
        index === block.rows.length - 1 ? INVOICE_TABLE_GAP : 0,
      ),
    ),
  ];
}

function invoiceLayout(invoice: Invoice, context: Context): LayoutBlock[] {
  const { document } = context;
  const head = (block: InvoiceBlock): LayoutBlock[] => {
    if (block.type === 'invoice-addresses') return [addressesLayout(context, block, document)];
    if (block.type === 'table') return detailsLayout(context, block, document);
    return blocksLayout(context, [block], document);
  };
  return [
    textBlock(context, plain(invoice.title), tag('H1', document), TITLE),
    textBlock(context, plain(invoice.subtitle), tag('P', document), subtitle(context)),
    ...invoice.head.flatMap(head),
    ...invoiceLinesLayout(context, invoice.lines, document),
    // The notes keep together, so the last of them (the closing) is never alone on a page.
    ...blocksLayout(context, invoice.notes, document, true),
  ];
}

// ---------------------------------------------------------------------------
// Drawing

const LANGUAGE_TAGS: Readonly<Record<Language, string>> = { en: 'en-US', ja: 'ja-JP' };

type StructureElement = ReturnType<PDFKit.PDFDocument['struct']>;

/** The parts of pdfkit's font that `Drawing.glyphs` and `compactFont` reach (not in its typings). */
interface PdfkitFont {
  readonly id: string;
  readonly scale: number;
  readonly subset: { glyphs: number[]; includeGlyph(id: number): number; encode(): Uint8Array };
  readonly widths: (number | undefined)[];
  readonly unicode: (number[] | undefined)[];
  embed(): void;
  ref(): unknown;
}

/** The parts of a pdfkit object (a stream) that `compactPage` and `compactFont` reach. */
interface PdfkitReference {
  compress: boolean;
  buffer: Uint8Array[];
  readonly data: Record<string, unknown>;
  write(chunk: string | Uint8Array): void;
  finalize(): void;
}

/** The parts of pdfkit's document that `Drawing.glyphs` writes through (not in its typings). */
interface PdfkitInternals {
  readonly _font: PdfkitFont;
  readonly page: { readonly height: number; readonly fonts: Record<string, unknown>; readonly content: PdfkitReference };
  addContent(operators: string): void;
  ref(data?: Record<string, unknown>): PdfkitReference;
}

/**
 * The page being drawn: its content stream's bytes, written in place. One
 * buffer serves every page of every document in turn (a PDF is drawn
 * synchronously, page after page, and each page starts again at 0 and is
 * deflated into bytes of its own before the next begins), so the operators
 * and glyphs go straight into it, with no string per line or glyph.
 */
class PageContent {
  private static bytes = Buffer.allocUnsafe(64 * 1024);
  length = 0;

  private room(extra: number): Buffer {
    const { bytes } = PageContent;
    if (this.length + extra <= bytes.length) return bytes;
    const grown = Buffer.allocUnsafe(Math.max(bytes.length * 2, this.length + extra));
    bytes.copy(grown, 0, 0, this.length);
    PageContent.bytes = grown;
    return grown;
  }

  /** pdfkit's binary strings and our operators: a byte a character. */
  text(operators: string): void {
    this.length += this.room(operators.length).write(operators, this.length, 'latin1');
  }

  raw(chunk: Uint8Array): void {
    this.room(chunk.length).set(chunk, this.length);
    this.length += chunk.length;
  }

  /** A glyph's two-byte code (Identity-H: the subset's glyph id) inside a literal string, escaped as glyphCode escapes it. */
  glyph(id: number): void {
    this.room(4);
    this.byte(id >> 8);
    this.byte(id & 0xff);
  }

  /** One byte of a glyph code, escaped: a backslash, a parenthesis, a carriage return (which a reader would take for a LF). */
  private byte(byte: number): void {
    const { bytes } = PageContent;
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) bytes[this.length++] = 0x5c;
    else if (byte === 0x0d) {
      bytes[this.length++] = 0x5c;
      bytes[this.length++] = 0x72;
      return;
    }
    bytes[this.length++] = byte;
  }

  /** The page's bytes deflated at zlib's fastest level (pdfkit's level 6 was a fifth of a PDF's time; level 1 is about 10% larger). */
  deflated(): Buffer {
    return deflateSync(PageContent.bytes.subarray(0, this.length), { level: 1 });
  }
}

/**
 * The page's content stream written into a PageContent rather than pdfkit's
 * list of chunks: pdfkit turns every operator into its own Uint8Array a
 * character at a time and deflates every stream at level 6.
 */
function compactPage(doc: PDFKit.PDFDocument): PageContent {
  const content = (doc as unknown as PdfkitInternals).page.content;
  const finalize = content.finalize.bind(content);
  const page = new PageContent();
  // What pdfkit wrote as it made the page (its top-down transform) comes first.
  for (const chunk of content.buffer) page.raw(chunk);
  content.buffer = [];
  content.compress = false;
  content.write = (chunk: string | Uint8Array) => {
    if (typeof chunk === 'string') page.text(`${chunk}\n`);
    else page.raw(chunk);
  };
  content.finalize = () => {
    if (page.length > 0) {
      content.buffer = [page.deflated()];
      content.data.Filter = 'FlateDecode';
    }
    page.length = 0;
    finalize();
  };
  return page;
}

/** Deflated subset font programs by face and glyph list: most documents of a language use the same glyphs. */
const subsetPrograms = new Map<string, Uint8Array>();
/** A ceiling on the kept programs' bytes: a Japanese subset is tens of kB, a Latin one a few. */
const MAX_SUBSET_BYTES = 4 * 1024 * 1024;
let subsetBytes = 0;

/**
 * The font's subset program, made and deflated once for a given set of
 * glyphs and reused by every document that uses the same set: fontkit's
 * subsetting and the deflate of the font file were a third of a PDF's time.
 * Still a real subset, named with pdfkit's six-letter tag (pdffonts says so).
 */
function compactFont(doc: PDFKit.PDFDocument, font: PdfkitFont, faceName: FaceName): void {
  const internals = doc as unknown as PdfkitInternals;
  const { subset } = font;
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const key = `${faceName}:${subset.glyphs.join(',')}`;
    let program = subsetPrograms.get(key);
    if (!program) {
      program = deflateSync(encode(), { level: 9 });
      // The oldest go first, until the new one fits.
      for (const [oldest, kept] of subsetPrograms) {
        if (subsetBytes + program.length <= MAX_SUBSET_BYTES) break;
        subsetPrograms.delete(oldest);
        subsetBytes -= kept.length;
      }
      subsetPrograms.set(key, program);
      subsetBytes += program.length;
    }
    return program;
  };
  const embed = font.embed.bind(font);
  font.embed = () => {
    // The font file is the first object embed() makes: it takes the program already deflated.
    const ref = internals.ref;
    internals.ref = (data) => {
      internals.ref = ref;
      const file = ref.call(doc, data);
      file.compress = false;
      file.data.Filter = 'FlateDecode';
      return file;
    };
    try {
      embed();
    } finally {
      internals.ref = ref;
    }
  };
}

/**
 * The answers as an attached file, written as pdfkit's doc.file() writes
 * one (an EmbeddedFile stream with its size, date and MD5 checksum, a
 * Filespec with the Source relationship, named in the catalogue's
 * EmbeddedFiles and AF), with Node's MD5 and a level-1 deflate: pdfkit's
 * file() hashes in JavaScript and deflates at level 6, half a millisecond
 * for a few kB of answers.
 */
function attachAnswers(doc: CollectedPdf, bytes: Buffer): void {
  const internals = doc as unknown as { _root: { data: { AF?: unknown[] } }; addNamedEmbeddedFile(name: string, ref: unknown): void };
  const file = doc.ref({
    Type: 'EmbeddedFile',
    Subtype: 'application#2Fjson',
    Params: { ModDate: new Date(), CheckSum: new String(createHash('md5').update(bytes).digest('hex')), Size: bytes.length },
    Filter: 'FlateDecode',
  });
  file.end(deflateSync(bytes, { level: 1 }));
  const filespec = doc.ref({
    Type: 'Filespec',
    AFRelationship: 'Source',
    F: new String(ANSWERS_ATTACHMENT),
    EF: { F: file },
    UF: new String(ANSWERS_ATTACHMENT),
    Desc: new String('The answers this document was made from'),
  });
  (filespec as unknown as PdfkitReference).finalize();
  internals.addNamedEmbeddedFile(ANSWERS_ATTACHMENT, filespec);
  (internals._root.data.AF ??= []).push(filespec);
}

/** Deflated streams by their bytes (as latin1): the same in every document, or every document with the same glyphs. */
const sharedStreams = new Map<string, Uint8Array>();
/** A ceiling on the kept streams' keys and deflated bytes: the sRGB profile and ToUnicode maps are a few kB each. */
const MAX_SHARED_STREAM_BYTES = 2 * 1024 * 1024;
let sharedStreamBytes = 0;

/**
 * `bytes` deflated (level 6, as pdfkit would), once for the same bytes: the
 * key is the whole stream, so a document only ever gets the deflate of its
 * own bytes. Each deflateSync sets up a compressor of its own, which cost
 * more than the small streams it deflated.
 */
function sharedStream(bytes: Buffer): Uint8Array {
  const key = bytes.toString('latin1');
  let deflated = sharedStreams.get(key);
  if (deflated) return deflated;
  deflated = deflateSync(bytes);
  // The oldest go first, until the new one fits.
  for (const [oldest, kept] of sharedStreams) {
    if (sharedStreamBytes + key.length + deflated.length <= MAX_SHARED_STREAM_BYTES) break;
    sharedStreams.delete(oldest);
    sharedStreamBytes -= oldest.length + kept.length;
  }
  sharedStreams.set(key, deflated);
  sharedStreamBytes += key.length + deflated.length;
  return deflated;
}

/** Keys of `Drawing.codes` for a mirrored character's own glyph: past every code point. */
const MIRRORED = 0x110000;

const glyphCodes: string[] = [];
/**
 * A glyph's two-byte code (Identity-H: the subset's glyph id) as it stands
 * in a PDF literal string: half the bytes of hex for the page to hold and
 * deflate. A backslash, a parenthesis and a carriage return are escaped
 * (a reader would take a bare CR inside a string for a LF).
 */
function glyphCode(id: number): string {
  let code = glyphCodes[id];
  if (code === undefined) {
    code = '';
    for (const byte of [id >> 8, id & 0xff]) {
      if (byte === 0x28 || byte === 0x29 || byte === 0x5c) code += `\\${String.fromCharCode(byte)}`;
      else if (byte === 0x0d) code += '\\r';
      else code += String.fromCharCode(byte);
    }
    glyphCodes[id] = code;
  }
  return code;
}

const round = (value: number) => String(Math.round(value * 100) / 100);

const fills = new Map<string, string>();
/** A colour's fill operator (DeviceRGB, under the sRGB output intent), made once per colour. */
function fillOperator(hex: string): string {
  let operator = fills.get(hex);
  if (operator === undefined) {
    const channel = (at: number) => round(parseInt(hex.slice(at, at + 2), 16) / 255);
    operator = `${channel(0)} ${channel(2)} ${channel(4)} rg`;
    fills.set(hex, operator);
  }
  return operator;
}

/**
 * pdfkit's document with its output gathered here rather than pushed through
 * its Readable stream: pdfkit writes each object as several small strings,
 * each turned into its own Uint8Array a character at a time and pushed
 * through the stream's machinery, a tenth of a PDF's time. Here the strings
 * are joined as they come and turned into bytes once; the streams' bytes
 * (page content, fonts, the attachment) are kept as they are.
 * pdfkit's strings are binary strings (one byte a character), so latin1 is
 * the encoding its own fromBinaryString applies.
 */
class CollectedPdf extends PDFDocument {
  declare private parts?: (string | Uint8Array)[];
  declare private pending?: string;
  private complete = false;

  // Called by pdfkit's constructor (the header) before this class's fields are set: hence the lazy fields, declared so no initialiser wipes them after super().
  _write(data: string | Uint8Array): void {
    const doc = this as unknown as { _offset: number };
    if (typeof data === 'string') {
      const line = `${data}\n`;
      this.pending = this.pending === undefined ? line : this.pending + line;
      doc._offset += line.length;
      return;
    }
    this.parts ??= [];
    if (this.pending !== undefined) this.parts.push(this.pending);
    this.pending = undefined;
    this.parts.push(data);
    doc._offset += data.length;
  }

  /**
   * pdfkit's objects, those it would deflate (the sRGB profile, each font's
   * ToUnicode map and CID set) deflated once for given bytes and reused
   * (sharedStream). Its page content is compactPage's; the
   * attached answers are deflated afresh, as pdfkit does.
   */
  override ref(data: Record<string, unknown> = {}): PDFKit.PDFKitReference {
    const made = super.ref(data) as unknown as PdfkitReference;
    if (made.compress && data?.Type !== 'EmbeddedFile') {
      const finalize = made.finalize.bind(made);
      made.finalize = () => {
        if (made.compress && made.buffer.length > 0) {
          made.buffer = [sharedStream(Buffer.concat(made.buffer))];
          made.compress = false;
          made.data.Filter = 'FlateDecode';
        }
        finalize();
      };
    }
    return made as unknown as PDFKit.PDFKitReference;
  }

  /** pdfkit's end of output (the only push it makes once _write is ours). */
  override push(chunk: unknown): boolean {
    if (chunk === null) this.complete = true;
    return true;
  }

  /** The whole file, once end() has written the cross-reference table. */
  bytes(): Buffer {
    // pdfkit finalizes only when every object it made was ended: an object left open is a bug here, not a file to send.
    if (!this.complete) throw new Error('The PDF was not finished: an object was left open');
    const parts = this.parts ?? [];
    if (this.pending !== undefined) parts.push(this.pending);
    let length = 0;
    for (const part of parts) length += part.length;
    const file = Buffer.allocUnsafe(length);
    let at = 0;
    for (const part of parts) at += typeof part === 'string' ? file.write(part, at, 'latin1') : (file.set(part, at), part.length);
    return file;
  }
}

class Drawing {
  private readonly elements = new Map<Tag, StructureElement>();
  private readonly fonts = new Map<FaceName, PdfkitFont>();
  /** Per font of this document: a character's glyph id in the subset, once it is in it. */
  private readonly codes = new Map<PdfkitFont, Map<number, number>>();
  current: PageContent | undefined;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly margin: { readonly left: number },
  ) {}

  element(node: Tag): StructureElement {
    let found = this.elements.get(node);
    if (!found) {
      found = this.doc.struct(node.type, node.options ?? {});
      if (node.parent) this.element(node.parent).add(found);
      else this.doc.addStructure(found);
      this.elements.set(node, found);
    }
    return found;
  }

  /** Draws inside the tag's marked content on the current page. */
  tagged(node: Tag, draw: () => void): void {
    this.element(node).add(draw);
  }

  artifact(draw: () => void): void {
    this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
  }

  /**
   * A line of a paragraph `width` wide, aligned. A justified line that was
   * wrapped is stretched to the width as Word justifies Japanese: the extra
   * space shared between every pair of characters, not only at spaces
   * (there are none in Japanese). The glyphs stay one text string each, so
   * the line still copies as its words.
   */
  set(line: Line, x: number, width: number, align: TextBlock['align'], baseline: number): void {
    // Shaped text (Arabic) is not stretched: space between its letters would cut the joins.
    if (align !== 'justify' || !line.wrapped || line.pieces.some((piece) => SHAPED.has(piece.face))) {
      this.line(line, x + this.offset(line, width, align), baseline);
      return;
    }
    const characters = line.pieces.reduce((sum, piece) => sum + [...piece.text].length, 0);
    const spacing = characters > 1 ? Math.max(0, width - line.width) / (characters - 1) : 0;
    this.line(line, x, baseline, spacing);
  }

  /**
   * `spacing`: points added after each character (PDF's character spacing, Tc).
   * The line is one text object written straight into the page's content:
   * for each piece its font, size, colour, position and glyph ids. pdfkit's
   * text() would measure and lay each string out again and convert every
   * operator to bytes a character at a time, which was most of a PDF's time;
   * pdfkit's font still subsets, embeds and maps the glyphs to Unicode (so
   * the text copies as typed). An underlined piece (rare) goes through
   * pdfkit, which draws the underline.
   */
  line(line: Line, x: number, baseline: number, spacing = 0): void {
    const { doc, page } = this;
    let left = this.margin.left + x;
    let open = false;
    let lastPen = '';
    let lastColor = '';
    const begin = () => {
      if (open) return;
      page.text(spacing === 0 ? 'BT' : `BT ${round(spacing)} Tc`);
      open = true;
      // A new text object (after pdfkit's underlined text, which sets its own) names its font and colour again.
      lastPen = '';
      lastColor = '';
    };
    // Tc stays in the graphics state after ET: set back to 0 so it never reaches the next line.
    const end = () => {
      if (open) page.text(spacing === 0 ? ' ET\n' : ' 0 Tc ET\n');
      open = false;
    };
    for (const piece of line.pieces) {
      const font = this.font(piece.face);
      if (piece.underline) {
        end();
        const target = face(piece.face).font;
        doc.font(piece.face).fontSize(piece.size).fillColor(`#${piece.color}`);
        // pdfkit takes the top of the line and adds its own ascent (hhea) to find the baseline.
        doc.text(piece.text, left, baseline - (target.ascent / target.unitsPerEm) * piece.size, { lineBreak: false, underline: true, textWidth: piece.width, characterSpacing: spacing } as PDFKit.Mixins.TextOptions);
      } else {
        begin();
        // pdfkit's pages draw top-down (a flipped matrix): the text matrix flips back, so glyphs stand upright at the baseline.
        // Font and colour only where they change within the line: a line is mostly one of each.
        const pen = `/${font.id} ${round(piece.size)} Tf`;
        if (pen !== lastPen) page.text(` ${pen}`);
        if (piece.color !== lastColor) page.text(` ${fillOperator(piece.color)}`);
        lastPen = pen;
        lastColor = piece.color;
        page.text(` 1 0 0 -1 ${round(left)} ${round(baseline)} Tm (`);
        this.glyphs(piece, font);
        page.text(') Tj');
      }
      left += piece.width + (spacing === 0 ? 0 : [...piece.text].length * spacing);
    }
    end();
  }

  /** The page being drawn (renderPdf sets it as each page is added). */
  get page(): PageContent {
    if (!this.current) throw new Error('A line was drawn before the first page');
    return this.current;
  }

  /** The face's pdfkit font, registered (and its subset program kept, compactFont) on first use, and in the page's resources. */
  private font(faceName: FaceName): PdfkitFont {
    const doc = this.doc as unknown as PdfkitInternals;
    let font = this.fonts.get(faceName);
    if (!font) {
      this.doc.registerFont(faceName, face(faceName).pdfFont as never);
      this.doc.font(faceName);
      font = doc._font;
      compactFont(this.doc, font, faceName);
      this.fonts.set(faceName, font);
    }
    if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
    return font;
  }

  /** A piece's glyph codes into the page, in the order drawn: right-to-left text from its last letter, Arabic shaped. */
  private glyphs(piece: Piece, font: PdfkitFont): void {
    if (SHAPED.has(piece.face)) this.page.text(this.shaped(piece.face, font, piece.text));
    else if (piece.rtl) this.page.text(this.encodeRightToLeft(piece.face, font, piece.text));
    else this.encode(piece.face, font, piece.text);
  }

  /**
   * Right-to-left text (Hebrew) from its last letter. A mirrored character
   * gets a glyph of its own in the subset, a copy of its mirror's glyph that
   * maps back to the character typed: the ")" drawn for a "(" copies as "(",
   * while a ")" elsewhere still copies as ")".
   */
  private encodeRightToLeft(faceName: FaceName, font: PdfkitFont, text: string): string {
    const codes = this.codesOf(font);
    let bytes = '';
    for (const { typed, shown } of drawingOrder(text)) {
      if (typed === shown) {
        bytes += glyphCode(this.glyphId(faceName, font, typed));
        continue;
      }
      const key = MIRRORED + typed;
      let glyph = codes.get(key);
      if (glyph === undefined) {
        const mirror = face(faceName).font.glyphForCodePoint(shown);
        font.subset.glyphs.push(mirror.id);
        const id = font.subset.glyphs.length - 1;
        font.widths[id] = mirror.advanceWidth * font.scale;
        font.unicode[id] = [typed];
        glyph = id;
        codes.set(key, glyph);
      }
      bytes += glyphCode(glyph);
    }
    return bytes;
  }

  private codesOf(font: PdfkitFont): Map<number, number> {
    let codes = this.codes.get(font);
    if (!codes) {
      codes = new Map();
      this.codes.set(font, codes);
    }
    return codes;
  }

  /**
   * Arabic through fontkit's OpenType shaping: each letter in its joining
   * form (initial, medial, final, isolated), lam-alef as one glyph, the
   * glyphs in visual order (fontkit lays out a right-to-left script from the
   * right). Each glyph copies as the characters it was made from.
   */
  private shaped(faceName: FaceName, font: PdfkitFont, text: string): string {
    let bytes = '';
    for (const glyph of face(faceName).font.layout(text).glyphs) {
      const id = font.subset.includeGlyph(glyph.id);
      font.widths[id] ??= glyph.advanceWidth * font.scale;
      font.unicode[id] ??= [...glyph.codePoints];
      bytes += glyphCode(id);
    }
    return bytes;
  }

  /**
   * The text's glyph codes into the page, each glyph added to the document's
   * subset with its width and the character it copies as: what pdfkit's
   * font.encode() does, without laying the text out again (the lines were
   * measured in render/pdf-lines.ts) and once per character a document uses
   * rather than once per glyph drawn.
   */
  private encode(faceName: FaceName, font: PdfkitFont, text: string): void {
    const { page } = this;
    const codes = this.codesOf(font);
    for (let index = 0; index < text.length; index++) {
      // Code points without a string per character: a surrogate pair read as one.
      const code = text.codePointAt(index)!;
      if (code > 0xffff) index++;
      page.glyph(codes.get(code) ?? this.glyphId(faceName, font, code));
    }
  }

  /** A character's glyph id in this document's subset of the face, added on first use. */
  private glyphId(faceName: FaceName, font: PdfkitFont, code: number): number {
    const codes = this.codesOf(font);
    let id = codes.get(code);
    if (id === undefined) {
      const found = face(faceName).font.glyphForCodePoint(code);
      id = font.subset.includeGlyph(found.id);
      font.widths[id] ??= found.advanceWidth * font.scale;
      font.unicode[id] ??= [code];
      codes.set(code, id);
    }
    return id;
  }

  offset(line: Line, width: number, align: TextBlock['align']): number {
    if (align === 'center') return (width - line.width) / 2;
    // A right-to-left paragraph starts at the right margin, as Word sets a bidirectional paragraph.
    if (align === 'right' || line.rtl) return width - line.width;
    return 0;
  }

  end(): void {
    for (const [node, element] of this.elements) if (node.parent === null) element.end();
  }
}

function drawText(drawing: Drawing, placement: Placement, block: TextBlock): void {
  const lines = block.lines.slice(placement.from, placement.to);
  if (placement.from === 0 && block.label) {
    const { label } = block;
    const baseline = placement.y + block.ascent;
    if (label.tag) drawing.tagged(label.tag, () => drawing.line(label.line, label.x, baseline));
    else if (lines.length === 0) drawing.tagged(block.tag, () => drawing.line(label.line, label.x, baseline));
    else {
      drawing.tagged(block.tag, () => {
        drawing.line(label.line, label.x, baseline);
        lines.forEach((line, index) => drawing.set(line, block.x, block.width, block.align, placement.y + index * block.lineHeight + block.ascent));
      });
      return;
    }
  }
  if (lines.every((line) => line.pieces.length === 0)) return;
  drawing.tagged(block.tag, () =>
    lines.forEach((line, index) => drawing.set(line, block.x, block.width, block.align, placement.y + index * block.lineHeight + block.ascent)),
  );
}

function drawRow(drawing: Drawing, placement: Placement, row: RowBlock, left: number): void {
  // A header row set again on a new page is drawn whole as one artifact: a screen reader has read it once.
  if (placement.repeated) drawing.artifact(() => drawRowContent(drawing, placement, row, left, (_, draw) => draw(), (draw) => draw()));
  else drawRowContent(drawing, placement, row, left, (node, draw) => drawing.tagged(node, draw), (draw) => drawing.artifact(draw));
}

function drawRowContent(drawing: Drawing, placement: Placement, row: RowBlock, left: number, tagged: (node: Tag, draw: () => void) => void, artifact: (draw: () => void) => void): void {
  const { doc } = drawing;
  const height = rowHeight(row);
  for (const cell of row.cells) {
    const x = left + cell.x;
    if (cell.fill) artifact(() => doc.rect(x, placement.y, cell.width, height).fillColor(`#${cell.fill}`).fill());
    if (row.borders) artifact(() => doc.lineWidth(0.5).strokeColor(`#${RULE}`).rect(x, placement.y, cell.width, height).stroke());
    let y = placement.y + cell.padding.top;
    for (const paragraph of cell.paragraphs) {
      y += paragraph.before;
      const top = y;
      if (paragraph.lines.some((line) => line.pieces.length > 0)) {
        tagged(paragraph.tag, () =>
          paragraph.lines.forEach((line, index) =>
            drawing.set(line, cell.x + cell.padding.left, cell.width - cell.padding.left - cell.padding.right, paragraph.align, top + index * paragraph.lineHeight + paragraph.ascent),
          ),
        );
      }
      y += paragraph.lines.length * paragraph.lineHeight;
      if (paragraph.rule) {
        const ruleY = y + 1;
        artifact(() => doc.lineWidth(0.75).strokeColor('#000000').moveTo(x + cell.padding.left, ruleY).lineTo(x + cell.width - cell.padding.right, ruleY).stroke());
      }
      y += paragraph.after;
    }
  }
}

export interface PdfOptions {
  /** Attached as answers.json, so the file can be uploaded to continue from it. */
  readonly answers?: unknown;
  /** The document's description (Subject). */
  readonly subject: string;
}

async function renderPdf(meta: DocumentMeta, layout: (context: Context) => LayoutBlock[], options: PdfOptions): Promise<Buffer> {
  const context = contextFor(meta);
  const blocks = layout(context);
  const size = PAGE_SIZES[meta.paperSize];
  const page = { width: pt(size.width), height: pt(size.height) };
  const margin = { top: pt(PAGE_MARGINS.top), bottom: pt(PAGE_MARGINS.bottom), left: pt(PAGE_MARGINS.left), right: pt(PAGE_MARGINS.right) };
  const pages = paginate(blocks, margin.top, page.height - margin.bottom);

  const doc = new CollectedPdf({
    size: [page.width, page.height],
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    autoFirstPage: false,
    // No default face: pdfkit would otherwise parse Helvetica's metrics for every document, and never use them.
    font: false as unknown as string,
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    tagged: true,
    lang: LANGUAGE_TAGS[context.language],
    displayTitle: true,
    info: { Title: meta.title, Author: meta.author, Subject: options.subject, Keywords: meta.keywords, Creator: 'Freelance contract generator' },
  });

  if (options.answers !== undefined) {
    // PDF/A-3 lets the source of a document travel inside it: here the answers it was made from.
    attachAnswers(doc, Buffer.from(JSON.stringify(options.answers), 'utf8'));
  }

  const drawing = new Drawing(doc, margin);
  const [before, between, after] = PAGE_FOOTERS[context.language];
  const furniture = (number: number) => {
    // The running header (the project's name, right-aligned) and the "Page X of Y" footer: artifacts, not content.
    const header = breakLines(plain(meta.projectName), { size: BODY }, context.width, context.language)[0];
    const footer = breakLines(plain(`${before}${number}${between}${pages.length}${after}`), { size: 9, color: MUTED }, context.width, context.language)[0];
    drawing.artifact(() => {
      if (header) drawing.line(header, drawing.offset(header, context.width, 'right'), pt(PAGE_MARGINS.header) + baseFace(context.language).ascent * BODY);
      if (footer) drawing.line(footer, drawing.offset(footer, context.width, 'center'), page.height - pt(PAGE_MARGINS.footer) - baseFace(context.language).singleLine * 9 + baseFace(context.language).ascent * 9);
    });
  };
  pages.forEach((placements, index) => {
    doc.addPage();
    drawing.current = compactPage(doc);
    furniture(index + 1);
    for (const placement of placements) {
      if (placement.block.kind === 'row') drawRow(drawing, placement, placement.block, margin.left);
      else drawText(drawing, placement, placement.block);
    }
  });
  drawing.end();
  doc.end();
  return doc.bytes();
}

export function renderContractPdf(contract: Contract): Promise<Buffer> {
  return renderPdf(contract.meta, (context) => contractLayout(contract, context), { answers: contract.answers, subject: contract.subtitle });
}

export function renderLetterPdf(letter: Letter): Promise<Buffer> {
  return renderPdf(letter.meta, (context) => letterLayout(letter, context), { answers: letter.answers, subject: letter.subject });
}

export function renderInvoicePdf(invoice: Invoice): Promise<Buffer> {
  return renderPdf(invoice.meta, (context) => invoiceLayout(invoice, context), { subject: invoice.email.subject });
}

function pagesOf(meta: DocumentMeta, layout: (context: Context) => LayoutBlock[]): Placement[][] {
  const context = contextFor(meta);
  const size = PAGE_SIZES[meta.paperSize];
  return paginate(layout(context), pt(PAGE_MARGINS.top), pt(size.height) - pt(PAGE_MARGINS.bottom));
}

/** The layout alone, page by page: what the page-break tests read. */
export function contractPages(contract: Contract): Placement[][] {
  return pagesOf(contract.meta, (context) => contractLayout(contract, context));
}

/** An invoice's layout, page by page: where a long table's header row is set again. */
export function invoicePages(invoice: Invoice): Placement[][] {
  return pagesOf(invoice.meta, (context) => invoiceLayout(invoice, context));
}
