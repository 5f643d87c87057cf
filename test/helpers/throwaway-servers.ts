// Throwaway PostgreSQL and Redis servers in a temporary folder, on free
// ports of 127.0.0.1, for the scale tier (npm run test:scale) and the
// two-instance load run (LOAD_INSTANCES=2 npm run load). Debian's packages
// (postgresql, redis-server) are all they need; .ci/run installs them.
// PostgreSQL refuses to run as root, so as root its programs run as the
// `postgres` user the package creates, in folders that user owns.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** PG_BIN, or the newest /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(): string | undefined {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((name) => existsSync(join(base, name, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

export interface ThrowawayPostgres {
  readonly port: number;
  /** postgres://… of the `postgres` database; `createDatabase` gives each test its own. */
  readonly url: string;
  createDatabase(name: string): Promise<string>;
  /** pg_ctl restart -m fast: every connection is cut, the server is back when this resolves. */
  restart(): Promise<void>;
  /** pg_ctl stop -m fast, keeping the data: the database is down until `resume`. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /**
   * SIGSTOP to every process of the cluster: connections stay open and new
   * ones are accepted by the kernel, but nothing answers (a hung host, a
   * network that drops packets). `thaw` sends SIGCONT.
   */
  freeze(): Promise<void>;
  thaw(): Promise<void>;
  stop(): Promise<void>;
  log(): Promise<string>;
}

/** A process and its children (PostgreSQL's postmaster and its backends). */
async function processTree(pid: number): Promise<number[]> {
  const { stdout } = await run('ps', ['-o', 'pid=', '--ppid', String(pid)]).catch(() => ({ stdout: '' }));
  return [pid, ...stdout.split('\n').map((line) => Number(line.trim())).filter((child) => child > 0)];
}

export async function startPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install postgresql (or set PG_BIN to the folder of pg_ctl)');
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'throwaway-pg-'));
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'socket');
  const logFile = join(dir, 'postgres.log');
  mkdirSync(socketDir);
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    for (const path of [dir, socketDir]) chownSync(path, Number(stdout.trim()), Number(gid.trim()));
  }
  const pgRun = (program: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args]) : run(join(bin, program), args);
  const port = await freePort();
  await pgRun('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  await pgRun('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const signalCluster = async (signal: 'SIGSTOP' | 'SIGCONT') => {
    const { readFileSync } = await import('node:fs');
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    // The postmaster first, so that it forks no new backend that would answer.
    for (const pid of await processTree(postmaster)) process.kill(pid, signal);
  };
  return {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async restart() {
      await pgRun('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-m', 'fast', '-w', '-t', '60', 'restart']);
    },
    async pause() {
      await pgRun('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    },
    async resume() {
      await pgRun('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start']);
    },
    freeze: () => signalCluster('SIGSTOP'),
    thaw: () => signalCluster('SIGCONT'),
    async stop() {
      if (stopped) return;
      stopped = true;
      await signalCluster('SIGCONT').catch(() => undefined);
      await pgRun('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
    async log() {
      const { readFileSync } = await import('node:fs');
      return existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    },
  };
}

export interface ThrowawayRedis {
  readonly port: number;
  readonly url: string;
  /** SIGSTOP: the connection stays open, nothing answers. */
  freeze(): void;
  /** SIGCONT. */
  thaw(): void;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<ThrowawayRedis> {
  const program = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
  if (!existsSync(program)) throw new Error('Redis is not installed: apt-get install redis-server (or set REDIS_SERVER)');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'throwaway-redis-'));
  const child: ChildProcess = spawn(program, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 20_000);
    const check = setInterval(() => {
      if (/Ready to accept connections/i.test(output)) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(check);
        clearTimeout(timer);
        reject(new Error(`redis-server exited:\n${output}`));
      }
    }, 50);
  });
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    freeze() {
      child.kill('SIGSTOP');
    },
    thaw() {
      child.kill('SIGCONT');
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGCONT');
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
