// The Word file as a user meets it: opened by a real word processor and
// printed. LibreOffice converts each DOCX to PDF (resolving the page-number
// fields and the clause numbering on the way), and pdftotext reads the PDF.
// CI installs the tools; on a machine without them these tests fail, loudly,
// rather than pass by skipping.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersSchema, LIMITS, type AnswersInput } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import type { Contract } from '../../src/contract/tree.ts';
import { CONTRACT_RENDERERS } from '../helpers/contract-renderers.ts';
import { SAMPLE_NAMES, sampleInput } from '../helpers/samples.ts';

const run = promisify(execFile);
const CONVERT_TIMEOUT_MS = 180_000;
const INSTALL_HINT =
  'Install them with: apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-noto-cjk';

async function requireTool(command: string, args: string[]): Promise<void> {
  try {
    await run(command, args, { timeout: 60_000 });
  } catch (error) {
    throw new Error(`"${command}" is needed for the LibreOffice tests and could not be run (${(error as Error).message}). ${INSTALL_HINT}`, { cause: error });
  }
}

let workDir: string;

/** A PDF page's width and height in points, as pdfinfo reports them. */
interface PageSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Converts a DOCX to PDF with LibreOffice and returns the PDF's text,
 * whitespace collapsed, and its (first) page size from pdfinfo.
 */
async function printedText(docx: Buffer, name: string): Promise<{ text: string; pageSize: PageSize; soffice: { stdout: string; stderr: string } }> {
  const dir = join(workDir, name);
  const docxPath = join(dir, `${name}.docx`);
  const pdfPath = join(dir, `${name}.pdf`);
  await mkdir(dir, { recursive: true });
  await writeFile(docxPath, docx);
  // Each soffice needs a profile of its own: two sharing one block each other.
  const profile = pathToFileURL(join(workDir, `profile-${randomUUID()}`)).href;
  const soffice = await run(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, docxPath],
    { timeout: CONVERT_TIMEOUT_MS },
  );
  if (!existsSync(pdfPath)) {
    throw new Error(`LibreOffice made no PDF from ${name}.docx.\nstdout: ${soffice.stdout}\nstderr: ${soffice.stderr}`);
  }
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  const info = await run('pdfinfo', [pdfPath], { timeout: 60_000 });
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info.stdout);
  if (!size) throw new Error(`pdfinfo gave no page size for ${name}.pdf:\n${info.stdout}`);
  return { text: stdout.replace(/\s+/g, ' '), pageSize: { width: Number(size[1]), height: Number(size[2]) }, soffice };
}

const library = loadContractLibrary();

/**
 * Printed text compared without its white space: where a line breaks moves
 * with the font's metrics, and pdftotext reads a break inside "non-payment" or
 * 消費税 as a space.
 */
const squeeze = (value: string) => value.replace(/\s+/g, '');
const contractFrom = (input: AnswersInput): Contract => assembleContract(answersSchema.parse(input), library);

/** The examples name no paper size: it follows the currency (USD: US Letter, GBP: A4). */
const SAMPLE_PAPER: Record<string, 'letter' | 'a4'> = {
  'new-client-fixed': 'letter',
  'returning-client-hourly': 'a4',
  'retainer-prepaid': 'letter',
};

/** US Letter is 612 x 792 pt; A4 is 595.3 x 841.9 pt (pdfinfo prints 595.304 x 841.89, or so). */
function expectPaper(pageSize: PageSize, paper: 'letter' | 'a4') {
  if (paper === 'letter') {
    expect(pageSize).toEqual({ width: 612, height: 792 });
  } else {
    expect(Math.floor(pageSize.width), `A4 width, got ${pageSize.width}`).toBe(595);
    expect(Math.floor(pageSize.height), `A4 height, got ${pageSize.height}`).toBe(841);
  }
}

/** What the printed sample must say, from its answers. */
const SAMPLE_FACTS: Record<string, { deposit: string; killFee: string; venue: string }> = {
  'new-client-fixed': { deposit: '$6,000.00', killFee: 'for 14 days counted from the day after', venue: 'Multnomah County' },
  'returning-client-hourly': { deposit: '£1,530.00', killFee: 'for 10 days counted from the day after', venue: 'England and Wales sitting in London' },
  'retainer-prepaid': { deposit: '$2,500.00', killFee: 'for 21 days counted from the day after', venue: 'Cook County' },
};

beforeAll(async () => {
  await requireTool('soffice', ['--version']);
  await requireTool('pdftotext', ['-v']);
  await requireTool('pdfinfo', ['-v']);
  workDir = await mkdtemp(join(tmpdir(), 'contract-e2e-'));
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

// Both Word files of each contract: the docx library's and the fast writer's that the API serves.
const SAMPLES_BY_RENDERER = CONTRACT_RENDERERS.flatMap(({ id, name, render }) => SAMPLE_NAMES.map((sample) => [sample, name, { id, render }] as const));

describe.each(SAMPLES_BY_RENDERER)('the %s contract made by %s, opened in LibreOffice and printed', (sample, _renderer, { id, render }) => {
  let contract: Contract;
  let text: string;
  let pageSize: PageSize;

  beforeAll(async () => {
    contract = contractFrom(sampleInput(sample));
    ({ text, pageSize } = await printedText(await render(contract), `${sample}-${id}`));
  }, CONVERT_TIMEOUT_MS + 60_000);

  it('prints on the paper its currency suggests: US Letter for dollars, A4 for pounds', () => {
    expect(SAMPLE_PAPER[sample], `paper for sample ${sample}`).toBeDefined();
    expectPaper(pageSize, SAMPLE_PAPER[sample]!);
  });

  it('shows the title and both parties with their phone numbers', () => {
    expect(text).toContain(contract.title);
    for (const party of [contract.answers.freelancer, contract.answers.client]) {
      expect(text).toContain(party.name);
      expect(text).toContain(party.phone);
    }
  });

  it('states the deposit, the kill-fee silence period and the venue', () => {
    const facts = SAMPLE_FACTS[sample];
    expect(facts, `expectations for sample ${sample}`).toBeDefined();
    expect(text).toContain(facts!.deposit);
    expect(text).toContain(facts!.killFee);
    expect(text).toContain(facts!.venue);
  });

  it('numbers the clause headings (Word numbering, resolved by LibreOffice)', () => {
    expect(text).toContain('1. Parties and effective date');
    const last = contract.sections.length;
    expect(text).toContain(`${last}. ${contract.sections[last - 1]!.title}`);
  });

  it('every "clause N" in the wording is the clause LibreOffice numbers N', () => {
    const termination = contract.sections.findIndex((section) => section.id === 'termination') + 1;
    expect(text).toContain(`${termination}. Termination and kill fee`);
    expect(squeeze(text)).toContain(squeeze(`may end this Agreement for non-payment (clause ${termination})`));
    const acceptance = contract.sections.findIndex((section) => section.id === 'acceptance') + 1;
    expect(text).toContain(`${acceptance}. Acceptance`);
    expect(squeeze(text)).toContain(squeeze(`accepted under clause ${acceptance}`));
  });

  it('reads cleanly: no empty value, no unfilled reference, no doubled word', () => {
    expect(text).not.toMatch(/undefined|NaN|\[object|clause \D|\bthe the\b|\(\s*\)|\s[.,;]\s/);
  });

  it('prints "Page X of Y" in the footer, with the fields filled in', () => {
    expect(text).toMatch(/Page 1 of [1-9]\d*/);
    const total = Number(/Page 1 of (\d+)/.exec(text)![1]);
    expect(text).toContain(`Page ${total} of ${total}`);
  });
});

describe.each(CONTRACT_RENDERERS)('a Tokyo contract in yen with consumption tax, made by $name, opened in LibreOffice', ({ id, render }) => {
  let text: string;
  beforeAll(async () => {
    const base = sampleInput('new-client-fixed');
    const input: AnswersInput = {
      ...base,
      fee: { ...base.fee, currency: 'JPY', total: 1_200_000, tax: { label: '消費税', percent: 10 }, paymentMethod: '三菱UFJ銀行 渋谷支店 普通 1234567' },
      jurisdiction: { governingLaw: 'Japan', venue: 'Tokyo District Court', smallClaims: true },
    };
    ({ text } = await printedText(await render(contractFrom(input)), `tokyo-${id}`));
  }, CONVERT_TIMEOUT_MS + 60_000);

  it('names the Tokyo District Court as a court, and the small-claims procedure of a summary court (never an invented small claims court)', () => {
    expect(text).toContain('governed by the laws of Japan');
    expect(text).toContain('brought in the Tokyo District Court, and each Party');
    expect(text).toContain('the small claims procedure (shōgaku soshō) of a summary court');
    expect(text).not.toContain('small claims court for');
    expect(text).not.toContain('courts of Tokyo District Court');
  });

  it('shows yen without decimals, the tax line, the deposit with tax and the worked example', () => {
    for (const printed of [
      'Total price, before 消費税 ¥1,200,000',
      '消費税 at 10% ¥120,000',
      'Total price, with 消費税 ¥1,320,000',
      '¥600,000 plus 消費税 of ¥60,000, ¥660,000 in all',
      'it owes ¥240,000 plus a kill fee of 25% of ¥960,000 (¥240,000), ¥480,000 in all',
    ]) {
      expect(squeeze(text)).toContain(squeeze(printed));
    }
    // pdftotext puts a space where the script changes (三菱 UFJ 銀行), so only the Japanese run is compared.
    expect(text).toContain('渋谷支店 普通 1234567');
    expect(text).not.toMatch(/¥[\d,]+\.\d/);
  });
});

describe('a contract made from hostile answers, opened in LibreOffice', () => {
  const head = `שלום עליכם <script>alert("x")</script> &amp; "quoted" 😀 契約書の条項 \u0001\uFFFE\uFFFF\uD800\nsecond line `;
  const hostile = (limit: number) => head + 'W'.repeat(Math.min(10_000, limit - head.length));
  const base = sampleInput('new-client-fixed');
  const input: AnswersInput = {
    ...base,
    freelancer: { ...base.freelancer, name: hostile(LIMITS.name), business: hostile(LIMITS.name), title: hostile(LIMITS.title), address: hostile(LIMITS.address) },
    client: { ...base.client, name: hostile(LIMITS.name), business: hostile(LIMITS.name), address: hostile(LIMITS.address) },
    project: { ...base.project, name: hostile(LIMITS.projectName), description: hostile(LIMITS.description), deliverables: [hostile(LIMITS.deliverable)] },
    jurisdiction: { ...base.jurisdiction, governingLaw: hostile(LIMITS.jurisdiction), venue: hostile(LIMITS.jurisdiction) },
  };

  it.each(CONTRACT_RENDERERS)('converts, showing the CJK text and the markup as text (made by $name)', async ({ id, render }) => {
    const { text } = await printedText(await render(contractFrom(input)), `hostile-${id}`);
    expect(text).toContain('契約書の条項');
    expect(text).toContain('<script>alert("x")</script>');
    expect(text).toContain('Page 1 of');
    // The deposit sentence after the long description still prints: the long word did not swallow the page.
    expect(text).toContain('$6,000.00');
  }, CONVERT_TIMEOUT_MS + 60_000);
});
