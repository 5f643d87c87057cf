// The e2e tier starts the server as `npm start` does, from dist/: compile it
// once before any test file runs, so no test meets a stale or missing build.
import { buildServer } from '../helpers/server-process.ts';

export default async function setup(): Promise<void> {
  await buildServer();
}
