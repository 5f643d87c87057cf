// The contract as plain text: for the JSON API's clause text, golden samples
// and tests. Not a renderer a user downloads; the same tree, flattened.
import { signatureLines } from '../render/page.ts';
import type { Block, Section } from './tree.ts';

/** A line to write on. */
const BLANK = '____________________';

export function blockToText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.runs.map((run) => run.text).join('');
    case 'list':
      return block.items.map((item) => `- ${item.map((run) => run.text).join('')}`).join('\n');
    case 'table':
      return [block.caption, ...block.rows.map((row) => `${row.label}: ${row.value}`)].join('\n');
    case 'parties':
      return block.parties
        .map((p) => [`${p.role}: ${p.name}${p.business ? `, ${p.business}` : ''}`, p.address, `Email: ${p.email}`, `Phone: ${p.phone}`].join('\n'))
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

export function sectionToText(section: Pick<Section, 'blocks'>): string {
  return section.blocks.map(blockToText).join('\n\n');
}
