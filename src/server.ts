// The process entry point: read the environment, listen, and close cleanly
// on SIGTERM/SIGINT so in-flight requests finish and the database is closed.
import { readConfig } from './config.ts';
import { buildApp } from './web/app.ts';

const config = readConfig();
const app = await buildApp(config);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  // A stuck request must not keep the process alive for ever.
  const timer = setTimeout(() => process.exit(1), 10_000);
  timer.unref();
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
