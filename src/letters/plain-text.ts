// A letter as the body of an email: the first line is "Subject: ...", so it
// can be pasted into a mail client (or piped to one) as it is. The same tree
// as the Word file, flattened; the text is made safe the same way (no
// character XML 1.0 forbids, line breaks kept as \n).
import { cleanLine, cleanText } from '../answers/text.ts';
import { blockToText } from '../contract/plain-text.ts';
import type { Letter } from '../contract/tree.ts';

export function renderLetterText(letter: Letter): string {
  const { signature, sender } = letter;
  // An email opens and closes in its own register where the language has one (Japanese: no 拝啓 … 敬具).
  const { salutation, closing } = letter.email ?? letter;
  const lines = [
    // One line whatever was typed: a line break here would start a new mail header.
    `Subject: ${cleanLine(letter.subject)}`,
    '',
    salutation,
    '',
    letter.blocks.map(blockToText).join('\n\n'),
    '',
    closing,
    signature.name,
    ...(signature.business ? [signature.business] : []),
    `${sender.email} | ${sender.phone}`,
    ...(letter.enclosures?.length ? ['', ...letter.enclosures] : []),
  ];
  return `${cleanText(lines.join('\n'))}\n`;
}
