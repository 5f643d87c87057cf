// What the contract and the letters say about a place, read from the place
// data (places.ts) instead of built from the answers' words: the courts the
// venue sentence names, the small-claims route and its limit, whether a kill
// fee bears VAT or consumption tax, the pre-action deadline and the consumer
// rule. A place the data does not hold gets wording that names no particular
// court ("the courts of Paris"), never a court that may not exist.
import type { Answers } from '../answers/schema.ts';
import { money, type Money } from '../answers/money.ts';
import { placeKey, placeNamed, type Place } from './places.ts';
export { requirePlace } from './places.ts';

export interface PlaceFacts {
  /** The place of the governing law, when the data holds it. */
  readonly place?: Place;
  /** The object of "brought in ...": "the Oregon Circuit Court for Multnomah County". */
  readonly courtsPhrase: string;
  /** The small-claims route, when the data holds the place: "the small claims track of the County Court". */
  readonly smallClaimsPhrase?: string;
  /** The largest claim that route takes, for this freelancer (a company's limit may be lower). */
  readonly smallClaimsLimit?: Money;
  /** Whether a kill fee bears the contract's tax: false where the place treats it as compensation (Japan: 不課税). */
  readonly killFeeTaxed: boolean;
  /** Days a final demand gives before a claim, where the place sets a norm (England: 14, 30 for a consumer). */
  readonly preActionDays?: number;
  /** The consumer rule of the place, for a consumer client. */
  readonly consumer?: Place['consumer'];
}

// The venue as the user may write a court: "the County Court at Bristol",
// "the courts of England and Wales sitting in London", "Tokyo District Court".
const NAMES_COURTS = /^(the\s+)?courts?\s+(of|in|for)\s+/i;
const NAMES_A_COURT = /\b(court|courts|tribunal|tribunale|juzgado|rechtbank)\b|gericht\b|裁判所/i;

// Trailing parts of a venue that name a country, not the place: "Multnomah County, Oregon, USA".
const COUNTRY_TAILS = new Set(['usa', 'us', 'u.s', 'u.s.a', 'united states', 'united states of america', 'uk', 'united kingdom', 'canada', 'australia']);

/** "State of Oregon" reads "the State of Oregon" in a sentence; "Multnomah County" stays as it is. */
export function withArticle(place: string): string {
  return /^(state|commonwealth|province|republic|kingdom|district|territory|canton|federation|principality|grand duchy|united)\s+(of|states|kingdom|arab)\b/i.test(place) ||
    /^(netherlands|philippines)\b/i.test(place)
    ? `the ${place}`
    : place;
}

/** The venue in the user's words, as the object of "brought in ..." (a venue that names a court keeps its words). */
export function venueInWords(venue: string): string {
  const courtsOf = NAMES_COURTS.exec(venue);
  if (courtsOf) return `the courts ${courtsOf[2]!.toLowerCase()} ${withArticle(venue.slice(courtsOf[0].length))}`;
  if (NAMES_A_COURT.test(venue)) return `the ${venue.replace(/^the\s/i, '')}`;
  return `the courts of ${withArticle(venue)}`;
}

/** The place the venue names and the area within it: "Multnomah County, Oregon" is Oregon and Multnomah County. */
function venuePlace(venue: string): { place?: Place; area: string } {
  const parts = venue.split(',').map((part) => part.trim()).filter(Boolean);
  while (parts.length > 1 && COUNTRY_TAILS.has(placeKey(parts.at(-1)!))) parts.pop();
  const whole = placeNamed(parts.join(', '));
  if (whole) return { place: whole, area: '' };
  if (parts.length > 1) {
    const place = placeNamed(parts.at(-1)!);
    if (place) return { place, area: parts.slice(0, -1).join(', ') };
  }
  return { area: parts.join(', ') };
}

// {county}: the area when it is one ("Multnomah County"), otherwise the county around a town.
const UNIT_WORDS: Readonly<Record<string, { word: RegExp; around: string }>> = {
  county: { word: /\b(county|borough)$/i, around: 'the county that includes' },
  parish: { word: /\bparish$/i, around: 'the parish that includes' },
  district: { word: /\b(district|borough)$/i, around: 'the judicial district that includes' },
};

function fill(template: string, area: string): string {
  return template
    .replaceAll('{area}', area)
    .replace(/\{(county|parish|district)\}/, (_match, unit: string) => {
      const { word, around } = UNIT_WORDS[unit]!;
      return word.test(area) ? area : `${around} ${area}`;
    });
}

/** A phrase of the place for the area: its own court for a known area, a neutral phrase for another, the whole place without one. */
function phraseFor(
  phrases: { name: string; forArea?: string; forOtherArea?: string },
  areas: Readonly<Record<string, string>> | undefined,
  area: string,
): string {
  if (!area || !phrases.forArea) return phrases.name;
  if (!areas) return fill(phrases.forArea, area);
  const known = Object.entries(areas).find(([name]) => placeKey(name) === placeKey(area));
  if (known) return fill(phrases.forArea, known[1]);
  return phrases.forOtherArea ? fill(phrases.forOtherArea, area) : phrases.name;
}

/** The place the answers' law names: Japan for a Japanese contract, otherwise the governing law's words. */
export function lawPlace(answers: Pick<Answers, 'language' | 'jurisdiction'>): Place | undefined {
  return answers.language === 'ja' ? placeNamed('Japan') : placeNamed(answers.jurisdiction.governingLaw);
}

export function placeFor(answers: Pick<Answers, 'language' | 'jurisdiction' | 'freelancer' | 'client'>): PlaceFacts {
  const law = lawPlace(answers);
  const venue = answers.jurisdiction.venue;
  const named = venuePlace(venue);
  // The courts belong to the place the venue names; a venue that names only a town is in the law's place.
  const place = named.place ?? law;
  const area = named.area;
  const userNamedACourt = NAMES_A_COURT.test(venue);
  const courtsPhrase = userNamedACourt || !place ? venueInWords(venue) : phraseFor(place.courts, place.courts.areas, area);
  const smallClaimsPhrase = place ? phraseFor(place.smallClaims, place.courts.areas, userNamedACourt ? '' : area) : undefined;
  const isCompany = answers.freelancer.entity !== 'individual';
  const limit = place ? (isCompany ? place.smallClaims.limitForCompanies : undefined) ?? place.smallClaims.limit : undefined;
  const consumer = answers.client.kind === 'consumer';
  return {
    place: law,
    courtsPhrase,
    smallClaimsPhrase,
    smallClaimsLimit: place && limit !== undefined ? money(limit, place.currency) : undefined,
    // A place the data does not hold keeps the contract's tax on every line, as before.
    killFeeTaxed: law?.killFee.taxed ?? true,
    preActionDays: law?.preAction ? (consumer ? law.preAction.consumerDays : undefined) ?? law.preAction.days : undefined,
    consumer: law?.consumer,
  };
}
