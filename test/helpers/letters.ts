// Letter requests for tests: the sample answers plus the letter fixture the
// golden samples use (clauses/letters/sample-letter.json).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { letterRequestSchemas, type LetterKind, type LetterRequest } from '../../src/letters/request.ts';
import { sampleInput } from './samples.ts';

export const LETTERS_DIR = fileURLToPath(new URL('../../clauses/letters/', import.meta.url));

interface LetterFixture {
  readonly answers: string;
  readonly letter: Record<string, any>;
}

export function letterFixture(): LetterFixture {
  return JSON.parse(readFileSync(`${LETTERS_DIR}sample-letter.json`, 'utf8'));
}

/** The request body a client would send (fresh copy, safe to mutate). */
export function letterInput(answersName?: string): { answers: Record<string, any>; letter: Record<string, any> } {
  const fixture = letterFixture();
  return { answers: sampleInput(answersName ?? fixture.answers), letter: fixture.letter };
}

export function letterRequest(kind: LetterKind, input = letterInput()): LetterRequest {
  return letterRequestSchemas[kind].parse(input);
}
