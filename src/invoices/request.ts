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
// sentences beside its inputs, in the draft's language.
import { z } from 'zod';
import { amountSuggestion, answersSchema, cleanedUnlessHuge, DATE_YEARS, isoDate, LIMITS, MAX_BILLED, yearInRange, type Answers, type FieldWords, type Words } from '../answers/schema.ts';
import { currencyDigits, money } from '../answers/money.ts';
import { cleanLine, cleanMultiline } from '../answers/text.ts';
import { contractMoney, taxRateOf } from '../contract/settlement.ts';
import { placeFor } from '../jurisdictions/place-for.ts';
import { formatsFor } from '../language/format.ts';
import { activeLanguage, say, sayLater, type MessageParams } from '../language/messages.ts';
import { unknownField } from '../language/unknown-keys.ts';

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

// Where a field belongs, for the message that refuses it elsewhere (`invoiceRequest.home.<field>`).
const FIELDS_OF_ONE_KIND = ['expenses', 'hours', 'final', 'month', 'workDoneAmount', 'hoursWorked', 'noticeDaysGiven', 'paymentsMade'] as const;

export const MAX_EXPENSES = 50;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

// The sentences live in the message catalogues (keys `invoiceRequest.*`) and are
// written when a problem is found, in the language of the check (`inLanguage`),
// like the answers' own (src/answers/schema.ts).
const said = (key: string, params?: MessageParams) => sayLater(`invoiceRequest.${key}`, params);
const sentence = (key: string, params?: MessageParams) => say(`invoiceRequest.${key}`, params);
/** A field of the invoice: `invoiceRequest.<path>` names it, `invoiceRequest.<path>.missing` asks for it. */
const fieldWords = (path: string): FieldWords => ({ name: said(path), missing: said(`${path}.missing`) });
const dateField = (path: string) => isoDate(said(path), said(`${path}.missing`));
/** How the language of the check writes a date, a month, money and a currency's name. */
const formats = () => formatsFor(activeLanguage());
/** How a kind of invoice, a fee model, is named in a sentence: "a balance invoice"; "has a fixed price". */
const kindName = (kind: InvoiceKind) => sentence(`kind.${kind}`);
const modelWords = (model: Answers['fee']['model']) => sentence(`model.${model}`);

const isMissing = (issue: { input?: unknown }) => issue.input === undefined || issue.input === null;
const count = (value: number) => value.toLocaleString('en-US');
const tooLong = (name: Words, max: number) => () => say('answers.tooLong', { name: name(), max: count(max) });

function text(words: FieldWords, max: number) {
  return z
    .string({ error: words.missing })
    .overwrite(cleanedUnlessHuge(cleanLine, max))
    .min(1, { error: words.missing })
    .max(max, { error: tooLong(words.name, max) });
}

/** A number with its sentences: missing, not a number, below or above its bounds. */
function quantity(words: FieldWords, example: string, { zero, max }: { zero: boolean; max: number }) {
  const name = () => words.name();
  const base = z.number({ error: (issue) => (isMissing(issue) ? words.missing() : say('answers.number.notNumber', { name: name(), example })) });
  return (zero ? base.gte(0, { error: () => sentence('number.zeroOrMore', { name: name() }) }) : base.gt(0, { error: () => say('answers.number.moreThan', { name: name(), min: 0 }) }))
    .lte(max, { error: () => say('answers.number.atMost', { name: name(), max: count(max) }) });
}

const amount = (words: FieldWords, example: string, { zero = false } = {}) => quantity(words, example, { zero, max: LIMITS.amount });

function hours(words: FieldWords, example: string, { zero = false } = {}) {
  return quantity(words, example, { zero, max: LIMITS.hours }).refine((value) => Math.round(value * 100) / 100 === value, {
    error: said('hours.decimals'),
  });
}

const HOURS = fieldWords('hours');
const HOURS_AT_ENDING = fieldWords('hoursWorked');
const WORK_DONE = fieldWords('workDoneAmount');
const noticeName = () => sentence('noticeDaysGiven');
const noticeRange = () => say('answers.number.between', { name: noticeName(), min: 0, max: say('answers.unit.days', { count: 365 }) });

export const expenseSchema = z.strictObject(
  {
    description: text(fieldWords('expense.description'), LIMITS.expense),
    amount: amount(fieldWords('expense.amount'), '250'),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownField('invoiceRequest.expense') : sentence('expense.wrong')) },
);

export const invoiceFieldsSchema = z
  .strictObject(
    {
      kind: z.enum(INVOICE_KINDS, { error: said('kind.missing') }),
      number: text(fieldWords('number'), LIMITS.invoiceNumber),
      issuedOn: dateField('issuedOn'),
      // Left out, it follows the contract: on receipt for a deposit, the contract's days for the rest.
      dueDate: dateField('dueDate').optional(),
      hours: hours(HOURS, '12.5').optional(),
      final: z.boolean({ error: said('final.wrong') }).optional(),
      month: z
        .string({ error: (issue) => sentence(isMissing(issue) ? 'month.missing' : 'month.wrong') })
        .regex(MONTH, { error: said('month.wrong') })
        .refine(yearInRange, { error: () => sentence('month.outOfRange', DATE_YEARS) })
        .optional(),
      workDoneAmount: amount(WORK_DONE, '2,400', { zero: true }).optional(),
      hoursWorked: hours(HOURS_AT_ENDING, '24', { zero: true }).optional(),
      noticeDaysGiven: z
        .number({ error: () => say('answers.number.notNumber', { name: noticeName(), example: 10 }) })
        .int({ error: () => say('answers.number.whole', { name: noticeName(), example: 10 }) })
        .gte(0, { error: noticeRange })
        .lte(365, { error: noticeRange })
        .optional(),
      paymentsMade: amount(fieldWords('paymentsMade'), '500', { zero: true }).optional(),
      expenses: z
        .array(expenseSchema, { error: said('expenses.wrong') })
        .max(MAX_EXPENSES, { error: said('expenses.tooMany', { max: MAX_EXPENSES }) })
        .optional(),
      // The due date an unpaid invoice missed: resent with the late fee added.
      lateFeeSince: dateField('lateFeeSince').optional(),
      // Left out, the contract's fee.paymentMethod.
      howToPay: z
        .string({ error: said('howToPay.wrong') })
        .overwrite(cleanedUnlessHuge(cleanMultiline, LIMITS.paymentMethod))
        .max(LIMITS.paymentMethod, { error: tooLong(said('howToPay'), LIMITS.paymentMethod) })
        .optional()
        .transform((value) => value || undefined),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? unknownField('invoiceRequest.invoice') : sentence(isMissing(issue) ? 'invoice.missing' : 'invoice.wrong'),
    },
  )
  .superRefine((invoice, ctx) => {
    const own = KIND_FIELDS[invoice.kind];
    for (const field of FIELDS_OF_ONE_KIND) {
      if (invoice[field] !== undefined && !own.includes(field)) {
        ctx.addIssue({ code: 'custom', path: [field], message: sentence('leaveOut', { field, kind: kindName(invoice.kind), home: sentence(`home.${field}`) }) });
      }
    }
    if (invoice.kind === 'hours' && invoice.hours === undefined) {
      ctx.addIssue({ code: 'custom', path: ['hours'], message: HOURS.missing() });
    }
    if (invoice.kind === 'retainer' && invoice.month === undefined) {
      ctx.addIssue({ code: 'custom', path: ['month'], message: sentence('month.missing') });
    }
    if (invoice.dueDate !== undefined && invoice.dueDate < invoice.issuedOn) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: sentence('dueDate.beforeInvoice', { date: formats().date(invoice.issuedOn) }) });
    }
    if (invoice.lateFeeSince !== undefined && invoice.lateFeeSince >= invoice.issuedOn) {
      ctx.addIssue({ code: 'custom', path: ['lateFeeSince'], message: sentence('lateFeeSince.notBeforeInvoice', { date: formats().date(invoice.issuedOn) }) });
    }
  });

/** Rules between the invoice and the contract; each issue names the invoice field to change. */
function contractRules(request: { answers: Answers; invoice: z.output<typeof invoiceFieldsSchema> }, ctx: z.RefinementCtx) {
  const { answers, invoice } = request;
  const { fee } = answers;
  const at = (field: string, ...rest: (string | number)[]) => ['invoice', field, ...rest];
  const issue = (path: (string | number)[], key: string, params?: MessageParams) => ctx.addIssue({ code: 'custom', path, message: sentence(key, params) });
  const { date, month: monthName, money: formatMoney, currencyName } = formats();
  const effective = date(answers.effectiveDate);

  // A UK VAT invoice must show the supplier's VAT registration number (VAT Regulations 1995,
  // reg. 14(1)(c)): refused here, naming the answer to add, rather than issued without it.
  const tax = taxRateOf(answers);
  if (tax && tax.percent > 0 && placeFor(answers).place?.country === 'United Kingdom' && !answers.freelancer.vatNumber) {
    ctx.addIssue({ code: 'custom', path: ['answers', 'freelancer', 'vatNumber'], message: say('answers.freelancer.vatNumber.requiredForUkVat') });
  }

  const model = KIND_MODEL[invoice.kind];
  if (model && model !== fee.model) {
    issue(at('kind'), 'kind.wrongModel', { instead: sentence(`kind.instead.${fee.model}`), kind: kindName(invoice.kind), model: modelWords(model), contractModel: modelWords(fee.model) });
    return;
  }
  if (invoice.issuedOn < answers.effectiveDate) {
    issue(at('issuedOn'), 'issuedOn.beforeEffective', { date: effective });
  }
  if (invoice.lateFeeSince !== undefined && invoice.lateFeeSince < answers.effectiveDate) {
    issue(at('lateFeeSince'), 'lateFeeSince.beforeEffective', { date: effective });
  }

  if (fee.model === 'hourly') {
    for (const field of ['hours', 'hoursWorked'] as const) {
      const hours = invoice[field];
      if (hours !== undefined && hours * fee.rate > MAX_BILLED) issue(at(field), 'hours.tooMuch', { max: formatMoney(money(MAX_BILLED, fee.currency)) });
    }
  }

  const figures = contractMoney(answers);
  if (invoice.kind === 'balance' && figures.balance.minor <= 0) {
    issue(at('kind'), 'kind.noBalance');
  }
  if (invoice.kind === 'retainer' && invoice.month !== undefined) {
    const startMonth = answers.project.startDate.slice(0, 7);
    if (invoice.month < startMonth) {
      issue(at('month'), 'month.beforeStart', { month: monthName(startMonth) });
    } else if (invoice.month === startMonth && figures.inFull) {
      issue(at('month'), 'month.paidByDeposit', { month: monthName(startMonth) });
    }
  }
  if (invoice.kind === 'ending') {
    if (fee.model === 'hourly') {
      if (invoice.workDoneAmount !== undefined) issue(at('workDoneAmount'), 'workDoneAmount.onHourly');
      if (invoice.hoursWorked === undefined) issue(at('hoursWorked'), 'hoursWorked.missing');
    } else {
      if (invoice.hoursWorked !== undefined) issue(at('hoursWorked'), 'hoursWorked.notHourly', { model: modelWords(fee.model) });
      if (fee.model === 'fixed' && invoice.workDoneAmount === undefined) issue(at('workDoneAmount'), 'workDoneAmount.missing');
      if (fee.model === 'fixed' && invoice.workDoneAmount !== undefined && money(invoice.workDoneAmount, fee.currency).minor > figures.base.minor) {
        issue(at('workDoneAmount'), 'workDoneAmount.overPrice', { max: formatMoney(figures.base) });
      }
    }
    if (fee.model === 'retainer' && invoice.noticeDaysGiven === undefined) {
      issue(at('noticeDaysGiven'), 'noticeDaysGiven.missing', { days: fee.noticeDays });
    }
    if (fee.model !== 'retainer' && invoice.noticeDaysGiven !== undefined) {
      issue(at('noticeDaysGiven'), 'noticeDaysGiven.notRetainer', { model: modelWords(fee.model) });
    }
  }

  // Amounts in the contract's currency have its number of decimals: no half cents, no decimal yen.
  const digits = currencyDigits(fee.currency);
  const badDecimals = (value: number) => Math.round(value * 10 ** digits) / 10 ** digits !== value;
  // "Did you mean 6,000?": the amount rounded to the currency, as the wizard's steps suggest it.
  const decimals = (path: (string | number)[], field: string, value: number) =>
    digits === 0
      ? issue(path, `${field}.wholeNumber`, { currency: currencyName(fee.currency), suggestion: amountSuggestion(value, fee.currency) })
      : issue(path, `${field}.decimals`, { digits, example: (250.5).toFixed(digits), suggestion: amountSuggestion(value, fee.currency) });
  for (const field of ['workDoneAmount', 'paymentsMade'] as const) {
    const value = invoice[field];
    if (value !== undefined && badDecimals(value)) decimals(at(field), field, value);
  }
  invoice.expenses?.forEach((expense, index) => {
    if (badDecimals(expense.amount)) decimals(at('expenses', index, 'amount'), 'expense.amount', expense.amount);
  });
}

export const invoiceRequestSchema = z
  .strictObject(
    { answers: answersSchema, invoice: invoiceFieldsSchema },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? unknownField('invoiceRequest.request') : sentence(isMissing(issue) ? 'request.missing' : 'request.wrong'),
    },
  )
  // Only on a request whose parts are each valid: these rules read the contract's dates and figures,
  // which are not there to read (an effective date of "x") when a part has failed.
  .superRefine(contractRules, { when: (payload) => payload.issues.length === 0 });

export type InvoiceRequestInput = z.input<typeof invoiceRequestSchema>;
export type InvoiceRequest = z.output<typeof invoiceRequestSchema>;
export type InvoiceFields = InvoiceRequest['invoice'];
