// The contract's clause library, loaded and checked once at start-up.
import { answersSchema } from '../answers/schema.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLAUSES_ROOT, loadClauseLibrary, type ClauseLibrary } from '../clauses/load.ts';
import { CONTRACT_DIRECTIVES } from './assemble.ts';
import { computeFacts } from './facts.ts';

// Answers with every optional field present, so that the facts built from
// them have every key a template may read: the loader checks names against it.
// Data beside the templates, not code: only the keys matter, and no value of
// theirs shows in any contract.
const SHAPE_ANSWERS = answersSchema.parse(JSON.parse(readFileSync(join(CLAUSES_ROOT, 'contract', 'shape-answers.json'), 'utf8')));

export const FACTS_SHAPE = computeFacts(SHAPE_ANSWERS);

export function loadContractLibrary(dir: string = join(CLAUSES_ROOT, 'contract')): ClauseLibrary {
  return loadClauseLibrary(dir, FACTS_SHAPE, CONTRACT_DIRECTIVES, { crossReferences: true });
}
