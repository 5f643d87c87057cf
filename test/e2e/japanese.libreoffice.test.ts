// Issue 12, Done when: the Tokyo answers in Japanese give a Word file that
// LibreOffice opens, whose printed text reads 業務委託契約書, 第1条, 消費税
// 120,000円, withholding of 61,260円 on the deposit with 598,740円
// transferred, and the venue's 東京地方裁判所 and 東京簡易裁判所; printed in a
// Japanese font LibreOffice has (Noto CJK JP), from both Word writers.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { CONTRACT_RENDERERS } from '../helpers/contract-renderers.ts';
import { sampleInput } from '../helpers/samples.ts';

const run = promisify(execFile);
const CONVERT_TIMEOUT_MS = 180_000;
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'contract-ja-e2e-'));
});
afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const tokyo = assembleContract(answersSchema.parse(sampleInput('ja/tokyo-fixed')), loadContractLibrary());

describe.each(CONTRACT_RENDERERS)('the Tokyo contract in Japanese made by $name, printed by LibreOffice', ({ id, render }) => {
  let text: string;
  let fonts: string;

  beforeAll(async () => {
    const docx = join(workDir, `tokyo-${id}.docx`);
    await writeFile(docx, await render(tokyo));
    const profile = pathToFileURL(join(workDir, `profile-${id}`)).href;
    await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', workDir, docx], { timeout: CONVERT_TIMEOUT_MS });
    const pdf = docx.replace(/\.docx$/, '.pdf');
    // LibreOffice sets a space between Japanese and Latin digits when it lays the text out (第 1 条); the words are what count.
    text = (await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout.replace(/\s+/g, '');
    fonts = (await run('pdffonts', [pdf])).stdout;
  }, CONVERT_TIMEOUT_MS + 60_000);

  it('reads 業務委託契約書 and numbers the first clause 第1条', () => {
    expect(text).toContain('業務委託契約書');
    expect(text).toContain('第1条（目的）');
  });

  it('shows 消費税 120,000円 and the deposit with 61,260円 withheld and 598,740円 transferred', () => {
    expect(text).toContain('消費税（10%）120,000円');
    expect(text).toContain('源泉徴収税額61,260円を差し引いた振込額は598,740円');
  });

  it('names 東京地方裁判所 and 東京簡易裁判所', () => {
    expect(text).toContain('東京地方裁判所又は東京簡易裁判所');
  });

  it('prints in a Japanese font LibreOffice has', () => {
    expect(fonts).toMatch(/Noto(Sans|Serif)CJK/i);
  });
});
