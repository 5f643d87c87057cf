// Every app a test builds gets its own temporary DATA_DIR (drafts, the cookie
// secret), removed when the app closes: parallel test files never share a
// database, and `npm test` leaves no data/ in the working copy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { buildApp, type BuildOptions } from '../../src/web/app.ts';

/** A temporary directory for one test's data, with a name saying whose it is. */
export function tempDataDir(label = 'app'): string {
  return mkdtempSync(join(tmpdir(), `contract-kit-${label}-`));
}

/**
 * buildApp with a fresh temporary dataDir (unless one is given, which the
 * caller then owns) and no rate limit unless one is asked for.
 */
export async function buildTestApp(options: BuildOptions = {}): Promise<FastifyInstance> {
  const ownDir = options.dataDir === undefined ? tempDataDir() : undefined;
  const app = await buildApp({ rateLimitPerMinute: 0, ...options, dataDir: options.dataDir ?? ownDir });
  if (ownDir) app.addHook('onClose', async () => rmSync(ownDir, { recursive: true, force: true }));
  return app;
}

/** The apps of one test file, each closed (and its temporary DATA_DIR removed) after the test that built it. */
export interface AppsPerTest {
  /** The app the server builds from its environment: `readConfig` over `env` (the defaults unless told), silent logs, a fresh DATA_DIR. */
  fromEnvironment(env?: Record<string, string>): Promise<FastifyInstance>;
  /** Any other app the test builds (a bare Fastify), closed with the rest. */
  track<App extends FastifyInstance>(app: App): App;
}

/**
 * Call at the top of a test file: registers the `afterEach` that closes what
 * the file's tests built. For the settings tests, which need the environment's
 * parsing (RATE_LIMIT_PER_MINUTE, TRUST_PROXY, METRICS), not buildTestApp's defaults.
 */
export function appsClosedAfterEach(label: string): AppsPerTest {
  const opened: FastifyInstance[] = [];
  afterEach(async () => {
    for (const app of opened.splice(0)) await app.close();
  });
  return {
    async fromEnvironment(env = {}) {
      const dir = tempDataDir(label);
      const { port: _port, host: _host, ...config } = readConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', ...env });
      const app = await buildApp(config);
      app.addHook('onClose', async () => rmSync(dir, { recursive: true, force: true }));
      opened.push(app);
      return app;
    },
    track(app) {
      opened.push(app);
      return app;
    },
  };
}

/** A POST of a JSON body (as `content-type: application/json`) to a file's one app; `headers` add to or replace that. */
export type JsonPost = (url: string, payload: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;

/**
 * Call at the top of a test file: one app for all its tests (built before the
 * first, closed after the last, no rate limit), and how its tests POST JSON to it.
 */
export function jsonPostsToOneApp(options: BuildOptions = {}): JsonPost {
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    app = await buildTestApp({ rateLimitPerMinute: 0, ...options });
  });
  afterAll(async () => {
    await app?.close();
  });
  return (url, payload, headers = {}) => {
    if (!app) throw new Error('jsonPostsToOneApp: the app is built in beforeAll; post from inside a test');
    return app.inject({ method: 'POST', url, payload: payload as object, headers: { 'content-type': 'application/json', ...headers } });
  };
}
