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
    file: 'src/answers/registration-number.ts',
    code: 'digits.charCodeAt(13 - n) - 48',
    reason: 'Adding 48 for subtracting it moves the weighted sum by 96 x (6 x 1 + 6 x 2) = 1,728, a multiple of 9, so every check digit comes out the same.',
  },
  {
    file: 'src/answers/text.ts',
    code: '!LINE_SPACING.test(clean)',
    reason: 'A fast path for the usual one-line value: the general replace below gives the same text, so forcing either branch changes only the time taken.',
  },
  {
    file: 'src/answers/text.ts',
    code: '/[\\t\\n\\u2028\\u2029]| {2}/',
    reason: "The fast path's test (LINE_SPACING): a value it wrongly sends down the general replace comes out the same, so no input tells its mutants apart.",
  },
  {
    file: 'src/answers/text.ts',
    code: '!MAY_NEED_CLEANING.test(value)',
    reason: 'A fast path for text with nothing to clean: the replaces and NFC below leave such text as it is, so forcing the general branch changes only the time taken.',
  },
  {
    file: 'src/answers/text.ts',
    code: "!clean.includes('\\n')",
    reason: 'A fast path for one line: split, trimmed and joined again it comes out as the same trimmed line, so forcing the general branch changes only the time taken.',
  },
  {
    file: 'src/answers/text.ts',
    code: 'end > 0',
    reason: 'The scan stops at the start of the line either way: past it charCodeAt gives NaN, which is neither a space nor a tab.',
  },
  {
    file: 'src/answers/text.ts',
    code: '!NOT_ASCII.test(value)',
    reason: 'A fast path for a value already ASCII: NFKC and the dash replace leave such a value as it is, so forcing the general branch changes only the time taken.',
  },
  {
    file: 'src/contract/points.ts',
    code: "''",
    reason: 'The first letter of a paragraph without text: any replacement that is not a lower-case letter (the mutant puts an upper-case S) also reads as a new point, so no paragraph can tell them apart.',
  },
  // The shape letters: values built once so the template loader can check each name a letter reads.
  // The loader reads names and types, never values, and every value here is a string either way.
  {
    file: 'src/letters/library.ts',
    code: "'2026-02-27'",
    reason: 'The shape letter\'s call date: emptied, the shape still has a calledOn string (empty) and the loader checks names only, so no letter or input tells it apart.',
  },
  {
    file: 'src/letters/library.ts',
    code: "'I-1'",
    reason: 'The shape letter\'s invoice number: emptied, the shape still has the name as a string and the loader checks names only.',
  },
  {
    file: 'src/letters/library.ts',
    code: "'Bank transfer'",
    reason: 'The shape letter\'s and shape fee\'s payment method: emptied, howToPay is still a string and the loader checks names only.',
  },
  {
    file: 'src/letters/edition-ja.ts',
    code: "'2027-01-01'",
    reason: 'The Japanese shape answers\' effective date: it only moves whether the Freelance Act reaches the shape, a boolean either way, and the loader checks names only.',
  },
  {
    file: 'src/letters/edition-ja.ts',
    code: '{ hasEmployees: false }',
    reason: 'The Japanese shape answers\' freelancer: with or without employees the shape\'s freelanceAct is a boolean, and the loader checks names only.',
  },
  {
    file: 'src/letters/edition-ja.ts',
    code: "'M'",
    reason: 'The Japanese shape answers\' payment method: emptied, howToPay is still a string and the loader checks names only.',
  },
  {
    file: 'src/letters/edition-ja.ts',
    code: "'東京都'",
    reason: 'The Japanese shape answers\' client address: emptied, paymentOrderPossible is still a boolean and the loader checks names only.',
  },
  {
    file: 'src/letters/edition-ja.ts',
    code: "'B'",
    reason: 'The Japanese shape answers\' client company: emptied, debtorCourt is the person\'s court, still a string, and the loader checks names only.',
  },
  // The letter request's cross-field checks (src/letters/request.ts).
  {
    file: 'src/letters/request.ts',
    code: "'custom'",
    reason: 'The code of the letter request\'s own issues: the API and the wizard show each issue\'s path and message only (web/problems.ts reads a code for unknown keys alone), so no user can tell it apart.',
  },
  {
    file: 'src/letters/request.ts',
    code: 'calledOn && letterDate',
    reason: 'Only narrows the type for TypeScript: a missing or malformed date is undefined, and comparing undefined with a date is false in JavaScript, so the comparison alone already skips it.',
  },
  {
    file: 'src/letters/request.ts',
    code: 'dueDate && issuedOn',
    reason: 'Only narrows the type for TypeScript: a missing or malformed date is undefined, and comparing undefined with a date is false in JavaScript, so the comparison alone already skips it.',
  },
  {
    file: 'src/letters/request.ts',
    code: 'date && issuedOn',
    reason: 'Only narrows the type for TypeScript: a missing or malformed date is undefined, and comparing undefined with a date is false in JavaScript, so the comparison alone already skips it.',
  },
  {
    file: 'src/letters/request.ts',
    code: 'date && dueDate',
    reason: 'Only narrows the type for TypeScript: a missing or malformed date is undefined, and comparing undefined with a date is false in JavaScript, so the comparison alone already skips it.',
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
  // Per test: a mutant runs only the tests that reached its code in the dry run, unless its module says 'all' (stryker/modules.mjs).
  coverageAnalysis: module?.coverageAnalysis ?? 'perTest',
  // A file of types only (src/invoices/tree.ts) has no mutants and no test imports it at run time:
  // its run writes an empty report rather than stopping the module. A file with mutants and no
  // test still counts them, as not covered.
  allowEmpty: Boolean(file),
  // The dry run (every test once, unmutated) took over Stryker's default 5 minutes at load ~15
  // on the shared machine and aborted the run before a mutant was tried.
  dryRunTimeoutMinutes: 30,
  // A mutant's time limit is 1.5 x the dry run's test time, plus this, plus the dry run's overhead. With
  // Stryker's 5 s, a static mutant (its tests again in a fresh process) ran past it at load 12 and was
  // scored "timed out", which counts as detected: 18 of schema.ts's first 416 mutants. 30 s more keeps a
  // slow machine from scoring a mutant it never finished; a real endless loop costs 30 s more to find.
  timeoutMS: 30_000,
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
