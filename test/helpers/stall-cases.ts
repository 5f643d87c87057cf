// Every way a user's text reaches the server, each to be sent a 100,000-
// character string built from the worst cases of the patterns that once
// stalled it (runs of `<!--`/`-->`, spaces, U+00A0, digits, `\r`, combining
// marks): every field of every API request, every field of every wizard form
// (the steps, the letter pages, the invoices page), and both upload kinds
// (an answers JSON, a Word file). The unit tier runs the cases through
// app.inject with a generous cap (test/web/stall-property.test.ts); `npm run
// bench:stall` runs them against the real server with the issue's bound of a
// second. Both talk to the app through `Send`, so the cases are the same.
//
// A 100,000-character string is over every field's raw cap, so it is refused
// before any cleaning runs; the cleaning code itself is reached by the sized
// texts (issue 24, finding 1; issue 29, point 1): each field's worst case at
// its raw cap and one character under it, built from characters whose
// normalisation expands (U+FDFA, U+FB2C, U+3300, ...), with line breaks and
// trailing blanks so that multi-line fields trim every line.
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { z } from 'zod';
import { answersSchema, rawTextLimit, TEXT_LIMITS } from '../../src/answers/schema.ts';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import { LETTER_KINDS, letterRequestSchemas } from '../../src/letters/request.ts';
import { answersPartXml } from '../../src/render/embedded-answers.ts';
import { scheduleRequestSchema } from '../../src/schedule/request.ts';
import { letterInput } from './letters.ts';
import { JA_SAMPLE_NAMES, SAMPLE_NAMES, sampleInput } from './samples.ts';

export const WORST_CASE_LENGTH = 100_000;

export interface RawRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array;
}

export interface RawResponse {
  readonly status: number;
  readonly setCookies: readonly string[];
  readonly location: string;
  readonly body: string;
}

export type Send = (request: RawRequest) => Promise<RawResponse>;

/**
 * The pieces whose long runs made a pattern backtrack or a loop rescan:
 * comment markers (the embedded-answers reader), blanks of every kind (the
 * trimming, the phone check), digits and separators (the number and money
 * parsers), line ends and combining marks (the text cleaners).
 */
const PIECES = ['<!--', '-->', '--><!--', ' ', '\t', '\u00a0', '\u3000', '0', '9', ',', '.', '-', '+', '\r', '\r\n', '\n', '\u0301', '\u200f', 'a', '$', '\uFDFA', '\uFB2C', '\u3300'] as const;
/** What ends a run: a character that makes a pattern fail only at the very end, or nothing. */
const ENDINGS = ['', 'x', '!', '1', ' ', '\u0000', '\ufffe', '😀'] as const;

/**
 * A 100,000-character text as its recipe: a start, a unit of one to three
 * pieces repeated to the length, and an ending, the shape that costs a
 * super-linear pattern the most. Drawn as the recipe, so that a failure
 * reports the recipe and not 100,000 characters; `textOf` bakes it.
 */
export const worstCaseShape = fc.record({
  start: fc.constantFrom('', 'a', '1', '+', '<!--'),
  unit: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join('')),
  end: fc.constantFrom(...ENDINGS),
});

export type WorstCaseShape = typeof worstCaseShape extends fc.Arbitrary<infer T> ? T : never;

/** The text of a shape, `length` UTF-16 units long (the schema's unit of length). */
export function textOf({ start, unit, end }: { readonly start: string; readonly unit: string; readonly end: string }, length = WORST_CASE_LENGTH): string {
  const room = Math.max(0, length - start.length - end.length);
  return (start + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + end).slice(0, length);
}

/**
 * Characters whose normalisation makes them longer: U+FDFA (18 characters
 * under NFKC), U+FB2C (3 under NFC, one of the compositions NFC never
 * rebuilds), U+3300 (5 under NFKC), U+0390 (3 under NFD), U+1F82 (4 under
 * NFD), the Hangul syllable U+AC00 (2 under NFD) and the ligature U+FB03.
 */
export const EXPANDING = ['\uFDFA', '\uFB2C', '\u3300', '\u0390', '\u1F82', '\uAC00', '\uFB03'] as const;

/**
 * A sized worst case: expanding characters mixed with the blanks, line ends
 * and marks the cleaners trim, split or drop, so that a multi-line field has
 * many lines to trim and a line field many breaks to fold. The length is the
 * case's (its field's raw cap, or one under it).
 */
export const sizedShape = fc.record({
  start: fc.constantFrom('', 'a', 'T'),
  unit: fc
    .tuple(fc.constantFrom(...EXPANDING), fc.array(fc.constantFrom(...EXPANDING, ' ', '\t', '\n', '\r\n', '\r', '\u0301', '\u00a0', '\u3000', '-'), { minLength: 0, maxLength: 3 }))
    .map(([first, rest]) => [first, ...rest].join('')),
  end: fc.constantFrom('', ' ', '\n', 'x', '\uFDFA'),
});

/**
 * How long a sized text is: at its field's raw cap (the longest that is
 * cleaned at all), one character under it, or at the field's limit (cleaned,
 * then kept when it is valid: a document is made from it).
 */
export type SizedAt = 'at the raw cap' | 'just under the raw cap' | 'at the limit';
export const SIZED_AT: readonly SizedAt[] = ['at the raw cap', 'just under the raw cap', 'at the limit'];
export function sizedLength(max: number, at: SizedAt): number {
  if (at === 'at the limit') return max;
  return rawTextLimit(max) - (at === 'at the raw cap' ? 0 : 1);
}

// ---------------------------------------------------------------------------
// The API's fields, from the same JSON Schemas the API publishes

type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  maxLength?: number;
};

/** Every leaf (a value that is not an object or a list) a request may carry, as a path; lists by their first item. */
export function leafPaths(schema: z.ZodType): string[][] {
  return [...leaves(schema).values()].map((leaf) => leaf.path);
}

/** A text leaf's cap in cleaned characters (its JSON Schema `maxLength`), by its path joined with dots. */
export function textCaps(schema: z.ZodType): Map<string, number> {
  const caps = new Map<string, number>();
  for (const [key, { node }] of leaves(schema)) if (node.maxLength !== undefined) caps.set(key, node.maxLength);
  return caps;
}

function leaves(schema: z.ZodType): Map<string, { path: string[]; node: JsonSchema }> {
  const root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const found = new Map<string, { path: string[]; node: JsonSchema }>();
  const visit = (node: JsonSchema, path: string[], seen: ReadonlySet<string>) => {
    if (node.$ref) {
      const name = node.$ref.replace(/^#\/\$defs\//, '');
      const target = root.$defs?.[name];
      if (target && !seen.has(name)) visit(target, path, new Set([...seen, name]));
      return;
    }
    const branches = [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
    for (const branch of branches) visit(branch, path, seen);
    const items = [...(node.prefixItems ?? []), ...(Array.isArray(node.items) ? node.items : node.items ? [node.items] : [])];
    for (const item of items) visit(item, [...path, '0'], seen);
    for (const [key, child] of Object.entries(node.properties ?? {})) visit(child, [...path, key], seen);
    if (branches.length === 0 && items.length === 0 && !node.properties && path.length > 0) {
      const key = path.join('.');
      // One leaf may be reached by several branches (a fee model each); the cap is the same in all.
      if (!found.has(key) || node.maxLength !== undefined) found.set(key, { path, node });
    }
  };
  visit(root, [], new Set());
  return found;
}

/** A copy of `value` with `path` set to `text`, creating the objects and lists on the way. */
export function withText(value: unknown, path: readonly string[], text: string): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) {
      node[key] = text;
      break;
    }
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = /^\d+$/.test(path[index + 1]!) ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  return copy;
}

// ---------------------------------------------------------------------------
// A visitor over `Send`: cookies, the CSRF token of the last form, forms

const CSRF = /name="_csrf" value="([^"]+)"/;

export interface PageForm {
  readonly action: string;
  /** Each control's name and the value the page gave it (the first, for radios). */
  readonly fields: ReadonlyMap<string, string>;
}

/** The page's forms that post, each with its controls: what a browser would send. Our own markup, so attributes are double-quoted. */
export function formsOf(html: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attributes = match[1]!;
    if (!/method="post"/i.test(attributes)) continue;
    const action = /action="([^"]*)"/.exec(attributes)?.[1];
    if (!action) continue;
    const fields = new Map<string, string>();
    for (const control of match[2]!.matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
      const name = /\bname="([^"]+)"/.exec(control[2]!)?.[1];
      if (!name || name === '_csrf' || fields.has(name)) continue;
      if (/type="(?:submit|file)"/.test(control[2]!)) continue;
      fields.set(name.replace(/&amp;/g, '&'), /\bvalue="([^"]*)"/.exec(control[2]!)?.[1]?.replace(/&amp;/g, '&') ?? '');
    }
    forms.push({ action: action.replace(/&amp;/g, '&'), fields });
  }
  return forms;
}

export class Visitor {
  private readonly cookies = new Map<string, string>();
  token = '';
  constructor(private readonly send: Send) {}

  private async go(request: RawRequest): Promise<RawResponse> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.send({ ...request, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}), ...request.headers } });
    for (const line of response.setCookies) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    const token = CSRF.exec(response.body)?.[1];
    if (token) this.token = token;
    return response;
  }

  get(url: string): Promise<RawResponse> {
    return this.go({ method: 'GET', url, headers: {} });
  }

  postForm(url: string, fields: ReadonlyMap<string, string>): Promise<RawResponse> {
    const body = new URLSearchParams({ _csrf: this.token });
    for (const [name, value] of fields) body.append(name, value);
    return this.go({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
  }

  /** "Continue from a file", as the home page's form sends it: the token, then the file. */
  upload(fileName: string, content: Uint8Array): Promise<RawResponse> {
    const boundary = '----stallcase';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${this.token}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.go({ method: 'POST', url: '/import', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
  }
}

// ---------------------------------------------------------------------------
// The cases

export interface StallCase {
  /** Where the text goes: "POST /api/contracts client.phone", "wizard client: client.phone", "import .docx project.title". */
  readonly name: string;
  /** The field's cap in cleaned characters, when it is a text field: its sized texts are `sizedLength` of it. */
  readonly cap?: number;
  /** Sends the text; resolves with each request it took (a saved step is followed by its review page). */
  run(text: string): Promise<{ what: string; response: RawResponse; ms: number }[]>;
}

/**
 * The statuses an ordinary answer has: the document, a saved step's redirect, a refusal naming the
 * field, and a wizard form larger than its step's questions can hold, refused unread.
 */
export const ORDINARY_STATUSES: readonly number[] = [200, 303, 400, 413];

async function timed(what: string, request: () => Promise<RawResponse>): Promise<{ what: string; response: RawResponse; ms: number }> {
  const started = performance.now();
  const response = await request();
  return { what, response, ms: performance.now() - started };
}

function apiCases(send: Send): StallCase[] {
  const routes: { url: string; schema: z.ZodType; base: () => unknown }[] = [
    { url: '/api/contracts', schema: answersSchema, base: () => sampleInput('new-client-fixed') },
    { url: '/api/invoices', schema: invoiceRequestSchema, base: () => ({ answers: sampleInput('new-client-fixed'), invoice: { kind: 'deposit', number: 'INV-1', issuedOn: '2027-03-01' } }) },
    { url: '/api/schedule', schema: scheduleRequestSchema, base: () => ({ answers: sampleInput('new-client-fixed'), stage: 'in-progress', since: '2027-03-03' }) },
    ...LETTER_KINDS.map((kind) => ({ url: `/api/letters/${kind}`, schema: letterRequestSchemas[kind], base: () => letterInput() })),
  ];
  return routes.flatMap(({ url, schema, base }) => {
    const caps = textCaps(schema);
    return leafPaths(schema).map((path) => ({
      name: `POST ${url} ${path.join('.')}`,
      ...capOf(caps, path.join('.')),
      run: async (text: string) => [
        await timed(`POST ${url}`, () =>
          send({ method: 'POST', url, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(withText(base(), path, text)) }),
        ),
      ],
    }));
  });
}

const capOf = (caps: ReadonlyMap<string, number>, key: string): { cap?: number } => {
  const cap = caps.get(key);
  return cap === undefined ? {} : { cap };
};

function uploadCases(send: Send): StallCase[] {
  const visitorWithToken = async () => {
    const visitor = new Visitor(send);
    await visitor.get('/');
    return visitor;
  };
  const upload = (fileName: string, bytes: () => Uint8Array): StallCase['run'] =>
    async () => {
      const visitor = await visitorWithToken();
      return [await timed(`POST /import ${fileName}`, () => visitor.upload(fileName, bytes()))];
    };
  const answerPaths = leafPaths(answersSchema);
  const answerCaps = textCaps(answersSchema);
  const docx = (item: string) => zipSync({ 'customXml/item1.xml': strToU8(item) }, { level: 1 });
  return [
    { name: 'import .docx customXml/item1.xml is the text', run: (text) => upload('contract.docx', () => docx(text))(text) },
    {
      name: 'import .docx customXml/item1.xml holds the text as an element',
      run: (text) => upload('contract.docx', () => docx(`<?xml version="1.0"?><answers xmlns="urn:freelance-contract-generator:answers:v1">${text}</answers>`))(text),
    },
    { name: 'import .json is the text', run: (text) => upload('answers.json', () => strToU8(text))(text) },
    ...answerPaths.flatMap((path) => [
      {
        name: `import .json ${path.join('.')}`,
        ...capOf(answerCaps, path.join('.')),
        run: (text: string) => upload('answers.json', () => strToU8(JSON.stringify(withText(sampleInput('new-client-fixed'), path, text))))(text),
      },
      {
        name: `import .docx ${path.join('.')}`,
        ...capOf(answerCaps, path.join('.')),
        run: (text: string) => upload('contract.docx', () => docx(answersPartXml(withText(sampleInput('new-client-fixed'), path, text))))(text),
      },
    ]),
  ];
}

/**
 * A draft with every step answered (a sample, imported), so that every form
 * exists: the steps, the letter pages and the invoices page; one draft per
 * sample, since each fee model and each language has questions of its own.
 * Each case posts one form with one field set to the text (the others as
 * the page had them), then opens the review page, which renders what was
 * saved.
 */
async function wizardCases(send: Send): Promise<StallCase[]> {
  const formCaps = wizardFormCaps();
  const cases: StallCase[] = [];
  const seen = new Set<string>();
  for (const sample of [...SAMPLE_NAMES, ...JA_SAMPLE_NAMES]) {
    const visitor = new Visitor(send);
    await visitor.get('/');
    const imported = await visitor.upload('answers.json', strToU8(JSON.stringify(sampleInput(sample))));
    if (imported.status !== 303) throw new Error(`importing ${sample} answered ${imported.status}: ${imported.body.slice(0, 300)}`);
    const review = new URL(imported.location, 'http://app').pathname;
    const base = review.replace(/\/[^/]+$/, '');
    const ofDraft = (html: string) =>
      [...html.matchAll(/href="([^"#?]+)/g)].map((match) => match[1]!.replace(/&amp;/g, '&')).filter((link) => link.startsWith(`${base}/`) && !/\.(?:docx|json|ics)$/.test(link));
    // Every page of the draft reachable from the review page in two clicks: the steps, the follow-up and invoices pages, each letter's page.
    const pages = new Set<string>([review, ...ofDraft((await visitor.get(review)).body)]);
    for (const page of [...pages]) for (const link of ofDraft((await visitor.get(page)).body)) pages.add(link);
    for (const page of pages) {
      if (page.endsWith('/delete')) continue; // deleting the draft would end every later case
      for (const form of formsOf((await visitor.get(page)).body)) {
        if (form.action.endsWith('/delete')) continue;
        const where = form.action.replace(base, '…');
        for (const name of form.fields.keys()) {
          if (seen.has(`${where} ${name}`)) continue;
          seen.add(`${where} ${name}`);
          cases.push({
            name: `wizard ${where}: ${name}`,
            ...capOf(formCaps, name),
            run: async (text) => {
              await visitor.get(page);
              const fields = new Map(form.fields);
              fields.set(name, text);
              const posted = await timed(`POST ${where}`, () => visitor.postForm(form.action, fields));
              const reviewed = await timed('GET …/review', () => visitor.get(review));
              return [posted, reviewed];
            },
          });
        }
      }
    }
  }
  return cases;
}

/**
 * The caps of the wizard's text inputs, by input name: the steps' answers
 * (TEXT_LIMITS), and the letter and invoice forms' fields, named as in their
 * request schemas (`howToPay`, `invoice.number`, `expenses.0.description`).
 */
function wizardFormCaps(): Map<string, number> {
  const caps = new Map(Object.entries(TEXT_LIMITS));
  const nested = [...LETTER_KINDS.map((kind) => letterRequestSchemas[kind]), invoiceRequestSchema];
  for (const schema of nested) {
    for (const [key, cap] of textCaps(schema)) {
      if (key.startsWith('answers.')) continue;
      const inForm = key.replace(/^(?:letter|invoice)\./, '');
      caps.set(inForm, cap);
      caps.set(key, cap);
    }
  }
  return caps;
}

/** Every case: the API's fields, both uploads, every wizard form's fields. */
export async function stallCases(send: Send): Promise<StallCase[]> {
  return [...apiCases(send), ...uploadCases(send), ...(await wizardCases(send))];
}
