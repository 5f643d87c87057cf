import { defineConfig } from 'vitest/config';
import { DOMAIN_TESTS, moduleNamed } from './stryker/modules.mjs';
import { UnloadableFileAsFailedTest } from './stryker/unloadable-file-reporter.ts';

// The tests Stryker runs against each mutant (`npm run test:mutation`, see
// stryker.config.mjs and docs/reliability.md, "Mutation testing"). stryker/run.ts
// measures one module at a time and sets MUTATION_MODULE: only that module's
// tests run (stryker/modules.mjs), a short list, because a static mutant (a
// table, a schema declaration, code run as a file loads) re-runs the tests
// related to its file in a fresh process. The domain modules run the domain
// tests, which pin each rule with fixed examples; web-rules runs only the HTTP
// tests that state src/web's rules (budgets, the route table, proxy trust, log
// redaction, CSRF, security headers). Without a module (`npx stryker run`),
// every domain test, with static mutants ignored. The settings tests
// (test/config) are in no module: config.ts is not mutated, and each of them
// builds an app or starts a server, which made them cover (and re-run for)
// every contract mutant at 16 s a time.
export default defineConfig({
  test: {
    // One module's tests when stryker/run.ts runs that module (MUTATION_MODULE, stryker/modules.mjs);
    // otherwise every domain test. The invoices are bills of the settlement model
    // (src/contract/settlement.ts): their fixed examples pin its line labels, hours, retainer months and credits.
    include: moduleNamed(process.env.MUTATION_MODULE)?.tests ?? DOMAIN_TESTS,
    // Speed, not rules: the linear-validation test compares validation times, which Stryker's
    // instrumentation (a counter at every statement) and a busy machine distort; it failed a dry run
    // at load 11 (0.21 ms at 5,013 characters, 33.9 ms at 40,100) and stopped the file's run.
    exclude: ['test/answers/linear-validation.test.ts'],
    setupFiles: ['test/setup/fast-check-seed.ts'],
    // A test file that cannot load counts as a failed test: without it Stryker scored a static mutant
    // that stops a module loading as survived (stryker/unloadable-file-reporter.ts).
    reporters: ['default', new UnloadableFileAsFailedTest()],
    // As in the unit tier: the limit only catches a hang (building an app takes seconds at load 20).
    testTimeout: 30_000,
    hookTimeout: 30_000,
    expect: { requireAssertions: true },
  },
});
