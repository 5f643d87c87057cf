// The answers the benchmark renders: the product's small sample, and a large
// contract grown from the hourly sample (a long description in paragraphs,
// many deliverables), in any size the scaling table asks for. Text is drawn
// from a fixed seed, so every run renders the same documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../test/helpers/server-process.ts';

const sample = (name: string): Record<string, any> => JSON.parse(readFileSync(join(ROOT, 'clauses/samples', `${name}.json`), 'utf8'));

export const SMALL_SAMPLE = 'new-client-fixed';

/** The product's new-client example, as a client sends it. */
export function smallAnswers(): Record<string, any> {
  return sample(SMALL_SAMPLE);
}

const WORDS = (
  'design build review deliver revise refine test launch brand print signage web page layout grid type colour ' +
  'photography copy menu screen mobile desktop accessible fast clear simple bold quiet warm client team audience'
).split(' ');

/** Sentences of plain words, a paragraph break every few of them: `length` characters exactly, from a fixed seed. */
export function proseOf(length: number, seed = 1): string {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  let text = '';
  let sentence = 0;
  while (text.length < length) {
    const words = Array.from({ length: 6 + Math.floor(next() * 10) }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    text += `${words.join(' ')}.${++sentence % 5 === 0 ? '\n\n' : ' '}`;
  }
  return text.slice(0, length).trim().padEnd(length, '.');
}

/** The hourly sample with a description of `descriptionLength` characters and `deliverables` deliverables. */
export function largeAnswers({ descriptionLength = 2_000, deliverables = 30 } = {}): Record<string, any> {
  const answers = sample('returning-client-hourly');
  answers.project.description = proseOf(descriptionLength);
  answers.project.deliverables = Array.from({ length: deliverables }, (_, index) => `Deliverable ${index + 1}: ${proseOf(40, index + 2)}`);
  return answers;
}
