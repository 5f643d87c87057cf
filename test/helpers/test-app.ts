// Every app a test builds gets its own temporary DATA_DIR (drafts, the cookie
// secret), removed when the app closes: parallel test files never share a
// database, and `npm test` leaves no data/ in the working copy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
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
