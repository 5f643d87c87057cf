// The city freelance ordinances (Los Angeles, Seattle, Minneapolis) an
// engagement falls under. Each covers work done in the city, whatever law the
// contract chooses, and the answers carry no separate place of work: the work
// is done where the freelancer works, which is the freelancer's address. A
// client in the city is not enough, but is worth a word in the claim pack:
// if any of the work was done there, the ordinance covers it too. Figures and
// sentences come from jurisdictions/statutes/; pure.
import { toMajor, type Money } from '../answers/money.ts';
import type { Answers } from '../answers/schema.ts';
import { cityOrdinances, statuteBook, type CityOrdinance, type StatuteBook } from '../jurisdictions/statutes.ts';
import { clientKindOf } from './place.ts';

export type CityCoverage =
  /** The freelancer works in the city and the engagement meets the ordinance's terms. */
  | { readonly status: 'applies'; readonly ordinance: CityOrdinance }
  /** The client is in the city, the freelancer is not: the ordinance covers the work done there, if any was. */
  | { readonly status: 'if-work-in-city'; readonly ordinance: CityOrdinance };

const inCity = (ordinance: CityOrdinance, address: string | undefined) => address !== undefined && new RegExp(ordinance.city.address, 'i').test(address);

/** Whether the engagement meets the ordinance's own terms: in force when made, its value, a solo freelancer, a business client. */
function meetsTerms(ordinance: CityOrdinance, answers: Answers, value: Money): boolean {
  return (
    answers.effectiveDate >= ordinance.inForceFrom.value &&
    value.currency === ordinance.currency &&
    toMajor(value) >= ordinance.threshold.value &&
    (!ordinance.soloFreelancerOnly.value || !answers.freelancer.hasEmployees) &&
    (!ordinance.businessClientsOnly.value || clientKindOf(answers) === 'business')
  );
}

/** Every city ordinance that covers the engagement, or would if the work were done in the client's city. */
export function cityOrdinancesFor(answers: Answers, value: Money, book: StatuteBook = statuteBook()): CityCoverage[] {
  return cityOrdinances(book).flatMap((ordinance): CityCoverage[] => {
    if (!meetsTerms(ordinance, answers, value)) return [];
    if (inCity(ordinance, answers.freelancer.address)) return [{ status: 'applies', ordinance }];
    if (inCity(ordinance, answers.client.address)) return [{ status: 'if-work-in-city', ordinance }];
    return [];
  });
}

/** The contract's sentences naming the city ordinances that cover it ('' when none). */
export function cityOrdinanceSentences(answers: Answers, value: Money, book: StatuteBook = statuteBook()): string {
  return cityOrdinancesFor(answers, value, book)
    .filter((coverage) => coverage.status === 'applies')
    .map((coverage) => coverage.ordinance.sentence.value)
    .join(' ');
}
