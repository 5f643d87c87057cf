// The contract tree as a Word document, through the `docx` library. It walks
// the same tree as render/html.ts, block by block. A later speed pass may
// write the XML by hand; this renderer stays as the oracle it is checked
// against, so it favours plain, one-block-at-a-time code over cleverness.
//
// User text only ever reaches Word through `textRuns`, which removes what XML
// 1.0 cannot carry, turns line breaks and tabs into Word's own elements, and
// marks right-to-left stretches. The docx library escapes &, < and > itself
// but passes forbidden characters straight through, so the cleaning here is
// what keeps a file openable even if a value skipped the schema.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  LevelSuffix,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  NoBreakHyphen,
  TextRun,
  WidthType,
  type INumberingOptions,
  type IParagraphOptions,
  type IStylesOptions,
  type ISectionOptions,
} from 'docx';
import type { Language, PaperSize } from '../answers/schema.ts';
import { directionalStretches, startsRightToLeft } from './text-direction.ts';
import { xmlSafeText } from './text-scan.ts';
import { splitAtAddressHyphens, splitBeforeAddresses } from './address-hyphens.ts';
import type {
  Block,
  BulletList,
  Contract,
  DocumentMeta,
  Letter,
  LetterParty,
  PartiesBlock,
  Paragraph as TreeParagraph,
  Section,
  SignatureBlock,
  Table as TreeTable,
  TextRun as TreeRun,
} from '../contract/tree.ts';
import { unzipSync, zipSync } from 'fflate';
import { addAnswersParts } from './embedded-answers.ts';
import { CALIBRI, declarePackage, MS_MINCHO } from './docx-declarations.ts';
import { clauseNumberingFor, type ClauseNumbering } from './clause-numbering.ts';
import { gridColumnWidths, introduces, keepsWithNext, keptWhole, LIST_END_SPACING, PAGE_FOOTERS, PAGE_MARGINS, PAGE_SIZES, signatureLines } from './page.ts';

// ---------------------------------------------------------------------------
// Styles and numbering: declared once, shared by contracts, letters and invoices
// (render/invoice-docx.ts builds on the exports here).

const CLAUSE_NUMBERING = 'clause-headings';
const BULLET_NUMBERING = 'bullets';

/**
 * What a language changes in the document's look: its fonts, the run
 * language (LibreOffice and Word choose line-breaking rules from it), how
 * Word numbers a clause heading, justification, and the page footer.
 */
interface Typography {
  readonly font: string | { readonly ascii: string; readonly hAnsi: string; readonly eastAsia: string; readonly cs: string };
  readonly language: { readonly value: string; readonly eastAsia?: string };
  /** How clause headings and the points inside a clause are numbered: "1." and 1.1, or 第1条 and 2. */
  readonly numbering: ClauseNumbering;
  readonly justified: boolean;
  /** Latin subtitles are italic; Japanese has no italic, and slanted kana read as a mistake. */
  readonly italicSubtitle: boolean;
  /** The footer around the page number and the page count: "Page 1 of 5", "1 / 5". */
  readonly footer: readonly [string, string, string];
}

// Japanese: ＭＳ 明朝 (MS Mincho), which Word on Windows and macOS has; LibreOffice,
// which does not, takes the serif fontconfig names for it (Noto Serif CJK JP),
// where it took a gothic face for Yu Mincho (render/docx-declarations.ts says
// why). With the ja-JP language, both apply Japanese line breaking (kinsoku:
// no line starts with 、。」 and no line ends with 「).
const JAPANESE_FONT = MS_MINCHO.name;

// English: Calibri, which Word has everywhere. Carlito (Debian's
// fonts-crosextra-carlito) has the same metrics, and LibreOffice substitutes
// it for Calibri by itself, so the lines and pages break where Word breaks
// them; the HTML preview asks for the same faces (render/html.ts).
const ENGLISH_FONT = CALIBRI.name;

const TYPOGRAPHY: Readonly<Record<Language, Typography>> = {
  en: {
    font: ENGLISH_FONT,
    language: { value: 'en-US' },
    numbering: clauseNumberingFor('en'),
    justified: false,
    italicSubtitle: true,
    footer: PAGE_FOOTERS.en,
  },
  ja: {
    font: { ascii: JAPANESE_FONT, hAnsi: JAPANESE_FONT, eastAsia: JAPANESE_FONT, cs: JAPANESE_FONT },
    // Japanese text is ja-JP (kinsoku line breaking); Latin text in it (an email address, a bank
    // reference) en-US, as Japanese Word sets it: under ja-JP LibreOffice broke an address anywhere
    // ("hanako@hana-des" / "ign.example"), under en-US only where an English word may break.
    language: { value: 'en-US', eastAsia: 'ja-JP' },
    numbering: clauseNumberingFor('ja'),
    justified: true,
    italicSubtitle: false,
    footer: PAGE_FOOTERS.ja,
  },
};

export function typographyFor(language: Language | undefined): Typography {
  return TYPOGRAPHY[language ?? 'en'];
}
export const MUTED = '595959';
const RULE = '8C8C8C';

export const STYLE = {
  subtitle: 'Subtitle',
  partyRole: 'PartyRole',
  tableText: 'TableText',
  signatureLine: 'SignatureLine',
  signatureLabel: 'SignatureLabel',
  letterBlock: 'LetterBlock',
  clausePoint: 'ClausePoint',
} as const;

const stylesFor = ({ font, language, justified, italicSubtitle }: Typography): IStylesOptions => ({
  default: {
    document: {
      run: { font, size: 22, language },
      paragraph: { spacing: { after: 140, line: 276 }, ...(justified ? { alignment: AlignmentType.JUSTIFIED } : {}) },
    },
    title: {
      run: { font, size: 40, bold: true, color: '1F1F1F' },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 120 }, keepNext: true },
    },
    heading1: {
      run: { font, size: 26, bold: true, color: '1F3864' },
      // A clause heading never ends a page alone.
      paragraph: { spacing: { before: 300, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 0 },
    },
    caption: {
      run: { font, size: 20, bold: true, italics: false, color: '1F1F1F' },
      paragraph: { spacing: { before: 120, after: 80 }, keepNext: true },
    },
    listParagraph: {
      paragraph: { spacing: { after: 80 } },
    },
  },
  // Word's own styles that the file names: the docx library refers to these
  // (pStyle Header and Footer, basedOn DefaultParagraphFont) without defining them.
  characterStyles: [{ id: 'DefaultParagraphFont', name: 'Default Paragraph Font', uiPriority: 1, semiHidden: true, unhideWhenUsed: true }],
  paragraphStyles: [
    ...(['Header', 'Footer'] as const).map((id) => ({
      id,
      name: id.toLowerCase(),
      basedOn: 'Normal',
      uiPriority: 99,
      unhideWhenUsed: true,
      run: { size: 18, color: MUTED },
      paragraph: { spacing: { after: 0, line: 240 } },
    })),
    {
      id: STYLE.subtitle,
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: 24, italics: italicSubtitle, color: '404040' },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 } },
    },
    {
      id: STYLE.partyRole,
      name: 'Party Role',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 18, bold: true, allCaps: true, color: MUTED, characterSpacing: 10 },
      paragraph: { spacing: { before: 0, after: 60 }, keepNext: true },
    },
    {
      id: STYLE.tableText,
      name: 'Table Text',
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: { spacing: { before: 40, after: 40, line: 240 } },
    },
    {
      id: STYLE.signatureLine,
      name: 'Signature Line',
      basedOn: 'Normal',
      next: 'Normal',
      // The line to sign on is the paragraph's bottom border, so a pre-filled
      // title sits on it the way a typed title would.
      paragraph: {
        spacing: { before: 440, after: 0, line: 240 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
        keepNext: true,
        keepLines: true,
      },
    },
    {
      id: STYLE.signatureLabel,
      name: 'Signature Label',
      basedOn: 'Normal',
      next: 'Normal',
      // 9 pt, as the party roles: the smallest text in the file, still read at arm's length.
      run: { size: 18, color: MUTED },
      paragraph: { spacing: { before: 20, after: 0 }, keepNext: true, keepLines: true },
    },
    {
      // A numbered paragraph of a clause (7.1): a style of its own, so Word
      // does not treat it as a list paragraph, and so it can be restyled.
      id: STYLE.clausePoint,
      name: 'Clause Point',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
    },
    {
      id: STYLE.letterBlock,
      name: 'Letter Block',
      basedOn: 'Normal',
      next: 'Normal',
      // Names, addresses and contact lines are short lines ended by line breaks: justified, Word and
      // LibreOffice stretch each one to the margin (「住　　所　　〒　　530-0001」).
      paragraph: { spacing: { after: 0 }, alignment: AlignmentType.LEFT },
    },
  ],
});

const hanging = (indent: number) => ({ left: indent, hanging: indent });
const suffix = (numbering: ClauseNumbering) => (numbering.separator === 'tab' ? LevelSuffix.TAB : LevelSuffix.NOTHING);

/** A bullet sits where a point's text starts, so a list reads as part of its point. */
const bulletIndent = (numbering: ClauseNumbering) => ({ left: Math.max(720, numbering.textIndent + 360), hanging: 360 });

const numberingFor = ({ numbering }: Typography): INumberingOptions => ({
  config: [
    {
      // One multilevel list for the whole contract: level 1 the clause
      // headings, level 2 the points inside a clause, which Word restarts
      // under each heading. Word counts both, so a clause or a paragraph
      // added by hand in Word renumbers the rest, and each point can be cited.
      reference: CLAUSE_NUMBERING,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: numbering.heading,
          alignment: AlignmentType.START,
          suffix: suffix(numbering),
          style: { paragraph: { indent: hanging(numbering.textIndent) } },
        },
        {
          level: 1,
          format: LevelFormat.DECIMAL,
          text: numbering.point,
          start: numbering.firstNumberedPoint,
          alignment: AlignmentType.START,
          suffix: suffix(numbering),
          style: { paragraph: { indent: hanging(numbering.textIndent) } },
        },
        // Items (号) of a list, where the language numbers them: Word restarts them after each heading and point.
        ...(numbering.item
          ? [{ level: 2, format: LevelFormat.DECIMAL, text: numbering.item, alignment: AlignmentType.START, suffix: LevelSuffix.NOTHING, style: { paragraph: { indent: bulletIndent(numbering) } } }]
          : []),
      ],
    },
    {
      reference: BULLET_NUMBERING,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '\u2022',
          alignment: AlignmentType.START,
          style: { paragraph: { indent: bulletIndent(numbering) } },
        },
      ],
    },
  ],
});

// ---------------------------------------------------------------------------
// Text: the only way user text reaches the document.

interface RunStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/**
 * Run content with tabs as Word tabs (a literal tab inside w:t shows as a
 * space), and the hyphens inside an email or web address non-breaking, so the
 * address is never split across lines.
 */
function runChildren(text: string): (string | Tab | NoBreakHyphen)[] {
  const children: (string | Tab | NoBreakHyphen)[] = [];
  text.split('\t').forEach((part, index) => {
    if (index > 0) children.push(new Tab());
    const pieces = splitAtAddressHyphens(part) ?? [part];
    pieces.forEach((piece, pieceIndex) => {
      if (pieceIndex > 0) children.push(new NoBreakHyphen());
      if (piece !== '') children.push(piece);
    });
  });
  return children;
}

/**
 * Word runs for one piece of text: forbidden characters removed, each `\n`
 * a line break, right-to-left stretches marked so Word lays them out (and
 * applies bold and italic to them, which it reads from the complex-script
 * properties in a right-to-left run).
 */
export function textRuns(value: string, style: RunStyle = {}): TextRun[] {
  const pieces = splitBeforeAddresses(value);
  if (!pieces) return styledRuns(value, style);
  // A 1-point space before an address that follows a letter or a colon: where LibreOffice can break (render/address-hyphens.ts).
  return pieces.flatMap((piece, index) => (index === 0 ? styledRuns(piece, style) : [ADDRESS_BREAK(), ...styledRuns(piece, style)]));
}

/** The break opportunity before an address: a space at 1 point (half-points, as Word counts), too narrow to see. */
export const ADDRESS_BREAK_SIZE = 2;
const ADDRESS_BREAK = () => new TextRun({ text: ' ', size: ADDRESS_BREAK_SIZE });

function styledRuns(value: string, style: RunStyle): TextRun[] {
  const runs: TextRun[] = [];
  xmlSafeText(value)
    .split('\n')
    .forEach((line, lineIndex) => {
      const stretches = directionalStretches(line);
      stretches.forEach((stretch, stretchIndex) => {
        runs.push(
          new TextRun({
            children: runChildren(stretch.text),
            break: lineIndex > 0 && stretchIndex === 0 ? 1 : undefined,
            bold: style.bold,
            italics: style.italic,
            ...(stretch.rtl
              ? { rightToLeft: true, boldComplexScript: style.bold, italicsComplexScript: style.italic }
              : {}),
          }),
        );
      });
    });
  return runs;
}

function treeRuns(runs: readonly TreeRun[]): TextRun[] {
  return runs.flatMap((run) => textRuns(run.text, { bold: run.bold, italic: run.italic }));
}

type ParagraphOptions = Omit<IParagraphOptions, 'children' | 'text' | 'bidirectional'>;

/** A paragraph of user-facing text, its direction taken from the text itself. */
function textParagraph(text: string, runs: TextRun[], options: ParagraphOptions = {}): Paragraph {
  return new Paragraph({ ...options, children: runs, bidirectional: startsRightToLeft(text) || undefined });
}

export function plainParagraph(text: string, options: ParagraphOptions = {}, style: RunStyle = {}): Paragraph {
  return textParagraph(text, textRuns(text, style), options);
}

const runsText = (runs: readonly TreeRun[]) => runs.map((run) => run.text).join('');

// ---------------------------------------------------------------------------
// Blocks

const NO_BORDERS = TableBorders.NONE;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: RULE } as const;
export const FEE_TABLE_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

export const percent = (size: number) => ({ size: `${size}%` as const, type: WidthType.PERCENTAGE });

/**
 * Tables use percentage widths and a fixed layout: Word then wraps whatever
 * is in a cell, a very long unbroken value included, instead of widening the
 * column off the page.
 */
export function fixedTable(
  rows: TableRow[],
  columnPercents: readonly number[],
  borders: ConstructorParameters<typeof Table>[0]['borders'],
  paperSize: PaperSize,
): Table {
  return new Table({
    rows,
    width: percent(100),
    layout: TableLayoutType.FIXED,
    borders,
    // The grid is what Google Docs and Pages read; Word and LibreOffice follow the percentages.
    columnWidths: gridColumnWidths(paperSize, columnPercents),
  });
}


function paragraphBlock(block: TreeParagraph, next: Block | undefined, numbering: ClauseNumbering, keep: boolean): Paragraph {
  const numbered = block.point !== undefined && block.point >= numbering.firstNumberedPoint;
  const indented = block.continuesPoint === true && numbering.textIndent > 0;
  return textParagraph(runsText(block.runs), treeRuns(block.runs), {
    style: numbered ? STYLE.clausePoint : undefined,
    keepNext: introduces(next) || keep || undefined,
    numbering: numbered ? { reference: CLAUSE_NUMBERING, level: 1 } : undefined,
    indent: indented ? { left: numbering.textIndent } : undefined,
  });
}

function listBlock(block: BulletList, keep: boolean, numbering: ClauseNumbering): Paragraph[] {
  // Numbered items (号) at the clause list's third level where the language has them, else bullets.
  const reference = numbering.item ? { reference: CLAUSE_NUMBERING, level: 2 } : { reference: BULLET_NUMBERING, level: 0 };
  return block.items.map((item, index) =>
    textParagraph(runsText(item), treeRuns(item), {
      keepNext: keep || undefined,
      numbering: reference,
      spacing: index === block.items.length - 1 ? { after: LIST_END_SPACING } : undefined,
    }),
  );
}

/** A cell of a money table (the contract's fee table, an invoice's lines): shaded header, amounts right-aligned. */
export function feeTableCell(
  text: string,
  options: { share: number; bold?: boolean; amount?: boolean; header?: boolean; span?: number; keepNext: boolean },
): TableCell {
  return new TableCell({
    width: percent(options.share),
    columnSpan: options.span,
    margins: { top: 40, bottom: 40, left: 100, right: 100 },
    shading: options.header ? { fill: 'E8ECF2', color: 'auto', type: 'clear' } : undefined,
    children: [
      plainParagraph(
        text,
        { style: STYLE.tableText, alignment: options.amount ? AlignmentType.RIGHT : undefined, keepNext: options.keepNext || undefined },
        { bold: options.bold },
      ),
    ],
  });
}

function feeTableBlock(block: TreeTable, paperSize: PaperSize): (Paragraph | Table)[] {
  // Every row but the last keeps with the next, so the table moves to a new page whole.
  // The caption is the table's first row, not a paragraph before it: LibreOffice
  // keeps a heading with its lead-in and the lead-in with a table, but not a
  // chain of three (heading, lead-in, caption) with a table, and leaves the
  // heading alone at the foot of a page.
  const cell = feeTableCell;
  const caption = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [cell(block.caption, { bold: true, share: 100, span: 2, keepNext: true })],
  });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell(block.header[0], { bold: true, header: true, share: 68, keepNext: block.rows.length > 0 }),
      cell(block.header[1], { bold: true, header: true, amount: true, share: 32, keepNext: block.rows.length > 0 }),
    ],
  });
  const rows = block.rows.map((row, index) => {
    const keepNext = index < block.rows.length - 1;
    return new TableRow({
      cantSplit: true,
      children: [
        cell(row.label, { bold: row.emphasis, share: 68, keepNext }),
        cell(row.value, { bold: row.emphasis, amount: true, share: 32, keepNext }),
      ],
    });
  });
  return [
    fixedTable([caption, header, ...rows], [68, 32], FEE_TABLE_BORDERS, paperSize),
    // Word needs a paragraph between a table and whatever follows; this one also gives the table room.
    new Paragraph({ spacing: { after: 60 }, children: [] }),
  ];
}

function partiesBlock(block: PartiesBlock, paperSize: PaperSize): Table {
  const share = 100 / block.parties.length;
  const cells = block.parties.map(
    (party) =>
      new TableCell({
        width: percent(share),
        margins: { top: 80, bottom: 80, left: 0, right: 240 },
        children: [
          plainParagraph(party.role, { style: STYLE.partyRole }),
          ...contactParagraphs(party),
        ],
      }),
  );
  return fixedTable([new TableRow({ children: cells })], block.parties.map(() => share), NO_BORDERS, paperSize);
}

/** Name, business, address, email and phone: the article's "full contact information". */
const ENGLISH_CONTACT_LABELS = { email: 'Email', phone: 'Phone' } as const;

function contactParagraphs(party: LetterParty, labels: { readonly email: string; readonly phone: string } = ENGLISH_CONTACT_LABELS): Paragraph[] {
  return [
    plainParagraph(party.name, { style: STYLE.letterBlock }, { bold: true }),
    ...(party.business ? [plainParagraph(party.business, { style: STYLE.letterBlock })] : []),
    plainParagraph(party.address, { style: STYLE.letterBlock }),
    labelled(labels.email, party.email),
    labelled(labels.phone, party.phone),
    ...(party.vatNumber ? [labelled('VAT number', party.vatNumber)] : []),
  ];
}

function labelled(label: string, value: string): Paragraph {
  return textParagraph(value, [new TextRun({ text: `${label}: `, color: MUTED }), ...textRuns(value)], {
    style: STYLE.letterBlock,
  });
}

function signatureBlock(block: SignatureBlock, paperSize: PaperSize): (Paragraph | Table)[] {
  const share = 100 / block.parties.length;
  const filledLine = (text: string) => (text ? plainParagraph(text, { style: STYLE.signatureLine }) : new Paragraph({ style: STYLE.signatureLine, children: [] }));
  // Every paragraph keeps with the next and the row cannot split, so the
  // block moves to the next page whole rather than leaving a lone line.
  const cells = block.parties.map((party) => {
    const { bound, signer } = signatureLines(party);
    return new TableCell({
        width: percent(share),
        margins: { top: 80, bottom: 80, left: 0, right: 360 },
        children: [
          plainParagraph(party.role, { style: STYLE.partyRole }),
          plainParagraph(bound, { style: STYLE.letterBlock, keepNext: true, keepLines: true }, { bold: true }),
          // Signed online (src/engagements): "/s/ Name" on the signature line, the date on its line.
          filledLine(party.signed?.mark ?? ''),
          new Paragraph({ style: STYLE.signatureLabel, children: [new TextRun(party.signed ? `Signature (${party.signed.method})` : 'Signature')] }),
          filledLine(signer),
          new Paragraph({ style: STYLE.signatureLabel, children: [new TextRun('Name')] }),
          filledLine(party.title ?? ''),
          new Paragraph({ style: STYLE.signatureLabel, children: [new TextRun('Title')] }),
          filledLine(party.signed?.date ?? ''),
          // The last paragraph of the block lets go of the next one.
          new Paragraph({ style: STYLE.signatureLabel, keepNext: false, children: [new TextRun('Date')] }),
        ],
      });
  });
  return [
    fixedTable([new TableRow({ cantSplit: true, children: cells })], block.parties.map(() => share), NO_BORDERS, paperSize),
    new Paragraph({ children: [] }),
  ];
}

/** One block; tables take their column grid from the paper's text width. */
function renderBlock(block: Block, next: Block | undefined, paperSize: PaperSize, numbering: ClauseNumbering, keepTogether: boolean, keepLast: boolean): (Paragraph | Table)[] {
  const keep = keepsWithNext(next, keepTogether, keepLast);
  switch (block.type) {
    case 'paragraph':
      // "By signing below..." stays on the page of the signatures it introduces; a fee table's lead-in on the table's.
      return [paragraphBlock(block, next, numbering, keep)];
    case 'list':
      return listBlock(block, keep, numbering);
    case 'table':
      return feeTableBlock(block, paperSize);
    case 'parties':
      return [partiesBlock(block, paperSize)];
    case 'signatures':
      return signatureBlock(block, paperSize);
  }
}

export function renderBlocks(
  blocks: readonly Block[],
  paperSize: PaperSize,
  numbering: ClauseNumbering = clauseNumberingFor('en'),
  keepTogether = false,
  /** The last block keeps with what follows the blocks (the next section's heading, a letter's closing). */
  keepLast = false,
): (Paragraph | Table)[] {
  return blocks.flatMap((block, index) => renderBlock(block, blocks[index + 1], paperSize, numbering, keepTogether, keepLast));
}

function sectionContent(section: Section, next: Section | undefined, paperSize: PaperSize, numbering: ClauseNumbering): (Paragraph | Table)[] {
  // The note is help text for the person filling in the wizard, not contract wording.
  return [
    plainParagraph(section.title, { heading: HeadingLevel.HEADING_1, numbering: { reference: CLAUSE_NUMBERING, level: 0 } }),
    ...renderBlocks(section.blocks, paperSize, numbering, keptWhole(section, next), next?.keepWithPrevious === true),
  ];
}

// ---------------------------------------------------------------------------
// Page furniture and document

function pageHeader(meta: DocumentMeta): Header {
  return new Header({
    children: [plainParagraph(meta.projectName, { style: 'Header', alignment: AlignmentType.RIGHT })],
  });
}

function pageFooter({ footer: [before, between, after] }: Typography): Footer {
  const parts = [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES, after].filter((part) => part !== '');
  return new Footer({
    children: [
      new Paragraph({
        style: 'Footer',
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: parts, size: 18, color: MUTED })],
      }),
    ],
  });
}

export function buildDocument(meta: DocumentMeta, description: string, children: (Paragraph | Table)[]): Document {
  const typography = typographyFor(meta.language);
  const section: ISectionOptions = {
    properties: { page: { size: { ...PAGE_SIZES[meta.paperSize], orientation: PageOrientation.PORTRAIT }, margin: PAGE_MARGINS } },
    headers: { default: pageHeader(meta) },
    footers: { default: pageFooter(typography) },
    children,
  };
  const property = (value: string) => xmlSafeText(value);
  return new Document({
    title: property(meta.title),
    subject: property(meta.subject),
    creator: property(meta.author),
    lastModifiedBy: property(meta.author),
    keywords: property(meta.keywords),
    description: property(description),
    styles: stylesFor(typography),
    numbering: numberingFor(typography),
    // A line ended by a line break (an address, a contact block) is not stretched to the margin in a
    // justified paragraph: Word's "Don't expand character spaces on a line ending with SHIFT+RETURN",
    // which LibreOffice reads as its "no justification of lines with manual breaks".
    compatibility: { doNotExpandShiftReturn: true },
    sections: [section],
  });
}

/**
 * The document packed, with the declarations the docx library does not write
 * (render/docx-declarations.ts: fonts, language settings, dc:language) and,
 * when given, the answers it was made from: unzipped and zipped once.
 */
export async function packDocument(document: Document, language: DocumentMeta['language'], answers?: unknown): Promise<Buffer> {
  const files = unzipSync(await Packer.toBuffer(document));
  declarePackage(files, language);
  if (answers !== undefined) addAnswersParts(files, answers);
  return Buffer.from(zipSync(files, { level: 6 }));
}

export async function renderContractDocx(contract: Contract): Promise<Buffer> {
  const children = [
    plainParagraph(contract.title, { heading: HeadingLevel.TITLE }),
    plainParagraph(contract.subtitle, { style: STYLE.subtitle }),
    // The Japanese 前文: ordinary paragraphs before 第1条, outside the clause numbering.
    ...renderBlocks(contract.preamble ?? [], contract.meta.paperSize, typographyFor(contract.meta.language).numbering, false),
    ...contract.sections.flatMap((section, index) =>
      sectionContent(section, contract.sections[index + 1], contract.meta.paperSize, typographyFor(contract.meta.language).numbering),
    ),
  ];
  return packDocument(buildDocument(contract.meta, contract.subtitle, children), contract.meta.language, contract.answers);
}

export async function renderLetterDocx(letter: Letter): Promise<Buffer> {
  const gap = (after: number) => ({ spacing: { after } });
  const sender = contactParagraphs(letter.sender, letter.contactLabels);
  const recipient = contactParagraphs(letter.recipient, letter.contactLabels);
  // The tree says the order: a Japanese business letter has the date at the top right, the 宛名, then the 差出人.
  const head =
    letter.addressOrder === 'recipient-first'
      ? [plainParagraph(letter.date, { alignment: AlignmentType.RIGHT, spacing: { after: 360 } }), ...recipient, plainParagraph('', { spacing: { after: 240 } }), ...sender]
      : [...sender, plainParagraph(letter.date, { spacing: { before: 360, after: 360 } }), ...recipient];
  const children = [
    ...head,
    plainParagraph(letter.subject, { spacing: { before: 360, after: 240 }, keepNext: true }, { bold: true }),
    plainParagraph(letter.salutation, gap(200)),
    // The last paragraph keeps with the closing, so no page holds only the closing and the signature.
    ...renderBlocks(letter.blocks, letter.meta.paperSize, undefined, false, true),
    plainParagraph(letter.closing, { spacing: { before: 240, after: 720 }, keepNext: true, keepLines: true }),
    plainParagraph(letter.signature.name, { style: STYLE.letterBlock, keepNext: Boolean(letter.signature.business) || undefined }, { bold: true }),
    ...(letter.signature.business ? [plainParagraph(letter.signature.business, { style: STYLE.letterBlock })] : []),
    ...(letter.enclosures ?? []).map((line, index) => plainParagraph(line, { spacing: { before: index === 0 ? 360 : 0, after: 0 } })),
  ];
  // Like a contract, a letter carries the answers it was made from: uploaded, it starts a draft from them.
  return packDocument(buildDocument(letter.meta, letter.subject, children), letter.meta.language, letter.answers);
}
