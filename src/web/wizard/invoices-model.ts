// The wizard's "Invoices" page, decided here: one form per invoice the
// contract calls for (the deposit first, to send with the contract; then the
// balance, hours or month; the bill at an ending), each asking only for what
// its kind needs and checked with the API's own schema
// (src/invoices/request.ts). Invoices made here are kept with the draft
// (`invoices`, beside the answers, never in the answers file): their numbers
// propose the next one, and the follow-up letters and calendar take them
// instead of retyped figures.
import { addDays, formatLongDate } from '../../answers/dates.ts';
import { formatMoney, toMajor } from '../../answers/money.ts';
import type { Answers } from '../../answers/schema.ts';
import { contractMoney } from '../../contract/settlement.ts';
import type { DraftAnswers } from '../../drafts/store.ts';
import { invoiceRequestSchema, monthName, type InvoiceKind, type InvoiceRequest } from '../../invoices/request.ts';
import type { Invoice } from '../../invoices/tree.ts';
import { fieldProblems } from '../problems.ts';
import { fieldId, type FieldError } from './engine.ts';
import { parseAmount, setIn, single, toNumber, type FormValues } from './form-values.ts';
import type { FieldView, OptionView } from './view-models.ts';

/** Rows of approved expenses a form offers; the API takes more. */
export const EXPENSE_ROWS = 3;
const EXPENSE_INPUTS = Array.from({ length: EXPENSE_ROWS }, (_, index) => [`expenses.${index}.description`, `expenses.${index}.amount`]).flat();
const COMMON = ['number', 'issuedOn'] as const;
const LATER = ['lateFeeSince', 'howToPay'] as const;
const MAX_INPUT = 2000;

/** The invoices this contract calls for, in the order a project sends them. */
export function invoiceKindsFor(answers: Answers): InvoiceKind[] {
  const { model } = answers.fee;
  const kinds: InvoiceKind[] = ['deposit'];
  if (model === 'fixed' && !contractMoney(answers).inFull) kinds.push('balance');
  if (model === 'hourly') kinds.push('hours');
  if (model === 'retainer') kinds.push('retainer');
  kinds.push('ending');
  return kinds;
}

/** The inputs each kind's form shows, in page order. */
export function inputsFor(kind: InvoiceKind, answers: Answers): string[] {
  const { model } = answers.fee;
  const own: Record<InvoiceKind, string[]> = {
    deposit: [],
    balance: [...EXPENSE_INPUTS],
    hours: ['hours', 'final', ...EXPENSE_INPUTS],
    retainer: ['month', ...EXPENSE_INPUTS],
    ending: [...(model === 'hourly' ? ['hoursWorked'] : ['workDoneAmount']), ...(model === 'retainer' ? ['noticeDaysGiven'] : []), 'paymentsMade', ...EXPENSE_INPUTS],
  };
  return [...COMMON, ...own[kind], ...LATER];
}

export const invoiceInputId = (kind: InvoiceKind, name: string) => `invoice-${kind}-${fieldId(name)}`;

export function readInvoiceForm(kind: InvoiceKind, answers: Answers, body: unknown): FormValues {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const form: FormValues = {};
  for (const name of inputsFor(kind, answers)) {
    const value = single(source[name]);
    if (value !== undefined) form[name] = value.slice(0, MAX_INPUT);
  }
  return form;
}

const text = (form: FormValues, name: string) => {
  const value = form[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

/** The `invoice` object of a request, from its form: empty inputs left out. */
export function invoiceFromForm(kind: InvoiceKind, answers: Answers, form: FormValues): Record<string, unknown> {
  const invoice: Record<string, unknown> = { kind };
  const expenses: Record<string, unknown>[] = [];
  for (const name of inputsFor(kind, answers)) {
    const raw = text(form, name);
    if (raw.trim() === '') continue;
    const expense = /^expenses\.(\d+)\.(description|amount)$/.exec(name);
    if (expense) {
      const row = (expenses[Number(expense[1])] ??= {});
      row[expense[2]!] = expense[2] === 'amount' ? parseAmount(raw) : raw.trim();
      continue;
    }
    if (name === 'final') {
      if (raw === 'yes') invoice.final = true;
    } else if (name === 'workDoneAmount' || name === 'paymentsMade') setIn(invoice, name, parseAmount(raw));
    else if (name === 'hours' || name === 'hoursWorked' || name === 'noticeDaysGiven') setIn(invoice, name, toNumber(raw));
    else setIn(invoice, name, name === 'howToPay' ? raw : raw.trim());
  }
  const rows = expenses.filter(Boolean);
  if (rows.length) invoice.expenses = rows;
  return invoice;
}

/** The request when the form is usable, or the problems to show beside its inputs. */
export function validateInvoice(kind: InvoiceKind, answers: Answers, form: FormValues): { ok: true; request: InvoiceRequest } | { ok: false; errors: FieldError[] } {
  const result = invoiceRequestSchema.safeParse({ answers, invoice: invoiceFromForm(kind, answers, form) });
  if (result.success) return { ok: true, request: result.data };
  const names = inputsFor(kind, answers);
  // The expenses that were filled in, by their position in the request, back to their rows on the form.
  const filledRows = Array.from({ length: EXPENSE_ROWS }, (_, index) => index).filter((index) => text(form, `expenses.${index}.description`).trim() || text(form, `expenses.${index}.amount`).trim());
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const problem of fieldProblems(result.error.issues)) {
    let path = problem.path.replace(/^invoice\.?/, '');
    const expense = /^expenses\.(\d+)(?:\.(description|amount))?$/.exec(path);
    if (expense) path = `expenses.${filledRows[Number(expense[1])] ?? 0}.${expense[2] ?? 'description'}`;
    // A problem with the kind itself (a balance the deposit already covers) sits on the first input.
    const name = names.includes(path) ? path : names[0]!;
    const key = `${name}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ name, targetId: invoiceInputId(kind, name), message: problem.path.startsWith('answers') ? `Your contract's answers need a change first: ${problem.message}` : problem.message });
  }
  return { ok: false, errors: errors.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name)) };
}

// ---- Invoices kept with the draft ------------------------------------------

/** An invoice made on the page, as the letters and the calendar need it. */
export interface SavedInvoice {
  readonly number: string;
  readonly kind: InvoiceKind;
  readonly title: string;
  readonly issuedOn: string;
  readonly dueDate: string;
  /** What the client is asked to pay, in major units, and written out. */
  readonly amount: number;
  readonly total: string;
  /** What was typed, so the form can be filled in again. */
  readonly form: Record<string, string>;
}

export function savedInvoices(draftAnswers: DraftAnswers): SavedInvoice[] {
  const saved = draftAnswers.invoices;
  if (!Array.isArray(saved)) return [];
  return saved.filter(
    (entry): entry is SavedInvoice =>
      !!entry && typeof entry === 'object' && typeof entry.number === 'string' && typeof entry.issuedOn === 'string' && typeof entry.dueDate === 'string' && typeof entry.amount === 'number',
  );
}

/** The list with this invoice added, or put in place of the one with its number. */
export function withInvoice(list: readonly SavedInvoice[], invoice: Invoice, form: FormValues): SavedInvoice[] {
  const entry: SavedInvoice = {
    number: invoice.number,
    kind: invoice.kind,
    title: invoice.subtitle,
    issuedOn: invoice.figures.issuedOn,
    dueDate: invoice.figures.dueDate,
    amount: toMajor(invoice.figures.bill.total),
    total: formatMoney(invoice.figures.bill.total),
    form: Object.fromEntries(Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
  };
  const index = list.findIndex((saved) => saved.number === invoice.number);
  return index < 0 ? [...list, entry] : list.map((saved, at) => (at === index ? entry : saved));
}

/**
 * The number to propose next: the last number with its final digits counted
 * on, keeping their width ("INV-2027-009" -> "INV-2027-010"), or INV-001.
 */
function isDigit(character: string): boolean {
  return character >= '0' && character <= '9';
}

export function nextInvoiceNumber(list: readonly SavedInvoice[]): string {
  const last = list.at(-1)?.number;
  if (!last) return 'INV-001';
  // The last run of digits, found by a scan from the end (not /^(.*?)(\d+)(\D*)$/,
  // whose lazy head and digit run can split a long number every way: quadratic).
  let digitsEnd = last.length;
  while (digitsEnd > 0 && !isDigit(last[digitsEnd - 1]!)) digitsEnd--;
  let digitsStart = digitsEnd;
  while (digitsStart > 0 && isDigit(last[digitsStart - 1]!)) digitsStart--;
  if (digitsStart === digitsEnd) return `${last}-2`;
  const head = last.slice(0, digitsStart);
  const digits = last.slice(digitsStart, digitsEnd);
  const tail = last.slice(digitsEnd);
  let next = String(Number(digits) + 1).padStart(digits!.length, '0');
  // Never propose a number already used.
  while (list.some((saved) => saved.number === `${head}${next}${tail}`)) next = String(Number(next) + 1).padStart(digits!.length, '0');
  return `${head}${next}${tail}`;
}

// ---- The page ---------------------------------------------------------------

export interface InvoiceFormView {
  kind: InvoiceKind;
  sectionId: string;
  headingId: string;
  title: string;
  intro: string;
  action: string;
  fields: FieldView[];
  expenseLegend?: string;
  expenseFields: FieldView[];
  laterFields: FieldView[];
}

export interface InvoicesPageView {
  projectName: string;
  made: { number: string; title: string; issuedOn: string; due: string; total: string }[];
  nextNumber: string;
  forms: InvoiceFormView[];
}

const KIND_HEADINGS: Record<InvoiceKind, string> = {
  deposit: 'The deposit invoice: send it with the contract',
  balance: 'The balance, on delivery',
  hours: 'Hours worked',
  retainer: 'A month of the retainer',
  ending: 'If the client ends the contract early',
};

function intro(kind: InvoiceKind, answers: Answers): string {
  const figures = contractMoney(answers);
  const { fee } = answers;
  switch (kind) {
    case 'deposit':
      return `Work starts when it is paid: ${formatMoney(figures.depositBill.total)}${figures.tax ? ' with tax' : ''}, due on receipt.`;
    case 'balance':
      return `The price less the deposit, ${formatMoney(figures.balanceBill.total)}${figures.tax ? ' with tax' : ''}, due ${fee.paymentDueDays === 0 ? 'on receipt' : `${fee.paymentDueDays} days after the invoice`}. Add any expenses the client approved.`;
    case 'hours':
      return 'The hours since the last invoice, at your hourly rate. On the last invoice of the project, the deposit is credited.';
    case 'retainer':
      return 'One month, paid in advance. The first month credits the deposit.';
    case 'ending':
      return 'What your contract says is owed when the client ends it, stops paying or goes silent: the work done and the kill fee, less the deposit. It never asks for less than nothing, and says when the deposit is kept.';
  }
}

interface Spec {
  name: string;
  label: string;
  kind: 'text' | 'date' | 'number' | 'textarea' | 'select' | 'yes-no';
  hint?: string;
  optional?: boolean;
  width?: 'short' | 'medium';
  prefix?: string;
  suffix?: string;
}

function fieldView(kind: InvoiceKind, spec: Spec, value: string, error?: string, options: { value: string; label: string }[] = []): FieldView {
  const id = invoiceInputId(kind, spec.name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const optionViews: OptionView[] =
    spec.kind === 'yes-no'
      ? [
          { id, value: 'yes', label: 'Yes', hintId: `${id}-yes-hint`, checked: value === 'yes', conditionalHidden: true, children: [] },
          { id: `${id}-no`, value: 'no', label: 'No', hintId: `${id}-no-hint`, checked: value !== 'yes', conditionalHidden: true, children: [] },
        ]
      : [];
  return {
    type: 'field',
    kind: spec.kind === 'number' ? 'text' : spec.kind,
    name: spec.name,
    id,
    label: spec.label,
    optional: spec.optional ?? false,
    ...(spec.hint ? { hint: spec.hint } : {}),
    hintId,
    noteId: `${id}-note`,
    ...(error ? { error } : {}),
    errorId,
    describedBy: [spec.prefix && `${id}-prefix`, spec.suffix && `${id}-suffix`, spec.hint && hintId, error && errorId].filter(Boolean).join(' '),
    inputType: spec.kind === 'date' ? 'date' : 'text',
    ...(spec.kind === 'number' ? { inputMode: 'decimal' } : {}),
    widthClass: spec.width ? `input-${spec.width}` : spec.kind === 'date' ? 'input-medium' : '',
    ...(spec.prefix ? { prefix: spec.prefix } : {}),
    ...(spec.suffix ? { suffix: spec.suffix } : {}),
    ...(spec.kind === 'select' ? { selectPlaceholder: 'Choose the month', selectGroups: [{ label: 'Months', options }] } : {}),
    value,
    suggestions: [],
    items: [],
    options: optionViews,
    isPageHeading: false,
  } as FieldView;
}

interface Submitted {
  readonly kind: InvoiceKind;
  readonly values: FormValues;
  readonly errors: readonly FieldError[];
}

export interface InvoicesPageContext {
  readonly answers: Answers;
  readonly saved: readonly SavedInvoice[];
  readonly submitted?: Submitted;
  readonly today: string;
  readonly actionFor: (kind: InvoiceKind) => string;
}

/** The months a retainer invoice may be for: from the start date's month, two years on. */
function retainerMonths(answers: Answers): { value: string; label: string }[] {
  const start = answers.project.startDate.slice(0, 7);
  const months: { value: string; label: string }[] = [];
  let cursor = `${start}-01`;
  for (let index = 0; index < 24; index += 1) {
    const month = cursor.slice(0, 7);
    months.push({ value: month, label: monthName(month) });
    cursor = addDays(`${month}-28`, 5).slice(0, 7) + '-01';
  }
  return months;
}

function invoiceForm(kind: InvoiceKind, ctx: InvoicesPageContext): InvoiceFormView {
  const { answers } = ctx;
  const { fee } = answers;
  const own = ctx.submitted?.kind === kind ? ctx.submitted : undefined;
  const currencyBox = { prefix: undefined, suffix: fee.currency, width: 'medium' as const };
  const defaults: Record<string, string> = {
    number: nextInvoiceNumber(ctx.saved),
    issuedOn: kind === 'deposit' && ctx.today < answers.effectiveDate ? answers.effectiveDate : ctx.today,
    final: 'no',
  };
  const value = (name: string) => (own ? text(own.values, name) : (defaults[name] ?? ''));
  const errorOf = (name: string) => own?.errors.find((error) => error.name === name)?.message;
  const startMonth = answers.project.startDate.slice(0, 7);
  const specs: Record<string, Spec> = {
    number: { name: 'number', label: 'Invoice number', kind: 'text', width: 'medium', hint: 'Proposed from the invoices you made here; change it to follow your own numbering.' },
    issuedOn: { name: 'issuedOn', label: 'Invoice date', kind: 'date', hint: `Usually today; not before the contract's effective date, ${formatLongDate(answers.effectiveDate)}.` },
    hours: { name: 'hours', label: 'Hours worked', kind: 'number', width: 'short', suffix: 'hours', hint: 'Since the last invoice; quarter hours as 0.25.' },
    final: { name: 'final', label: 'Is this the last invoice of the project?', kind: 'yes-no', hint: 'The last invoice credits the deposit.' },
    month: { name: 'month', label: 'Month', kind: 'select', hint: `The month this invoice pays for. The retainer starts in ${monthName(startMonth)}.` },
    workDoneAmount: { name: 'workDoneAmount', label: 'Value of the work done', kind: 'number', ...currencyBox, hint: fee.model === 'fixed' ? 'The share of the price the work done so far is worth.' : 'Work done and not yet paid for by a month of the retainer; 0 if none.' },
    hoursWorked: { name: 'hoursWorked', label: 'Hours worked', kind: 'number', width: 'short', suffix: 'hours', hint: 'All the hours worked on the project up to the ending.' },
    noticeDaysGiven: { name: 'noticeDaysGiven', label: 'Days of notice the client gave', kind: 'number', width: 'short', suffix: 'days', hint: `Your contract asks for ${'noticeDays' in fee ? fee.noticeDays : 30} days; 0 if none. The kill fee covers the rest.` },
    paymentsMade: { name: 'paymentsMade', label: 'Already paid, besides the deposit', kind: 'number', optional: true, ...currencyBox, hint: 'Earlier invoices the client paid, before tax.' },
    lateFeeSince: {
      name: 'lateFeeSince',
      label: 'Resending an unpaid invoice? Its original due date',
      kind: 'date',
      optional: true,
      hint: fee.lateFeePercentPerMonth > 0 ? `The late fee your contract sets (${fee.lateFeePercentPerMonth}% for each full 30 days) is added as its own line.` : 'Your contract sets no late fee: the invoice says how late it is.',
    },
    howToPay: { name: 'howToPay', label: 'How to pay', kind: 'textarea', optional: true, hint: fee.paymentMethod ? 'Left empty, the invoice gives the way to pay in your contract.' : 'Bank details or a payment link.' },
  };
  const names = inputsFor(kind, answers);
  const make = (name: string) => fieldView(kind, specs[name]!, value(name), errorOf(name), name === 'month' ? retainerMonths(answers) : []);
  const expenseFields: FieldView[] = [];
  for (let index = 0; index < EXPENSE_ROWS && names.includes(`expenses.${index}.description`); index += 1) {
    expenseFields.push(
      fieldView(kind, { name: `expenses.${index}.description`, label: `Expense ${index + 1}`, kind: 'text', optional: true }, value(`expenses.${index}.description`), errorOf(`expenses.${index}.description`)),
      fieldView(kind, { name: `expenses.${index}.amount`, label: `Expense ${index + 1}: amount at cost`, kind: 'number', optional: true, ...currencyBox }, value(`expenses.${index}.amount`), errorOf(`expenses.${index}.amount`)),
    );
  }
  return {
    kind,
    sectionId: `invoice-${kind}`,
    headingId: `invoice-${kind}-heading`,
    title: KIND_HEADINGS[kind],
    intro: intro(kind, answers),
    action: ctx.actionFor(kind),
    fields: names.filter((name) => !name.startsWith('expenses.') && !(LATER as readonly string[]).includes(name)).map(make),
    ...(expenseFields.length ? { expenseLegend: 'Expenses the client approved in writing, billed at cost' } : {}),
    expenseFields,
    laterFields: LATER.map(make),
  };
}

export function invoicesPage(ctx: InvoicesPageContext): InvoicesPageView {
  return {
    projectName: ctx.answers.project.name,
    made: ctx.saved.map((saved) => ({
      number: saved.number,
      title: saved.title,
      issuedOn: formatLongDate(saved.issuedOn),
      due: saved.dueDate === saved.issuedOn ? 'On receipt' : formatLongDate(saved.dueDate),
      total: saved.total,
    })),
    nextNumber: nextInvoiceNumber(ctx.saved),
    forms: invoiceKindsFor(ctx.answers).map((kind) => invoiceForm(kind, ctx)),
  };
}

/** The form as hidden inputs, so the email page can offer the same invoice as a Word file. */
export function hiddenInvoiceInputs(kind: InvoiceKind, answers: Answers, form: FormValues): { name: string; value: string }[] {
  return inputsFor(kind, answers).map((name) => ({ name, value: text(form, name) })).filter((input) => input.value !== '');
}

export function isInvoiceKind(kind: string, answers: Answers): kind is InvoiceKind {
  return (invoiceKindsFor(answers) as string[]).includes(kind);
}

// ---- The follow-up letters and calendar take an invoice made here ------------

/** The name of the choice on the follow-up page's forms. */
export const MADE_INVOICE_INPUT = 'invoice.made';

/**
 * The invoices a letter can be about: one that asks for money, as first sent.
 * A resend with the late fee is left out: the letters add the late fee
 * themselves, from the original invoice.
 */
export function invoicesForLetters(draftAnswers: DraftAnswers): SavedInvoice[] {
  return savedInvoices(draftAnswers).filter((saved) => saved.amount > 0 && !saved.form.lateFeeSince);
}

/** A choice of the invoices made here, for a letter's or the calendar's form; undefined when there are none. */
export function madeInvoiceChoice(id: string, invoices: readonly SavedInvoice[], hint: string): FieldView | undefined {
  if (!invoices.length) return undefined;
  return {
    type: 'field',
    kind: 'select',
    name: MADE_INVOICE_INPUT,
    id,
    label: 'An invoice you made on the Invoices page',
    optional: true,
    hint,
    hintId: `${id}-hint`,
    noteId: `${id}-note`,
    errorId: `${id}-error`,
    describedBy: `${id}-hint`,
    inputType: 'text',
    widthClass: '',
    selectPlaceholder: 'None: I will type the invoice',
    selectGroups: [{ label: 'Invoices made here', options: invoices.map((saved) => ({ value: saved.number, label: `${saved.number}: ${saved.total}, due ${saved.dueDate === saved.issuedOn ? 'on receipt' : formatLongDate(saved.dueDate)}` })) }],
    value: '',
    suggestions: [],
    items: [],
    options: [],
    isPageHeading: false,
  } as FieldView;
}

/**
 * The letter's or the calendar's form with the chosen invoice's figures in
 * place of typed ones: its number, amount (what it asks for), date and due
 * date for a letter; its due date to count from for the calendar.
 */
export function withMadeInvoice(form: FormValues, chosen: string | undefined, invoices: readonly SavedInvoice[], target: 'letter' | 'calendar'): FormValues {
  const saved = chosen ? invoices.find((invoice) => invoice.number === chosen) : undefined;
  if (!saved) return form;
  if (target === 'calendar') return { ...form, stage: 'payment-due', since: saved.dueDate };
  return { ...form, 'invoice.number': saved.number, 'invoice.amount': String(saved.amount), 'invoice.issuedOn': saved.issuedOn, 'invoice.dueDate': saved.dueDate };
}
