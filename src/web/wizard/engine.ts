// What the generic step route does, without HTTP: read a step's form into
// answers, validate them with the step's slice of the schema, and write saved
// answers back into the form. Pure functions, tested through the routes.
import { toIsoDate } from '../../answers/dates.ts';
import { answersSchema, defaultDepositPercent, LIMITS, rawTextLimit, TEXT_LIMITS, type Answers, type AnswersInput, type Language } from '../../answers/schema.ts';
import { computeFigures, type Figures } from '../../contract/facts.ts';
import type { DraftAnswers } from '../../drafts/store.ts';
import { fieldProblems } from '../problems.ts';
import { formatsFor } from '../../language/format.ts';
import { activeLanguage, inLanguage, say } from '../../language/messages.ts';
import { deleteIn, formatAmountInput, getIn, many, parseAmount, setIn, single, toBoolean, toInputText, toIsoDateText, toNumber, type FormValues } from './form-values.ts';
import { currencyDigits, formatAmountSuggestion, isKnownCurrency, readAmount } from '../../answers/money.ts';
import { asciiForm } from '../../answers/text.ts';
import { activeSteps, draftLanguage, revealedBy, STEPS, type FieldDef, type StepDef } from './steps.ts';

export interface FieldError {
  /** The field's input name. */
  readonly name: string;
  /** The id of the input the error summary links to. */
  readonly targetId: string;
  /** For a list: which item, when the error is about one item. */
  readonly index?: number;
  readonly message: string;
}

/** "client.phone" -> "client-phone": ids for inputs, hints and errors. */
export function fieldId(name: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, '-');
}

/** Whether a field is asked, given the answers of the pages before. */
export function applies(field: FieldDef, answers: DraftAnswers): boolean {
  return !field.when || field.when(answers);
}

/** The answers a field writes: its own path, or for a form-only question the answers it sets. */
function answerPaths(field: FieldDef): readonly string[] {
  return field.name.startsWith('wizard.') ? (field.answers ?? []) : [field.name];
}

/** The values a step's form sent, keeping exactly what was typed. */
export function readForm(step: StepDef, body: unknown, answers: DraftAnswers = {}): FormValues {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const form: FormValues = {};
  for (const field of step.fields) {
    if (!applies(field, answers)) continue;
    const raw = source[field.name];
    if (field.kind === 'list') {
      // Empty boxes are how a user removes an item; they are dropped here so
      // error positions match the boxes shown again.
      form[field.name] = many(raw).filter((item) => item.trim() !== '');
    } else {
      const value = single(raw);
      if (value !== undefined) form[field.name] = value;
    }
  }
  return form;
}

// A value far over its field's limit (rawTextLimit of the schema's own cap,
// TEXT_LIMITS) is refused before the draft is saved, so no step of any size is
// kept; the schema still judges the rest.
// Numbers, amounts, dates and choices: none is near this long when typed by a person.
const OTHER_CAP = 100;
/**
 * The schema's cap for the field. A text question added without an entry in
 * TEXT_LIMITS gets the short cap, never a long one: its test
 * (test/web/raw-caps.test.ts) then names it.
 */
const capOf = (field: FieldDef) => TEXT_LIMITS[field.name] ?? OTHER_CAP;

/**
 * The fields of a form too large to keep, with the schema's message: a text
 * far over its limit, a list with more items than the schema allows. The
 * form is refused whole before anything is saved.
 */
/**
 * The most bytes a step's form can take with every answer at its raw cap:
 * each character percent-encoded at its widest (one UTF-16 unit of a
 * three-byte character is %XX%XX%XX), each list at its most items, each
 * choice with every box ticked, plus the names, the token and the button.
 * A body larger than this is no form a person sent; it is refused before it
 * is read (routes.ts), where otherwise the framework's 1 MB would be.
 */
export function stepFormBytes(step: StepDef): number {
  const ENCODED_BYTES_PER_CHARACTER = 9;
  let bytes = 4 * 1024;
  for (const field of step.fields) {
    const items = field.kind === 'list' ? LIMITS.deliverables : Math.max(1, field.options?.length ?? 0);
    bytes += items * (field.name.length + 2) + (field.kind === 'list' ? items : 1) * rawTextLimit(capOf(field)) * ENCODED_BYTES_PER_CHARACTER;
  }
  return bytes;
}

export function oversizedFields(step: StepDef, form: FormValues, language: Language = 'en'): FieldError[] {
  return inLanguage(language, () => oversizedIn(step, form));
}

function oversizedIn(step: StepDef, form: FormValues): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of step.fields) {
    const value = form[field.name];
    if (value === undefined) continue;
    const max = capOf(field);
    if (field.kind === 'list' && Array.isArray(value)) {
      if (value.length > LIMITS.deliverables) {
        errors.push({ name: field.name, targetId: firstInputId(field), message: say('answers.project.deliverables.tooMany', { max: LIMITS.deliverables }) });
        continue;
      }
      value.forEach((item, index) => {
        if (item.length > rawTextLimit(max)) {
          errors.push({ name: field.name, targetId: `${fieldId(field.name)}-${index}`, index, message: tooLongMessage(field, max) });
        }
      });
    } else if ((Array.isArray(value) ? value.join('') : value).length > rawTextLimit(max)) {
      errors.push({ name: field.name, targetId: firstInputId(field), message: tooLongMessage(field, max) });
    }
  }
  return errors;
}

const tooLongMessage = (field: FieldDef, max: number) => say('answers.tooLong', { name: field.label, max: formatsFor(activeLanguage()).count(max) });

/** The form shown again after an oversized post: each value cut to its field's limit, so the page stays small. */
export function trimOversized(step: StepDef, form: FormValues): FormValues {
  const trimmed: FormValues = {};
  for (const [name, value] of Object.entries(form)) {
    const field = step.fields.find((candidate) => candidate.name === name);
    const cut = (text: string) => text.slice(0, rawTextLimit(field ? capOf(field) : OTHER_CAP));
    trimmed[name] = Array.isArray(value) ? value.slice(0, field?.kind === 'list' ? LIMITS.deliverables : 1).map(cut) : cut(value);
  }
  return trimmed;
}

function convert(field: FieldDef, value: string | string[] | undefined, answers: DraftAnswers): unknown {
  if (value === undefined) return undefined;
  if (field.kind === 'list') return Array.isArray(value) ? value : [value];
  const text = Array.isArray(value) ? (value[0] ?? '') : value;
  if (field.kind === 'number') return toNumber(text);
  // Read against the currency chosen on the page before: "€6,000" in a contract in dollars is refused.
  if (field.kind === 'money') return parseAmount(text, currencyOf(answers));
  if (field.kind === 'yes-no') return toBoolean(text);
  if (field.kind === 'date') return toIsoDateText(text);
  if (text.trim() === '') return undefined;
  // A phone number typed on a Japanese keyboard (０３－１２３４－５６７８) is kept as the digits it means.
  return field.kind === 'tel' ? asciiForm(text).trim() : text;
}

function currencyOf(answers: DraftAnswers): string | undefined {
  const currency = getIn(answers, 'fee.currency');
  return typeof currency === 'string' && isKnownCurrency(currency) ? currency : undefined;
}

/**
 * The step's answers from its form: numbers, booleans and lists; empty inputs
 * left out, and so is a question revealed under an option that was not chosen.
 */
export function formToSections(step: StepDef, form: FormValues, answers: DraftAnswers = {}): Record<string, unknown> {
  const sections: Record<string, unknown> = {};
  for (const section of step.sections) {
    if (step.fields.some((field) => field.name.startsWith(`${section}.`))) sections[section] = {};
  }
  const revealed = revealedBy(step);
  for (const field of step.fields) {
    if (!applies(field, answers)) continue;
    const parent = revealed.get(field.name);
    if (parent && form[parent.field.name] !== parent.option.value) continue;
    const value = convert(field, form[field.name], answers);
    if (field.kind === 'list' && Array.isArray(value) && value.length === 0) {
      setIn(sections, field.name, []);
    } else if (value !== undefined) {
      setIn(sections, field.name, value);
    }
  }
  step.toAnswers?.(sections, form);
  for (const key of Object.keys(sections)) if (!step.sections.includes(key)) delete sections[key];
  return sections;
}

/**
 * The draft after a step is saved. A deposit the wizard suggested follows
 * the relationship: a client changed from new to returning moves a 50%
 * deposit to 30% (and back), while a percentage the user chose stays.
 */
export function mergeStepAnswers(saved: DraftAnswers, sections: Record<string, unknown>, step: StepDef, form: FormValues): DraftAnswers {
  // Several steps share a section (the client's details and the history with
  // them; the currency and the price): a step replaces only its own answers.
  const merged = structuredClone(saved) as DraftAnswers;
  for (const field of step.fields) for (const path of answerPaths(field)) deleteIn(merged, path);
  assignDeep(merged, sections);
  const typed = keptTyped(step, form);
  if (typed) merged[TYPED_KEY] = { ...(saved[TYPED_KEY] as Record<string, string> | undefined), ...typed };
  const before = getIn(saved, 'client.relationship');
  const after = getIn(merged, 'client.relationship');
  const percent = getIn(merged, 'deposit.percent');
  if (
    'client' in sections && (before === 'new' || before === 'returning') && (after === 'new' || after === 'returning') &&
    before !== after && percent === defaultDepositPercent(before)
  ) {
    merged.deposit = { ...(merged.deposit as Record<string, unknown>), percent: defaultDepositPercent(after) };
  }
  // An answer to a question that no longer applies (the hourly rate once the
  // fee is fixed, the 源泉徴収 question once the contract is in English)
  // leaves the answers; what was typed stays in wizardTyped. An answer a step
  // writes itself where its language asks no question (a Japanese contract's
  // governing law) stays.
  for (const other of STEPS) {
    for (const field of other.fields) {
      if (applies(field, merged)) continue;
      for (const path of answerPaths(field)) if (!other.derives?.includes(path)) deleteIn(merged, path);
    }
  }
  return dropEmptyObjects(merged) as DraftAnswers;
}

function assignDeep(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isPlainObject(value) && isPlainObject(existing)) assignDeep(existing, value);
    else target[key] = value;
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ tax: {} }` left by removing both tax answers is no answer at all (the schema would ask for its fields). */
function dropEmptyObjects(value: Record<string, unknown>, depth = 0): Record<string, unknown> {
  for (const [key, child] of Object.entries(value)) {
    if (!isPlainObject(child)) continue;
    dropEmptyObjects(child, depth + 1);
    // Top-level sections stay, even empty: the step was visited.
    if (depth > 0 && Object.keys(child).length === 0) delete value[key];
  }
  return value;
}

// Beside the answers in a draft, never part of them (completeAnswers picks only the steps' sections).
const TYPED_KEY = 'wizardTyped';

/** The non-empty values of a step's keepTyped fields, as typed. */
function keptTyped(step: StepDef, form: FormValues): Record<string, string> | undefined {
  const typed: Record<string, string> = {};
  for (const field of step.fields) {
    const value = form[field.name];
    if (field.keepTyped && typeof value === 'string' && value.trim() !== '') typed[field.name] = value;
  }
  return Object.keys(typed).length > 0 ? typed : undefined;
}

/** Every top-level key of the answers that some step asks for, and the language the draft was started in. */
const ANSWER_KEYS = [...new Set(['language', ...STEPS.flatMap((step) => step.sections)])];

/** The form as it should look for saved answers, with suggestions for what is not answered yet. */
export function answersToForm(
  step: StepDef,
  answers: DraftAnswers,
  { prefill = true, today = toIsoDate(new Date()) }: { prefill?: boolean; today?: string } = {},
): FormValues {
  const form: FormValues = {};
  for (const field of step.fields) {
    const saved = getIn(answers, field.name);
    if (field.kind === 'list') {
      form[field.name] = Array.isArray(saved) ? saved.map(toInputText) : [];
    } else if (field.kind === 'money' && typeof saved === 'number') {
      form[field.name] = formatAmountInput(saved);
    } else if (saved !== undefined) {
      form[field.name] = toInputText(saved);
    } else if (field.keepTyped && typeof (answers[TYPED_KEY] as Record<string, unknown> | undefined)?.[field.name] === 'string') {
      form[field.name] = (answers[TYPED_KEY] as Record<string, string>)[field.name]!;
    } else if (prefill) {
      const suggestion = field.prefill?.(answers, { today });
      if (suggestion !== undefined) form[field.name] = suggestion;
    }
  }
  step.toForm?.(answers, form);
  return form;
}

// Valid answers for every section, so that the schema's cross-field rules
// (an end date before the start, decimals in a yen amount) can check one
// step's values on their own.
const FILLER: AnswersInput = {
  effectiveDate: '2026-01-01',
  freelancer: { name: 'F', email: 'f@example.com', phone: '+1 555 0100 100', address: 'A' },
  client: { name: 'C', email: 'c@example.com', phone: '+1 555 0100 101', address: 'B', relationship: 'new' },
  project: { name: 'P', description: 'D', deliverables: ['X'], startDate: '2026-01-02' },
  fee: { model: 'fixed', currency: 'USD', total: 100, paymentDueDays: 14, lateFeePercentPerMonth: 0 },
  deposit: { percent: 50, nonRefundable: true },
  killFee: { unresponsiveDays: 14, percentOfRemainingFee: 0 },
  jurisdiction: { governingLaw: 'L', venue: 'V', smallClaims: true },
  ownership: { transferOn: 'full-payment', copyright: 'assign-to-client', portfolioUse: true },
};

/** The field of these that a problem's path is about, if any. */
function locate(fields: readonly FieldDef[], dotted: string): Pick<FieldError, 'name' | 'targetId' | 'index'> | undefined {
  const exact = fields.find((field) => answerPaths(field).includes(dotted));
  if (exact) return { name: exact.name, targetId: firstInputId(exact) };
  // An item of a list: project.deliverables.2
  const list = fields.find((field) => field.kind === 'list' && dotted.startsWith(`${field.name}.`));
  if (list) {
    const index = Number(dotted.slice(list.name.length + 1).split('.')[0]);
    return { name: list.name, targetId: `${fieldId(list.name)}-${index}`, index };
  }
  // A whole object (the tax without its rate): its first question.
  const inside = dotted === '' ? undefined : fields.find((field) => answerPaths(field).some((path) => path.startsWith(`${dotted}.`)));
  return inside ? { name: inside.name, targetId: firstInputId(inside) } : undefined;
}

/** The id of the input an error summary link should focus. */
export function firstInputId(field: FieldDef): string {
  if (field.kind === 'list') return `${fieldId(field.name)}-0`;
  return fieldId(field.name);
}

/** What must change before the step's answers are usable: none when they are; in the draft's language. */
export function validateStep(step: StepDef, answers: DraftAnswers): FieldError[] {
  return inLanguage(draftLanguage(answers), () => stepProblems(step, answers));
}

function stepProblems(step: StepDef, answers: DraftAnswers): FieldError[] {
  // One pass over the whole answers (the draft on valid filler), so the page
  // lists its own problems and the cross-field ones together; only problems
  // about this step's questions are its own.
  const candidate: Record<string, unknown> = { ...FILLER };
  for (const key of ANSWER_KEYS) if (answers[key] !== undefined) candidate[key] = answers[key];
  for (const section of step.sections) {
    const nested = step.fields.some((field) => answerPaths(field).some((path) => path.startsWith(`${section}.`)));
    candidate[section] = answers[section] ?? (nested ? {} : undefined);
  }
  const whole = answersSchema.safeParse(candidate);
  const fields = step.fields.filter((field) => applies(field, answers));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const problem of whole.success ? [] : fieldProblems(whole.error.issues)) {
    const where = locate(fields, problem.path);
    if (!where) continue;
    const message = amountProblem(fields, where.name, answers) ?? problem.message;
    const key = `${where.targetId}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ ...where, message });
  }
  // The summary lists problems in the order of the fields on the page.
  const position = (error: FieldError) => step.fields.findIndex((field) => field.name === error.name) * 1000 + (error.index ?? -1);
  return errors.sort((a, b) => position(a) - position(b));
}

/** Why the wizard's own amount was refused, when the schema could only say "not a number". */
function amountProblem(fields: readonly FieldDef[], name: string, answers: DraftAnswers): string | undefined {
  const field = fields.find((candidate) => candidate.name === name);
  const currency = currencyOf(answers);
  if (field?.kind !== 'money' || currency === undefined) return undefined;
  return typedAmountProblem(getIn(answers, name), currency, say(`answers.${name}`));
}

/**
 * Why an amount refused as "not a number" was refused, when it is a number
 * after all: written in another currency ("€6,000" in dollars), or readable
 * two ways ("6.000": six thousand, or six with cents?). `name` starts the
 * sentence ("Total price"); in the language of the check. The wizard's steps
 * read it from the saved draft (what was typed is kept), the invoice and
 * letter forms from what was sent.
 */
export function typedAmountProblem(typed: unknown, currency: string, name: string): string | undefined {
  if (typeof typed !== 'string') return undefined;
  const reading = readAmount(typed, currency);
  const language = activeLanguage();
  const currencyName = formatsFor(language).currencyName(currency);
  const amount = (value: number) => (language === 'ja' && currency === 'JPY' ? `${formatAmountSuggestion(value, currency)}円` : formatAmountSuggestion(value, currency));
  if (reading.kind === 'other-currency') return say('answers.amount.otherCurrency', { name, currency: currencyName, written: reading.written });
  if (reading.kind !== 'thousands-or-decimals') return undefined;
  return reading.decimals === undefined
    ? say('answers.amount.noDecimals', { name, currency: currencyName, thousands: amount(reading.thousands) })
    : say('answers.amount.thousandsOrDecimals', { name, thousands: amount(reading.thousands), decimals: reading.decimals.toFixed(currencyDigits(currency)) });
}

export function isStepComplete(step: StepDef, answers: DraftAnswers): boolean {
  return validateStep(step, answers).length === 0;
}

/** The step a returning visitor should see: the first that still needs answers, or none (the review page). */
export function firstIncompleteStep(answers: DraftAnswers): StepDef | undefined {
  return activeSteps(answers).find((step) => !isStepComplete(step, answers));
}

/** The complete answers when every step is valid, with the schema's defaults filled in. */
export function completeAnswers(answers: DraftAnswers): Answers | undefined {
  const picked: Record<string, unknown> = {};
  for (const key of ANSWER_KEYS) if (answers[key] !== undefined) picked[key] = answers[key];
  const result = answersSchema.safeParse(picked);
  return result.success ? result.data : undefined;
}

/** The deposit, balance and total for the fee saved so far and a deposit percentage, when both are usable. */
export function depositFigures(answers: DraftAnswers, percentText: string | undefined): Figures | undefined {
  const percent = percentText === undefined ? undefined : toNumber(percentText);
  if (typeof percent !== 'number') return undefined;
  const result = answersSchema.safeParse({ ...FILLER, fee: answers.fee, deposit: { percent, nonRefundable: true } });
  return result.success ? computeFigures(result.data) : undefined;
}
