// The contract as plain text: for the JSON API's clause text, golden samples
// and tests. Not a renderer a user downloads; the same tree, flattened.
import type { Block, Section } from './tree.ts';

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
      return block.parties
        .map((p) => [
            `${p.role}: ${p.name}${p.business ? `, for ${p.business}` : ''}`,
            `Signature: ${p.signed ? `${p.signed.mark} (${p.signed.method})` : '____________________'}`,
            `Title: ${p.title ?? '____________________'}`,
            `Date: ${p.signed?.date ?? '____________________'}`,
          ].join('\n'))
        .join('\n\n');
  }
}

export function sectionToText(section: Pick<Section, 'blocks'>): string {
  return section.blocks.map(blockToText).join('\n\n');
}
