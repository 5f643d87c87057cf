// The sample answers shipped in clauses/samples/ (copies of ../shared/examples).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answersSchema, type Answers } from '../../src/answers/schema.ts';

export const SAMPLES_DIR = fileURLToPath(new URL('../../clauses/samples/', import.meta.url));

export const SAMPLE_NAMES = readdirSync(SAMPLES_DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, ''))
  .sort();

/**
 * The sample as a client would send it: a fresh copy each call, typed loosely
 * so that tests can damage it the way a careless client would.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function sampleInput(name: string): any {
  return JSON.parse(readFileSync(`${SAMPLES_DIR}${name}.json`, 'utf8'));
}

export function sampleAnswers(name: string): Answers {
  return answersSchema.parse(sampleInput(name));
}

/** The Japanese sample answers (clauses/samples/ja/), rendered by the Japanese clause library. */
export const JA_SAMPLE_NAMES = readdirSync(`${SAMPLES_DIR}ja/`)
  .filter((name) => name.endsWith('.json'))
  .map((name) => `ja/${name.replace(/\.json$/, '')}`)
  .sort();
