// A test file that cannot load is a failed test, for Stryker.
//
// Stryker's vitest runner (9.6.1, and 10.0.0 still) builds a mutant's result
// from the tests vitest collected, and a test file whose import throws collects
// none: a static mutant that stops a module from loading (a locale emptied in
// `new Intl.DateTimeFormat('', …)`, a schema declaration made invalid) was
// scored "survived", though every test of that file fails when the same code
// is run by hand (stryker-js issue #6150). Such false survivors lowered the
// answers module's row and sent readers after test gaps that do not exist.
//
// After each run, this reporter gives every test file that failed with no test
// in it one failed test carrying the file's own error, in the state Stryker
// reads (`vitest.state.getFiles()`). A file that loaded is left as it is. Only
// vitest.mutation.config.ts uses it: the unit tier reports load errors itself.
import type { RunnerTestCase, RunnerTestFile } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

/** The test put in a file that failed to load: what Stryker's report shows as the killing test. */
export const LOAD_FAILURE_NAME = 'the test file loads';

/** The tests a file holds, at any depth of describe. */
function holdsTests(tasks: RunnerTestFile['tasks']): boolean {
  return tasks.some((task) => task.type === 'test' || (task.type === 'suite' && holdsTests(task.tasks)));
}

/** Gives each file that failed to load one failed test with its error; returns how many it gave one. */
export function markUnloadableFiles(files: readonly RunnerTestFile[]): number {
  let marked = 0;
  for (const file of files) {
    if (file.result?.state !== 'fail' || holdsTests(file.tasks)) continue;
    // Shaped as vitest's own test task, apart from the context that only vitest can build and
    // nothing reads once the run is over (Stryker reads the name, suite, file, mode and result).
    const loadFailure: Omit<RunnerTestCase, 'context'> = {
      type: 'test',
      id: `${file.id}_load`,
      name: LOAD_FAILURE_NAME,
      fullName: `${file.name} > ${LOAD_FAILURE_NAME}`,
      fullTestName: LOAD_FAILURE_NAME,
      mode: 'run',
      meta: {},
      file,
      suite: file,
      timeout: 0,
      annotations: [],
      artifacts: [],
      result: { state: 'fail', errors: file.result.errors ?? [{ message: 'the test file failed to load', name: 'Error' }] },
    };
    file.tasks.push(loadFailure as RunnerTestCase);
    marked++;
  }
  return marked;
}

export class UnloadableFileAsFailedTest implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    if (this.vitest) markUnloadableFiles(this.vitest.state.getFiles());
  }
}
