// Issue 25, Done when: LibreOffice prints every example (both languages, both
// paper sizes) with no page holding only the signatures or only a letter's
// closing, invoices on one page, and no justified line ended by a line break
// stretched across the page (「住　　所　　〒　　530-0001」). pdftotext reads
// the PDF back laid out; page-breaks.libreoffice.test.ts has the contract's
// other page rules.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersSchema, PAPER_SIZES, type AnswersInput, type PaperSize } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { assembleInvoice } from '../../src/invoices/assemble.ts';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import { assembleLetter } from '../../src/letters/assemble.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { LETTER_KINDS, letterRequestSchemas } from '../../src/letters/request.ts';
import { renderLetterDocx } from '../../src/render/docx.ts';
import { writeContractDocx } from '../../src/render/docx-package.ts';
import { renderInvoiceDocx } from '../../src/render/invoice-docx.ts';
import { letterFixture, LETTERS_DIR } from '../helpers/letters.ts';
import { libreOfficePrinter, type Printer } from '../helpers/libreoffice.ts';
import { nonEmpty } from '../helpers/non-empty.ts';
import { sampleInput, SAMPLE_NAMES, JA_SAMPLE_NAMES } from '../helpers/samples.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** Text compared without its spaces: pdftotext spaces Japanese out ("第 12 条") and lines up columns with runs of spaces. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** A page's lines without the running header (the project's name) and the footer ("Page 2 of 6", "2 / 6"). */
function bodyLines(projectName: string, page: readonly string[]): string[] {
  return page.filter((line) => squeeze(line) !== squeeze(projectName) && !/^\s*(Page \d+ of \d+|\d+ ?\/ ?\d+)\s*$/.test(line));
}

/**
 * The answers with each party's address on two lines, the postcode first, as
 * people type a Japanese address: the line before the break is the one a
 * justified paragraph stretched.
 */
function withTwoLineAddresses(input: Loose): Loose {
  const twoLines = (address: string) => (address.includes('\n') ? address : `〒530-0001\n${address}`);
  return { ...input, freelancer: { ...input.freelancer, address: twoLines(input.freelancer.address) }, client: { ...input.client, address: twoLines(input.client.address) } };
}

/** Every line of user text that ends in a line break (all but the last line of a text with \n), anywhere in the tree. */
function softBrokenLines(tree: unknown): string[] {
  const lines: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.includes('\n')) lines.push(...value.split('\n').slice(0, -1).filter((line) => line.trim() !== ''));
    } else if (Array.isArray(value)) value.forEach(walk);
    // Not the answers it carries, nor the email that goes with it: only what is printed.
    else if (value && typeof value === 'object') Object.entries(value).forEach(([key, child]) => key !== 'answers' && key !== 'email' && walk(child));
  };
  walk(tree);
  return lines;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}〒]/u;

/**
 * Whether the printed line a line break ends is stretched: two
 * characters that touch in the source (住所) printed apart (住 所). Latin
 * words are spaced anyway, so pairs of CJK characters are what tell.
 */
function stretched(source: string, printed: readonly string[]): string | undefined {
  const pairs: string[] = [];
  const chars = [...source];
  for (let i = 0; i + 1 < chars.length; i++) if (CJK.test(chars[i]!) && CJK.test(chars[i + 1]!)) pairs.push(chars[i]! + chars[i + 1]!);
  // The printed line the line break ends: the whole source line, or, when it wraps, its last part.
  const line =
    printed.find((candidate) => squeeze(candidate).includes(squeeze(source))) ??
    printed.find((candidate) => squeeze(candidate).length >= 6 && squeeze(source).endsWith(squeeze(candidate)));
  if (line === undefined) return `"${source}" is not printed with its line break`;
  const apart = pairs.find((pair) => new RegExp(`${pair[0]}\\s+${pair[1]}`, 'u').test(line));
  return apart ? `"${line.trim()}" is stretched (${apart} printed apart)` : undefined;
}

let printer: Printer;

beforeAll(async () => {
  printer = await libreOfficePrinter('word-layout-');
});
afterAll(async () => {
  await printer?.close();
});

const contractLibrary = loadContractLibrary();
const letterLibrary = loadLetterLibrary();

const CONTRACTS = [
  ...nonEmpty(SAMPLE_NAMES, 'English samples').map((name) => ({ name, input: sampleInput(name) })),
  ...nonEmpty(JA_SAMPLE_NAMES, 'Japanese samples').map((name) => ({ name, input: sampleInput(name) })),
  { name: 'ja/osaka-hourly with two-line addresses', input: withTwoLineAddresses(sampleInput('ja/osaka-hourly')) },
].flatMap(({ name, input }) => PAPER_SIZES.map((paperSize) => ({ name: `${name} on ${paperSize}`, input: { ...input, paperSize } as AnswersInput })));

describe.each(CONTRACTS)('the $name contract, printed by LibreOffice', ({ name, input }) => {
  it('holds the clause before the signatures on the signatures page, and stretches no line ended by a line break', async () => {
    const contract = assembleContract(answersSchema.parse(input), contractLibrary);
    const pages = (await printer.printedPages(await writeContractDocx(contract), name.replace(/\W+/g, '-'))).map((page) => bodyLines(contract.meta.projectName, page));
    const signatures = contract.sections.at(-1)!;
    const heading = squeeze(contract.meta.language === 'ja' ? `第${contract.sections.length}条${signatures.title}` : `${contract.sections.length}.${signatures.title}`);
    const page = pages.find((lines) => lines.some((line) => squeeze(line) === heading));
    expect(page, 'the signatures heading is printed').toBeDefined();
    expect(page!.findIndex((line) => squeeze(line) === heading), 'lines of the clause before come first on the page').toBeGreaterThan(0);
    for (const source of softBrokenLines(contract)) expect(stretched(source, pages.flat())).toBeUndefined();
  });
});

const JA_LETTER = JSON.parse(readFileSync(`${LETTERS_DIR}../letters-ja/sample-letter.json`, 'utf8'));

/** Payment details near the most the field takes (890 of 1,000 characters), over 18 lines: the final notice then runs to two pages. */
const LONG_HOW_TO_PAY = Array.from({ length: 18 }, (_, index) => `振込先${index + 1}：三井住友銀行 東京中央支店 普通預金 口座番号1234567 口座名義 サトウハナコ。`).join('\n');

const LETTERS = [
  ...(['en', 'ja'] as const).flatMap((language) => {
    const fixture = language === 'en' ? letterFixture() : JA_LETTER;
    const answers = language === 'ja' ? withTwoLineAddresses(sampleInput(fixture.answers)) : sampleInput(fixture.answers);
    return LETTER_KINDS.flatMap((kind) => PAPER_SIZES.map((paperSize: PaperSize) => ({ name: `${language} ${kind} on ${paperSize}`, kind, input: { answers: { ...answers, paperSize }, letter: fixture.letter } })));
  }),
  ...PAPER_SIZES.map((paperSize: PaperSize) => ({
    name: `ja final-notice with long payment details on ${paperSize}`,
    kind: 'final-notice' as const,
    input: { answers: { ...sampleInput(JA_LETTER.answers), paperSize }, letter: { ...JA_LETTER.letter, howToPay: LONG_HOW_TO_PAY } },
  })),
];

describe.each(LETTERS)('the $name letter, printed by LibreOffice', ({ name, kind, input }) => {
  it('keeps its closing with the last paragraph (no page holds only the closing), and stretches no line ended by a line break', async () => {
    const letter = assembleLetter(kind, letterRequestSchemas[kind].parse(input), letterLibrary);
    const pages = (await printer.printedPages(await renderLetterDocx(letter), name.replace(/\W+/g, '-'))).map((page) => bodyLines(letter.meta.projectName, page));
    const page = pages.find((lines) => lines.some((line) => squeeze(line) === squeeze(letter.closing)));
    expect(page, 'the closing is printed').toBeDefined();
    expect(page!.findIndex((line) => squeeze(line) === squeeze(letter.closing)), 'body text comes before the closing on its page').toBeGreaterThan(0);
    for (const source of softBrokenLines(letter)) expect(stretched(source, pages.flat())).toBeUndefined();
  });
});

const INVOICES: [string, string, Record<string, unknown>][] = [
  ['deposit', 'new-client-fixed', { kind: 'deposit', number: 'INV-2026-001', issuedOn: '2026-12-01' }],
  ['balance', 'new-client-fixed', { kind: 'balance', number: 'INV-2027-014', issuedOn: '2027-04-26', lateFeeSince: '2027-03-12', expenses: [{ description: 'Stock photos', amount: 250 }] }],
  ['ja deposit', 'ja/tokyo-fixed', { kind: 'deposit', number: 'T-1', issuedOn: '2027-04-01' }],
  ['ja balance', 'ja/tokyo-fixed', { kind: 'balance', number: 'T-2', issuedOn: '2027-06-30', expenses: [{ description: '写真素材', amount: 20000 }] }],
  ['ja hours', 'ja/osaka-hourly', { kind: 'hours', number: 'O-3', issuedOn: '2027-06-30', hours: 12.25, final: true, expenses: [{ description: '交通費', amount: 1200 }] }],
];

describe.each(INVOICES.flatMap(([name, sample, invoice]) => PAPER_SIZES.map((paperSize) => ({ name: `${name} on ${paperSize}`, sample, invoice, paperSize }))))(
  'the $name invoice, printed by LibreOffice',
  ({ name, sample, invoice, paperSize }) => {
    it('fits on one page, and stretches no line ended by a line break', async () => {
      const answers = { ...(sample.startsWith('ja/') ? withTwoLineAddresses(sampleInput(sample)) : sampleInput(sample)), paperSize };
      const document = assembleInvoice(invoiceRequestSchema.parse({ answers, invoice }));
      const pages = await printer.printedPages(await renderInvoiceDocx(document), `invoice-${name.replace(/\W+/g, '-')}`);
      expect(pages).toHaveLength(1);
      for (const source of softBrokenLines(document)) expect(stretched(source, pages.flat())).toBeUndefined();
    });
  },
);

// An invoice with many expenses runs to two pages or more. The notes after the totals (withholding,
// the bank details, the closing words) keep with the totals and the last lines: the last page never
// holds them alone.
const EXPENSES = ['写真素材', '交通費（東京－大阪）', '宿泊費', '印刷費', '翻訳チェック外注費', 'フォント使用料', '郵送料', '資料購入費', '会議室使用料', 'クラウドストレージ利用料', '撮影機材レンタル', '通訳手配費'];
const expenses = (count: number) => Array.from({ length: count }, (_, index) => ({ description: `${EXPENSES[index % EXPENSES.length]!}${index >= EXPENSES.length ? `（${index + 1}）` : ''}`, amount: 1000 * (index + 1) + 200 }));

describe.each([12, 20].flatMap((count) => PAPER_SIZES.map((paperSize) => ({ name: `${count} expenses on ${paperSize}`, count, paperSize }))))(
  'the ja balance invoice with $name, printed by LibreOffice',
  ({ name, count, paperSize }) => {
    it('holds the last lines and the totals on the page of its notes', async () => {
      const answers = { ...withTwoLineAddresses(sampleInput('ja/tokyo-fixed')), paperSize };
      const document = assembleInvoice(invoiceRequestSchema.parse({ answers, invoice: { kind: 'balance', number: 'T-2', issuedOn: '2027-06-30', expenses: expenses(count) } }));
      const pages = (await printer.printedPages(await renderInvoiceDocx(document), `long-invoice-${name.replace(/\W+/g, '-')}`)).map((page) => bodyLines(document.meta.projectName, page));
      expect(pages.length, 'the invoice runs onto a second page').toBeGreaterThan(1);
      const last = squeeze(pages.at(-1)!.join(''));
      expect(last).toContain(squeeze(document.lines.lines.at(-1)!.description));
      expect(last).toContain(squeeze(document.lines.totals.at(-1)!.label));
    });
  },
);

// Emails long and full of hyphens, so a line end falls inside them: LibreOffice may break a line after
// any hyphen, and an address split there reads as one ending at "-". The Word file makes the hyphens
// inside an address non-breaking; printed, each address is on one line, and copied it is the address.
// In the Japanese notices clause the address follows 電子メール： with no space, where LibreOffice 7.4
// finds no break before it and cut it between two letters ("ya-ma-da-k.e" / "xample"): the Word
// file puts a 1-point space there (render/address-hyphens.ts).
const HYPHENATED = {
  client: 'yama-da-ta-ro-of-fi-ce@ya-ma-da-k.example',
  freelancer: 'ki-mu-ra-de-si-gn@ki-mu-ra-wo-rks.example',
};

describe.each(['new-client-fixed', 'returning-client-hourly', 'ja/tokyo-fixed', 'ja/osaka-hourly'].flatMap((sample) => PAPER_SIZES.map((paperSize) => ({ name: `${sample} on ${paperSize}`, sample, paperSize }))))(
  'the $name contract with long hyphenated emails, printed by LibreOffice',
  ({ name, sample, paperSize }) => {
    it('prints each email whole on one line, with its hyphens', async () => {
      const input = sampleInput(sample) as Loose;
      const answers = { ...input, paperSize, client: { ...input.client, email: HYPHENATED.client }, freelancer: { ...input.freelancer, email: HYPHENATED.freelancer } };
      const contract = assembleContract(answersSchema.parse(answers), contractLibrary);
      const lines = (await printer.printedPages(await writeContractDocx(contract), `emails-${name.replace(/\W+/g, '-')}`)).flat();
      for (const email of Object.values(HYPHENATED)) {
        // Every place the email is printed (parties, notices): on one line, never cut at a hyphen.
        const parts = lines.filter((line) => squeeze(line).includes(email.slice(0, 12)) || squeeze(line).includes(email.slice(-12)));
        expect(parts.length, `${email} is printed`).toBeGreaterThan(0);
        for (const line of parts) expect(squeeze(line), `the line "${line.trim()}"`).toContain(email);
      }
    });
  },
);
