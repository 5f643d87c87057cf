// The sample answers shipped in clauses/samples/ (copies of ../shared/examples).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answersSchema, type Answers, type AnswersInput } from '../../src/answers/schema.ts';

export const SAMPLES_DIR = fileURLToPath(new URL('../../clauses/samples/', import.meta.url));

export const SAMPLE_NAMES = readdirSync(SAMPLES_DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, ''))
  .sort();

/** The sample as a client would send it (a fresh copy each call, safe to mutate). */
export function sampleInput(name: string): AnswersInput & Record<string, any> {
  return JSON.parse(readFileSync(`${SAMPLES_DIR}${name}.json`, 'utf8'));
}

export function sampleAnswers(name: string): Answers {
  return answersSchema.parse(sampleInput(name));
}
