// `npm run bench`: how fast a contract becomes a Word file, and whether that is
// fast enough (issues 6 and 14). It exits non-zero when a goal is missed, so it
// is a check, not only a report. The `prebench` script builds dist/ first: the
// server measured is the compiled one, started as `npm start` starts it.
//
// Two contracts: the product's small sample (new-client-fixed) and a large one
// (bench/contracts.ts: the hourly sample with a 2,000-character description in
// paragraphs and 30 deliverables, 4.7 kB of answers).
//
// 1. In-process CPU per document (process.cpuUsage, median of alternating
//    batches) of the compiled modules in dist/, as the server runs them:
//    validate + assemble + write from parsed JSON, the two contracts in turn
//    (goal: at most 1.2 ms for the large one), in a process of its own
//    started with the start script's flags (bench/pipeline-cpu.ts), after a
//    warm-up of some thousands of documents whose figures are printed too (a
//    server that has been up a few minutes is past it); then, in this
//    process (bench/compiled.ts) after the same warm-up, the fast
//    writer against the docx library on the same tree (goal: the library
//    takes at least 8 times as long). The library's time also tells how fast
//    the machine is that day: this shared machine's speed changes from one day
//    to the next, and an absolute CPU goal with it.
// 2. Deflate levels for the parts written per contract (large contract): bytes
//    against CPU, the level in use marked. Reported, not a goal.
// 3. Scaling: the large contract with the description from 1,000 to 20,000
//    characters, then the deliverables from 1 to 50. Goal: linear, i.e. the
//    least-squares line through the points predicts every one of them within
//    1.5 times.
// 4. POST /api/contracts over loopback: the real server process (node
//    dist/server.js, logging at info, rate limit off) against a plain Fastify
//    server with logging at info rendering with the docx library
//    (bench/docx-library-server.ts), in alternating rounds at 4 connections,
//    for each contract, the load from autocannon in a process of its own
//    (bench/load-generator.ts). Goals: at least 10 times the documents per
//    second, and p99 under 15 ms at 4 connections, for both contracts.
// 5. Memory of the real server process (RSS from /proc): at idle before the
//    first request (goal: at most 120 MB), and after 2,000 and 20,000
//    documents, small and large in turn (goal: growth at most 10%).
//
// Counts come from the environment (defaults in brackets):
//   BENCH_WARMUP_DOCS [8000]  documents run before section 1's medians (see warmUp)
//   BENCH_BATCHES [30]        alternating batches in section 1
//   BENCH_HTTP_SECONDS [10]   per contract: the alternating rounds, and the p99 run
//   BENCH_DOCS [20000]        documents for the memory run (first reading at a tenth)
//   BENCH_PAGES [1]           0 skips the page count (LibreOffice + pdfinfo)
//   BENCH_PDF_WARMUP_DOCS [2000] PDFs and Word files run before section 6's CPU medians
//   BENCH_ONLY [all]          pdf runs section 6 alone (the PDF row, about a minute)
// On this shared 2-core machine the whole run takes about two and a half minutes.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { crc32, deflateRawSync } from 'node:zlib';
import { startLoadGenerator, type LoadResult } from './load-generator.ts';
import type { Contract } from '../src/contract/tree.ts';
import type { ContractDocxWriter } from '../src/render/docx-package.ts';
import {
  answersPartBytes,
  answersSchema,
  assembleContract,
  contractBodyXml,
  contractDocxWriter,
  corePropertiesXml,
  headerParagraphXml,
  itemPropsXml,
  loadContractLibrary,
  PER_CONTRACT_LEVEL,
  readEmbeddedAnswers,
  renderContractDocx,
} from './compiled.ts';
import { largeAnswers, SMALL_SAMPLE, smallAnswers } from './contracts.ts';
import { ROOT, startCommandArguments, startServer, stopServer, type ServerProcess } from '../test/helpers/server-process.ts';
import { alternating, count, warmUp } from './cpu.ts';
import { pdfFigures, pdfReport } from './pdf.ts';

const GOALS = {
  rendererRatio: 8,
  pipelineLargeMs: 1.2,
  scalingFit: 1.5,
  routeRatio: 10,
  p99Ms: 15,
  idleRssMb: 120,
  rssGrowth: 0.1,
} as const;


const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (value: number, digits = 2) => `${value.toFixed(digits)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

// ---------------------------------------------------------------------------
// In process

interface Case {
  readonly name: string;
  readonly answers: Record<string, any>;
  readonly body: string;
  readonly contract: Contract;
}

function caseOf(name: string, answers: Record<string, any>, library: ReturnType<typeof loadContractLibrary>): Case {
  return { name, answers, body: JSON.stringify(answers), contract: assembleContract(answersSchema.parse(answers), library) };
}

function pipeline(writer: ContractDocxWriter, library: ReturnType<typeof loadContractLibrary>, answers: unknown) {
  return () => writer.write(assembleContract(answersSchema.parse(answers), library));
}

interface CleanProcessFigures {
  readonly warming: number[];
  readonly small: number;
  readonly large: number;
  readonly flags: string[];
}

/** Validate + assemble + write in a process started as the server is (bench/pipeline-cpu.ts). */
async function cleanProcessPipeline(warmUpDocuments: number, batches: number): Promise<CleanProcessFigures> {
  const flags = startCommandArguments().slice(0, -1);
  const { stdout } = await promisify(execFile)(process.execPath, [...flags, '--import', 'tsx', 'bench/pipeline-cpu.ts'], {
    cwd: ROOT,
    env: { ...process.env, BENCH_WARMUP_DOCS: String(warmUpDocuments), BENCH_BATCHES: String(batches) },
    timeout: 600_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as CleanProcessFigures;
}

async function inProcess(cases: readonly Case[], writer: ContractDocxWriter, library: ReturnType<typeof loadContractLibrary>) {
  const batches = Math.max(1, count('BENCH_BATCHES', 30));
  const warmUpDocuments = count('BENCH_WARMUP_DOCS', 8_000);
  log(`cpu: validate + assemble + write in a process started as the server is: ${warmUpDocuments} documents to warm up, then ${batches} alternating batches of each contract`);
  const clean = await cleanProcessPipeline(warmUpDocuments, batches);
  // This process warms up too, for the comparison with the docx library and the scaling table.
  log(`cpu: warming up this process, ${warmUpDocuments} documents`);
  await warmUp(cases.map((one) => pipeline(writer, library, JSON.parse(one.body) as unknown)), warmUpDocuments);
  const results = [];
  for (const [index, one] of cases.entries()) {
    log(`cpu: ${one.name}: ${batches} alternating batches of the docx library and the fast writer`);
    const medians = await alternating(
      {
        library: { run: () => renderContractDocx(one.contract), batch: 4 },
        writer: { run: () => writer.write(one.contract), batch: 40 },
      },
      batches,
    );
    const pipelineCpu = index === 0 ? clean.small : clean.large;
    results.push({ name: one.name, ...medians, pipeline: pipelineCpu, oracleBytes: (await renderContractDocx(one.contract)).length, fastBytes: writer.write(one.contract).length });
  }
  return { results, warming: clean.warming, warmUpDocuments, flags: clean.flags };
}

/** Bytes and CPU of deflating the parts written per contract, at each zlib level. */
async function deflateLevels(contract: Contract) {
  const parts = [
    contractBodyXml(contract, { clauseHeadings: 1, bullets: 2 }),
    headerParagraphXml(contract.meta),
    corePropertiesXml(contract.meta, contract.subtitle, new Date()),
    itemPropsXml(),
  ].map((xml) => Buffer.from(xml, 'utf8'));
  parts.push(Buffer.from(answersPartBytes(contract.answers)));
  const raw = parts.reduce((sum, part) => sum + part.length, 0);
  const rows = [];
  for (const level of [0, 1, 2, 3, 4, 6, 9]) {
    // Level 0 is what storing costs: the CRC alone.
    const run = level === 0 ? () => parts.forEach((part) => crc32(part)) : () => parts.forEach((part) => deflateRawSync(part, { level }));
    const bytes = level === 0 ? raw : parts.reduce((sum, part) => sum + deflateRawSync(part, { level }).length, 0);
    const cpu = (await alternating({ level: { run, batch: 50 } }, 9)).level;
    rows.push({ level, bytes, cpu });
  }
  return { raw, rows };
}

/** Per-document CPU of validate + assemble + write as one input grows, and whether it grows linearly. */
async function scaling(writer: ContractDocxWriter, library: ReturnType<typeof loadContractLibrary>) {
  const series = [
    { name: 'description characters', sizes: [1_000, 2_000, 5_000, 10_000, 20_000], answers: (size: number) => largeAnswers({ descriptionLength: size }) },
    { name: 'deliverables', sizes: [1, 5, 10, 25, 50], answers: (size: number) => largeAnswers({ deliverables: size }) },
  ];
  const results = [];
  for (const { name, sizes, answers } of series) {
    log(`scaling: ${name} ${sizes.join(', ')}`);
    const runs = Object.fromEntries(sizes.map((size) => [String(size), { run: pipeline(writer, library, answers(size)), batch: 20 }]));
    const medians = await alternating(runs, 15);
    const points = sizes.map((size) => ({ size, cpu: medians[String(size)]! }));
    // Linear: the least-squares line through the points predicts each within 1.5x.
    // A cost that grew with the square of the size could not be fitted so.
    const n = points.length;
    const meanX = points.reduce((sum, p) => sum + p.size, 0) / n;
    const meanY = points.reduce((sum, p) => sum + p.cpu, 0) / n;
    const slope = points.reduce((sum, p) => sum + (p.size - meanX) * (p.cpu - meanY), 0) / points.reduce((sum, p) => sum + (p.size - meanX) ** 2, 0);
    const intercept = meanY - slope * meanX;
    const fitted = points.map((p) => ({ ...p, line: intercept + slope * p.size, ratio: p.cpu / (intercept + slope * p.size) }));
    const worst = Math.max(...fitted.map((p) => Math.max(p.ratio, 1 / p.ratio)));
    results.push({ name, points: fitted, slope, intercept, worst });
  }
  return results;
}

async function pageCounts(files: Record<string, Buffer>): Promise<Record<string, number> | string> {
  if (count('BENCH_PAGES', 1) === 0) return 'skipped (BENCH_PAGES=0)';
  const run = promisify(execFile);
  const dir = await mkdtemp(join(tmpdir(), 'bench-pages-'));
  try {
    const paths = await Promise.all(
      Object.entries(files).map(async ([name, bytes]) => {
        const path = join(dir, `${name}.docx`);
        await writeFile(path, bytes);
        return path;
      }),
    );
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, ...paths], { timeout: 180_000 });
    const pages: Record<string, number> = {};
    for (const name of Object.keys(files)) {
      const { stdout } = await run('pdfinfo', [join(dir, `${name}.pdf`)], { timeout: 30_000 });
      pages[name] = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
    }
    return pages;
  } catch (error) {
    return `not counted (${(error as Error).message.split('\n')[0]}); needs soffice and pdfinfo`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Over HTTP, against real processes

const TICKS_PER_SECOND = 100;

/** CPU milliseconds a process has used, from /proc (user + system). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
}

function processRss(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) * 1024;
}

const ourServer = (dataDir: string) =>
  startServer({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'info' }, { build: 'compiled' });
const baselineServer = () =>
  startServer({ LOG_LEVEL: 'info' }, { nodeArguments: ['--import', 'tsx', 'bench/docx-library-server.ts'] });

/**
 * The server closes a keep-alive connection after 1,000 requests (its
 * maxRequestsPerSocket, src/web/app.ts) with `Connection: close`, which
 * autocannon ignores: every later request on that socket would get Node's
 * 503. Reopening each connection well before that, as a browser does,
 * costs one TCP handshake in 500 requests, on both servers alike.
 */
const RECONNECT = { reconnectRate: 500 } as const;

const post = (url: string, body: string) => ({ url: `${url}/api/contracts`, method: 'POST', headers: { 'content-type': 'application/json' }, body, ...RECONNECT });

function failures(result: LoadResult): number {
  return result.errors + result.timeouts + result.non2xx;
}

/** One request checked by hand: the route must serve a real Word file with its answers, or the figures mean nothing. */
async function checkServes(url: string, body: string): Promise<number> {
  const response = await fetch(`${url}/api/contracts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const file = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200 || file.subarray(0, 2).toString() !== 'PK') throw new Error(`${url} answered ${response.status}`);
  return file.length;
}

async function routes(cases: readonly Case[]) {
  const seconds = Math.max(1, count('BENCH_HTTP_SECONDS', 10));
  const rounds = 5;
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-data-'));
  const servers: ServerProcess[] = [];
  // Every run of this section comes from a clean process (bench/load-generator.ts), not this one's loaded heap.
  const load = startLoadGenerator();
  try {
    const [ours, baseline] = await Promise.all([ourServer(dataDir), baselineServer()]);
    servers.push(ours, baseline);
    const results = [];
    for (const one of cases) {
      readEmbeddedAnswers(Buffer.from(await (await fetch(`${ours.url}/api/contracts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: one.body })).arrayBuffer()));
      const bytes = { ours: await checkServes(ours.url, one.body), baseline: await checkServes(baseline.url, one.body) };
      log(`http: ${one.name}: both routes, 1 s warm-up each, then ${rounds} alternating rounds of ${(seconds / rounds).toFixed(1)} s at 4 connections`);
      for (const server of [ours, baseline]) await load.run({ ...post(server.url, one.body), connections: 4, duration: 1 });
      const served = { ours: 0, baseline: 0 };
      const cpu = { ours: 0, baseline: 0 };
      const done = { ours: 0, baseline: 0 };
      for (let round = 0; round < rounds; round++) {
        for (const [name, server] of [['baseline', baseline], ['ours', ours]] as const) {
          const before = processCpuMs(server.child.pid!);
          const result = await load.run({ ...post(server.url, one.body), connections: 4, duration: seconds / rounds });
          cpu[name] += processCpuMs(server.child.pid!) - before;
          if (failures(result) > 0) throw new Error(`the ${name} route failed ${failures(result)} requests`);
          served[name] += result.requests.total / seconds;
          done[name] += result.requests.total;
        }
      }
      log(`http: ${one.name}: our route alone, ${seconds} s at 4 connections`);
      const latency = await load.run({ ...post(ours.url, one.body), connections: 4, duration: seconds });
      if (failures(latency) > 0) throw new Error(`our route failed ${failures(latency)} requests`);
      results.push({
        name: one.name,
        bytes,
        served,
        ratio: served.ours / served.baseline,
        cpuPerRequest: { ours: cpu.ours / done.ours, baseline: cpu.baseline / done.baseline },
        latency: latency.latency,
        requestsPerSecond: latency.requests.average,
      });
    }
    return results;
  } finally {
    await load.stop();
    for (const server of servers) await stopServer(server);
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function memory(cases: readonly Case[]) {
  const total = Math.max(10, count('BENCH_DOCS', 20_000));
  const first = Math.round(total / 10);
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-data-'));
  const server = await ourServer(dataDir);
  const load = startLoadGenerator();
  try {
    const pid = server.child.pid!;
    // Listening, and a second to settle: what an operator sees before anyone uses it.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idle = processRss(pid);
    log(`memory: RSS at idle ${mb(idle)}; ${total} documents (small and large in turn) at 4 connections`);
    const requests = cases.map((one) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: one.body }));
    const drive = async (amount: number) => {
      const result = await load.run({ url: `${server.url}/api/contracts`, connections: 4, amount, requests, ...RECONNECT });
      if (failures(result) > 0) throw new Error(`${failures(result)} requests failed in the memory run`);
    };
    await drive(first);
    const early = processRss(pid);
    await drive(total - first);
    const late = processRss(pid);
    return { idle, first, total, early, late, growth: late / early - 1 };
  } finally {
    await load.stop();
    await stopServer(server);
    await rm(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  const library = loadContractLibrary();
  const writer = await contractDocxWriter();
  const cases = [caseOf(`small (${SMALL_SAMPLE})`, smallAnswers(), library), caseOf('large (2,000-character description, 30 deliverables, hourly)', largeAnswers(), library)];
  const [small, large] = cases as [Case, Case];

  if (process.env.BENCH_ONLY === 'pdf') {
    const pdfOnly = pdfReport(await pdfFigures(large.contract, large.body, writer, log));
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log([`\nNode ${process.version}, ${new Date().toISOString()}, load average ${load} at the end.`, ...pdfOnly.lines].join('\n'));
    console.log(`\n${pdfOnly.misses.length === 0 ? 'PASS: the PDF goals met' : `FAIL:\n  - ${pdfOnly.misses.join('\n  - ')}`}`);
    process.exitCode = pdfOnly.misses.length === 0 ? 0 : 1;
    return;
  }

  log('pages: converting both renderers’ files of the large contract with LibreOffice');
  const pages = await pageCounts({ 'docx-library': await renderContractDocx(large.contract), 'fast-writer': writer.write(large.contract) });
  const { results: cpu, warming, warmUpDocuments, flags } = await inProcess(cases, writer, library);
  log('deflate: the per-contract parts of the large contract at each level');
  const levels = await deflateLevels(large.contract);
  const scales = await scaling(writer, library);
  // A server that cannot start still leaves the in-process figures worth printing.
  const http = await routes(cases).catch((error: unknown) => error as Error);
  const rss = await memory(cases).catch((error: unknown) => error as Error);
  const pdf = pdfReport(await pdfFigures(large.contract, large.body, writer, log));

  const out: string[] = [];
  out.push(`\nNode ${process.version}, ${new Date().toISOString()}, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} at the end.`);
  out.push(`Answers: small ${small.body.length} bytes, large ${large.body.length} bytes (${large.contract.sections.length} clauses).`);
  out.push(typeof pages === 'string' ? `Pages: ${pages}` : `Pages of the large contract in LibreOffice: docx library ${pages['docx-library']}, fast writer ${pages['fast-writer']}.`);

  out.push('\n1. CPU per document in one process (median of alternating batches)');
  out.push(
    `validate + assemble + write: in a process of its own started with the server's flags (node ${flags.join(' ')}), after a warm-up of ` +
      `${warmUpDocuments.toLocaleString('en-US')} documents, the two contracts in turn, whose mean CPU per document by tenths was ` +
      `${warming.map((value) => value.toFixed(2)).join(', ')} ms. The library and the fast writer: in this process, after the same warm-up.`,
  );
  out.push(
    table([
      ['contract', 'docx library', 'fast writer', 'ratio', 'validate + assemble + write', 'file: library / ours'],
      ...cpu.map((row) => [
        row.name,
        ms(row.library, 2),
        ms(row.writer, 3),
        `${(row.library / row.writer).toFixed(1)}x`,
        ms(row.pipeline, 3),
        `${(row.oracleBytes / 1024).toFixed(1)} / ${(row.fastBytes / 1024).toFixed(1)} kB`,
      ]),
    ]),
  );
  const largeCpu = cpu[1]!;
  out.push(`goals: the docx library at least ${GOALS.rendererRatio}x the fast writer; validate + assemble + write of the large contract at most ${ms(GOALS.pipelineLargeMs, 1)} (${ms(largeCpu.pipeline, 3)})`);

  out.push(`\n2. Deflating the parts written per contract (large contract, ${(levels.raw / 1024).toFixed(1)} kB of XML)`);
  out.push(
    table([
      ['zlib level', 'bytes', 'CPU per document', ''],
      ...levels.rows.map(({ level, bytes, cpu: used }) => [
        level === 0 ? '0 (stored)' : String(level),
        `${(bytes / 1024).toFixed(1)} kB`,
        ms(used, 3),
        level === PER_CONTRACT_LEVEL ? '<- in use' : '',
      ]),
    ]),
  );

  out.push('\n3. Scaling: validate + assemble + write of the large contract as one input grows (median CPU per document)');
  for (const series of scales) {
    out.push(
      table([
        [series.name, 'CPU per document', 'straight line', 'ratio'],
        ...series.points.map(({ size, cpu: used, line, ratio }) => [size.toLocaleString('en-US'), ms(used, 3), ms(line, 3), `${ratio.toFixed(2)}x`]),
      ]),
    );
    out.push(
      `line: ${ms(series.intercept, 3)} + ${(series.slope * 1000).toFixed(3)} µs each; farthest point ${series.worst.toFixed(2)}x from it   goal <= ${GOALS.scalingFit}x (linear)\n`,
    );
  }

  if (http instanceof Error) {
    out.push(`4. POST /api/contracts could not be measured: ${http.message}`);
  } else {
    out.push('4. POST /api/contracts over 127.0.0.1 at 4 connections, logging at info: node dist/server.js against a plain Fastify server with the docx library');
    out.push(
      table([
        ['contract', 'docx library docs/s', 'ours docs/s', 'ratio', 'server CPU/request: library / ours', 'ours alone: req/s', 'p50', 'p99', 'max'],
        ...http.map((row) => [
          row.name.split(' ')[0]!,
          row.served.baseline.toFixed(0),
          row.served.ours.toFixed(0),
          `${row.ratio.toFixed(1)}x`,
          `${ms(row.cpuPerRequest.baseline, 1)} / ${ms(row.cpuPerRequest.ours, 2)}`,
          row.requestsPerSecond.toFixed(0),
          ms(row.latency.p50, 0),
          ms(row.latency.p99, 0),
          ms(row.latency.max, 0),
        ]),
      ]),
    );
    out.push(`goals: at least ${GOALS.routeRatio}x the documents per second, p99 under ${GOALS.p99Ms} ms, for both contracts`);
  }

  if (rss instanceof Error) {
    out.push(`\n5. Memory could not be measured: ${rss.message}`);
  } else {
    out.push('\n5. RSS of the real server process (node dist/server.js)');
    out.push(
      table([
        ['when', 'RSS'],
        ['listening, before the first request', mb(rss.idle)],
        [`after ${rss.first.toLocaleString('en-US')} documents`, mb(rss.early)],
        [`after ${rss.total.toLocaleString('en-US')} documents`, mb(rss.late)],
      ]),
    );
    out.push(`goals: at most ${GOALS.idleRssMb} MB at idle; growth from ${rss.first} to ${rss.total} documents at most ${GOALS.rssGrowth * 100}% (${(rss.growth * 100).toFixed(1)}%)`);
  }

  out.push(...pdf.lines);

  const misses = [
    ...pdf.misses,
    ...cpu.filter((row) => row.library / row.writer < GOALS.rendererRatio).map((row) => `${row.name}: the fast writer is only ${(row.library / row.writer).toFixed(1)}x faster than the docx library`),
    largeCpu.pipeline > GOALS.pipelineLargeMs && `validate + assemble + write of the large contract takes ${ms(largeCpu.pipeline, 3)} of CPU`,
    ...scales.filter((series) => !(series.worst <= GOALS.scalingFit)).map((series) => `${series.name}: a point lies ${series.worst.toFixed(2)}x from the straight line through them`),
    http instanceof Error && `the HTTP run failed: ${http.message}`,
    ...(http instanceof Error ? [] : http).flatMap((row) => [
      row.ratio < GOALS.routeRatio && `${row.name}: POST /api/contracts serves only ${row.ratio.toFixed(1)}x the documents per second of the docx-library route`,
      row.latency.p99 >= GOALS.p99Ms && `${row.name}: p99 at 4 connections is ${row.latency.p99} ms`,
    ]),
    rss instanceof Error && `the memory run failed: ${rss.message}`,
    !(rss instanceof Error) && rss.idle > GOALS.idleRssMb * 1024 * 1024 && `the server's RSS before the first request is ${mb(rss.idle)}`,
    !(rss instanceof Error) && rss.growth > GOALS.rssGrowth && `RSS grew ${(rss.growth * 100).toFixed(1)}% from ${rss.first} to ${rss.total} documents`,
  ].filter((miss): miss is string => typeof miss === 'string');

  out.push(`\n${misses.length === 0 ? 'PASS: every goal met' : `FAIL:\n  - ${misses.join('\n  - ')}`} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  console.log(out.join('\n'));
  process.exitCode = misses.length === 0 ? 0 : 1;
}

await main();
