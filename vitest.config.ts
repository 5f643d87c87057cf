import { defineConfig } from 'vitest/config';

// Three tiers: `unit` is fast and needs nothing but Node; `e2e` drives the real
// programs a user meets (Chromium, LibreOffice) and is run by `npm run test:e2e`;
// `scale` starts throwaway PostgreSQL and Redis servers and several app
// instances on them (`npm run test:scale`).
// All: property tests use a fixed fast-check seed (test/setup/fast-check-seed.ts),
// and a test that asserts nothing fails.
const shared = {
  setupFiles: ['test/setup/fast-check-seed.ts'],
  expect: { requireAssertions: true },
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['test/**/*.test.ts'],
          // Nothing in this tier is timed (speed lives in bench/): the limit only
          // catches a hang, so a busy shared machine (building an app can take
          // 5 s at load 20) never fails a test that is right.
          testTimeout: 30_000,
          hookTimeout: 30_000,
          exclude: ['test/e2e/**', 'test/scale/**'],
          // The tests of each file run in a shuffled order, the same on every run
          // (the seed), so a test that leans on the one before it fails here
          // rather than when someone reorders the file. Files keep vitest's
          // order: longest first. Another order: --sequence.seed=<n>.
          sequence: { shuffle: { files: false, tests: true }, seed: 20_261_127 },
        },
      },
      {
        test: {
          ...shared,
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // The server processes here are the compiled server, as `npm start` runs it: built once first.
          globalSetup: ['test/setup/build-server.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // LibreOffice and Chromium each want a core; two at once is all this machine has.
          maxWorkers: 2,
        },
      },
      {
        test: {
          ...shared,
          name: 'scale',
          include: ['test/scale/**/*.test.ts'],
          // The app processes here are the compiled server, as `npm start` runs it in production.
          globalSetup: ['test/setup/build-server.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each file runs its own database server and app processes: one file at a time.
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
