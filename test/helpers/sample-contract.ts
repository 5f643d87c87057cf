// A sample's contract, with one change made to its answers first, and a clause's text: what the
// clause-wording tests read (test/contract/english-gaps.test.ts, pricing-model.test.ts).
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { sectionToText } from '../../src/contract/plain-text.ts';
import type { Contract } from '../../src/contract/tree.ts';
import { sampleInput } from './samples.ts';

const library = loadContractLibrary();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseInput = any;

export function sampleContract(name: string, change: (input: LooseInput) => void = () => {}): Contract {
  const input = sampleInput(name);
  change(input);
  return assembleContract(answersSchema.parse(input), library);
}

export const clauseText = (contract: Contract, id: string) => sectionToText(contract.sections.find((section) => section.id === id)!);
