// Where the claim goes, outside England and Wales (whose Money Claim Online
// figures are money-claim.ts): for a US state, its small-claims court, the
// limit, what to bring and the state's freelance statute where one covers the
// engagement; for Scotland, simple procedure, the Late Payment Act and the
// judicial interest a decree carries; for an
// EU member state, its own small-claims court and, for a client in another
// member state, the European Small Claims Procedure. Every court and limit is
// read from jurisdictions/places/, every statute from jurisdictions/statutes/.
import { formatMoney, money, type Money } from '../answers/money.ts';
import type { Answers } from '../answers/schema.ts';
import type { Block, Table } from '../contract/tree.ts';
import { lawPlace } from '../jurisdictions/place-for.ts';
import type { Place } from '../jurisdictions/places.ts';
import { freelanceStatuteFor, latePaymentStatuteFor } from '../jurisdictions/statutes.ts';
import type { StatementFigures } from './claim-pack.ts';
import { freelanceProtection, statutoryDamages } from './freelance-protection.ts';
import { cityOrdinancesFor, type CityCoverage } from './city-ordinances.ts';
import { clientKindOf } from './place.ts';

/**
 * European Small Claims Procedure: Regulation (EC) No 861/2007 art. 2(1) as amended by Regulation (EU) 2015/2421
 * (claims up to €5,000 from 14 July 2017), for cross-border cases only (art. 3: at least one party domiciled or
 * habitually resident in a member state other than the court's); Denmark does not take part.
 * https://eur-lex.europa.eu/eli/reg/2007/861/oj; https://e-justice.europa.eu/42/EN/small_claims
 */
const EUROPEAN_SMALL_CLAIMS = { limit: 5000, name: 'the European Small Claims Procedure (Regulation (EC) No 861/2007)' } as const;
const EU_PLACES = new Set(['de', 'es', 'fr', 'ie', 'it', 'nl']);

const paragraph = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });

/** What a small-claims court asks a claimant to bring, from what the pack holds. */
export const WHAT_TO_BRING: readonly string[] = [
  'the signed agreement (1 Contract in this pack)',
  'each invoice, and the emails that sent them (2 Invoices)',
  'each reminder and demand letter, with proof of when it was sent (3 Letters)',
  'the chronology and this statement of account (4 and 5)',
  'what shows the work was delivered and accepted: delivery emails, approvals, the client\'s messages',
  'the client\'s full legal name and address, for serving the claim',
  'the filing fee (the court\'s clerk or website gives the amount)',
];

function limitFor(place: Place, answers: Pick<Answers, 'freelancer'>): Money {
  const small = place.smallClaims!;
  // California and Washington take less from a claimant that is not a natural person.
  const limit = answers.freelancer.entity === 'company' && small.limitForCompanies ? small.limitForCompanies : small.limit;
  return money(limit, place.currency);
}

function smallClaimsTable(place: Place, answers: Answers, claimed: Money): Table {
  const limit = limitFor(place, answers);
  return {
    type: 'table',
    caption: `Small claims in ${place.name}`,
    header: ['Item', 'Detail'],
    rows: [
      { label: 'Where to file', value: place.smallClaims!.name },
      { label: 'The largest claim it takes', value: formatMoney(limit) },
      { label: 'This claim', value: formatMoney(claimed), emphasis: true },
    ],
  };
}

function fitsSentence(place: Place, answers: Answers, claimed: Money): string {
  const limit = limitFor(place, answers);
  if (claimed.currency !== limit.currency) return '';
  return claimed.minor <= limit.minor
    ? `The claim fits within the limit of ${place.smallClaims!.name}.`
    : `The claim is over the limit of ${place.smallClaims!.name}: either claim no more than ${formatMoney(limit)} there and give up the rest, or bring the claim in ${place.courts.name}.`;
}

function usBlocks(place: Place, answers: Answers, figures: StatementFigures): Block[] {
  const blocks: Block[] = [smallClaimsTable(place, answers, figures.claimed), paragraph(fitsSentence(place, answers, figures.claimed))];
  const statute = freelanceStatuteFor(place.id);
  if (statute) {
    const covered = freelanceProtection(statute, {
      value: figures.invoiced,
      effectiveDate: answers.effectiveDate,
      soloFreelancer: !answers.freelancer.hasEmployees,
      clientKind: clientKindOf(answers),
    });
    if (covered.status === 'applies') {
      const damages = statutoryDamages(statute, figures.outstanding);
      blocks.push(paragraph(
        `The ${statute.title} covers this engagement. Name it in the claim: a hiring party that does not pay on time may owe ${statute.damagesMultiplier.value === 2 ? 'twice' : `${statute.damagesMultiplier.value} times`} ` +
        `the unpaid amount (${formatMoney(damages)} on ${formatMoney(figures.outstanding)} unpaid) and attorney's fees.`,
      ));
    } else {
      blocks.push(paragraph(`The ${statute.title} does not cover this engagement (${covered.reasons.join(', ').replace(/-/g, ' ')}).`));
    }
  }
  for (const coverage of cityOrdinancesFor(answers, figures.invoiced)) blocks.push(paragraph(citySentence(coverage)));
  blocks.push(paragraph('What to bring:'), { type: 'list', items: WHAT_TO_BRING.map((item) => [{ text: item }]) });
  return blocks;
}

/** A city ordinance in the claim: name it where it covers the work, and say when it would where the client is in the city. */
function citySentence({ status, ordinance }: CityCoverage): string {
  const days = ordinance.paymentDefaultDays ? ` Where the agreement sets no payment date, it gives the client ${ordinance.paymentDefaultDays.value} days after the work is done to pay.` : '';
  return status === 'applies'
    ? `The ${ordinance.title} covers this work, done in ${ordinance.city.name}: name it in the claim beside the agreement.${days}`
    : `The client is in ${ordinance.city.name}. The ${ordinance.title} covers work done in the city: if any of this work was done there, name it in the claim too.${days}`;
}

function scotlandBlocks(place: Place, answers: Answers, figures: StatementFigures): Block[] {
  const blocks: Block[] = [smallClaimsTable(place, answers, figures.claimed), paragraph(fitsSentence(place, answers, figures.claimed))];
  // The Act applies in Scotland with its own rate order and fixed sums (jurisdictions/statutes/gb-sct-late-payment-act-1998.yaml):
  // the statement above already holds its interest and compensation for a business client in pounds.
  const statute = latePaymentStatuteFor(place.id);
  if (statute && clientKindOf(answers) === 'business' && figures.currency === statute.currency) {
    blocks.push(paragraph(
      `The ${statute.title} applies in Scotland to a business client: the interest and the fixed compensation above are claimed under it, ` +
      'and the interest goes on running until the sheriff grants decree.',
    ));
  }
  const judicial = place.judgmentInterest;
  if (judicial && figures.claimed.minor > 0) {
    // Simple interest on the sum decerned for, by the day on a 365-day year: what the pursuer can tell the client it costs to wait.
    const daily: Money = { minor: Math.round((figures.claimed.minor * judicial.percent) / 100 / 365), currency: figures.currency };
    blocks.push(paragraph(
      `Once the sheriff grants decree, the sum in the decree carries ${judicial.name} at ${judicial.percent}% a year from the date of decree until it is paid, ` +
      `in place of the interest above: on ${formatMoney(figures.claimed)}, ${formatMoney(daily)} a day.`,
    ));
  }
  blocks.push(paragraph('What to bring:'), { type: 'list', items: WHAT_TO_BRING.map((item) => [{ text: item }]) });
  return blocks;
}

function euBlocks(place: Place, answers: Answers, figures: StatementFigures): Block[] {
  const blocks: Block[] = place.smallClaims ? [smallClaimsTable(place, answers, figures.claimed), paragraph(fitsSentence(place, answers, figures.claimed))] : [];
  const limit = money(EUROPEAN_SMALL_CLAIMS.limit, 'EUR');
  const fits = figures.claimed.currency === 'EUR' && figures.claimed.minor <= limit.minor;
  blocks.push(paragraph(
    `If the client lives or is established in another EU member state than the court's (Denmark excepted), the claim can go by ${EUROPEAN_SMALL_CLAIMS.name}, ` +
    `a written procedure on standard forms for claims up to ${formatMoney(limit)}, interest and costs left out` +
    (figures.claimed.currency === 'EUR' ? (fits ? '; this claim is within it.' : '; this claim is over that limit.') : '.'),
  ));
  return blocks;
}

/** The "where to claim" section of the statement for the contract's place, or nothing where the pack has none. */
export function whereToClaimBlocks(answers: Answers, figures: StatementFigures): Block[] {
  const place = lawPlace(answers);
  if (!place?.smallClaims) return [];
  if (place.id.startsWith('us-')) return usBlocks(place, answers, figures);
  if (place.id === 'gb-sct') return scotlandBlocks(place, answers, figures);
  if (EU_PLACES.has(place.id)) return euBlocks(place, answers, figures);
  return [];
}
