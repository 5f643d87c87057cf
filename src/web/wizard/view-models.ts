// View models for the wizard's pages: everything a template prints, already
// decided here (ids, aria attributes, which panel shows), so the templates
// only lay it out.
import { currencyDigits, isKnownCurrency } from '../../answers/money.ts';
import type { ClauseLibrary } from '../../clauses/load.ts';
import { editionFor } from '../../contract/assemble.ts';
import type { DraftAnswers } from '../../drafts/store.ts';
import type { Language } from '../../answers/schema.ts';
import { formatsFor } from '../../language/format.ts';
import { messagesFor, type Messages } from '../../language/messages.ts';
import { getIn, type FormValues } from './form-values.ts';
import { applies, depositFigures, fieldId, firstInputId, type FieldError } from './engine.ts';
import { draftLanguage, revealedBy, type FieldDef, type NoteRef, type SelectGroup, type StepDef } from './steps.ts';

/** "$" for USD, "€", "£", "¥", "CA$", "CHF": what goes before an amount box; nothing until a currency is chosen. */
export function currencySymbol(currency: unknown): string | undefined {
  if (typeof currency !== 'string' || !isKnownCurrency(currency)) return undefined;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).formatToParts(0).find((part) => part.type === 'currency')?.value ?? currency;
}

/**
 * The unit written after an amount box on the invoice and letter forms: the
 * currency's code ("USD"), but 円 for yen on a Japanese page, as the page's
 * figures write it (598,740円).
 */
export function amountSuffix(currency: string, language: Language): string {
  return language === 'ja' && currency === 'JPY' ? '円' : currency;
}

/** A clause's plain-language note, from the clause library of the draft's language. */
export type NoteLookup = (ref: NoteRef | undefined, answers: DraftAnswers) => string | undefined;

export function noteLookup(english: ClauseLibrary): NoteLookup {
  return (ref, answers) => {
    if (!ref) return undefined;
    const { library } = editionFor(draftLanguage(answers), english);
    for (const id of [ref.id, ref.alsoId]) {
      const clause =
        library.clauses.find((c) => c.id === id && (ref.variant ? c.variant === ref.variant : true)) ??
        library.clauses.find((c) => c.id === id);
      if (clause) return clause.note;
    }
    return undefined;
  };
}

export interface OptionView {
  id: string;
  value: string;
  label: string;
  hint?: string;
  hintId: string;
  checked: boolean;
  conditionalId?: string;
  /** Without JavaScript too, a revealed question shows only under the chosen option. */
  conditionalHidden: boolean;
  children: FieldView[];
}

export interface ListItemView {
  id: string;
  label: string;
  value: string;
  error?: string;
  errorId: string;
  describedBy: string;
}

export interface FieldView {
  type: 'field';
  kind: FieldDef['kind'];
  name: string;
  id: string;
  label: string;
  optional: boolean;
  hint?: string;
  hintId: string;
  note?: string;
  noteId: string;
  error?: string;
  errorId: string;
  /** ids for aria-describedby: hint, note, error. */
  describedBy: string;
  /** Marked invalid by an error shown on its group (a fieldset), not beside it. */
  invalid?: boolean;
  inputType: string;
  inputMode?: string;
  autocomplete?: string;
  widthClass: string;
  suffix?: string;
  /** Before the box: the contract's currency ("$", "¥", "CHF"). */
  prefix?: string;
  selectGroups?: readonly SelectGroup[];
  selectPlaceholder?: string;
  value: string;
  suggestionsId?: string;
  suggestions: readonly string[];
  items: ListItemView[];
  options: OptionView[];
  isPageHeading: boolean;
  /** A list's label for a box the script adds, with {number} to fill. */
  itemLabel?: string;
}

export interface PanelView {
  type: 'panel';
  id: string;
  tone: 'warning' | 'figures';
  heading: string;
  paragraphs: string[];
  list: string[];
  rows: { id: string; label: string; value: string }[];
  hidden: boolean;
  /** For the script: show when this radio name has this value. */
  revealName?: string;
  revealValue?: string;
  /** For the script: data attributes (name without "data-", value). */
  data: [string, string][];
}

export type ItemView = FieldView | PanelView;

interface BuildContext {
  readonly step: StepDef;
  readonly form: FormValues;
  readonly errors: readonly FieldError[];
  readonly answers: DraftAnswers;
  readonly notes: NoteLookup;
  /** How many deliverable boxes to show at least. */
  readonly listRows?: number;
  /** The page's words, in the draft's language. */
  readonly messages: Messages;
}

const joinIds = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ');

function inputType(field: FieldDef): string {
  switch (field.kind) {
    case 'email':
      return 'email';
    case 'tel':
      return 'tel';
    case 'date':
      return 'date';
    default:
      // Numbers use a text input with inputmode: type=number silently drops
      // what it cannot parse ("12,000"), and a typed value must never vanish.
      return 'text';
  }
}

function fieldView(field: FieldDef, ctx: BuildContext, children: Map<string, FieldDef[]>): FieldView {
  const id = fieldId(field.name);
  const fieldErrors = ctx.errors.filter((error) => error.name === field.name);
  const ownError = fieldErrors.find((error) => error.index === undefined);
  const hintId = `${id}-hint`;
  const noteId = `${id}-note`;
  const errorId = `${id}-error`;
  const note = ctx.notes(field.note, ctx.answers);
  const value = ctx.form[field.name];
  const text = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');

  let items: ListItemView[] = [];
  if (field.kind === 'list') {
    const values = Array.isArray(value) ? value : value ? [value] : [];
    const count = Math.max(values.length, ctx.listRows ?? 0, 1);
    items = Array.from({ length: count }, (_, index) => {
      const itemError = fieldErrors.find((error) => error.index === index);
      const itemId = `${id}-${index}`;
      return {
        id: itemId,
        label: ctx.messages.t('field.deliverableItem', { number: index + 1 }),
        value: values[index] ?? '',
        ...(itemError ? { error: itemError.message } : {}),
        errorId: `${itemId}-error`,
        describedBy: joinIds(field.hint && hintId, itemError && `${itemId}-error`),
      };
    });
  }

  let options: FieldView['options'] = [];
  if (field.kind === 'radios' || field.kind === 'yes-no') {
    const choices = field.kind === 'yes-no' ? [{ value: 'yes', label: ctx.messages.t('common.yes') }, { value: 'no', label: ctx.messages.t('common.no') }] : (field.options ?? []);
    options = choices.map((option, index) => {
      const optionId = index === 0 ? firstInputId(field) : `${id}-${index + 1}`;
      const full = field.options?.[index];
      const reveals = children.get(`${field.name}=${option.value}`) ?? [];
      const hint = [full?.hint, ctx.notes(full?.note, ctx.answers)].filter(Boolean).join(' ');
      return {
        id: optionId,
        value: option.value,
        label: option.label,
        ...(hint ? { hint } : {}),
        // Numbered by position: the first option's input takes the field's own id, so `${optionId}-hint` would repeat the field's hint id.
        hintId: `${id}-option-${index + 1}-hint`,
        checked: text === option.value,
        ...(reveals.length ? { conditionalId: `${optionId}-conditional` } : {}),
        conditionalHidden: text !== option.value,
        children: reveals.map((child) => fieldView(child, ctx, children)),
      };
    });
  }

  // Yen on a Japanese page: 円 after the box, as Japanese writes an amount, never ¥ before it.
  const currency = getIn(ctx.answers, 'fee.currency');
  const yenInJapanese = field.kind === 'money' && currency === 'JPY' && ctx.messages.language === 'ja';
  const prefix = field.kind === 'money' && !yenInJapanese ? currencySymbol(currency) : undefined;
  const suffix = yenInJapanese ? '円' : field.suffix;
  return {
    type: 'field',
    kind: field.kind,
    name: field.name,
    id: field.kind === 'list' ? `${id}-0` : id,
    label: field.label,
    optional: field.optional ?? false,
    ...(field.hint ? { hint: field.hint } : {}),
    hintId,
    ...(note ? { note } : {}),
    noteId,
    ...(ownError ? { error: ownError.message } : {}),
    errorId,
    // The unit after the box ("days", "%") is part of the answer's meaning, so it is read with it.
    describedBy: joinIds(prefix && `${id}-prefix`, suffix && `${id}-suffix`, field.hint && hintId, note && noteId, ownError && errorId),
    inputType: inputType(field),
    ...(field.kind === 'number' || field.kind === 'money' ? { inputMode: 'decimal' } : {}),
    ...(prefix ? { prefix } : {}),
    ...(field.selectGroups ? { selectGroups: field.selectGroups, selectPlaceholder: field.selectPlaceholder ?? '' } : {}),
    ...(field.autocomplete ? { autocomplete: field.autocomplete } : {}),
    widthClass: field.width ? `input-${field.width}` : '',
    ...(suffix ? { suffix } : {}),
    value: text,
    ...(field.suggestions ? { suggestionsId: `${id}-suggestions` } : {}),
    suggestions: field.suggestions ?? [],
    items,
    options,
    isPageHeading: field.isPageHeading ?? false,
    // For the script's "Add another": the next box's label, with {number} left for it to fill.
    itemLabel: ctx.messages.t('field.deliverableItem'),
  };
}

/** The seventh safeguard, for a client who was trouble last time. */
export function troubleAdvice(hidden: boolean, { t }: Messages = messagesFor('en')): PanelView {
  return {
    type: 'panel',
    id: 'trouble-advice',
    tone: 'warning',
    heading: t('panel.trouble.heading'),
    paragraphs: [t('panel.trouble.intro')],
    list: [t('panel.trouble.gutCheck'), t('panel.trouble.doubleRate'), t('panel.trouble.upFront'), t('panel.trouble.newContract')],
    rows: [],
    hidden,
    revealName: 'wizard.history',
    revealValue: 'returning-trouble',
    data: [],
  };
}

function figuresPanel(ctx: BuildContext): PanelView {
  const percentText = ctx.form['wizard.depositChoice'] === 'full' ? '100' : (ctx.form['deposit.percent'] as string | undefined);
  const figures = depositFigures(ctx.answers, percentText);
  const base: PanelView = {
    type: 'panel',
    id: 'deposit-figures',
    tone: 'figures',
    heading: ctx.messages.t('panel.figures.heading'),
    paragraphs: [],
    list: [],
    rows: [],
    hidden: false,
    data: [],
  };
  if (!figures) {
    const feeKnown = depositFigures(ctx.answers, '50') !== undefined;
    return {
      ...base,
      paragraphs: [ctx.messages.t(feeKnown ? 'panel.figures.enterPercent' : 'panel.figures.answerFees')],
      ...(feeKnown ? {} : { data: [] }),
    };
  }
  const model = getIn(ctx.answers, 'fee.model');
  const { t } = ctx.messages;
  const { money } = formatsFor(ctx.messages.language);
  const totalLabel = t(model === 'hourly' ? 'panel.figures.estimatedFee' : model === 'retainer' ? 'panel.figures.monthly' : 'panel.figures.total');
  return {
    ...base,
    rows: [
      { id: 'figure-base', label: totalLabel, value: money(figures.base) },
      { id: 'figure-deposit', label: t('panel.figures.deposit'), value: money(figures.deposit) },
      { id: 'figure-balance', label: t('panel.figures.balance'), value: money(figures.balance) },
    ],
    // The script writes the amounts as the server does (before and after the figure: "$", "円").
    data: [
      ['base-minor', String(figures.base.minor)],
      ['currency', figures.base.currency],
      ...moneyShape(money, figures.base.currency),
    ],
  };
}

/** What the page's money format puts before and after a figure ("$" and "", "" and "円"), and its decimals. */
function moneyShape(format: (amount: { minor: number; currency: string }) => string, currency: string): [string, string][] {
  const digits = currencyDigits(currency);
  const written = format({ minor: 10 ** digits, currency });
  const shape = /^(.*?)1(?:[.,]0+)?(\D*)$/.exec(written);
  return [
    ['digits', String(digits)],
    ['before', shape?.[1] ?? ''],
    ['after', shape?.[2] ?? ''],
  ];
}

/** Panels placed after a field, by step. */
function panelsAfter(ctx: BuildContext): Map<string, PanelView[]> {
  const panels = new Map<string, PanelView[]>();
  if (ctx.step.id === 'relationship') {
    panels.set('wizard.history', [troubleAdvice(ctx.form['wizard.history'] !== 'returning-trouble', ctx.messages)]);
  }
  if (ctx.step.id === 'safeguards') {
    panels.set('wizard.depositChoice', [figuresPanel(ctx)]);
  }
  return panels;
}

export function stepItems(context: Omit<BuildContext, 'messages'>): ItemView[] {
  const ctx: BuildContext = { ...context, messages: messagesFor(draftLanguage(context.answers)) };
  const revealed = revealedBy(ctx.step);
  const children = new Map<string, FieldDef[]>();
  for (const [name, { field, option }] of revealed) {
    const key = `${field.name}=${option.value}`;
    const def = ctx.step.fields.find((candidate) => candidate.name === name);
    if (def) children.set(key, [...(children.get(key) ?? []), def]);
  }
  const after = panelsAfter(ctx);
  const items: ItemView[] = [];
  if (ctx.step.id === 'fees' && getIn(ctx.answers, 'client.troubleBefore') === true) items.push(troubleAdvice(false, ctx.messages));
  for (const field of ctx.step.fields) {
    if (revealed.has(field.name) || !applies(field, ctx.answers)) continue;
    items.push(fieldView(field, ctx, children));
    items.push(...(after.get(field.name) ?? []));
  }
  return items;
}
