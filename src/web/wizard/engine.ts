// What the generic step route does, without HTTP: read a step's form into
// answers, validate them with the step's slice of the schema, and write saved
// answers back into the form. Pure functions, tested through the routes.
import { toIsoDate } from '../../answers/dates.ts';
import { answersSchema, defaultDepositPercent, type Answers, type AnswersInput } from '../../answers/schema.ts';
import { computeFigures, type Figures } from '../../contract/facts.ts';
import type { DraftAnswers } from '../../drafts/store.ts';
import { fieldProblems } from '../problems.ts';
import { getIn, many, setIn, single, toBoolean, toInputText, toNumber, type FormValues } from './form-values.ts';
import { STEPS, type FieldDef, type StepDef } from './steps.ts';

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

/** The values a step's form sent, keeping exactly what was typed. */
export function readForm(step: StepDef, body: unknown): FormValues {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const form: FormValues = {};
  for (const field of step.fields) {
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

function convert(field: FieldDef, value: string | string[] | undefined): unknown {
  if (value === undefined) return undefined;
  if (field.kind === 'list') return Array.isArray(value) ? value : [value];
  const text = Array.isArray(value) ? (value[0] ?? '') : value;
  if (field.kind === 'number') return toNumber(text);
  if (field.kind === 'yes-no') return toBoolean(text);
  return text.trim() === '' ? undefined : text;
}

/** The step's answers from its form: numbers, booleans and lists; empty inputs left out. */
export function formToSections(step: StepDef, form: FormValues): Record<string, unknown> {
  const sections: Record<string, unknown> = {};
  for (const section of step.sections) {
    if (step.fields.some((field) => field.name.startsWith(`${section}.`))) sections[section] = {};
  }
  for (const field of step.fields) {
    const value = convert(field, form[field.name]);
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
  const merged: DraftAnswers = { ...saved, ...sections };
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
  return merged;
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

/** The step's part of the saved answers. */
export function sectionsOf(step: StepDef, answers: DraftAnswers): Record<string, unknown> {
  const sections: Record<string, unknown> = {};
  for (const section of step.sections) sections[section] = answers[section];
  return sections;
}

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

function locate(step: StepDef, path: readonly PropertyKey[]): Pick<FieldError, 'name' | 'targetId' | 'index'> {
  const dotted = path.map(String).join('.');
  const exact = step.fields.find((field) => field.name === dotted);
  if (exact) return { name: exact.name, targetId: firstInputId(exact) };
  // An item of a list: project.deliverables.2
  const list = step.fields.find((field) => field.kind === 'list' && dotted.startsWith(`${field.name}.`));
  if (list) {
    const index = Number(dotted.slice(list.name.length + 1).split('.')[0]);
    return { name: list.name, targetId: `${fieldId(list.name)}-${index}`, index };
  }
  // A whole section (the fee model missing): its first question.
  const inside = step.fields.find((field) => field.name.startsWith(`${dotted}.`));
  const field = inside ?? step.fields[0]!;
  return { name: field.name, targetId: firstInputId(field) };
}

/** The id of the input an error summary link should focus. */
export function firstInputId(field: FieldDef): string {
  if (field.kind === 'list') return `${fieldId(field.name)}-0`;
  return fieldId(field.name);
}

/** What must change before the step's answers are usable: none when they are. */
export function validateStep(step: StepDef, sections: Record<string, unknown>): FieldError[] {
  // One pass over the whole answers (the step's sections on valid filler), so
  // the page lists its own problems and the cross-field ones together.
  const whole = answersSchema.safeParse({ ...FILLER, ...sections });
  const problems = whole.success ? [] : fieldProblems(whole.error.issues).filter((problem) => step.sections.includes(problem.path.split('.')[0]!));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const problem of problems) {
    const where = locate(step, problem.path.split('.').filter((part) => part !== ''));
    const key = `${where.targetId}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ ...where, message: problem.message });
  }
  // The summary lists problems in the order of the fields on the page.
  const position = (error: FieldError) => step.fields.findIndex((field) => field.name === error.name) * 1000 + (error.index ?? -1);
  return errors.sort((a, b) => position(a) - position(b));
}

export function isStepComplete(step: StepDef, answers: DraftAnswers): boolean {
  return validateStep(step, sectionsOf(step, answers)).length === 0;
}

/** The complete answers when every step is valid, with the schema's defaults filled in. */
export function completeAnswers(answers: DraftAnswers): Answers | undefined {
  const picked: Record<string, unknown> = {};
  for (const step of STEPS) Object.assign(picked, sectionsOf(step, answers));
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
