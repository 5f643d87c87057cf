import { describe, expect, it, beforeAll } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { answersSchema, type Answers, type AnswersInput } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import type { Contract, Letter } from '../../src/contract/tree.ts';
import { assembleLetter } from '../../src/letters/assemble.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { renderLetterDocx } from '../../src/render/docx.ts';
import {
  ANSWERS_NAMESPACE,
  embedAnswers,
  EmbeddedAnswersError,
  MAX_ANSWERS_PART_BYTES,
  readEmbeddedAnswers,
} from '../../src/render/embedded-answers.ts';
import { descendants, findAll, findFirst, openDocx, textContent, W, type DocxPackage, type XmlElement } from '../helpers/docx-reader.ts';
import { CONTRACT_RENDERERS } from '../helpers/contract-renderers.ts';
import { hostileInput } from '../helpers/hostile-answers.ts';
import { letterInput, letterRequest } from '../helpers/letters.ts';
import { nonEmpty } from '../helpers/non-empty.ts';
import { SAMPLE_NAMES, sampleInput } from '../helpers/samples.ts';

const library = loadContractLibrary();

function contractFrom(input: AnswersInput): Contract {
  return assembleContract(answersSchema.parse(input), library);
}

/** What a reader sees in the sample's Word file that the sample's answers promise. */
const SAMPLE_FACTS: Record<string, { deposit: string; killFee: string; venue: string }> = {
  'new-client-fixed': { deposit: '$6,000.00', killFee: 'for 14 days counted from the day after', venue: 'Multnomah County' },
  'returning-client-hourly': { deposit: '£1,530.00', killFee: 'for 10 days counted from the day after', venue: 'England and Wales sitting in London' },
  'retainer-prepaid': { deposit: '$2,500.00', killFee: 'for 21 days counted from the day after', venue: 'Cook County' },
};

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** Every part is declared in [Content_Types].xml, by an Override or its extension's Default. */
function undeclaredParts(docx: DocxPackage): string[] {
  const types = docx.xml('[Content_Types].xml');
  const overrides = new Set(findAll(types, CT_NS, 'Override').map((e) => e.attributes.PartName?.toLowerCase()));
  const defaults = new Set(findAll(types, CT_NS, 'Default').map((e) => e.attributes.Extension?.toLowerCase()));
  return docx.partNames.filter((name) => {
    if (name === '[Content_Types].xml') return false;
    const extension = name.split('.').pop()!.toLowerCase();
    return !overrides.has(`/${name}`.toLowerCase()) && !defaults.has(extension);
  });
}

/** Internal relationship targets that point at no part: Word repairs (or refuses) such a file. */
function danglingRelationships(docx: DocxPackage): string[] {
  const missing: string[] = [];
  for (const relsName of docx.partNames.filter((name) => name.endsWith('.rels'))) {
    const base = relsName.replace(/_rels\/[^/]*\.rels$/, '');
    for (const rel of findAll(docx.xml(relsName), RELS_NS, 'Relationship')) {
      if (rel.attributes.TargetMode === 'External') continue;
      const target = rel.attributes.Target!;
      const segments = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
      const resolved: string[] = [];
      for (const segment of segments) {
        if (segment === '..') resolved.pop();
        else if (segment !== '.' && segment !== '') resolved.push(segment);
      }
      if (!docx.partNames.includes(resolved.join('/'))) missing.push(`${relsName}: ${target}`);
    }
  }
  return missing;
}

/** The page set-up of a file's one section: size, orientation and margins, in twips. */
function pageSetup(docx: DocxPackage) {
  const sections = findAll(docx.xml('word/document.xml'), W, 'sectPr');
  expect(sections).toHaveLength(1);
  const size = findAll(sections[0]!, W, 'pgSz');
  expect(size).toHaveLength(1);
  const margin = findFirst(sections[0]!, W, 'pgMar')!.attributes;
  return {
    width: Number(size[0]!.attributes['w:w']),
    height: Number(size[0]!.attributes['w:h']),
    orient: size[0]!.attributes['w:orient'],
    margins: [margin['w:top'], margin['w:right'], margin['w:bottom'], margin['w:left'], margin['w:header'], margin['w:footer']].map(Number),
  };
}

/** US Letter is 8.5 x 11 in, A4 210 x 297 mm; the margins are the same on both. */
const PAGE = {
  letter: { width: 12240, height: 15840, orient: 'portrait', margins: [1300, 1300, 1300, 1300, 600, 600] },
  a4: { width: 11906, height: 16838, orient: 'portrait', margins: [1300, 1300, 1300, 1300, 600, 600] },
} as const;

/** The examples name no paper size: it follows their currency. */
const SAMPLE_PAPER: Record<string, 'letter' | 'a4'> = {
  'new-client-fixed': 'letter', // USD
  'returning-client-hourly': 'a4', // GBP
  'retainer-prepaid': 'letter', // USD
};

function partsOfType(docx: DocxPackage, prefix: string): string[] {
  return docx.partNames.filter((name) => name.startsWith(prefix) && name.endsWith('.xml'));
}

/** A final notice, built by hand: letters have no clause library of their own here. */
const letter: Letter = {
  kind: 'final-notice',
  meta: {
    title: 'Final notice: invoice INV-042',
    subject: 'Final notice before legal action',
    author: 'Jordan Lee',
    projectName: 'Harbor Coffee website redesign',
    fileStem: 'final-notice',
    keywords: 'late payment, final notice',
    paperSize: 'letter',
  },
  sender: { name: 'Jordan Lee', business: 'Lee Studio LLC', address: '410 SW Oak St\nPortland, OR 97204', email: 'jordan@leestudio.example', phone: '+1 503 555 0142' },
  date: 'March 3, 2027',
  recipient: { name: 'Priya Natarajan', business: 'Harbor Coffee Co.', address: '88 Pike St\nSeattle, WA 98101', email: 'priya@harborcoffee.example', phone: '+1 206 555 0199' },
  subject: 'Final notice: invoice INV-042 is 90 days overdue',
  salutation: 'Dear Priya,',
  blocks: [
    { type: 'paragraph', runs: [{ text: 'Invoice INV-042 for ' }, { text: '$6,000.00', bold: true }, { text: ' was due on ' }, { text: 'December 1, 2026', italic: true }, { text: '.' }] },
    { type: 'list', items: [[{ text: 'Balance due: $6,090.00' }], [{ text: 'Pay by bank transfer or card' }]] },
    { type: 'table', caption: 'Balance', header: ['Item', 'Amount'], rows: [{ label: 'Invoice', value: '$6,000.00' }, { label: 'Total due', value: '$6,090.00', emphasis: true }] },
  ],
  closing: 'Sincerely,',
  signature: { name: 'Jordan Lee', business: 'Lee Studio LLC' },
  enclosures: ['Enclosure: invoice INV-042'],
};

// Every contract test runs over both renderers: the docx library and the fast writer the API serves.
const SAMPLES_BY_RENDERER = CONTRACT_RENDERERS.flatMap(({ name, render }) => SAMPLE_NAMES.map((sample) => [sample, name, render] as const));

describe.each(SAMPLES_BY_RENDERER)('the Word file for the %s sample, made by %s', (sample, _renderer, render) => {
  let contract: Contract;
  let buffer: Buffer;
  let docx: DocxPackage;
  let text: string;

  beforeAll(async () => {
    contract = contractFrom(sampleInput(sample));
    buffer = await render(contract);
    docx = openDocx(buffer); // parses every .xml and .rels part strictly
    text = docx.text();
  });

  it('is a package whose every XML part parses strictly and is declared and reachable', () => {
    expect(docx.partNames).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'docProps/core.xml']));
    expect(undeclaredParts(docx)).toEqual([]);
    expect(danglingRelationships(docx)).toEqual([]);
  });

  it('starts with the title and the subtitle naming both parties', () => {
    const [title, subtitle] = docx.paragraphs();
    expect(title).toMatchObject({ text: contract.title, style: 'Title' });
    expect(subtitle!.text).toBe(contract.subtitle);
  });

  it("numbers the clause headings with Word's own decimal numbering, one list for all", () => {
    const headings = docx.paragraphs().filter((p) => p.style === 'Heading1');
    expect(headings.map((h) => h.text)).toEqual(contract.sections.map((s) => s.title));
    expect(headings[0]!.text).toBe('Parties and effective date');
    // No typed digits: the number comes from the list, so Word renumbers after an edit.
    for (const heading of headings) expect(heading.text).not.toMatch(/^\s*\d/);
    const numIds = new Set(headings.map((h) => h.numId));
    expect(numIds.size).toBe(1);
    const numId = [...numIds][0];
    expect(numId).toBeDefined();
    expect(headings.every((h) => h.level === '0')).toBe(true);

    const numbering = docx.xml('word/numbering.xml');
    const num = findAll(numbering, W, 'num').find((n) => n.attributes['w:numId'] === numId);
    expect(num, `numbering.xml defines w:num ${numId}`).toBeDefined();
    const abstractId = findFirst(num!, W, 'abstractNumId')!.attributes['w:val'];
    const abstract = findAll(numbering, W, 'abstractNum').find((a) => a.attributes['w:abstractNumId'] === abstractId)!;
    const level0 = findAll(abstract, W, 'lvl').find((l) => l.attributes['w:ilvl'] === '0')!;
    expect(findFirst(level0, W, 'numFmt')!.attributes['w:val']).toBe('decimal');
    expect(findFirst(level0, W, 'lvlText')!.attributes['w:val']).toBe('%1.');
  });

  it('shows bullet lists as Word bullets, not typed dashes', () => {
    const bullets = docx.paragraphs().filter((p) => p.style === 'ListParagraph');
    expect(bullets.length).toBeGreaterThan(0);
    for (const bullet of bullets) expect(bullet.text).not.toMatch(/^[-•*]/);
    const numbering = docx.xml('word/numbering.xml');
    const num = findAll(numbering, W, 'num').find((n) => n.attributes['w:numId'] === bullets[0]!.numId)!;
    const abstractId = findFirst(num, W, 'abstractNumId')!.attributes['w:val'];
    const abstract = findAll(numbering, W, 'abstractNum').find((a) => a.attributes['w:abstractNumId'] === abstractId)!;
    expect(findFirst(abstract, W, 'numFmt')!.attributes['w:val']).toBe('bullet');
  });

  it("names both parties with every way to reach them, phone included", () => {
    const { freelancer, client } = contract.answers;
    for (const party of [freelancer, client]) {
      expect(text).toContain(party.name);
      expect(text).toContain(party.phone);
      expect(text).toContain(party.email);
      expect(text).toContain(party.address);
      if (party.business) expect(text).toContain(party.business);
    }
  });

  it('states the deposit, the kill-fee silence period and the venue', () => {
    const facts = SAMPLE_FACTS[sample];
    expect(facts, `expectations for sample ${sample}`).toBeDefined();
    expect(text).toContain(facts!.deposit);
    expect(text).toContain(facts!.killFee);
    expect(text).toContain(facts!.venue);
  });

  it('puts the fees in a table: its caption and header row on top, amounts right-aligned, only the closing total bold', () => {
    const document = docx.xml('word/document.xml');
    const feeTable = findAll(document, W, 'tbl').find((table) => findAll(table, W, 't').some((t) => t.children.join('') === 'Amount'))!;
    expect(feeTable).toBeDefined();
    expect(findFirst(feeTable, W, 'tblLayout')!.attributes['w:type']).toBe('fixed');
    expect(findFirst(feeTable, W, 'tblW')!.attributes['w:type']).toBe('pct');
    const [captionRow, ...rows] = findAll(feeTable, W, 'tr');
    const table = contract.sections.flatMap((s) => s.blocks).find((b) => b.type === 'table');
    if (table?.type !== 'table') throw new Error('the contract has no fee table');
    // The caption spans the table's first row; it and the header repeat if Word ever splits the table.
    expect(textContent(captionRow!)).toBe(table.caption);
    expect(findFirst(captionRow!, W, 'gridSpan')!.attributes['w:val']).toBe('2');
    for (const header of [captionRow!, rows[0]!]) expect(findFirst(header, W, 'tblHeader')).toBeDefined();
    expect(rows).toHaveLength(table.rows.length + 1);
    for (const row of rows) {
      const amountCell = findAll(row, W, 'tc')[1]!;
      expect(findFirst(amountCell, W, 'jc')!.attributes['w:val']).toBe('right');
    }
    expect(table.rows.some((row) => row.value === SAMPLE_FACTS[sample]!.deposit)).toBe(true);
    expect(table.rows.map((row) => Boolean(row.emphasis))).toEqual(table.rows.map((_row, index) => index === table.rows.length - 1));
    table.rows.forEach((row, index) => {
      const bold = findAll(rows[index + 1]!, W, 'b').length > 0;
      expect(bold, `row "${row.label}" bold`).toBe(Boolean(row.emphasis));
    });
  });

  it('keeps the signature block on one page, with signature, title and date lines for both parties', () => {
    const document = docx.xml('word/document.xml');
    const signatureTable = findAll(document, W, 'tbl').find((table) =>
      findAll(table, W, 't').some((t) => t.children.join('') === 'Signature'),
    )!;
    expect(signatureTable).toBeDefined();
    for (const row of nonEmpty(findAll(signatureTable, W, 'tr'), 'signature rows')) expect(findFirst(row, W, 'cantSplit')).toBeDefined();
    const cells = findAll(signatureTable, W, 'tc');
    expect(cells).toHaveLength(2);
    const { freelancer, client } = contract.answers;
    cells.forEach((cell, index) => {
      const cellText = findAll(cell, W, 't').map((t) => t.children.join('')).join('|');
      expect(cellText).toContain([freelancer, client][index]!.name);
      expect(cellText).toContain('Signature');
      expect(cellText).toContain('Title');
      expect(cellText).toContain('Date');
      const title = [freelancer, client][index]!.title;
      if (title) expect(cellText).toContain(title);
    });
  });

  it('heads every page with the project name and foots it with "Page X of Y" fields', () => {
    const headers = partsOfType(docx, 'word/header');
    expect(headers.length).toBeGreaterThan(0);
    expect(headers.map((h) => docx.text(h)).join('\n')).toContain(contract.answers.project.name);
    const footers = partsOfType(docx, 'word/footer');
    expect(footers.length).toBeGreaterThan(0);
    const footer = footers.flatMap((f) => docx.paragraphs(f)).find((p) => p.fields.length > 0)!;
    expect(footer.fields).toEqual(['PAGE', 'NUMPAGES']);
    expect(footer.text).toBe('Page  of ');
  });

  it('is laid out on the paper its currency suggests, margins unchanged', () => {
    expect(contract.meta.paperSize).toBe(SAMPLE_PAPER[sample]);
    expect(pageSetup(docx)).toEqual(PAGE[SAMPLE_PAPER[sample]!]);
  });

  it('carries the title, subject and author in its document properties', () => {
    const core = docx.coreProperties();
    expect(core.title).toBe(contract.meta.title);
    expect(core.subject).toBe(contract.meta.subject);
    expect(core.creator).toBe(contract.meta.author);
    expect(core.keywords).toBe(contract.meta.keywords);
    expect(core.description).toBeTruthy();
  });

  it('carries its answers, so it can be loaded back into the wizard', () => {
    expect(readEmbeddedAnswers(buffer)).toEqual(contract.answers);
    // The loaded answers make the same contract again.
    expect(answersSchema.parse(readEmbeddedAnswers(buffer))).toEqual(contract.answers);
    const item = docx.xml('customXml/item1.xml');
    expect(item.uri).toBe(ANSWERS_NAMESPACE);
    expect(item.attributes.version).toBe('1');
    const documentRels = docx.relationships('word/_rels/document.xml.rels');
    expect(documentRels).toContainEqual(
      expect.objectContaining({ type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml', target: '../customXml/item1.xml' }),
    );
    expect(docx.xmlText('[Content_Types].xml')).toContain(
      '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>',
    );
    const props = docx.xml('customXml/itemProps1.xml');
    expect(props).toMatchObject({ uri: 'http://schemas.openxmlformats.org/officeDocument/2006/customXml', local: 'datastoreItem' });
    expect(props.attributes['ds:itemID']).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
  });
});

describe.each(CONTRACT_RENDERERS)('the paper size the answers ask for, made by $name', ({ render }) => {
  it.each([
    ['new-client-fixed', 'a4'],
    ['new-client-fixed', 'letter'],
    ['returning-client-hourly', 'letter'],
    ['returning-client-hourly', 'a4'],
  ] as const)('the %s sample on %s', async (sample, paperSize) => {
    const contract = contractFrom({ ...sampleInput(sample), paperSize });
    expect(contract.meta.paperSize).toBe(paperSize);
    const buffer = await render(contract);
    expect(pageSetup(openDocx(buffer))).toEqual(PAGE[paperSize]);
    expect(readEmbeddedAnswers(buffer)).toMatchObject({ paperSize });
  });
});

/** The width between the margins, in twips: the page's width less 2 x 1300. */
const TEXT_WIDTH = { letter: 12240 - 2 * 1300, a4: 11906 - 2 * 1300 } as const;

/** Each table's w:gridCol widths, with the number of grid columns the cells of each of its rows span. */
function tableGrids(docx: DocxPackage) {
  const span = (cell: XmlElement) => Number(findFirst(cell, W, 'gridSpan')?.attributes['w:val'] ?? 1);
  return findAll(docx.xml('word/document.xml'), W, 'tbl').map((table) => ({
    columns: findAll(findFirst(table, W, 'tblGrid')!, W, 'gridCol').map((col) => Number(col.attributes['w:w'])),
    cellsPerRow: findAll(table, W, 'tr').map((row) => findAll(row, W, 'tc').reduce((sum, cell) => sum + span(cell), 0)),
  }));
}

/** Every table's grid: as many columns as each row has cells, whole twips, adding up to the text width. */
function expectGridsFillTheTextWidth(docx: DocxPackage, paperSize: 'letter' | 'a4', tables: number) {
  const grids = tableGrids(docx);
  expect(grids).toHaveLength(tables);
  for (const { columns, cellsPerRow } of grids) {
    for (const cells of cellsPerRow) expect(cells).toBe(columns.length);
    for (const width of columns) expect(Number.isInteger(width) && width > 0, `gridCol ${width}`).toBe(true);
    expect(columns.reduce((sum, width) => sum + width, 0), `gridCols ${columns.join(' + ')}`).toBe(TEXT_WIDTH[paperSize]);
  }
}

// Google Docs and Pages size tables by their grid (Word and LibreOffice by the
// percentages): a grid made for A4 leaves tables on US Letter short of the margin.
describe.each(CONTRACT_RENDERERS)('table grids as wide as the text on the paper, made by $name', ({ render }) => {
  it.each([
    ['new-client-fixed', 'letter', [6555, 3085], [4820, 4820]],
    ['new-client-fixed', 'a4', [6328, 2978], [4653, 4653]],
    ['returning-client-hourly', 'letter', [6555, 3085], [4820, 4820]],
    ['returning-client-hourly', 'a4', [6328, 2978], [4653, 4653]],
  ] as const)('the %s sample on %s: parties, fees and signatures', async (sample, paperSize, feeColumns, partyColumns) => {
    const docx = openDocx(await render(contractFrom({ ...sampleInput(sample), paperSize })));
    expectGridsFillTheTextWidth(docx, paperSize, 3);
    // In document order: the parties, the fee table (68% / 32%), the signatures.
    expect(tableGrids(docx).map((grid) => grid.columns)).toEqual([partyColumns, feeColumns, partyColumns]);
  });

  it.each(['letter', 'a4'] as const)('three parties on %s, the rounding landing on the text width exactly', async (paperSize) => {
    const base = contractFrom({ ...sampleInput('new-client-fixed'), paperSize });
    const party = (n: number) => ({ role: `R${n}`, name: `N${n}`, address: 'A', email: 'e', phone: 'p' });
    const [first, ...rest] = base.sections;
    const contract: Contract = {
      ...base,
      sections: [
        {
          ...first!,
          blocks: [
            { type: 'parties', parties: [party(1), party(2), party(3)] },
            { type: 'signatures', parties: [party(1), party(2), party(3)] },
          ],
        },
        ...rest.map((section) => ({ ...section, blocks: section.blocks.filter((block) => block.type === 'paragraph') })),
      ],
    };
    const docx = openDocx(await render(contract));
    expectGridsFillTheTextWidth(docx, paperSize, 2);
    const thirds = paperSize === 'letter' ? [3213, 3214, 3213] : [3102, 3102, 3102];
    expect(tableGrids(docx).map((grid) => grid.columns)).toEqual([thirds, thirds]);
  });
});

describe('table grids in a letter', () => {
  const letterLibrary = loadLetterLibrary();

  it.each(['letter', 'a4'] as const)('a late notice on %s: the invoice summary table as wide as the text', async (paperSize) => {
    const input = letterInput();
    input.answers.paperSize = paperSize;
    const assembled = assembleLetter('late-notice', letterRequest('late-notice', input), letterLibrary);
    expect(assembled.meta.paperSize).toBe(paperSize);
    expect(assembled.blocks.some((block) => block.type === 'table')).toBe(true);
    expectGridsFillTheTextWidth(openDocx(await renderLetterDocx(assembled)), paperSize, 1);
  });

  it.each(['letter', 'a4'] as const)('the hand-built final notice on %s', async (paperSize) => {
    const docx = openDocx(await renderLetterDocx({ ...letter, meta: { ...letter.meta, paperSize } }));
    expectGridsFillTheTextWidth(docx, paperSize, 1);
  });
});

describe.each(CONTRACT_RENDERERS)('a Word file made from hostile answers, made by $name', ({ render }) => {
  // Everything a user might paste: markup, quotes, emoji, CJK, Hebrew and
  // Arabic, characters XML forbids, a line break and a very long word.
  const allowed = (value: string) => value.replace(/[\u0001\uFFFE\uFFFF]|\uD800(?![\uDC00-\uDFFF])/g, '');
  // The schema also tidies whitespace (one-line fields lose their breaks); that aside, a value is kept as typed.
  const words = (value: string) => value.replace(/\s+/g, ' ').trim();

  const input: AnswersInput = hostileInput();

  let answers: Answers;
  let contract: Contract;
  let buffer: Buffer;
  let docx: DocxPackage;

  beforeAll(async () => {
    answers = answersSchema.parse(input);
    contract = assembleContract(answers, library);
    buffer = await render(contract);
    docx = openDocx(buffer);
  });

  it('is accepted by the schema, which keeps it as typed minus the forbidden characters', () => {
    expect(answers.project.description).toContain('W'.repeat(10_000));
    expect(words(answers.client.name)).toBe(words(allowed(input.client.name)));
    expect(answers.client.name).not.toContain('\n');
    expect(answers.client.address).toContain('\nsecond line W');
    expect(words(answers.client.address)).toBe(words(allowed(input.client.address)));
  });

  it('still parses strictly in every part', () => {
    expect(docx.partNames.filter((name) => /\.(xml|rels)$/.test(name)).length).toBeGreaterThan(10);
    expect(undeclaredParts(docx)).toEqual([]);
  });

  it('shows every value as typed, minus the characters XML forbids', () => {
    const text = docx.text();
    expect(text).toContain(answers.freelancer.address); // line break kept
    expect(text).toContain(answers.freelancer.name);
    expect(text).toContain(answers.client.business!);
    expect(text).toContain(answers.client.title!);
    expect(text).toContain(answers.project.description);
    expect(text).toContain(answers.project.deliverables[0]!);
    expect(text).toContain(answers.jurisdiction.venue);
    expect(text).toContain(answers.jurisdiction.governingLaw);
    expect(text).toContain('<script>alert("x")</script> &amp; & "quoted" \'single\' 😀👩‍💻 契約書の条項');
    expect(text).not.toMatch(/[\u0001\uFFFE\uFFFF]/);
  });

  it('keeps <script> as text in every part, never as an element', () => {
    for (const name of docx.partNames.filter((n) => /\.(xml|rels)$/.test(n))) {
      const root = docx.xml(name);
      expect([root, ...descendants(root)].filter((element) => element.local === 'script')).toEqual([]);
      expect(docx.xmlText(name)).not.toContain('<script');
    }
    expect(docx.xmlText('word/document.xml')).toContain('&lt;script&gt;');
  });

  it('turns a line break in the address into a Word line break, not a space', () => {
    const address = answers.client.address;
    const paragraph = docx.paragraphs().find((p) => p.text === address);
    expect(paragraph, 'a paragraph holding exactly the address').toBeDefined();
    expect(findAll(paragraph!.element, W, 'br')).toHaveLength(1);
    expect(paragraph!.text.split('\n')[1]).toMatch(/^second line W+$/);
  });

  it('lays out right-to-left text right to left, and leaves English sentences quoting it left to right', () => {
    const paragraphs = docx.paragraphs();
    const name = answers.client.name;
    const nameParagraph = paragraphs.find((p) => p.text === name)!;
    expect(nameParagraph).toBeDefined();
    expect(nameParagraph.bidi).toBe(true);
    expect(nameParagraph.rtlRun).toBe(true);
    const sentence = paragraphs.find((p) => p.text.startsWith('The Freelancer will carry out the project'))!;
    expect(sentence.bidi).toBe(false);
    expect(sentence.rtlRun).toBe(true);
    // Only the right-to-left stretch is marked: the Latin and CJK text around it is not.
    const rtlTexts = findAll(sentence.element, W, 'r')
      .filter((run) => findFirst(run, W, 'rtl'))
      .map((run) => findAll(run, W, 't').map((t) => t.children.join('')).join(''));
    expect(rtlTexts).toContain('שלום עליכם مرحبا');
  });

  it('names the project in the header and the document properties, cleaned', () => {
    const projectName = answers.project.name;
    expect(docx.text('word/header1.xml')).toContain(projectName);
    expect(docx.coreProperties().title).toContain(projectName);
  });

  it('carries the hostile answers back exactly as the schema kept them', () => {
    expect(readEmbeddedAnswers(buffer)).toEqual(answers);
  });
});

describe('a contract tree that never went through the schema', () => {
  // The schema strips what XML forbids; the renderer must not rely on it.
  it.each(CONTRACT_RENDERERS)('still gives a file whose every part parses, the forbidden characters dropped ($name)', async ({ render }) => {
    const contract = contractFrom(sampleInput('new-client-fixed'));
    const [first, ...rest] = contract.sections;
    const dirty: Contract = {
      ...contract,
      meta: { ...contract.meta, title: 'Title\u0001\uFFFE', projectName: 'Project\u0000\uD800 name' },
      sections: [{ ...first!, blocks: [{ type: 'paragraph', runs: [{ text: 'a\u0001b\uFFFFc\tafter tab\r\nnext line' }] }] }, ...rest],
    };
    const docx = openDocx(await render(dirty));
    expect(docx.paragraphs().map((p) => p.text)).toContain('abc\tafter tab\nnext line');
    expect(docx.text('word/header1.xml')).toBe('Project name');
    expect(docx.coreProperties().title).toBe('Title');
  });

  it('embeds answers holding characters XML forbids, and gives them back unchanged', async () => {
    const docx = await renderLetterDocx(letter); // a file with no answers yet
    const odd = { text: 'a\u0001b\uFFFEc\uD800d</answers>&' };
    const embedded = embedAnswers(docx, odd);
    openDocx(embedded); // still strict XML everywhere
    expect(readEmbeddedAnswers(embedded)).toEqual(odd);
  });
});

describe('a follow-up letter as a Word file', () => {

  let buffer: Buffer;
  let docx: DocxPackage;
  beforeAll(async () => {
    buffer = await renderLetterDocx(letter);
    docx = openDocx(buffer);
  });

  it('parses strictly and reads as a letter, in order', () => {
    expect(undeclaredParts(docx)).toEqual([]);
    expect(danglingRelationships(docx)).toEqual([]);
    const texts = docx.paragraphs().map((p) => p.text);
    const order = ['Jordan Lee', 'March 3, 2027', 'Priya Natarajan', letter.subject, 'Dear Priya,', 'Sincerely,', 'Enclosure: invoice INV-042'];
    const positions = order.map((line) => texts.indexOf(line));
    expect(positions.every((position) => position >= 0), `all of ${order.join(' / ')} present`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(texts).toContain('410 SW Oak St\nPortland, OR 97204');
    expect(texts).toContain('Invoice INV-042 for $6,000.00 was due on December 1, 2026.');
  });

  it('sets the subject line in bold and numbers no headings', () => {
    const subject = docx.paragraphs().find((p) => p.text === letter.subject)!;
    const runs = findAll(subject.element, W, 'r');
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) expect(findFirst(run, W, 'b')).toBeDefined();
    expect(docx.paragraphs().filter((p) => p.style === 'Heading1')).toEqual([]);
  });

  it('has the same page furniture as a contract', () => {
    expect(docx.text('word/header1.xml')).toContain('Harbor Coffee website redesign');
    expect(docx.paragraphs('word/footer1.xml').flatMap((p) => p.fields)).toEqual(['PAGE', 'NUMPAGES']);
    expect(docx.coreProperties()).toMatchObject({ title: letter.meta.title, subject: letter.meta.subject, creator: 'Jordan Lee' });
  });

  it.each(['letter', 'a4'] as const)('is laid out on the paper its meta names: %s, margins unchanged', async (paperSize) => {
    const sized = openDocx(await renderLetterDocx({ ...letter, meta: { ...letter.meta, paperSize } }));
    expect(pageSetup(sized)).toEqual(PAGE[paperSize]);
  });

  it('embeds no answers', () => {
    expect(docx.partNames.some((name) => name.startsWith('customXml/'))).toBe(false);
    expect(() => readEmbeddedAnswers(buffer)).toThrow(EmbeddedAnswersError);
  });
});

describe('loading answers back from an uploaded Word file', () => {
  const PLAIN_MESSAGE = 'This Word file was not made by this app, or its answers were removed.';

  function expectRefusal(bytes: Uint8Array, message: string | RegExp = PLAIN_MESSAGE) {
    let caught: unknown;
    try {
      readEmbeddedAnswers(bytes);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EmbeddedAnswersError);
    expect((caught as Error).message).toMatch(message);
  }

  const item = (json: string, namespace = ANSWERS_NAMESPACE) =>
    strToU8(`<?xml version="1.0" encoding="UTF-8"?><answers xmlns="${namespace}" version="1">${json}</answers>`);

  it('refuses a file that is not a zip', () => {
    expectRefusal(strToU8('%PDF-1.7 this is not a Word file'));
    expectRefusal(new Uint8Array());
  });

  it('refuses a zip with no answers of ours', () => {
    expectRefusal(zipSync({ 'word/document.xml': strToU8('<w:document/>'), 'notes.txt': strToU8('hello') }));
    // Someone else's custom XML part is not ours, whatever it holds.
    expectRefusal(zipSync({ 'customXml/item1.xml': item('{"a":1}', 'urn:someone-else') }));
  });

  it('refuses answers that are not JSON', () => {
    expectRefusal(zipSync({ 'customXml/item1.xml': item('{not json') }));
  });

  it('refuses an oversized part without inflating it', () => {
    const huge = strToU8(`<answers xmlns="${ANSWERS_NAMESPACE}" version="1">"${' '.repeat(MAX_ANSWERS_PART_BYTES)}"</answers>`);
    const bomb = zipSync({ 'customXml/item1.xml': huge }, { level: 9 });
    expect(bomb.length).toBeLessThan(MAX_ANSWERS_PART_BYTES / 100); // a few kB that would inflate to 2 MB
    expectRefusal(bomb, /too large/);
  });

  it('reads answers from a part that lies about its size only as far as the size it claims', () => {
    const honest = zipSync({ 'customXml/item1.xml': item(`"${'x'.repeat(100_000)}"`) }, { level: 9 });
    // Claim 64 bytes in both headers: the inflated text is cut there and is no longer our part.
    const forged = forgeUncompressedSize(honest, 64);
    expectRefusal(forged);
  });

  it('finds our part among others, after Word renumbers it', () => {
    const zip = zipSync({
      'customXml/item1.xml': item('{"theirs":true}', 'urn:someone-else'),
      'customXml/item2.xml': strToU8(`<a:answers version='1' xmlns:a="${ANSWERS_NAMESPACE}">{&quot;ok&quot;:&#x31;}</a:answers>`),
    });
    expect(readEmbeddedAnswers(zip)).toEqual({ ok: 1 });
  });
});

/** Rewrites every uncompressed-size field of a one-entry zip. */
function forgeUncompressedSize(zip: Uint8Array, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let offset = 0; offset < bytes.length - 4; offset++) {
    const signature = view.getUint32(offset, true);
    if (signature === 0x04034b50) view.setUint32(offset + 22, size, true); // local file header
    if (signature === 0x02014b50) view.setUint32(offset + 24, size, true); // central directory
  }
  return bytes;
}
