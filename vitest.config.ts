import { defineConfig } from 'vitest/config';

// Two tiers: `unit` is fast and needs nothing but Node; `e2e` drives the real
// programs a user meets (Chromium, LibreOffice) and is run by `npm run test:e2e`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // LibreOffice and Chromium each want a core; two at once is all this machine has.
          maxWorkers: 2,
        },
      },
    ],
  },
});
