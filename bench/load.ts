// npm run load: the compiled server (as `npm start` runs it; the `preload`
// script builds it) as a child process on 127.0.0.1, driven by autocannon at
// 16 connections for LOAD_SECONDS (default 60):
//
// - 8 connections POST /api/contracts (the new-client-fixed example);
// - 8 connections walk the wizard as a browser would: the home page, a new
//   draft, each step's page and its form (with the CSRF token read from the
//   page and the cookie carried), the review page and the Word file.
//
// It reports requests, errors, answers that are neither 2xx nor 3xx, latency
// p50/p99 of each stream, and the server's RSS after about 2,000 documents
// and after about 20,000 (or at the end, if the run makes fewer; it says so).
// LOAD_DOCS=N runs until N documents instead (at most LOAD_MAX_SECONDS, 900).
// Exits 1 on any error, timeout, 4xx or 5xx, or RSS growth over 20%.
//
// LOAD_INSTANCES=2 runs two server processes on a throwaway PostgreSQL
// (DATABASE_URL) and Redis (REDIS_URL) behind a round-robin balancer
// (bench/round-robin.ts), so consecutive steps of every walk are served by
// different instances; RSS is then the sum of both.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannonUntyped from 'autocannon';
import { answersToForm } from '../src/web/wizard/engine.ts';
import { STEPS } from '../src/web/wizard/steps.ts';
import { ROOT, startServer, stopServer, type ServerProcess } from '../test/helpers/server-process.ts';
import { startPostgres, startRedis, type ThrowawayPostgres, type ThrowawayRedis } from '../test/helpers/throwaway-servers.ts';
import { startRoundRobin, type RoundRobin } from './round-robin.ts';

// The server closes a keep-alive connection after 1,000 requests with
// `Connection: close` (maxRequestsPerSocket, src/web/app.ts), which autocannon
// ignores, so every later request on it would get Node's 503: each
// connection is reopened well before that, as a browser would.
const RECONNECT_RATE = 500;

// ---------------------------------------------------------------------------
// The part of autocannon used here, beyond bench/autocannon.d.ts.

type Headers = Record<string, string | string[] | undefined>;
interface Context {
  cookie?: string;
  token?: string;
  url?: string;
}
interface RequestSpec {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: RequestSpec, context: Context) => RequestSpec | undefined;
  onResponse?: (status: number, body: string, context: Context, headers: Headers) => void;
}
interface Histogram {
  p50: number;
  p99: number;
  average: number;
}
interface Result {
  requests: Histogram & { total: number };
  latency: Histogram;
  errors: number;
  timeouts: number;
  resets: number;
  statusCodeStats: Record<string, { count: number }>;
  duration: number;
}
interface Instance {
  on(event: 'response', listener: (client: unknown, statusCode: number) => void): void;
  stop(): void;
}
type Autocannon = (
  options: { url: string; connections: number; duration: number; requests: RequestSpec[]; timeout?: number; reconnectRate?: number },
  done: (error: Error | null, result: Result) => void,
) => Instance;
const autocannon = autocannonUntyped as unknown as Autocannon;

// ---------------------------------------------------------------------------

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a whole number above 0, not "${raw}"`);
  return value;
}

const TARGET_DOCS = process.env.LOAD_DOCS ? positive('LOAD_DOCS', 20_000) : undefined;
const SECONDS = TARGET_DOCS ? positive('LOAD_MAX_SECONDS', 900) : positive('LOAD_SECONDS', 60);
const CONNECTIONS = 16;
const INSTANCES = positive('LOAD_INSTANCES', 1);
if (INSTANCES > 4) throw new Error(`LOAD_INSTANCES must be 1 to 4, not ${INSTANCES}`);
const EARLY_MARK = 2_000;
const LATE_MARK = 20_000;
const MAX_RSS_GROWTH = 0.2;

const sample = readFileSync(join(ROOT, 'clauses/samples/new-client-fixed.json'), 'utf8');
const sampleAnswers = JSON.parse(sample) as Record<string, unknown>;

const firstHeader = (headers: Headers, name: string): string => {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

/** Keeps the CSRF cookie and the token of the page just read. */
function absorb(body: string, context: Context, headers: Headers) {
  const setCookie = headers['set-cookie'];
  for (const cookie of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
    const pair = cookie.split(';')[0]!;
    if (pair.startsWith('_csrf=')) context.cookie = pair;
  }
  const token = /name="_csrf" value="([^"]+)"/.exec(body);
  if (token) context.token = token[1]!;
}

function formBody(context: Context, fields: Record<string, string | string[]> = {}): string {
  const body = new URLSearchParams({ _csrf: context.token ?? '' });
  for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  return body.toString();
}

const FORM = 'application/x-www-form-urlencoded';
let wizardDocs = 0;
let apiDocs = 0;

/** One walk of the wizard, from the home page to the Word file; each connection repeats it. */
function wizardWalk(): RequestSpec[] {
  const walk: RequestSpec[] = [
    { method: 'GET', path: '/', headers: { accept: 'text/html' }, onResponse: (_s, body, context, headers) => absorb(body, context, headers) },
    {
      method: 'POST',
      path: '/wizard',
      setupRequest: (request, context) => ({ ...request, headers: { cookie: context.cookie ?? '', 'content-type': FORM, accept: 'text/html' }, body: formBody(context) }),
      onResponse: (_s, _b, context, headers) => {
        context.url = firstHeader(headers, 'location');
      },
    },
  ];
  for (const step of STEPS) {
    const fields = answersToForm(step, sampleAnswers);
    walk.push(
      {
        method: 'GET',
        setupRequest: (request, context) => ({ ...request, path: context.url, headers: { cookie: context.cookie ?? '', accept: 'text/html' } }),
        onResponse: (_s, body, context, headers) => absorb(body, context, headers),
      },
      {
        method: 'POST',
        setupRequest: (request, context) => ({
          ...request,
          path: context.url,
          headers: { cookie: context.cookie ?? '', 'content-type': FORM, accept: 'text/html' },
          body: formBody(context, fields),
        }),
        onResponse: (_s, _b, context, headers) => {
          context.url = firstHeader(headers, 'location');
        },
      },
    );
  }
  walk.push(
    // context.url is the review page now.
    { method: 'GET', setupRequest: (request, context) => ({ ...request, path: context.url, headers: { cookie: context.cookie ?? '', accept: 'text/html' } }) },
    {
      method: 'GET',
      setupRequest: (request, context) => ({ ...request, path: (context.url ?? '').replace(/\/review$/, '/contract.docx'), headers: { cookie: context.cookie ?? '' } }),
      onResponse: (status) => {
        if (status === 200) wizardDocs += 1;
      },
    },
  );
  return walk;
}

function rssOfOne(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/** The servers' RSS, summed over every instance. */
let pids: number[] = [];
const rssOf = () => pids.reduce((sum, pid) => sum + rssOfOne(pid), 0);

interface Target {
  readonly url: string;
  readonly servers: ServerProcess[];
  readonly balancer?: RoundRobin;
  readonly postgres?: ThrowawayPostgres;
  readonly redis?: ThrowawayRedis;
  readonly dataDirs: string[];
}

/** One server on SQLite, or INSTANCES servers on one PostgreSQL and one Redis behind a round-robin balancer. */
async function startTarget(): Promise<Target> {
  const env = { RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'info' };
  if (INSTANCES === 1) {
    const dataDir = mkdtempSync(join(tmpdir(), 'load-'));
    const server = await startServer({ ...env, DATA_DIR: dataDir }, { build: 'compiled' });
    return { url: server.url, servers: [server], dataDirs: [dataDir] };
  }
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const databaseUrl = await postgres.createDatabase('load');
  const dataDirs = Array.from({ length: INSTANCES }, () => mkdtempSync(join(tmpdir(), 'load-')));
  const servers = await Promise.all(dataDirs.map((dataDir) => startServer({ ...env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, REDIS_URL: redis.url }, { build: 'compiled' })));
  const balancer = await startRoundRobin(servers.map((server) => server.url));
  return { url: balancer.url, servers, balancer, postgres, redis, dataDirs };
}

async function stopTarget(target: Target): Promise<(number | string)[]> {
  await target.balancer?.close();
  const exits = await Promise.all(target.servers.map((server) => stopServer(server)));
  await Promise.all([target.postgres?.stop(), target.redis?.stop()]);
  for (const dir of target.dataDirs) rmSync(dir, { recursive: true, force: true });
  return exits;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<number> {
  const target = await startTarget();
  const server = { url: target.url };
  pids = target.servers.map((one) => one.child.pid!);
  const pid = pids[0]!;
  const rssAtStart = rssOf();
  console.log(
    INSTANCES === 1
      ? `server ${server.url} (pid ${pid}), SQLite, RSS at start ${mb(rssAtStart)}`
      : `${INSTANCES} servers (pids ${pids.join(', ')}) on PostgreSQL ${target.postgres!.port} and Redis ${target.redis!.port}, ` +
          `behind a round-robin balancer at ${server.url}; RSS at start ${mb(rssAtStart)} in all`,
  );
  console.log(TARGET_DOCS ? `running until ${TARGET_DOCS} documents (at most ${SECONDS} s)` : `running ${SECONDS} s`);
  console.log(`${CONNECTIONS} connections: ${CONNECTIONS / 2} POST /api/contracts, ${CONNECTIONS / 2} walking the wizard\n`);

  const codes = { api: new Map<number, number>(), wizard: new Map<number, number>() };
  const tally = (map: Map<number, number>) => (_client: unknown, code: number) => map.set(code, (map.get(code) ?? 0) + 1);
  const run = (name: 'api' | 'wizard', requests: RequestSpec[]) =>
    new Promise<Result>((resolve, reject) => {
      const instance = autocannon({ url: server.url, connections: CONNECTIONS / 2, duration: SECONDS, requests, timeout: 30, reconnectRate: RECONNECT_RATE }, (error, result) =>
        error ? reject(error) : resolve(result),
      );
      instance.on('response', tally(codes[name]));
      instances.push(instance);
    });
  const instances: Instance[] = [];

  const docs = () => apiDocs + wizardDocs;
  const samples: { at: number; docs: number; rss: number }[] = [];
  const started = Date.now();
  let early: { docs: number; rss: number } | undefined;
  let late: { docs: number; rss: number } | undefined;
  const sampler = setInterval(() => {
    const point = { at: Date.now() - started, docs: docs(), rss: rssOf() };
    samples.push(point);
    if (!early && point.docs >= EARLY_MARK) early = point;
    if (!late && point.docs >= LATE_MARK) late = point;
    if (TARGET_DOCS && point.docs >= TARGET_DOCS) for (const instance of instances) instance.stop();
  }, 250);
  const progress = setInterval(() => console.log(`  ${Math.round((Date.now() - started) / 1000)} s: ${docs()} documents, RSS ${mb(rssOf())}`), 10_000);

  const apiRun = run('api', [
    {
      method: 'POST',
      path: '/api/contracts',
      headers: { 'content-type': 'application/json' },
      body: sample,
      onResponse: (status) => {
        if (status === 200) apiDocs += 1;
      },
    },
  ]);
  const walk = wizardWalk();
  const wizardRun = run('wizard', walk);
  const [api, wizard] = await Promise.all([apiRun, wizardRun]);
  clearInterval(sampler);
  clearInterval(progress);
  const elapsed = (Date.now() - started) / 1000;
  const rssAtEnd = rssOf();
  const last = samples.at(-1) ?? { docs: docs(), rss: rssAtEnd };

  const perInstance = target.balancer ? [...target.balancer.counts] : undefined;
  const exits = await stopTarget(target);
  const exit = exits.find((code) => code !== 0) ?? 0;

  // ---- report
  const classes = (map: Map<number, number>) => {
    const out = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 };
    for (const [code, count] of map) {
      const key = code >= 200 && code < 600 ? (`${Math.floor(code / 100)}xx` as keyof typeof out) : 'other';
      if (key in out) out[key] += count;
      else out.other += count;
    }
    return out;
  };
  const line = (name: string, result: Result, map: Map<number, number>) => {
    const c = classes(map);
    const total = c['2xx'] + c['3xx'] + c['4xx'] + c['5xx'] + c.other;
    console.log(
      `${name.padEnd(28)} ${String(total).padStart(7)} requests (${(total / elapsed).toFixed(0)}/s)  2xx ${c['2xx']}  3xx ${c['3xx']}  4xx ${c['4xx']}  5xx ${c['5xx']}  ` +
        `errors ${result.errors}  timeouts ${result.timeouts}  latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    );
    return { bad: c['4xx'] + c['5xx'] + c.other, errors: result.errors + result.timeouts, codes: Object.fromEntries(map) };
  };
  console.log(`\n${elapsed.toFixed(1)} s, ${docs()} documents (${apiDocs} from the API, ${wizardDocs} from complete wizard walks)`);
  const a = line('POST /api/contracts', api, codes.api);
  const w = line(`wizard (${walk.length}-request walk)`, wizard, codes.wizard);
  if (a.bad || w.bad) console.log(`status codes: api ${JSON.stringify(a.codes)}, wizard ${JSON.stringify(w.codes)}`);

  if (perInstance) console.log(`requests per instance: ${perInstance.join(' / ')}`);
  console.log(`\nserver RSS${INSTANCES > 1 ? ' (all instances)' : ''}: start ${mb(rssAtStart)}, end ${mb(rssAtEnd)}`);
  const failures: string[] = [];
  if (!early) {
    failures.push(`fewer than ${EARLY_MARK} documents: no memory comparison`);
  } else {
    const reachedLate = late !== undefined;
    const end = late ?? last;
    const growth = end.rss / early.rss - 1;
    console.log(`  after ${early.docs} documents: ${mb(early.rss)}`);
    console.log(
      `  after ${end.docs} documents: ${mb(end.rss)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%)` +
        (reachedLate ? '' : `  [end of run: ${LATE_MARK} documents not reached in ${elapsed.toFixed(0)} s; LOAD_DOCS=${LATE_MARK} runs until they are]`),
    );
    if (growth > MAX_RSS_GROWTH) failures.push(`RSS grew ${(growth * 100).toFixed(1)}%, more than ${MAX_RSS_GROWTH * 100}%`);
  }
  if (a.errors + w.errors) failures.push(`${a.errors + w.errors} connection errors or timeouts`);
  if (a.bad + w.bad) failures.push(`${a.bad + w.bad} answers neither 2xx nor 3xx`);
  if (exit !== 0) failures.push(`server exited with ${exit} on SIGTERM`);
  console.log(failures.length ? `\nFAIL: ${failures.join('; ')}` : '\nOK: no errors, no 4xx/5xx, memory flat, clean shutdown');
  return failures.length ? 1 : 0;
}

process.exitCode = await main();
