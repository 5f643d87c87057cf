// The city freelance ordinances (Los Angeles, Seattle, Minneapolis): named in the contract where the
// freelancer works in the city, and in the claim pack, where the client's city would bring the work
// under one if any was done there. Each case is read by hand from the ordinance's data file: its
// start date, its threshold, who it covers.
import { describe, expect, it } from 'vitest';
import { money } from '../../src/answers/money.ts';
import { answersSchema, type Answers } from '../../src/answers/schema.ts';
import { assembleClaimPack, statementFigures } from '../../src/claims/claim-pack.ts';
import { claimPackRequestSchema } from '../../src/claims/claim-pack-request.ts';
import { cityOrdinancesFor } from '../../src/claims/city-ordinances.ts';
import { whereToClaimBlocks } from '../../src/claims/where-to-claim.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { sectionToText } from '../../src/contract/plain-text.ts';
import type { Block } from '../../src/contract/tree.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { sampleInput } from '../helpers/samples.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const LA = "For work done in the City of Los Angeles, this Agreement is also the written contract that the City's Freelance Worker Protections Ordinance requires.";
const CALIFORNIA = "This Agreement is the written contract that California's Freelance Worker Protection Act (Business and Professions Code section 18100 and following) requires.";
const MINNEAPOLIS = 'For work done in Minneapolis, this Agreement is the written contract that the Minneapolis Freelance Worker Protections Ordinance requires.';

/** The Oregon sample ($12,000 fixed, made 1 December 2026, a business client) moved to another city and state. */
function movedTo(freelancerAddress: string, governingLaw: string, venue: string, change?: (input: Loose) => void): Loose {
  const input = sampleInput('new-client-fixed');
  input.freelancer.address = freelancerAddress;
  input.jurisdiction.governingLaw = governingLaw;
  input.jurisdiction.venue = venue;
  change?.(input);
  return input;
}

function clauseText(input: Loose): string {
  const contract = assembleContract(answersSchema.parse(input), loadContractLibrary());
  return sectionToText(contract.sections.find((section) => section.id === 'independent-contractor')!);
}

const textOf = (blocks: readonly Block[]) =>
  blocks
    .map((block) => (block.type === 'paragraph' ? block.runs.map((run) => run.text).join('') : block.type === 'table' ? block.rows.map((row) => `${row.label}: ${row.value}`).join('\n') : ''))
    .join('\n');

function packText(input: Loose): string {
  const request = claimPackRequestSchema.parse({ answers: input, asOf: '2027-05-12', invoices: [{ kind: 'balance', number: 'INV-002', issuedOn: '2027-02-26' }] });
  const trees = assembleClaimPack(request, { contract: loadContractLibrary(), letters: loadLetterLibrary() });
  const figures = statementFigures({ answers: request.answers, invoices: trees.invoices, payments: [], asOf: request.asOf });
  return textOf(whereToClaimBlocks(request.answers, figures));
}

describe('city ordinances in the contract', () => {
  it('Los Angeles: a $12,000 job for a freelancer working in the City names California\'s Act, then the City\'s ordinance', () => {
    // SB 988 from 1 Jan 2025, $250 or more; the LA ordinance from 1 Jul 2023, $600 or more: both cover a $12,000 job made 1 Dec 2026.
    const text = clauseText(movedTo('200 N Spring St, Los Angeles, CA 90012, USA', 'State of California', 'Los Angeles County, California'));
    expect(text).toContain(`${CALIFORNIA} ${LA}`);
  });

  it('Los Angeles: a $500 job is under the ordinance\'s $600 but over the Act\'s $250, so only the Act is named', () => {
    const text = clauseText(movedTo('200 N Spring St, Los Angeles, CA 90012, USA', 'State of California', 'Los Angeles County, California', (input) => {
      input.fee.total = 500;
    }));
    expect(text).toContain(CALIFORNIA);
    expect(text).not.toContain('Los Angeles');
  });

  it('Minneapolis: the ordinance is named for a freelancer working there', () => {
    expect(clauseText(movedTo('350 S 5th St, Minneapolis, MN 55415, USA', 'State of Minnesota', 'Hennepin County, Minnesota'))).toContain(MINNEAPOLIS);
  });

  it('an ordinance covers work done in its city whatever law the contract chooses: Minneapolis work under Oregon law', () => {
    expect(clauseText(movedTo('350 S 5th St, Minneapolis, MN 55415, USA', 'State of Oregon', 'Multnomah County, Oregon'))).toContain(MINNEAPOLIS);
  });

  it('Seattle: a contract made before 1 September 2022 is not covered', () => {
    const answers = answersSchema.parse(movedTo('600 4th Ave, Seattle, WA 98104, USA', 'State of Washington', 'King County, Washington'));
    expect(cityOrdinancesFor(answers, money(12000, 'USD')).map((coverage) => [coverage.status, coverage.ordinance.city.name])).toEqual([['applies', 'Seattle']]);
    const early: Answers = { ...answers, effectiveDate: '2022-08-31' };
    expect(cityOrdinancesFor(early, money(12000, 'USD'))).toEqual([]);
  });

  it('a freelancer with employees, or a consumer client, is outside the Los Angeles ordinance', () => {
    const answers = answersSchema.parse(movedTo('200 N Spring St, Los Angeles, CA 90012, USA', 'State of California', 'Los Angeles County, California'));
    expect(cityOrdinancesFor({ ...answers, freelancer: { ...answers.freelancer, hasEmployees: true } }, money(12000, 'USD'))).toEqual([]);
    expect(cityOrdinancesFor({ ...answers, client: { ...answers.client, kind: 'consumer' } } as Answers, money(12000, 'USD'))).toEqual([]);
  });

  it('Columbus, Ohio is left out of the data (its reach could not be confirmed): a Columbus freelancer gets no city sentence', () => {
    expect(clauseText(movedTo('90 W Broad St, Columbus, OH 43215, USA', 'State of Ohio', 'Franklin County, Ohio'))).not.toMatch(/Columbus|Ordinance/);
  });

  it('Los Angeles County outside the City (Pasadena) is not the City', () => {
    expect(clauseText(movedTo('100 N Garfield Ave, Pasadena, CA 91101, USA', 'State of California', 'Los Angeles County, California'))).not.toContain('City of Los Angeles');
  });
});

describe('city ordinances in the claim pack', () => {
  it('a Portland freelancer with a Seattle client: the pack says the Seattle ordinance covers any work done there, and its 30 days', () => {
    // The sample as it is: the freelancer in Portland, the client at 88 Pike St, Seattle.
    const text = packText(sampleInput('new-client-fixed'));
    expect(text).toContain('The client is in Seattle. The Seattle Independent Contractor Protections Ordinance (Seattle Municipal Code chapter 14.34) covers work done in the city: if any of this work was done there, name it in the claim too.');
    expect(text).toContain('it gives the client 30 days after the work is done to pay');
    // Not in the contract: the work is done in Portland.
    expect(clauseText(sampleInput('new-client-fixed'))).not.toContain('Seattle');
  });

  it('a Los Angeles freelancer: the pack names the ordinance as covering the work', () => {
    const text = packText(movedTo('200 N Spring St, Los Angeles, CA 90012, USA', 'State of California', 'Los Angeles County, California'));
    expect(text).toContain('The City of Los Angeles Freelance Worker Protections Ordinance covers this work, done in Los Angeles: name it in the claim beside the agreement.');
  });
});
