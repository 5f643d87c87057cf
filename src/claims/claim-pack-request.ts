// What the claim pack needs beyond the contract's answers: the invoices made
// for the draft (as POST /api/invoices takes them), the letters sent (as the
// letter routes take them, with their kind), the payments the client made,
// and the day the statement is drawn up to. Each invoice and letter is checked
// by its own schema against the answers, so a problem is reported at the
// field the client would change (`invoices.1.issuedOn`, `letters.0.letter.date`).
import { z } from 'zod';
import { answersSchema, cleanedUnlessHuge, isoDate, LIMITS } from '../answers/schema.ts';
import { currencyDigits } from '../answers/money.ts';
import { cleanLine } from '../answers/text.ts';
import { invoiceFieldsSchema, invoiceRequestSchema } from '../invoices/request.ts';
import { LETTER_KINDS, letterRequestSchemas } from '../letters/request.ts';
import { say, sayLater } from '../language/messages.ts';
import { unknownField } from '../language/unknown-keys.ts';

/** Enough for a long retainer and its letters; the pack is one request, rendered at once. */
export const CLAIM_PACK_LIMITS = { invoices: 24, letters: 24, payments: 100 } as const;

const said = (key: string) => sayLater(`claimPack.${key}`);
const dateField = (path: string) => isoDate(said(path), said(`${path}.missing`));

export const paymentSchema = z.strictObject(
  {
    date: dateField('payment.date'),
    amount: z
      .number({ error: said('payment.amount.missing') })
      .gt(0, { error: () => say('answers.number.moreThan', { name: say('claimPack.payment.amount'), min: 0 }) })
      .lte(LIMITS.amount, { error: () => say('answers.number.atMost', { name: say('claimPack.payment.amount'), max: LIMITS.amount.toLocaleString('en-US') }) }),
    invoice: z
      .string({ error: said('payment.invoice.missing') })
      .overwrite(cleanedUnlessHuge(cleanLine, LIMITS.invoiceNumber))
      .min(1, { error: said('payment.invoice.missing') })
      .max(LIMITS.invoiceNumber, { error: said('payment.invoice.unknown') }),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownField('claimPack.payment') : say('claimPack.payment.wrong')) },
);

/**
 * What a payment's own schema cannot see: an invoice the pack holds, no more decimals than the currency has
 * (a yen has none), and a date on or before the statement's. Shared by the API and the wizard's Invoices page,
 * which passes today as `asOf` and its own words for a date still to come.
 */
export function paymentProblems(
  payment: { readonly invoice: string; readonly amount: number; readonly date: string },
  context: { readonly invoices: readonly string[]; readonly currency: string; readonly asOf: string; readonly afterAsOfKey?: string },
): { field: 'invoice' | 'amount' | 'date'; message: string }[] {
  const problems: { field: 'invoice' | 'amount' | 'date'; message: string }[] = [];
  if (!context.invoices.includes(payment.invoice)) problems.push({ field: 'invoice', message: say('claimPack.payment.invoice.unknown', { number: payment.invoice }) });
  const digits = currencyDigits(context.currency);
  if (Math.round(payment.amount * 10 ** digits) / 10 ** digits !== payment.amount) {
    problems.push({ field: 'amount', message: digits === 0 ? say('claimPack.payment.amount.whole') : say('claimPack.payment.amount.decimals', { digits }) });
  }
  if (payment.date > context.asOf) problems.push({ field: 'date', message: say(context.afterAsOfKey ?? 'claimPack.payment.date.afterAsOf') });
  return problems;
}

const letterEntrySchema = z.strictObject(
  {
    kind: z.enum(LETTER_KINDS, { error: () => say('claimPack.letter.kind', { kinds: LETTER_KINDS.join(', ') }) }),
    // Checked against the answers below, by the letter's own schema.
    letter: z.record(z.string(), z.unknown(), { error: said('letter.missing') }),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownField('claimPack.letterEntry') : say('claimPack.letter.wrong')) },
);

export const claimPackRequestSchema = z
  .strictObject(
    {
      answers: answersSchema,
      asOf: dateField('asOf'),
      invoices: z.array(invoiceFieldsSchema, { error: said('invoices.missing') }).min(1, { error: said('invoices.missing') }).max(CLAIM_PACK_LIMITS.invoices, { error: said('invoices.tooMany') }),
      letters: z.array(letterEntrySchema, { error: said('letters.wrong') }).max(CLAIM_PACK_LIMITS.letters, { error: said('letters.tooMany') }).default([]),
      // England and Wales: whether the client is an individual (a sole trader included: the Pre-Action Protocol for
      // Debt Claims and its 30 days) or a company (a letter before action, 14 days). Left out, it is read from the answers.
      debtor: z.enum(['individual', 'company'], { error: said('debtor.wrong') }).optional(),
      payments: z.array(paymentSchema, { error: said('payments.wrong') }).max(CLAIM_PACK_LIMITS.payments, { error: said('payments.tooMany') }).default([]),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownField('claimPack.request') : say('claimPack.request.wrong')) },
  )
  .transform((request, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.issues.push({ code: 'custom', path, message, input: request });
    const invoices = request.invoices.map((invoice, index) => {
      const result = invoiceRequestSchema.safeParse({ answers: request.answers, invoice });
      if (!result.success) for (const problem of result.error.issues) issue(['invoices', index, ...problem.path.slice(1)], problem.message);
      return result.success ? result.data : undefined;
    });
    const letters = request.letters.map((entry, index) => {
      const result = letterRequestSchemas[entry.kind].safeParse({ answers: request.answers, letter: entry.letter });
      if (!result.success) for (const problem of result.error.issues) issue(['letters', index, ...problem.path], problem.message);
      return result.success ? { kind: entry.kind, request: result.data } : undefined;
    });
    const numbers = request.invoices.map((invoice) => invoice.number);
    numbers.forEach((number, index) => {
      if (numbers.indexOf(number) !== index) issue(['invoices', index, 'number'], say('claimPack.invoices.sameNumber', { number }));
    });
    request.payments.forEach((payment, index) => {
      for (const problem of paymentProblems(payment, { invoices: numbers, currency: request.answers.fee.currency, asOf: request.asOf })) issue(['payments', index, problem.field], problem.message);
    });
    if (request.asOf < request.answers.effectiveDate) issue(['asOf'], say('claimPack.asOf.beforeEffective'));
    if (ctx.issues.length) return z.NEVER;
    return {
      answers: request.answers,
      asOf: request.asOf,
      invoices: invoices.filter((invoice) => invoice !== undefined),
      letters: letters.filter((letter) => letter !== undefined),
      payments: request.payments,
      ...(request.debtor ? { debtor: request.debtor } : {}),
    };
  });

export type ClaimPackRequestInput = z.input<typeof claimPackRequestSchema>;
export type ClaimPackRequest = z.output<typeof claimPackRequestSchema>;
