// Golden samples: text a template renders, kept beside it and compared on
// every run. After a deliberate wording change, UPDATE_GOLDEN names the samples
// to rewrite (UPDATE_GOLDEN=deposit.sample.txt, or several separated by commas):
// one at a time, by name, so a change that moves other samples too shows up as
// their failures instead of being blessed with the rest. With CI set it is
// refused, so a CI run can only compare, never bless.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { sep } from 'node:path';
import { expect } from 'vitest';

/** Whether this sample was named for rewriting. Throws when the request cannot be honoured. */
export function goldenUpdateRequested(goldenFile: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const requested = env.UPDATE_GOLDEN?.trim();
  if (!requested) return false;
  if (env.CI) throw new Error('UPDATE_GOLDEN is refused when CI is set: rewrite the golden samples on your machine and commit them.');
  const names = requested.split(',').map((name) => name.trim()).filter(Boolean);
  if (names.some((name) => /^(?:1|true|yes|all|\*)$/i.test(name))) {
    throw new Error(
      'UPDATE_GOLDEN takes the names of the samples to rewrite, not a switch: UPDATE_GOLDEN=deposit.sample.txt ' +
        '(or a path ending, contract-ja/06-deposit/deposit.sample.txt; several separated by commas).',
    );
  }
  const path = goldenFile.split(sep).join('/');
  return names.some((name) => path === name || path.endsWith(`/${name.replace(/^\/+/, '')}`));
}

/** Compares `actual` with the golden file (rewriting it first when its update was asked for outside CI). */
export function expectGolden(goldenFile: string, actual: string, env: NodeJS.ProcessEnv = process.env): void {
  if (goldenUpdateRequested(goldenFile, env)) writeFileSync(goldenFile, actual);
  expect(existsSync(goldenFile), `${goldenFile} is missing: run UPDATE_GOLDEN=<its name> npm test`).toBe(true);
  expect(actual, `${goldenFile} differs: if the change is deliberate, UPDATE_GOLDEN=<its name> npm test rewrites it`).toBe(
    readFileSync(goldenFile, 'utf8'),
  );
}
