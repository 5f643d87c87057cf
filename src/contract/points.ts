// A clause's paragraphs numbered as points (7.1, 7.2; in Japanese 2, 3 after
// an article's first paragraph), so a paragraph can be cited. Word counts
// them itself (render/docx*.ts give each point a second numbering level
// under the clause heading); the tree says which paragraphs are points, so
// the Word file and the HTML preview number the same paragraphs.
import type { Block, Paragraph } from './tree.ts';

/**
 * A paragraph after a list that starts in lower case ("each a “Party”. Their
 * addresses ... are:") finishes the sentence that introduced the list: it is
 * part of that point, not a point of its own.
 */
function continuesSentence(paragraph: Paragraph): boolean {
  const first = paragraph.runs[0]?.text.charAt(0) ?? '';
  return first !== first.toUpperCase() && first === first.toLowerCase();
}

/** A paragraph that ends with a colon introduces what follows it: "... (the “Project”):" and then the project's description. */
function introducesNext(block: Block | undefined): boolean {
  return block?.type === 'paragraph' && /:\s*$/.test(block.runs.at(-1)?.text ?? '');
}

/**
 * The clause's blocks with its points numbered. A clause of one paragraph
 * has no points: it is cited as the clause. A paragraph a colon introduces is
 * part of the point before it, so 2.1 never ends with a colon and leaves its
 * sentence's end to 2.2.
 */
export function numberPoints(blocks: readonly Block[]): readonly Block[] {
  const continues = blocks.map(
    (block, index) =>
      block.type === 'paragraph' &&
      ((blocks[index - 1]?.type === 'list' && continuesSentence(block)) || introducesNext(blocks[index - 1])),
  );
  let points = 0;
  blocks.forEach((block, index) => {
    if (block.type === 'paragraph' && !continues[index]) points++;
  });
  if (points < 2) return blocks;
  let point = 0;
  // Written out, not spread ({ ...block, point }): V8 clones objects slowly, and this runs for every paragraph of every contract.
  return blocks.map((block, index): Block => {
    if (block.type !== 'paragraph') return block;
    return continues[index] ? { type: 'paragraph', runs: block.runs, continuesPoint: true } : { type: 'paragraph', runs: block.runs, point: ++point };
  });
}
