// The contract as plain text: for the JSON API's clause text, golden samples
// and tests. Not a renderer a user downloads; the same tree, flattened.
import type { Language } from '../answers/schema.ts';
import { clauseNumberingFor, numberLabel } from '../render/clause-numbering.ts';
import { signatureLines } from '../render/page.ts';
import type { Block, Section } from './tree.ts';

/** A list's items as Word prints them: bullets ("- " here, for Word's •), or numbered from `first` where the language numbers them (号, "(1)　"). */
function listToText(items: readonly (readonly { text: string }[])[], itemPattern: string | undefined, first = 1): string {
  return items
    .map((item, index) => `${itemPattern ? numberLabel(itemPattern, 0, 0, first + index) : '- '}${item.map((run) => run.text).join('')}`)
    .join('\n');
}

/** A line to write on. */
const BLANK = '____________________';

export function blockToText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.runs.map((run) => run.text).join('');
    case 'list':
      return listToText(block.items, undefined);
    case 'table':
      return [block.caption, ...block.rows.map((row) => `${row.label}: ${row.value}`)].join('\n');
    case 'parties':
      return block.parties
        .map((p) => [`${p.role}: ${p.name}${p.business ? `, ${p.business}` : ''}`, p.address, `Email: ${p.email}`, `Phone: ${p.phone}`, ...(p.vatNumber ? [`VAT number: ${p.vatNumber}`] : [])].join('\n'))
        .join('\n\n');
    case 'signatures':
      // The lines of the Word file's block, in its order (render/page.ts, signatureLines): the party bound,
      // then Signature, Name (filled when a person signs for a business, a blank to fill otherwise), Title, Date.
      return block.parties
        .map((p) => {
          const { bound, signer } = signatureLines(p);
          return [
            p.role,
            bound,
            `Signature: ${p.signed ? `${p.signed.mark} (${p.signed.method})` : BLANK}`,
            `Name: ${signer || BLANK}`,
            `Title: ${p.title ?? BLANK}`,
            `Date: ${p.signed?.date ?? BLANK}`,
          ].join('\n');
        })
        .join('\n\n');
  }
}

/**
 * Blocks of one clause as text, numbered as the Word file numbers them (issue 23): in a
 * language whose lists are items (Japanese 号), "(1)　…", counted as Word counts the clause
 * list's third level, from 1 at the clause's start and again after each numbered point.
 */
export function blocksToText(blocks: readonly Block[], language?: Language): string {
  const numbering = clauseNumberingFor(language);
  let next = 1;
  return blocks
    .map((block) => {
      if (block.type === 'paragraph' && block.point !== undefined && block.point >= numbering.firstNumberedPoint) next = 1;
      if (block.type !== 'list' || !numbering.item) return blockToText(block);
      const text = listToText(block.items, numbering.item, next);
      next += block.items.length;
      return text;
    })
    .join('\n\n');
}

/** A clause as text; an English contract's numbering (bullets) unless a language is given with `blocksToText`. */
export function sectionToText(section: Pick<Section, 'blocks'>): string {
  return blocksToText(section.blocks);
}
