// Golden samples: text a template renders, kept beside it and compared on
// every run. UPDATE_GOLDEN=1 rewrites them after a deliberate wording change;
// with CI set that is refused, so a CI run can only compare, never bless.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export function goldenUpdateRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if (!env.UPDATE_GOLDEN) return false;
  if (env.CI) throw new Error('UPDATE_GOLDEN is refused when CI is set: rewrite the golden samples on your machine and commit them.');
  return true;
}

/** Compares `actual` with the golden file (rewriting it first when an update was asked for outside CI). */
export function expectGolden(goldenFile: string, actual: string, env: NodeJS.ProcessEnv = process.env): void {
  if (goldenUpdateRequested(env)) writeFileSync(goldenFile, actual);
  expect(existsSync(goldenFile), `${goldenFile} is missing: run UPDATE_GOLDEN=1 npm test`).toBe(true);
  expect(actual).toBe(readFileSync(goldenFile, 'utf8'));
}
