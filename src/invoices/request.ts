// What an invoice needs beyond the contract's answers: its kind, number and
// date, and the few facts only the freelancer knows (hours worked, the month,
// work done at an ending, approved expenses, the due date it missed). One
// schema for the API route, the OpenAPI document and the wizard's form.
//
// The rules that span the invoice and the contract (a balance only for a
// fixed price, hours only on an hourly contract, no invoice dated before the
// contract) are checked here, each pointing at the field to change; the
// figures themselves come from contract/settlement.ts, never from here.
import { z } from 'zod';
import { answersSchema, isoDate, LIMITS, requiredMessage, type Answers } from '../answers/schema.ts';
import { currencyDigits, formatMoney, money } from '../answers/money.ts';
import { formatLongDate } from '../answers/dates.ts';
import { cleanLine, cleanMultiline } from '../answers/text.ts';
import { contractMoney } from '../contract/settlement.ts';

export const INVOICE_KINDS = ['deposit', 'balance', 'hours', 'retainer', 'ending'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/** Which fee model each kind belongs to; absent means every model. */
const KIND_MODEL: Partial<Record<InvoiceKind, Answers['fee']['model']>> = { balance: 'fixed', hours: 'hourly', retainer: 'retainer' };

// Each kind's own fields; the common ones (kind, number, dates, howToPay, lateFeeSince) go with any kind.
const KIND_FIELDS: Readonly<Record<InvoiceKind, readonly string[]>> = {
  deposit: [],
  balance: ['expenses'],
  hours: ['hours', 'final', 'expenses'],
  retainer: ['month', 'expenses'],
  ending: ['workDoneAmount', 'hoursWorked', 'noticeDaysGiven', 'paymentsMade', 'expenses'],
};

const KIND_NAMES: Readonly<Record<InvoiceKind, string>> = {
  deposit: 'a deposit invoice',
  balance: 'a balance invoice',
  hours: 'an hours invoice',
  retainer: 'a retainer invoice',
  ending: 'an ending invoice',
};

// Where a field belongs, for the message that refuses it elsewhere.
const FIELD_HOME: Readonly<Record<string, string>> = {
  expenses: 'a balance, hours, retainer or ending invoice',
  hours: 'an hours invoice',
  final: 'an hours invoice',
  month: 'a retainer invoice',
  workDoneAmount: 'an ending invoice',
  hoursWorked: 'an ending invoice',
  noticeDaysGiven: 'an ending invoice',
  paymentsMade: 'an ending invoice',
};

const MODEL_WORDS: Readonly<Record<Answers['fee']['model'], string>> = {
  fixed: 'has a fixed price',
  hourly: 'is hourly',
  retainer: 'is a monthly retainer',
};

export const MAX_EXPENSES = 50;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function text(label: string, max: number) {
  return z
    .string({ error: requiredMessage(label, 'text') })
    .overwrite(cleanLine)
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} is too long: keep it under ${max.toLocaleString('en-US')} characters.` });
}

function amount(label: string, { zero = false } = {}) {
  const base = z.number({ error: requiredMessage(label, 'a number') });
  return (zero ? base.gte(0, { error: `${label} cannot be negative.` }) : base.gt(0, { error: `${label} must be more than 0.` }))
    .lte(LIMITS.amount, { error: `${label} must be at most ${LIMITS.amount.toLocaleString('en-US')}.` });
}

function hours(label: string, { zero = false } = {}) {
  const base = z.number({ error: requiredMessage(label, 'a number') });
  return (zero ? base.gte(0, { error: `${label} cannot be negative.` }) : base.gt(0, { error: `${label} must be more than 0.` }))
    .lte(LIMITS.hours, { error: `${label} must be at most ${LIMITS.hours.toLocaleString('en-US')}.` })
    .refine((value) => Math.round(value * 100) / 100 === value, { error: `${label} can have at most 2 decimals (12.25 for a quarter hour).` });
}

export const expenseSchema = z.strictObject(
  {
    description: text('Expense description', 200),
    amount: amount('Expense amount'),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'An expense has only "description" and "amount".' : requiredMessage('An expense', 'an object with a description and an amount')(issue)) },
);

export const invoiceFieldsSchema = z
  .strictObject(
    {
      kind: z.enum(INVOICE_KINDS, {
        error: 'Invoice kind must be one of: deposit, balance (fixed price), hours (hourly), retainer (one month), ending (what is owed when the client ends the contract).',
      }),
      number: text('Invoice number', 60),
      issuedOn: isoDate('Invoice date'),
      // Left out, it follows the contract: on receipt for a deposit, the contract's days for the rest.
      dueDate: isoDate('Due date').optional(),
      hours: hours('Hours worked').optional(),
      final: z.boolean({ error: 'Final invoice must be true or false.' }).optional(),
      month: z
        .string({ error: requiredMessage('Month', 'text written as YYYY-MM') })
        .regex(MONTH, { error: 'Month must be written as YYYY-MM, such as 2027-02.' })
        .optional(),
      workDoneAmount: amount('Work done', { zero: true }).optional(),
      hoursWorked: hours('Hours worked', { zero: true }).optional(),
      noticeDaysGiven: z
        .number({ error: requiredMessage('Days of notice given', 'a number') })
        .int({ error: 'Days of notice given must be a whole number.' })
        .gte(0, { error: 'Days of notice given cannot be negative.' })
        .lte(365, { error: 'Days of notice given must be at most 365.' })
        .optional(),
      paymentsMade: amount('Payments already made', { zero: true }).optional(),
      expenses: z
        .array(expenseSchema, { error: requiredMessage('Expenses', 'a list') })
        .max(MAX_EXPENSES, { error: `List at most ${MAX_EXPENSES} expenses; group the smaller ones.` })
        .optional(),
      // The due date an unpaid invoice missed: resent with the late fee added.
      lateFeeSince: isoDate('Original due date').optional(),
      // Left out, the contract's fee.paymentMethod.
      howToPay: z
        .string({ error: requiredMessage('How to pay', 'text') })
        .overwrite(cleanMultiline)
        .max(LIMITS.paymentMethod, { error: `How to pay is too long: keep it under ${LIMITS.paymentMethod.toLocaleString('en-US')} characters.` })
        .optional()
        .transform((value) => value || undefined),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? 'This field is not part of an invoice; check its spelling.' : requiredMessage('The invoice section', 'an object')(issue)) },
  )
  .superRefine((invoice, ctx) => {
    const own = KIND_FIELDS[invoice.kind];
    for (const field of Object.keys(FIELD_HOME)) {
      if ((invoice as Record<string, unknown>)[field] !== undefined && !own.includes(field)) {
        ctx.addIssue({ code: 'custom', path: [field], message: `${capital(KIND_NAMES[invoice.kind])} has no "${field}": it belongs on ${FIELD_HOME[field]}.` });
      }
    }
    if (invoice.kind === 'hours' && invoice.hours === undefined) {
      ctx.addIssue({ code: 'custom', path: ['hours'], message: 'Hours worked is required on an hours invoice.' });
    }
    if (invoice.kind === 'retainer' && invoice.month === undefined) {
      ctx.addIssue({ code: 'custom', path: ['month'], message: 'Month is required on a retainer invoice: the month it pays for, as YYYY-MM.' });
    }
    if (invoice.dueDate !== undefined && invoice.dueDate < invoice.issuedOn) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: `The due date cannot be before the invoice date (${formatLongDate(invoice.issuedOn)}).` });
    }
    if (invoice.lateFeeSince !== undefined && invoice.lateFeeSince >= invoice.issuedOn) {
      ctx.addIssue({ code: 'custom', path: ['lateFeeSince'], message: 'The original due date must be before the date of the invoice that adds the late fee.' });
    }
  });

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Rules between the invoice and the contract; each issue names the invoice field to change. */
function contractRules(request: { answers: Answers; invoice: z.output<typeof invoiceFieldsSchema> }, ctx: z.RefinementCtx) {
  const { answers, invoice } = request;
  const { fee } = answers;
  const at = (field: string, ...rest: (string | number)[]) => ['invoice', field, ...rest];
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

  const model = KIND_MODEL[invoice.kind];
  if (model && model !== fee.model) {
    const instead = fee.model === 'hourly' ? 'an hours invoice (final: true credits the deposit)' : fee.model === 'retainer' ? 'a retainer invoice for the month' : 'a balance invoice';
    issue(at('kind'), `${capital(KIND_NAMES[invoice.kind])} is for a contract that ${MODEL_WORDS[model]}; this contract ${MODEL_WORDS[fee.model]}: use ${instead}.`);
    return;
  }
  if (invoice.issuedOn < answers.effectiveDate) {
    issue(at('issuedOn'), `An invoice cannot be dated before the contract's effective date (${formatLongDate(answers.effectiveDate)}).`);
  }
  if (invoice.lateFeeSince !== undefined && invoice.lateFeeSince < answers.effectiveDate) {
    issue(at('lateFeeSince'), `The original due date cannot be before the contract's effective date (${formatLongDate(answers.effectiveDate)}).`);
  }

  const figures = contractMoney(answers);
  if (invoice.kind === 'balance' && figures.balance.minor <= 0) {
    issue(at('kind'), 'The deposit is the whole price, so there is no balance to invoice.');
  }
  if (invoice.kind === 'retainer' && invoice.month !== undefined) {
    const startMonth = answers.project.startDate.slice(0, 7);
    if (invoice.month < startMonth) {
      issue(at('month'), `The retainer starts in ${monthName(startMonth)}: invoice that month or a later one.`);
    } else if (invoice.month === startMonth && figures.inFull) {
      issue(at('month'), `The deposit invoice already asks for the whole of ${monthName(startMonth)}: invoice a later month.`);
    }
  }
  if (invoice.kind === 'ending') {
    if (fee.model === 'hourly') {
      if (invoice.workDoneAmount !== undefined) issue(at('workDoneAmount'), 'On an hourly contract the work done is counted in hours: give hoursWorked instead.');
      if (invoice.hoursWorked === undefined) issue(at('hoursWorked'), 'Hours worked is required: the hours done up to the ending, billed at the hourly rate.');
    } else {
      if (invoice.hoursWorked !== undefined) issue(at('hoursWorked'), `Hours are billed only on an hourly contract; this one ${MODEL_WORDS[fee.model]}: give workDoneAmount instead.`);
      if (fee.model === 'fixed' && invoice.workDoneAmount === undefined) {
        issue(at('workDoneAmount'), 'Work done is required: the value of the work done up to the ending, in the contract\'s currency.');
      }
      if (fee.model === 'fixed' && invoice.workDoneAmount !== undefined && money(invoice.workDoneAmount, fee.currency).minor > figures.base.minor) {
        issue(at('workDoneAmount'), `Work done cannot be more than the total price (${formatMoney(figures.base)}).`);
      }
    }
    if (fee.model === 'retainer' && invoice.noticeDaysGiven === undefined) {
      issue(at('noticeDaysGiven'), `Days of notice given is required: the kill fee covers the part of the ${fee.noticeDays} days' notice the client did not give (0 for none).`);
    }
    if (fee.model !== 'retainer' && invoice.noticeDaysGiven !== undefined) {
      issue(at('noticeDaysGiven'), `Days of notice apply only to a retainer; this contract ${MODEL_WORDS[fee.model]}.`);
    }
  }

  // Amounts in the contract's currency have its number of decimals: no half cents, no decimal yen.
  const digits = currencyDigits(fee.currency);
  const badDecimals = (value: number) => Math.round(value * 10 ** digits) / 10 ** digits !== value;
  const decimalsMessage = digits === 0 ? `${fee.currency} amounts have no decimals: use a whole number.` : `${fee.currency} amounts have at most ${digits} decimals.`;
  for (const field of ['workDoneAmount', 'paymentsMade'] as const) {
    const value = invoice[field];
    if (value !== undefined && badDecimals(value)) issue(at(field), decimalsMessage);
  }
  invoice.expenses?.forEach((expense, index) => {
    if (badDecimals(expense.amount)) issue(at('expenses', index, 'amount'), decimalsMessage);
  });
}

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "2027-02" -> "February 2027" */
export function monthName(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}

export const invoiceRequestSchema = z
  .strictObject(
    { answers: answersSchema, invoice: invoiceFieldsSchema },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? 'Send only "answers" and "invoice".' : 'The request must be a JSON object with "answers" and "invoice".') },
  )
  // Only on a request whose parts are each valid: these rules read the contract's dates and figures,
  // which are not there to read (an effective date of "x") when a part has failed.
  .superRefine(contractRules, { when: (payload) => payload.issues.length === 0 });

export type InvoiceRequestInput = z.input<typeof invoiceRequestSchema>;
export type InvoiceRequest = z.output<typeof invoiceRequestSchema>;
export type InvoiceFields = InvoiceRequest['invoice'];
