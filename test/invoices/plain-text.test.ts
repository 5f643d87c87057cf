// The invoice as an email (src/invoices/plain-text.ts), read whole: what a
// client sees pasted into a mail, every line written out here by hand from the
// sample contract (a $12,000 fixed price, 50% deposit, 14 days to pay).
import { describe, expect, it } from 'vitest';
import { assembleInvoice } from '../../src/invoices/assemble.ts';
import { renderInvoiceText } from '../../src/invoices/plain-text.ts';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import { sampleInput } from '../helpers/samples.ts';

describe('an invoice as an email', () => {
  it('is the subject, the salutation, the details, each numbered line and the total, the notes and the signature, in that order', () => {
    const invoice = assembleInvoice(
      invoiceRequestSchema.parse({
        answers: sampleInput('new-client-fixed'),
        invoice: {
          kind: 'balance',
          number: 'INV-7',
          issuedOn: '2027-03-20',
          expenses: [
            { description: 'Stock photos', amount: 120 },
            { description: 'Fonts', amount: 80 },
          ],
        },
      }),
    );
    // The Word file's head also has the two addresses; the email leaves them to its salutation and signature.
    expect(invoice.head.some((block) => block.type !== 'table')).toBe(true);
    expect(renderInvoiceText(invoice)).toBe(
      [
        'Subject: Invoice INV-7: Harbor Coffee website redesign, $6,200.00 due by April 3, 2027',
        '',
        'Dear Priya Natarajan,',
        '',
        'Please find below invoice INV-7 (Balance invoice: Harbor Coffee website redesign).',
        '',
        'Invoice details',
        'Invoice number: INV-7',
        'Invoice date: March 20, 2027',
        'Due: By April 3, 2027 (14 days after the invoice date)',
        'Project: Harbor Coffee website redesign',
        'Agreement: Freelance Services Agreement effective December 1, 2026',
        '',
        'Invoice INV-7 (USD)',
        '1. Balance of the $12,000.00 price, less the $6,000.00 deposit: $6,000.00',
        '2. Expense at cost: Stock photos: $120.00',
        '3. Expense at cost: Fonts: $80.00',
        'Total due: $6,200.00',
        '',
        'Payment is due by April 3, 2027 (14 days after the invoice date).',
        '',
        'How to pay: ask Jordan Lee at jordan@leestudio.example or +1 503 555 0142 for payment details.',
        '',
        'Please quote invoice INV-7 with your payment.',
        '',
        'Best regards,',
        'Jordan Lee',
        'Lee Studio LLC',
        'jordan@leestudio.example | +1 503 555 0142',
        '',
      ].join('\n'),
    );
  });
});
