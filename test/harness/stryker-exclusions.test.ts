// The mutants excluded from the mutation score (stryker.config.mjs): each has
// a reason, and each still points at code that exists, so an exclusion can
// neither hide a mutant silently nor outlive the code it was written for.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript, read by Stryker itself
import { exclusionReason } from '../../stryker/config-exclusions.mjs';
// @ts-expect-error plain JavaScript, read by Stryker itself
import { exclusions } from '../../stryker.config.mjs';

type Exclusion = { file: string; code: string; reason: string };
const list = exclusions as Exclusion[];

describe('excluded mutants', () => {
  it.each(list.map((exclusion) => [exclusion.file, exclusion.code, exclusion]))('%s: %s has a one-line reason and is still in the file', (_file, _code, exclusion) => {
    const { file, code, reason } = exclusion as Exclusion;
    expect(reason).toMatch(/^[A-Z].{20,}\.$/);
    expect(reason).not.toContain('\n');
    expect(readFileSync(file, 'utf8')).toContain(code);
  });

  it('match only their own file and their exact source', () => {
    const [first] = list;
    expect(first).toBeDefined();
    expect(exclusionReason(first!.file, first!.code)).toBe(first!.reason);
    expect(exclusionReason(`/sandbox/${first!.file}`, first!.code)).toBe(first!.reason);
    expect(exclusionReason('src/answers/money.ts', first!.code)).toBeUndefined();
    expect(exclusionReason(first!.file, `${first!.code} `)).toBeUndefined();
  });
});
