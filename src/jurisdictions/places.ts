// Reads the place files (jurisdictions/places/*.yaml) once and checks every
// one, so a wrong or unsourced fact stops the server with the file and the
// field named, as a wrong clause file does. See jurisdictions/README.md for
// the format. The freelancer-protection statutes have a loader of their own
// (statutes.ts, jurisdictions/statutes/); this file reads only the places.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { isKnownTimeZone } from '../language/time-zone.ts';
import { PROJECT_ROOT } from '../project-root.ts';

export const PLACES_DIR = join(PROJECT_ROOT, 'jurisdictions', 'places');

/** A place file that cannot be used, named so a person can open it and fix it. */
export class PlaceFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'PlaceFileError';
  }
}

// The two things every fact must carry: where it was read and when.
const sourced = {
  source: z.string().trim().min(10, 'name the statute, rule or page the fact comes from'),
  checked: z.iso.date('write the day the fact was checked as YYYY-MM-DD'),
  note: z.string().trim().min(1).optional(),
};

// A court phrase may hold {area} (as the venue writes it, or as `areas` maps it)
// or, for a US state, {county}, {parish} or {district}: the area, or "the
// county that includes Portland" when the venue names a town.
const PLACEHOLDERS = ['{area}', '{county}', '{parish}', '{district}'];
const phrase = z
  .string()
  .trim()
  .min(5)
  .refine((text) => !/\{(?!area\}|county\}|parish\}|district\})/.test(text), 'the only placeholders are {area}, {county}, {parish} and {district}');
const areaPhrase = phrase.refine((text) => PLACEHOLDERS.some((placeholder) => text.includes(placeholder)), 'must hold {area} (or {county})');
const plainPhrase = phrase.refine((text) => !PLACEHOLDERS.some((placeholder) => text.includes(placeholder)), 'names the place as a whole: no placeholder');

const courtsSchema = z
  .strictObject({
    /** The courts of the place as a whole: "the courts of England and Wales". */
    name: plainPhrase,
    /** With the area the venue names: "the Oregon Circuit Court for {county}". */
    forArea: areaPhrase.optional(),
    /** With an area not in `areas`: a phrase that names no particular court. */
    forOtherArea: areaPhrase.optional(),
    /** The areas `forArea` is true for, as people write them, and the name the phrase prints. */
    areas: z.record(z.string().min(1), z.string().min(1)).optional(),
    ...sourced,
  })
  .refine((courts) => !courts.areas || courts.forOtherArea, { message: 'a list of areas needs forOtherArea for the others', path: ['forOtherArea'] });

const placeSchema = z.strictObject({
  name: z.string().trim().min(2),
  country: z.string().trim().min(2),
  /** How answers write the place (the governing law, or the last part of the venue). */
  names: z.array(z.string().trim().min(2)).min(1),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
  /**
   * Where most of the place's people live, as an IANA zone: the second
   * column of times in a signature record made under its law. Optional: a
   * place without one falls back to its language's zone.
   */
  timeZone: z
    .string()
    .refine(isKnownTimeZone, 'an IANA time zone name this Node knows, such as America/New_York')
    .optional(),
  courts: courtsSchema,
  smallClaims: z.strictObject({
    name: plainPhrase,
    forArea: areaPhrase.optional(),
    forOtherArea: areaPhrase.optional(),
    /** The largest claim, in the place's currency (major units). */
    limit: z.number().int().positive(),
    /** A lower limit where the claimant is not a natural person (California, Washington). */
    limitForCompanies: z.number().int().positive().optional(),
    ...sourced,
  }),
  killFee: z.strictObject({
    /** Whether VAT/GST/consumption tax is charged on a kill fee there. */
    taxed: z.boolean(),
    ...sourced,
  }),
  preAction: z
    .strictObject({
      /** Days a final demand gives before a claim is issued. */
      days: z.number().int().min(5).max(30),
      consumerDays: z.number().int().min(5).max(30).optional(),
      ...sourced,
    })
    .optional(),
  /** Interest a court's judgment (a decree, in Scotland) carries from its date until paid, where the place's rules fix it. */
  judgmentInterest: z
    .strictObject({
      /** What the place calls it: "judicial interest". */
      name: z.string().trim().min(5),
      /** Percent a year, simple. */
      percent: z.number().positive().max(30),
      ...sourced,
    })
    .optional(),
  consumer: z
    .strictObject({
      /** The law, as the contract names it: "the Consumer Rights Act 2015, Schedule 2". */
      law: z.string().trim().min(5),
      /** The rule in one English sentence, printed in a consumer's contract. */
      rule: z.string().trim().min(20),
      /** The rule in Japanese, for a Japanese contract. */
      ruleJa: z.string().trim().min(10).optional(),
      ...sourced,
    })
    .optional(),
});

export type PlaceData = z.output<typeof placeSchema>;
/** A place as read: its data, its id (the file's name) and the file. */
export type Place = PlaceData & { readonly id: string; readonly file: string };

/** "State of Oregon", "the State of Oregon", "OREGON" and "Oregon." are one name. */
export function placeKey(text: string): string {
  let key = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  key = key.replace(/^the (laws? of (the )?)?/, '').replace(/^laws? of (the )?/, '');
  // A closing full stop ("Oregon.") is not part of the name; a loop, not /[.\s]+$/, which backtracks on long input.
  while (key.endsWith('.') || key.endsWith(' ')) key = key.slice(0, -1);
  return key;
}

function parsePlaceFile(path: string): Place {
  const file = relative(process.cwd(), path) || path;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PlaceFileError(file, `is not valid YAML: ${(error as Error).message}`);
  }
  const parsed = placeSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new PlaceFileError(file, `field "${first.path.join('.') || '(root)'}": ${first.message}`);
  }
  return { ...parsed.data, id: basename(path, '.yaml'), file };
}

/** Every place, checked; a name two places claim stops the load too. */
export function loadPlaces(dir: string = PLACES_DIR): readonly Place[] {
  const files = readdirSync(dir)
    .filter((entry) => entry.endsWith('.yaml'))
    .sort();
  if (files.length === 0) throw new PlaceFileError(dir, 'no place files (*.yaml) found');
  const places = files.map((entry) => parsePlaceFile(join(dir, entry)));
  const owners = new Map<string, Place>();
  for (const place of places) {
    for (const name of place.names) {
      const other = owners.get(placeKey(name));
      if (other && other !== place) throw new PlaceFileError(place.file, `field "names": "${name}" is also a name of ${other.file}`);
      owners.set(placeKey(name), place);
    }
  }
  return places;
}

let loaded: { places: readonly Place[]; byName: ReadonlyMap<string, Place> } | undefined;

/** The places of jurisdictions/places/, read once (at start-up: buildApp calls it). */
export function places(): { places: readonly Place[]; byName: ReadonlyMap<string, Place> } {
  if (!loaded) {
    const all = loadPlaces();
    loaded = { places: all, byName: new Map(all.flatMap((place) => place.names.map((name) => [placeKey(name), place] as const))) };
  }
  return loaded;
}

/** The place a name stands for ("State of Oregon", "England and Wales", "Japan"), if the data has it. */
export function placeNamed(name: string): Place | undefined {
  return places().byName.get(placeKey(name));
}

/** A place the code relies on (Japan for the Japanese contract): its absence stops the start, naming the folder. */
export function requirePlace(name: string): Place {
  const place = placeNamed(name);
  if (!place) throw new PlaceFileError(PLACES_DIR, `no place file names "${name}"`);
  return place;
}
