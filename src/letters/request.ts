// What a letter needs beyond the contract's answers: its date, the invoice
// for the payment letters, the deadline for the final notice. One schema per
// letter kind, so that the API route, the OpenAPI document and the wizard's
// form all enforce the same rule (an invoice is required exactly where the
// letter talks about one).
import { z } from 'zod';
import { answersSchema, isoDate, requiredMessage } from '../answers/schema.ts';
import { currencyDigits } from '../answers/money.ts';
import { cleanLine, cleanMultiline } from '../answers/text.ts';

export const LETTER_KINDS = ['final-check-in', 'work-paused', 'payment-reminder', 'late-notice', 'final-notice'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The letters about an unpaid invoice: they cannot be written without one. */
export const INVOICE_LETTERS: readonly LetterKind[] = ['payment-reminder', 'late-notice', 'final-notice'];
/** The letters that only make sense once the invoice is overdue. */
export const OVERDUE_LETTERS: readonly LetterKind[] = ['late-notice', 'final-notice'];

export function isLetterKind(kind: string): kind is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(kind);
}

/** The article: anywhere from 5 business days to 30 calendar days. */
export const DEADLINE_DAYS = { min: 5, max: 30, default: 10 } as const;



export const invoiceSchema = z.strictObject(
  {
    number: z
      .string({ error: requiredMessage('Invoice number', 'text') })
      .overwrite(cleanLine)
      .min(1, { error: 'Invoice number is required.' })
      .max(60, { error: 'Invoice number is too long: keep it under 60 characters.' }),
    amount: z
      .number({ error: requiredMessage('Invoice amount', 'a number') })
      .gt(0, { error: 'Invoice amount must be more than 0.' })
      .lte(1_000_000_000, { error: 'Invoice amount must be at most 1,000,000,000.' }),
    issuedOn: isoDate('Invoice date'),
    dueDate: isoDate('Invoice due date'),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'This field is not part of an invoice; check its spelling.' : requiredMessage('The invoice', 'an object')(issue)) },
);

function letterFields(kind: LetterKind) {
  return z
    .strictObject(
      {
        date: isoDate('Letter date'),
        invoice: invoiceSchema.optional(),
        deadlineDays: z
          .number({ error: requiredMessage('Days to pay before legal action', 'a number') })
          .int({ error: 'Days to pay before legal action must be a whole number.' })
          .gte(DEADLINE_DAYS.min, { error: `Give the client at least ${DEADLINE_DAYS.min} days to pay.` })
          .lte(DEADLINE_DAYS.max, { error: `Give the client at most ${DEADLINE_DAYS.max} days to pay.` })
          .optional(),
        // The article's "[payment information]": bank details, a payment link.
        howToPay: z
          .string({ error: requiredMessage('How to pay', 'text') })
          .overwrite(cleanMultiline)
          .max(1000, { error: 'How to pay is too long: keep it under 1,000 characters.' })
          .optional(),
      },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? 'This field is not part of the letter; check its spelling.' : requiredMessage('The letter section', 'an object')(issue)) },
    )
    .superRefine((letter, ctx) => {
      const { invoice } = letter;
      if (!invoice) {
        if (INVOICE_LETTERS.includes(kind)) {
          ctx.addIssue({ code: 'custom', path: ['invoice'], message: `The ${kind} letter is about an invoice: give its number, amount, issue date and due date.` });
        }
        return;
      }
      if (invoice.dueDate < invoice.issuedOn) {
        ctx.addIssue({ code: 'custom', path: ['invoice', 'dueDate'], message: 'The due date cannot be before the invoice date.' });
      }
      if (letter.date < invoice.issuedOn) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: 'The letter cannot be dated before the invoice it is about.' });
      }
      if (OVERDUE_LETTERS.includes(kind) && letter.date <= invoice.dueDate) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: `A ${kind} is sent after the invoice's due date; date it later than ${invoice.dueDate}.` });
      }
    });
}

function requestSchema(kind: LetterKind) {
  return z
    .strictObject(
      { answers: answersSchema, letter: letterFields(kind) },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? 'Send only "answers" and "letter".' : 'The request must be a JSON object with "answers" and "letter".') },
    )
    .superRefine((request, ctx) => {
      const invoice = request.letter.invoice;
      if (!invoice) return;
      const currency = request.answers.fee.currency;
      const digits = currencyDigits(currency);
      if (Math.round(invoice.amount * 10 ** digits) / 10 ** digits !== invoice.amount) {
        ctx.addIssue({
          code: 'custom',
          path: ['letter', 'invoice', 'amount'],
          message: digits === 0 ? `${currency} amounts have no decimals: use a whole number.` : `${currency} amounts have at most ${digits} decimals.`,
        });
      }
    });
}

export const letterRequestSchemas = Object.fromEntries(LETTER_KINDS.map((kind) => [kind, requestSchema(kind)])) as {
  readonly [K in LetterKind]: ReturnType<typeof requestSchema>;
};

export type LetterRequestInput = z.input<ReturnType<typeof requestSchema>>;
export type LetterRequest = z.output<ReturnType<typeof requestSchema>>;
export type Invoice = z.output<typeof invoiceSchema>;
