// An invoice as an email: the first line is "Subject: ...", so it can be
// pasted into a mail client (or piped to one) as it is; it is a mail header,
// so it stays "Subject:" in every language, and everything after it is in the
// invoice's language. The same tree as the Word file, flattened; text made
// safe the same way.
import { cleanLine, cleanText } from '../answers/text.ts';
import { blockToText } from '../contract/plain-text.ts';
import type { Block } from '../contract/tree.ts';
import type { Invoice, InvoiceLinesTable } from './tree.ts';

export function linesToText(table: InvoiceLinesTable): string {
  return [
    table.caption,
    ...table.lines.map((line) => `${line.number}. ${line.description}: ${line.amount}`),
    ...table.totals.map((row) => `${row.label}: ${row.value}`),
  ].join('\n');
}

export function renderInvoiceText(invoice: Invoice): string {
  const { email } = invoice;
  const lines = [
    // One line whatever was typed: a line break here would start a new mail header.
    `Subject: ${cleanLine(email.subject)}`,
    '',
    email.salutation,
    '',
    email.intro,
    '',
    // The addresses are the email's own salutation and signature: only the details go in the body.
    invoice.head.filter((block): block is Block & { type: 'table' } => block.type === 'table').map(blockToText).join('\n\n'),
    '',
    linesToText(invoice.lines),
    '',
    invoice.notes.map(blockToText).join('\n\n'),
    '',
    email.closing,
    ...email.signature,
  ];
  return `${cleanText(lines.join('\n'))}\n`;
}
