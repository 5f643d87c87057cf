// Which place's statutes govern a contract, and who the client is, from its
// answers. The place is the one the governing law names in jurisdictions/places/
// (src/jurisdictions/place-for.ts): the statute files name places by those
// files' ids (gb-eng, us-ny, jp), so a governing law the data does not know
// gets no statute, never a wrong one.
import type { Answers } from '../answers/schema.ts';
import { lawPlace } from '../jurisdictions/place-for.ts';

/** The id (as jurisdictions/places/ names it: gb-eng, us-ny, jp) of the place whose statutes govern the contract, or undefined. */
export function statutePlaceOf(answers: Pick<Answers, 'language' | 'jurisdiction'>): string | undefined {
  return lawPlace(answers)?.id;
}

/**
 * Business or consumer, as the answers' `client.kind` says (the schema makes it a business when unsaid,
 * as the contract treats them).
 */
export function clientKindOf(answers: Pick<Answers, 'client'>): 'business' | 'consumer' {
  return answers.client.kind === 'consumer' ? 'consumer' : 'business';
}
