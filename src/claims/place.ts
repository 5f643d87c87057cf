// Which place's statutes govern a contract, from its answers. A SEAM: issue 23
// (branch `places`) brings every place as data (jurisdictions/places/, read by
// src/jurisdictions/places.ts and place-for.ts); the statute files already name
// places by those files' ids (gb-eng, us-ny, jp), so once it is merged,
// `statutePlaceOf` should return `placeNamed(answers.jurisdiction.governingLaw)?.id`
// (or placeFor's place) and this list should go. Until then it recognises only the places the statute files
// cover, by the governing law the answers name, and nothing else: a governing
// law it does not recognise gets no statute (never a wrong one).
import type { Answers } from '../answers/schema.ts';

// Lower-cased phrases of a governing-law answer, in the order they are tried
// ("Northern Ireland" before anything that might also match it).
const GOVERNING_LAW_PLACES: readonly (readonly [RegExp, string])[] = [
  [/\bnorthern ireland\b/, 'gb-nir'],
  [/\bengland\b/, 'gb-eng'],
  [/\bnew york\b/, 'us-ny'],
  [/\bcalifornia\b/, 'us-ca'],
  [/\billinois\b/, 'us-il'],
  [/\b(?:germany|deutschland|federal republic of germany)\b/, 'de'],
  [/\b(?:france|french republic)\b/, 'fr'],
  [/\b(?:netherlands|nederland)\b/, 'nl'],
  [/\bjapan\b|日本/, 'jp'],
];

/** The id (as jurisdictions/places/ names it: gb-eng, us-ny, jp) of the place whose statutes govern the contract, or undefined. */
export function statutePlaceOf(answers: Pick<Answers, 'language' | 'jurisdiction'>): string | undefined {
  // A Japanese contract is always under 日本法 (the wizard asks only for the court's place).
  if (answers.language === 'ja') return 'jp';
  const law = answers.jurisdiction.governingLaw.toLowerCase();
  return GOVERNING_LAW_PLACES.find(([pattern]) => pattern.test(law))?.[1];
}

/**
 * Business or consumer. SEAM: issue 23 adds `client.kind` to the answers (business by default); until then every
 * client is a business, as the contract already treats them.
 */
export function clientKindOf(answers: Pick<Answers, 'client'>): 'business' | 'consumer' {
  const kind = (answers.client as { kind?: unknown }).kind;
  return kind === 'consumer' ? 'consumer' : 'business';
}
