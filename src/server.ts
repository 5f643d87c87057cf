// The process entry point: read the environment, listen, and close cleanly
// on SIGTERM/SIGINT so in-flight requests finish and the database is closed.
import { readConfig } from './config.ts';
import { buildApp } from './web/app.ts';

const config = readConfig();
let app: Awaited<ReturnType<typeof buildApp>>;
try {
  app = await buildApp(config);
} catch (error) {
  // A database that cannot be reached at start-up is named in one line, not a stack trace.
  console.error(`Could not start: ${(error as Error).message}`);
  process.exit(1);
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal, drainSeconds: config.drainSeconds }, 'shutting down');
  // A stuck request must not keep the process alive for ever.
  const timer = setTimeout(() => process.exit(1), config.drainSeconds * 1000 + 10_000);
  timer.unref();
  // /readyz answers 503 first; behind a balancer, DRAIN_SECONDS gives it
  // time to notice and stop sending new visitors before the port closes.
  app.startDrain();
  if (config.drainSeconds > 0) await new Promise((resolve) => setTimeout(resolve, config.drainSeconds * 1000));
  await app.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  app.log.error(error);
  console.error(`Could not start: ${(error as Error).message}`);
  process.exit(1);
}
