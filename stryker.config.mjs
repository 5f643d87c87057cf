// Mutation testing (`npm run test:mutation`): Stryker changes the domain code
// one small edit at a time (a `<` for a `<=`, a string emptied, a branch
// removed) and runs the domain tests (vitest.mutation.config.ts) against each
// change. A change no test notices ("survived") is a rule no test pins.
// The HTML report is written to reports/mutation/index.html.
//
// `npm run test:mutation -- <module>` (stryker/run.ts) runs one module of
// stryker/modules.mjs: it sets MUTATION_MODULE, read here and in
// vitest.mutation.config.ts, so the module gets its own files to mutate, its
// own tests, incremental file, sandbox and JSON report, and counts its static
// mutants. Without it (`npx stryker run`), everything at once, as before.
import { fileOfModule, moduleNamed, partName } from './stryker/modules.mjs';

const module = moduleNamed(process.env.MUTATION_MODULE);
// One file of the module (stryker/run.ts runs a module a file at a time): that file's own
// incremental file and report, so a run stopped part-way keeps every file it finished.
const file = module ? fileOfModule(module, process.env.MUTATION_FILE) : undefined;
const part = module ? (file ? `${module.name}/${partName(file)}` : module.name) : undefined;

/**
 * Mutants excluded from the score, each with the reason it cannot or need not
 * be killed. `code` is the exact source of the node whose mutants are skipped
 * (see stryker/config-exclusions.mjs).
 * @type {{ file: string, code: string, reason: string }[]}
 */
export const exclusions = [
  {
    file: 'src/answers/schema.ts',
    code: "typeof value !== 'number'",
    reason: 'Only narrows the type for TypeScript: Number.isFinite already turns every non-number away, so no input can tell its mutants apart.',
  },
  {
    file: 'src/contract/points.ts',
    code: "''",
    reason: 'The first letter of a paragraph without text: any replacement that is not a lower-case letter (the mutant puts an upper-case S) also reads as a new point, so no paragraph can tell them apart.',
  },
  ...['src/contract/library.ts', 'src/contract/edition-ja.ts'].map((file) => ({
    file,
    code: "'utf8'",
    reason: 'The shape answers read as text: without the encoding readFileSync gives a Buffer, which JSON.parse reads as the same UTF-8 text, so no file tells them apart.',
  })),
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner', './stryker/config-exclusions.mjs'],
  ignorers: ['config-exclusions'],
  mutate: file ? [file] : module?.mutate ?? [
    'src/answers/**/*.ts',
    'src/letters/**/*.ts',
    'src/schedule/**/*.ts',
    'src/contract/**/*.ts',
    // Text safety in the renderers: what reaches a Word part or a page.
    'src/render/text-direction.ts',
    'src/render/text-scan.ts',
    'src/render/embedded-answers.ts',
  ],
  coverageAnalysis: 'perTest',
  // A file of types only (src/invoices/tree.ts) has no mutants and no test imports it at run time:
  // its run writes an empty report rather than stopping the module. A file with mutants and no
  // test still counts them, as not covered.
  allowEmpty: Boolean(file),
  // The dry run (every test once, unmutated) took over Stryker's default 5 minutes at load ~15
  // on the shared machine and aborted the run before a mutant was tried.
  dryRunTimeoutMinutes: 30,
  // Static mutants change code that runs once, when a module loads (the
  // schema's declarations, label strings, constant tables): each one needs
  // the tests re-run in a fresh process. A module run counts them, on its own
  // short list of tests (stryker/modules.mjs); the everything-at-once run
  // over every domain test ignores them (85% of src/answers' mutants at about
  // 17 s each, hours on two cores).
  ignoreStatic: !(module?.countStatic ?? false),
  // Two cores on the machine this runs on; `--concurrency 1` leaves one free.
  concurrency: 2,
  incremental: true,
  incrementalFile: part ? `reports/inc-${part}.json` : 'reports/stryker-incremental.json',
  // The JSON report is what stryker/run.ts reads to write the module's row.
  reporters: ['html', 'clear-text', 'progress', 'json'],
  htmlReporter: { fileName: part ? `reports/mutation/${part}.html` : 'reports/mutation/index.html' },
  jsonReporter: { fileName: part ? `reports/mutation/${part}.json` : 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: module ? `.stryker-tmp-${module.name}` : '.stryker-tmp',
  // Another run's sandbox (a second module run at once with its own --tempDirName) is not copied into this one's.
  ignorePatterns: ['/.stryker-tmp*'],
  cleanTempDir: 'always',
};
