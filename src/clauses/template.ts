// Clause templates: Eta for the logic a wording needs (if/else, loops), and a
// tiny markup for structure (blank line = new paragraph, "- " = bullet,
// **bold**, "::name" = a block built in code). The two never mix with user
// text: every value printed by <%= %> is swapped for a numbered slot before
// the markup is read, and comes back afterwards as a plain text run. So a
// client called "**Acme**" or "- <b>" stays exactly that, as text.
import { Eta } from 'eta';
import type { Block, TextRun } from '../contract/tree.ts';
import { typographicQuotes } from './typography.ts';

const SLOT_OPEN = '\uE000';
const SLOT_CLOSE = '\uE001';
const SLOT = /\uE000(\d+)\uE001/g;

// Rendering is synchronous, so the slots of the template being rendered can
// live here for the duration of one render call.
let slots: string[] | null = null;

// Our own instance: @fastify/view configures the one it is given for pages.
const clauseEta = new Eta({
  autoEscape: true,
  escapeFunction: (value: unknown) => {
    if (!slots) throw new Error('clause templates are rendered through renderClause()');
    slots.push(String(value ?? ''));
    return `${SLOT_OPEN}${slots.length - 1}${SLOT_CLOSE}`;
  },
  // No automatic trimming: a printed value at the end of a line must keep
  // its line break. Lines holding only control tags are removed instead
  // (see compileTemplate), which is what a person editing a clause expects.
  autoTrim: false,
  useWith: false,
  varName: 'it',
  cache: false,
});

export type CompiledTemplate = ReturnType<Eta['compile']>;

// A line that holds nothing but one or more <% %> control tags (no output).
const CONTROL_LINE = /^[ \t]*((?:<%(?![=~])(?:(?!%>)[^\n])*%>[ \t]*)+)\r?\n/gm;

export function compileTemplate(source: string): CompiledTemplate {
  return clauseEta.compile(source.replace(CONTROL_LINE, (_line, tags: string) => tags.trim()));
}

/** A block whose content is computed in code (the parties table, the fee table, signatures). */
export type DirectiveRenderer = () => Block;

export function renderClause(
  template: CompiledTemplate,
  data: object,
  directives: Readonly<Record<string, DirectiveRenderer>>,
): Block[] {
  slots = [];
  try {
    const output = clauseEta.render(template, data);
    return buildBlocks(planFor(template, output), slots, directives);
  } finally {
    slots = null;
  }
}

// ---------------------------------------------------------------------------
// The markup is read once per shape. A template's output with its values
// swapped for numbered slots (its "skeleton") depends only on which branches
// its logic took and how often its loops ran, never on what the values say;
// so the blocks it describes are worked out the first time a skeleton is
// seen, kept as a plan, and filled with each contract's values after that.

/** A piece of a paragraph or list item: the template's own words, or the value printed into a slot. */
type Piece = { readonly text: string; readonly bold: boolean } | { readonly slot: number; readonly bold: boolean };

type PlannedBlock =
  | { readonly type: 'paragraph'; readonly pieces: readonly Piece[] }
  | { readonly type: 'list'; readonly items: readonly (readonly Piece[])[] }
  | { readonly type: 'directive'; readonly name: string; readonly line: string };

const plans = new Map<string, readonly PlannedBlock[]>();
/**
 * Skeletons differ only by branch and loop count (at most 50 deliverables),
 * so a library has a few hundred; past this many, plans are made and not
 * kept, so memory stays bounded whatever comes in.
 */
const MAX_PLANS = 4_096;

/**
 * The skeleton each template produced last, with its plan. Most contracts
 * take a template's usual branches, and comparing the new skeleton with the
 * last one costs less than hashing it (a few kilobytes) for the map.
 */
const lastPlans = new WeakMap<CompiledTemplate, { readonly skeleton: string; readonly plan: readonly PlannedBlock[] }>();

function planFor(template: CompiledTemplate, skeleton: string): readonly PlannedBlock[] {
  const last = lastPlans.get(template);
  if (last?.skeleton === skeleton) return last.plan;
  let plan = plans.get(skeleton);
  if (!plan) {
    plan = planMarkup(skeleton);
    if (plans.size < MAX_PLANS) plans.set(skeleton, plan);
  }
  lastPlans.set(template, { skeleton, plan });
  return plan;
}

function planMarkup(output: string): PlannedBlock[] {
  const blocks: PlannedBlock[] = [];
  let paragraph: string[] = [];
  let list: Piece[][] = [];
  const flushParagraph = () => {
    const pieces = planInline(paragraph.join(' '));
    if (pieces.length > 0) blocks.push({ type: 'paragraph', pieces });
    paragraph = [];
  };
  const flushList = () => {
    if (list.length > 0) blocks.push({ type: 'list', items: list });
    list = [];
  };
  for (const rawLine of output.split('\n')) {
    const line = rawLine.trim();
    if (line === '') {
      flushParagraph();
      flushList();
    } else if (line.startsWith('::')) {
      flushParagraph();
      flushList();
      blocks.push({ type: 'directive', name: line.slice(2).trim(), line });
    } else if (line.startsWith('- ')) {
      flushParagraph();
      const pieces = planInline(line.slice(2));
      if (pieces.length > 0) list.push(pieces);
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}

// Runs of ASCII white space in a template collapse to one space; the
// ideographic space (U+3000) is wording, as Japanese uses it to set a seal
// mark apart from a name, and stays.
const TEMPLATE_SPACE = /[ \t\r\n\f\v]+/g;

/** Reads **bold** in the template's own text; slots stay slots, to be filled per contract. */
function planInline(text: string): Piece[] {
  const pieces: Piece[] = [];
  // What precedes each piece of wording, for its quotes: a value ends a word like a letter does.
  let before = '';
  const words = (value: string, bold: boolean) => {
    if (value === '') return;
    pieces.push({ text: typographicQuotes(value, before), bold });
    before = value.at(-1)!;
  };
  text.split('**').forEach((part, index) => {
    const bold = index % 2 === 1;
    let last = 0;
    for (const match of part.matchAll(SLOT)) {
      words(part.slice(last, match.index).replace(TEMPLATE_SPACE, ' '), bold);
      pieces.push({ slot: Number(match[1]), bold });
      before = 'x';
      last = match.index + match[0].length;
    }
    words(part.slice(last).replace(TEMPLATE_SPACE, ' '), bold);
  });
  return pieces;
}

function buildBlocks(plan: readonly PlannedBlock[], values: readonly string[], directives: Readonly<Record<string, DirectiveRenderer>>): Block[] {
  const blocks: Block[] = [];
  for (const planned of plan) {
    if (planned.type === 'directive') {
      const render = directives[planned.name];
      if (!render) throw new Error(`unknown block "${planned.line}"`);
      blocks.push(render());
    } else if (planned.type === 'paragraph') {
      const runs = fillRuns(planned.pieces, values);
      if (runs.length > 0) blocks.push({ type: 'paragraph', runs });
    } else {
      const items = planned.items.map((item) => fillRuns(item, values)).filter((runs) => runs.length > 0);
      if (items.length > 0) blocks.push({ type: 'list', items });
    }
  }
  return blocks;
}

/** The pieces as text runs: neighbours of the same weight joined, the values put back as plain text. */
function fillRuns(pieces: readonly Piece[], values: readonly string[]): TextRun[] {
  const runs: TextRun[] = [];
  let text = '';
  let bold = false;
  for (const piece of pieces) {
    const value = 'text' in piece ? piece.text : (values[piece.slot] ?? '');
    if (value === '') continue;
    if (text !== '' && piece.bold === bold) {
      text += value;
    } else {
      if (text !== '') runs.push(run(text, bold));
      text = value;
      bold = piece.bold;
    }
  }
  if (text !== '') runs.push(run(text, bold));
  // Line-edge spaces come from template indentation, not from the wording.
  // Runs are rebuilt only when there is something to trim: this runs for
  // every paragraph of every contract.
  const first = runs[0];
  if (first && first.text !== first.text.trimStart()) runs[0] = run(first.text.trimStart(), first.bold === true);
  const lastRun = runs.at(-1);
  if (lastRun && lastRun.text !== lastRun.text.trimEnd()) runs[runs.length - 1] = run(lastRun.text.trimEnd(), lastRun.bold === true);
  return runs[0]?.text === '' || runs.at(-1)?.text === '' ? runs.filter((one) => one.text !== '') : runs;
}

const run = (text: string, bold: boolean): TextRun => (bold ? { text, bold: true } : { text });

/** Every `it.a.b` path a template reads, for the start-up check against the facts. */
export function referencedPaths(source: string): string[] {
  return [...new Set([...source.matchAll(/\bit((?:\.[A-Za-z_$][\w$]*)+)/g)].map((m) => m[1]!.slice(1)))];
}

export const SLOT_CHARACTERS = /[\uE000\uE001]/;
