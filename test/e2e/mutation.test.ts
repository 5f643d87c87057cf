// 250 random mutations of the product examples, sent over real HTTP to the
// real server process (compiled, as `npm start` runs it): type changes, deletions, extra keys, nulls, huge
// numbers, any Unicode, long strings. Every answer is a 200 with a Word file
// whose every part parses, or a 400 problem naming a field; no 5xx, no dropped
// connection. A few of the accepted files are then opened by LibreOffice.
// fast-check draws the cases from a fixed seed (MUTATION_SEED to change it),
// so a failure names a case that can be sent again.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCX_TYPE } from '../../src/web/api.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { SAMPLE_NAMES, sampleInput } from '../helpers/samples.ts';
import { killHard, startServer, stopServer, type ServerProcess } from '../helpers/server-process.ts';

const run = promisify(execFile);
const CASES = 250;
const SEED = Number(process.env.MUTATION_SEED ?? 20260401);
const LIBREOFFICE_SAMPLE = 5;

let workDir: string;
let server: ServerProcess;
beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'mutation-'));
  server = await startServer({ DATA_DIR: join(workDir, 'data'), RATE_LIMIT_PER_MINUTE: '0' }, { build: 'compiled' });
});
afterAll(async () => {
  if (server) await killHard(server);
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------
// Mutations

type Path = (string | number)[];
type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'set'; at: number; value: unknown; why: string }
  | { op: 'extra'; at: number; key: string; value: unknown }
  | { op: 'splice-text'; at: number; text: string; position: number };

/** Every place in the tree (the root included), so damage can land anywhere. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => paths(child, [...prefix, key]))];
}

// Text that has broken document generators: XML's forbidden characters, lone
// surrogates, markup of every format we write, bidi controls, combining marks.
const nasty = fc.constantFrom(
  '\u0000', '\u0001', '\u0008', '\u000B', '\u001F', '\u007F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '\n', '\r\n', '\t',
  '<', '>', '&', '"', "'", ']]>', '<w:p>', '</w:t>', '<%= it %>', '\u202E', '\u200F', '\u2028', '\u00A0',
  'שלום', 'مرحبا', '山田', '🎨', '👩🏽‍💻', '\u0301', '$&', '{{x}}', '%s', '\\',
);
const anyUnicode = fc.string({ unit: fc.oneof(nasty, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 60 });
// Long strings stay under the 1 MB body limit even four at a time (at most 3 bytes a character).
const longString = fc
  .tuple(fc.integer({ min: 1_000, max: 50_000 }), fc.constantFrom('x', 'é', '山', ' ', 'a b ', '\u0000'))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
const hugeNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER, 1e21, 5e-324, -0, 2 ** 31, 2 ** 32 + 1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const otherType = fc.oneof(
  fc.boolean(),
  fc.constantFrom([], {}, [1, 2], { a: 1 }, '', '0', 'true', '2026-02-30', '12000', 'null'),
  fc.jsonValue({ maxDepth: 2 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.constant(null), why: fc.constant('null') }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: otherType, why: fc.constant('type') }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: hugeNumber, why: fc.constant('number') }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: anyUnicode, why: fc.constant('unicode') }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: longString, why: fc.constant('long') }),
  fc.record({ op: fc.constant('extra' as const), at: fc.nat(), key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString')), value: fc.jsonValue({ maxDepth: 1 }) }),
  // Weight on text inside existing strings: most such answers stay valid, so
  // the property is also about Word files and not only about 400s.
  { arbitrary: fc.record({ op: fc.constant('splice-text' as const), at: fc.nat(), text: anyUnicode, position: fc.nat() }), weight: 6 },
);

const mutationCase = fc.record({ sample: fc.constantFrom(...SAMPLE_NAMES), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) });
type MutationCase = typeof mutationCase extends fc.Arbitrary<infer T> ? T : never;

/** Applies the mutations to a fresh copy of the sample; returns the JSON text sent. */
function apply({ sample, mutations }: MutationCase): string {
  const input = sampleInput(sample);
  for (const change of mutations) {
    const all = paths(input);
    const path = all[change.at % all.length]!;
    if (change.op === 'extra') {
      const node = path.reduce<any>((parent, key) => parent?.[key], input);
      if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
        // defineProperty: a key named __proto__ becomes an own key, as JSON.parse would make it.
        Object.defineProperty(node, change.key, { value: change.value, enumerable: true, writable: true, configurable: true });
      }
      continue;
    }
    if (path.length === 0) continue; // the root itself: replaced wholesale it is only "not an object"
    const parent = path.slice(0, -1).reduce<any>((node, key) => node?.[key], input);
    const key = path.at(-1)!;
    if (parent === null || typeof parent !== 'object') continue;
    if (change.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (change.op === 'set') {
      parent[key] = change.value;
    } else if (typeof parent[key] === 'string') {
      const text: string = parent[key];
      const at = change.position % (text.length + 1);
      parent[key] = text.slice(0, at) + change.text + text.slice(at);
    }
  }
  return JSON.stringify(input);
}

// ---------------------------------------------------------------------------

interface Outcome {
  readonly index: number;
  readonly body: string;
  readonly status: number | 'connection error';
  readonly problem?: string;
  readonly docx?: Buffer;
}

async function send(index: number, body: string): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(`${server.url}/api/contracts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  } catch (error) {
    return { index, body, status: 'connection error', problem: String((error as Error).cause ?? error) };
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 200) {
    if (!type.startsWith(DOCX_TYPE)) return { index, body, status: 200, problem: `200 with content-type ${type}` };
    try {
      openDocx(bytes); // every .xml and .rels part parsed strictly
    } catch (error) {
      return { index, body, status: 200, problem: `broken Word file: ${(error as Error).message}` };
    }
    return { index, body, status: 200, docx: bytes };
  }
  if (response.status === 400) {
    if (!type.startsWith('application/problem+json')) return { index, body, status: 400, problem: `400 with content-type ${type}` };
    const problem = JSON.parse(bytes.toString('utf8'));
    const errors: { path?: unknown; message?: unknown }[] = problem.errors ?? [];
    // Fastify's JSON parser refuses prototype-poisoning keys before our
    // schema sees them, and says only "Malformed JSON": a clean 400, but one
    // that cannot name the key. The only 400 allowed to name no field.
    if (problem.type?.endsWith('#malformed-json') && PROTO_KEY.test(body)) return { index, body, status: 400 };
    const named = errors.length > 0 && errors.every((error) => typeof error.path === 'string' && error.path !== '' && typeof error.message === 'string');
    return named ? { index, body, status: 400 } : { index, body, status: 400, problem: `400 naming no field: ${bytes.toString('utf8').slice(0, 300)}` };
  }
  return { index, body, status: response.status, problem: bytes.toString('utf8').slice(0, 300) };
}

const PROTO_KEY = /"__proto__":|"constructor":\{[^{}]*"prototype":/;
const outcomes: Outcome[] = [];

describe(`${CASES} random mutations of the examples, sent to the running server (seed ${SEED})`, () => {
  it('get only 200s with Word files that parse and 400s naming a field', async () => {
    const cases = fc.sample(mutationCase, { seed: SEED, numRuns: CASES });
    // Four at a time: the server sees concurrent requests, as it would in use.
    for (let i = 0; i < cases.length; i += 4) {
      outcomes.push(...(await Promise.all(cases.slice(i, i + 4).map((c, j) => send(i + j, apply(c))))));
    }
    const failures = outcomes.filter((outcome) => outcome.problem);
    const report = failures
      .slice(0, 5)
      .map((f) => `case ${f.index} (seed ${SEED}): ${f.status} ${f.problem}\n  sent: ${f.body.slice(0, 500)}`)
      .join('\n');
    expect(failures.length, report).toBe(0);
    const accepted = outcomes.filter((outcome) => outcome.status === 200).length;
    const refused = outcomes.filter((outcome) => outcome.status === 400).length;
    console.log(`mutation: ${CASES} cases, ${accepted} accepted (200), ${refused} refused (400), seed ${SEED}`);
    expect(accepted + refused).toBe(CASES);
    // Both outcomes are exercised in earnest.
    expect(accepted).toBeGreaterThan(25);
    expect(refused).toBeGreaterThan(25);
    // The server is still there and shuts down cleanly.
    expect((await fetch(`${server.url}/api/clauses`)).status).toBe(200);
    expect(await stopServer(server)).toBe(0);
  }, 300_000);

  it(`a sample of ${LIBREOFFICE_SAMPLE} accepted files opens in LibreOffice`, async () => {
    const accepted = outcomes.filter((outcome) => outcome.docx);
    expect(accepted.length).toBeGreaterThanOrEqual(LIBREOFFICE_SAMPLE);
    // Spread over the run, and always the same ones for a seed.
    const chosen = Array.from({ length: LIBREOFFICE_SAMPLE }, (_, k) => accepted[Math.floor((k * accepted.length) / LIBREOFFICE_SAMPLE)]!);
    const dir = join(workDir, 'libreoffice');
    const files = chosen.map((outcome) => {
      const file = join(workDir, `case-${outcome.index}.docx`);
      writeFileSync(file, outcome.docx!);
      return file;
    });
    // One soffice for all five: one start-up instead of five. A profile of its own.
    const profile = pathToFileURL(join(workDir, `profile-${randomUUID()}`)).href;
    await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, ...files], {
      timeout: 240_000,
    });
    for (const outcome of chosen) {
      const pdf = join(dir, `case-${outcome.index}.pdf`);
      expect(existsSync(pdf), `LibreOffice made no PDF of case ${outcome.index}`).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
      expect(stdout, `case ${outcome.index}`).toContain('Parties and effective date');
    }
  }, 300_000);
});
