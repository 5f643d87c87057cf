// The real server as a child process on a free port of 127.0.0.1, for tests
// and benchmarks that need a process to kill, restart or measure: from source
// (node --import tsx src/server.ts: the unit tier, no build needed) or
// compiled, started exactly as `npm start` starts it (the e2e tier, the
// benchmarks). Its output is read (so it never blocks on a full pipe) and kept
// for error messages.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `source`: TypeScript through tsx. `compiled`: dist/, as `npm start` runs it (build it first with buildServer). */
export type ServerBuild = 'source' | 'compiled';

/** The node arguments of package.json's start script ("node [flags] dist/server.js"), without npm in between. */
export function startCommandArguments(): string[] {
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [program, ...args] = start.trim().split(/\s+/);
  if (program !== 'node' || args.length === 0) throw new Error(`package.json's start script is not "node ... <entry>": ${start}`);
  return args;
}

/** `npm run build`: compiles src/ into dist/ (incremental: a second or two when nothing changed). */
export async function buildServer(): Promise<void> {
  await promisify(execFile)('npm', ['run', '--silent', 'build'], { cwd: ROOT, timeout: 300_000 });
}

function serverArguments(build: ServerBuild): string[] {
  if (build === 'source') return ['--import', 'tsx', 'src/server.ts'];
  const args = startCommandArguments();
  const entry = args.at(-1)!;
  if (!existsSync(join(ROOT, entry))) throw new Error(`${entry} is missing: run npm run build first`);
  return args;
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the process wrote so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  readonly exited: Promise<number | string>;
}

const MAX_KEPT_OUTPUT = 64 * 1024;

export interface StartOptions {
  readonly build?: ServerBuild;
  readonly timeoutMs?: number;
  /** Node arguments of another server that logs Fastify's "Server listening at" line (the benchmark's baseline); `build` is then unused. */
  readonly nodeArguments?: readonly string[];
}

/** Starts the server with `env` on top of the parent's; resolves once it listens. */
export function startServer(env: Record<string, string>, { build = 'source', timeoutMs = 30_000, nodeArguments }: StartOptions = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, nodeArguments ? [...nodeArguments] : serverArguments(build), {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The last MAX_KEPT_OUTPUT characters or more, as chunks: a server logging
  // at info under load writes hundreds of lines a second, and copying the
  // kept text for each one would cost this process (the benchmark's load
  // generator too) more than reading them.
  let chunks: string[] = [];
  let kept = 0;
  const output = () => {
    const text = chunks.join('').slice(-MAX_KEPT_OUTPUT);
    chunks = [text];
    kept = text.length;
    return text;
  };
  let url: string | undefined;
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not listen within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      chunks.push(text);
      kept += text.length;
      if (kept > 2 * MAX_KEPT_OUTPUT) output();
      if (url) return;
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output());
      if (match) {
        url = match[1]!;
        clearTimeout(timer);
        resolve({ child, url, output, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      if (!url) reject(new Error(`server exited with ${code} before listening:\n${output()}`));
    });
  });
}

/** kill -9, and wait until the process is gone. */
export async function killHard(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await server.exited;
}

/** SIGTERM; resolves with the exit code. */
export async function stopServer(server: ServerProcess): Promise<number | string> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  return server.exited;
}
