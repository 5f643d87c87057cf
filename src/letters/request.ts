// What a letter needs beyond the contract's answers: its date, the invoice
// for the payment letters, the deadline for the final notice. One schema per
// letter kind, so that the API route, the OpenAPI document and the wizard's
// form all enforce the same rule (an invoice is required exactly where the
// letter talks about one).
import { z } from 'zod';
import { amountSuggestion, answersSchema, cleanedUnlessHuge, isoDate, LIMITS, requiredMessage } from '../answers/schema.ts';
import { currencyDigits } from '../answers/money.ts';
import { cleanLine, cleanMultiline } from '../answers/text.ts';
import { formatsFor } from '../language/format.ts';
import { activeLanguage, say, sayLater, type MessageParams } from '../language/messages.ts';
import { unknownField } from '../language/unknown-keys.ts';

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



// The sentences live in the message catalogues (keys `letterRequest.*`) and are
// written when a problem is found, in the language of the check (`inLanguage`),
// like the answers' own (src/answers/schema.ts).
const said = (key: string, params?: MessageParams) => sayLater(`letterRequest.${key}`, params);
/** A date of the letter: `letterRequest.<path>` names it, `letterRequest.<path>.missing` asks for it. */
const dateField = (path: string) => isoDate(said(path), said(`${path}.missing`));
/** A date as the language of the check writes it: "December 1, 2026"; "2026年12月1日". */
const longDate = (iso: string) => formatsFor(activeLanguage()).date(iso);

// The invoice's fields a payment letter asks for by name when it has none.
const INVOICE_FIELDS = ['number', 'amount', 'issuedOn', 'dueDate'] as const;

export const invoiceSchema = z.strictObject(
  {
    number: z
      .string({ error: requiredMessage({ missing: said('invoice.number.missing'), wrong: () => say('answers.mustBeText', { name: say('letterRequest.invoice.number') }) }) })
      .overwrite(cleanedUnlessHuge(cleanLine, LIMITS.invoiceNumber))
      .min(1, { error: said('invoice.number.missing') })
      .max(LIMITS.invoiceNumber, { error: () => say('answers.tooLong', { name: say('letterRequest.invoice.number'), max: LIMITS.invoiceNumber }) }),
    amount: z
      .number({ error: requiredMessage({ missing: said('invoice.amount.missing'), wrong: () => say('answers.number.notNumber', { name: say('letterRequest.invoice.amount'), example: '6,000' }) }) })
      .gt(0, { error: () => say('answers.number.moreThan', { name: say('letterRequest.invoice.amount'), min: 0 }) })
      .lte(1_000_000_000, { error: () => say('answers.number.atMost', { name: say('letterRequest.invoice.amount'), max: (1_000_000_000).toLocaleString('en-US') }) }),
    issuedOn: dateField('invoice.issuedOn'),
    dueDate: dateField('invoice.dueDate'),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? unknownField('letterRequest.invoice') : requiredMessage({ missing: said('invoice.missing'), wrong: said('invoice.wrong') })(issue),
  },
);

const deadlineName = () => say('letterRequest.deadlineDays');
const deadlineRange = () => say('answers.number.between', { name: deadlineName(), min: DEADLINE_DAYS.min, max: DEADLINE_DAYS.max });

function letterFields(kind: LetterKind) {
  return z
    .strictObject(
      {
        date: dateField('date'),
        // The day the freelancer phoned the client: the letter mentions a call only when one was made.
        calledOn: dateField('calledOn').optional(),
        invoice: invoiceSchema.optional(),
        deadlineDays: z
          .number({ error: requiredMessage({ missing: said('deadlineDays.missing'), wrong: () => say('answers.number.notNumber', { name: deadlineName(), example: 10 }) }) })
          .int({ error: () => say('answers.number.whole', { name: deadlineName(), example: 10 }) })
          .gte(DEADLINE_DAYS.min, { error: deadlineRange })
          .lte(DEADLINE_DAYS.max, { error: deadlineRange })
          .optional(),
        // The article's "[payment information]": bank details, a payment link.
        howToPay: z
          .string({ error: () => say('answers.mustBeText', { name: say('letterRequest.howToPay') }) })
          .overwrite(cleanedUnlessHuge(cleanMultiline, LIMITS.paymentMethod))
          .max(LIMITS.paymentMethod, { error: () => say('answers.tooLong', { name: say('letterRequest.howToPay'), max: '1,000' }) })
          .optional(),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys' ? unknownField('letterRequest.letter') : requiredMessage({ missing: said('letter.missing'), wrong: said('letter.wrong') })(issue),
      },
    )
    // `when`: checked even when another field failed, so one pass names every problem; the values are then raw.
    .superRefine((letter, ctx) => {
      const invoice = letter.invoice as Partial<Record<(typeof INVOICE_FIELDS)[number], unknown>> | undefined;
      const calledOn = isoOrUndefined(letter.calledOn);
      const letterDate = isoOrUndefined(letter.date);
      if (calledOn && letterDate && calledOn > letterDate) {
        ctx.addIssue({ code: 'custom', path: ['calledOn'], message: say('letterRequest.calledOn.afterLetter') });
      }
      if (invoice === undefined) {
        // The letter is about an invoice: each of its fields is asked for by name.
        if (INVOICE_LETTERS.includes(kind)) {
          for (const field of INVOICE_FIELDS) ctx.addIssue({ code: 'custom', path: ['invoice', field], message: say(`letterRequest.invoice.${field}.missing`) });
        }
        return;
      }
      // Null has no fields to read. An invoice given as text or a number (refused by its own check) reads each
      // field as undefined, which every comparison below skips, so it needs no test of its own here.
      if (invoice === null) return;
      const date = isoOrUndefined(letter.date);
      const issuedOn = isoOrUndefined(invoice.issuedOn);
      const dueDate = isoOrUndefined(invoice.dueDate);
      if (dueDate && issuedOn && dueDate < issuedOn) {
        ctx.addIssue({ code: 'custom', path: ['invoice', 'dueDate'], message: say('letterRequest.invoice.dueDate.beforeInvoice') });
      }
      if (date && issuedOn && date < issuedOn) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: say('letterRequest.date.beforeInvoice') });
      } else if (date && dueDate && OVERDUE_LETTERS.includes(kind) && date <= dueDate) {
        ctx.addIssue({ code: 'custom', path: ['date'], message: say('letterRequest.date.notLate', { date: longDate(dueDate) }) });
      }
    }, { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) });
}

const isoOrUndefined = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined);

function requestSchema(kind: LetterKind) {
  return z
    .strictObject(
      { answers: answersSchema, letter: letterFields(kind) },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownField('letterRequest.request') : say('letterRequest.request.wrong')) },
    )
    .superRefine((request, ctx) => {
      // Nothing under a contract happens before it takes effect.
      const effective = request.answers.effectiveDate;
      const date = longDate(effective);
      if (request.letter.date < effective) {
        ctx.addIssue({ code: 'custom', path: ['letter', 'date'], message: say('letterRequest.date.beforeEffective', { date }) });
      }
      if (request.letter.calledOn && request.letter.calledOn < effective) {
        ctx.addIssue({ code: 'custom', path: ['letter', 'calledOn'], message: say('letterRequest.calledOn.beforeEffective', { date }) });
      }
      const invoice = request.letter.invoice;
      if (!invoice) return;
      if (invoice.issuedOn < effective) {
        ctx.addIssue({ code: 'custom', path: ['letter', 'invoice', 'issuedOn'], message: say('letterRequest.invoice.issuedOn.beforeEffective', { date }) });
      }
      const currency = request.answers.fee.currency;
      const digits = currencyDigits(currency);
      if (Math.round(invoice.amount * 10 ** digits) / 10 ** digits !== invoice.amount) {
        ctx.addIssue({
          code: 'custom',
          path: ['letter', 'invoice', 'amount'],
          message: digits === 0
            ? say('letterRequest.invoice.amount.wholeNumber', { currency: formatsFor(activeLanguage()).currencyName(currency), suggestion: amountSuggestion(invoice.amount, currency) })
            : say('letterRequest.invoice.amount.decimals', { digits, suggestion: amountSuggestion(invoice.amount, currency) }),
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
