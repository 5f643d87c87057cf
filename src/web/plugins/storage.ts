// Where drafts and the CSRF secret live (src/storage/open.ts chooses the
// engine), decorated onto the app, with the hourly sweep of expired drafts
// and a clean close.
import fp from 'fastify-plugin';
import type { DraftStore } from '../../drafts/store.ts';
import { signingKeyFromPem, type SigningKey } from '../../engagements/seal.ts';
import { loadOrCreateSigningKeyFile } from '../../engagements/signing-key-file.ts';
import { createSqliteEngagementStore } from '../../engagements/sqlite-store.ts';
import type { EngagementStore } from '../../engagements/store.ts';
import { openStorage, type StorageOptions } from '../../storage/open.ts';
import { loadOrCreateCookieSecret } from '../cookie-secret.ts';
import { countingDraftStore } from './metrics.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Wizard drafts (SQLite under dataDir, or PostgreSQL); other pages reach a draft's answers through it. */
    drafts: DraftStore;
    /** Signs the CSRF cookie: COOKIE_SECRET, or the one kept with the drafts, so every instance agrees. */
    cookieSecret: string;
    /** Engagements sent for signature, with their records (the same engine as the drafts). */
    engagements: EngagementStore;
    /** Seals completed records and signed files; its public half is published. */
    signingKey: SigningKey;
  }
}

export interface StoragePluginOptions extends Omit<StorageOptions, 'log'> {
  /** A store already opened (tests that make the database fail); opened from the options otherwise. */
  readonly drafts?: DraftStore;
}

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export const storagePlugin = fp<StoragePluginOptions>(
  async (app, options) => {
    const storage = options.drafts
      ? {
          drafts: options.drafts,
          cookieSecret: options.cookieSecret ?? loadOrCreateCookieSecret(options.dataDir),
          engagements: createSqliteEngagementStore({ dataDir: options.dataDir, ...(options.now ? { now: options.now } : {}) }),
          signingKey: options.signingKey ? signingKeyFromPem(options.signingKey) : loadOrCreateSigningKeyFile(options.dataDir),
        }
      : await openStorage({ ...options, log: app.log });
    // Registered after the metrics plugin, so that step saves are counted when METRICS is on.
    const drafts = app.metrics ? countingDraftStore(storage.drafts, app.metrics.draftSaves) : storage.drafts;
    app.decorate('drafts', drafts);
    app.decorate('cookieSecret', storage.cookieSecret);
    app.decorate('engagements', storage.engagements);
    app.decorate('signingKey', storage.signingKey);
    app.log.info({ engine: drafts.engine }, 'draft store ready');

    // Expired drafts are also refused on read; the sweep only reclaims space,
    // so a failed sweep is logged and tried again next hour. Engagements have
    // their own, far longer, retention period and their own sweep.
    const sweep = () =>
      Promise.all([
        drafts.sweepExpired().catch((error: unknown) => app.log.warn({ err: error }, 'draft sweep failed')),
        storage.engagements.sweepPastRetention().catch((error: unknown) => app.log.warn({ err: error }, 'engagement retention sweep failed')),
      ]);
    await sweep();
    const sweepTimer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
    sweepTimer.unref();
    app.addHook('onClose', async () => {
      clearInterval(sweepTimer);
      await storage.engagements.close();
      await drafts.close();
    });
  },
  { name: 'storage', fastify: '5.x' },
);
