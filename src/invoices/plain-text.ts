// An invoice as an email: the first line is "Subject: ...", so it can be
// pasted into a mail client (or piped to one) as it is. The same tree as the
// Word file, flattened; text made safe the same way.
import { cleanLine, cleanText } from '../answers/text.ts';
import { blockToText } from '../contract/plain-text.ts';
import type { Invoice, InvoiceLinesTable } from './tree.ts';

export function linesToText(table: InvoiceLinesTable): string {
  return [
    table.caption,
    ...table.lines.map((line) => `${line.number}. ${line.description}: ${line.amount}`),
    ...table.totals.map((row) => `${row.label}: ${row.value}`),
  ].join('\n');
}

export function renderInvoiceText(invoice: Invoice): string {
  const { signature } = invoice;
  const lines = [
    // One line whatever was typed: a line break here would start a new mail header.
    `Subject: ${cleanLine(invoice.subject)}`,
    '',
    invoice.salutation,
    '',
    `Please find below invoice ${invoice.number} (${invoice.subtitle}).`,
    '',
    blockToText(invoice.details),
    '',
    linesToText(invoice.lines),
    '',
    invoice.notes.map(blockToText).join('\n\n'),
    '',
    'Best regards,',
    signature.name,
    ...(signature.business ? [signature.business] : []),
    `${signature.email} | ${signature.phone}`,
  ];
  return `${cleanText(lines.join('\n'))}\n`;
}
