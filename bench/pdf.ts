// The PDF row of `npm run bench` (issue 27): the large contract's PDF.
//  - Through POST /api/contracts with Accept: application/pdf on the real
//    server process (node dist/server.js), wall time per request one at a
//    time, against LibreOffice converting our own Word file of the same
//    contract to PDF in the same run (soffice --convert-to pdf, a warm
//    profile, wall time per conversion). Goal: at least 50 times faster.
//  - CPU per document in this process, the compiled renderer (dist/) against
//    the fast Word writer on the same tree, in alternating batches of about
//    the same time, after each has been warmed up as section 1 warms the
//    Word pipeline (bench/cpu.ts's warmUp: some thousands of documents, the
//    state of a server that has been up for minutes; the PDF's warm-up curve
//    is printed). Goal: at most 3 times the Word file's.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Contract } from '../src/contract/tree.ts';
import type { ContractDocxWriter } from '../src/render/docx-package.ts';
import { renderContractPdf } from './compiled.ts';
import { alternating, count, warmUp } from './cpu.ts';
import { startServer, stopServer } from '../test/helpers/server-process.ts';

export const PDF_GOALS = { libreOfficeRatio: 50, wordCpuRatio: 3 } as const;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function routeMs(body: string, requests: number): Promise<{ ms: number; bytes: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-pdf-'));
  const server = await startServer({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'info' }, { build: 'compiled' });
  try {
    const once = async () => {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/contracts`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/pdf' }, body });
      const file = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200 || file.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`the PDF route answered ${response.status}`);
      return { ms: performance.now() - started, bytes: file.length };
    };
    // The first PDF imports the renderer and parses the fonts: what a server pays once, not per document.
    for (let i = 0; i < 5; i++) await once();
    const times = [];
    let bytes = 0;
    for (let i = 0; i < requests; i++) {
      const result = await once();
      times.push(result.ms);
      bytes = result.bytes;
    }
    return { ms: median(times), bytes };
  } finally {
    await stopServer(server);
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function libreOfficeMs(docx: Buffer, conversions: number): Promise<number> {
  const run = promisify(execFile);
  const dir = await mkdtemp(join(tmpdir(), 'bench-pdf-lo-'));
  try {
    const path = join(dir, 'large.docx');
    await writeFile(path, docx);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const convert = async () => {
      const started = performance.now();
      await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, path], { timeout: 180_000 });
      return performance.now() - started;
    };
    // The first run creates the profile; the conversions measured start from a warm one.
    await convert();
    const times = [];
    for (let i = 0; i < conversions; i++) times.push(await convert());
    return median(times);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface PdfFigures {
  readonly route: { readonly ms: number; readonly bytes: number };
  readonly libreOffice: number | string;
  readonly cpu: { readonly pdf: number; readonly word: number };
  /** The PDF's mean CPU per document over each tenth of its warm-up, and how many documents that was. */
  readonly warming: { readonly documents: number; readonly tenths: readonly number[] };
}

export async function pdfFigures(contract: Contract, body: string, writer: ContractDocxWriter, log: (line: string) => void): Promise<PdfFigures> {
  log('pdf: the large contract through POST /api/contracts with Accept: application/pdf, 20 requests one at a time');
  const route = await routeMs(body, 20);
  log('pdf: LibreOffice converting our Word file of the large contract, 3 conversions');
  const libreOffice = await libreOfficeMs(writer.write(contract), 3).catch((error: unknown) => `not measured (${(error as Error).message.split('\n')[0]}); needs soffice`);
  // 40 PDFs of warm-up, as this row had at first, measured the renderer half-compiled: a PDF's CPU
  // falls by half over its first 1,000 documents (the curve below), as section 1's Word pipeline does.
  const documents = count('BENCH_PDF_WARMUP_DOCS', 2_000);
  log(`pdf: CPU per document in this process, the PDF against the Word file, after ${documents} of each to warm up`);
  const tenths = await warmUp([() => renderContractPdf(contract)], documents);
  await warmUp([() => writer.write(contract)], documents);
  // Batches of about the same time (a PDF takes about three Word files' CPU), so a collection of the heap falls in either alike.
  const cpu = await alternating({ pdf: { run: () => renderContractPdf(contract), batch: 12 }, word: { run: () => writer.write(contract), batch: 40 } }, 21);
  return { route, libreOffice, cpu, warming: { documents, tenths } };
}

export function pdfReport(figures: PdfFigures): { lines: string[]; misses: string[] } {
  const { route, libreOffice, cpu, warming } = figures;
  const ratio = typeof libreOffice === 'number' ? libreOffice / route.ms : undefined;
  const lines = [
    '\n6. The large contract as a PDF',
    `POST /api/contracts, Accept: application/pdf, one at a time (median wall time): ${route.ms.toFixed(1)} ms, ${(route.bytes / 1024).toFixed(1)} kB`,
    typeof libreOffice === 'number'
      ? `LibreOffice converting our Word file to PDF (median wall time, warm profile): ${libreOffice.toFixed(0)} ms, ${ratio!.toFixed(0)}x our route   goal >= ${PDF_GOALS.libreOfficeRatio}x`
      : `LibreOffice: ${libreOffice}`,
    `CPU per document in process: PDF ${cpu.pdf.toFixed(2)} ms, Word file ${cpu.word.toFixed(3)} ms, ${(cpu.pdf / cpu.word).toFixed(1)}x   goal <= ${PDF_GOALS.wordCpuRatio}x`,
    `  (after ${warming.documents.toLocaleString('en-US')} of each to warm up; the PDF's mean CPU per document by tenths of it: ${warming.tenths.map((value) => value.toFixed(2)).join(', ')} ms)`,
  ];
  const misses = [
    ratio === undefined ? `LibreOffice was not measured: ${String(libreOffice)}` : ratio < PDF_GOALS.libreOfficeRatio ? `the PDF route is only ${ratio.toFixed(0)}x faster than LibreOffice converting the Word file` : undefined,
    cpu.pdf / cpu.word > PDF_GOALS.wordCpuRatio ? `the PDF takes ${(cpu.pdf / cpu.word).toFixed(1)}x the Word file's CPU` : undefined,
  ].filter((miss): miss is string => miss !== undefined);
  return { lines, misses };
}
