import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant (`npm run test:mutation`, see
// stryker.config.mjs): the domain tests, which pin each rule with fixed
// examples. The HTTP and process tests are left out on purpose: they exercise
// the same code far more slowly, and a rule should be pinned where it lives.
export default defineConfig({
  test: {
    include: [
      'test/answers/**/*.test.ts',
      'test/letters/**/*.test.ts',
      'test/schedule/**/*.test.ts',
      'test/contract/**/*.test.ts',
      'test/clauses/**/*.test.ts',
      'test/render/**/*.test.ts',
      'test/config/**/*.test.ts',
    ],
    setupFiles: ['test/setup/fast-check-seed.ts'],
    expect: { requireAssertions: true },
  },
});
