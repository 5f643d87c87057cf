// Letter requests for tests: the sample answers plus the letter fixture the
// golden samples use (clauses/letters/sample-letter.json).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { letterRequestSchemas, type LetterKind, type LetterRequest } from '../../src/letters/request.ts';
import { sampleInput } from './samples.ts';

export const LETTERS_DIR = fileURLToPath(new URL('../../clauses/letters/', import.meta.url));
/** The Japanese letters' fixture (clauses/letters-ja/sample-letter.json): a Japanese contract's final demand. */
export const LETTERS_JA_DIR = fileURLToPath(new URL('../../clauses/letters-ja/', import.meta.url));

interface LetterFixture {
  readonly answers: string;
  readonly letter: Record<string, any>;
}

export function letterFixture(dir = LETTERS_DIR): LetterFixture {
  return JSON.parse(readFileSync(`${dir}sample-letter.json`, 'utf8'));
}

/** The request body a client would send (fresh copy, safe to mutate). */
export function letterInput(answersName?: string): { answers: Record<string, any>; letter: Record<string, any> } {
  const fixture = letterFixture();
  return { answers: sampleInput(answersName ?? fixture.answers), letter: fixture.letter };
}

/** The route that gives a Japanese final demand as 内容証明 (the post office's grid), as text or a Word file. */
export const NAIYO_SHOMEI_PATH = '/api/letters/final-notice/naiyo-shomei';

/** The Japanese fixture's request body, the 内容証明's and the Japanese letters' tests start from (fresh copy). */
export function japaneseLetterInput(): { answers: Record<string, any>; letter: Record<string, any> } {
  const fixture = letterFixture(LETTERS_JA_DIR);
  return { answers: sampleInput(fixture.answers), letter: fixture.letter };
}

export function letterRequest(kind: LetterKind, input = letterInput()): LetterRequest {
  return letterRequestSchemas[kind].parse(input);
}
