// The mutation run's reporter (stryker/unloadable-file-reporter.ts): a test
// file that throws as it loads ends the run with one failed test carrying the
// error, where Stryker reads tests (vitest's state), so a mutant that stops a
// module loading is scored killed, not survived. Run through vitest itself on
// two small files: one that cannot load, one that passes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunnerTestFile, RunnerTask } from 'vitest';
import { createVitest } from 'vitest/node';
import { afterAll, describe, expect, it } from 'vitest';
import { LOAD_FAILURE_NAME, markUnloadableFiles, UnloadableFileAsFailedTest } from '../../stryker/unloadable-file-reporter.ts';

const folder = mkdtempSync(join(tmpdir(), 'unloadable-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const testsIn = (tasks: readonly RunnerTask[]): RunnerTask[] => tasks.flatMap((task) => (task.type === 'suite' ? testsIn(task.tasks) : [task]));

describe('a test file that cannot load, in a mutation run', () => {
  it('ends with one failed test carrying its error; a file that loaded keeps its own tests', async () => {
    writeFileSync(join(folder, 'broken.test.ts'), "new Intl.DateTimeFormat('', { dateStyle: 'long' });\nimport { it } from 'vitest';\nit('is never reached', () => {});\n");
    writeFileSync(join(folder, 'fine.test.ts'), "import { expect, it } from 'vitest';\nit('adds', () => { expect(1 + 1).toBe(2); });\n");
    const vitest = await createVitest('test', { root: folder, config: false, watch: false, include: ['*.test.ts'], reporters: [new UnloadableFileAsFailedTest()] });
    try {
      await vitest.start();
      const files = vitest.state.getFiles();
      const broken = files.find((file) => file.name.endsWith('broken.test.ts'))!;
      const fine = files.find((file) => file.name.endsWith('fine.test.ts'))!;
      expect(testsIn(broken.tasks).map((task) => [task.name, task.result?.state])).toEqual([[LOAD_FAILURE_NAME, 'fail']]);
      expect(testsIn(broken.tasks)[0]!.result?.errors?.[0]?.message).toContain('Incorrect locale information provided');
      expect(testsIn(fine.tasks).map((task) => [task.name, task.result?.state])).toEqual([['adds', 'pass']]);
    } finally {
      await vitest.close();
    }
  });

  it('leaves alone a file whose tests ran, failed or not, and a file still running', () => {
    const file = (state: 'pass' | 'fail' | undefined, tasks: RunnerTask[] = []) => ({ id: 'f', name: 'f.test.ts', tasks, ...(state ? { result: { state } } : {}) }) as unknown as RunnerTestFile;
    const failedTest = { type: 'test', name: 'a rule', result: { state: 'fail' } } as unknown as RunnerTask;
    const inASuite = { type: 'suite', name: 'rules', tasks: [failedTest] } as unknown as RunnerTask;
    const files = [file('fail', [failedTest]), file('fail', [inASuite]), file('pass'), file(undefined), file('fail')];
    expect(markUnloadableFiles(files)).toBe(1);
    expect(files.map((each) => each.tasks.length)).toEqual([1, 1, 0, 0, 1]);
  });
});
