// The letters' template library (clauses/letters/), loaded and checked once at
// start-up by the same loader as the contract's clauses, against the letter
// facts: a misspelt name or a missing letter stops the server with the file named.
import { join } from 'node:path';
import { CLAUSES_ROOT, ClauseTemplateError, loadClauseLibrary, type ClauseLibrary } from '../clauses/load.ts';
import { FACTS_SHAPE } from '../contract/library.ts';
import { letterOwnFacts, type LetterFacts } from './facts.ts';
import { LETTER_KINDS, type LetterRequest } from './request.ts';

/** The "::name" blocks a letter may place; built in code (see assemble.ts). */
export const LETTER_DIRECTIVES = ['invoice-summary'] as const;

/** A letter with every optional field given: the letter facts built from it have every name a template may read. */
export const SHAPE_LETTER: LetterRequest['letter'] = {
  date: '2026-03-01',
  calledOn: '2026-02-27',
  invoice: { number: 'I-1', amount: 100, issuedOn: '2026-01-01', dueDate: '2026-01-15' },
  deadlineDays: 10,
  howToPay: 'Bank transfer',
};

// Every letter fact present, so the loader can check each name a template reads.
export const LETTER_FACTS_SHAPE: LetterFacts = {
  ...FACTS_SHAPE,
  letter: letterOwnFacts({ currency: 'USD', lateFeePercentPerMonth: 1, paymentMethod: 'Bank transfer' }, SHAPE_LETTER),
};

export function loadLetterLibrary(dir: string = join(CLAUSES_ROOT, 'letters')): ClauseLibrary {
  const library = loadClauseLibrary(dir, LETTER_FACTS_SHAPE, LETTER_DIRECTIVES);
  for (const letter of library.clauses) {
    if (!(LETTER_KINDS as readonly string[]).includes(letter.id)) {
      throw new ClauseTemplateError(letter.file, `id "${letter.id}" is not a letter the product sends (known: ${LETTER_KINDS.join(', ')})`);
    }
    if (letter.variant !== letter.id) throw new ClauseTemplateError(letter.file, 'letters have no variants: one file per letter');
    if (Object.keys(letter.when).length > 0) throw new ClauseTemplateError(letter.file, 'letters always apply: remove "when"');
  }
  const missing = LETTER_KINDS.filter((kind) => !library.clauses.some((letter) => letter.id === kind));
  if (missing.length > 0) throw new ClauseTemplateError(dir, `no template for ${missing.map((kind) => `"${kind}"`).join(', ')}`);
  return library;
}
