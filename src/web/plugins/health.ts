// Health for a load balancer. /healthz: the process answers (restart me if
// not). /readyz: this instance can serve a wizard step, its draft store and,
// when configured, Redis answer (send me traffic). On SIGTERM, server.ts
// calls app.startDrain(): /readyz turns 503 first, so the balancer stops
// sending new visitors while requests in flight finish.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';

declare module 'fastify' {
  interface FastifyInstance {
    /** Marks the instance as leaving: /readyz answers 503 from now on. */
    startDrain(): void;
  }
}

export interface HealthOptions {
  readonly redis?: Redis;
}

type Check = 'ok' | string;

const CHECK_TIMEOUT_MS = 1_500;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function check(work: () => Promise<unknown>, what: string): Promise<Check> {
  try {
    await withTimeout(work(), what);
    return 'ok';
  } catch (error) {
    // The first line only: never a connection string or a stack.
    return `${what} unreachable: ${String((error as Error).message ?? error).split('\n')[0]!.replace(/postgres(ql)?:\/\/\S+/g, '…')}`;
  }
}

export const healthPlugin = fp<HealthOptions>(
  async (app: FastifyInstance, { redis }) => {
    let draining = false;
    app.decorate('startDrain', () => {
      draining = true;
    });
    // Probes are never rate-limited and never in the API reference.
    const probe = { schema: { hide: true }, config: { rateLimit: false } } as const;

    app.get('/healthz', probe, async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'alive' }));

    app.get('/readyz', probe, async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      if (draining) return reply.code(503).send({ status: 'not ready', reason: 'shutting down' });
      const checks: Record<string, Check> = { database: await check(() => app.drafts.ping(), app.drafts.engine === 'postgres' ? 'PostgreSQL' : 'SQLite') };
      if (redis) checks.redis = await check(() => redis.ping(), 'Redis');
      const failed = Object.values(checks).filter((value) => value !== 'ok');
      if (failed.length) return reply.code(503).send({ status: 'not ready', reason: failed.join('; '), checks });
      return reply.send({ status: 'ready', checks });
    });
  },
  { name: 'health', dependencies: ['storage'], fastify: '5.x' },
);
