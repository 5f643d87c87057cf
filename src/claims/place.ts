// Which place's statutes govern a contract, from its answers. A SEAM: issue 23
// (branch `places`) brings `placeFor(answers)` in src/jurisdictions/ with every
// place as data; once it is merged, `statutePlaceOf` should ask it and this
// list should go. Until then it recognises only the places the statute files
// cover, by the governing law the answers name, and nothing else: a governing
// law it does not recognise gets no statute (never a wrong one).
import type { Answers } from '../answers/schema.ts';

// Lower-cased phrases of a governing-law answer, in the order they are tried
// ("Northern Ireland" before anything that might also match it).
const GOVERNING_LAW_PLACES: readonly (readonly [RegExp, string])[] = [
  [/\bnorthern ireland\b/, 'GB-NIR'],
  [/\bengland\b/, 'GB-EAW'],
  [/\bnew york\b/, 'US-NY'],
  [/\bcalifornia\b/, 'US-CA'],
  [/\billinois\b/, 'US-IL'],
  [/\b(?:germany|deutschland|federal republic of germany)\b/, 'DE'],
  [/\b(?:france|french republic)\b/, 'FR'],
  [/\b(?:netherlands|nederland)\b/, 'NL'],
  [/\bjapan\b|日本/, 'JP'],
];

/** The ISO 3166 code of the place whose statutes govern the contract, or undefined when the data has none for it. */
export function statutePlaceOf(answers: Pick<Answers, 'language' | 'jurisdiction'>): string | undefined {
  // A Japanese contract is always under 日本法 (the wizard asks only for the court's place).
  if (answers.language === 'ja') return 'JP';
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
