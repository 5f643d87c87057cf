// `npm run test:mutation -- [module ...]`: Stryker one module at a time
// (stryker/modules.mjs), each with its own tests, incremental file, sandbox
// and report, nice'd and on one core (the machine is shared). After each
// module its row in stryker/mutation-results.json is replaced by what the run
// found, with the commit and date, and the table in docs/reliability.md is
// written again from that file.
//
// `npm run test:mutation -- --changed [<base>]` is CI's run (.ci/run): only
// the lines changed since <base> (HEAD^1 by default: the commit CI was given),
// module by module, within MUTATION_CI_MINUTES (10) in all; it fails when a
// module's changed lines score under CHANGED_THRESHOLD, and ends at once,
// passing, when no mutated file changed. Out of time, it says which modules
// it could not finish and how to run them, and passes: the time CI has is not
// a test of the code, and the engineer who changed a rule runs its module
// before landing (docs/reliability.md). It writes no row: a few lines are not a module.
//
// Anything after `--stryker` goes to Stryker as is (`--stryker --concurrency 2`).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import picomatch from 'picomatch';
import { modules, partName, type MutationModule } from './modules.mjs';
import { changedRanges, forgetStaticSurvivors, type IncrementalReport, mergeReports, renderTable, resultsFile, rowOf, type MutationRow, type StrykerReport, TABLE_END, TABLE_START } from './results.ts';
import { PROJECT_ROOT } from '../src/project-root.ts';

/** CI's bar for the changed lines, the issue's bar for a module (issue 29). */
export const CHANGED_THRESHOLD = 85;

const git = (...args: string[]) => execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();

/** Runs Stryker for one module, or one file of it; resolves to its exit code, or 'timeout' when `deadline` (ms since epoch) passes first. */
function runStryker(module: MutationModule, file: string | undefined, extra: readonly string[], deadline?: number): Promise<number | 'timeout'> {
  const args = ['-n', '15', join(PROJECT_ROOT, 'node_modules/.bin/stryker'), 'run', '--concurrency', '1', ...extra];
  console.log(`\n== mutation: ${module.name} (${file ?? module.note})`);
  // Its own process group, so a timeout ends Stryker and every test runner it started, and nothing else.
  const env = { ...process.env, MUTATION_MODULE: module.name, MUTATION_FILE: file ?? '' };
  const child = spawn('nice', args, { cwd: PROJECT_ROOT, stdio: 'inherit', detached: true, env });
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    if (deadline !== undefined) {
      timer = setTimeout(() => {
        process.kill(-child.pid!, 'SIGTERM');
        resolve('timeout');
      }, Math.max(0, deadline - Date.now()));
    }
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

/** The files a module mutates, smallest first: a run stopped part-way has finished as many files as it could. */
function filesOf(module: MutationModule): string[] {
  const owns = picomatch(module.mutate);
  const files = git('ls-files', '--', 'src').split('\n').filter((file) => owns(file));
  const size = (file: string) => statSync(join(PROJECT_ROOT, file)).size;
  return files.sort((a, b) => size(a) - size(b) || a.localeCompare(b));
}

const reportOf = (module: MutationModule, file: string) => join(PROJECT_ROOT, 'reports/mutation', module.name, `${partName(file)}.json`);
const incrementalOf = (module: MutationModule, file: string) => join(PROJECT_ROOT, 'reports', `inc-${module.name}`, `${partName(file)}.json`);
/** Beside a file's report: the commit it measured, when the working copy was clean, so a rerun at that commit can skip the file. */
const measuredOf = (module: MutationModule, file: string) => join(PROJECT_ROOT, 'reports/mutation', module.name, `${partName(file)}.commit`);

/** The module's files' reports as one. */
function readModuleReport(module: MutationModule, files: readonly string[]): StrykerReport {
  return mergeReports(files.map((file) => JSON.parse(readFileSync(reportOf(module, file), 'utf8')) as StrykerReport));
}

function readReport(module: MutationModule): StrykerReport {
  return JSON.parse(readFileSync(join(PROJECT_ROOT, 'reports/mutation', `${module.name}.json`), 'utf8')) as StrykerReport;
}

/** The commit the run measured; "+ changes" when the code or tests differ from it (the row is then not reproducible from the commit). */
function measuredCommit(): string {
  const commit = git('rev-parse', '--short=10', 'HEAD');
  const dirty = git('status', '--porcelain', '--', 'src', 'test', 'stryker', 'stryker.config.mjs', 'vitest.mutation.config.ts') !== '';
  return dirty ? `${commit} + changes` : commit;
}

function writeResults(rows: readonly MutationRow[]): void {
  writeFileSync(join(PROJECT_ROOT, resultsFile), `${JSON.stringify(rows, null, 2)}\n`);
  const docs = join(PROJECT_ROOT, 'docs/reliability.md');
  const text = readFileSync(docs, 'utf8');
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`docs/reliability.md: the markers ${TABLE_START} and ${TABLE_END} are missing`);
  writeFileSync(docs, `${text.slice(0, start + TABLE_START.length)}\n${renderTable(rows)}${text.slice(end)}`);
}

/** Drops a file's static survivors from its incremental file, so that this run tests them again against today's tests. */
function retestStaticSurvivors(module: MutationModule, file: string): void {
  const incremental = incrementalOf(module, file);
  if (!existsSync(incremental)) return;
  const { report, forgotten } = forgetStaticSurvivors(JSON.parse(readFileSync(incremental, 'utf8')) as IncrementalReport);
  if (forgotten === 0) return;
  writeFileSync(incremental, JSON.stringify(report));
  console.log(`mutation: ${file}: ${forgotten} static mutant(s) that survived last time are tested again`);
}

/**
 * A module, a file at a time (each with its own incremental file and report,
 * written by Stryker only when the file is done), then its row from all the
 * files' reports. Stopped part-way, a rerun skips each file already measured
 * at the same clean commit, and Stryker's incremental file makes the others quick.
 */
async function runModule(module: MutationModule, extra: readonly string[]): Promise<number> {
  // Taken before the run: Stryker measures the copy it makes as it starts, and the work tree may move on while it runs.
  const commit = measuredCommit();
  const files = filesOf(module);
  let failed = 0;
  for (const file of files) {
    const measured = measuredOf(module, file);
    if (!commit.includes('+') && extra.length === 0 && existsSync(reportOf(module, file)) && existsSync(measured) && readFileSync(measured, 'utf8') === commit) {
      console.log(`mutation: ${file} already measured at ${commit}`);
      continue;
    }
    rmSync(measured, { force: true });
    retestStaticSurvivors(module, file);
    const started = Date.now();
    const code = await runStryker(module, file, extra);
    const fresh = existsSync(reportOf(module, file)) && statSync(reportOf(module, file)).mtimeMs >= started;
    // A file of types only: Stryker finds no mutant, says "Done" and writes no report.
    if (!fresh && code === 0) {
      mkdirSync(dirname(reportOf(module, file)), { recursive: true });
      writeFileSync(reportOf(module, file), JSON.stringify({ files: {} }));
    }
    // Stryker exits 1 under its break threshold, with the report written: the file's figures still count.
    else if (!fresh) {
      console.error(`mutation: ${file}: Stryker wrote no report; ${module.name} gets no row`);
      return 1;
    }
    if (code !== 0) failed = 1;
    writeFileSync(measured, commit);
  }
  const rows = JSON.parse(readFileSync(join(PROJECT_ROOT, resultsFile), 'utf8')) as MutationRow[];
  const row = rowOf(module, readModuleReport(module, files), commit, new Date());
  const at = rows.findIndex((existing) => existing.module === module.name);
  if (at >= 0) rows[at] = row;
  else rows.push(row);
  writeResults(rows);
  console.log(`== ${module.name}: ${row.score}% (${row.mutants} mutants, ${row.static} static, ${row.survived} survived), written to ${resultsFile}`);
  return failed;
}

async function runModules(names: readonly string[], extra: readonly string[]): Promise<number> {
  const chosen = names.length === 0 ? modules : names.map((name) => {
    const found = modules.find((module) => module.name === name);
    if (!found) throw new Error(`No mutation module "${name}": ${modules.map((module) => module.name).join(', ')}`);
    return found;
  });
  let failed = 0;
  for (const module of chosen) failed = Math.max(failed, await runModule(module, extra));
  return failed;
}

async function runChanged(base: string, extra: readonly string[]): Promise<number> {
  try {
    git('rev-parse', '--verify', '--quiet', `${base}^{commit}`);
  } catch {
    // A clone of one commit (a shallow CI checkout) has nothing to compare with.
    console.log(`mutation: ${base} is not in this clone; nothing to compare, nothing run`);
    return 0;
  }
  const ranges = changedRanges(git('diff', '--unified=0', '--no-color', `${base}..HEAD`, '--', 'src'));
  const minutes = Number(process.env.MUTATION_CI_MINUTES ?? 10);
  const deadline = Date.now() + minutes * 60_000;
  let ran = 0;
  const unfinished: string[] = [];
  for (const module of modules) {
    const owns = picomatch(module.mutate);
    const mutate = [...ranges].filter(([file]) => owns(file)).flatMap(([, fileRanges]) => fileRanges);
    if (mutate.length === 0) continue;
    ran += 1;
    if (Date.now() >= deadline) {
      unfinished.push(module.name);
      continue;
    }
    const code = await runStryker(module, undefined, ['--mutate', mutate.join(','), '--incrementalFile', `reports/inc-ci-${module.name}.json`, ...extra], deadline);
    if (code === 'timeout') {
      unfinished.push(module.name);
      continue;
    }
    const row = rowOf(module, readReport(module), measuredCommit(), new Date());
    console.log(`== ${module.name}, lines changed since ${base}: ${row.score}% (${row.mutants} mutants, ${row.survived} survived, ${row.noCoverage} not covered)`);
    if (row.mutants > 0 && row.score < CHANGED_THRESHOLD) {
      console.error(`mutation: ${module.name}'s changed lines score ${row.score}%, under ${CHANGED_THRESHOLD}%: see reports/mutation/${module.name}.html for the survivors`);
      return 1;
    }
  }
  if (ran === 0) console.log(`mutation: no mutated file changed since ${base}; nothing to run`);
  if (unfinished.length > 0) {
    console.warn(
      `mutation: WARNING: not finished within ${minutes} minutes (MUTATION_CI_MINUTES): ${unfinished.join(', ')}; not counted as a failure. ` +
        `Run ${unfinished.map((name) => `\`npm run test:mutation -- ${name}\``).join(' and ')} to measure them.`,
    );
  }
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const split = argv.indexOf('--stryker');
  const ours = split < 0 ? argv : argv.slice(0, split);
  const extra = split < 0 ? [] : argv.slice(split + 1);
  if (ours[0] === '--changed') return runChanged(ours[1] ?? 'HEAD^1', extra);
  return runModules(ours, extra);
}

process.exitCode = await main(process.argv.slice(2));
