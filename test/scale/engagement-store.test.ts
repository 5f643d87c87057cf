// The PostgreSQL engagement store against a real, throwaway PostgreSQL: the
// same contract as SQLite, each "instance" with a pool of its own.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { createPostgresEngagementStore } from '../../src/engagements/postgres-store.ts';
import { createPostgresPool, migrate } from '../../src/storage/postgres.ts';
import { describeEngagementStoreContract } from '../engagements/engagement-store-contract.ts';
import { startPostgres, type ThrowawayPostgres } from '../helpers/throwaway-servers.ts';

let server: ThrowawayPostgres;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});

describeEngagementStoreContract('PostgreSQL', async () => {
  const url = await server.createDatabase(`e_${randomBytes(6).toString('hex')}`);
  const admin = createPostgresPool(url);
  await migrate(admin);
  const pools: ReturnType<typeof createPostgresPool>[] = [];
  return {
    open: async ({ now }) => {
      const pool = createPostgresPool(url);
      pools.push(pool);
      return createPostgresEngagementStore({ pool, now });
    },
    exec: async (sql, ...values) => {
      let n = 0;
      await admin.query(sql.replace(/\?/g, () => `$${++n}`), values);
    },
    dropGuard: async () => {
      await admin.query('DROP TRIGGER engagement_events_insert_only ON engagement_events');
    },
    dispose: async () => {
      await Promise.all(pools.splice(0).map((pool) => pool.end()));
      await admin.end();
    },
  };
});
