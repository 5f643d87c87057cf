// What a letter needs beyond the contract's answers: its date, the invoice
// for the payment letters, the deadline for the final notice. One schema per
// letter kind, so that the API route, the OpenAPI document and the wizard's
// form all enforce the same rule (an invoice is required exactly where the
// letter talks about one).
import { z } from 'zod';
import { answersSchema, isoDate, requiredMessage } from '../answers/schema.ts';
import { formatLongDate } from '../answers/dates.ts';
import { currencyDigits, currencyName } from '../answers/money.ts';
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



const INVOICE_MISSING = {
  number: 'Enter the invoice number',
  amount: 'Enter the invoice amount, like 6,000',
  issuedOn: 'Enter the invoice date',
  dueDate: 'Enter the invoice due date',
} as const;

export const invoiceSchema = z.strictObject(
  {
    number: z
      .string({ error: requiredMessage('Invoice number', 'text') })
      .overwrite(cleanLine)
      .min(1, { error: 'Enter the invoice number' })
      .max(60, { error: 'Invoice number must be 60 characters or fewer' }),
    amount: z
      .number({ error: requiredMessage({ name: 'Invoice amount', missing: 'Enter the invoice amount, like 6,000', wrong: 'Invoice amount must be a number, like 6,000' }) })
      .gt(0, { error: 'Invoice amount must be more than 0' })
      .lte(1_000_000_000, { error: 'Invoice amount must be 1,000,000,000 or less' }),
    issuedOn: isoDate('Invoice date'),
    dueDate: isoDate('Invoice due date'),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'This field is not part of an invoice; check its spelling.' : requiredMessage({ name: 'The invoice', missing: 'Enter the invoice', wrong: 'The invoice must be an object' })(issue)) },
);

function letterFields(kind: LetterKind) {
  return z
    .strictObject(
      {
        date: isoDate('Date of the letter', 'Enter the date of the letter'),
        // The day the freelancer phoned the client: the letter mentions a call only when one was made.
        calledOn: isoDate('Date you called the client').optional(),
        invoice: invoiceSchema.optional(),
        deadlineDays: z
          .number({ error: requiredMessage({ name: 'Days to pay', missing: 'Enter the days to pay before legal action, like 10', wrong: 'Days to pay must be a number, like 10' }) })
          .int({ error: 'Days to pay must be a whole number, like 10' })
          .gte(DEADLINE_DAYS.min, { error: `Days to pay must be between ${DEADLINE_DAYS.min} and ${DEADLINE_DAYS.max}` })
          .lte(DEADLINE_DAYS.max, { error: `Days to pay must be between ${DEADLINE_DAYS.min} and ${DEADLINE_DAYS.max}` })
          .optional(),
        // The article's "[payment information]": bank details, a payment link.
        howToPay: z
          .string({ error: requiredMessage('How to pay', 'text') })
          .overwrite(cleanMultiline)
          .max(1000, { error: 'How to pay must be 1,000 characters or fewer' })
          .optional(),
      },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? 'This field is not part of the letter; check its spelling.' : requiredMessage({ name: 'The letter', missing: 'Enter the letter: its date at least', wrong: 'The letter must be an object with its date' })(issue)) },
    )
    // `when`: checked even when another field failed, so one pass names every problem; the values are then raw.
    .superRefine((letter, ctx) => {
      const invoice = letter.invoice as Partial<Record<keyof typeof INVOICE_MISSING, unknown>> | undefined;
      const calledOn = isoOrUndefined(letter.calledOn);
      const letterDate = isoOrUndefined(letter.date);
      if (calledOn && letterDate && calledOn > letterDate) {
        ctx.addIssue({ code: 'custom', path: ['calledOn'], message: 'Enter a call date on or before the date of the letter' });
      }
      if (invoice === undefined) {
        // The letter is about an invoice: each of its fields is asked for by name.
        if (INVOICE_LETTERS.includes(kind)) {
          for (const [field, message] of Object.entries(INVOICE_MISSING)) ctx.addIssue({ code: 'custom', path: ['invoice', field], message });
        }
        return;
      }
      if (typeof invoice !== 'object' || invoice === null) return;
      const date = isoOrUndefined(letter.date);
      const issuedOn = isoOrUndefined(invoice.issuedOn);
      const dueDate = isoOrUndefined(invoice.dueDate);
      if (dueDate && issuedOn && dueDate < issuedOn) {
        ctx.addIssue({ code: 'custom', path: ['invoice', 'dueDate'], message: 'Enter a due date on or after the invoice date' });
      }
      if (date && issuedOn && date < issuedOn) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: 'Enter a date for the letter on or after the invoice date' });
      } else if (date && dueDate && OVERDUE_LETTERS.includes(kind) && date <= dueDate) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: `Enter a date for the letter after the invoice’s due date, ${formatLongDate(dueDate)}: this letter is about a late invoice` });
      }
    }, { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) });
}

const isoOrUndefined = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined);

function requestSchema(kind: LetterKind) {
  return z
    .strictObject(
      { answers: answersSchema, letter: letterFields(kind) },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? 'Send only "answers" and "letter".' : 'The request must be a JSON object with "answers" and "letter".') },
    )
    .superRefine((request, ctx) => {
      // Nothing under a contract happens before it takes effect.
      const effective = request.answers.effectiveDate;
      const onOrAfter = `on or after the contract's effective date, ${formatLongDate(effective)}`;
      if (request.letter.date < effective) {
        ctx.addIssue({ code: 'custom', path: ['letter', 'date'], message: `Enter a date for the letter ${onOrAfter}` });
      }
      if (request.letter.calledOn && request.letter.calledOn < effective) {
        ctx.addIssue({ code: 'custom', path: ['letter', 'calledOn'], message: `Enter a call date ${onOrAfter}` });
      }
      const invoice = request.letter.invoice;
      if (!invoice) return;
      if (invoice.issuedOn < effective) {
        ctx.addIssue({ code: 'custom', path: ['letter', 'invoice', 'issuedOn'], message: `Enter an invoice date ${onOrAfter}` });
      }
      const currency = request.answers.fee.currency;
      const digits = currencyDigits(currency);
      if (Math.round(invoice.amount * 10 ** digits) / 10 ** digits !== invoice.amount) {
        ctx.addIssue({
          code: 'custom',
          path: ['letter', 'invoice', 'amount'],
          message: digits === 0
            ? `Enter the invoice amount as a whole number: ${currencyName(currency)} amounts have no decimals`
            : `Enter the invoice amount with at most ${digits} decimals`,
        });
      }
    }, { when: (payload) => payload.issues.length === 0 }); // the dates it compares must each be valid first
}

export const letterRequestSchemas = Object.fromEntries(LETTER_KINDS.map((kind) => [kind, requestSchema(kind)])) as {
  readonly [K in LetterKind]: ReturnType<typeof requestSchema>;
};

export type LetterRequestInput = z.input<ReturnType<typeof requestSchema>>;
export type LetterRequest = z.output<ReturnType<typeof requestSchema>>;
export type Invoice = z.output<typeof invoiceSchema>;
