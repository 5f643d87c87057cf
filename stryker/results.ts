// One row per mutation module (stryker/mutation-results.json, committed), made
// from Stryker's JSON report by stryker/run.ts, and the table docs/reliability.md
// shows, written from those rows (test/harness/mutation-results.test.ts checks
// the two agree).
import type { MutationModule } from './modules.mjs';

export const resultsFile = 'stryker/mutation-results.json';
export const TABLE_START = '<!-- mutation-table:start (written by stryker/run.ts from stryker/mutation-results.json) -->';
export const TABLE_END = '<!-- mutation-table:end -->';

/** What Stryker's JSON report (mutation-testing-report-schema) holds that a row needs. */
export interface StrykerReport {
  readonly files: Record<string, { readonly mutants: readonly { readonly status: string; readonly static?: boolean }[] }>;
}

export interface MutationRow {
  readonly module: string;
  /** What the module mutates, as the table names it. */
  readonly covers: string;
  /** Mutants that count: killed, timed out, survived or with no test covering them. */
  readonly mutants: number;
  readonly killed: number;
  readonly timedOut: number;
  readonly survived: number;
  readonly noCoverage: number;
  /** Of `mutants`, how many are static (run as the file loads); null when the run ignored them. */
  readonly static: number | null;
  /** Stryker's score: killed and timed out over `mutants`, in per cent to one decimal. */
  readonly score: number;
  /** The same with a timeout counted as a survivor (a loop turned round, or a test too slow to tell). */
  readonly scoreKilledOnly: number;
  /** The commit measured (short hash), "+ changes" when the working copy differed. */
  readonly commit: string;
  /** The day measured, YYYY-MM-DD (UTC). */
  readonly date: string;
  /** Set on a row carried over from an earlier run that was not repeated, saying how it was measured. */
  readonly remark?: string;
}

const percent = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10);

export function rowOf(module: MutationModule, report: StrykerReport, commit: string, at: Date): MutationRow {
  const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  let staticCount = 0;
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) {
      // Ignored (static with ignoreStatic, or excluded with a reason), compile and runtime errors do not count, as in Stryker's score.
      if (!(mutant.status in count)) continue;
      count[mutant.status as keyof typeof count] += 1;
      if (mutant.static) staticCount += 1;
    }
  }
  const mutants = count.Killed + count.Timeout + count.Survived + count.NoCoverage;
  return {
    module: module.name,
    covers: module.note,
    mutants,
    killed: count.Killed,
    timedOut: count.Timeout,
    survived: count.Survived,
    noCoverage: count.NoCoverage,
    static: module.countStatic ? staticCount : null,
    score: percent(count.Killed + count.Timeout, mutants),
    scoreKilledOnly: percent(count.Killed, mutants),
    commit,
    date: at.toISOString().slice(0, 10),
  };
}

/**
 * One report from the reports of a module's files, each run on its own (stryker/run.ts): Stryker
 * keys a report's files by path, so a file measured twice would be one entry; a file with no
 * mutant (types only) adds nothing.
 */
export function mergeReports(reports: readonly StrykerReport[]): StrykerReport {
  const files: Record<string, StrykerReport['files'][string]> = {};
  for (const report of reports) {
    for (const [name, file] of Object.entries(report.files)) {
      if (name in files) throw new Error(`${name} is in two of the module's reports`);
      files[name] = file;
    }
  }
  return { files };
}

const thousands = (n: number) => n.toLocaleString('en-US');

/** The Markdown table of `rows`, one line per module, ending in a newline. */
export function renderTable(rows: readonly MutationRow[]): string {
  const lines = [
    '| module | covers | mutants | killed | timed out | survived | no coverage | static counted | score | timeouts as survivors | commit | date |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) =>
      [
        `\`${row.module}\``,
        row.remark ? `${row.covers} (${row.remark})` : row.covers,
        thousands(row.mutants),
        thousands(row.killed),
        thousands(row.timedOut),
        thousands(row.survived),
        thousands(row.noCoverage),
        row.static === null ? 'no (ignored)' : thousands(row.static),
        `**${row.score.toFixed(1)}%**`,
        `${row.scoreKilledOnly.toFixed(1)}%`,
        row.commit,
        row.date,
      ].join(' | '),
    ).map((line) => `| ${line} |`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The lines of each file a `git diff --unified=0` adds or changes ("src/x.ts:10-12"), as Stryker's --mutate takes them. */
export function changedRanges(diff: string): Map<string, string[]> {
  const ranges = new Map<string, string[]>();
  let file: string | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) file = line.startsWith('+++ b/') ? line.slice(6) : undefined;
    const hunk = /^@@ -\S+ \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && file) {
      const first = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      // A hunk that only removes lines changes no line that is left to mutate.
      if (count > 0) ranges.set(file, [...(ranges.get(file) ?? []), `${file}:${first}-${first + count - 1}`]);
    }
  }
  return ranges;
}

/** An incremental file as far as forgetStaticSurvivors reads it (mutation-testing-report-schema). */
export interface IncrementalReport {
  files: Record<string, { mutants: { status: string; static?: boolean }[] }>;
}

/**
 * The incremental file without its static survivors, and how many there were.
 * Stryker records no covering test for a static mutant, so it carries one that
 * survived into the next run as survived even when a test added since would
 * kill it; dropped from the file, it is tested again.
 */
export function forgetStaticSurvivors(report: IncrementalReport): { report: IncrementalReport; forgotten: number } {
  let forgotten = 0;
  const files = Object.fromEntries(
    Object.entries(report.files).map(([name, file]) => {
      const mutants = file.mutants.filter((mutant) => !(mutant.static && (mutant.status === 'Survived' || mutant.status === 'NoCoverage')));
      forgotten += file.mutants.length - mutants.length;
      return [name, { ...file, mutants }];
    }),
  );
  return { report: { ...report, files }, forgotten };
}
