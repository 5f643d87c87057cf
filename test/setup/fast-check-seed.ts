// Property tests draw their cases from one fixed seed, so a run is repeatable
// and a regression is caught every time, not by luck. fast-check prints the
// seed and the path of the smallest failing case in its error; FC_SEED
// replays another seed (or explores: FC_SEED=random draws a new one, printed below).
import fc from 'fast-check';

export const DEFAULT_FC_SEED = 20_261_127;

function seedFromEnvironment(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_FC_SEED;
  if (raw === 'random') {
    const seed = Math.floor(Math.random() * 0x7fffffff);
    console.log(`fast-check seed: ${seed} (FC_SEED=${seed} replays it)`);
    return seed;
  }
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be a whole number or "random", not "${raw}"`);
  return seed;
}

fc.configureGlobal({ seed: seedFromEnvironment(process.env.FC_SEED) });
