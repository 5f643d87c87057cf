// "When the client goes quiet": what the follow-up page and the email page
// print, decided here. Each letter's form asks only for what its template
// uses (the date; the invoice for the payment letters; the deadline for the
// final notice; how to pay where the letter says it) and is checked with the
// same zod schema as POST /api/letters/{kind}; the calendar form with the
// schema of POST /api/schedule.
import { addDays, formatLongDate } from '../../answers/dates.ts';
import { formatMoney, formatPercent } from '../../answers/money.ts';
import type { Answers } from '../../answers/schema.ts';
import type { ClauseLibrary } from '../../clauses/load.ts';
import { lateFigures, letterOwnFacts } from '../../letters/facts.ts';
import { DEADLINE_DAYS, INVOICE_LETTERS, letterRequestSchemas, type LetterKind, type LetterRequest } from '../../letters/request.ts';
import { scheduleRequestSchema, type ScheduleRequest } from '../../schedule/request.ts';
import { STAGES, type Stage } from '../../schedule/rules.ts';
import { fieldProblems } from '../problems.ts';
import { fieldId, type FieldError } from './engine.ts';
import { parseAmount, setIn, single, toNumber, type FormValues } from './form-values.ts';
import type { FieldView, OptionView, PanelView } from './view-models.ts';
import { MADE_INVOICE_INPUT, madeInvoiceChoice, type SavedInvoice } from './invoices-model.ts';

// ---- The forms: which inputs each one has ----------------------------------

type InputName = 'date' | 'calledOn' | 'invoice.number' | 'invoice.amount' | 'invoice.issuedOn' | 'invoice.dueDate' | 'deadlineDays' | 'howToPay';

const INVOICE_INPUTS: readonly InputName[] = ['invoice.number', 'invoice.amount', 'invoice.issuedOn', 'invoice.dueDate'];

/** What each letter's template prints beyond the contract: the inputs its form shows, in page order. */
export const LETTER_INPUTS: Readonly<Record<LetterKind, readonly InputName[]>> = {
  'final-check-in': ['date'],
  'work-paused': ['date', 'calledOn'],
  'payment-reminder': ['date', ...INVOICE_INPUTS, 'howToPay'],
  'late-notice': ['date', ...INVOICE_INPUTS, 'howToPay'],
  'final-notice': ['date', ...INVOICE_INPUTS, 'deadlineDays', 'howToPay'],
};

const CALENDAR_INPUTS = ['stage', 'since'] as const;

/** Longest text kept from one input (the schemas allow far less; this only bounds what is saved). */
const MAX_INPUT = 2000;

export const letterInputId = (kind: LetterKind, name: string) => `${kind}-${fieldId(name)}`;
export const calendarInputId = (name: string) => `calendar-${fieldId(name)}`;

function readInputs(names: readonly string[], body: unknown): FormValues {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const form: FormValues = {};
  for (const name of names) {
    const value = single(source[name]);
    if (value !== undefined) form[name] = value.slice(0, MAX_INPUT);
  }
  return form;
}

export const readLetterForm = (kind: LetterKind, body: unknown) => readInputs(LETTER_INPUTS[kind], body);
export const readCalendarForm = (body: unknown) => readInputs(CALENDAR_INPUTS, body);

const text = (form: FormValues, name: string) => {
  const value = form[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

/** The `letter` object of a letter request, from its form: empty inputs left out, an invoice only when one of its inputs is filled. */
export function letterFromForm(kind: LetterKind, form: FormValues): Record<string, unknown> {
  const letter: Record<string, unknown> = {};
  for (const name of LETTER_INPUTS[kind]) {
    const raw = text(form, name);
    if (raw.trim() === '') continue;
    const value = name === 'invoice.amount' ? parseAmount(raw) : name === 'deadlineDays' ? toNumber(raw) : name === 'howToPay' ? raw : raw.trim();
    if (value !== undefined) setIn(letter, name, value);
  }
  return letter;
}

const order = (names: readonly string[]) => (error: FieldError) => {
  const index = names.indexOf(error.name);
  return index < 0 ? names.length : index;
};

/** The letter's request when the form is usable, or the problems to show beside its inputs. */
export function validateLetter(
  kind: LetterKind,
  answers: Answers,
  form: FormValues,
): { ok: true; request: LetterRequest } | { ok: false; errors: FieldError[] } {
  const result = letterRequestSchemas[kind].safeParse({ answers, letter: letterFromForm(kind, form) });
  if (result.success) return { ok: true, request: result.data };
  const names = LETTER_INPUTS[kind];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const problem of fieldProblems(result.error.issues)) {
    const path = problem.path.replace(/^letter\.?/, '');
    // The whole invoice missing: the message sits on the invoice's group, the link goes to its first input.
    const name = path === 'invoice' ? 'invoice' : names.includes(path as InputName) ? path : names[0]!;
    const targetId = letterInputId(kind, name === 'invoice' ? INVOICE_INPUTS[0]! : name);
    const key = `${name}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ name, targetId, message: problem.path.startsWith('answers') ? `Your contract's answers need a change first: ${problem.message}` : problem.message });
  }
  const position = order(['invoice', ...names]);
  return { ok: false, errors: errors.sort((a, b) => position(a) - position(b)) };
}

export function validateCalendar(
  answers: Answers,
  form: FormValues,
): { ok: true; request: ScheduleRequest } | { ok: false; errors: FieldError[] } {
  const stage = text(form, 'stage');
  const since = text(form, 'since').trim();
  const result = scheduleRequestSchema.safeParse({ answers, ...(stage ? { stage } : {}), ...(since ? { since } : {}) });
  if (result.success) return { ok: true, request: result.data };
  const errors: FieldError[] = [];
  for (const problem of fieldProblems(result.error.issues)) {
    const name = problem.path === 'stage' ? 'stage' : 'since';
    errors.push({
      name,
      targetId: calendarInputId(name),
      // The schema's wording names the API's values; the page names its choices.
      message: name === 'stage' ? 'Choose where the project is.' : since ? problem.message : 'Enter the date to count from.',
    });
  }
  return { ok: false, errors: errors.sort(order([...CALENDAR_INPUTS])) };
}

// ---- What the page remembers between visits --------------------------------

/**
 * Saved with the draft (under `followUp`, beside the answers): the invoice,
 * the deadline, how to pay and the calendar's choices, as typed, so the three
 * payment letters share one invoice and going back from the email keeps them.
 * Never the letter's date: a saved date would quietly back-date a later letter.
 */
export type SavedFollowUp = Record<string, string>;

export function savedFollowUp(draftAnswers: Record<string, unknown>): SavedFollowUp {
  const saved = draftAnswers.followUp;
  if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return {};
  return Object.fromEntries(Object.entries(saved).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

export function withSaved(saved: SavedFollowUp, form: FormValues): SavedFollowUp {
  const next = { ...saved };
  for (const [name, value] of Object.entries(form)) {
    if (name === 'date' || typeof value !== 'string') continue;
    next[name === 'stage' || name === 'since' ? `calendar.${name}` : name] = value;
  }
  return next;
}

// ---- The page ---------------------------------------------------------------

export interface GroupView {
  type: 'group';
  id: string;
  legend: string;
  hint?: string;
  hintId: string;
  error?: string;
  errorId: string;
  describedBy: string;
  fields: FieldView[];
}

export interface LetterFormView {
  kind: LetterKind;
  sectionId: string;
  headingId: string;
  title: string;
  /** What the letter says and when to send it (the template's note). */
  note: string;
  action: string;
  items: (FieldView | GroupView)[];
  fileName: string;
}

export interface SituationView {
  id: string;
  headingId: string;
  heading: string;
  steps: string[];
  letters: LetterFormView[];
}

export interface FollowUpPageView {
  projectName: string;
  clientName: string;
  contents: { href: string; text: string }[];
  calendar: { action: string; items: FieldView[] };
  situations: SituationView[];
}

const joinIds = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ');

interface InputSpec {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly kind: 'text' | 'date' | 'number' | 'textarea';
  readonly value: string;
  readonly hint?: string;
  readonly optional?: boolean;
  readonly width?: 'short' | 'medium';
  readonly suffix?: string;
  readonly error?: string;
  /** Marked invalid by an error shown on its group. */
  readonly invalid?: boolean;
  readonly groupErrorId?: string;
}

function inputView(spec: InputSpec): FieldView {
  const hintId = `${spec.id}-hint`;
  const errorId = `${spec.id}-error`;
  return {
    type: 'field',
    kind: spec.kind,
    name: spec.name,
    id: spec.id,
    label: spec.label,
    optional: spec.optional ?? false,
    ...(spec.hint ? { hint: spec.hint } : {}),
    hintId,
    noteId: `${spec.id}-note`,
    ...(spec.error ? { error: spec.error } : {}),
    errorId,
    describedBy: joinIds(spec.suffix && `${spec.id}-suffix`, spec.hint && hintId, spec.error && errorId, spec.invalid && spec.groupErrorId),
    inputType: spec.kind === 'date' ? 'date' : 'text',
    ...(spec.kind === 'number' ? { inputMode: 'decimal' } : {}),
    widthClass: spec.width ? `input-${spec.width}` : spec.kind === 'date' ? 'input-medium' : '',
    ...(spec.suffix ? { suffix: spec.suffix } : {}),
    ...(spec.invalid ? { invalid: true } : {}),
    value: spec.value,
    suggestions: [],
    items: [],
    options: [],
    isPageHeading: false,
  };
}

interface Submitted {
  /** `calendar` or a letter kind: the form the values and errors belong to. */
  readonly form: string;
  readonly values: FormValues;
  readonly errors: readonly FieldError[];
}

export interface PageContext {
  readonly answers: Answers;
  readonly letters: ClauseLibrary;
  readonly saved: SavedFollowUp;
  /** The form just sent, shown again with what was typed and its problems. */
  readonly submitted?: Submitted;
  readonly today: string;
  readonly actionFor: (form: string) => string;
  readonly fileNameFor: (kind: LetterKind) => string;
  /** Invoices made on the Invoices page, offered instead of typing one again. */
  readonly invoices?: readonly SavedInvoice[];
}

const STAGE_CHOICES: Readonly<Record<Stage, { label: string; hint: string }>> = {
  negotiating: {
    label: 'Still negotiating: no contract signed yet',
    hint: 'Count from the day you sent the message that has no answer. Two reminders: 4 days later (the start of the 4 to 7 day window), and a week after that for the final check-in.',
  },
  'in-progress': {
    label: 'The project has started and you are waiting for feedback',
    hint: 'Count from the day you sent the email still awaiting an answer. Three reminders: the Tuesday of the next week, a week later to investigate, then the day to pause the work.',
  },
  'payment-due': {
    label: 'The work is delivered and you are waiting for payment',
    hint: 'Count from the invoice’s due date. Six reminders: the day after, a week after (resend the invoice), 30 days late (with the late fee), 60 and 90 days late, then the final notice.',
  },
};

function calendarItems(ctx: PageContext): FieldView[] {
  const own = ctx.submitted?.form === 'calendar' ? ctx.submitted : undefined;
  const value = (name: string) => (own ? text(own.values, name) : (ctx.saved[`calendar.${name}`] ?? ''));
  const errorOf = (name: string) => own?.errors.find((error) => error.name === name)?.message;
  const stageId = calendarInputId('stage');
  const stageError = errorOf('stage');
  const stage = value('stage');
  const options: OptionView[] = STAGES.map((choice, index) => {
    const id = index === 0 ? stageId : `${stageId}-${index + 1}`;
    return { id, value: choice, label: STAGE_CHOICES[choice].label, hint: STAGE_CHOICES[choice].hint, hintId: `${id}-hint`, checked: stage === choice, conditionalHidden: true, children: [] };
  });
  const stageView: FieldView = {
    ...inputView({ id: stageId, name: 'stage', label: 'Where is the project?', kind: 'text', value: stage, ...(stageError ? { error: stageError } : {}) }),
    kind: 'radios',
    options,
  };
  const sinceError = errorOf('since');
  const made = madeInvoiceChoice(calendarInputId(MADE_INVOICE_INPUT), ctx.invoices ?? [], 'Waiting for payment on one of them? Choose it to count from its due date.');
  return [
    stageView,
    ...(made ? [made] : []),
    inputView({
      id: calendarInputId('since'),
      name: 'since',
      label: 'Count from',
      kind: 'date',
      value: value('since'),
      hint: 'The date your choice above names: the unanswered message, or the invoice’s due date.',
      ...(sinceError ? { error: sinceError } : {}),
    }),
  ];
}

function letterItems(kind: LetterKind, ctx: PageContext): (FieldView | GroupView)[] {
  const own = ctx.submitted?.form === kind ? ctx.submitted : undefined;
  const { fee } = ctx.answers;
  const value = (name: InputName): string => {
    if (own) return text(own.values, name);
    if (name === 'date') return ctx.today;
    return ctx.saved[name] ?? (name === 'deadlineDays' ? String(DEADLINE_DAYS.default) : '');
  };
  const errorOf = (name: string) => own?.errors.find((error) => error.name === name)?.message;
  const groupError = errorOf('invoice');
  const groupErrorId = `${kind}-invoice-error`;
  const overdue = kind === 'late-notice' || kind === 'final-notice';
  const specs: Record<InputName, Omit<InputSpec, 'id' | 'name' | 'value'>> = {
    date: {
      label: 'Date of the letter',
      kind: 'date',
      hint: overdue ? 'Usually today. It must be after the invoice’s due date: the letter counts the days late to this date.' : 'Usually today.',
    },
    calledOn: {
      label: 'Date you called the client',
      kind: 'date',
      optional: true,
      hint: 'Your contract lets you pause once you have tried at least once to call. Leave empty if you have not called: the letter then says nothing about a call.',
    },
    'invoice.number': { label: 'Invoice number', kind: 'text', width: 'medium' },
    'invoice.amount': {
      label: 'Invoice amount',
      kind: 'number',
      width: 'medium',
      suffix: fee.currency,
      hint: `In ${fee.currency}, as on the invoice, without any late fee: the letter adds it.`,
    },
    'invoice.issuedOn': { label: 'Invoice date', kind: 'date' },
    'invoice.dueDate': {
      label: 'Invoice due date',
      kind: 'date',
      hint: fee.paymentDueDays === 0 ? 'Your contract makes invoices due on receipt.' : `Your contract gives the client ${fee.paymentDueDays} days from the invoice.`,
    },
    deadlineDays: {
      label: 'Days to pay before legal action',
      kind: 'number',
      width: 'short',
      suffix: 'days',
      hint: `From ${DEADLINE_DAYS.min} to ${DEADLINE_DAYS.max} days after the letter’s date. The letter gives the date.`,
    },
    howToPay: {
      label: 'How to pay',
      kind: 'textarea',
      optional: true,
      hint: 'Bank details or a payment link, as the letter should give them.',
    },
  };
  const view = (name: InputName) => {
    const error = errorOf(name);
    const inInvoice = INVOICE_INPUTS.includes(name);
    return inputView({
      ...specs[name],
      id: letterInputId(kind, name),
      name,
      value: value(name),
      ...(error ? { error } : {}),
      ...(inInvoice && groupError ? { invalid: true, groupErrorId } : {}),
    });
  };
  const items: (FieldView | GroupView)[] = [];
  for (const name of LETTER_INPUTS[kind]) {
    if (name === INVOICE_INPUTS[0]) {
      const made = madeInvoiceChoice(letterInputId(kind, MADE_INVOICE_INPUT), ctx.invoices ?? [], 'Choose it and its figures are used; or leave this and type the invoice below.');
      if (made) items.push(made);
      const id = `${kind}-invoice`;
      const hint = 'The invoice this letter is about.';
      items.push({
        type: 'group',
        id,
        legend: 'The invoice',
        hint,
        hintId: `${id}-hint`,
        ...(groupError ? { error: groupError } : {}),
        errorId: groupErrorId,
        describedBy: joinIds(`${id}-hint`, groupError && groupErrorId),
        fields: INVOICE_INPUTS.map(view),
      });
    } else if (!INVOICE_INPUTS.includes(name)) {
      items.push(view(name));
    }
  }
  return items;
}

function letterForm(kind: LetterKind, ctx: PageContext): LetterFormView {
  const template = ctx.letters.clauses.find((letter) => letter.id === kind);
  return {
    kind,
    sectionId: `letter-${kind}`,
    headingId: `letter-${kind}-heading`,
    title: template?.title ?? kind,
    note: template?.note ?? '',
    action: ctx.actionFor(kind),
    items: letterItems(kind, ctx),
    fileName: ctx.fileNameFor(kind),
  };
}

export function followUpPage(ctx: PageContext): FollowUpPageView {
  const { answers } = ctx;
  const { fee } = answers;
  const lateFee = fee.lateFeePercentPerMonth > 0
    ? `with the late fee your contract sets (${formatPercent(fee.lateFeePercentPerMonth)} of the invoice for each full 30 days late; the letters work it out)`
    : 'by itself: your contract sets no late fee';
  const situations: SituationView[] = [
    {
      id: 'negotiating',
      heading: 'Still negotiating, and the client has gone quiet',
      steps: [
        'Wait 4 to 7 days after your unanswered message, then send a short, friendly follow-up. Sooner can feel pushy or desperate.',
        'Still nothing a week after that? Send one last follow-up, the final check-in below: thank them for reaching out about the project, say they seem busy so this is your last check-in, and invite them to get in touch when they are ready. Then move on.',
        'A client who is habitually slow to answer is a warning sign: consider declining the work.',
      ],
      letters: [letterForm('final-check-in', ctx)],
    },
    {
      id: 'in-progress',
      heading: 'The project has started and you need feedback',
      steps: [
        'Send your first follow-up on the Tuesday after your original email: the client gets the rest of that week and the next Monday.',
        'A week after that Tuesday with no answer, investigate: check the address you write to against the one the client last wrote from, call to confirm your message arrived, and look for signs of activity online. On public channels, stay neutral and professional.',
        `If nothing works, pause the project until you hear back, and email the client to say so: the letter below. Your contract lets you pause after ${answers.killFee.unresponsiveDays} days without an answer and bill the work done so far.`,
      ],
      letters: [letterForm('work-paused', ctx)],
    },
    {
      id: 'payment-due',
      heading: 'The work is delivered and the payment is late',
      steps: [
        'Follow up by email and phone: confirm the deliverables arrived and talk about the invoice. The payment reminder below does this in writing.',
        `No payment? Resend the invoice by every means you have (email, certified mail, fax), ${lateFee}, and call to confirm it arrived.`,
        'Then send late-payment notices 30, 60 and 90 days after the due date: firm but polite, saying you intend to take legal action, with a copy of the invoice enclosed.',
        `Last, the final notice: a deadline of ${DEADLINE_DAYS.min} to ${DEADLINE_DAYS.max} days to pay. If it passes, the next step is small-claims court.`,
      ],
      letters: (['payment-reminder', 'late-notice', 'final-notice'] as const).map((kind) => letterForm(kind, ctx)),
    },
  ].map((situation) => ({ ...situation, headingId: `${situation.id}-heading` }));
  return {
    projectName: answers.project.name,
    clientName: answers.client.business ?? answers.client.name,
    contents: [
      { href: '#calendar', text: 'Put the follow-up dates in your calendar' },
      ...situations.map((situation) => ({ href: `#${situation.id}`, text: situation.heading })),
    ],
    calendar: { action: ctx.actionFor('calendar'), items: calendarItems(ctx) },
    situations,
  };
}

// ---- The email page ---------------------------------------------------------

/** The figures the letter prints, for the page that shows its email: days late, late fee, balance, deadline. */
export function letterFigures(kind: LetterKind, request: LetterRequest): PanelView | undefined {
  const { answers, letter } = request;
  const invoice = letter.invoice;
  if (!invoice || !INVOICE_LETTERS.includes(kind)) return undefined;
  const { fee } = answers;
  const facts = letterOwnFacts(fee, letter);
  const figures = lateFigures(invoice, fee.currency, fee.lateFeePercentPerMonth, letter.date);
  const daysLate =
    figures.daysLate > 0 ? facts.daysLateText : figures.daysLate === 0 ? 'Due today' : `Not due yet (due in ${-figures.daysLate} ${figures.daysLate === -1 ? 'day' : 'days'})`;
  const rows = [
    { id: 'figure-invoice', label: `Invoice ${invoice.number}`, value: formatMoney(figures.amount) },
    { id: 'figure-due', label: 'Due date', value: formatLongDate(invoice.dueDate) },
    { id: 'figure-days-late', label: 'Days late', value: daysLate },
    {
      id: 'figure-late-fee',
      label: fee.lateFeePercentPerMonth > 0 ? `Late fee (${formatPercent(fee.lateFeePercentPerMonth)} a month, ${facts.lateFeePeriodsText})` : 'Late fee (none in your contract)',
      value: formatMoney(figures.lateFee),
    },
    { id: 'figure-balance', label: 'Balance due', value: formatMoney(figures.balance) },
  ];
  if (kind === 'final-notice') {
    const days = letter.deadlineDays ?? DEADLINE_DAYS.default;
    rows.push({ id: 'figure-deadline', label: `Deadline to pay (${days} days)`, value: formatLongDate(addDays(letter.date, days)) });
  }
  return { type: 'panel', id: 'letter-figures', tone: 'figures', heading: 'The figures in this letter', paragraphs: [], list: [], rows, hidden: false, data: [] };
}

/** The letter's form as hidden inputs, so the email page can offer the same letter as a Word file. */
export function hiddenInputs(kind: LetterKind, form: FormValues): { name: string; value: string }[] {
  return LETTER_INPUTS[kind].map((name) => ({ name, value: text(form, name) })).filter((input) => input.value !== '');
}
