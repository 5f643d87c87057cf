// What an invoice needs beyond the contract's answers: its kind, number and
// date, and the few facts only the freelancer knows (hours worked, the month,
// work done at an ending, approved expenses, the due date it missed). One
// schema for the API route, the OpenAPI document and the wizard's form.
//
// The rules that span the invoice and the contract (a balance only for a
// fixed price, hours only on an hourly contract, no invoice dated before the
// contract) are checked here, each pointing at the field to change; the
// figures themselves come from contract/settlement.ts, never from here.
//
// Messages follow the answers schema (src/answers/schema.ts): GOV.UK style,
// one sentence per field and per failure, saying what to do ("Enter the hours
// worked, like 12.5"), no full stop; the wizard's Invoices page shows the same
// sentences beside its inputs.
import { z } from 'zod';
import { answersSchema, isoDate, LIMITS, type Answers } from '../answers/schema.ts';
import { currencyDigits, currencyName, formatMoney, money } from '../answers/money.ts';
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

/** How each kind is named in a sentence. */
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

/** An invoice field in a sentence, and what to say when it is missing: fixed English, like the letters' own fields. */
interface FieldWords {
  /** Starts a sentence: "Hours worked". */
  readonly name: string;
  /** The whole sentence for a missing value: "Enter the hours worked, like 12.5". */
  readonly missing: string;
}

const isMissing = (issue: { input?: unknown }) => issue.input === undefined || issue.input === null;
const count = (value: number) => value.toLocaleString('en-US');
const tooLong = (name: string, max: number) => `${name} must be ${count(max)} characters or fewer`;

function text(words: FieldWords, max: number) {
  return z
    .string({ error: words.missing })
    .overwrite(cleanLine)
    .min(1, { error: words.missing })
    .max(max, { error: tooLong(words.name, max) });
}

/** A number with its sentences: missing, not a number, below or above its bounds. */
function quantity(words: FieldWords, example: string, { zero, max }: { zero: boolean; max: number }) {
  const base = z.number({ error: (issue) => (isMissing(issue) ? words.missing : `${words.name} must be a number, like ${example}`) });
  return (zero ? base.gte(0, { error: `${words.name} must be 0 or more` }) : base.gt(0, { error: `${words.name} must be more than 0` }))
    .lte(max, { error: `${words.name} must be ${count(max)} or less` });
}

const amount = (words: FieldWords, example: string, { zero = false } = {}) => quantity(words, example, { zero, max: LIMITS.amount });

function hours(words: FieldWords, example: string, { zero = false } = {}) {
  return quantity(words, example, { zero, max: LIMITS.hours }).refine((value) => Math.round(value * 100) / 100 === value, {
    error: `Enter ${words.name.toLowerCase()} with at most 2 decimals, like 12.25 for a quarter hour`,
  });
}

const HOURS: FieldWords = { name: 'Hours worked', missing: 'Enter the hours worked, like 12.5' };
const HOURS_AT_ENDING: FieldWords = { name: 'Hours worked', missing: 'Enter the hours worked up to the ending, like 24' };
const WORK_DONE: FieldWords = { name: 'Work done', missing: 'Enter the value of the work done up to the ending, like 2,400' };
const MONTH_MISSING = 'Enter the month this retainer invoice pays for, like 2027-02';

export const expenseSchema = z.strictObject(
  {
    description: text({ name: 'Expense description', missing: 'Enter what the expense was for, like Stock photos' }, 200),
    amount: amount({ name: 'Expense amount', missing: 'Enter the expense amount, like 250' }, '250'),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? 'This field is not part of an expense: give only its description and amount'
        : 'Enter each expense as a description and an amount, like { "description": "Stock photos", "amount": 250 }',
  },
);

export const invoiceFieldsSchema = z
  .strictObject(
    {
      kind: z.enum(INVOICE_KINDS, {
        error: 'Select the kind of invoice: "deposit", "balance" (fixed price), "hours" (hourly), "retainer" (one month) or "ending" (what is owed when the client ends the contract)',
      }),
      number: text({ name: 'Invoice number', missing: 'Enter the invoice number, like INV-2027-001' }, 60),
      issuedOn: isoDate(() => 'Invoice date', () => 'Enter the invoice date'),
      // Left out, it follows the contract: on receipt for a deposit, the contract's days for the rest.
      dueDate: isoDate(() => 'Due date', () => 'Enter the due date').optional(),
      hours: hours(HOURS, '12.5').optional(),
      final: z.boolean({ error: 'Select whether this is the final invoice: true or false' }).optional(),
      month: z
        .string({ error: (issue) => (isMissing(issue) ? MONTH_MISSING : 'Month must be a year and a month, like 2027-02') })
        .regex(MONTH, { error: 'Month must be a year and a month, like 2027-02' })
        .optional(),
      workDoneAmount: amount(WORK_DONE, '2,400', { zero: true }).optional(),
      hoursWorked: hours(HOURS_AT_ENDING, '24', { zero: true }).optional(),
      noticeDaysGiven: z
        .number({ error: 'Days of notice given must be a number, like 10' })
        .int({ error: 'Days of notice given must be a whole number, like 10' })
        .gte(0, { error: 'Days of notice given must be between 0 and 365 days' })
        .lte(365, { error: 'Days of notice given must be between 0 and 365 days' })
        .optional(),
      paymentsMade: amount({ name: 'Payments already made', missing: 'Enter the payments already made besides the deposit, like 500, or 0 for none' }, '500', { zero: true }).optional(),
      expenses: z
        .array(expenseSchema, { error: 'Expenses must be a list of expenses, each a description and an amount' })
        .max(MAX_EXPENSES, { error: `Enter at most ${MAX_EXPENSES} expenses: group the smaller ones` })
        .optional(),
      // The due date an unpaid invoice missed: resent with the late fee added.
      lateFeeSince: isoDate(() => 'Original due date', () => 'Enter the original due date').optional(),
      // Left out, the contract's fee.paymentMethod.
      howToPay: z
        .string({ error: 'How to pay must be text, like bank details or a payment link' })
        .overwrite(cleanMultiline)
        .max(LIMITS.paymentMethod, { error: tooLong('How to pay', LIMITS.paymentMethod) })
        .optional()
        .transform((value) => value || undefined),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? 'This field is not part of an invoice; check its spelling'
          : isMissing(issue)
            ? 'Enter the invoice: its kind, number and issuedOn at least'
            : 'The invoice must be an object with its kind, number and issuedOn',
    },
  )
  .superRefine((invoice, ctx) => {
    const own = KIND_FIELDS[invoice.kind];
    for (const field of Object.keys(FIELD_HOME)) {
      if ((invoice as Record<string, unknown>)[field] !== undefined && !own.includes(field)) {
        ctx.addIssue({ code: 'custom', path: [field], message: `Leave out "${field}" on ${KIND_NAMES[invoice.kind]}: it belongs on ${FIELD_HOME[field]}` });
      }
    }
    if (invoice.kind === 'hours' && invoice.hours === undefined) {
      ctx.addIssue({ code: 'custom', path: ['hours'], message: HOURS.missing });
    }
    if (invoice.kind === 'retainer' && invoice.month === undefined) {
      ctx.addIssue({ code: 'custom', path: ['month'], message: MONTH_MISSING });
    }
    if (invoice.dueDate !== undefined && invoice.dueDate < invoice.issuedOn) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: `Enter a due date on or after the invoice date, ${formatLongDate(invoice.issuedOn)}` });
    }
    if (invoice.lateFeeSince !== undefined && invoice.lateFeeSince >= invoice.issuedOn) {
      ctx.addIssue({ code: 'custom', path: ['lateFeeSince'], message: `Enter an original due date before the invoice date, ${formatLongDate(invoice.issuedOn)}: the late fee is added for the time since then` });
    }
  });

/** Rules between the invoice and the contract; each issue names the invoice field to change. */
function contractRules(request: { answers: Answers; invoice: z.output<typeof invoiceFieldsSchema> }, ctx: z.RefinementCtx) {
  const { answers, invoice } = request;
  const { fee } = answers;
  const at = (field: string, ...rest: (string | number)[]) => ['invoice', field, ...rest];
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const effective = formatLongDate(answers.effectiveDate);

  const model = KIND_MODEL[invoice.kind];
  if (model && model !== fee.model) {
    const instead = fee.model === 'hourly' ? 'an hours invoice (final: true credits the deposit)' : fee.model === 'retainer' ? 'a retainer invoice for the month' : 'a balance invoice';
    issue(at('kind'), `Select ${instead}: ${KIND_NAMES[invoice.kind]} is for a contract that ${MODEL_WORDS[model]}, and this contract ${MODEL_WORDS[fee.model]}`);
    return;
  }
  if (invoice.issuedOn < answers.effectiveDate) {
    issue(at('issuedOn'), `Enter an invoice date on or after the contract's effective date, ${effective}`);
  }
  if (invoice.lateFeeSince !== undefined && invoice.lateFeeSince < answers.effectiveDate) {
    issue(at('lateFeeSince'), `Enter an original due date on or after the contract's effective date, ${effective}`);
  }

  const figures = contractMoney(answers);
  if (invoice.kind === 'balance' && figures.balance.minor <= 0) {
    issue(at('kind'), 'Select another kind of invoice: the deposit is the whole price, so there is no balance');
  }
  if (invoice.kind === 'retainer' && invoice.month !== undefined) {
    const startMonth = answers.project.startDate.slice(0, 7);
    if (invoice.month < startMonth) {
      issue(at('month'), `Enter ${monthName(startMonth)} or a later month: the retainer starts in ${monthName(startMonth)}`);
    } else if (invoice.month === startMonth && figures.inFull) {
      issue(at('month'), `Enter a month after ${monthName(startMonth)}: the deposit invoice already asks for the whole of that month`);
    }
  }
  if (invoice.kind === 'ending') {
    if (fee.model === 'hourly') {
      if (invoice.workDoneAmount !== undefined) issue(at('workDoneAmount'), 'Leave out workDoneAmount: on an hourly contract the work done is counted in hours (hoursWorked)');
      if (invoice.hoursWorked === undefined) issue(at('hoursWorked'), HOURS_AT_ENDING.missing);
    } else {
      if (invoice.hoursWorked !== undefined) issue(at('hoursWorked'), `Leave out hoursWorked: hours are billed only on an hourly contract, and this one ${MODEL_WORDS[fee.model]} (give workDoneAmount)`);
      if (fee.model === 'fixed' && invoice.workDoneAmount === undefined) issue(at('workDoneAmount'), WORK_DONE.missing);
      if (fee.model === 'fixed' && invoice.workDoneAmount !== undefined && money(invoice.workDoneAmount, fee.currency).minor > figures.base.minor) {
        issue(at('workDoneAmount'), `Work done must be ${formatMoney(figures.base)} or less: the total price`);
      }
    }
    if (fee.model === 'retainer' && invoice.noticeDaysGiven === undefined) {
      issue(at('noticeDaysGiven'), `Enter the days of notice the client gave, like 10, or 0 for none: the kill fee covers the part of the ${fee.noticeDays} days' notice they did not give`);
    }
    if (fee.model !== 'retainer' && invoice.noticeDaysGiven !== undefined) {
      issue(at('noticeDaysGiven'), `Leave out noticeDaysGiven: notice applies only to a retainer, and this contract ${MODEL_WORDS[fee.model]}`);
    }
  }

  // Amounts in the contract's currency have its number of decimals: no half cents, no decimal yen.
  const digits = currencyDigits(fee.currency);
  const badDecimals = (value: number) => Math.round(value * 10 ** digits) / 10 ** digits !== value;
  const decimalsMessage = (name: string) =>
    digits === 0
      ? `Enter ${name} as a whole number: ${currencyName(fee.currency)} amounts have no decimals`
      : `Enter ${name} with at most ${digits} decimals, like ${(250.5).toFixed(digits)}`;
  const AMOUNT_NAMES = { workDoneAmount: 'the work done', paymentsMade: 'the payments already made' } as const;
  for (const field of ['workDoneAmount', 'paymentsMade'] as const) {
    const value = invoice[field];
    if (value !== undefined && badDecimals(value)) issue(at(field), decimalsMessage(AMOUNT_NAMES[field]));
  }
  invoice.expenses?.forEach((expense, index) => {
    if (badDecimals(expense.amount)) issue(at('expenses', index, 'amount'), decimalsMessage('the expense amount'));
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
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? 'This field is not part of the request: send only "answers" and "invoice"'
          : isMissing(issue)
            ? 'Enter the answers and the invoice'
            : 'The request must be a JSON object with "answers" and "invoice"',
    },
  )
  // Only on a request whose parts are each valid: these rules read the contract's dates and figures,
  // which are not there to read (an effective date of "x") when a part has failed.
  .superRefine(contractRules, { when: (payload) => payload.issues.length === 0 });

export type InvoiceRequestInput = z.input<typeof invoiceRequestSchema>;
export type InvoiceRequest = z.output<typeof invoiceRequestSchema>;
export type InvoiceFields = InvoiceRequest['invoice'];
