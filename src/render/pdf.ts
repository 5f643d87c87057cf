// Contracts, letters and invoices as PDF: the same trees the Word renderers
// walk (render/docx.ts is the model, block for block: sizes, spacing,
// indents and keeps are its styles in points), laid out on pages by
// render/pdf-layout.ts and drawn here into render/pdf-document.ts, which
// writes the file's objects itself (render/pdf-writer.ts). No office suite,
// no browser, no PDF library's document model: fontkit parses, subsets and
// shapes the faces.
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
import type { Language } from '../answers/schema.ts';
import type { Block, Contract, DocumentMeta, Letter, LetterParty, Paragraph, SignatureBlock, Table as TreeTable, TextRun } from '../contract/tree.ts';
import type { Invoice, InvoiceAddresses, InvoiceBlock, InvoiceLinesTable } from '../invoices/tree.ts';
import { clauseNumberingFor, numberLabel, type ClauseNumbering } from './clause-numbering.ts';
import { introduces, keepsWithNext, LIST_END_SPACING, PAGE_FOOTERS, PAGE_MARGINS, PAGE_SIZES, signatureLines, textWidth } from './page.ts';
import { drawingOrder } from './pdf-bidi.ts';
import { codeOf, glyphCode, PageContent, PdfDocument, TWO_BYTE, type PdfFont } from './pdf-document.ts';
import { baseFace, face, glyphId, SHAPED, type FaceName } from './pdf-fonts.ts';
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

const BODY_STYLE: TextStyle = { size: BODY };
/** Each options' style over the body's, made once per style object (the few constants above, mostly): shared, read only. */
const styles = new WeakMap<Partial<TextStyle>, TextStyle>();
function styleOf(options: ParagraphOptions): TextStyle {
  const { style } = options;
  if (style === undefined) return BODY_STYLE;
  let found = styles.get(style);
  if (found === undefined) {
    found = { size: BODY, ...style };
    styles.set(style, found);
  }
  return found;
}

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
  // Named, not spread into the block: a contract makes hundreds of these, each of one shape.
  const { lineHeight: height, ascent } = lineHeight(context, style, options.spacing ?? BODY_SPACING);
  return {
    kind: 'text',
    lines: breakLines(runs, style, width, context.language),
    lineHeight: height,
    ascent,
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

/** Each face's resource name on the pages, the same in every document: a line's operators name it, and are kept between documents. */
export const FACE_IDS: Readonly<Record<FaceName, string>> = {
  latin: 'F1',
  latinBold: 'F2',
  latinItalic: 'F3',
  latinBoldItalic: 'F4',
  mincho: 'F5',
  minchoBold: 'F6',
  hebrew: 'F7',
  hebrewBold: 'F8',
  arabic: 'F9',
  arabicBold: 'F10',
};

/**
 * A position or size in points to two decimals, as the page's operators
 * write it ("93.35", "11", "-0.5"). Built from whole numbers: turning a
 * fraction into text with String() was a twentieth of a PDF's time, three
 * numbers a piece of every line.
 */
function round(value: number): string {
  const hundredths = Math.round(value * 100);
  if (hundredths % 100 === 0) return String(hundredths / 100);
  const negative = hundredths < 0;
  const magnitude = negative ? -hundredths : hundredths;
  const whole = Math.floor(magnitude / 100);
  const rest = magnitude - whole * 100;
  const fraction = rest % 10 === 0 ? String(rest / 10) : rest < 10 ? `0${rest}` : String(rest);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

const colorOperators = new Map<string, string>();
/** A colour's operands (DeviceRGB, under the sRGB output intent), made once per colour: `r g b`. */
function rgb(hex: string): string {
  let operands = colorOperators.get(hex);
  if (operands === undefined) {
    const channel = (at: number) => round(parseInt(hex.slice(at, at + 2), 16) / 255);
    operands = `${channel(0)} ${channel(2)} ${channel(4)}`;
    colorOperators.set(hex, operands);
  }
  return operands;
}

const operators = new Map<string, Buffer>();
/** ` /F1 11 Tf`, ` 0 0 0 rg`: a font's or colour's operator with its space before, as bytes, made once (a document names a few). */
function operatorBytes(operator: string): Buffer {
  let bytes = operators.get(operator);
  if (bytes === undefined) {
    bytes = Buffer.from(` ${operator}`, 'latin1');
    operators.set(operator, bytes);
  }
  return bytes;
}

/** The glyphs some text draws: per face, each code once (render/pdf-document.ts's codeOf), with its CID and the characters it copies as. */
interface GlyphUse {
  readonly faces: readonly FaceName[];
  /** In `faces`' order. */
  readonly glyphs: readonly { readonly codes: readonly number[]; readonly cids: readonly number[]; readonly characters: readonly (readonly number[])[] }[];
}

/** Glyph uses as they are gathered: per face, code to CID and characters, the first characters a code was drawn for. */
class GlyphGathering {
  private readonly faces: FaceName[] = [];
  private readonly glyphs: Map<number, { readonly cid: number; readonly characters: readonly number[] }>[] = [];

  add(faceName: FaceName, code: number, cid: number, characters: readonly number[]): void {
    let index = this.faces.indexOf(faceName);
    if (index < 0) {
      index = this.faces.push(faceName) - 1;
      this.glyphs.push(new Map());
    }
    const drawn = this.glyphs[index]!;
    if (!drawn.has(code)) drawn.set(code, { cid, characters });
  }

  addAll(use: GlyphUse): void {
    use.faces.forEach((faceName, index) => {
      const { codes, cids, characters } = use.glyphs[index]!;
      codes.forEach((code, at) => this.add(faceName, code, cids[at]!, characters[at]!));
    });
  }

  done(): GlyphUse {
    return {
      faces: this.faces,
      glyphs: this.glyphs.map((drawn) => ({ codes: [...drawn.keys()], cids: [...drawn.values()].map((use) => use.cid), characters: [...drawn.values()].map((use) => use.characters) })),
    };
  }
}

type AddGlyph = (faceName: FaceName, code: number, cid: number, characters: readonly number[]) => void;

/**
 * A line's operators as any document draws it, all but where it starts,
 * and the glyphs it draws. A glyph's code (render/pdf-document.ts's codeOf)
 * is the same in every document, so a line
 * kept by the layout cache (render/pdf-lines.ts's breakLines) is encoded
 * once, not a glyph at a time for every document: encoding was the largest
 * part of a PDF's time.
 */
interface LineCode extends GlyphUse {
  /** The character spacing (Tc) it was made for: a justified line's stretch. */
  readonly spacing: number;
  /** The first piece's font and colour (`/F1 11 Tf`, `0 0 0 rg`), the last piece's. */
  readonly pen: string;
  readonly color: string;
  readonly endPen: string;
  readonly endColor: string;
  /** From the first piece's glyph string to the last's `) Tj`: each later piece's font and colour where they change, and its move (Td) from the piece before. */
  readonly body: string;
  /** Where the last piece starts, from the line's start: the line's start, for Td, once the body is drawn. */
  readonly end: number;
  readonly underlined: boolean;
  /** Its code holds a CID only this document has (a mirrored character's copy): not kept. */
  readonly shared: boolean;
  /** Drawn alone (`Drawing.line`: a label, the running header and footer), as bytes after its position: made on first use. */
  alone?: Buffer;
}

/** Lines' codes, kept as long as the layout cache keeps the line. */
const lineCodes = new WeakMap<Line, LineCode>();

/**
 * A paragraph's lines as one text object, all but where its first line
 * starts: `open` (BT and the first line's character spacing), the first
 * line's font and colour (`pen`, `color`: drawn only where the page's are
 * others, see PageContent), and `tail` (from the first line's move, Td,
 * on: each line's glyphs, and each next line moved from the one before, to ET), as
 * bytes copied into the page, and the glyphs the lines draw. Kept per
 * paragraph of the layout cache and the way it is set (its lines, width,
 * alignment and line height).
 */
interface ParagraphCode extends GlyphUse {
  readonly from: number;
  readonly to: number;
  readonly width: number;
  readonly align: TextBlock['align'];
  readonly lineHeight: number;
  readonly open: Buffer;
  readonly pen: string;
  readonly color: string;
  readonly tail: Buffer;
  /** The font and colour the last line ends with: the page's once it is drawn. */
  readonly endPen: string;
  readonly endColor: string;
  /** The first line drawn (a line with no pieces draws nothing), and where it starts from the paragraph's left. */
  readonly first: number;
  readonly offset: number;
  readonly underlined: boolean;
}

/** Paragraphs' codes by their lines (the layout cache's array): a few ways to set each (a paragraph split across pages is set as two). */
const paragraphCodes = new WeakMap<readonly Line[], ParagraphCode[]>();
const MAX_CODES_A_PARAGRAPH = 4;

/** Where a line starts in a paragraph `width` wide, and the character spacing that stretches it (see Drawing.paragraph). */
function lineSetting(line: Line, width: number, align: TextBlock['align']): { readonly offset: number; readonly spacing: number } {
  // Shaped text (Arabic) is not stretched: space between its letters would cut the joins.
  if (align !== 'justify' || !line.wrapped || line.pieces.some((piece) => SHAPED.has(piece.face))) return { offset: lineOffset(line, width, align), spacing: 0 };
  const characters = line.pieces.reduce((sum, piece) => sum + [...piece.text].length, 0);
  return { offset: 0, spacing: characters > 1 ? Math.max(0, width - line.width) / (characters - 1) : 0 };
}

function lineOffset(line: Line, width: number, align: TextBlock['align']): number {
  if (align === 'center') return (width - line.width) / 2;
  // A right-to-left paragraph starts at the right margin, as Word sets a bidirectional paragraph.
  if (align === 'right' || line.rtl) return width - line.width;
  return 0;
}

/**
 * Draws lines, rules and shading into the document's pages
 * (render/pdf-document.ts), each paragraph (or line) one text object
 * written as bytes straight into the page's content, each glyph added to
 * the document's font for its face once. Its callers place things top-down,
 * as the layout does (`y` from the page's top); the page's own coordinates
 * run up from its foot, and each position is turned (`up`) as it is
 * written: no transformation on the page, and no text matrix to turn the
 * glyphs back upright, so a text object starts at its first line with `Td`.
 */
class Drawing {
  private readonly fonts = new Map<FaceName, PdfFont>();
  /** Per face: the code of this document's copy of a mirrored character's glyph, by the character typed. */
  private readonly mirrors = new Map<FaceName, Map<number, number>>();

  constructor(
    readonly doc: PdfDocument,
    private readonly margin: { readonly left: number },
    /** The page's height: PDF's `y` of a point `y` from the top is `height - y`. */
    private readonly height: number,
  ) {}

  private up(y: number): string {
    return round(this.height - y);
  }

  get page(): PageContent {
    return this.doc.content;
  }

  /** Starts the tag's marked content on the current page, until `close`. */
  open(node: Tag): void {
    this.doc.open(node);
  }

  close(): void {
    this.doc.close();
  }

  artifact(draw: () => void): void {
    this.doc.artifact(draw);
  }

  /** A filled rectangle (a header cell's shading). */
  fill(x: number, y: number, width: number, height: number, color: string): void {
    const fill = `${rgb(color)} rg`;
    this.page.text(`${fill}\n${round(x)} ${this.up(y + height)} ${round(width)} ${round(height)} re\nf\n`);
    this.page.fill = fill;
  }

  /** A rectangle's outline (a table cell's border). */
  frame(x: number, y: number, width: number, height: number, lineWidth: number, color: string): void {
    this.page.text(`${round(lineWidth)} w\n${rgb(color)} RG\n${round(x)} ${this.up(y + height)} ${round(width)} ${round(height)} re\nS\n`);
  }

  /** A straight line (a signature line, an underline). */
  rule(x1: number, y1: number, x2: number, y2: number, lineWidth: number, color: string): void {
    this.page.text(`${round(lineWidth)} w\n${rgb(color)} RG\n${round(x1)} ${this.up(y1)} m\n${round(x2)} ${this.up(y2)} l\nS\n`);
  }

  /**
   * Lines `from` to `to` of a paragraph `width` wide at `x`, aligned, the
   * first line's top at `top`, as one text object. A justified line that
   * was wrapped is stretched to the width as Word justifies Japanese: the
   * extra space shared between every pair of characters (PDF's character
   * spacing, Tc), not only at spaces (there are none in Japanese). The
   * glyphs stay one text string a piece, so the line still copies as its
   * words. An underlined piece's rule is drawn after the text object.
   */
  paragraph(lines: readonly Line[], from: number, to: number, x: number, width: number, align: TextBlock['align'], top: number, setting: { readonly lineHeight: number; readonly ascent: number }): void {
    const code = this.paragraphCode(lines, from, to, width, align, setting.lineHeight);
    if (code === undefined) return;
    this.include(code);
    const { page } = this;
    page.bytes(code.open);
    this.pen(code.pen, code.color);
    page.text(` ${round(this.margin.left + x + code.offset)} ${this.up(top + (code.first - from) * setting.lineHeight + setting.ascent)}`);
    page.bytes(code.tail);
    page.pen = code.endPen;
    page.fill = code.endColor;
    if (!code.underlined) return;
    for (let index = from; index < to; index++) {
      const line = lines[index]!;
      const { offset, spacing } = lineSetting(line, width, align);
      this.underline(line, this.margin.left + x + offset, top + (index - from) * setting.lineHeight + setting.ascent, spacing);
    }
  }

  /** One line at `x` from the margin on `baseline`, unstretched: a label, the running header and footer. */
  line(line: Line, x: number, baseline: number): void {
    if (line.pieces.length === 0) return;
    const code = this.lineCode(line, 0);
    this.include(code);
    const tail = (code.alone ??= Buffer.from(` Td${code.body} ET\n`, 'latin1'));
    const { page } = this;
    page.text('BT');
    this.pen(code.pen, code.color);
    page.text(` ${round(this.margin.left + x)} ${this.up(baseline)}`);
    page.bytes(tail);
    page.pen = code.endPen;
    page.fill = code.endColor;
    if (code.underlined) this.underline(line, this.margin.left + x, baseline, 0);
  }

  /** Inside a text object: the font and colour, each where the page's is another. */
  private pen(pen: string, color: string): void {
    const { page } = this;
    if (page.pen !== pen) page.bytes(operatorBytes(pen));
    if (page.fill !== color) page.bytes(operatorBytes(color));
  }

  /** The glyphs into the document's fonts, and the fonts into the page's resources. */
  private include(use: GlyphUse): void {
    for (let index = 0; index < use.faces.length; index++) {
      const font = this.font(use.faces[index]!);
      const { codes, cids, characters } = use.glyphs[index]!;
      const { seen } = font;
      for (let at = 0; at < codes.length; at++) {
        const code = codes[at]!;
        if (seen[code < 0x80 ? code : 0x80 + cids[at]!] !== 1) font.include(code, cids[at]!, characters[at]!);
      }
    }
  }

  /** A rule under each underlined piece, in the text's colour: a tenth of the size thick (half a point below 10 pt), its bottom at the face's descent. */
  private underline(line: Line, left: number, baseline: number, spacing: number): void {
    let from = left;
    for (const piece of line.pieces) {
      if (piece.underline) {
        const { font: target } = face(piece.face);
        const thickness = piece.size < 10 ? 0.5 : Math.floor(piece.size / 10);
        const y = baseline - (target.descent / target.unitsPerEm) * piece.size - thickness;
        this.rule(from, y, from + piece.width, y, thickness, piece.color);
      }
      from += advanceOf(piece, spacing);
    }
  }

  /** The paragraph's code: kept from an earlier document when it can be, else made (and kept unless a line of it is not). Undefined when it draws nothing. */
  private paragraphCode(lines: readonly Line[], from: number, to: number, width: number, align: TextBlock['align'], lineHeight: number): ParagraphCode | undefined {
    let kept = paragraphCodes.get(lines);
    const found = kept?.find((code) => code.from === from && code.to === to && code.width === width && code.align === align && code.lineHeight === lineHeight);
    if (found) return found;
    const glyphs = new GlyphGathering();
    let out = 'BT';
    let open = '';
    let firstPen = '';
    let firstColor = '';
    let spacingNow = 0;
    let pen = '';
    let color = '';
    // Where the text matrix's line start is, from the first drawn line's start: Td moves from it.
    let atX = 0;
    let atY = 0;
    let first = -1;
    let offset = 0;
    let shared = true;
    let underlined = false;
    for (let index = from; index < to; index++) {
      const line = lines[index]!;
      if (line.pieces.length === 0) continue;
      const setting = lineSetting(line, width, align);
      const code = this.lineCode(line, setting.spacing);
      glyphs.addAll(code);
      if (!code.shared) shared = false;
      if (code.underlined) underlined = true;
      if (setting.spacing !== spacingNow) out += ` ${round(setting.spacing)} Tc`;
      spacingNow = setting.spacing;
      if (first < 0) {
        first = index;
        offset = setting.offset;
        // The font and colour as the page has them or named (Drawing.pen), then where the line starts (Td, from the page's origin).
        open = out;
        firstPen = code.pen;
        firstColor = code.color;
        out = ' Td';
        atX = setting.offset;
      } else {
        if (code.pen !== pen) out += ` ${code.pen}`;
        if (code.color !== color) out += ` ${code.color}`;
        const x = setting.offset;
        const y = (index - first) * lineHeight;
        // Text space runs up the page: the next line, lower on the page, is a negative move.
        out += ` ${round(x - atX)} ${round(atY - y)} Td`;
        atX = x;
        atY = y;
      }
      out += code.body;
      atX += code.end;
      pen = code.endPen;
      color = code.endColor;
    }
    if (first < 0) return undefined;
    out += spacingNow === 0 ? ' ET\n' : ' 0 Tc ET\n';
    const code: ParagraphCode = {
      from,
      to,
      width,
      align,
      lineHeight,
      open: Buffer.from(open, 'latin1'),
      pen: firstPen,
      color: firstColor,
      tail: Buffer.from(out, 'latin1'),
      endPen: pen,
      endColor: color,
      first,
      offset,
      underlined,
      ...glyphs.done(),
    };
    if (shared) {
      if (!kept) paragraphCodes.set(lines, (kept = []));
      if (kept.length >= MAX_CODES_A_PARAGRAPH) kept.shift();
      kept.push(code);
    }
    return code;
  }

  /** The line's code: kept from an earlier document when it can be, else made (and kept unless it draws a copy only this document has). */
  private lineCode(line: Line, spacing: number): LineCode {
    const kept = lineCodes.get(line);
    if (kept !== undefined && kept.spacing === spacing) return kept;
    let shared = true;
    const glyphs = new GlyphGathering();
    const add: AddGlyph = (faceName, code, cid, characters) => glyphs.add(faceName, code, cid, characters);
    let body = '';
    let pen = '';
    let color = '';
    let end = 0;
    let underlined = false;
    line.pieces.forEach((piece, index) => {
      const piecePen = `/${FACE_IDS[piece.face]} ${round(piece.size)} Tf`;
      const pieceColor = `${rgb(piece.color)} rg`;
      if (index === 0) body += ' (';
      else {
        // Each next piece moved (Td) from the one before by its advance; its font and colour where they change.
        const advance = round(advanceOf(line.pieces[index - 1]!, spacing));
        end += Number(advance);
        body += `) Tj${piecePen === pen ? '' : ` ${piecePen}`}${pieceColor === color ? '' : ` ${pieceColor}`} ${advance} 0 Td (`;
      }
      pen = piecePen;
      color = pieceColor;
      if (SHAPED.has(piece.face)) body += this.shaped(piece.face, piece.text, add);
      else if (piece.rtl) {
        const { bytes, copies } = this.rightToLeft(piece.face, piece.text, add);
        body += bytes;
        if (copies) shared = false;
      } else body += encode(piece.face, piece.text, add);
      if (piece.underline) underlined = true;
    });
    body += ') Tj';
    const first = line.pieces[0]!;
    const code: LineCode = {
      spacing,
      pen: `/${FACE_IDS[first.face]} ${round(first.size)} Tf`,
      color: `${rgb(first.color)} rg`,
      endPen: pen,
      endColor: color,
      body,
      end,
      underlined,
      shared,
      ...glyphs.done(),
    };
    if (shared) lineCodes.set(line, code);
    return code;
  }

  /** The face's font in this document, made on first use, and in the current page's resources. */
  private font(faceName: FaceName): PdfFont {
    let font = this.fonts.get(faceName);
    if (!font) {
      font = this.doc.font(FACE_IDS[faceName], faceName, face(faceName).font);
      this.fonts.set(faceName, font);
    }
    this.doc.use(font);
    return font;
  }

  /**
   * Right-to-left text (Hebrew) from its last letter. A mirrored character
   * gets a CID of its own in this document, drawing its mirror's glyph and
   * mapping back to the character typed: the ")" drawn for a "(" copies as
   * "(", while a ")" elsewhere still copies as ")". `copies`: the line drew
   * one, so its code holds this document's CIDs and is not kept.
   */
  private rightToLeft(faceName: FaceName, text: string, add: AddGlyph): { bytes: string; copies: boolean } {
    const target = face(faceName);
    let bytes = '';
    let copies = false;
    for (const { typed, shown } of drawingOrder(text)) {
      if (typed === shown) {
        const glyph = glyphId(target, typed);
        const code = codeOf(typed, glyph);
        add(faceName, code, glyph, [typed]);
        bytes += glyphCode(code);
        continue;
      }
      let mirrors = this.mirrors.get(faceName);
      if (!mirrors) this.mirrors.set(faceName, (mirrors = new Map()));
      let code = mirrors.get(typed);
      if (code === undefined) {
        code = this.font(faceName).copy(glyphId(target, shown), typed);
        mirrors.set(typed, code);
      }
      bytes += glyphCode(code);
      copies = true;
    }
    return { bytes, copies };
  }

  /**
   * Arabic through fontkit's OpenType shaping: each letter in its joining
   * form (initial, medial, final, isolated), lam-alef as one glyph, the
   * glyphs in visual order (fontkit lays out a right-to-left script from the
   * right). Each glyph copies as the characters it was made from.
   */
  private shaped(faceName: FaceName, text: string, add: AddGlyph): string {
    let bytes = '';
    // A shaped glyph (a letter's joining form) is not a character's own glyph: always its two-byte code.
    for (const glyph of face(faceName).font.layout(text).glyphs) {
      add(faceName, TWO_BYTE | glyph.id, glyph.id, glyph.codePoints);
      bytes += glyphCode(TWO_BYTE | glyph.id);
    }
    return bytes;
  }

}

/** A piece's advance: its width, and the character spacing after each of its characters. */
function advanceOf(piece: Piece, spacing: number): number {
  return spacing === 0 ? piece.width : piece.width + [...piece.text].length * spacing;
}

/** Text in a face that maps a character to its glyph alone: each character's glyph code, in order. */
function encode(faceName: FaceName, text: string, add: AddGlyph): string {
  const target = face(faceName);
  let bytes = '';
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    const glyph = glyphId(target, codePoint);
    const code = codeOf(codePoint, glyph);
    add(faceName, code, glyph, [codePoint]);
    bytes += glyphCode(code);
  }
  return bytes;
}

function drawText(drawing: Drawing, placement: Placement, block: TextBlock): void {
  const { from, to } = placement;
  if (from === 0 && block.label) {
    const { label } = block;
    const baseline = placement.y + block.ascent;
    if (label.tag || to === from) {
      // The label in its own tag (a list's Lbl), or alone on this page.
      drawing.open(label.tag ?? block.tag);
      drawing.line(label.line, label.x, baseline);
      drawing.close();
    } else {
      drawing.open(block.tag);
      drawing.line(label.line, label.x, baseline);
      drawing.paragraph(block.lines, from, to, block.x, block.width, block.align, placement.y, block);
      drawing.close();
      return;
    }
  }
  for (let index = from; index < to; index++) {
    if (block.lines[index]!.pieces.length > 0) {
      drawing.open(block.tag);
      drawing.paragraph(block.lines, from, to, block.x, block.width, block.align, placement.y, block);
      drawing.close();
      return;
    }
  }
}

function drawRow(drawing: Drawing, placement: Placement, row: RowBlock, left: number): void {
  // A header row set again on a new page is drawn whole as one artifact: a screen reader has read it once.
  if (placement.repeated) drawing.artifact(() => drawRowContent(drawing, placement, row, left, false));
  else drawRowContent(drawing, placement, row, left, true);
}

/** A row's cells; `tagged`: its paragraphs in their tags and its shading and rules as artifacts (else all of it inside the artifact around it). */
function drawRowContent(drawing: Drawing, placement: Placement, row: RowBlock, left: number, tagged: boolean): void {
  const height = rowHeight(row);
  const artifact = (draw: () => void) => (tagged ? drawing.artifact(draw) : draw());
  for (const cell of row.cells) {
    const x = left + cell.x;
    if (cell.fill) artifact(() => drawing.fill(x, placement.y, cell.width, height, cell.fill!));
    if (row.borders) artifact(() => drawing.frame(x, placement.y, cell.width, height, 0.5, RULE));
    let y = placement.y + cell.padding.top;
    for (const paragraph of cell.paragraphs) {
      y += paragraph.before;
      if (paragraph.lines.some((line) => line.pieces.length > 0)) {
        if (tagged) drawing.open(paragraph.tag);
        drawing.paragraph(paragraph.lines, 0, paragraph.lines.length, cell.x + cell.padding.left, cell.width - cell.padding.left - cell.padding.right, paragraph.align, y, paragraph);
        if (tagged) drawing.close();
      }
      y += paragraph.lines.length * paragraph.lineHeight;
      if (paragraph.rule) {
        const ruleY = y + 1;
        artifact(() => drawing.rule(x + cell.padding.left, ruleY, x + cell.width - cell.padding.right, ruleY, 0.75, '000000'));
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
  const doc = new PdfDocument(
    { title: meta.title, author: meta.author, subject: options.subject, keywords: meta.keywords, creator: 'Freelance contract generator', language: LANGUAGE_TAGS[context.language] },
    page,
  );

  if (options.answers !== undefined) {
    // PDF/A-3 lets the source of a document travel inside it: here the answers it was made from.
    doc.attach(ANSWERS_ATTACHMENT, 'The answers this document was made from', Buffer.from(JSON.stringify(options.answers), 'utf8'), 'application/json');
  }

  const drawing = new Drawing(doc, margin, page.height);
  const [before, between, after] = PAGE_FOOTERS[context.language];
  const furniture = (number: number) => {
    // The running header (the project's name, right-aligned) and the "Page X of Y" footer: artifacts, not content.
    const header = breakLines(plain(meta.projectName), { size: BODY }, context.width, context.language)[0];
    const footer = breakLines(plain(`${before}${number}${between}${pages.length}${after}`), { size: 9, color: MUTED }, context.width, context.language)[0];
    drawing.artifact(() => {
      if (header) drawing.line(header, lineOffset(header, context.width, 'right'), pt(PAGE_MARGINS.header) + baseFace(context.language).ascent * BODY);
      if (footer) drawing.line(footer, lineOffset(footer, context.width, 'center'), page.height - pt(PAGE_MARGINS.footer) - baseFace(context.language).singleLine * 9 + baseFace(context.language).ascent * 9);
    });
  };
  pages.forEach((placements, index) => {
    doc.addPage();
    furniture(index + 1);
    for (const placement of placements) {
      if (placement.block.kind === 'row') drawRow(drawing, placement, placement.block, margin.left);
      else drawText(drawing, placement, placement.block);
    }
  });
  return doc.finish();
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
