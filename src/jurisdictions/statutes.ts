// Reads the freelancer-protection and late-payment statutes (jurisdictions/statutes/)
// and the rate tables they refer to (jurisdictions/statutes/rates/) once, and
// checks every file, so that a wrong figure or a missing source stops the
// server with the file and the field named instead of reaching a letter.
// The format is described in jurisdictions/statutes/README.md.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../project-root.ts';

export const STATUTES_ROOT = join(PROJECT_ROOT, 'jurisdictions', 'statutes');

/** A statute or rate file that cannot be used, named so a person can open it and fix it. */
export class StatuteFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'StatuteFileError';
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z
  .string()
  .regex(ISO_DATE, 'must be a date written YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'is not a calendar date');
const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case words joined by hyphens');
// Where a fact comes from (a statute's section, a URL) and the day a person last checked it.
const provenance = { source: z.string().min(10, 'must name the statute or page the fact comes from'), checked: isoDate };
const fact = <T extends z.ZodType>(value: T) => z.strictObject({ value, ...provenance });
// A place as jurisdictions/places/ names its files: a country, or country and region (us-ny, gb-eng for England and Wales).
const place = z.string().regex(/^[a-z]{2}(-[a-z0-9]{2,3})?$/, 'must be a place id as jurisdictions/places/ names its files, such as de, us-ny or gb-eng');

const rateTableSchema = z.strictObject({
  id,
  title: z.string().min(1),
  knownThrough: fact(isoDate),
  entries: z
    .array(z.strictObject({ from: isoDate, percent: z.number().min(-5).max(50), ...provenance }))
    .min(1),
});

const interestSchema = z.strictObject({
  reference: id,
  // at-reference-date: the reference rate on 31 December / 30 June before the half year the due date falls in,
  //   fixed for the whole delay (UK); by-half-year: each half year at that half year's rate (DE, FR, NL);
  //   at-start: the rate of the day the interest starts, for the whole delay (JP).
  fixed: z.enum(['at-reference-date', 'by-half-year', 'at-start']),
  pointsOver: z.number().min(0).max(20),
  compounds: z.enum(['never', 'yearly']),
  runsFrom: z.literal('day-after-due-date'),
  ...provenance,
});

const compensationSchema = z.strictObject({
  // In ascending order; each band holds debts below its `below`, the last has none.
  bands: z.array(z.strictObject({ below: z.number().positive().optional(), amount: z.number().positive() })).min(1),
  ...provenance,
});

const latePaymentSchema = z.strictObject({
  id,
  kind: z.literal('late-payment'),
  title: z.string().min(1),
  places: z.array(place).min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  clients: fact(z.enum(['business', 'any'])),
  interest: interestSchema,
  compensation: compensationSchema.optional(),
  // What the contract's own late fee does to the statute's interest:
  //   substantial-remedy: it ousts the statute only if it is a substantial remedy (UK Act ss. 8-9);
  //   higher-of: the creditor claims whichever is higher (BGB 288(3));
  //   contract-governs: an agreed rate replaces the statute's (FR, NL, JP).
  contractRate: fact(z.enum(['substantial-remedy', 'higher-of', 'contract-governs'])),
});

const freelanceProtectionSchema = z.strictObject({
  id,
  kind: z.literal('freelance-protection'),
  title: z.string().min(1),
  places: z.array(place).min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  inForceFrom: fact(isoDate),
  threshold: z.strictObject({ value: z.number().positive(), aggregateDays: z.number().int().positive(), ...provenance }),
  soloFreelancerOnly: fact(z.boolean()),
  businessClientsOnly: fact(z.boolean()),
  paymentDefaultDays: fact(z.number().int().positive()),
  damagesMultiplier: fact(z.number().min(1).max(5)),
  sentence: fact(z.string().min(20)),
});

// A city's freelance ordinance: it covers work done in the city, whatever law the contract chooses, so it is
// matched by the address where the work is done, never by the governing law.
const cityOrdinanceSchema = z.strictObject({
  id,
  kind: z.literal('city-ordinance'),
  title: z.string().min(1),
  /** The state the city is in, as jurisdictions/places/ names it. */
  places: z.array(place).length(1),
  city: z.strictObject({
    name: z.string().min(2),
    /** How an address in the city ends: a regular expression, case-insensitive ("Los Angeles,? (CA|California)"). */
    address: z.string().min(3).refine((text) => {
      try {
        new RegExp(text, 'i');
        return true;
      } catch {
        return false;
      }
    }, 'must be a regular expression'),
  }),
  /** work-city: the ordinance covers work done in the city (by the freelancer, wherever the client is). */
  appliesBy: fact(z.enum(['work-city'])),
  currency: z.string().regex(/^[A-Z]{3}$/),
  inForceFrom: fact(isoDate),
  threshold: z.strictObject({ value: z.number().positive(), aggregate: z.string().min(5), ...provenance }),
  soloFreelancerOnly: fact(z.boolean()),
  businessClientsOnly: fact(z.boolean()),
  /** Left out where the sources checked do not confirm a default term. */
  paymentDefaultDays: fact(z.number().int().positive()).optional(),
  sentence: fact(z.string().min(20)),
});

// A law on the terms of freelance work between businesses with no damages of its own (Japan's Freelance
// Act): its payment rule, and where a freelancer complains or asks for free help. A phone number a person
// has not read on the official page is kept `confirmed: false`, and the documents print it as unconfirmed.
const freelanceTransactionsSchema = z.strictObject({
  id,
  kind: z.literal('freelance-transactions'),
  title: z.string().min(1),
  shortTitle: z.string().min(1),
  places: z.array(place).min(1),
  inForceFrom: fact(isoDate),
  paymentDays: fact(z.number().int().positive()),
  soloFreelancerOnly: fact(z.boolean()),
  businessClientsOnly: fact(z.boolean()),
  complaintRoutes: z.array(z.strictObject({ name: z.string().min(1), what: z.string().min(1), url: z.url().optional(), ...provenance })).min(1),
  hotline: z.strictObject({
    name: z.string().min(1),
    what: z.string().min(1),
    url: z.url(),
    phone: z.strictObject({ value: z.string().regex(/^[0-9-]{10,13}$/, 'must be a phone number written with digits and hyphens'), confirmed: z.boolean(), ...provenance }),
    ...provenance,
  }),
});

const statuteSchema = z.discriminatedUnion('kind', [latePaymentSchema, freelanceProtectionSchema, freelanceTransactionsSchema, cityOrdinanceSchema]);

export type RateTable = z.output<typeof rateTableSchema>;
export type LatePaymentStatute = z.output<typeof latePaymentSchema>;
export type FreelanceProtectionStatute = z.output<typeof freelanceProtectionSchema>;
export type CityOrdinance = z.output<typeof cityOrdinanceSchema>;
export type FreelanceTransactionsStatute = z.output<typeof freelanceTransactionsSchema>;
export type Statute = LatePaymentStatute | FreelanceProtectionStatute | FreelanceTransactionsStatute | CityOrdinance;

export interface StatuteBook {
  readonly statutes: readonly Statute[];
  readonly rates: ReadonlyMap<string, RateTable>;
}

function readYaml(file: string, shown: string): unknown {
  try {
    return parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StatuteFileError(shown, `is not valid YAML: ${(error as Error).message}`);
  }
}

function parseWith<T>(schema: z.ZodType<T>, raw: unknown, shown: string): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join('.') : '(the file)';
  throw new StatuteFileError(shown, `${field} ${issue.message}`);
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((entry) => entry.endsWith('.yaml') || entry.endsWith('.yml'))
    .sort()
    .map((entry) => join(dir, entry));
}

function checkRateTable(table: RateTable, shown: string) {
  table.entries.forEach((entry, index) => {
    if (index > 0 && entry.from <= table.entries[index - 1]!.from) {
      throw new StatuteFileError(shown, `entries.${index}.from must come after the entry before it (${table.entries[index - 1]!.from})`);
    }
  });
  if (table.knownThrough.value < table.entries.at(-1)!.from) {
    throw new StatuteFileError(shown, 'knownThrough.value must not be earlier than the last entry');
  }
}

function checkBands(statute: LatePaymentStatute, shown: string) {
  const bands = statute.compensation?.bands ?? [];
  bands.forEach((band, index) => {
    const last = index === bands.length - 1;
    if (last && band.below !== undefined) throw new StatuteFileError(shown, `compensation.bands.${index}.below must be left out on the last band`);
    if (!last && band.below === undefined) throw new StatuteFileError(shown, `compensation.bands.${index}.below is needed on every band but the last`);
    if (index > 0 && !last && band.below! <= bands[index - 1]!.below!) {
      throw new StatuteFileError(shown, `compensation.bands.${index}.below must be higher than the band before it`);
    }
  });
}

/** Reads and checks every statute and rate table; throws StatuteFileError naming the first bad file and field. */
export function loadStatuteBook(root: string = STATUTES_ROOT): StatuteBook {
  const shownName = (file: string) => relative(PROJECT_ROOT, file) || file;
  const rates = new Map<string, RateTable>();
  for (const file of yamlFiles(join(root, 'rates'))) {
    const shown = shownName(file);
    const table = parseWith(rateTableSchema, readYaml(file, shown), shown);
    if (`${table.id}.yaml` !== basename(file)) throw new StatuteFileError(shown, `id must be the file's name (${basename(file, '.yaml')})`);
    checkRateTable(table, shown);
    rates.set(table.id, table);
  }
  const statutes: Statute[] = [];
  const byPlaceAndKind = new Map<string, string>();
  for (const file of yamlFiles(root)) {
    const shown = shownName(file);
    const statute = parseWith(statuteSchema, readYaml(file, shown), shown);
    if (`${statute.id}.yaml` !== basename(file)) throw new StatuteFileError(shown, `id must be the file's name (${basename(file, '.yaml')})`);
    if (statute.kind === 'late-payment') {
      if (!rates.has(statute.interest.reference)) {
        throw new StatuteFileError(shown, `interest.reference names no rate table in rates/ (${statute.interest.reference})`);
      }
      checkBands(statute, shown);
    }
    // One statute of each kind a place: the calculator must never have to choose between two.
    for (const where of statute.places) {
      const key = statute.kind === 'city-ordinance' ? `${statute.kind} ${where} ${statute.city.name}` : `${statute.kind} ${where}`;
      const other = byPlaceAndKind.get(key);
      if (other) throw new StatuteFileError(shown, `places lists ${where}, which ${other} already covers with a ${statute.kind} statute`);
      byPlaceAndKind.set(key, statute.id);
    }
    statutes.push(statute);
  }
  return { statutes, rates };
}

let book: StatuteBook | undefined;

/** The statutes in jurisdictions/statutes/, read once. */
export function statuteBook(): StatuteBook {
  book ??= loadStatuteBook();
  return book;
}

/** The late-payment statute of a place (its id in jurisdictions/places/: gb-eng, de), if the data has one. */
export function latePaymentStatuteFor(placeCode: string, from: StatuteBook = statuteBook()): LatePaymentStatute | undefined {
  return from.statutes.find((statute): statute is LatePaymentStatute => statute.kind === 'late-payment' && statute.places.includes(placeCode));
}

/** The freelancer-protection statute of a place (its id in jurisdictions/places/: us-ny), if the data has one. */
export function freelanceStatuteFor(placeCode: string, from: StatuteBook = statuteBook()): FreelanceProtectionStatute | undefined {
  return from.statutes.find((statute): statute is FreelanceProtectionStatute => statute.kind === 'freelance-protection' && statute.places.includes(placeCode));
}

/** Every city ordinance in the data. */
export function cityOrdinances(from: StatuteBook = statuteBook()): CityOrdinance[] {
  return from.statutes.filter((statute): statute is CityOrdinance => statute.kind === 'city-ordinance');
}

/** The freelance-transactions law of a place (Japan's Freelance Act: jp), if the data has one. */
export function freelanceTransactionsStatuteFor(placeCode: string, from: StatuteBook = statuteBook()): FreelanceTransactionsStatute | undefined {
  return from.statutes.find((statute): statute is FreelanceTransactionsStatute => statute.kind === 'freelance-transactions' && statute.places.includes(placeCode));
}
