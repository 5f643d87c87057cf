// The claim pack as a court clerk or a lawyer meets it: every Word file in the
// zip opened by LibreOffice (headless, a profile of its own), printed to PDF and
// read back with pdftotext; then the statement of account's figures, as
// printed, checked against the invoices' own printed totals and the payments,
// to the penny and to the yen. Needs soffice and pdftotext (see
// test/e2e/libreoffice.test.ts).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimPackRequest, ENGLAND_BALANCE, englandAnswers, TOKYO_BALANCE, tokyoFinalNotice } from '../helpers/claim-packs.ts';
import { sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

const run = promisify(execFile);

let app: FastifyInstance;
let workDir: string;
beforeAll(async () => {
  app = await buildTestApp({ rateLimitPerMinute: 0 });
  workDir = await mkdtemp(join(tmpdir(), 'claim-pack-e2e-'));
});
afterAll(async () => {
  await app?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/**
 * Every .docx of the pack printed by one LibreOffice run (one start-up for the
 * whole pack; its own profile, so it never waits on another test's soffice).
 * Returns each file's printed text (pdftotext -layout), by its name in the zip.
 */
async function printPack(zip: Buffer, label: string): Promise<Map<string, string>> {
  const dir = join(workDir, label);
  await mkdir(dir, { recursive: true });
  const docxNames = Object.entries(unzipSync(zip)).filter(([name]) => name.endsWith('.docx'));
  // Flat, numbered names: the zip's folders and Japanese names stay out of the command line.
  const byFile = new Map<string, string>();
  for (const [index, [name, data]] of docxNames.entries()) {
    const file = `doc-${String(index).padStart(2, '0')}`;
    await writeFile(join(dir, `${file}.docx`), data);
    byFile.set(file, name);
  }
  const profile = pathToFileURL(join(workDir, `profile-${label}`)).href;
  const inputs = [...byFile.keys()].map((file) => join(dir, `${file}.docx`));
  await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, ...inputs], { timeout: 300_000 });
  const printed = new Map<string, string>();
  for (const [file, name] of byFile) {
    const pdf = join(dir, `${file}.pdf`);
    if (!existsSync(pdf)) throw new Error(`LibreOffice made no PDF from ${name} (files: ${(await readdir(dir)).join(', ')})`);
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    printed.set(name, stdout);
  }
  return printed;
}

async function packOf(payload: unknown): Promise<Buffer> {
  const response = await app.inject({ method: 'POST', url: '/api/claim-pack', payload: payload as object, headers: { 'content-type': 'application/json' } });
  expect(response.statusCode, response.body).toBe(200);
  return response.rawPayload;
}

/** Pence or yen, from a printed amount: "£3,070.00" -> 307000, "-£500.00" -> -50000, "598,740 円" -> 598740. */
function minor(printed: string): number {
  const negative = printed.trim().startsWith('-');
  const digits = printed.replace(/\D/g, '');
  return (negative ? -1 : 1) * Number(digits);
}

const POUNDS = /-?£[\d,]+\.\d{2}/;
const YEN = /-?[\d,]+\s*円/;

/** The lines of one table of the printed statement, from its caption to the blank line after it. */
function section(text: string, caption: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim() === caption);
  expect(start, `no "${caption}" in the printed statement`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, index) => index > start && line.trim() === '');
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The amount in the right-hand column (the line's last amount) of each line whose label matches. */
function amounts(lines: readonly string[], label: string | RegExp, pattern: RegExp): number[] {
  const every = new RegExp(pattern.source, 'g');
  return lines
    .filter((line) => (typeof label === 'string' ? line.trim().startsWith(label) : label.test(line.trim())))
    .map((line) => line.match(every)?.at(-1))
    .filter((match): match is string => match !== undefined)
    .map(minor);
}

const one = (values: readonly number[], what: string): number => {
  expect(values, what).toHaveLength(1);
  return values[0]!;
};

describe('the English claim pack (England and Wales) in LibreOffice', () => {
  // A fixed £5,100 with a 30% deposit, sent 1 December 2025; the deposit paid in full, £500 paid late on
  // the balance. As at 16 March 2026 (a business client, so the Late Payment Act's interest and compensation).
  const request = claimPackRequest(
    englandAnswers(),
    '2026-03-16',
    [
      { kind: 'deposit', number: 'INV-2026-001', issuedOn: '2025-12-01', paid: [['2025-12-05', 1530]] },
      { ...ENGLAND_BALANCE, paid: [['2026-02-20', 500]] },
    ],
    [{ kind: 'late-notice', date: '2026-02-02', about: 'INV-2026-002', amount: 3570, dueDate: '2026-01-15' }],
  );

  it('opens every Word file, and its statement agrees with the invoices and the payments to the penny', async () => {
    const printed = await printPack(await packOf(request), 'en');
    expect([...printed.keys()]).toEqual([
      '1 Contract/Brand-refresh-phase-2-contract.docx',
      '2 Invoices/01 2025-12-01 INV-2026-001.docx',
      '2 Invoices/02 2025-12-16 INV-2026-002.docx',
      '3 Letters/01 2026-02-02 late-notice.docx',
      '3 Letters/02 2026-03-16 letter-before-action.docx',
      '4 Chronology.docx',
      '5 Statement-of-Account.docx',
    ]);
    // Each opened, and is the document its name says (its words checked with the layout's spaces and line ends folded).
    const text = (name: string) => printed.get(name)!;
    const words = (name: string) => text(name).replace(/\s+/g, ' ');
    expect(words('1 Contract/Brand-refresh-phase-2-contract.docx')).toContain('Brand refresh, phase 2');
    expect(words('3 Letters/01 2026-02-02 late-notice.docx')).toContain('INV-2026-002');
    expect(words('3 Letters/02 2026-03-16 letter-before-action.docx')).toContain('£3,199.30');
    expect(words('4 Chronology.docx')).toContain('Payment of £500.00 received against invoice INV-2026-002');

    const statement = text('5 Statement-of-Account.docx');
    const invoiced: Record<string, number> = {};
    for (const [file, number] of [
      ['2 Invoices/01 2025-12-01 INV-2026-001.docx', 'INV-2026-001'],
      ['2 Invoices/02 2025-12-16 INV-2026-002.docx', 'INV-2026-002'],
    ] as const) {
      const invoiceTotal = one(amounts(text(file).split('\n'), 'Total due', POUNDS), `${number}: Total due`);
      const lines = section(statement, `Invoice ${number}`);
      invoiced[number] = one(amounts(lines, 'Amount invoiced', POUNDS), `${number}: Amount invoiced`);
      // The statement's figure is the invoice's printed total, to the penny.
      expect(invoiced[number]).toBe(invoiceTotal);
      const paid = amounts(lines, 'Paid on', POUNDS).reduce((total, amount) => total - amount, 0);
      const outstanding = one(amounts(lines, 'Outstanding', POUNDS), `${number}: Outstanding`);
      expect(outstanding).toBe(invoiced[number] - paid);
      const interest = amounts(lines, 'Statutory interest', POUNDS).reduce((total, amount) => total + amount, 0);
      const compensation = amounts(lines, 'Fixed compensation', POUNDS).reduce((total, amount) => total + amount, 0);
      expect(one(amounts(lines, 'Claimed', POUNDS), `${number}: Claimed`)).toBe(outstanding + interest + compensation);
    }
    // By hand: deposit 30% of £5,100 = £1,530.00, paid; balance £3,570.00, £500 paid, £3,070.00 outstanding,
    // due 15 January 2026. Interest (Act s. 4, Bank Rate 3.75% on 31 Dec 2025 + 8 = 11.75%) for the 60 days
    // 16 Jan - 16 Mar 2026: 3,070 x 0.1175 x 60 / 365 = 59.2972 -> £59.30; s. 5A: £70 (£1,000 to £9,999.99).
    expect(invoiced).toEqual({ 'INV-2026-001': 153000, 'INV-2026-002': 357000 });
    const summary = section(statement, 'Summary');
    expect(one(amounts(summary, 'Total invoiced', POUNDS), 'Total invoiced')).toBe(510000);
    expect(one(amounts(summary, 'Total paid', POUNDS), 'Total paid')).toBe(203000);
    expect(one(amounts(summary, 'Total outstanding', POUNDS), 'Total outstanding')).toBe(307000);
    expect(one(amounts(summary, 'Late fees and interest', POUNDS), 'interest')).toBe(5930);
    expect(one(amounts(summary, 'Fixed compensation', POUNDS), 'compensation')).toBe(7000);
    expect(one(amounts(summary, 'Total claimed', POUNDS), 'Total claimed')).toBe(319930);
  });
});

describe('the Japanese claim pack in LibreOffice', () => {
  // 東京の定額1,200,000円（着手金50%、源泉徴収あり）：着手金の請求書は4月10日に全額入金、残金の請求書は未払い。
  const request = claimPackRequest(
    sampleInput('ja/tokyo-fixed'),
    '2027-08-30',
    [{ kind: 'deposit', number: 'INV-2027-001', issuedOn: '2027-04-01', paid: [['2027-04-10', 598740]] }, TOKYO_BALANCE],
    [tokyoFinalNotice('2027-08-10')],
  );

  it('opens every Word file, the 内容証明 copies included, and its statement agrees with the invoices to the yen', async () => {
    const printed = await printPack(await packOf(request), 'ja');
    expect([...printed.keys()]).toEqual([
      '1 契約書/コーポレートサイトのリニューアル-業務委託契約書.docx',
      '2 請求書/01 2027-04-01 INV-2027-001.docx',
      '2 請求書/02 2027-06-30 R-002.docx',
      '3 書面/01 2027-08-10 final-notice.docx',
      '3 書面/01 2027-08-10 final-notice 内容証明.docx',
      '4 経過一覧表.docx',
      '5 請求金額計算書.docx',
      '6 訴状及び支払督促の記載事項.docx',
    ]);
    const text = (name: string) => printed.get(name)!;
    // LibreOffice spaces Japanese from Latin digits as it lays text out; the words are what count.
    const folded = (name: string) => text(name).replace(/\s+/g, '');
    expect(folded('1 契約書/コーポレートサイトのリニューアル-業務委託契約書.docx')).toContain('業務委託契約書');
    expect(folded('3 書面/01 2027-08-10 final-notice.docx')).toContain('R-002');
    expect(folded('3 書面/01 2027-08-10 final-notice 内容証明.docx')).toContain('株式会社みどり商事');
    expect(folded('4 経過一覧表.docx')).toContain('請求書INV-2027-001に対し598,740円の入金');
    // The court papers claim the one invoice still unpaid (598,740円, under 少額訴訟's 60万円).
    expect(folded('6 訴状及び支払督促の記載事項.docx')).toContain('598,740円');

    const statement = text('5 請求金額計算書.docx');
    for (const [file, number] of [
      ['2 請求書/01 2027-04-01 INV-2027-001.docx', 'INV-2027-001'],
      ['2 請求書/02 2027-06-30 R-002.docx', 'R-002'],
    ] as const) {
      // The invoice prints ご請求額 twice (at the top and under the table): both the same.
      const asked = amounts(text(file).split('\n'), 'ご請求額', YEN);
      expect(asked.length).toBeGreaterThan(0);
      expect(new Set(asked).size).toBe(1);
      const lines = section(statement, `請求書 ${number}`);
      const invoiced = one(amounts(lines, /^請求額\s/, YEN), `${number}: 請求額`);
      expect(invoiced).toBe(asked[0]);
      const paid = amounts(lines, /入金\s/, YEN).reduce((total, amount) => total - amount, 0);
      const outstanding = one(amounts(lines, '未払残高', YEN), `${number}: 未払残高`);
      expect(outstanding).toBe(invoiced - paid);
      const late = amounts(lines, /遅延損害金/, YEN).reduce((total, amount) => total + amount, 0);
      expect(one(amounts(lines, '請求額合計', YEN), `${number}: 請求額合計`)).toBe(outstanding + late);
    }
    // By hand: each invoice 600,000円 + 消費税 60,000円 - 源泉徴収 61,260円 (10.21% of 600,000) = 598,740円.
    // The balance, due 29 July 2027, is 32 days late on 30 August: one full 30-day period at the contract's
    // 1.2% a month: 598,740 x 0.012 = 7,184.88 -> 7,185円. Claimed 598,740 + 7,185 = 605,925円.
    const summary = section(statement, '合計');
    expect(one(amounts(summary, '請求額合計', YEN), '請求額合計')).toBe(1_197_480);
    expect(one(amounts(summary, '入金額合計', YEN), '入金額合計')).toBe(598_740);
    expect(one(amounts(summary, '未払残高合計', YEN), '未払残高合計')).toBe(598_740);
    expect(one(amounts(summary, '遅延損害金', YEN), '遅延損害金')).toBe(7_185);
    expect(one(amounts(summary, '請求総額', YEN), '請求総額')).toBe(605_925);
  });
});
