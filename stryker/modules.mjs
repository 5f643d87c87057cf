// The modules `npm run test:mutation` measures, one at a time (stryker/run.ts):
// what each mutates and the only tests run against its mutants. A module's own
// short list of tests is what makes its static mutants affordable: a static
// mutant (code run once as a file loads: a table, a schema declaration) can't
// be traced to the tests that cover it, so Stryker re-runs the module's tests
// related to the file (vitest's `related`, stopping at the first failure) in a
// fresh process. Read by stryker.config.mjs and vitest.mutation.config.ts
// through MUTATION_MODULE, which the runner sets.
import picomatch from 'picomatch';

/** Every domain test: the big modules' rules are pinned across them (the invoices pin settlement.ts's bill labels). */
const DOMAIN_TESTS = [
  'test/answers/**/*.test.ts',
  'test/letters/**/*.test.ts',
  'test/schedule/**/*.test.ts',
  'test/contract/**/*.test.ts',
  'test/invoices/**/*.test.ts',
  'test/clauses/**/*.test.ts',
  'test/render/**/*.test.ts',
];

/**
 * @typedef {{ name: string, mutate: string[], tests: string[], countStatic: boolean, note: string, coverageAnalysis?: 'all' | 'perTest' }} MutationModule
 * `coverageAnalysis` 'all' runs every test of the module against each mutant, not only the tests that
 * reached its code in the dry run (Stryker's 'perTest', the default): see the answers module.
 * In the order the runner takes them with no name given: smallest first.
 * @type {MutationModule[]}
 */
export const modules = [
  {
    name: 'web-rules',
    // The rule files of src/web: budgets, the route table, proxy trust, log redaction, CSRF, security headers.
    mutate: [
      'src/web/rate-limits.ts',
      'src/web/route-budgets.ts',
      'src/web/proxy-trust.ts',
      'src/web/log-redaction.ts',
      'src/web/csrf.ts',
      'src/web/security-policy.ts',
    ],
    // HTTP tests through app.inject: only the files that state these rules, so a mutant costs seconds.
    tests: [
      'test/web/rules.test.ts',
      'test/web/rate-limits.test.ts',
      'test/web/route-budgets.test.ts',
      'test/web/security-headers.test.ts',
      'test/web/hardening.test.ts',
      'test/web/private-data.test.ts',
      'test/web/cookies.test.ts',
    ],
    countStatic: true,
    note: 'src/web/rate-limits.ts, route-budgets.ts, proxy-trust.ts, log-redaction.ts, csrf.ts, security-policy.ts',
  },
  {
    name: 'invoices',
    // The rules: which bill, the request's checks, assembly. Apart from the wording, whose 1,300
    // mutants (most of src/invoices') take hours at concurrency 1 on the shared machine.
    mutate: ['src/invoices/bill.ts', 'src/invoices/request.ts', 'src/invoices/assemble.ts', 'src/invoices/plain-text.ts', 'src/invoices/tree.ts'],
    tests: ['test/invoices/**/*.test.ts'],
    countStatic: true,
    note: 'src/invoices: bill.ts, request.ts, assemble.ts, plain-text.ts, tree.ts',
  },
  {
    name: 'invoices-editions',
    mutate: ['src/invoices/edition-en.ts', 'src/invoices/edition-ja.ts'],
    tests: ['test/invoices/**/*.test.ts'],
    countStatic: true,
    note: 'src/invoices: edition-en.ts, edition-ja.ts (the wording of each line and sentence)',
  },
  {
    name: 'schedule',
    mutate: ['src/schedule/**/*.ts'],
    tests: DOMAIN_TESTS,
    countStatic: true,
    note: 'src/schedule',
  },
  {
    name: 'letters',
    mutate: ['src/letters/**/*.ts'],
    // Its own tests: a static mutant re-runs every test that imports its file, and over every domain
    // test that is the renderers' and the contract's too (minutes a mutant at load 10). With them the
    // test of the statutes' lines in the letters (facts.ts's statutory sentence and rows), which lives
    // with the claims: without it 39 of facts.ts's mutants had no test at all.
    tests: ['test/letters/**/*.test.ts', 'test/claims/statutory-letters.test.ts'],
    countStatic: true,
    note: 'src/letters, against test/letters and test/claims/statutory-letters.test.ts',
  },
  {
    name: 'render-text',
    mutate: ['src/render/text-direction.ts', 'src/render/text-scan.ts', 'src/render/embedded-answers.ts'],
    tests: DOMAIN_TESTS,
    countStatic: true,
    note: 'render text safety: src/render/text-scan.ts, text-direction.ts, embedded-answers.ts',
  },
  {
    name: 'answers',
    mutate: ['src/answers/**/*.ts'],
    // Its own tests. Every domain test imports the schema, so over all of them a static mutant of
    // src/answers (about 430, mostly the schema's declarations) re-ran 61 test files: 303 s at load 10,
    // against 29 s for the 12 of test/answers. A mutant only the contract's tests would catch counts as
    // survived: the row can only be lower for it, never higher.
    tests: ['test/answers/**/*.test.ts'],
    countStatic: true,
    // Every test against each mutant. src/answers keeps what it works out between calls (formatted dates
    // and amounts, each currency's decimals and symbols): with 'perTest' a mutant in code that runs only on
    // a cache miss is tried against the one test that first filled the cache, and the tests that would
    // notice it (a later test of the same currency) were never run against it, so it counted as survived
    // ('円' made a symbol of the dollar survived beside the test that refuses "6,000円" in dollars).
    // test/answers runs in about 3 s, and a mutant stops at its first failing test.
    coverageAnalysis: 'all',
    note: 'src/answers, against test/answers',
  },
  {
    name: 'contract',
    mutate: ['src/contract/**/*.ts'],
    // Its own tests: the ones that state the contract's rules and wording. test/contract and
    // test/clauses (the clause library, with the golden sample of every clause's text), the invoices
    // (bills of settlement.ts's model: their fixed examples pin its line labels, hours, retainer
    // months and credits) and the statute the contract names (test/claims/statutory-contract.test.ts).
    // Not the renderers' tests: they import the contract too, but pin the Word and PDF files, at
    // seconds a test, and a static mutant re-runs every test that imports its file. Over every
    // domain test a static mutant re-ran about 60 files (300 s at load 10); these 31 files took
    // 80 s in all at nice 15 on one worker at load 3, less for a mutant they kill (the run stops at
    // the first failure). A mutant only the renderers' tests would catch counts as survived: the row
    // can only be lower for it, never higher.
    tests: ['test/contract/**/*.test.ts', 'test/clauses/**/*.test.ts', 'test/invoices/**/*.test.ts', 'test/claims/statutory-contract.test.ts'],
    countStatic: true,
    note: 'src/contract, against test/contract, test/clauses, test/invoices and test/claims/statutory-contract.test.ts',
  },
];

/** The module a name picks, or undefined for the whole run (every module at once, as before). */
export function moduleNamed(name) {
  if (name === undefined || name === '') return undefined;
  const found = modules.find((module) => module.name === name);
  if (!found) throw new Error(`MUTATION_MODULE=${name}: no such module (${modules.map((module) => module.name).join(', ')})`);
  return found;
}

/**
 * The file MUTATION_FILE names, checked to be one the module mutates; undefined when unset (the whole module).
 * @param {MutationModule} module
 * @param {string | undefined} file
 */
export function fileOfModule(module, file) {
  if (file === undefined || file === '') return undefined;
  if (!picomatch(module.mutate)(file)) throw new Error(`MUTATION_FILE=${file}: not a file the module ${module.name} mutates (${module.mutate.join(', ')})`);
  return file;
}

/**
 * How a file's incremental file and report are named within its module's folder: src/invoices/request.ts -> invoices-request.ts.
 * @param {string} file
 */
export function partName(file) {
  return file.replace(/^src\//, '').replaceAll('/', '-');
}

export { DOMAIN_TESTS };
