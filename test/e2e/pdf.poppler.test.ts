// The PDF as poppler and qpdf read it, for every product example and every
// Japanese sample: qpdf finds no damage, pdffonts lists every font embedded
// and subset, pdftotext gives the same words in the same order as the Word
// file's text (less what Word draws itself: clause numbers, bullets, the page
// header and footer), and the pages, read one by one, never end on a clause
// heading and keep the signatures with the words that introduce them.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersSchema, type AnswersInput } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import type { Contract } from '../../src/contract/tree.ts';
import { writeContractDocx } from '../../src/render/docx-package.ts';
import { renderContractPdf } from '../../src/render/pdf.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { nonEmpty } from '../helpers/non-empty.ts';
import { JA_SAMPLE_NAMES, sampleInput } from '../helpers/samples.ts';

const run = promisify(execFile);
const EXAMPLES_DIR = new URL('../fixtures/product-examples/', import.meta.url);
const EXAMPLES = readdirSync(EXAMPLES_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name: name.replace(/\.json$/, ''), input: JSON.parse(readFileSync(new URL(name, EXAMPLES_DIR), 'utf8')) as AnswersInput }));
const CASES = [
  ...nonEmpty(EXAMPLES, 'product examples').flatMap(({ name, input }) => (['letter', 'a4'] as const).map((paperSize) => ({ name: `${name} on ${paperSize}`, input: { ...input, paperSize } }))),
  ...nonEmpty(JA_SAMPLE_NAMES, 'Japanese samples').map((name) => ({ name, input: sampleInput(name) as AnswersInput })),
];

const library = loadContractLibrary();
let dir: string;

beforeAll(async () => {
  for (const program of ['qpdf', 'pdffonts', 'pdftotext']) {
    await run(program, ['--version']).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new Error(`${program} is missing. Install it with: apt-get install -y --no-install-recommends qpdf poppler-utils`);
    });
  }
  dir = mkdtempSync(join(tmpdir(), 'pdf-poppler-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const squeeze = (text: string) => text.replace(/\s+/g, '');
const FOOTER = /^\s*(Page \d+ of \d+|\d+ ?\/ ?\d+)\s*$/;

/**
 * The text pdftotext reads in the content's order, less each page's running
 * header (its first line: the project's name) and footer, and the numbers and
 * bullets Word draws itself. pdftotext writes the ideographic space after a
 * Japanese point's number (2　) as a plain space.
 */
function bodyText(contract: Contract, text: string): string {
  const japanese = contract.meta.language === 'ja';
  // The numbers Word prints by itself and its text does not hold: 第N条, a 項's 2, 3, an item's (1), a bullet.
  const label = japanese ? /^(第\d+条|\d+[\u3000 ]|\(\d+\)[\u3000 ]|•\s*)/ : /^(\d+\.\d*\s+|•\s*)/;
  return text
    .split('\f')
    .flatMap((page) => {
      const lines = page.split('\n');
      if (squeeze(lines[0] ?? '') === squeeze(contract.meta.projectName)) lines.shift();
      return lines.filter((line) => !FOOTER.test(line));
    })
    .map((line) => line.replace(label, ''))
    .join('\n')
    // A line that ends after a word's own hyphen ("non-" / "payment") goes on with the same word, as in Word.
    .replace(/-\n/g, '-');
}

/** Words in order, as a reader compares them: English word by word (roles are printed in capitals, as Word shows them), Japanese character by character. */
function words(contract: Contract, text: string): string[] {
  if (contract.meta.language === 'ja') return [...squeeze(text)];
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

describe.each(CASES)('the $name contract as a PDF', ({ name, input }) => {
  let contract: Contract;
  let file: string;

  beforeAll(async () => {
    contract = assembleContract(answersSchema.parse(input), library);
    file = join(dir, `${name.replace(/\W+/g, '-')}.pdf`);
    writeFileSync(file, await renderContractPdf(contract));
  });

  it('passes qpdf --check', async () => {
    const { stdout } = await run('qpdf', ['--check', file]);
    expect(stdout).toContain('No syntax or stream encoding errors found');
  });

  it('has every font embedded and subset', async () => {
    const { stdout } = await run('pdffonts', [file]);
    const fonts = nonEmpty(stdout.split('\n').slice(2).filter((line) => line.trim() !== ''), 'fonts');
    for (const font of fonts) {
      expect(font).toMatch(/^[A-Z]{6}\+/);
      expect(font).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    }
  });

  it('reads as the same words in the same order as the Word file', async () => {
    const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const word = openDocx(await writeContractDocx(contract)).text();
    expect(words(contract, bodyText(contract, stdout))).toEqual(words(contract, word));
  });

  it('never ends a page on a clause heading, and keeps the signatures with their closing words', async () => {
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const pages = nonEmpty(stdout.split('\f').filter((page) => page.trim() !== ''), 'pages');
    const headings = contract.sections.map((section, index) => squeeze(contract.meta.language === 'ja' ? `第${index + 1}条${section.title}` : `${index + 1}.${section.title}`));
    pages.slice(0, -1).forEach((page) => {
      const lines = page.split('\n').filter((line) => line.trim() !== '' && !FOOTER.test(line));
      expect(headings).not.toContain(squeeze(lines[lines.length - 1] ?? ''));
    });
    if (contract.meta.language !== 'ja') {
      const signing = pages.filter((page) => squeeze(page).includes(squeeze('By signing below, each Party agrees to this Agreement.')));
      expect(signing).toHaveLength(1);
      expect(squeeze(signing[0]!)).toMatch(/Signature.*Title.*Date/);
    }
  });
});

describe('contracts made one after another in one process', () => {
  // The renderer keeps paragraphs' lines and fonts' subsets between documents (render/pdf-lines.ts, render/pdf.ts):
  // two clients' contracts, in turn, each read as its own Word file, none with a word of the other's.
  const cases = [
    { name: 'new-client-fixed', input: sampleInput('new-client-fixed') as AnswersInput },
    { name: 'returning-client-hourly', input: sampleInput('returning-client-hourly') as AnswersInput },
    { name: JA_SAMPLE_NAMES[0]!, input: sampleInput(JA_SAMPLE_NAMES[0]!) as AnswersInput },
  ];

  it('each reads as its own words, however the contracts alternate', async () => {
    const contracts = cases.map(({ input }) => assembleContract(answersSchema.parse(input), library));
    const expected = await Promise.all(contracts.map(async (contract) => words(contract, openDocx(await writeContractDocx(contract)).text())));
    // Different clients and terms: a line kept from one contract would show in the other.
    expect(expected[0]).not.toEqual(expected[1]);
    for (const round of [0, 1]) {
      for (const [index, contract] of contracts.entries()) {
        const file = join(dir, `alternating-${round}-${index}.pdf`);
        writeFileSync(file, await renderContractPdf(contract));
        const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
        expect(words(contract, bodyText(contract, stdout)), `${cases[index]!.name}, round ${round + 1}`).toEqual(expected[index]);
      }
    }
  });
});

describe('right-to-left text typed in a field', () => {
  // A Hebrew client whose business name holds brackets and a year, at an address in Arabic.
  const input = sampleInput('new-client-fixed') as AnswersInput & { client: Record<string, string> };
  const answers = { ...input, client: { ...input.client, name: 'דוד כהן', business: 'שרותי עיצוב (ירושלים) בע"מ 2024', address: 'شركة السلام للتجارة، شارع الملك فهد 12' } };
  let file: string;

  beforeAll(async () => {
    file = join(dir, 'right-to-left.pdf');
    writeFileSync(file, await renderContractPdf(assembleContract(answersSchema.parse(answers), library)));
  });

  it('embeds a Hebrew and an Arabic face, subset', async () => {
    const { stdout } = await run('pdffonts', [file]);
    expect(stdout).toMatch(/^[A-Z]{6}\+NotoSansHebrew-Regular\s.*yes\s+yes\s+yes/m);
    expect(stdout).toMatch(/^[A-Z]{6}\+NotoSansArabic-Regular\s.*yes\s+yes\s+yes/m);
  });

  it('copies as the words typed, in the order typed, brackets facing the right way', async () => {
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    // pdftotext wraps what it reads right to left in embedding marks; a reader copying the words does not see them.
    const text = stdout.replace(/[\u202a-\u202e]/g, '');
    expect(text).toContain('דוד כהן');
    expect(text).toContain('שרותי עיצוב (ירושלים) בע"מ');
    // pdftotext cuts the Arabic address at its comma; each part reads as typed.
    expect(text).toContain('شركة السلام للتجارة');
    expect(text).toContain('شارع الملك فهد');
  });
});
