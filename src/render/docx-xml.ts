// The parts of a contract's Word file that change from one contract to the
// next (the body of word/document.xml, the header paragraph, the core
// properties), written as WordprocessingML strings straight from the tree.
//
// It writes what render/docx.ts (the docx library) writes for the same tree,
// element for element: the same paragraphs, styles, numbering, run properties
// and tables, so the two files read the same in Word. The tests hold it to
// that by comparing both files part by part; docx.ts stays the readable
// reference for what each block should look like, this file the fast copy.
//
// User text reaches the XML only through `textRuns` and `escapeText`: one
// linear pass (render/text-scan.ts) says whether the text needs anything at
// all, and nearly all of it goes in as it is. Otherwise forbidden characters
// and lone surrogates are removed, `&`, `<` and `>` escaped, `\n` written as
// <w:br/> and `\t` as <w:tab/>, and right-to-left stretches marked. The
// schema cleaned the answers already (once); this pass is what makes any tree
// safe, whoever built it.
import type { PaperSize } from '../answers/schema.ts';
import type {
  Block,
  BulletList,
  Contract,
  DocumentMeta,
  PartiesBlock,
  PartyDetails,
  Paragraph as TreeParagraph,
  Section,
  SignatureBlock,
  Table as TreeTable,
  TextRun as TreeRun,
} from '../contract/tree.ts';
import { gridColumnWidths, introduces, keptWhole, LIST_END_SPACING } from './page.ts';
import { languageProperty } from './docx-declarations.ts';
import { clauseNumberingFor, type ClauseNumbering } from './clause-numbering.ts';
import { directionalStretches } from './text-direction.ts';
import { hasAddressHyphen, splitAtAddressHyphens, splitBeforeAddresses } from './address-hyphens.ts';
import { CARRIAGE_RETURN, FORBIDDEN, firstLetterIsRightToLeft, isPlainText, MARKUP, RTL, scanText, SURROGATE, xmlSafeText } from './text-scan.ts';

/** The w:numId values the docx library gave the two numbering references, read from its output at start-up. */
export interface NumberingIds {
  readonly clauseHeadings: number;
  readonly bullets: number;
}

// The same names and values as render/docx.ts declares.
const MUTED = '595959';

// ---------------------------------------------------------------------------
// Text

/** Escapes `&`, `<` and `>`, all XML element content needs; the text must already be clean of characters XML forbids. */
export function escapeText(text: string): string {
  if ((scanText(text) & MARKUP) === 0) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const entity = unit === 0x26 ? '&amp;' : unit === 0x3c ? '&lt;' : unit === 0x3e ? '&gt;' : undefined;
    if (entity === undefined) continue;
    out += text.slice(from, i) + entity;
    from = i + 1;
  }
  return out + text.slice(from);
}

interface RunStyle {
  readonly bold?: boolean | undefined;
  readonly italic?: boolean | undefined;
  /** Only the "Email: " / "Phone: " labels have a colour. */
  readonly color?: string;
}

/** An on/off property as the docx library writes it: bare when on, w:val="false" when explicitly off. */
const onOff = (name: string, value: boolean) => (value ? `<w:${name}/>` : `<w:${name} w:val="false"/>`);

/**
 * Run properties in CT_RPr order. In a right-to-left run the complex-script
 * bold and italic follow the run's own (Word reads those there), and an
 * explicit "not bold" is written only for the Latin script, as docx.ts does.
 */
function runProperties(style: RunStyle, rtl: boolean): string {
  let xml = '';
  const { bold, italic } = style;
  if (bold !== undefined) xml += onOff('b', bold);
  if (rtl ? bold === true : bold !== undefined) xml += onOff('bCs', bold!);
  if (italic !== undefined) xml += onOff('i', italic);
  if (rtl ? italic === true : italic !== undefined) xml += onOff('iCs', italic!);
  if (style.color) xml += `<w:color w:val="${style.color}"/>`;
  if (rtl) xml += '<w:rtl/>';
  return xml === '' ? '' : `<w:rPr>${xml}</w:rPr>`;
}

// Every run's properties come from a handful of combinations: each is written once and kept.
const RUN_PROPERTIES: string[] = [];
const threeWay = (value: boolean | undefined) => (value === undefined ? 0 : value ? 1 : 2);

function cachedRunProperties(style: RunStyle, rtl: boolean): string {
  if (style.color !== undefined && style.color !== MUTED) return runProperties(style, rtl);
  const index = threeWay(style.bold) + 3 * threeWay(style.italic) + (style.color === undefined ? 0 : 9) + (rtl ? 18 : 0);
  return (RUN_PROPERTIES[index] ??= runProperties(style, rtl));
}

/**
 * Run content with tabs as Word tabs: a literal tab inside w:t shows as a
 * space. `markup` says whether the whole text (of which this is a piece) has
 * `&`, `<` or `>` at all: its scan already told, so pieces are not scanned again.
 */
function runContent(text: string, markup: boolean): string {
  const escaped = (piece: string) => (markup ? escapeText(piece) : piece);
  // A hyphen inside an email or web address is non-breaking (render/address-hyphens.ts), as docx.ts writes it.
  const part = (value: string) => {
    const pieces = splitAtAddressHyphens(value);
    if (!pieces) return value === '' ? '' : `<w:t xml:space="preserve">${escaped(value)}</w:t>`;
    return pieces.map((piece) => (piece === '' ? '' : `<w:t xml:space="preserve">${escaped(piece)}</w:t>`)).join('<w:noBreakHyphen/>');
  };
  if (!text.includes('\t')) return part(text);
  let xml = '';
  text.split('\t').forEach((piece, index) => {
    if (index > 0) xml += '<w:tab/>';
    xml += part(piece);
  });
  return xml;
}

/** Word runs for one piece of text: made safe, `\n` a line break, right-to-left stretches marked. */
function textRuns(value: string, style: RunStyle = {}): string {
  // Nearly every run: nothing to remove, escape, break or mark.
  if (isPlainText(value) && !hasAddressHyphen(value)) return plainRun(value, style);
  const pieces = splitBeforeAddresses(value);
  if (!pieces) return specialRuns(value, style);
  // A 1-point space before an address that follows a letter or a colon, as docx.ts writes it (render/address-hyphens.ts).
  return pieces.map((piece) => specialRuns(piece, style)).join(ADDRESS_BREAK);
}

/** One run of text that needs nothing done to it. */
function plainRun(value: string, style: RunStyle): string {
  const properties = cachedRunProperties(style, false);
  if (value === '') return properties === '' ? '<w:r/>' : `<w:r>${properties}</w:r>`;
  return `<w:r>${properties}<w:t xml:space="preserve">${value}</w:t></w:r>`;
}

const ADDRESS_BREAK = '<w:r><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr><w:t xml:space="preserve"> </w:t></w:r>';

/** Word runs for text with something to remove, escape, break or mark (see textRuns). */
function specialRuns(value: string, style: RunStyle): string {
  if (isPlainText(value) && !hasAddressHyphen(value)) return plainRun(value, style);
  // One scan says what the text needs; the steps it does not need are skipped, not scanned for again.
  const found = scanText(value);
  let xml = '';
  const lines = (found & (FORBIDDEN | SURROGATE | CARRIAGE_RETURN) ? xmlSafeText(value) : value).split('\n');
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex]!;
    const stretches = found & (RTL | SURROGATE) ? directionalStretches(line) : [{ text: line, rtl: false }];
    for (let stretchIndex = 0; stretchIndex < stretches.length; stretchIndex++) {
      const stretch = stretches[stretchIndex]!;
      const inner =
        cachedRunProperties(style, stretch.rtl) + (lineIndex > 0 && stretchIndex === 0 ? '<w:br/>' : '') + runContent(stretch.text, (found & MARKUP) !== 0);
      xml += inner === '' ? '<w:r/>' : `<w:r>${inner}</w:r>`;
    }
  }
  return xml;
}

/** Like HTML's dir="auto": the first letter decides. The scan stops there, usually at the first character. */
function startsRightToLeft(text: string): boolean {
  return firstLetterIsRightToLeft(text) === true;
}

function runsStartRightToLeft(runs: readonly TreeRun[]): boolean {
  for (const run of runs) {
    const rtl = firstLetterIsRightToLeft(run.text);
    if (rtl !== undefined) return rtl;
  }
  return false;
}

function treeRuns(runs: readonly TreeRun[]): string {
  let xml = '';
  for (const run of runs) xml += textRuns(run.text, { bold: run.bold, italic: run.italic });
  return xml;
}


// ---------------------------------------------------------------------------
// Paragraphs

interface ParagraphOptions {
  /** pStyle: a paragraph style id, or a built-in heading style (Title, Heading1). */
  readonly style?: string;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  readonly numId?: number;
  /** The numbering level: 0 for a clause heading or a bullet, 1 for a clause's point, 2 for an item (号). */
  readonly level?: number;
  readonly spacingAfter?: number;
  readonly indentLeft?: number;
  readonly align?: 'right' | 'center';
  readonly bidi?: boolean;
}

/** Paragraph properties in CT_PPr order; an alignment flips to its mirror in a right-to-left paragraph, as docx.ts's does. */
function paragraphProperties(options: ParagraphOptions): string {
  let xml = '';
  if (options.style) xml += `<w:pStyle w:val="${options.style}"/>`;
  if (options.keepNext !== undefined) xml += onOff('keepNext', options.keepNext);
  if (options.keepLines !== undefined) xml += onOff('keepLines', options.keepLines);
  if (options.numId !== undefined) xml += `<w:numPr><w:ilvl w:val="${options.level ?? 0}"/><w:numId w:val="${options.numId}"/></w:numPr>`;
  if (options.bidi) xml += '<w:bidi/>';
  if (options.spacingAfter !== undefined) xml += `<w:spacing w:after="${options.spacingAfter}"/>`;
  if (options.indentLeft !== undefined) xml += `<w:ind w:left="${options.indentLeft}"/>`;
  if (options.align) xml += `<w:jc w:val="${options.bidi && options.align === 'right' ? 'left' : options.align}"/>`;
  return xml === '' ? '' : `<w:pPr>${xml}</w:pPr>`;
}

/**
 * A paragraph's properties as XML, written once and kept: a contract has a
 * few hundred paragraphs but only a few dozen kinds of them. Building the
 * properties per paragraph (an options object spread together, then read)
 * was a third of the body's writing time.
 */
interface Properties {
  readonly ltr: string;
  /** The same with <w:bidi/>, for a paragraph whose text starts right to left. */
  readonly rtl: string;
}

function written(options: ParagraphOptions): Properties {
  return { ltr: paragraphProperties(options), rtl: paragraphProperties({ ...options, bidi: true }) };
}

const NO_PROPERTIES: Properties = { ltr: '', rtl: '<w:pPr><w:bidi/></w:pPr>' };

function paragraph(properties: string, runs: string): string {
  const inner = properties + runs;
  return inner === '' ? '<w:p/>' : `<w:p>${inner}</w:p>`;
}

/** A paragraph of user-facing text, its direction taken from the text itself (whose first letter the caller looked up). */
function textParagraph(rightToLeft: boolean, runs: string, properties: Properties = NO_PROPERTIES): string {
  return paragraph(rightToLeft ? properties.rtl : properties.ltr, runs);
}

function plainParagraph(text: string, properties: Properties = NO_PROPERTIES, style: RunStyle = {}): string {
  return textParagraph(startsRightToLeft(text), textRuns(text, style), properties);
}

// The kinds of paragraph that do not depend on the numbering.
const TITLE = written({ style: 'Title' });
const SUBTITLE = written({ style: 'Subtitle' });
const HEADER = written({ style: 'Header', align: 'right' });
const PARTY_ROLE = written({ style: 'PartyRole' });
const LETTER_BLOCK = written({ style: 'LetterBlock' });
/** A signatory's name: kept with the lines to sign on. */
const LETTER_BLOCK_KEPT = written({ style: 'LetterBlock', keepNext: true, keepLines: true });
const SIGNATURE_LINE_TEXT = written({ style: 'SignatureLine' });
const SIGNATURE_LABEL_TEXT = written({ style: 'SignatureLabel' });
/** A fee table cell's paragraph, by [keepNext][amount]: amounts are right-aligned. */
const TABLE_TEXT = [false, true].map((keepNext) =>
  [false, true].map((amount) => written({ style: 'TableText', ...(keepNext ? { keepNext } : {}), ...(amount ? { align: 'right' as const } : {}) })),
);

/** The kinds of paragraph that name a numbering (w:numId) or sit at the points' indent: one set per numbering and language. */
interface NumberedProperties {
  readonly heading: Properties;
  /** A clause's paragraph, by `pointKind`. */
  readonly points: readonly Properties[];
  /** A bullet, by [keepNext][last of its list]. */
  readonly bullets: readonly (readonly Properties[])[];
  /** An item (号) numbered at the clause list's third level, by [keepNext][last of its list]; bullets where the language has none. */
  readonly items: readonly (readonly Properties[])[];
}

const pointKind = (numbered: boolean, keepNext: boolean, indented: boolean) => (numbered ? 1 : 0) + (keepNext ? 2 : 0) + (indented ? 4 : 0);

const NUMBERED = new Map<string, NumberedProperties>();

function numberedProperties(ids: NumberingIds, clauseNumbering: ClauseNumbering): NumberedProperties {
  const key = `${ids.clauseHeadings} ${ids.bullets} ${clauseNumbering.textIndent} ${clauseNumbering.item ?? ''}`;
  let found = NUMBERED.get(key);
  if (!found) {
    const points: Properties[] = [];
    for (const numbered of [false, true]) {
      for (const keepNext of [false, true]) {
        for (const indented of [false, true]) {
          points[pointKind(numbered, keepNext, indented)] = written({
            ...(numbered ? { style: 'ClausePoint' } : {}),
            ...(keepNext ? { keepNext: true } : {}),
            ...(numbered ? { numId: ids.clauseHeadings, level: 1 } : {}),
            ...(indented ? { indentLeft: clauseNumbering.textIndent } : {}),
          });
        }
      }
    }
    found = {
      heading: written({ style: 'Heading1', numId: ids.clauseHeadings }),
      points,
      bullets: [false, true].map((keepNext) =>
        [false, true].map((last) => written({ style: 'ListParagraph', ...(keepNext ? { keepNext } : {}), numId: ids.bullets, ...(last ? { spacingAfter: LIST_END_SPACING } : {}) })),
      ),
      items: [false, true].map((keepNext) =>
        [false, true].map((last) =>
          written({
            style: 'ListParagraph',
            ...(keepNext ? { keepNext } : {}),
            ...(clauseNumbering.item ? { numId: ids.clauseHeadings, level: 2 } : { numId: ids.bullets }),
            ...(last ? { spacingAfter: LIST_END_SPACING } : {}),
          }),
        ),
      ),
    };
    // Numbering ids come from the package templates: a handful of keys at most.
    NUMBERED.set(key, found);
  }
  return found;
}

// ---------------------------------------------------------------------------
// Tables: percentage widths and a fixed layout, as docx.ts's fixedTable.

const borders = (value: string) =>
  `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${value}/>`).join('')}</w:tblBorders>`;
const NO_BORDERS = borders('w:val="none" w:color="auto" w:sz="0"');
const FEE_TABLE_BORDERS = borders('w:val="single" w:color="8C8C8C" w:sz="4"');

function fixedTable(rows: string, columnPercents: readonly number[], tableBorders: string, paperSize: PaperSize): string {
  // The grid is what Google Docs and Pages read; Word and LibreOffice follow the percentages.
  const grid = gridColumnWidths(paperSize, columnPercents).map((width) => `<w:gridCol w:w="${width}"/>`).join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="pct" w:w="100%"/>${tableBorders}<w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${grid}</w:tblGrid>${rows}</w:tbl>`
  );
}

const cellMargins = (top: number, bottom: number, left: number, right: number) =>
  `<w:tcMar><w:top w:type="dxa" w:w="${top}"/><w:left w:type="dxa" w:w="${left}"/><w:bottom w:type="dxa" w:w="${bottom}"/><w:right w:type="dxa" w:w="${right}"/></w:tcMar>`;

function tableCell(share: number, margins: string, content: string, shading = '', span = 1): string {
  const gridSpan = span > 1 ? `<w:gridSpan w:val="${span}"/>` : '';
  return `<w:tc><w:tcPr><w:tcW w:type="pct" w:w="${share}%"/>${gridSpan}${shading}${margins}</w:tcPr>${content}</w:tc>`;
}

function tableRow(cells: string, properties: { cantSplit?: boolean; header?: boolean } = {}): string {
  const trPr = (properties.cantSplit ? '<w:cantSplit/>' : '') + (properties.header ? '<w:tblHeader/>' : '');
  return `<w:tr>${trPr === '' ? '' : `<w:trPr>${trPr}</w:trPr>`}${cells}</w:tr>`;
}

// ---------------------------------------------------------------------------
// Blocks

/** As docx.ts's paragraphBlock: a point numbered at level 1 of the clause list, a continued point indented to its text. */
function paragraphBlock(block: TreeParagraph, next: Block | undefined, properties: NumberedProperties, numbering: ClauseNumbering, keep: boolean): string {
  const numbered = block.point !== undefined && block.point >= numbering.firstNumberedPoint;
  const kind = pointKind(numbered, introduces(next) || keep, block.continuesPoint === true && numbering.textIndent > 0);
  return textParagraph(runsStartRightToLeft(block.runs), treeRuns(block.runs), properties.points[kind]);
}

function listBlock(block: BulletList, properties: NumberedProperties, keep: boolean): string {
  let xml = '';
  const last = block.items.length - 1;
  const [item, lastItem] = properties.items[keep ? 1 : 0]!;
  block.items.forEach((runs, index) => {
    xml += textParagraph(runsStartRightToLeft(runs), treeRuns(runs), index === last ? lastItem : item);
  });
  return xml;
}

const FEE_CELL_MARGINS = cellMargins(40, 40, 100, 100);
/** Word needs a paragraph between a table and whatever follows; this one also gives the table room. */
const TABLE_END = paragraph(paragraphProperties({ spacingAfter: 60 }), '');
const FEE_HEADER_SHADING = '<w:shd w:fill="E8ECF2" w:color="auto" w:val="clear"/>';

function feeTableBlock(block: TreeTable, paperSize: PaperSize): string {
  // Every row but the last keeps with the next, so the table moves to a new page whole.
  // The caption is the table's first row, as in docx.ts (LibreOffice keeps a lead-in with a table, not a caption paragraph between them).
  const cell = (text: string, options: { bold?: boolean | undefined; amount?: boolean; header?: boolean; share: number; keepNext: boolean; span?: number }) =>
    tableCell(
      options.share,
      FEE_CELL_MARGINS,
      plainParagraph(text, TABLE_TEXT[options.keepNext ? 1 : 0]![options.amount ? 1 : 0], { bold: options.bold }),
      options.header ? FEE_HEADER_SHADING : '',
      options.span,
    );
  const hasRows = block.rows.length > 0;
  let rows = tableRow(cell(block.caption, { bold: true, share: 100, span: 2, keepNext: true }), { cantSplit: true, header: true });
  rows += tableRow(
    cell(block.header[0], { bold: true, header: true, share: 68, keepNext: hasRows }) +
      cell(block.header[1], { bold: true, header: true, amount: true, share: 32, keepNext: hasRows }),
    { cantSplit: true, header: true },
  );
  block.rows.forEach((row, index) => {
    const keepNext = index < block.rows.length - 1;
    rows += tableRow(
      cell(row.label, { bold: row.emphasis, share: 68, keepNext }) + cell(row.value, { bold: row.emphasis, amount: true, share: 32, keepNext }),
      { cantSplit: true },
    );
  });
  return (
    fixedTable(rows, [68, 32], FEE_TABLE_BORDERS, paperSize) + TABLE_END
  );
}

/** Name, business, address, email and phone: the article's "full contact information". */
function contactParagraphs(party: PartyDetails): string {
  return (
    plainParagraph(party.name, LETTER_BLOCK, { bold: true }) +
    (party.business ? plainParagraph(party.business, LETTER_BLOCK) : '') +
    plainParagraph(party.address, LETTER_BLOCK) +
    labelled('Email', party.email) +
    labelled('Phone', party.phone) +
    (party.vatNumber ? labelled('VAT number', party.vatNumber) : '')
  );
}

function labelled(label: string, value: string): string {
  return textParagraph(startsRightToLeft(value), textRuns(`${label}: `, { color: MUTED }) + textRuns(value), LETTER_BLOCK);
}

const PARTY_CELL_MARGINS = cellMargins(80, 80, 0, 240);

function partiesBlock(block: PartiesBlock, paperSize: PaperSize): string {
  const share = 100 / block.parties.length;
  const cells = block.parties
    .map((party) => tableCell(share, PARTY_CELL_MARGINS, plainParagraph(party.role, PARTY_ROLE) + contactParagraphs(party)))
    .join('');
  return fixedTable(tableRow(cells), block.parties.map(() => share), NO_BORDERS, paperSize);
}

const SIGNATURE_CELL_MARGINS = cellMargins(80, 80, 0, 360);
const SIGNATURE_LINE = paragraph(SIGNATURE_LINE_TEXT.ltr, '');
const signatureLabel = (label: string, options: ParagraphOptions = {}) =>
  paragraph(paragraphProperties({ style: 'SignatureLabel', ...options }), `<w:r><w:t xml:space="preserve">${label}</w:t></w:r>`);
const SIGNATURE_LABEL = signatureLabel('Signature');
const NAME_LABEL = signatureLabel('Name');
const TITLE_LABEL = signatureLabel('Title');
// The last paragraph of the block lets go of the next one.
const DATE_LABEL = signatureLabel('Date', { keepNext: false });

const filledLine = (text: string | undefined) => (text ? plainParagraph(text, SIGNATURE_LINE_TEXT) : SIGNATURE_LINE);

function signatureBlock(block: SignatureBlock, paperSize: PaperSize): string {
  const share = 100 / block.parties.length;
  // Every paragraph keeps with the next and the row cannot split, so the
  // block moves to the next page whole rather than leaving a lone line.
  // The same lines in every column, as page.ts's signatureLines: the party bound, then sign, name, title, date.
  const cells = block.parties
    .map((party) =>
      tableCell(
        share,
        SIGNATURE_CELL_MARGINS,
        plainParagraph(party.role, PARTY_ROLE) +
          plainParagraph(party.business ?? party.name, LETTER_BLOCK_KEPT, { bold: true }) +
          // Signed online (src/engagements): "/s/ Name" on the signature line, the date on its line.
          filledLine(party.signed?.mark) +
          (party.signed ? plainParagraph(`Signature (${party.signed.method})`, SIGNATURE_LABEL_TEXT) : SIGNATURE_LABEL) +
          filledLine(party.business ? party.name : undefined) +
          NAME_LABEL +
          filledLine(party.title) +
          TITLE_LABEL +
          filledLine(party.signed?.date) +
          DATE_LABEL,
      ),
    )
    .join('');
  return fixedTable(tableRow(cells, { cantSplit: true }), block.parties.map(() => share), NO_BORDERS, paperSize) + '<w:p/>';
}

/** One block; tables take their column grid from the paper's text width. */
function renderBlock(
  block: Block,
  next: Block | undefined,
  properties: NumberedProperties,
  paperSize: PaperSize,
  clauseNumbering: ClauseNumbering,
  keepTogether: boolean,
  keepLast: boolean,
): string {
  // As page.ts's keepsWithNext: in a section kept together every block but the last; the last before the signatures.
  const keep = next === undefined ? keepLast : keepTogether;
  switch (block.type) {
    case 'paragraph':
      // "By signing below..." stays on the page of the signatures it introduces; a fee table's lead-in on the table's.
      return paragraphBlock(block, next, properties, clauseNumbering, keep);
    case 'list':
      return listBlock(block, properties, keep);
    case 'table':
      return feeTableBlock(block, paperSize);
    case 'parties':
      return partiesBlock(block, paperSize);
    case 'signatures':
      return signatureBlock(block, paperSize);
  }
}

function sectionContent(section: Section, next: Section | undefined, properties: NumberedProperties, paperSize: PaperSize, clauseNumbering: ClauseNumbering): string {
  // The note is help text for the person filling in the wizard, not contract wording.
  let xml = plainParagraph(section.title, properties.heading);
  const keepLast = next?.keepWithPrevious === true;
  const whole = keptWhole(section, next);
  section.blocks.forEach((block, index) => {
    xml += renderBlock(block, section.blocks[index + 1], properties, paperSize, clauseNumbering, whole, keepLast);
  });
  return xml;
}

// ---------------------------------------------------------------------------
// Parts

/**
 * What goes between <w:body> and the section properties of word/document.xml,
 * handed to `emit` a clause at a time, in order: the fast writer encodes each
 * piece as it comes, so the text of the whole body is never held as one
 * string (tens of kilobytes that V8 would build as a tree of thousands of
 * pieces, then flatten to encode, and move in every young-generation
 * collection while it lived).
 */
export function emitContractBodyXml(contract: Contract, numbering: NumberingIds, emit: (xml: string) => void): void {
  emit(plainParagraph(contract.title, TITLE) + plainParagraph(contract.subtitle, SUBTITLE));
  const clauseNumbering = clauseNumberingFor(contract.meta.language);
  const properties = numberedProperties(numbering, clauseNumbering);
  // The Japanese 前文: ordinary paragraphs before 第1条, outside the clause numbering.
  const preamble = contract.preamble ?? [];
  if (preamble.length > 0) {
    emit(preamble.map((block, index) => renderBlock(block, preamble[index + 1], properties, contract.meta.paperSize, clauseNumbering, false, false)).join(''));
  }
  const { sections } = contract;
  for (let index = 0; index < sections.length; index++) {
    emit(sectionContent(sections[index]!, sections[index + 1], properties, contract.meta.paperSize, clauseNumbering));
  }
}

/** What goes between <w:body> and the section properties of word/document.xml, as one string. */
export function contractBodyXml(contract: Contract, numbering: NumberingIds): string {
  let xml = '';
  emitContractBodyXml(contract, numbering, (piece) => {
    xml += piece;
  });
  return xml;
}

/** The one paragraph of the page header: the project name, on the right. */
export function headerParagraphXml(meta: DocumentMeta): string {
  return plainParagraph(meta.projectName, HEADER);
}

/** The start of docProps/core.xml, the same in every file (the fast writer keeps it deflated). */
export const CORE_PROPERTIES_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">';

/** docProps/core.xml: the properties docx.ts sets, cleaned and escaped; empty ones left out as the library does. */
export function corePropertiesXml(meta: DocumentMeta, description: string, created: Date): string {
  return CORE_PROPERTIES_START + corePropertiesRest(meta, description, created);
}

/** docProps/core.xml after CORE_PROPERTIES_START: the part that changes with the contract. */
export function corePropertiesRest(meta: DocumentMeta, description: string, created: Date): string {
  const property = (element: string, value: string) => {
    const clean = xmlSafeText(value);
    return clean === '' ? '' : `<${element}>${escapeText(clean)}</${element}>`;
  };
  const time = created.toISOString();
  return (
    property('dc:title', meta.title) +
    property('dc:subject', meta.subject) +
    property('dc:creator', meta.author) +
    property('cp:keywords', meta.keywords) +
    property('dc:description', description) +
    property('cp:lastModifiedBy', meta.author) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${time}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${time}</dcterms:modified>` +
    languageProperty(meta.language) +
    '</cp:coreProperties>'
  );
}
