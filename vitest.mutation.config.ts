import { defineConfig } from 'vitest/config';
import { DOMAIN_TESTS, moduleNamed } from './stryker/modules.mjs';

// The tests Stryker runs against each mutant (`npm run test:mutation`, see
// stryker.config.mjs): the domain tests, which pin each rule with fixed
// examples. The HTTP and process tests are left out on purpose: they exercise
// the same code far more slowly, and a rule should be pinned where it lives.
// So are the settings tests (test/config): config.ts is not mutated, and each
// of them builds an app or starts a server, which made them cover (and re-run
// for) every contract mutant at 16 s a time.
export default defineConfig({
  test: {
    // One module's tests when stryker/run.ts runs that module (MUTATION_MODULE, stryker/modules.mjs);
    // otherwise every domain test. The invoices are bills of the settlement model
    // (src/contract/settlement.ts): their fixed examples pin its line labels, hours, retainer months and credits.
    include: moduleNamed(process.env.MUTATION_MODULE)?.tests ?? DOMAIN_TESTS,
    setupFiles: ['test/setup/fast-check-seed.ts'],
    // As in the unit tier: the limit only catches a hang (building an app takes seconds at load 20).
    testTimeout: 30_000,
    hookTimeout: 30_000,
    expect: { requireAssertions: true },
  },
});
