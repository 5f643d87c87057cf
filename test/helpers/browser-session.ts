// The app served on loopback and Debian's Chromium driven by playwright-core,
// as the browser tests need them. CI installs Chromium with apt-get
// (.ci/run); without it these tests fail loudly rather than skip. Never
// `npx playwright install`: it downloads a browser, which this project does not.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../src/web/app.ts';

const CHROMIUM = '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps dialling out, and this machine refuses it.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
/** Screenshots to look at by eye; outside the repository. */
export const SCREENSHOT_DIR = join(tmpdir(), 'wizard-screenshots');

export interface BrowserSession {
  readonly app: FastifyInstance;
  readonly baseUrl: string;
  /** A scratch folder that is removed with the session. */
  readonly workDir: string;
  /** A fresh browser profile (no cookies, no history), with JavaScript on or off. */
  browser(options: { js: boolean; width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowserSession(name: string): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed at ${CHROMIUM}: apt-get install -y chromium`);
  const workDir = mkdtempSync(join(tmpdir(), `${name}-`));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const app = await buildApp({ dataDir: join(workDir, 'data'), rateLimitPerMinute: 0 });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const contexts: BrowserContext[] = [];
  return {
    app,
    baseUrl,
    workDir,
    async browser({ js, width = 1024, height = 800 }) {
      const context = await chromium.launchPersistentContext(mkdtempSync(join(workDir, 'profile-')), {
        executablePath: CHROMIUM,
        headless: true,
        javaScriptEnabled: js,
        args: ARGS,
        viewport: { width, height },
        acceptDownloads: true,
      });
      contexts.push(context);
      return context.pages()[0] ?? context.newPage();
    },
    async close() {
      for (const context of contexts.splice(0)) await context.close().catch(() => {});
      await app.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
