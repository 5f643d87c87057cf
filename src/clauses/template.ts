// Clause templates: Eta for the logic a wording needs (if/else, loops), and a
// tiny markup for structure (blank line = new paragraph, "- " = bullet,
// **bold**, "::name" = a block built in code). The two never mix with user
// text: every value printed by <%= %> is swapped for a numbered slot before
// the markup is read, and comes back afterwards as a plain text run. So a
// client called "**Acme**" or "- <b>" stays exactly that, as text.
import { Eta } from 'eta';
import type { Block, TextRun } from '../contract/tree.ts';

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
    return parseMarkup(output, slots, directives);
  } finally {
    slots = null;
  }
}

function parseMarkup(output: string, values: readonly string[], directives: Readonly<Record<string, DirectiveRenderer>>): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: TextRun[][] = [];
  const flushParagraph = () => {
    const runs = parseInline(paragraph.join(' '), values);
    if (runs.length > 0) blocks.push({ type: 'paragraph', runs });
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
      const render = directives[line.slice(2).trim()];
      if (!render) throw new Error(`unknown block "${line}"`);
      blocks.push(render());
    } else if (line.startsWith('- ')) {
      flushParagraph();
      const runs = parseInline(line.slice(2), values);
      if (runs.length > 0) list.push(runs);
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

/** Reads **bold** in the template's own text, then puts the slot values back as plain runs. */
function parseInline(text: string, values: readonly string[]): TextRun[] {
  const runs: TextRun[] = [];
  text.split('**').forEach((part, index) => {
    const bold = index % 2 === 1;
    let last = 0;
    for (const match of part.matchAll(SLOT)) {
      pushRun(runs, part.slice(last, match.index).replace(TEMPLATE_SPACE, ' '), bold);
      pushRun(runs, values[Number(match[1])] ?? '', bold);
      last = match.index + match[0].length;
    }
    pushRun(runs, part.slice(last).replace(TEMPLATE_SPACE, ' '), bold);
  });
  // Line-edge spaces come from template indentation, not from the wording.
  const first = runs[0];
  if (first) runs[0] = { ...first, text: first.text.trimStart() };
  const lastRun = runs.at(-1);
  if (lastRun) runs[runs.length - 1] = { ...lastRun, text: lastRun.text.trimEnd() };
  return runs.filter((run) => run.text !== '');
}

function pushRun(runs: TextRun[], text: string, bold: boolean) {
  if (text === '') return;
  const previous = runs.at(-1);
  if (previous && Boolean(previous.bold) === bold) {
    runs[runs.length - 1] = { ...previous, text: previous.text + text };
  } else {
    runs.push(bold ? { text, bold: true } : { text });
  }
}

/** Every `it.a.b` path a template reads, for the start-up check against the facts. */
export function referencedPaths(source: string): string[] {
  return [...new Set([...source.matchAll(/\bit((?:\.[A-Za-z_$][\w$]*)+)/g)].map((m) => m[1]!.slice(1)))];
}

export const SLOT_CHARACTERS = /[\uE000\uE001]/;
