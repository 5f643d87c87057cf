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

/** The sample as a client would send it, with `path` ("fee.total") set to `value`, or removed for `undefined`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function sampleWith(path: string, value: unknown, name = 'new-client-fixed'): any {
  const input = sampleInput(name);
  const keys = path.split('.');
  const last = keys.pop()!;
  let parent = input;
  for (const key of keys) parent = parent[key] ??= {};
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return input;
}

/** Every problem the answers schema finds, as path -> sentences (a field may have more than one). */
export function answerProblems(input: unknown): Record<string, string[]> {
  const result = answersSchema.safeParse(input);
  if (result.success) return {};
  const problems: Record<string, string[]> = {};
  for (const issue of result.error.issues) (problems[issue.path.join('.')] ??= []).push(issue.message);
  return problems;
}

/**
 * new-client-fixed's answers (loose, as `sampleInput` gives them) turned into an English contract
 * under Japanese law: ¥1,200,000 fixed, the 50% deposit ¥600,000, Consumption tax 10%, income tax
 * withheld, a 50% kill fee, which bears no tax in Japan (compensation, not a supply).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function underJapaneseLaw(input: any): void {
  input.fee.currency = 'JPY';
  input.fee.total = 1_200_000;
  input.fee.tax = { label: 'Consumption tax', percent: 10 };
  input.fee.withholding = true;
  input.killFee.percentOfRemainingFee = 50;
  input.jurisdiction.governingLaw = 'Japan';
  input.jurisdiction.venue = 'Tokyo';
}
