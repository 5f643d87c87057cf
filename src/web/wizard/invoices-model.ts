// The wizard's "Invoices" page, decided here: one form per invoice the
// contract calls for (the deposit first, to send with the contract; then the
// balance, hours or month; the bill at an ending), each asking only for what
// its kind needs and checked with the API's own schema
// (src/invoices/request.ts). Invoices made here are kept with the draft
// (`invoices`, beside the answers, never in the answers file): their numbers
// propose the next one, and the follow-up letters and calendar take them
// instead of retyped figures.
import { addDays } from '../../answers/dates.ts';
import { formatMoney, formatPercent, money, toMajor } from '../../answers/money.ts';
import { amountSuffix } from './view-models.ts';
import { formatsFor } from '../../language/format.ts';
import { checkIn, inLanguage, type Messages } from '../../language/messages.ts';
import type { Answers } from '../../answers/schema.ts';
import { contractMoney } from '../../contract/settlement.ts';
import type { DraftAnswers } from '../../drafts/store.ts';
import { invoiceRequestSchema, type InvoiceKind, type InvoiceRequest } from '../../invoices/request.ts';
import type { Invoice } from '../../invoices/tree.ts';
import { fieldProblems } from '../problems.ts';
import { fieldId, typedAmountProblem, type FieldError } from './engine.ts';

// The inputs that take an amount in the contract's currency.
const AMOUNT_INPUT = /^(?:workDoneAmount|paymentsMade|expenses\.\d+\.amount)$/;
import { parseAmount, setIn, formText as text, readFormInputs, toNumber, type FormValues } from './form-values.ts';
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
  return readFormInputs(inputsFor(kind, answers), body, MAX_INPUT);
}


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
      row[expense[2]!] = expense[2] === 'amount' ? parseAmount(raw, answers.fee.currency) : raw.trim();
      continue;
    }
    if (name === 'final') {
      if (raw === 'yes') invoice.final = true;
    } else if (name === 'workDoneAmount' || name === 'paymentsMade') setIn(invoice, name, parseAmount(raw, answers.fee.currency));
    else if (name === 'hours' || name === 'hoursWorked' || name === 'noticeDaysGiven') setIn(invoice, name, toNumber(raw));
    else setIn(invoice, name, name === 'howToPay' ? raw : raw.trim());
  }
  const rows = expenses.filter(Boolean);
  if (rows.length) invoice.expenses = rows;
  return invoice;
}

/** The request when the form is usable, or the problems to show beside its inputs. */
export function validateInvoice(kind: InvoiceKind, answers: Answers, form: FormValues, messages: Messages): { ok: true; request: InvoiceRequest } | { ok: false; errors: FieldError[] } {
  const result = checkIn(messages, () => invoiceRequestSchema.safeParse({ answers, invoice: invoiceFromForm(kind, answers, form) }));
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
    const typed = AMOUNT_INPUT.exec(name) ? text(form, name) : undefined;
    const why = typed === undefined ? undefined : inLanguage(messages, () => typedAmountProblem(typed, answers.fee.currency, messages.t(`invoiceRequest.${name.replace(/^expenses\.\d+\./, 'expense.')}`)));
    errors.push({ name, targetId: invoiceInputId(kind, name), message: problem.path.startsWith('answers') ? messages.t('followUp.answersFirst', { message: problem.message }) : (why ?? problem.message) });
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

/**
 * The most invoices a draft keeps. Each is kept whole (what was typed, for
 * the letters), and every page of the draft reads them all: 1,500 made a
 * 1.86 MB draft whose pages took 0.5-0.84 s (issue 24, finding 6). A monthly
 * retainer invoiced for eight years is 96; a project needing more starts a
 * new draft (or replaces an invoice by reusing its number).
 */
export const MAX_INVOICES_PER_DRAFT = 100;

/** The problem, on the number, of a form that would add an invoice past the cap; none when it replaces one or there is room. */
export function invoiceCapProblem(kind: InvoiceKind, form: FormValues, saved: readonly SavedInvoice[], messages: Messages): FieldError | undefined {
  if (saved.length < MAX_INVOICES_PER_DRAFT) return undefined;
  const number = text(form, 'number').trim();
  if (saved.some((entry) => entry.number === number)) return undefined;
  return { name: 'number', targetId: invoiceInputId(kind, 'number'), message: messages.t('invoices.tooMany', { max: MAX_INVOICES_PER_DRAFT }) };
}

/**
 * The list with this invoice added, or put in place of the one with its
 * number; never past MAX_INVOICES_PER_DRAFT (the form says so first:
 * invoiceCapProblem). Only the inputs that were filled are kept.
 */
export function withInvoice(list: readonly SavedInvoice[], invoice: Invoice, form: FormValues): SavedInvoice[] {
  const entry: SavedInvoice = {
    number: invoice.number,
    kind: invoice.kind,
    title: invoice.subtitle,
    issuedOn: invoice.figures.issuedOn,
    dueDate: invoice.figures.dueDate,
    amount: toMajor(invoice.figures.bill.total),
    total: formatMoney(invoice.figures.bill.total),
    form: Object.fromEntries(Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')),
  };
  const index = list.findIndex((saved) => saved.number === invoice.number);
  if (index < 0) return list.length < MAX_INVOICES_PER_DRAFT ? [...list, entry] : [...list];
  return list.map((saved, at) => (at === index ? entry : saved));
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

/** The late fee's rate as the language's letters state it: a month in English; a year, counted by the day, in Japanese. */
export function lateFeeRate(monthlyPercent: number, messages: Messages): string {
  return messages.language === 'ja' ? `年${formatPercent(monthlyPercent * 12)}` : formatPercent(monthlyPercent);
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

function intro(kind: InvoiceKind, answers: Answers, messages: Messages): string {
  const figures = contractMoney(answers);
  const { fee } = answers;
  const { t } = messages;
  const money = formatsFor(messages.language).money;
  // What is transferred after 源泉徴収 is net of it, so it is not called "with tax" (（税込）).
  const total = (bill: typeof figures.depositBill) =>
    bill.deductions.some((line) => line.kind === 'withholding')
      ? t('invoices.afterWithholding', { total: money(bill.total) })
      : figures.tax
        ? t('invoices.withTax', { total: money(bill.total) })
        : money(bill.total);
  switch (kind) {
    case 'deposit':
      return t('invoices.intro.deposit', { total: total(figures.depositBill) });
    case 'balance':
      return t('invoices.intro.balance', {
        total: total(figures.balanceBill),
        due: fee.paymentDueDays === 0 ? t('invoices.due.onReceipt') : t('invoices.due.days', { count: fee.paymentDueDays }),
      });
    default:
      return t(`invoices.intro.${kind}`);
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

function fieldView(kind: InvoiceKind, spec: Spec, messages: Messages, value: string, error?: string, options: { value: string; label: string }[] = []): FieldView {
  const id = invoiceInputId(kind, spec.name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const optionViews: OptionView[] =
    spec.kind === 'yes-no'
      ? [
          { id, value: 'yes', label: messages.t('invoices.yes'), hintId: `${id}-yes-hint`, checked: value === 'yes', conditionalHidden: true, children: [] },
          { id: `${id}-no`, value: 'no', label: messages.t('invoices.no'), hintId: `${id}-no-hint`, checked: value !== 'yes', conditionalHidden: true, children: [] },
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
    ...(spec.kind === 'select' ? { selectPlaceholder: messages.t('invoices.month.choose'), selectGroups: [{ label: messages.t('invoices.month.group'), options }] } : {}),
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
  /** The words of the draft's language. */
  readonly messages: Messages;
}

/** "August 2027"; "2027年8月". */
function monthLabel(month: string, language: Messages['language']): string {
  return formatsFor(language).month(month);
}

/** The months a retainer invoice may be for: from the start date's month, two years on. */
function retainerMonths(answers: Answers, language: Messages['language']): { value: string; label: string }[] {
  const start = answers.project.startDate.slice(0, 7);
  const months: { value: string; label: string }[] = [];
  let cursor = `${start}-01`;
  for (let index = 0; index < 24; index += 1) {
    const month = cursor.slice(0, 7);
    months.push({ value: month, label: monthLabel(month, language) });
    cursor = addDays(`${month}-28`, 5).slice(0, 7) + '-01';
  }
  return months;
}

function invoiceForm(kind: InvoiceKind, ctx: InvoicesPageContext): InvoiceFormView {
  const { answers } = ctx;
  const { fee } = answers;
  const own = ctx.submitted?.kind === kind ? ctx.submitted : undefined;
  const { messages } = ctx;
  const { t } = messages;
  const currencyBox = { prefix: undefined, suffix: amountSuffix(fee.currency, messages.language), width: 'medium' as const };
  const defaults: Record<string, string> = {
    number: nextInvoiceNumber(ctx.saved),
    issuedOn: kind === 'deposit' && ctx.today < answers.effectiveDate ? answers.effectiveDate : ctx.today,
    final: 'no',
  };
  const value = (name: string) => (own ? text(own.values, name) : (defaults[name] ?? ''));
  const errorOf = (name: string) => own?.errors.find((error) => error.name === name)?.message;
  const startMonth = answers.project.startDate.slice(0, 7);
  const specs: Record<string, Spec> = {
    number: { name: 'number', label: t('invoices.number.label'), kind: 'text', width: 'medium', hint: t('invoices.number.hint') },
    issuedOn: { name: 'issuedOn', label: t('invoices.issuedOn.label'), kind: 'date', hint: t('invoices.issuedOn.hint', { date: formatsFor(messages.language).date(answers.effectiveDate) }) },
    hours: { name: 'hours', label: t('invoices.hours.label'), kind: 'number', width: 'short', suffix: t('invoices.hours.suffix'), hint: t('invoices.hours.hint') },
    final: { name: 'final', label: t('invoices.final.label'), kind: 'yes-no', hint: t('invoices.final.hint') },
    month: { name: 'month', label: t('invoices.month.label'), kind: 'select', hint: t('invoices.month.hint', { month: monthLabel(startMonth, messages.language) }) },
    workDoneAmount: { name: 'workDoneAmount', label: t('invoices.workDoneAmount.label'), kind: 'number', ...currencyBox, hint: t(fee.model === 'fixed' ? 'invoices.workDoneAmount.hint.fixed' : 'invoices.workDoneAmount.hint.retainer') },
    hoursWorked: { name: 'hoursWorked', label: t('invoices.hoursWorked.label'), kind: 'number', width: 'short', suffix: t('invoices.hours.suffix'), hint: t('invoices.hoursWorked.hint') },
    noticeDaysGiven: { name: 'noticeDaysGiven', label: t('invoices.noticeDaysGiven.label'), kind: 'number', width: 'short', suffix: t('invoices.noticeDaysGiven.suffix'), hint: t('invoices.noticeDaysGiven.hint', { count: 'noticeDays' in fee ? fee.noticeDays : 30 }) },
    paymentsMade: { name: 'paymentsMade', label: t('invoices.paymentsMade.label'), kind: 'number', optional: true, ...currencyBox, hint: t('invoices.paymentsMade.hint') },
    lateFeeSince: {
      name: 'lateFeeSince',
      label: t('invoices.lateFeeSince.label'),
      kind: 'date',
      optional: true,
      hint: fee.lateFeePercentPerMonth > 0 ? t('invoices.lateFeeSince.hint', { percent: lateFeeRate(fee.lateFeePercentPerMonth, messages) }) : t('invoices.lateFeeSince.hintNone'),
    },
    howToPay: { name: 'howToPay', label: t('invoices.howToPay.label'), kind: 'textarea', optional: true, hint: t(fee.paymentMethod ? 'invoices.howToPay.hintContract' : 'invoices.howToPay.hint') },
  };
  const names = inputsFor(kind, answers);
  const make = (name: string) => fieldView(kind, specs[name]!, messages, value(name), errorOf(name), name === 'month' ? retainerMonths(answers, messages.language) : []);
  const expenseFields: FieldView[] = [];
  for (let index = 0; index < EXPENSE_ROWS && names.includes(`expenses.${index}.description`); index += 1) {
    expenseFields.push(
      fieldView(kind, { name: `expenses.${index}.description`, label: t('invoices.expense.label', { number: index + 1 }), kind: 'text', optional: true }, messages, value(`expenses.${index}.description`), errorOf(`expenses.${index}.description`)),
      fieldView(kind, { name: `expenses.${index}.amount`, label: t('invoices.expense.amount', { number: index + 1 }), kind: 'number', optional: true, ...currencyBox }, messages, value(`expenses.${index}.amount`), errorOf(`expenses.${index}.amount`)),
    );
  }
  return {
    kind,
    sectionId: `invoice-${kind}`,
    headingId: `invoice-${kind}-heading`,
    title: t(`invoices.kind.${kind}`),
    intro: intro(kind, answers, messages),
    action: ctx.actionFor(kind),
    fields: names.filter((name) => !name.startsWith('expenses.') && !(LATER as readonly string[]).includes(name)).map(make),
    ...(expenseFields.length ? { expenseLegend: t('invoices.expenses.legend') } : {}),
    expenseFields,
    laterFields: LATER.map(make),
  };
}

export function invoicesPage(ctx: InvoicesPageContext): InvoicesPageView {
  const formats = formatsFor(ctx.messages.language);
  return {
    projectName: ctx.answers.project.name,
    made: ctx.saved.map((saved) => ({
      number: saved.number,
      title: saved.title,
      issuedOn: formats.date(saved.issuedOn),
      due: saved.dueDate === saved.issuedOn ? ctx.messages.t('invoices.onReceipt') : formats.date(saved.dueDate),
      // Written now in the page's language (598,740円), not as saved when the invoice was made.
      total: formats.money(money(saved.amount, ctx.answers.fee.currency)),
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
export function madeInvoiceChoice(id: string, invoices: readonly SavedInvoice[], hint: string, messages: Messages): FieldView | undefined {
  if (!invoices.length) return undefined;
  const { t } = messages;
  const date = formatsFor(messages.language).date;
  return {
    type: 'field',
    kind: 'select',
    name: MADE_INVOICE_INPUT,
    id,
    label: t('invoices.chosen.label'),
    optional: true,
    hint,
    hintId: `${id}-hint`,
    noteId: `${id}-note`,
    errorId: `${id}-error`,
    describedBy: `${id}-hint`,
    inputType: 'text',
    widthClass: '',
    selectPlaceholder: t('invoices.chosen.none'),
    selectGroups: [
      {
        label: t('invoices.chosen.group'),
        options: invoices.map((saved) => ({
          value: saved.number,
          label: t('invoices.chosen.option', { number: saved.number, total: saved.total, due: saved.dueDate === saved.issuedOn ? t('invoices.chosen.onReceipt') : date(saved.dueDate) }),
        })),
      },
    ],
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
