// Slow clients against the compiled server at its default settings (no
// REQUEST_TIMEOUT_SECONDS given: the 30 s default): 50 connections that each
// announce a body, send a kilobyte of it and then one byte a second, and one
// more that sends one byte a second from the start. Each is cut with a 408
// within 35 s; they cost the server less than 50 MB while they wait; and the
// server keeps answering others meanwhile. (slow-body.test.ts
// checks the same with a short deadline.)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killHard, startServer, type ServerProcess } from '../helpers/server-process.ts';

const SLOW_BODIES = 50;
const MB = 1024 * 1024;

let dataDir: string;
let server: ServerProcess;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'slow-clients-'));
  // Rate limit off: the 51 connections come from one address, and only the deadline is under test.
  server = await startServer({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' }, { build: 'compiled' });
});
afterAll(async () => {
  if (server) await killHard(server);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function rssOf(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) * 1024;
}

/**
 * A POST announcing a megabyte, `head` bytes of it at once and then one byte
 * a second; resolves with the seconds until the server closed the connection
 * and what it answered.
 */
function slowBody(url: string, head: number): Promise<{ seconds: number; answer: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = performance.now();
    let answer = '';
    let timer: NodeJS.Timeout | undefined;
    // The trickle starts once the request line is out: a byte written before it would make
    // the request malformed (a 400 at once) when a loaded machine delays the connection.
    const socket = connect(Number(port), hostname, () => {
      socket.write(`POST /api/contracts HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${MB}\r\n\r\n{"a":"${'x'.repeat(head)}`);
      timer = setInterval(() => socket.write('x'), 1_000);
    });
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - started) / 1000, answer });
    });
    // Far beyond the deadline: a server that never cuts fails the expectations below instead of hanging the test.
    setTimeout(() => socket.destroy(), 60_000);
  });
}

describe('slow clients at the default settings', () => {
  it('are each cut with a 408 within 35 s, cost under 50 MB while they wait, and never hold up others', async () => {
    const pid = server.child.pid!;
    // Warm the routes up first, so that what follows measures the waiting connections and not the first request's code loading.
    for (let index = 0; index < 20; index += 1) await (await fetch(`${server.url}/healthz`)).arrayBuffer();
    const before = rssOf(pid);

    const trickle = slowBody(server.url, 0);
    const held = Array.from({ length: SLOW_BODIES }, () => slowBody(server.url, 1024));
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const waiting = rssOf(pid);
    const home = await fetch(`${server.url}/`);
    expect(home.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    const laterWaiting = rssOf(pid);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    const results = await Promise.all([trickle, ...held]);
    for (const { seconds, answer } of results) {
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      // The deadline is 30 s from the first byte; Node checks it every second.
      expect(seconds).toBeGreaterThanOrEqual(29);
      expect(seconds).toBeLessThan(35);
    }
    expect(waiting - before, `RSS ${Math.round(before / MB)} MB before, ${Math.round(waiting / MB)} MB with the slow bodies waiting`).toBeLessThan(50 * MB);
    expect(laterWaiting - before, `RSS ${Math.round(before / MB)} MB before, ${Math.round(laterWaiting / MB)} MB 20 s later`).toBeLessThan(50 * MB);
  }, 90_000);
});
