// The mutation table in docs/reliability.md is written from
// stryker/mutation-results.json by stryker/run.ts; a hand edit of either, or a
// row added to one and not the other, fails here. And CI's run mutates exactly
// the lines a change added (stryker/run.ts --changed).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changedRanges, forgetStaticSurvivors, mergeReports, renderTable, resultsFile, rowOf, TABLE_END, TABLE_START, type MutationRow } from '../../stryker/results.ts';
import { fileOfModule, modules, partName } from '../../stryker/modules.mjs';

describe('the mutation table', () => {
  it('in docs/reliability.md is the one written from stryker/mutation-results.json', () => {
    const rows = JSON.parse(readFileSync(resultsFile, 'utf8')) as MutationRow[];
    const docs = readFileSync('docs/reliability.md', 'utf8');
    const table = docs.slice(docs.indexOf(TABLE_START) + TABLE_START.length + 1, docs.indexOf(TABLE_END));
    expect(table).toBe(renderTable(rows));
  });

  it('has at most one row per module, each with its commit and date', () => {
    const rows = JSON.parse(readFileSync(resultsFile, 'utf8')) as MutationRow[];
    const names = rows.map((row) => row.module);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(modules.map((module) => module.name)).toContain(name);
    for (const row of rows) {
      expect(row.commit, row.module).toMatch(/^([0-9a-f]{10}( \+ changes)?|not recorded)$/);
      expect(row.date, row.module).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('counts a report\'s mutants as Stryker scores them, static ones among them, and timeouts apart', () => {
    const mutant = (status: string, isStatic = false) => ({ status, static: isStatic });
    const report = {
      files: {
        'src/a.ts': { mutants: [mutant('Killed'), mutant('Killed', true), mutant('Timeout'), mutant('Survived', true)] },
        'src/b.ts': { mutants: [mutant('NoCoverage'), mutant('Ignored', true), mutant('CompileError'), mutant('Killed')] },
      },
    };
    const row = rowOf(modules[0]!, report, 'abcdef1234', new Date('2026-12-06T18:00:00Z'));
    expect(row).toMatchObject({ mutants: 6, killed: 3, timedOut: 1, survived: 1, noCoverage: 1, static: 2, score: 66.7, scoreKilledOnly: 50, commit: 'abcdef1234', date: '2026-12-06' });
  });
});

describe('a module run a file at a time', () => {
  const mutant = (status: string, isStatic = false) => ({ status, static: isStatic });

  it('scores the module from every file\'s report together, a file of types only adding nothing', () => {
    const merged = mergeReports([
      { files: { 'src/invoices/bill.ts': { mutants: [mutant('Killed', true), mutant('Survived')] } } },
      { files: {} },
      { files: { 'src/invoices/request.ts': { mutants: [mutant('Killed'), mutant('Timeout', true), mutant('Survived', true)] } } },
    ]);
    expect(Object.keys(merged.files)).toEqual(['src/invoices/bill.ts', 'src/invoices/request.ts']);
    expect(rowOf(modules[0]!, merged, 'abcdef1234', new Date('2026-12-07T00:00:00Z'))).toMatchObject({ mutants: 5, killed: 2, timedOut: 1, survived: 2, static: 3, score: 60 });
  });

  it('refuses a file found in two reports rather than count it once or twice', () => {
    const report = { files: { 'src/invoices/bill.ts': { mutants: [mutant('Killed')] } } };
    expect(() => mergeReports([report, report])).toThrow('src/invoices/bill.ts is in two of the module\'s reports');
  });

  it('runs only files the module mutates, each under a name of its own', () => {
    const invoices = modules.find((module) => module.name === 'invoices')!;
    expect(fileOfModule(invoices, 'src/invoices/request.ts')).toBe('src/invoices/request.ts');
    expect(fileOfModule(invoices, undefined)).toBeUndefined();
    expect(() => fileOfModule(invoices, 'src/invoices/edition-en.ts')).toThrow('MUTATION_FILE=src/invoices/edition-en.ts: not a file the module invoices mutates');
    expect(partName('src/invoices/request.ts')).toBe('invoices-request.ts');
    expect(partName('src/answers/japan-courts.ts')).toBe('answers-japan-courts.ts');
  });
});

describe('a rerun tests again the static mutants that survived', () => {
  it('drops them from the incremental file, and keeps every other mutant as it was', () => {
    const mutant = (id: string, status: string, isStatic = false) => ({ id, status, static: isStatic });
    const { report, forgotten } = forgetStaticSurvivors({
      files: {
        'src/table.ts': {
          mutants: [mutant('1', 'Survived', true), mutant('2', 'Killed', true), mutant('3', 'NoCoverage', true), mutant('4', 'Survived')],
        },
        'src/rules.ts': { mutants: [mutant('5', 'Killed'), mutant('6', 'NoCoverage')] },
      },
    });
    expect(forgotten).toBe(2);
    expect(report.files).toEqual({
      'src/table.ts': { mutants: [mutant('2', 'Killed', true), mutant('4', 'Survived')] },
      'src/rules.ts': { mutants: [mutant('5', 'Killed'), mutant('6', 'NoCoverage')] },
    });
  });
});

describe('CI mutates the lines a change adds', () => {
  it('one range per hunk, none for a hunk that only removes lines', () => {
    const diff = [
      'diff --git a/src/web/csrf.ts b/src/web/csrf.ts',
      '--- a/src/web/csrf.ts',
      '+++ b/src/web/csrf.ts',
      '@@ -3,0 +4,2 @@ comment',
      '@@ -10 +12 @@',
      '@@ -20,3 +23,0 @@',
      'diff --git a/src/old.ts b/src/old.ts',
      '--- a/src/old.ts',
      '+++ /dev/null',
      '@@ -1,5 +0,0 @@',
    ].join('\n');
    expect(Object.fromEntries(changedRanges(diff))).toEqual({ 'src/web/csrf.ts': ['src/web/csrf.ts:4-5', 'src/web/csrf.ts:12-12'] });
  });
});
