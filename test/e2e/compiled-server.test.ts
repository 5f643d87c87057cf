// The server as `npm start` runs it: compiled JavaScript in dist/, no
// TypeScript at run time. It must find everything it reads from the project
// (the clause library, the letter templates, the page templates and their
// assets) and serve the same product as the source does.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, PAPER_SIZES } from '../../src/answers/schema.ts';
import { parseProbesJson } from '../../src/render/docx-package.ts';
import { renderProbes } from '../../src/render/docx-probes.ts';
import { DOCX_TYPE } from '../../src/web/api.ts';
import { publicJwk } from '../../src/engagements/seal.ts';
import { sealedRecord, testKey } from '../engagements/record-helpers.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { letterInput } from '../helpers/letters.ts';
import { SAMPLES_DIR } from '../helpers/samples.ts';
import { killHard, ROOT, startCommandArguments, startServer, stopServer, type ServerProcess } from '../helpers/server-process.ts';

/**
 * Builds the compiled app in a process of its own, with a module hook that
 * reports every module loaded, and says whether the docx library and the ics
 * package were loaded at start-up, after one letter as a Word file and after
 * one calendar.
 */
const LOADED_ON_DEMAND = `
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const loaded = [];
const { port1, port2 } = new MessageChannel();
port1.on('message', (url) => loaded.push(url));
register('data:text/javascript,' + encodeURIComponent(
  'let port; export function initialize(data) { port = data.port; } ' +
  'export async function load(url, context, next) { port.postMessage(url); return next(url, context); }'), { data: { port: port2 }, transferList: [port2] });
const { buildApp } = await import('./dist/web/app.js');
const app = await buildApp({ dataDir: process.argv[1] });
await app.ready();
const loadedNow = async () => {
  await new Promise((resolve) => setTimeout(resolve, 100)); // the hook's messages arrive a little later
  return { docx: loaded.some((url) => url.includes('/node_modules/docx/')), ics: loaded.some((url) => url.includes('/node_modules/ics/')) };
};
const post = (url, payload) => app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload }).then((response) => response.statusCode);
const atStart = await loadedNow();
const letter = await post('/api/letters/final-check-in', process.argv[2]);
const afterLetter = await loadedNow();
const calendar = await post('/api/schedule', JSON.stringify({ answers: JSON.parse(process.argv[2]).answers, stage: 'payment-due', since: '2027-07-30' }));
console.log(JSON.stringify({ atStart, letter, afterLetter, calendar, afterCalendar: await loadedNow() }));
await app.close();
port1.close();
`;

let workDir: string;
let server: ServerProcess;
beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'compiled-server-'));
  server = await startServer({ DATA_DIR: join(workDir, 'data'), RATE_LIMIT_PER_MINUTE: '0' }, { build: 'compiled' });
});
afterAll(async () => {
  if (server) await killHard(server);
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the compiled server (npm start)', () => {
  it('runs dist/server.js with node itself, not a TypeScript loader', () => {
    const args = startCommandArguments();
    expect(args.at(-1)).toBe('dist/server.js');
    expect(args.join(' ')).not.toMatch(/tsx|ts-node|--import|--loader|\.ts\b/);
  });

  it('makes a contract from the clause library', async () => {
    const body = readFileSync(join(SAMPLES_DIR, 'new-client-fixed.json'), 'utf8');
    const response = await fetch(`${server.url}/api/contracts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(DOCX_TYPE);
    const text = openDocx(Buffer.from(await response.arrayBuffer())).text();
    expect(text).toContain('Harbor Coffee website redesign');
    expect(text).toContain('Governing law');
  });

  it('writes a follow-up letter from the letter templates', async () => {
    const response = await fetch(`${server.url}/api/letters/final-check-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/plain' },
      body: JSON.stringify(letterInput()),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^Subject: /);
  });

  it('serves the pages with their stylesheet and script, and the API reference', async () => {
    const home = await fetch(`${server.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('/assets/app.css');
    for (const [name, type] of [['app.css', 'text/css'], ['wizard.js', 'javascript']] as const) {
      const response = await fetch(`${server.url}/assets/${name}`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get('content-type'), name).toContain(type);
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(ROOT, 'views/assets', name))), name).toBe(true);
    }
    const docs = await fetch(`${server.url}/docs/`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toContain('text/html');
  });

  it('makes contracts from what the docx library renders now: the probe files the build wrote are the same', async () => {
    const built = parseProbesJson(readFileSync(join(ROOT, 'dist/render/docx-probes.json'), 'utf8'));
    const now = await renderProbes();
    // The probe's dates and its answers' random id differ between any two renders.
    const stamped = new Set(['docProps/core.xml', 'customXml/itemProps1.xml']);
    const parts = (file: Buffer) => Object.entries(unzipSync(file)).filter(([name]) => !stamped.has(name)).map(([name, bytes]) => [name, strFromU8(bytes)]);
    for (const language of LANGUAGES) {
      for (const paperSize of PAPER_SIZES) expect(parts(built[language][paperSize]), `${language} ${paperSize}`).toEqual(parts(now[language][paperSize]));
    }
  });

  // Loaded at start-up, the docx library kept about 14 MB of the idle server's RSS and the ics
  // package about 3 MB: contracts take the docx library's probe files from the build
  // (dist/render/docx-probes.json), letters, invoices and calendars import what they need on demand.
  it('starts without the docx library or the ics package, and loads each for the first file that needs it', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', LOADED_ON_DEMAND, join(workDir, 'hooked'), JSON.stringify(letterInput())], { cwd: ROOT, timeout: 60_000 });
    expect(JSON.parse(stdout)).toEqual({
      atStart: { docx: false, ics: false },
      letter: 200,
      afterLetter: { docx: true, ics: false },
      calendar: 200,
      afterCalendar: { docx: true, ics: true },
    });
  });

  // `npm ci --omit=dev` leaves no tsx: the offline check must run from what the build compiled.
  it('npm run verify checks a record offline with node alone, from dist/', async () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.verify).toBe('node dist/engagements/verify-command.js');
    const key = testKey();
    const record = sealedRecord(key);
    const certificate = { engagementId: record.engagementId, version: 1, documentHash: record.documentHash, timeZone: 'UTC', parties: [], events: record.events, seal: record.seal };
    writeFileSync(join(workDir, 'keys.json'), JSON.stringify({ keys: [publicJwk(key)] }));
    writeFileSync(join(workDir, 'certificate.json'), JSON.stringify(certificate));
    const run = (file: string) =>
      promisify(execFile)('npm', ['run', '--silent', 'verify', '--', join(workDir, file), '--keys', join(workDir, 'keys.json')], { cwd: ROOT, timeout: 60_000 }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const passed = await run('certificate.json');
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain('OK: this is exactly the signed file, its record is whole and its seal holds.');
    const edited = structuredClone(certificate) as { events: { data: Record<string, unknown> }[] };
    edited.events[4]!.data.name = 'Someone Else';
    writeFileSync(join(workDir, 'edited.json'), JSON.stringify(edited));
    const refused = await run('edited.json');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('FAILED: Event 5 (signed) was changed after it was recorded: its contents no longer match its hash.');
  });

  it('exits 0 on SIGTERM', async () => {
    expect(await stopServer(server)).toBe(0);
  });
});
