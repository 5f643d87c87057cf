// Property tests are repeatable: every run draws from the same seed unless
// FC_SEED asks for another, and a failure names the seed that replays it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FC_SEED } from '../setup/fast-check-seed.ts';

describe('fast-check', () => {
  it.runIf(process.env.FC_SEED === undefined)('uses the fixed seed when FC_SEED is not set', () => {
    expect(fc.readConfigureGlobal().seed).toBe(DEFAULT_FC_SEED);
  });

  it('draws the same cases on every run', () => {
    const draw = () => fc.sample(fc.string({ unit: 'binary' }), { numRuns: 20 });
    expect(draw()).toEqual(draw());
  });

  it('prints the seed and path of a failure, so the case can be replayed', () => {
    expect(() => fc.assert(fc.property(fc.nat(), (n) => n < 10))).toThrow(
      new RegExp(`seed: ${fc.readConfigureGlobal().seed}, path: `),
    );
  });
});
