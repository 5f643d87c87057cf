// Payments received, recorded on the wizard's Invoices page against the
// invoices made there. Kept with the draft (`paymentsReceived`, beside the
// answers and the invoices, never in the answers file) so the follow-up
// page's claim pack claims only what is still unpaid: a client who paid the
// deposit and then went quiet owes the balance, not the deposit again.
// Checked with the claim pack request's own payment checks
// (src/claims/claim-pack-request.ts), today standing for the statement's day.
import { randomUUID } from 'node:crypto';
import { currencyDigits, money } from '../../answers/money.ts';
import type { Answers } from '../../answers/schema.ts';
import { CLAIM_PACK_LIMITS, paymentProblems, paymentSchema } from '../../claims/claim-pack-request.ts';
import type { DraftAnswers } from '../../drafts/store.ts';
import { formatsFor } from '../../language/format.ts';
import { checkIn, inLanguage, type Messages } from '../../language/messages.ts';
import { fieldProblems } from '../problems.ts';
import { typedAmountProblem, type FieldError } from './engine.ts';
import { formatAmountInput, parseAmount, formText as text, readFormInputs, toIsoDateText, type FormValues } from './form-values.ts';
import type { SavedInvoice } from './invoices-model.ts';
import { amountSuffix, type FieldView } from './view-models.ts';

const KEY = 'paymentsReceived';
/** The form's name among the forms kept with the draft (`?check=payment`): apart from the invoices' and letters' names. */
export const PAYMENT_FORM = 'payment';
/** As many as the claim pack takes. */
export const MAX_PAYMENTS_PER_DRAFT = CLAIM_PACK_LIMITS.payments;
const INPUTS = ['invoice', 'date', 'amount'] as const;
const MAX_INPUT = 200;

/** A payment the client made against one invoice made on the page. */
export interface SavedPayment {
  /** Names the payment in the form that removes it; random, so two tabs never remove each other's. */
  readonly id: string;
  /** The number of the invoice it paid. */
  readonly invoice: string;
  readonly date: string;
  /** Major units, in the contract's currency, as the invoices keep theirs. */
  readonly amount: number;
}

/** The payments kept with the draft; anything unreadable (a draft from before payments, a hand-edited store) is left out. */
export function savedPayments(draftAnswers: DraftAnswers): SavedPayment[] {
  const saved = draftAnswers[KEY];
  if (!Array.isArray(saved)) return [];
  return saved.filter(
    (entry): entry is SavedPayment =>
      !!entry &&
      typeof entry === 'object' &&
      typeof entry.id === 'string' &&
      typeof entry.invoice === 'string' &&
      typeof entry.date === 'string' &&
      typeof entry.amount === 'number' &&
      Number.isFinite(entry.amount) &&
      entry.amount > 0,
  );
}

export function withPayment(answers: DraftAnswers, payment: Omit<SavedPayment, 'id'>): DraftAnswers {
  const list = savedPayments(answers);
  if (list.length >= MAX_PAYMENTS_PER_DRAFT) return answers;
  return { ...answers, [KEY]: [...list, { id: randomUUID(), ...payment }] };
}

export function withoutPayment(answers: DraftAnswers, id: string): DraftAnswers {
  return { ...answers, [KEY]: savedPayments(answers).filter((payment) => payment.id !== id) };
}

export function readPaymentForm(body: unknown): FormValues {
  return readFormInputs(INPUTS, body, MAX_INPUT);
}


/** An invoice's account on the page: what it asks for, what was recorded against it, what is left. */
export interface InvoicePayments {
  readonly invoice: SavedInvoice;
  readonly currency: string;
  readonly payments: readonly SavedPayment[];
  /** Minor units. */
  readonly owed: number;
  readonly paid: number;
  readonly outstanding: number;
  readonly status: 'paid' | 'part' | 'unpaid' | 'nothing-due';
}

/** Each invoice with its payments, counted in minor units as the statement of account counts them. */
export function invoicePayments(invoice: SavedInvoice, payments: readonly SavedPayment[], currency: string): InvoicePayments {
  const own = payments.filter((payment) => payment.invoice === invoice.number).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const owed = Math.max(0, money(invoice.amount, currency).minor);
  const paid = own.reduce((total, payment) => total + money(payment.amount, currency).minor, 0);
  const outstanding = Math.max(0, owed - paid);
  const status = owed === 0 ? 'nothing-due' : outstanding === 0 ? 'paid' : paid > 0 ? 'part' : 'unpaid';
  return { invoice, currency, payments: own, owed, paid, outstanding, status };
}

/** True when invoices were made and every one asking for money is paid: the claim pack has nothing to claim. */
export function everyInvoicePaid(invoices: readonly SavedInvoice[], payments: readonly SavedPayment[], currency: string): boolean {
  const accounts = invoices.map((invoice) => invoicePayments(invoice, payments, currency));
  return accounts.some((account) => account.owed > 0) && accounts.every((account) => account.outstanding === 0);
}

export const paymentInputId = (index: number, name: string) => `payment-${index + 1}-${name}`;

/**
 * The payment when the form is usable, or its problems beside its inputs: the amount over zero with no more
 * decimals than the currency, dated today or before, and no more than what is still owed on the invoice.
 */
export function validatePayment(
  answers: Answers,
  invoices: readonly SavedInvoice[],
  payments: readonly SavedPayment[],
  form: FormValues,
  today: string,
  messages: Messages,
): { ok: true; payment: Omit<SavedPayment, 'id'> } | { ok: false; errors: FieldError[]; index: number } {
  const currency = answers.fee.currency;
  const number = text(form, 'invoice').trim();
  const index = Math.max(
    0,
    invoices.findIndex((invoice) => invoice.number === number),
  );
  const errors: FieldError[] = [];
  const add = (name: 'date' | 'amount', message: string) => {
    if (!errors.some((error) => error.name === name)) errors.push({ name, targetId: paymentInputId(index, name), message });
  };
  const typed = text(form, 'amount');
  // Left out when empty, so the schema asks for it rather than calling it no real date.
  const candidate = { invoice: number, date: toIsoDateText(text(form, 'date')), amount: parseAmount(typed, currency) };
  const parsed = checkIn(messages, () => paymentSchema.safeParse(candidate));
  if (!parsed.success) {
    for (const problem of fieldProblems(parsed.error.issues)) {
      const name = problem.path === 'amount' ? 'amount' : 'date';
      const why = name === 'amount' ? inLanguage(messages, () => typedAmountProblem(typed, currency, messages.t('claimPack.payment.amount'))) : undefined;
      add(name, why ?? problem.message);
    }
    return { ok: false, errors, index };
  }
  const payment = parsed.data;
  const problems = inLanguage(messages, () =>
    paymentProblems(payment, { invoices: invoices.map((invoice) => invoice.number), currency, asOf: today, afterAsOfKey: 'invoices.payments.date.future' }),
  );
  for (const problem of problems) {
    if (problem.field === 'invoice') add('date', messages.t('invoices.payments.unknownInvoice', { number: payment.invoice }));
    else add(problem.field, problem.message);
  }
  const invoice = invoices.find((candidate) => candidate.number === payment.invoice);
  if (invoice && !errors.some((error) => error.name === 'amount')) {
    const account = invoicePayments(invoice, payments, currency);
    if (money(payment.amount, currency).minor > account.outstanding) {
      const outstanding = formatsFor(messages.language).money({ minor: account.outstanding, currency });
      add('amount', messages.t('invoices.payments.moreThanOwed', { outstanding, number: invoice.number }));
    }
  }
  if (payments.length >= MAX_PAYMENTS_PER_DRAFT) add('date', messages.t('invoices.payments.tooMany', { max: MAX_PAYMENTS_PER_DRAFT }));
  if (errors.length) return { ok: false, errors, index };
  return { ok: true, payment: { invoice: payment.invoice, date: payment.date, amount: payment.amount } };
}

// ---- The page ---------------------------------------------------------------

export interface PaymentView {
  readonly id: string;
  readonly text: string;
  readonly removeLabel: string;
}

export interface InvoicePaymentsView {
  readonly sectionId: string;
  readonly headingId: string;
  readonly heading: string;
  readonly listLabel: string;
  readonly status: string;
  readonly payments: readonly PaymentView[];
  /** Absent once the invoice is paid in full (or asks for nothing): there is nothing left to record. */
  readonly form?: { readonly invoice: string; readonly fields: readonly FieldView[]; readonly recordHidden: string };
}

interface Submitted {
  readonly values: FormValues;
  readonly errors: readonly FieldError[];
}

function field(id: string, name: string, label: string, hint: string, value: string, error: string | undefined, date: boolean, suffix?: string): FieldView {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return {
    type: 'field',
    kind: 'text',
    name,
    id,
    label,
    optional: false,
    hint,
    hintId,
    noteId: `${id}-note`,
    ...(error ? { error } : {}),
    errorId,
    describedBy: [suffix && `${id}-suffix`, hintId, error && errorId].filter(Boolean).join(' '),
    inputType: date ? 'date' : 'text',
    ...(date ? {} : { inputMode: 'decimal' }),
    widthClass: 'input-medium',
    ...(suffix ? { suffix } : {}),
    value,
    suggestions: [],
    items: [],
    options: [],
    isPageHeading: false,
  } as FieldView;
}

/** Under each invoice made: its status, the payments recorded (each with a Remove button) and a form for the next. */
export function paymentsPage(ctx: {
  readonly answers: Answers;
  readonly invoices: readonly SavedInvoice[];
  readonly payments: readonly SavedPayment[];
  readonly today: string;
  readonly messages: Messages;
  readonly submitted?: Submitted;
}): InvoicePaymentsView[] {
  const { messages } = ctx;
  const { t } = messages;
  const formats = formatsFor(messages.language);
  const currency = ctx.answers.fee.currency;
  const submittedFor = text(ctx.submitted?.values ?? {}, 'invoice').trim();
  return ctx.invoices.map((invoice, index) => {
    const account = invoicePayments(invoice, ctx.payments, currency);
    const status = statusText(account, messages);
    const own = ctx.submitted && submittedFor === invoice.number ? ctx.submitted : undefined;
    const errorOf = (name: string) => own?.errors.find((error) => error.name === name)?.message;
    const value = (name: string, fallback: string) => (own ? text(own.values, name) : fallback);
    const id = (name: string) => paymentInputId(index, name);
    return {
      sectionId: `payments-${index + 1}`,
      headingId: `payments-${index + 1}-heading`,
      heading: t('invoices.payments.invoice', { number: invoice.number, total: formats.money(money(invoice.amount, currency)), status }),
      listLabel: t('invoices.payments.list', { number: invoice.number }),
      status,
      payments: account.payments.map((payment) => {
        const words = { amount: formats.money(money(payment.amount, currency)), date: formats.date(payment.date) };
        return { id: payment.id, text: t('invoices.payments.item', words), removeLabel: t('invoices.payments.removeHidden', words) };
      }),
      ...(account.outstanding > 0 || own
        ? {
            form: {
              invoice: invoice.number,
              recordHidden: t('invoices.payments.recordHidden', { number: invoice.number }),
              fields: [
                field(id('date'), 'date', t('claimPack.payment.date'), t('invoices.payments.date.hint', { example: formats.date(ctx.today) }), value('date', ctx.today), errorOf('date'), true),
                field(
                  id('amount'),
                  'amount',
                  t('claimPack.payment.amount'),
                  t('invoices.payments.amount.hint'),
                  value('amount', formatAmountInput(account.outstanding / 10 ** currencyDigits(currency))),
                  errorOf('amount'),
                  false,
                  amountSuffix(currency, messages.language),
                ),
              ],
            },
          }
        : {}),
    };
  });
}

/** "Paid", "Part paid: $6,000.00 still owed", "Unpaid", in the page's language. */
export function statusText(account: InvoicePayments, messages: Messages): string {
  const { t } = messages;
  switch (account.status) {
    case 'paid':
      return t('invoices.status.paid');
    case 'unpaid':
      return t('invoices.status.unpaid');
    case 'nothing-due':
      return t('invoices.status.nothingDue');
    case 'part':
      return t('invoices.status.part', { outstanding: formatsFor(messages.language).money({ minor: account.outstanding, currency: account.currency }) });
  }
}
