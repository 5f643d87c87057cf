// Reads the clause library (clauses/) once at start-up and checks every file,
// so that a wording mistake stops the server with the file named instead of
// surfacing in a customer's contract. See clauses/README.md for the format.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../project-root.ts';
import { compileTemplate, referencedPaths, SLOT_CHARACTERS, type CompiledTemplate } from './template.ts';

/** The clause library's root: contract/ holds the contract's clauses, letters/ the follow-up letters. */
export const CLAUSES_ROOT = join(PROJECT_ROOT, 'clauses');

/** A clause file that cannot be used, named so a person can open it and fix it. */
export class ClauseTemplateError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ClauseTemplateError';
  }
}

type Scalar = string | number | boolean;
export type Condition = Readonly<Record<string, Scalar | readonly Scalar[]>>;

export interface ClauseDefinition {
  readonly id: string;
  readonly variant: string;
  readonly title: string;
  readonly order: number;
  readonly note: string;
  /** Every listed fact must equal the value (or one of the values); absent means always. */
  readonly when: Condition;
  /** Which sample answers (clauses/samples/NAME.json) show this clause; the golden test renders it. */
  readonly sample?: string;
  /** The clause is printed on one page, never divided into points: the closing words and the signature lines. */
  readonly keepTogether: boolean;
  /** The clause starts on the page where the clause before it ends, so it is never alone on a page: the signatures. */
  readonly keepWithPrevious: boolean;
  readonly file: string;
  readonly source: string;
  readonly template: CompiledTemplate;
  /** The clauses its wording refers to (`it.ref.x`), read from the source once, at load. */
  readonly references: readonly string[];
}

/** The library a kind of document is made from: contract clauses or letters. */
export interface ClauseLibrary {
  readonly dir: string;
  readonly clauses: readonly ClauseDefinition[];
}

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const frontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'id must be lower-case words joined by hyphens'),
  variant: z.string().regex(/^[a-z][a-z0-9-]*$/, 'variant must be lower-case words joined by hyphens').optional(),
  title: z.string().min(1),
  // 0 for a preamble (the Japanese 前文), which comes before clause 1 and is not numbered.
  order: z.number().int().nonnegative(),
  note: z.string().min(1),
  when: z.record(z.string(), z.union([scalar, z.array(scalar).min(1)])).optional(),
  sample: z.string().optional(),
  keepTogether: z.boolean().optional(),
  keepWithPrevious: z.boolean().optional(),
});

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

function listTemplateFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      files.push(...listTemplateFiles(path));
    } else if (entry.endsWith('.eta')) {
      files.push(path);
    }
  }
  return files;
}

/** Reads a fact by its dotted path; `undefined` when the path does not exist. */
export function readFact(facts: object, path: string): unknown {
  let value: unknown = facts;
  for (const key of path.split('.')) {
    if (value === null || value === undefined) return undefined;
    const boxed = Object(value) as Record<string, unknown>;
    if (!(key in boxed)) return undefined;
    value = boxed[key];
  }
  return value;
}

export function conditionHolds(when: Condition, facts: object): boolean {
  return Object.entries(when).every(([path, expected]) => {
    const actual = readFact(facts, path);
    return Array.isArray(expected) ? expected.includes(actual as Scalar) : actual === expected;
  });
}

/** "always", or "fee.model is hourly and deposit.inFull is false" for the API listing. */
export function describeCondition(when: Condition): string {
  const parts = Object.entries(when).map(([path, expected]) =>
    Array.isArray(expected) ? `${path} is one of ${expected.join(', ')}` : `${path} is ${String(expected)}`,
  );
  return parts.length === 0 ? 'always' : parts.join(' and ');
}

/** Facts under `ref.` are cross-references: `it.ref.latePayment` prints "clause 7". */
export const REF_PREFIX = 'ref';

// Assembly asks for every present clause's key on every contract; clause ids
// come only from the library's files, so each is worked out once and kept.
const refKeys = new Map<string, string>();

/** The key a clause id has under `it.ref`: late-payment -> latePayment. */
export function refKey(id: string): string {
  let key = refKeys.get(id);
  if (key === undefined) {
    key = id.replace(/-([a-z0-9])/g, (_dash, letter: string) => letter.toUpperCase());
    refKeys.set(id, key);
  }
  return key;
}

/** The clauses a template refers to, by their `it.ref` keys, in the order the wording names them. */
export function referencedClauses(source: string): string[] {
  return [...source.matchAll(/\bit\.ref\.([A-Za-z][\w$]*)/g)].map((match) => match[1]!);
}

function parseClauseFile(file: string, displayName: string, shape: object, directives: readonly string[], crossReferences: boolean): ClauseDefinition {
  const text = readFileSync(file, 'utf8');
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new ClauseTemplateError(displayName, 'must start with a front matter block between two "---" lines');
  let raw: unknown;
  try {
    raw = parseYaml(match[1]!);
  } catch (error) {
    throw new ClauseTemplateError(displayName, `front matter is not valid YAML: ${(error as Error).message}`);
  }
  const meta = frontMatterSchema.safeParse(raw);
  if (!meta.success) {
    const first = meta.error.issues[0]!;
    throw new ClauseTemplateError(displayName, `front matter field "${first.path.join('.') || '(root)'}": ${first.message}`);
  }
  const source = match[2]!;

  for (const [path, expected] of Object.entries(meta.data.when ?? {})) {
    const actual = readFact(shape, path);
    if (actual === undefined) throw new ClauseTemplateError(displayName, `condition on unknown fact "${path}"`);
    const values = Array.isArray(expected) ? expected : [expected];
    if (values.some((value) => typeof value !== typeof actual)) {
      throw new ClauseTemplateError(displayName, `condition on "${path}" compares a ${typeof actual} with ${JSON.stringify(expected)}`);
    }
  }
  if (source.includes('<%~')) {
    throw new ClauseTemplateError(displayName, 'uses <%~ %> (unescaped output); print values with <%= %> so they stay text');
  }
  if (SLOT_CHARACTERS.test(source)) {
    throw new ClauseTemplateError(displayName, 'contains private-use characters U+E000/U+E001, which the template engine reserves');
  }
  for (const path of referencedPaths(source)) {
    // Cross-references (it.ref.termination) name clauses: checked against the library once it is read.
    if (crossReferences && path.startsWith(`${REF_PREFIX}.`)) continue;
    if (readFact(shape, path) === undefined) {
      throw new ClauseTemplateError(displayName, `uses unknown variable "it.${path}"`);
    }
  }
  // Line by line rather than /^\s*::\s*([\w-]+)\s*$/gm, whose leading \s* retries from every blank.
  for (const line of source.split(/\r\n|[\n\r\u2028\u2029]/)) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('::')) continue;
    const name = trimmed.slice(2).trim();
    if (!/^[\w-]+$/.test(name)) continue;
    if (!directives.includes(name)) {
      throw new ClauseTemplateError(displayName, `uses unknown block "::${name}" (known: ${directives.join(', ')})`);
    }
  }
  let template: CompiledTemplate;
  try {
    template = compileTemplate(source);
  } catch (error) {
    throw new ClauseTemplateError(displayName, `template does not compile: ${(error as Error).message}`);
  }
  return {
    id: meta.data.id,
    variant: meta.data.variant ?? meta.data.id,
    title: meta.data.title,
    order: meta.data.order,
    note: meta.data.note.trim().replace(/\s+/g, ' '),
    when: meta.data.when ?? {},
    sample: meta.data.sample,
    keepTogether: meta.data.keepTogether ?? false,
    keepWithPrevious: meta.data.keepWithPrevious ?? false,
    file: displayName,
    source,
    template,
    references: referencedClauses(source),
  };
}

/**
 * Loads and checks a library. `shape` is a facts object with every field
 * present, used to check variable names and conditions; `directives` are
 * the "::name" blocks the assembler knows how to build.
 */
export function loadClauseLibrary(
  dir: string,
  shape: object,
  directives: readonly string[],
  { crossReferences = false }: { crossReferences?: boolean } = {},
): ClauseLibrary {
  const files = listTemplateFiles(dir);
  if (files.length === 0) throw new ClauseTemplateError(dir, 'no clause templates (*.eta) found');
  const clauses = files.map((file) => parseClauseFile(file, relative(process.cwd(), file) || file, shape, directives, crossReferences));
  if (crossReferences) {
    const keys = new Set(clauses.map((clause) => refKey(clause.id)));
    for (const clause of clauses) {
      const unknown = clause.references.find((key) => !keys.has(key));
      if (unknown) {
        throw new ClauseTemplateError(clause.file, `refers to "it.ref.${unknown}", but no clause has that id (known: ${[...keys].join(', ')})`);
      }
    }
  }
  const seen = new Map<string, ClauseDefinition>();
  for (const clause of clauses) {
    const key = `${clause.id}/${clause.variant}`;
    const other = seen.get(key);
    if (other) throw new ClauseTemplateError(clause.file, `repeats id "${clause.id}" variant "${clause.variant}" of ${other.file}`);
    seen.set(key, clause);
    const sibling = clauses.find((c) => c.id === clause.id && c.order !== clause.order);
    if (sibling) throw new ClauseTemplateError(clause.file, `variants of "${clause.id}" must share one order (see ${sibling.file})`);
  }
  clauses.sort((a, b) => a.order - b.order || a.variant.localeCompare(b.variant));
  return { dir, clauses };
}
