// `npm run bench:stall`: no request can stall the server (issue 9). The real
// server process (compiled, as `npm start` runs it, logging at info, rate
// limit off so that only time is measured) gets every case of
// test/helpers/stall-cases.ts: a 100,000-character worst-case string through
// every field of the API, every field of every wizard form, and both upload
// kinds, several strings per case (fast-check, fixed seed). Meanwhile a
// visitor keeps loading the home page.
//
// Then each text field's sized worst case (issue 24): expanding characters
// (U+FDFA, U+FB2C, U+3300, ...) mixed with line breaks and blanks, at the
// field's raw cap, one under it and at its limit, so that the cleaning code
// and the renderers are reached; and the same text at an eighth of the raw
// cap, to see the work per request grow linearly with what was sent.
//
// Goals (exit 1 on a miss): every request answered as usual (200, 303 or
// 400) within a second, and the home page within a second throughout; a text
// eight times longer costs at most LINEAR_FACTOR times as much, plus
// LINEAR_SLACK_MS (a quadratic pass costs 64 times as much).
//
//   STALL_RUNS [3]      strings per case
//   STALL_SEED [20261127]  fast-check seed (printed with any failure)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildServer, startServer, stopServer } from '../test/helpers/server-process.ts';
import { ORDINARY_STATUSES, SIZED_AT, sizedLength, sizedShape, stallCases, textOf, worstCaseShape, type Send } from '../test/helpers/stall-cases.ts';
import { rawTextLimit } from '../src/answers/schema.ts';

const BOUND_MS = 1_000;
const LINEAR_FACTOR = 16;
const LINEAR_SLACK_MS = 50;
const runs = Number(process.env.STALL_RUNS ?? 3);
const seed = Number(process.env.STALL_SEED ?? 20261127);

await buildServer();
const dataDir = await mkdtemp(join(tmpdir(), 'bench-stall-'));
const server = await startServer({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'info' }, { build: 'compiled' });

const send: Send = async (request) => {
  const response = await fetch(server.url + request.url, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual' });
  return { status: response.status, setCookies: response.headers.getSetCookie(), location: response.headers.get('location') ?? '', body: await response.text() };
};

// The other visitor: the home page, again and again, each load timed.
const home: number[] = [];
let visiting = true;
const visitor = (async () => {
  while (visiting) {
    const started = performance.now();
    const response = await fetch(`${server.url}/`);
    await response.arrayBuffer();
    home.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`the home page answered ${response.status}`);
  }
})();

const timings: { name: string; ms: number }[] = [];
const problems: string[] = [];
let exitCode: number;
try {
  const cases = await stallCases(send);
  const started = performance.now();
  for (const entry of cases) {
    const result = await fc.check(
      fc.asyncProperty(worstCaseShape, async (shape) => {
        for (const { what, response, ms } of await entry.run(textOf(shape))) {
          timings.push({ name: `${entry.name} (${what})`, ms });
          if (!ORDINARY_STATUSES.includes(response.status)) throw new Error(`${what} answered ${response.status}`);
          if (ms > BOUND_MS) throw new Error(`${what} took ${ms.toFixed(0)} ms`);
        }
      }),
      { numRuns: runs, seed },
    );
    if (result.failed) problems.push(`${entry.name}: ${String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance)} with ${JSON.stringify(result.counterexample?.[0])}`);
  }
  const sizedStarted = performance.now();
  let sizedRequests = 0;
  const growth: { name: string; small: number; large: number }[] = [];
  const totalMs = (steps: { ms: number }[]) => steps.reduce((sum, step) => sum + step.ms, 0);
  for (const entry of cases) {
    if (entry.cap === undefined) continue;
    const cap = entry.cap;
    const result = await fc.check(
      fc.asyncProperty(sizedShape, async (shape) => {
        for (const at of SIZED_AT) {
          for (const { what, response, ms } of await entry.run(textOf(shape, sizedLength(cap, at)))) {
            sizedRequests++;
            timings.push({ name: `${entry.name} ${at} (${what})`, ms });
            if (!ORDINARY_STATUSES.includes(response.status)) throw new Error(`${what} ${at} answered ${response.status}`);
            if (ms > BOUND_MS) throw new Error(`${what} ${at} took ${ms.toFixed(0)} ms`);
          }
        }
        // The same text at an eighth of the raw cap, then at the raw cap: linear work grows about eight times.
        // The least of three sends each, so that one pause of a busy machine is not read as growth.
        const least = async (length: number) => {
          let best = Number.POSITIVE_INFINITY;
          for (let attempt = 0; attempt < 3; attempt++) best = Math.min(best, totalMs(await entry.run(textOf(shape, length))));
          return best;
        };
        const small = await least(Math.ceil(rawTextLimit(cap) / 8));
        const large = await least(rawTextLimit(cap));
        sizedRequests += 6;
        growth.push({ name: entry.name, small, large });
        if (large > LINEAR_FACTOR * small + LINEAR_SLACK_MS) throw new Error(`eight times the text took ${(large / small).toFixed(1)} times as long (${small.toFixed(1)} -> ${large.toFixed(1)} ms)`);
      }),
      { numRuns: runs, seed },
    );
    if (result.failed) problems.push(`${entry.name} (sized): ${String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance)} with ${JSON.stringify(result.counterexample?.[0])}`);
  }
  const sizedSeconds = (performance.now() - sizedStarted) / 1000;
  visiting = false;
  await visitor;

  const sorted = timings.map((timing) => timing.ms).sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]!.toFixed(1);
  const homeMax = Math.max(...home);
  console.log(`${cases.length} cases × ${runs} strings of 100,000 characters, then the sized texts: ${timings.length} timed requests in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed})`);
  console.log(`sized texts of expanding characters (${SIZED_AT.join(', ')}, and an eighth of the raw cap): ${cases.filter((entry) => entry.cap !== undefined).length} text fields, ${sizedRequests} of those requests in ${sizedSeconds.toFixed(1)} s`);
  const steepest = [...growth].sort((a, b) => b.large - b.small * 8 - (a.large - a.small * 8)).slice(0, 3);
  for (const { name, small, large } of steepest) console.log(`  growth ${small.toFixed(1)} -> ${large.toFixed(1)} ms for 8x the text: ${name}`);
  console.log(`per request: median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms (bound ${BOUND_MS} ms)`);
  console.log('slowest:');
  for (const { name, ms } of [...timings].sort((a, b) => b.ms - a.ms).slice(0, 5)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
  console.log(`home page meanwhile: ${home.length} loads, max ${homeMax.toFixed(1)} ms (bound ${BOUND_MS} ms)`);
  if (homeMax > BOUND_MS) problems.push(`the home page took ${homeMax.toFixed(0)} ms`);
  for (const problem of problems) console.error(`MISSED: ${problem}`);
  exitCode = problems.length > 0 ? 1 : 0;
} finally {
  visiting = false;
  await stopServer(server);
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
