// kill -9 in the middle of the wizard: the process dies without closing
// anything, and on restart every step the server acknowledged (303) is still
// in the draft; at most the step being submitted is lost, never half of it.
// The database opens again with its write-ahead log recovered.
// In the e2e tier, on the compiled server: starting processes and waiting for
// them is wall time that a loaded machine stretches, which the unit tier's
// rule keeps out of it (test/README.md).
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answersToForm } from '../../src/web/wizard/engine.ts';
import { STEPS, type StepDef } from '../../src/web/wizard/steps.ts';
import { HttpVisitor, type Fields } from '../helpers/http-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';
import { killHard, startServer, stopServer, type ServerProcess } from '../helpers/server-process.ts';

let dataDir: string;
const running: ServerProcess[] = [];
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'crash-'));
});
afterEach(async () => {
  for (const server of running.splice(0)) await killHard(server);
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

// The same secret across restarts, as a deployment sets COOKIE_SECRET, so a
// visitor's form cookie is still good after the crash.
const ENV = { DATA_DIR: '', RATE_LIMIT_PER_MINUTE: '0', COOKIE_SECRET: 'crash-test-secret-0123456789abcdef' };
async function start(): Promise<ServerProcess> {
  const server = await startServer({ ...ENV, DATA_DIR: dataDir }, { build: 'compiled' });
  running.push(server);
  return server;
}

const SAMPLES = ['new-client-fixed', 'returning-client-hourly', 'retainer-prepaid'];
const formFor = (step: StepDef, sample: string): Fields => answersToForm(step, sampleInput(sample));
const idOf = (stepUrl: string) => stepUrl.split('/')[2]!;

/** The draft's answers as stored, read straight from the SQLite file. */
function storedAnswers(id: string): Record<string, unknown> | undefined {
  const db = new Database(join(dataDir, 'drafts.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT answers FROM drafts WHERE id = ?').get(id) as { answers: string } | undefined;
    return row ? JSON.parse(row.answers) : undefined;
  } finally {
    db.close();
  }
}

/** The step as its page would fill it from the stored answers equals what was posted. */
function expectStepSaved(id: string, step: StepDef, sample: string) {
  const answers = storedAnswers(id);
  expect(answers, `draft ${id}`).toBeDefined();
  expect(answersToForm(step, answers!), `${step.id} of draft ${id}`).toEqual(formFor(step, sample));
}

/** Starts a draft from the home page; returns the first step's URL. */
async function startDraft(visitor: HttpVisitor): Promise<string> {
  await visitor.get('/');
  const started = await visitor.post('/wizard');
  expect(started.status).toBe(303);
  return started.location;
}

/** Sends a form and resolves once its body has left this process, without waiting for the answer. */
function sendWithoutWaiting(visitor: HttpVisitor, url: string, fields: Fields): Promise<void> {
  const body = visitor.formBody(fields);
  return new Promise((resolve) => {
    const request = httpRequest(visitor.baseUrl + url, {
      method: 'POST',
      agent: false,
      headers: { cookie: visitor.cookieHeader, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
    });
    request.on('error', () => {}); // the server is about to die under it
    request.on('finish', () => resolve());
    request.end(body);
  });
}

describe('kill -9 during the wizard', () => {
  it('loses at most the step being submitted, and the draft resumes by its URL', async () => {
    let server = await start();
    const visitor = new HttpVisitor(server.url);
    let url = await startDraft(visitor);
    const id = idOf(url);
    const saved = STEPS.slice(0, 3);
    for (const step of saved) {
      expect(url).toBe(`/wizard/${id}/${step.id}`);
      await visitor.get(url);
      const response = await visitor.post(url, formFor(step, 'new-client-fixed'));
      expect(response.status, response.body.slice(0, 300)).toBe(303);
      url = response.location;
    }
    // The fourth step is on the wire when the process is killed.
    const inFlight = STEPS[3]!;
    await visitor.get(url);
    await sendWithoutWaiting(visitor, url, formFor(inFlight, 'new-client-fixed'));
    await killHard(server);

    // Nothing was checkpointed on the way out: the saved steps live in the write-ahead log.
    expect(existsSync(join(dataDir, 'drafts.sqlite-wal'))).toBe(true);
    expect(statSync(join(dataDir, 'drafts.sqlite-wal')).size).toBeGreaterThan(0);

    server = await start();
    visitor.baseUrl = server.url;
    // The resume link opens the first step still to answer: the one in flight, or the next if it was saved.
    const resumed = await visitor.get(`/wizard/${id}`);
    expect(resumed.status).toBe(303);
    expect([`/wizard/${id}/${inFlight.id}`, `/wizard/${id}/${STEPS[4]!.id}`]).toContain(resumed.location);
    for (const step of saved) {
      expectStepSaved(id, step, 'new-client-fixed');
      const page = await visitor.get(`/wizard/${id}/${step.id}`);
      expect(page.status).toBe(200);
    }
    expect((await visitor.get(`/wizard/${id}/you`)).body).toContain('value="Jordan Lee"');
    expect((await visitor.get(`/wizard/${id}/client`)).body).toContain('value="Priya Natarajan"');
    expect((await visitor.get(`/wizard/${id}/relationship`)).body).toMatch(/value="new" checked/);
    // The step in flight is all there or not there at all.
    const project = answersToForm(inFlight, storedAnswers(id)!);
    expect([formFor(inFlight, 'new-client-fixed'), answersToForm(inFlight, {})]).toContainEqual(project);

    // And the visitor carries on where they were, to a finished contract.
    url = `/wizard/${id}/${inFlight.id}`;
    for (const step of STEPS.slice(3)) {
      await visitor.get(url);
      const response = await visitor.post(url, formFor(step, 'new-client-fixed'));
      expect(response.status, `${step.id}: ${response.body.slice(0, 300)}`).toBe(303);
      url = response.location;
    }
    expect(url).toBe(`/wizard/${id}/review`);
    expect((await visitor.get(url)).body).toContain('Your contract is ready');

    expect(await stopServer(server)).toBe(0);
    const db = new Database(join(dataDir, 'drafts.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  }, 60_000);

  it('keeps every acknowledged step of many visitors saving at once', async () => {
    let server = await start();
    const acknowledged: { id: string; step: StepDef; sample: string }[] = [];
    let stop = false;
    let failures = 0;

    // Six visitors walk the wizard over and over, each with a sample of its own.
    const visitorLoop = async (n: number) => {
      const sample = SAMPLES[n % SAMPLES.length]!;
      const visitor = new HttpVisitor(server.url);
      while (!stop) {
        try {
          let url = await startDraft(visitor);
          const id = idOf(url);
          for (const step of STEPS) {
            if (stop) return;
            await visitor.get(url);
            const response = await visitor.post(url, formFor(step, sample));
            if (response.status !== 303) throw new Error(`${step.id}: ${response.status}`);
            acknowledged.push({ id, step, sample });
            url = response.location;
          }
        } catch (error) {
          if (!stop) failures += 1;
          if (!stop) throw error;
          return;
        }
      }
    };
    const loops = Array.from({ length: 6 }, (_, n) => visitorLoop(n).catch(() => {}));
    // Let them save for a while, then pull the plug in the middle of it.
    while (acknowledged.length < 60) await new Promise((resolve) => setTimeout(resolve, 20));
    stop = true;
    server.child.kill('SIGKILL');
    await server.exited;
    await Promise.all(loops);
    expect(failures).toBe(0);

    server = await start();
    const db = new Database(join(dataDir, 'drafts.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    for (const { id, step, sample } of acknowledged) expectStepSaved(id, step, sample);
    // Each draft resumes by its URL, after the last step acknowledged (or on the review page).
    const visitor = new HttpVisitor(server.url);
    for (const id of new Set(acknowledged.map((entry) => entry.id))) {
      const last = Math.max(...acknowledged.filter((entry) => entry.id === id).map((entry) => STEPS.indexOf(entry.step)));
      const page = await visitor.get(`/wizard/${id}`);
      expect(page.status).toBe(303);
      const expected = [STEPS[last + 1]?.id ?? 'review', STEPS[last + 2]?.id ?? 'review'].map((step) => `/wizard/${id}/${step}`);
      expect(expected).toContain(page.location);
    }
    expect(await stopServer(server)).toBe(0);
  }, 60_000);
});
