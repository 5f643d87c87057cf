// Every setting docs/settings.md lists, read by the real src/config.ts from an
// environment and shown to change what a user or an operator meets: the app
// built from that configuration, or the real server process where only a
// process can tell (the port, the address, the logs).
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { buildApp } from '../../src/web/app.ts';
import { answersToForm } from '../../src/web/wizard/engine.ts';
import { STEPS } from '../../src/web/wizard/steps.ts';
import { InjectVisitor } from '../helpers/inject-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';
import { killHard, ROOT, startServer, stopServer, type ServerProcess } from '../helpers/server-process.ts';
import { tempDataDir } from '../helpers/test-app.ts';

// Each test builds an app or starts a process: slow on a busy machine, never timed.
vi.setConfig({ testTimeout: 60_000 });

const apps: FastifyInstance[] = [];
const servers: ServerProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const server of servers.splice(0)) await killHard(server);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = tempDataDir('settings');
  dirs.push(dir);
  return dir;
}

/** The app as server.ts builds it: from readConfig(environment), with the test's clock. */
async function appFrom(env: Record<string, string>, now?: () => Date): Promise<FastifyInstance> {
  const app = await buildApp({ ...readConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir(), ...env }), ...(now ? { now } : {}) });
  apps.push(app);
  return app;
}

const postContract = (app: FastifyInstance, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/contracts', payload: payload as object, headers: { 'content-type': 'application/json', accept: 'application/json', ...headers } });

describe('with no settings at all', () => {
  it('has the defaults docs/settings.md lists', () => {
    expect(readConfig({})).toMatchObject({
      port: 3000,
      host: 'localhost',
      bodyLimitBytes: 1_048_576,
      dataDir: resolve('data'),
      draftTtlDays: 30,
      rateLimitPerMinute: 60,
      trustProxy: false,
      cookieSecret: undefined,
      logLevel: 'info',
    });
  });

  it('treats a variable set to nothing as unset', () => {
    const blank = { PORT: '', HOST: '', BODY_LIMIT_BYTES: '', DATA_DIR: '', DRAFT_TTL_DAYS: '', RATE_LIMIT_PER_MINUTE: '', TRUST_PROXY: '', COOKIE_SECRET: '', LOG_LEVEL: '' };
    expect(readConfig(blank)).toEqual(readConfig({}));
  });
});

describe('a number setting that cannot be used stops the server with its name', () => {
  it.each([
    ['PORT', '-1', 0],
    ['PORT', 'eighty', 0],
    ['BODY_LIMIT_BYTES', '1023', 1024],
    ['BODY_LIMIT_BYTES', '2048.5', 1024],
    ['DRAFT_TTL_DAYS', '0', 1],
    ['DRAFT_TTL_DAYS', '7.5', 1],
    ['RATE_LIMIT_PER_MINUTE', '-1', 0],
    ['RATE_LIMIT_PER_MINUTE', 'lots', 0],
  ])('%s=%s', (name, value, min) => {
    expect(() => readConfig({ [name]: value })).toThrow(`${name} must be a whole number of at least ${min}, not "${value}"`);
  });

  it.each([
    ['PORT', '0', 'port', 0],
    ['BODY_LIMIT_BYTES', '1024', 'bodyLimitBytes', 1024],
    ['DRAFT_TTL_DAYS', '1', 'draftTtlDays', 1],
    ['RATE_LIMIT_PER_MINUTE', '0', 'rateLimitPerMinute', 0],
  ] as const)('%s=%s, the smallest it takes, is accepted', (name, value, key, expected) => {
    expect(readConfig({ [name]: value })[key]).toBe(expected);
  });
});

describe('BODY_LIMIT_BYTES', () => {
  it('a body over the limit is refused with 413; one under it is read', async () => {
    const app = await appFrom({ BODY_LIMIT_BYTES: '4096', RATE_LIMIT_PER_MINUTE: '0' });
    const over = sampleInput('new-client-fixed');
    over.project.description = 'x'.repeat(5000);
    expect((await postContract(app, over)).statusCode).toBe(413);
    const under = sampleInput('new-client-fixed');
    under.project.description = 'x'.repeat(2000);
    expect((await postContract(app, under)).statusCode).toBe(200);
  });

  it('the home page tells the visitor the upload limit', async () => {
    const app = await appFrom({ BODY_LIMIT_BYTES: '262144' });
    expect((await app.inject({ url: '/', headers: { accept: 'text/html' } })).body).toContain('256 kB');
  });
});

describe('DATA_DIR', () => {
  it('is where the drafts database and the cookie secret are kept', async () => {
    const dir = join(dataDir(), 'nested', 'drafts');
    const app = await appFrom({ DATA_DIR: dir });
    await new InjectVisitor(app).start();
    expect(existsSync(join(dir, 'drafts.sqlite'))).toBe(true);
    expect(existsSync(join(dir, 'cookie-secret'))).toBe(true);
  });

  it('a relative path is taken from the working directory', () => {
    expect(readConfig({ DATA_DIR: 'var/drafts' }).dataDir).toBe(resolve('var/drafts'));
  });
});

describe('DRAFT_TTL_DAYS', () => {
  const day = 86_400_000;
  const start = new Date('2027-01-04T09:00:00Z');
  const at = (days: number) => () => new Date(start.getTime() + days * day);

  it('keeps an untouched draft for that many days, and not a day longer', async () => {
    const env = { DATA_DIR: dataDir(), DRAFT_TTL_DAYS: '2' };
    const first = await appFrom(env, at(0));
    const stepUrl = await new InjectVisitor(first).start();
    await first.close();
    apps.splice(apps.indexOf(first), 1);

    const soon = await appFrom(env, at(1.9));
    expect((await soon.inject({ url: stepUrl, headers: { accept: 'text/html' } })).statusCode).toBe(200);
    await soon.close();
    apps.splice(apps.indexOf(soon), 1);

    const late = await appFrom(env, at(2.1));
    const gone = await late.inject({ url: stepUrl, headers: { accept: 'text/html' } });
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain('This draft has expired or was deleted');
  });
});

describe('RATE_LIMIT_PER_MINUTE', () => {
  it('allows that many documents a minute from one address, then answers 429 with Retry-After', async () => {
    const app = await appFrom({ RATE_LIMIT_PER_MINUTE: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await postContract(app, sampleInput('new-client-fixed'))).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('0 turns the limit off', async () => {
    const app = await appFrom({ RATE_LIMIT_PER_MINUTE: '0' });
    const statuses = new Set<number>();
    for (let i = 0; i < 70; i += 1) statuses.add((await postContract(app, {})).statusCode);
    expect([...statuses]).toEqual([400]);
  });

  it('is 60 when unset', async () => {
    const app = await appFrom({});
    const statuses: number[] = [];
    for (let i = 0; i < 61; i += 1) statuses.push((await postContract(app, {})).statusCode);
    expect(statuses.slice(0, 60).every((status) => status === 400)).toBe(true);
    expect(statuses[60]).toBe(429);
  });
});

describe('TRUST_PROXY', () => {
  async function csrfCookieBehindProxy(env: Record<string, string>): Promise<string> {
    const app = await appFrom(env);
    const visitor = new InjectVisitor(app, { 'x-forwarded-proto': 'https' });
    const home = await visitor.get('/');
    const started = await visitor.post('/wizard');
    const step = await visitor.get(String(started.headers.location));
    const cookies = [home, started, step].flatMap((response) => ([] as string[]).concat(response.headers['set-cookie'] ?? []));
    expect(cookies.length).toBeGreaterThan(0);
    return cookies.join('\n');
  }

  it('TRUST_PROXY=1: the CSRF cookie is Secure when the proxy says the visitor came over HTTPS', async () => {
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(await csrfCookieBehindProxy({ TRUST_PROXY: '1' })).toMatch(/;\s*Secure/i);
  });

  it('unset: X-Forwarded-Proto is not believed, so the cookie is not marked Secure', async () => {
    expect(await csrfCookieBehindProxy({})).not.toMatch(/;\s*Secure/i);
  });

  it('TRUST_PROXY=1: the client address comes from X-Forwarded-For, so each visitor behind the proxy has its own rate limit', async () => {
    const app = await appFrom({ TRUST_PROXY: '1', RATE_LIMIT_PER_MINUTE: '1' });
    const from = (address: string) => postContract(app, {}, { 'x-forwarded-for': address });
    expect((await from('203.0.113.7')).statusCode).toBe(400);
    expect((await from('203.0.113.7')).statusCode).toBe(429);
    expect((await from('198.51.100.23')).statusCode).toBe(400);
  });
});

describe('COOKIE_SECRET', () => {
  /** Starts a draft on one instance and saves its first step on another sharing the drafts: the status of that save. */
  async function saveOnAnotherInstance(first: Record<string, string>, second: Record<string, string>): Promise<number> {
    const dir = dataDir();
    const one = await appFrom({ DATA_DIR: dir, ...first });
    const visitor = new InjectVisitor(one);
    const stepUrl = await visitor.start();
    await visitor.get(stepUrl);
    const two = await appFrom({ DATA_DIR: dir, ...second });
    // The same browser (its cookie, the token on its page) now reaching the second instance.
    const same = new InjectVisitor(two);
    same.cookies = visitor.cookies;
    same.token = visitor.token;
    return (await same.post(stepUrl, answersToForm(STEPS[0]!, sampleInput('new-client-fixed')))).statusCode;
  }

  it('signs the CSRF token: another instance with the same secret accepts the form', async () => {
    expect(await saveOnAnotherInstance({ COOKIE_SECRET: 'a'.repeat(40) }, { COOKIE_SECRET: 'a'.repeat(40) })).toBe(303);
  });

  it('an instance with another secret refuses the form (403), whatever the secret kept in DATA_DIR', async () => {
    expect(await saveOnAnotherInstance({ COOKIE_SECRET: 'a'.repeat(40) }, { COOKIE_SECRET: 'b'.repeat(40) })).toBe(403);
    expect(await saveOnAnotherInstance({}, { COOKIE_SECRET: 'b'.repeat(40) })).toBe(403);
  });

  it('unset, the secret kept in DATA_DIR is used', async () => {
    expect(readConfig({}).cookieSecret).toBeUndefined();
    expect(await saveOnAnotherInstance({}, {})).toBe(303);
  });
});

/** A port nobody is listening on right now. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

describe('the real server process', () => {
  it('PORT and HOST: listens where they say', async () => {
    const port = await freePort();
    const server = await startServer({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir() });
    servers.push(server);
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    expect((await fetch(`http://127.0.0.1:${port}/api/clauses`)).status).toBe(200);
  });

  it('LOG_LEVEL=info logs each request (method, path, status); LOG_LEVEL=silent logs nothing', async () => {
    const server = await startServer({ LOG_LEVEL: 'info', DATA_DIR: dataDir() });
    servers.push(server);
    await fetch(`${server.url}/api/clauses`);
    await stopServer(server);
    expect(server.output()).toMatch(/"url":"\/api\/clauses"/);
    expect(server.output()).toMatch(/"statusCode":200/);

    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: dataDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((done) => child.on('exit', done));
    try {
      let status = 0;
      for (let attempt = 0; attempt < 300 && status !== 200; attempt += 1) {
        status = await fetch(`http://127.0.0.1:${port}/api/clauses`).then((response) => response.status, () => 0);
        if (status !== 200) await new Promise((wait) => setTimeout(wait, 100));
      }
      expect(status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    expect(output).toBe('');
  });
});
