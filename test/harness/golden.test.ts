// The golden-sample helper itself: a developer rewrites samples one at a time, by
// name; CI compares, it never rewrites.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, goldenUpdateRequested } from '../helpers/golden.ts';

describe('golden samples', () => {
  const goldenFile = (name = 'clause.sample.txt') => {
    const file = join(mkdtempSync(join(tmpdir(), 'golden-')), name);
    writeFileSync(file, 'old wording\n');
    return file;
  };

  it('UPDATE_GOLDEN=<name> rewrites that sample on a developer machine', () => {
    const file = goldenFile();
    expectGolden(file, 'new wording\n', { UPDATE_GOLDEN: 'clause.sample.txt' });
    expect(readFileSync(file, 'utf8')).toBe('new wording\n');
  });

  it('a sample not named is compared, not rewritten, and its difference fails', () => {
    const file = goldenFile('deposit.sample.txt');
    expect(() => expectGolden(file, 'new wording\n', { UPDATE_GOLDEN: 'clause.sample.txt' })).toThrow(/deposit\.sample\.txt differs/);
    expect(readFileSync(file, 'utf8')).toBe('old wording\n');
  });

  it('several names separated by commas, and a path ending, each pick their sample', () => {
    const deposit = goldenFile('deposit.sample.txt');
    const fees = goldenFile('fees.sample.txt');
    const env = { UPDATE_GOLDEN: ` ${deposit.split('/').slice(-2).join('/')} , fees.sample.txt` };
    expect(goldenUpdateRequested(deposit, env)).toBe(true);
    expect(goldenUpdateRequested(fees, env)).toBe(true);
    expect(goldenUpdateRequested(goldenFile('other.sample.txt'), env)).toBe(false);
    // A name is a whole file name, not any suffix: "sample.txt" names no sample.
    expect(goldenUpdateRequested(deposit, { UPDATE_GOLDEN: 'sample.txt' })).toBe(false);
  });

  it.each(['1', 'true', 'all', '*'])('UPDATE_GOLDEN=%s, a switch that would bless every difference at once, is refused saying how to name one', (value) => {
    const file = goldenFile();
    expect(() => expectGolden(file, 'new wording\n', { UPDATE_GOLDEN: value })).toThrow(/names of the samples to rewrite/);
    expect(readFileSync(file, 'utf8')).toBe('old wording\n');
  });

  it('UPDATE_GOLDEN is refused when CI is set, and the sample is left as it was', () => {
    const file = goldenFile();
    expect(() => expectGolden(file, 'new wording\n', { UPDATE_GOLDEN: 'clause.sample.txt', CI: 'true' })).toThrow(/refused when CI is set/);
    expect(readFileSync(file, 'utf8')).toBe('old wording\n');
  });

  it('without UPDATE_GOLDEN a changed wording fails', () => {
    const file = goldenFile();
    expect(goldenUpdateRequested(file, {})).toBe(false);
    expect(() => expectGolden(file, 'new wording\n', {})).toThrow();
  });
});
