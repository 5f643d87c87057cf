// When the draft store cannot be reached (PostgreSQL down or restarting),
// a person filling in the wizard loses nothing: the step comes back with
// what they typed and a plain sentence, and the same submit saves once the
// database is back. The JSON API, which keeps no state, carries on. The
// same walk against a real PostgreSQL restart is in test/scale/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDraftStore } from '../../src/drafts/sqlite-store.ts';
import { DraftStoreUnavailableError, type DraftStore } from '../../src/drafts/store.ts';
import { buildApp } from '../../src/web/app.ts';
import { answersToForm } from '../../src/web/wizard/engine.ts';
import { STEPS } from '../../src/web/wizard/steps.ts';
import { InjectVisitor } from '../helpers/inject-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';

let dataDir: string;
let app: FastifyInstance;
let down = false;

/** A real store whose every call fails, as a network database's would, while `down` is set. */
function switchable(store: DraftStore): DraftStore {
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (down) throw new DraftStoreUnavailableError(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
      return call(...args);
    };
  return {
    engine: store.engine,
    create: guard(store.create),
    get: guard(store.get),
    save: guard(store.save),
    update: guard(store.update),
    delete: guard(store.delete),
    sweepExpired: guard(store.sweepExpired),
    ping: guard(store.ping),
    close: store.close,
  };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'store-down-'));
  app = await buildApp({ dataDir, rateLimitPerMinute: 0, drafts: switchable(createSqliteDraftStore({ dataDir, ttlDays: 30 })) });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const input = sampleInput('new-client-fixed');
const formFor = (index: number) => answersToForm(STEPS[index]!, input);

describe('with the draft store down', () => {
  it('a step sent gets its form back with every typed value and a plain 503 sentence, and the same submit saves later', async () => {
    const visitor = new InjectVisitor(app);
    const first = await visitor.start();
    await visitor.get(first);
    const fields: Record<string, string | string[]> = { ...formFor(0), 'freelancer.name': 'Zoë <Typed> Name' };
    down = true;
    try {
      const refused = await visitor.post(first, fields);
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['content-type']).toContain('text/html');
      expect(refused.body).toContain('We could not save this step just now');
      expect(refused.body).toContain('value="Zoë &lt;Typed&gt; Name"');
      expect(refused.body).toContain(`value="${String(fields['freelancer.email'])}"`);
      expect(refused.body).not.toMatch(/ECONNREFUSED|5432|at .*\.ts/);
    } finally {
      down = false;
    }
    const saved = await visitor.post(first, fields);
    expect(saved.statusCode).toBe(303);
    const again = await visitor.get(first);
    expect(again.body).toContain('value="Zoë &lt;Typed&gt; Name"');
  });

  it('a page that needs the draft says to try again in a moment, never a 500', async () => {
    const visitor = new InjectVisitor(app);
    const first = await visitor.start();
    down = true;
    try {
      const page = await visitor.get(first);
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('try again in a moment');
      const start = await visitor.post('/wizard');
      expect(start.statusCode).toBe(503);
    } finally {
      down = false;
    }
  });

  it('the JSON API still makes contracts', async () => {
    down = true;
    try {
      const response = await app.inject({ method: 'POST', url: '/api/contracts', payload: input, headers: { accept: 'application/json' } });
      expect(response.statusCode).toBe(200);
    } finally {
      down = false;
    }
  });
});
