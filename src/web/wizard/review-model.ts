// The "check your answers" page: every answer grouped by step, with a Change
// link, and the steps that still need answers.
import type { DraftAnswers } from '../../drafts/store.ts';
import { answersToForm, applies, isStepComplete } from './engine.ts';
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

function display(field: FieldDef, value: string | string[] | undefined): SummaryRow {
  const base = { label: field.label, isList: false, missing: false };
  if (field.kind === 'list') {
    const items = Array.isArray(value) ? value.filter((item) => item.trim() !== '') : [];
    return items.length ? { ...base, lines: items, isList: true } : { ...base, lines: ['Not answered yet'], missing: true };
  }
  const text = (Array.isArray(value) ? value[0] : value) ?? '';
  if (text.trim() === '') return { ...base, lines: [field.optional ? 'Not given' : 'Not answered yet'], missing: !field.optional };
  if (field.kind === 'yes-no') return { ...base, lines: [text === 'yes' ? 'Yes' : text === 'no' ? 'No' : text] };
  if (field.kind === 'radios') return { ...base, lines: [field.options?.find((option) => option.value === text)?.label ?? text] };
  if (field.suffix) return { ...base, lines: [field.suffix.startsWith('%') ? `${text}${field.suffix}` : `${text} ${field.suffix}`] };
  return { ...base, lines: text.split('\n') };
}

export function summaryGroups(steps: readonly StepDef[], answers: DraftAnswers, hrefFor: (step: StepDef) => string): SummaryGroup[] {
  return steps.map((step) => {
    const form = answersToForm(step, answers, { prefill: false });
    const revealed = revealedBy(step);
    const rows: SummaryRow[] = [];
    for (const field of step.fields) {
      if (!applies(field, answers)) continue;
      const parent = revealed.get(field.name);
      // A field under an option that was not chosen is not part of the answers.
      if (parent && form[parent.field.name] !== parent.option.value) continue;
      rows.push(display(field, form[field.name]));
    }
    return { id: step.id, title: step.title, changeHref: hrefFor(step), complete: isStepComplete(step, answers), rows };
  });
}
