// "When the client goes quiet": what the follow-up page and the email page
// print, decided here. Each letter's form asks only for what its template
// uses (the date; the invoice for the payment letters; the deadline for the
// final notice; how to pay where the letter says it) and is checked with the
// same zod schema as POST /api/letters/{kind}; the calendar form with the
// schema of POST /api/schedule.
import { addDays } from '../../answers/dates.ts';
import { formatPercent } from '../../answers/money.ts';
import { formatsFor } from '../../language/format.ts';
import { amountSuffix } from './view-models.ts';
import { checkIn, inLanguage, type Messages } from '../../language/messages.ts';
import { japaneseLetterOwnFacts } from '../../letters/edition-ja.ts';
import type { Answers } from '../../answers/schema.ts';
import type { ClauseLibrary } from '../../clauses/load.ts';
import { lateFigures, letterOwnFacts } from '../../letters/facts.ts';
import { DEADLINE_DAYS, INVOICE_LETTERS, isLetterKind, letterRequestSchemas, type LetterKind, type LetterRequest } from '../../letters/request.ts';
import { scheduleRequestSchema, type ScheduleRequest } from '../../schedule/request.ts';
import { STAGES } from '../../schedule/rules.ts';
import { fieldProblems } from '../problems.ts';
import { fieldId, typedAmountProblem, type FieldError } from './engine.ts';
import { parseAmount, setIn, formText as text, readFormInputs, toNumber, type FormValues } from './form-values.ts';
import type { FieldView, OptionView, PanelView } from './view-models.ts';
import { lateFeeRate, MADE_INVOICE_INPUT, madeInvoiceChoice, type SavedInvoice } from './invoices-model.ts';

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
  return readFormInputs(names, body, MAX_INPUT);
}

export const readLetterForm = (kind: LetterKind, body: unknown) => readInputs(LETTER_INPUTS[kind], body);
export const readCalendarForm = (body: unknown) => readInputs(CALENDAR_INPUTS, body);


/** The `letter` object of a letter request, from its form: empty inputs left out, an invoice only when one of its inputs is filled. */
export function letterFromForm(kind: LetterKind, form: FormValues, currency?: string): Record<string, unknown> {
  const letter: Record<string, unknown> = {};
  for (const name of LETTER_INPUTS[kind]) {
    const raw = text(form, name);
    if (raw.trim() === '') continue;
    const value = name === 'invoice.amount' ? parseAmount(raw, currency) : name === 'deadlineDays' ? toNumber(raw) : name === 'howToPay' ? raw : raw.trim();
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
  messages: Messages,
): { ok: true; request: LetterRequest } | { ok: false; errors: FieldError[] } {
  const result = checkIn(messages, () => letterRequestSchemas[kind].safeParse({ answers, letter: letterFromForm(kind, form, answers.fee.currency) }));
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
    const why = name === 'invoice.amount' ? inLanguage(messages, () => typedAmountProblem(text(form, name), answers.fee.currency, messages.t('letterRequest.invoice.amount'))) : undefined;
    errors.push({ name, targetId, message: problem.path.startsWith('answers') ? messages.t('followUp.answersFirst', { message: problem.message }) : (why ?? problem.message) });
  }
  const position = order(['invoice', ...names]);
  return { ok: false, errors: errors.sort((a, b) => position(a) - position(b)) };
}

export function validateCalendar(
  answers: Answers,
  form: FormValues,
  messages: Messages,
): { ok: true; request: ScheduleRequest } | { ok: false; errors: FieldError[] } {
  const stage = text(form, 'stage');
  const since = text(form, 'since').trim();
  const result = checkIn(messages, () => scheduleRequestSchema.safeParse({ answers, ...(stage ? { stage } : {}), ...(since ? { since } : {}) }));
  if (result.success) return { ok: true, request: result.data };
  const errors: FieldError[] = [];
  for (const problem of fieldProblems(result.error.issues)) {
    const name = problem.path === 'stage' ? 'stage' : 'since';
    errors.push({
      name,
      targetId: calendarInputId(name),
      // The schema's wording names the API's values; the page names its choices.
      message: name === 'stage' ? messages.t('followUp.stage.missing') : since ? problem.message : messages.t('followUp.since.missing'),
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

/** A letter made on the page (a Word file, a PDF or an email's text), kept for the claim pack with its date. */
export interface MadeLetter {
  readonly kind: LetterKind;
  readonly date: string;
  /** What was typed, the date included, checked again by the letter's schema when the pack is made. */
  readonly form: Record<string, string>;
}

/** As many as the claim pack takes (CLAIM_PACK_LIMITS.letters); the oldest go first. */
export const MADE_LETTERS_KEPT = 24;

export function madeLetters(draftAnswers: Record<string, unknown>): MadeLetter[] {
  const saved = draftAnswers.lettersMade;
  if (!Array.isArray(saved)) return [];
  return saved.filter(
    (entry): entry is MadeLetter =>
      !!entry && typeof entry === 'object' && isLetterKind(String(entry.kind)) && typeof entry.date === 'string' && !!entry.form && typeof entry.form === 'object',
  );
}

/**
 * The list with this letter added. The same letter made again on the same day (a Word file, then its email)
 * is one letter sent: it takes the earlier one's place, so the pack holds each letter once.
 */
export function withMadeLetter(list: readonly MadeLetter[], kind: LetterKind, date: string, form: FormValues): MadeLetter[] {
  const entry: MadeLetter = { kind, date, form: Object.fromEntries(Object.entries(form).filter((value): value is [string, string] => typeof value[1] === 'string')) };
  const rest = list.filter((saved) => !(saved.kind === kind && saved.date === date));
  return [...rest, entry].slice(-MADE_LETTERS_KEPT);
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
  /** A Japanese final demand goes by 内容証明郵便: its grid copies as a Word file, and its text for e内容証明. */
  naiyoShomei: boolean;
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
  /** The words of the draft's language. */
  readonly messages: Messages;
}


function calendarItems(ctx: PageContext): FieldView[] {
  const { t } = ctx.messages;
  const own = ctx.submitted?.form === 'calendar' ? ctx.submitted : undefined;
  const value = (name: string) => (own ? text(own.values, name) : (ctx.saved[`calendar.${name}`] ?? ''));
  const errorOf = (name: string) => own?.errors.find((error) => error.name === name)?.message;
  const stageId = calendarInputId('stage');
  const stageError = errorOf('stage');
  const stage = value('stage');
  const options: OptionView[] = STAGES.map((choice, index) => {
    const id = index === 0 ? stageId : `${stageId}-${index + 1}`;
    return { id, value: choice, label: t(`followUp.stage.${choice}.label`), hint: t(`followUp.stage.${choice}.hint`), hintId: `${id}-hint`, checked: stage === choice, conditionalHidden: true, children: [] };
  });
  const stageView: FieldView = {
    ...inputView({ id: stageId, name: 'stage', label: t('followUp.stage.label'), kind: 'text', value: stage, ...(stageError ? { error: stageError } : {}) }),
    kind: 'radios',
    options,
  };
  const sinceError = errorOf('since');
  const made = madeInvoiceChoice(calendarInputId(MADE_INVOICE_INPUT), ctx.invoices ?? [], t('followUp.stage.madeHint'), ctx.messages);
  return [
    stageView,
    ...(made ? [made] : []),
    inputView({
      id: calendarInputId('since'),
      name: 'since',
      label: t('followUp.since.label'),
      kind: 'date',
      value: value('since'),
      hint: t('followUp.since.hint'),
      ...(sinceError ? { error: sinceError } : {}),
    }),
  ];
}

function letterItems(kind: LetterKind, ctx: PageContext): (FieldView | GroupView)[] {
  const own = ctx.submitted?.form === kind ? ctx.submitted : undefined;
  const { fee } = ctx.answers;
  const { t } = ctx.messages;
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
    date: { label: t('followUp.date.label'), kind: 'date', hint: t(overdue ? 'followUp.date.hintOverdue' : 'followUp.date.hint') },
    calledOn: { label: t('followUp.calledOn.label'), kind: 'date', optional: true, hint: t('followUp.calledOn.hint') },
    'invoice.number': { label: t('followUp.invoice.number.label'), kind: 'text', width: 'medium' },
    'invoice.amount': { label: t('followUp.invoice.amount.label'), kind: 'number', width: 'medium', suffix: amountSuffix(fee.currency, ctx.messages.language), hint: t('followUp.invoice.amount.hint', { currency: ctx.messages.language === 'ja' ? formatsFor('ja').currencyName(fee.currency) : fee.currency }) },
    'invoice.issuedOn': { label: t('followUp.invoice.issuedOn.label'), kind: 'date' },
    'invoice.dueDate': {
      label: t('followUp.invoice.dueDate.label'),
      kind: 'date',
      hint: fee.paymentDueDays === 0 ? t('followUp.invoice.dueDate.onReceipt') : t('followUp.invoice.dueDate.days', { count: fee.paymentDueDays }),
    },
    deadlineDays: {
      label: t('followUp.deadlineDays.label'),
      kind: 'number',
      width: 'short',
      suffix: t('followUp.deadlineDays.suffix'),
      hint: t('followUp.deadlineDays.hint', { min: DEADLINE_DAYS.min, max: DEADLINE_DAYS.max }),
    },
    howToPay: { label: t('followUp.howToPay.label'), kind: 'textarea', optional: true, hint: t('followUp.howToPay.hint') },
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
      const made = madeInvoiceChoice(letterInputId(kind, MADE_INVOICE_INPUT), ctx.invoices ?? [], t('followUp.invoice.madeHint'), ctx.messages);
      if (made) items.push(made);
      const id = `${kind}-invoice`;
      const hint = t('followUp.invoice.hint');
      items.push({
        type: 'group',
        id,
        legend: t('followUp.invoice.legend'),
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
    naiyoShomei: kind === 'final-notice' && ctx.answers.language === 'ja',
  };
}

const SITUATION_STEPS = { negotiating: 3, 'in-progress': 3, 'payment-due': 4 } as const;

export function followUpPage(ctx: PageContext): FollowUpPageView {
  const { answers } = ctx;
  const { fee } = answers;
  const { t } = ctx.messages;
  const lateFee = fee.lateFeePercentPerMonth > 0 ? t('followUp.lateFee.with', { percent: lateFeeRate(fee.lateFeePercentPerMonth, ctx.messages) }) : t('followUp.lateFee.none');
  const params: Record<string, Record<string, string | number>> = {
    'in-progress.step3': { count: answers.killFee.unresponsiveDays },
    'payment-due.step2': { lateFee },
    'payment-due.step4': { min: DEADLINE_DAYS.min, max: DEADLINE_DAYS.max },
  };
  const letterKinds: Record<keyof typeof SITUATION_STEPS, readonly LetterKind[]> = {
    negotiating: ['final-check-in'],
    'in-progress': ['work-paused'],
    'payment-due': ['payment-reminder', 'late-notice', 'final-notice'],
  };
  const situations: SituationView[] = (Object.keys(SITUATION_STEPS) as (keyof typeof SITUATION_STEPS)[]).map((id) => ({
    id,
    headingId: `${id}-heading`,
    heading: t(`followUp.${id}.heading`),
    steps: Array.from({ length: SITUATION_STEPS[id] }, (_, index) => t(`followUp.${id}.step${index + 1}`, params[`${id}.step${index + 1}`])),
    letters: letterKinds[id].map((kind) => letterForm(kind, ctx)),
  }));
  return {
    projectName: answers.project.name,
    clientName: answers.client.business ?? answers.client.name,
    contents: [
      { href: '#calendar', text: t('followUp.calendar.heading') },
      ...situations.map((situation) => ({ href: `#${situation.id}`, text: situation.heading })),
    ],
    calendar: { action: ctx.actionFor('calendar'), items: calendarItems(ctx) },
    situations,
  };
}

// ---- The email page ---------------------------------------------------------

/** The figures the letter prints, for the page that shows its email: days late, late fee, balance, deadline. */
export function letterFigures(kind: LetterKind, request: LetterRequest, messages: Messages): PanelView | undefined {
  const { answers, letter } = request;
  const invoice = letter.invoice;
  if (!invoice || !INVOICE_LETTERS.includes(kind)) return undefined;
  const { fee } = answers;
  const { t } = messages;
  const formats = formatsFor(messages.language);
  const figures = lateFigures(invoice, fee.currency, fee.lateFeePercentPerMonth, letter.date);
  const daysLateValue = (daysLate: number, inWords: string) =>
    daysLate > 0 ? inWords : daysLate === 0 ? t('followUp.figures.dueToday') : t('followUp.figures.notDueYet', { count: -daysLate });
  let rows: { id: string; label: string; value: string }[];
  if (messages.language === 'ja') {
    // The Japanese letters charge 遅延損害金 by the day at the yearly rate: the page shows their figures.
    const own = japaneseLetterOwnFacts(answers, letter);
    rows = [
      { id: 'figure-invoice', label: t('followUp.figures.invoice', { number: invoice.number }), value: own.invoice.amount },
      { id: 'figure-due', label: t('followUp.figures.due'), value: own.invoice.dueDate },
      { id: 'figure-days-late', label: t('followUp.figures.daysLate'), value: daysLateValue(figures.daysLate, t('followUp.figures.days', { count: own.daysLate })) },
      {
        id: 'figure-late-fee',
        label: fee.lateFeePercentPerMonth > 0 ? t('followUp.figures.lateFeeDaily', { percent: lateFeeRate(fee.lateFeePercentPerMonth, messages) }) : t('followUp.figures.lateFeeNone'),
        value: own.lateFee,
      },
      { id: 'figure-balance', label: t('followUp.figures.balance'), value: own.balance },
    ];
  } else {
    const facts = letterOwnFacts(fee, letter);
    rows = [
      { id: 'figure-invoice', label: t('followUp.figures.invoice', { number: invoice.number }), value: formats.money(figures.amount) },
      { id: 'figure-due', label: t('followUp.figures.due'), value: formats.date(invoice.dueDate) },
      { id: 'figure-days-late', label: t('followUp.figures.daysLate'), value: daysLateValue(figures.daysLate, facts.daysLateText) },
      {
        id: 'figure-late-fee',
        label: fee.lateFeePercentPerMonth > 0 ? t('followUp.figures.lateFee', { percent: formatPercent(fee.lateFeePercentPerMonth), periods: facts.lateFeePeriodsText }) : t('followUp.figures.lateFeeNone'),
        value: formats.money(figures.lateFee),
      },
      { id: 'figure-balance', label: t('followUp.figures.balance'), value: formats.money(figures.balance) },
    ];
  }
  if (kind === 'final-notice') {
    const days = letter.deadlineDays ?? DEADLINE_DAYS.default;
    rows.push({ id: 'figure-deadline', label: t('followUp.figures.deadline', { count: days }), value: formats.date(addDays(letter.date, days)) });
  }
  return { type: 'panel', id: 'letter-figures', tone: 'figures', heading: t('followUp.figures.heading'), paragraphs: [], list: [], rows, hidden: false, data: [] };
}

/** The letter's form as hidden inputs, so the email page can offer the same letter as a Word file. */
export function hiddenInputs(kind: LetterKind, form: FormValues): { name: string; value: string }[] {
  return LETTER_INPUTS[kind].map((name) => ({ name, value: text(form, name) })).filter((input) => input.value !== '');
}
