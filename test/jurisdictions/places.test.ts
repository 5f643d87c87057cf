// The place data (jurisdictions/places/): every place the product promises is
// there, each fact with a source and a date, a bad file stops the load naming
// the file and the field, and each place reads right in the contract and the
// final notice (issue 23).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { sectionToText } from '../../src/contract/plain-text.ts';
import type { Contract } from '../../src/contract/tree.ts';
import { placeFor } from '../../src/jurisdictions/place-for.ts';
import { loadPlaces, PLACES_DIR, PlaceFileError, places, type Place } from '../../src/jurisdictions/places.ts';
import { assembleLetter } from '../../src/letters/assemble.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { renderLetterText } from '../../src/letters/plain-text.ts';
import { letterInput, letterRequest } from '../helpers/letters.ts';
import { sampleInput } from '../helpers/samples.ts';

const US = ['al', 'ak', 'az', 'ar', 'ca', 'co', 'ct', 'de', 'dc', 'fl', 'ga', 'hi', 'id', 'il', 'in', 'ia', 'ks', 'ky', 'la', 'me', 'md', 'ma', 'mi', 'mn', 'ms', 'mo', 'mt', 'ne', 'nv', 'nh', 'nj', 'nm', 'ny', 'nc', 'nd', 'oh', 'ok', 'or', 'pa', 'ri', 'sc', 'sd', 'tn', 'tx', 'ut', 'vt', 'va', 'wa', 'wv', 'wi', 'wy'].map((code) => `us-${code}`);
const CANADA = ['on', 'bc', 'ab', 'sk', 'mb', 'qc', 'nb', 'ns', 'pe', 'nl'].map((code) => `ca-${code}`);
const AUSTRALIA = ['nsw', 'vic', 'qld', 'wa', 'sa', 'tas'].map((code) => `au-${code}`);
const EXPECTED = [...US, 'gb-eng', 'gb-sct', 'gb-nir', 'ie', ...CANADA, ...AUSTRALIA, 'de', 'fr', 'nl', 'es', 'it', 'jp'];

const all = places().places;
const byId = (id: string) => all.find((place) => place.id === id)!;
const library = loadContractLibrary();
const letters = loadLetterLibrary();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function contractFor(place: Place, change: (input: any) => void = () => {}): Contract {
  const input = sampleInput('new-client-fixed');
  input.jurisdiction.governingLaw = place.names[0];
  input.jurisdiction.venue = areaVenue(place);
  input.fee.currency = place.currency;
  change(input);
  return assembleContract(answersSchema.parse(input), library);
}
const textOf = (c: Contract, id: string) => sectionToText(c.sections.find((s) => s.id === id)!);

/** A venue inside the place: a county of a US state, a listed area where the place lists them, else a town. */
function areaVenue(place: Place): string {
  if (place.id === 'us-dc') return place.names[0]!;
  if (place.id === 'us-la') return 'Orleans Parish, Louisiana';
  if (place.country === 'United States') return `Lane County, ${place.names[0]}`;
  const listed = place.courts.areas && Object.keys(place.courts.areas)[0];
  return listed ?? `Capital City, ${place.names[0]}`;
}

describe('the place files', () => {
  it('cover every place issue 23 lists: each US state and DC, the UK\'s three, Ireland, Canada\'s provinces, Australia\'s states, Germany, France, the Netherlands, Spain, Italy and Japan', () => {
    expect(all.map((place) => place.id).sort()).toEqual([...EXPECTED].sort());
  });

  it('give every fact a source and the day it was checked', () => {
    for (const place of all) {
      for (const fact of [place.courts, place.smallClaims, place.killFee, place.preAction, place.consumer]) {
        if (!fact) continue;
        expect(fact.source.length, place.file).toBeGreaterThan(10);
        expect(fact.checked, place.file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('name each place\'s main time zone, for a signature record made under its law', () => {
    const zones = Object.fromEntries(['jp', 'gb-eng', 'gb-sct', 'us-ny', 'us-ca', 'us-az', 'us-hi', 'ca-nl', 'au-wa', 'de'].map((id) => [id, byId(id).timeZone]));
    expect(zones).toEqual({
      jp: 'Asia/Tokyo', 'gb-eng': 'Europe/London', 'gb-sct': 'Europe/London', 'us-ny': 'America/New_York', 'us-ca': 'America/Los_Angeles',
      'us-az': 'America/Phoenix', 'us-hi': 'Pacific/Honolulu', 'ca-nl': 'America/St_Johns', 'au-wa': 'Australia/Perth', de: 'Europe/Berlin',
    });
    expect(all.filter((place) => !place.timeZone).map((place) => place.id)).toEqual([]);
  });

  it('place Japan\'s small claims (少額訴訟) at 600,000円 and take the kill fee out of consumption tax', () => {
    const japan = byId('jp');
    expect(japan.smallClaims.limit).toBe(600_000);
    expect(japan.smallClaims.source).toContain('368');
    expect(japan.killFee.taxed).toBe(false);
  });
});

describe('a bad place file stops the start, naming the file and the field', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  function copyWith(file: string, edit: (text: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), 'places-'));
    dirs.push(dir);
    cpSync(PLACES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
    return dir;
  }

  it.each([
    ['a fact without its source', 'us-or.yaml', (text: string) => text.replace(/^ {2}source: Or\. Rev\. Stat.*$/m, ''), /us-or\.yaml: field "smallClaims\.source"/],
    ['a date that is not a day', 'gb-eng.yaml', (text: string) => text.replace('checked: 2026-12-06', 'checked: last week'), /gb-eng\.yaml: field "courts\.checked"/],
    ['an unknown placeholder', 'nl.yaml', (text: string) => text.replace('Rechtbank {area} (district court)', 'Rechtbank {city}'), /nl\.yaml: field "courts\.forArea"/],
    ['a time zone that is not an IANA name', 'jp.yaml', (text: string) => text.replace('timeZone: Asia/Tokyo', 'timeZone: JST+9'), /jp\.yaml: field "timeZone": an IANA time zone name/],
    ['a name two places claim', 'au-nsw.yaml', (text: string) => text.replace(/^ {2}- NSW$/m, '  - Oregon'), /field "names": "Oregon" is also a name of/],
    ['YAML that does not parse', 'de.yaml', (text: string) => `${text}\n  : : [`, /de\.yaml: is not valid YAML/],
  ])('%s', (_what, file, edit, message) => {
    const dir = copyWith(file, edit);
    expect(() => loadPlaces(dir)).toThrow(PlaceFileError);
    expect(() => loadPlaces(dir)).toThrow(message);
  });
});

describe('the small-claims limits confirmed with sources (issue 23; checked 2026-12-06)', () => {
  // Written by hand from the sources in each file: a later edit to a limit must change this table too.
  const CONFIRMED: [string, number][] = [
    ['us-tx', 20_000], // Tex. Gov't Code § 27.031, since 2020
    ['us-nj', 5_000], // N.J. Ct. R. 6:1-2, since July 2022
    ['us-ri', 2_500], // R.I. Gen. Laws § 10-16-1 (a note records the guides that say $5,000)
    ['us-de', 25_000], // 10 Del. C. § 9301
    ['us-in', 10_000], // Ind. Code § 33-29-2-4, since July 2021
    ['us-mi', 7_000], // MCL 600.8401(e), since January 2024
    ['ca-on', 50_000], // O. Reg. 626/00 as amended by O. Reg. 42/25, since October 2025
    ['de', 10_000], // GVG § 23, since January 2026
    ['es', 15_000], // LEC art. 250.2, since March 2024
    ['it', 10_000], // c.p.c. art. 7, since February 2023
    ['gb-nir', 5_000], // County Courts (Financial Limits) Order (NI) 2022
  ];

  it.each(CONFIRMED)('%s: the limit is %d, and the final notice names small claims up to it and not a unit above', (id, limit) => {
    const place = byId(id);
    expect(place.smallClaims.limit).toBe(limit);
    const notice = (amount: number) => {
      const input = letterInput();
      input.answers.jurisdiction = { governingLaw: place.names[0], venue: areaVenue(place), smallClaims: true };
      input.answers.fee.currency = place.currency;
      input.answers.fee.lateFeePercentPerMonth = 0;
      input.letter.invoice.amount = amount;
      return renderLetterText(assembleLetter('final-notice', letterRequest('final-notice', input), letters));
    };
    expect(notice(limit)).toMatch(/starting with a claim in /);
    expect(notice(limit + 1)).not.toMatch(/small claims/i);
  });
});

describe('each place reads right in the contract (English) and the final notice', () => {
  it.each(all.map((place) => [place.id, place] as const))('%s', (_id, place) => {
    const business = contractFor(place);
    const law = textOf(business, 'governing-law');
    const facts = placeFor(answersSchema.parse({ ...sampleInput('new-client-fixed'), jurisdiction: { governingLaw: place.names[0], venue: areaVenue(place), smallClaims: true } }));
    expect(law).toContain(`brought in ${facts.courtsPhrase}, and each Party`);
    expect(law).toContain(`within the small-claims limit in ${facts.smallClaimsPhrase}.`);
    // Never a placeholder, never an invented "small claims court for <a place>".
    expect(law).not.toMatch(/[{}]|small claims court for/);

    // A consumer client: the place's consumer law is named beside the kill fee, and the deposit is refundable.
    const consumer = contractFor(place, (input) => (input.client.kind = 'consumer'));
    const termination = textOf(consumer, 'termination');
    expect(termination).toContain('A Client who is a consumer.');
    expect(termination).toContain(place.consumer?.law ?? 'the law that governs this Agreement');
    expect(textOf(consumer, 'deposit')).not.toMatch(/non-refundable/);

    // The final notice names small claims only for a balance within the limit, else the contract's court.
    const limit = placeFor(answersSchema.parse({ ...sampleInput('new-client-fixed'), jurisdiction: { governingLaw: place.names[0], venue: areaVenue(place), smallClaims: true } })).smallClaimsLimit!;
    const notice = (amount: number) => {
      const input = letterInput();
      input.answers.jurisdiction = { governingLaw: place.names[0], venue: areaVenue(place), smallClaims: true };
      input.answers.fee.currency = place.currency;
      input.answers.fee.lateFeePercentPerMonth = 0;
      input.letter.invoice.amount = amount;
      return renderLetterText(assembleLetter('final-notice', letterRequest('final-notice', input), letters));
    };
    const limitMajor = limit.minor / (place.currency === 'JPY' ? 1 : 100);
    expect(notice(limitMajor)).toContain(`starting with a claim in ${facts.smallClaimsPhrase}`);
    expect(notice(limitMajor + 1)).not.toMatch(/small claims/i);
    expect(notice(limitMajor + 1)).toContain(`to recover it in ${facts.courtsPhrase}`);
  });

  it('the Japanese contract reads its small-claims limit and consumer rule from the data', () => {
    const input = sampleInput('ja/tokyo-fixed');
    input.client.kind = 'consumer';
    const text = assembleContract(answersSchema.parse(input), library).sections.map(sectionToText).join('\n');
    expect(text).toContain('600,000円以下の金銭の支払の請求');
    expect(text).toContain(byId('jp').consumer!.ruleJa!);
  });
});

describe('the venue sentence names a court that exists', () => {
  const GENERAL_COURTS = /^the [A-Z][a-z]+( [A-Z][a-z]+)? (Circuit Court|Superior Court|District Court|Supreme Court|Court of Common Pleas) for (Lane County|Orleans Parish|the judicial district that includes Lane County)$/;
  it.each(US.map((id) => [id]))('%s', (id) => {
    const place = byId(id);
    const phrase = textOf(contractFor(place), 'governing-law');
    const courts = /brought in (.+?), and each Party/.exec(phrase)![1]!;
    if (id === 'us-dc') expect(courts).toBe('the Superior Court of the District of Columbia');
    else expect(courts).toMatch(GENERAL_COURTS);
  });

  it.each([
    ['England and Wales', 'London', 'the courts of England and Wales sitting in London'],
    ['Netherlands', 'Rotterdam', 'the Rechtbank Rotterdam (district court)'],
    ['Netherlands', 'Zaanstad', 'the rechtbank (district court) whose district includes Zaanstad'],
    ['Japan', 'Osaka', 'the Osaka District Court or the Osaka Summary Court (according to the amount)'],
    ['Japan', 'Kanagawa', 'the Yokohama District Court or the Yokohama Summary Court (according to the amount)'],
    ['Japan', 'Shibuya', 'the district court or summary court (according to the amount) with jurisdiction over Shibuya'],
  ])('%s, venue %s', (law, venue, courts) => {
    const input = sampleInput('new-client-fixed');
    input.jurisdiction.governingLaw = law;
    input.jurisdiction.venue = venue;
    expect(textOf(assembleContract(answersSchema.parse(input), library), 'governing-law')).toContain(`brought in ${courts}, and each Party`);
  });
});
