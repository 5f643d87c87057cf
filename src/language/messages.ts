// The words of the web wizard and of the API's errors, one catalogue per
// language in messages/<language>.json (see messages/README.md). Loaded and
// checked once at start-up, like the clause library: a catalogue that misses
// a key the English one has, has a key English does not, or uses a
// placeholder English does not give, stops the server with the file and the
// key named, instead of showing a visitor a blank or a stray "{name}".
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LANGUAGES, type Language } from '../answers/schema.ts';
import { PROJECT_ROOT } from '../project-root.ts';

export const MESSAGES_DIR = join(PROJECT_ROOT, 'messages');

/** The language every other catalogue is checked against. */
const SOURCE: Language = 'en';

/** A catalogue that cannot be used, named so a translator can open it and fix it. */
export class MessageCatalogueError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'MessageCatalogueError';
  }
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** A sentence, or one per plural category ("one", "other") chosen by the `count` parameter. */
type Entry = string | Readonly<Partial<Record<Intl.LDMLPluralRule, string>>>;

export interface Messages {
  readonly language: Language;
  /** The sentence for `key` with its `{placeholders}` filled; an unknown key is a programming error and throws. */
  t(key: string, params?: MessageParams): string;
  /** Whether the catalogue has a non-empty sentence for `key` (an optional hint left empty has none). */
  has(key: string): boolean;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;
const PLURAL_CATEGORIES: ReadonlySet<string> = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

function placeholders(entry: Entry): Set<string> {
  const texts = typeof entry === 'string' ? [entry] : Object.values(entry);
  return new Set(texts.flatMap((text) => [...(text ?? '').matchAll(PLACEHOLDER)].map((match) => match[1]!)));
}

function readCatalogue(dir: string, language: Language): { file: string; entries: Map<string, Entry> } {
  const path = join(dir, `${language}.json`);
  const file = relative(PROJECT_ROOT, path) || path;
  if (!existsSync(path)) throw new MessageCatalogueError(file, `the catalogue for "${language}" is missing: copy ${SOURCE}.json and translate it`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new MessageCatalogueError(file, `not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new MessageCatalogueError(file, 'must be one JSON object of "key": "sentence" pairs');
  const entries = new Map<string, Entry>();
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string') {
      entries.set(key, value);
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0 &&
      Object.entries(value).every(([category, text]) => PLURAL_CATEGORIES.has(category) && typeof text === 'string') && 'other' in value) {
      entries.set(key, value as Entry);
    } else {
      throw new MessageCatalogueError(file, `"${key}" must be a sentence, or plural forms like { "one": "…", "other": "…" } with "other" among them`);
    }
  }
  return { file, entries };
}

function fill(text: string, params: MessageParams | undefined): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

function catalogue(language: Language, entries: ReadonlyMap<string, Entry>): Messages {
  const plural = new Intl.PluralRules(language);
  return {
    language,
    t(key, params) {
      const entry = entries.get(key);
      if (entry === undefined) throw new Error(`No message "${key}" in the ${language} catalogue`);
      if (typeof entry === 'string') return fill(entry, params);
      const count = Number(params?.count ?? 0);
      return fill(entry[plural.select(count)] ?? entry.other!, params);
    },
    has(key) {
      const entry = entries.get(key);
      return entry !== undefined && entry !== '';
    },
  };
}

/**
 * Every language's catalogue from `dir`, checked against the English one:
 * the same keys, and no placeholder that English does not fill.
 */
export function loadCatalogues(dir: string = MESSAGES_DIR): Readonly<Record<Language, Messages>> {
  const source = readCatalogue(dir, SOURCE);
  const loaded = {} as Record<Language, Messages>;
  for (const language of LANGUAGES) {
    const { file, entries } = language === SOURCE ? source : readCatalogue(dir, language);
    const missing = [...source.entries.keys()].filter((key) => !entries.has(key));
    if (missing.length) throw new MessageCatalogueError(file, `missing ${missing.length === 1 ? 'the key' : `${missing.length} keys:`} ${missing.slice(0, 10).map((key) => `"${key}"`).join(', ')} (every key of ${SOURCE}.json needs a translation)`);
    const extra = [...entries.keys()].filter((key) => !source.entries.has(key));
    if (extra.length) throw new MessageCatalogueError(file, `unknown ${extra.length === 1 ? 'key' : 'keys'} ${extra.slice(0, 10).map((key) => `"${key}"`).join(', ')} (not in ${SOURCE}.json: a misspelt or removed key)`);
    for (const [key, entry] of entries) {
      const known = placeholders(source.entries.get(key)!);
      const unknown = [...placeholders(entry)].filter((name) => !known.has(name));
      if (unknown.length) throw new MessageCatalogueError(file, `"${key}" uses {${unknown[0]}}, which the English sentence does not give`);
    }
    loaded[language] = catalogue(language, entries);
  }
  return loaded;
}

let defaults: Readonly<Record<Language, Messages>> | undefined;

/** The catalogue of a language, from messages/ (loaded and checked on first use). */
export function messagesFor(language: Language): Messages {
  defaults ??= loadCatalogues();
  return defaults[language];
}

// ---------------------------------------------------------------------------
// The language of the answers check in progress. The answers schema is built
// once, with its sentences named by key; they are written out when a problem
// is found, in the language of the check that found it. Checks are
// synchronous (zod's safeParse), so the language set here for one check can
// never leak into another request's.
let active: Messages | undefined;

/** Runs a synchronous check with its problems written in `language`. */
export function inLanguage<T>(language: Language | Messages, check: () => T): T {
  const previous = active;
  active = typeof language === 'string' ? messagesFor(language) : language;
  try {
    return check();
  } finally {
    active = previous;
  }
}

/**
 * A schema's check (`() => schema.safeParse(data)`) with its problems written
 * in `language`. Zod writes an error's messages when the error is first read,
 * not when the check runs, so a failed check's error is read here, while the
 * language is still set; read outside, every lazily written sentence would be
 * English.
 */
export function checkIn<R extends { readonly success: boolean; readonly error?: unknown }>(language: Language | Messages, check: () => R): R {
  return inLanguage(language, () => {
    const result = check();
    if (!result.success) void result.error;
    return result;
  });
}

/** A sentence of the check in progress (English outside `inLanguage`). */
export function say(key: string, params?: MessageParams): string {
  return (active ?? messagesFor(SOURCE)).t(key, params);
}

/**
 * A sentence written when it is needed, in the language of the check then in
 * progress: what a schema built once gives as its error, so that one schema
 * serves every language.
 */
export function sayLater(key: string, params?: MessageParams): () => string {
  return () => say(key, params);
}

/** The language of the check in progress. */
export function activeLanguage(): Language {
  return active?.language ?? SOURCE;
}
