// The "check your answers" page: every answer grouped by step, written the
// way the contract writes it (dates in words, money in its currency, the
// defaults that apply), with a Change link, and the steps that still need
// answers. A question that does not apply (the hourly rate of a fixed price,
// the licence when the copyright is transferred) has no row.
import { isKnownCurrency, money } from '../../answers/money.ts';
import { formatsFor } from '../../language/format.ts';
import { messagesFor, type Messages } from '../../language/messages.ts';
import type { Answers } from '../../answers/schema.ts';
import type { DraftAnswers } from '../../drafts/store.ts';
import { answersToForm, applies, isStepComplete } from './engine.ts';
import { getIn } from './form-values.ts';
import { revealedBy, type FieldDef, type StepDef } from './steps.ts';

export interface SummaryRow {
  label: string;
  /** Lines of the answer; a list shows as several. */
  lines: string[];
  isList: boolean;
  missing: boolean;
}

export interface SummaryGroup {
  id: string;
  title: string;
  changeHref: string;
  complete: boolean;
  rows: SummaryRow[];
}

// What an optional answer left empty means in the contract, where it means something: `review.default.<name>`.
const DEFAULT_WORDS: ReadonlySet<string> = new Set(['project.revisionRounds', 'project.acceptanceDays', 'fee.noticeDays', 'project.endDate']);

function optionLabel(field: FieldDef, value: string, { t }: Messages): string {
  if (field.kind === 'yes-no') return value === 'yes' ? t('common.yes') : value === 'no' ? t('common.no') : value;
  return field.options?.find((option) => option.value === value)?.label ?? value;
}

/** One answer, written out: "December 7, 2026", "$12,000.00", "14 days", "US Dollar (USD)"; "2026年12月7日", "1,200,000円" in Japanese. */
function written(field: FieldDef, value: unknown, currency: string | undefined, messages: Messages): string[] {
  const formats = formatsFor(messages.language);
  if (field.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) {
    return [formats.date(value)];
  }
  if (field.kind === 'money' && typeof value === 'number' && currency) return [formats.money(money(value, currency))];
  if (field.kind === 'select' && typeof value === 'string' && isKnownCurrency(value)) {
    return [`${new Intl.DisplayNames(messages.language, { type: 'currency' }).of(value) ?? value} (${value})`];
  }
  if ((field.kind === 'number' || field.kind === 'money') && typeof value === 'number') {
    const number = value.toLocaleString(messages.language, { maximumFractionDigits: 6 });
    if (!field.suffix) return [number];
    return [field.suffix.startsWith('%') ? `${number}${field.suffix}` : messages.t('review.withUnit', { number, unit: field.suffix })];
  }
  if (typeof value === 'boolean') return [messages.t(value ? 'common.yes' : 'common.no')];
  return String(value).split('\n');
}

export function summaryGroups(
  steps: readonly StepDef[],
  answers: DraftAnswers,
  hrefFor: (step: StepDef) => string,
  /** The complete answers with their defaults, once every step is answered. */
  complete?: Answers,
  messages: Messages = messagesFor('en'),
): SummaryGroup[] {
  const notAnswered = messages.t('review.notAnswered');
  const currency = typeof getIn(answers, 'fee.currency') === 'string' && isKnownCurrency(String(getIn(answers, 'fee.currency')).toUpperCase())
    ? String(getIn(answers, 'fee.currency')).toUpperCase()
    : undefined;
  return steps.map((step) => {
    const form = answersToForm(step, answers, { prefill: false });
    const revealed = revealedBy(step);
    const rows: SummaryRow[] = [];
    for (const field of step.fields) {
      if (!applies(field, answers)) continue;
      const parent = revealed.get(field.name);
      // A field under an option that was not chosen is not part of the answers.
      if (parent && form[parent.field.name] !== parent.option.value) continue;
      const base = { label: field.label, isList: false, missing: false };
      if (field.name.startsWith('wizard.')) {
        const choice = form[field.name];
        if (typeof choice === 'string' && choice !== '') rows.push({ ...base, lines: [optionLabel(field, choice, messages)] });
        else rows.push({ ...base, lines: [notAnswered], missing: true });
        continue;
      }
      // Text as the contract prints it once the answers are complete: a registration number typed
      // full-width (Ｔ１２３…) reads T123… here, as in the contract.
      const cleaned = complete ? getIn(complete, field.name) : undefined;
      const value = typeof cleaned === 'string' ? cleaned : getIn(answers, field.name);
      if (field.kind === 'list') {
        const items = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
        rows.push(items.length ? { ...base, lines: items, isList: true } : { ...base, lines: [notAnswered], missing: true });
        continue;
      }
      if (value === undefined || value === '') {
        const fallback = complete ? getIn(complete, field.name) : undefined;
        if (DEFAULT_WORDS.has(field.name) && (fallback !== undefined || field.name === 'project.endDate')) {
          rows.push({ ...base, lines: [messages.t(`review.default.${field.name}`, { count: Number(fallback ?? 0) })] });
        } else if (!field.optional) rows.push({ ...base, lines: [notAnswered], missing: true });
        // An optional answer left empty that changes nothing in the contract has no row.
        continue;
      }
      if ((field.kind === 'radios' || field.kind === 'yes-no') && typeof value !== 'number') {
        rows.push({ ...base, lines: [optionLabel(field, typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value), messages)] });
        continue;
      }
      rows.push({ ...base, lines: written(field, value, currency, messages) });
    }
    return { id: step.id, title: step.title, changeHref: hrefFor(step), complete: isStepComplete(step, answers), rows };
  });
}
