// Issue 25, the OOXML check: every Word file the app makes (contracts from
// both writers, every letter, invoices), in English and Japanese, defines
// every style it names, declares every font it uses in word/fontTable.xml,
// states its language, and is by one creator across a draft's documents.
// Readers that find a style missing fall back to Normal (a header in body
// size), and LibreOffice, given an undeclared Japanese face, picks a gothic one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answersSchema, type Language } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { assembleInvoice } from '../../src/invoices/assemble.ts';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import { assembleLetter } from '../../src/letters/assemble.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { LETTER_KINDS, letterRequestSchemas } from '../../src/letters/request.ts';
import { renderContractDocx, renderLetterDocx } from '../../src/render/docx.ts';
import { writeContractDocx } from '../../src/render/docx-package.ts';
import { renderInvoiceDocx } from '../../src/render/invoice-docx.ts';
import { descendants, findAll, findFirst, openDocx, W, type DocxPackage, type XmlElement } from '../helpers/docx-reader.ts';
import { nonEmpty } from '../helpers/non-empty.ts';
import { sampleInput } from '../helpers/samples.ts';

/** One draft in each language: its sample answers and the letter fixture made from them. */
const DRAFTS: Record<Language, { sample: string; letterFixture: string; invoices: Record<string, unknown>[] }> = {
  en: {
    sample: 'new-client-fixed',
    letterFixture: '../../clauses/letters/sample-letter.json',
    invoices: [
      { kind: 'deposit', number: 'INV-2026-001', issuedOn: '2026-12-01' },
      { kind: 'balance', number: 'INV-2027-014', issuedOn: '2027-04-26', lateFeeSince: '2027-03-12' },
    ],
  },
  ja: {
    sample: 'ja/tokyo-fixed',
    letterFixture: '../../clauses/letters-ja/sample-letter.json',
    invoices: [
      { kind: 'deposit', number: 'T-1', issuedOn: '2027-04-01' },
      { kind: 'balance', number: 'T-2', issuedOn: '2027-06-30', expenses: [{ description: '写真素材', amount: 20000 }] },
    ],
  },
};

interface Made {
  readonly name: string;
  readonly docx: DocxPackage;
}

/**
 * Every Word file of the draft: the contract from both writers, each letter,
 * each invoice. Made on the first test that asks (inside a test, as
 * test/README.md asks) and kept for the other checks of the language.
 */
const made = new Map<Language, Promise<Made[]>>();
function everyDocument(language: Language): Promise<Made[]> {
  let documents = made.get(language);
  if (!documents) made.set(language, (documents = makeEveryDocument(language)));
  return documents;
}

async function makeEveryDocument(language: Language): Promise<Made[]> {
  const draft = DRAFTS[language];
  const answers = sampleInput(draft.sample);
  const contract = assembleContract(answersSchema.parse(answers), loadContractLibrary());
  const fixture = JSON.parse(readFileSync(new URL(draft.letterFixture, import.meta.url), 'utf8'));
  const documents: Made[] = [
    { name: 'contract (docx library)', docx: openDocx(await renderContractDocx(contract)) },
    { name: 'contract (fast writer)', docx: openDocx(await writeContractDocx(contract)) },
  ];
  for (const kind of LETTER_KINDS) {
    const request = letterRequestSchemas[kind].parse({ answers: sampleInput(fixture.answers), letter: fixture.letter });
    documents.push({ name: `letter ${kind}`, docx: openDocx(await renderLetterDocx(assembleLetter(kind, request, loadLetterLibrary()))) });
  }
  for (const invoice of draft.invoices) {
    const document = assembleInvoice(invoiceRequestSchema.parse({ answers: sampleInput(draft.sample), invoice }));
    documents.push({ name: `invoice ${String(invoice.kind)}`, docx: openDocx(await renderInvoiceDocx(document)) });
  }
  return documents;
}

const wordParts = (docx: DocxPackage) => docx.partNames.filter((name) => name.startsWith('word/') && name.endsWith('.xml'));

/** Style ids a part names: a paragraph's, a run's or a table's style, and in styles.xml what a style is based on, followed by or linked to. */
function referencedStyles(part: XmlElement): Set<string> {
  const ids = new Set<string>();
  for (const element of descendants(part)) {
    if (element.uri === W && ['pStyle', 'rStyle', 'tblStyle', 'basedOn', 'next', 'link'].includes(element.local)) ids.add(element.attributes['w:val']!);
  }
  return ids;
}

/** The fonts a part names in w:rFonts, by any of the four scripts. */
function usedFonts(part: XmlElement): Set<string> {
  const fonts = new Set<string>();
  for (const element of findAll(part, W, 'rFonts')) {
    for (const slot of ['w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs']) {
      const font = element.attributes[slot];
      if (font) fonts.add(font);
    }
  }
  return fonts;
}

describe.each(['en', 'ja'] as const)('every Word file of a draft in %s', (language) => {
  it('defines every style it names: Header, Footer and DefaultParagraphFont included', async () => {
    for (const { name, docx } of nonEmpty(await everyDocument(language), 'documents')) {
      const styles = docx.xml('word/styles.xml');
      const defined = new Set(findAll(styles, W, 'style').map((style) => style.attributes['w:styleId']));
      const referenced = new Set(wordParts(docx).flatMap((part) => [...referencedStyles(docx.xml(part))]));
      expect(referenced.has('Header') && referenced.has('DefaultParagraphFont'), `${name} names Header and DefaultParagraphFont`).toBe(true);
      expect([...referenced].filter((id) => !defined.has(id)), `${name}: styles named but not defined`).toEqual([]);
    }
  });

  it('declares every font it uses in the font table, with a Mincho serif for Japanese', async () => {
    for (const { name, docx } of nonEmpty(await everyDocument(language), 'documents')) {
      const declared = findAll(docx.xml('word/fontTable.xml'), W, 'font');
      const names = new Set(declared.map((font) => font.attributes['w:name']));
      const used = new Set(wordParts(docx).flatMap((part) => [...usedFonts(docx.xml(part))]));
      expect(used.size, `${name} names a font`).toBeGreaterThan(0);
      expect([...used].filter((font) => !names.has(font)), `${name}: fonts used but not declared`).toEqual([]);
      // Each declared with what a reader picks a substitute by: its family and character set.
      for (const font of declared) expect(findFirst(font, W, 'family')?.attributes['w:val'], `${name}: ${font.attributes['w:name']}`).toBeTruthy();
      if (language === 'ja') {
        expect([...used]).toEqual(['ＭＳ 明朝']);
        expect(findFirst(declared[0]!, W, 'altName')?.attributes['w:val']).toBe('MS Mincho');
        expect(findFirst(declared[0]!, W, 'charset')?.attributes['w:val']).toBe('80');
      }
    }
  });

  it('states its language in the core properties and the settings Word lays the text out by', async () => {
    for (const { name, docx } of nonEmpty(await everyDocument(language), 'documents')) {
      expect(docx.coreProperties().language, name).toBe(language === 'ja' ? 'ja-JP' : 'en-US');
      const settings = docx.xml('word/settings.xml');
      const themeFontLang = findFirst(settings, W, 'themeFontLang')?.attributes;
      const spacing = findFirst(settings, W, 'characterSpacingControl')?.attributes['w:val'];
      if (language === 'ja') {
        expect(themeFontLang?.['w:eastAsia'], name).toBe('ja-JP');
        expect(spacing, name).toBe('compressPunctuation');
      } else {
        expect(themeFontLang?.['w:val'], name).toBe('en-US');
        expect(spacing, name).toBe('doNotCompress');
      }
      // A line ended by a line break is not stretched in a justified paragraph.
      expect(findFirst(findFirst(settings, W, 'compat')!, W, 'doNotExpandShiftReturn'), name).toBeDefined();
    }
  });

  it('names one creator for the contract, the letters and the invoices', async () => {
    const creators = new Set(nonEmpty(await everyDocument(language), 'documents').map(({ docx }) => docx.coreProperties().creator));
    expect([...creators]).toHaveLength(1);
    expect([...creators][0]).toBeTruthy();
  });

  it('prints its subtitle upright in Japanese (no italic kana) and italic in English', async () => {
    for (const { name, docx } of nonEmpty(await everyDocument(language), 'documents')) {
      const subtitle = findAll(docx.xml('word/styles.xml'), W, 'style').find((style) => style.attributes['w:styleId'] === 'Subtitle')!;
      const italic = findFirst(findFirst(subtitle, W, 'rPr')!, W, 'i');
      expect(italic !== undefined && italic.attributes['w:val'] !== 'false', name).toBe(language === 'en');
    }
  });
});
