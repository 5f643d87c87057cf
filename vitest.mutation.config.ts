import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant (`npm run test:mutation`, see
// stryker.config.mjs): the domain tests, which pin each rule with fixed
// examples. The HTTP and process tests are left out on purpose: they exercise
// the same code far more slowly, and a rule should be pinned where it lives.
// So are the settings tests (test/config): config.ts is not mutated, and each
// of them builds an app or starts a server, which made them cover (and re-run
// for) every contract mutant at 16 s a time.
export default defineConfig({
  test: {
    include: [
      'test/answers/**/*.test.ts',
      'test/letters/**/*.test.ts',
      'test/schedule/**/*.test.ts',
      'test/contract/**/*.test.ts',
      // The invoices are bills of the settlement model (src/contract/settlement.ts): their
      // fixed examples pin its line labels, hours, retainer months and credits.
      'test/invoices/**/*.test.ts',
      'test/clauses/**/*.test.ts',
      'test/render/**/*.test.ts',
    ],
    setupFiles: ['test/setup/fast-check-seed.ts'],
    expect: { requireAssertions: true },
  },
});
