// The golden-sample helper itself: CI compares, it never rewrites.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, goldenUpdateRequested } from '../helpers/golden.ts';

describe('golden samples', () => {
  const goldenFile = () => {
    const file = join(mkdtempSync(join(tmpdir(), 'golden-')), 'clause.sample.txt');
    writeFileSync(file, 'old wording\n');
    return file;
  };

  it('UPDATE_GOLDEN=1 rewrites the sample on a developer machine', () => {
    const file = goldenFile();
    expectGolden(file, 'new wording\n', { UPDATE_GOLDEN: '1' });
    expect(readFileSync(file, 'utf8')).toBe('new wording\n');
  });

  it('UPDATE_GOLDEN=1 is refused when CI is set, and the sample is left as it was', () => {
    const file = goldenFile();
    expect(() => expectGolden(file, 'new wording\n', { UPDATE_GOLDEN: '1', CI: 'true' })).toThrow(/refused when CI is set/);
    expect(readFileSync(file, 'utf8')).toBe('old wording\n');
  });

  it('without UPDATE_GOLDEN a changed wording fails', () => {
    expect(goldenUpdateRequested({})).toBe(false);
    expect(() => expectGolden(goldenFile(), 'new wording\n', {})).toThrow();
  });
});
