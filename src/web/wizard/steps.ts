// The wizard's steps as data: one topic a page, each validated by its slice of
// the one answers schema. The generic route (routes.ts) reads this list; to
// add a question, add a field here, its words to every catalogue in
// messages/ (`field.<name>.label`, and `.hint`, `.suffix`, `.option.<value>`
// where it has them) and, if it is new to the answers, to the schema in
// src/answers/schema.ts. The steps are the same in every language; only
// their words, and the questions a language's contract alone needs, differ.
import { z } from 'zod';
import { isKnownCurrency } from '../../answers/money.ts';
import {
  answersSchema,
  COMMON_CURRENCIES,
  defaultDepositPercent,
  defaultPaperSize,
  depositSchema,
  feeSchema,
  jurisdictionSchema,
  killFeeSchema,
  ownershipSchema,
  partiesSchema,
  projectSchema,
  WITHHELD_WORK_CATEGORIES,
  WORK_CATEGORIES,
  type Language,
  type WorkCategory,
} from '../../answers/schema.ts';
import type { DraftAnswers } from '../../drafts/store.ts';
import { messagesFor, type Messages } from '../../language/messages.ts';
import { getIn, setIn, type FormValues } from './form-values.ts';

/** A clause whose plain-language note explains the question. */
/** A clause whose plain-language note explains the question (the first id the language's library has). */
export interface NoteRef {
  readonly id: string;
  readonly variant?: string;
  /** The same note's id in a library that names the clause otherwise (the Japanese 目的 holds the parties). */
  readonly alsoId?: string;
}

// `money`: an amount typed as people write it ("$6,000", "6 000", "¥1,200,000"), shown with the contract's currency.
export type FieldKind = 'text' | 'email' | 'tel' | 'date' | 'number' | 'money' | 'textarea' | 'list' | 'radios' | 'yes-no' | 'select';

export interface SelectGroup {
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

/** An option as the steps declare it; its words are `field.<name>.option.<value>` (and `.hint`). */
export interface OptionSpec {
  readonly value: string;
  readonly note?: NoteRef;
  /** Fields shown under this option (all shown without JavaScript). */
  readonly reveals?: readonly string[];
}

export interface FieldOption extends OptionSpec {
  readonly label: string;
  readonly hint?: string;
}

/** A question as the steps declare it: what it asks, without its words. */
export interface FieldSpec {
  /** The input's name: a dotted answers path, or `wizard.*` for a question that only shapes other answers. */
  readonly name: string;
  readonly kind: FieldKind;
  readonly note?: NoteRef;
  readonly optional?: boolean;
  readonly autocomplete?: string;
  readonly width?: 'short' | 'medium';
  readonly options?: readonly OptionSpec[];
  /** A select's choices, in groups, in the page's language; the first option is an empty "Select…" line. */
  readonly selectGroups?: (messages: Messages) => readonly SelectGroup[];
  /**
   * Asked only when this holds for the answers saved so far (a question
   * about an earlier page's answer: the amounts of the fee model chosen on
   * the step before; a question only the contract's language needs).
   * Otherwise it is not shown, read or checked, and its answer is removed.
   */
  readonly when?: (answers: DraftAnswers) => boolean;
  /** For a form-only question (`wizard.*`): the answers it sets, replaced when the step is saved. */
  readonly answers?: readonly string[];
  /** Suggestions offered by the browser (a datalist), never a restriction. */
  readonly suggestions?: readonly string[];
  /** Shown pre-filled when the draft has no answer yet; `today` is the server's date (YYYY-MM-DD). */
  readonly prefill?: (answers: DraftAnswers, context: PrefillContext) => string | undefined;
  /** Label as a page heading (a step with one question). */
  readonly isPageHeading?: boolean;
  /**
   * What was typed here is kept beside the answers even when the step leaves
   * it out of them (an amount for a fee model the user moved away from), so
   * that switching back brings it back.
   */
  readonly keepTyped?: boolean;
}

/** A question with its words in one language. */
export interface FieldDef extends Omit<FieldSpec, 'options' | 'selectGroups'> {
  readonly label: string;
  readonly hint?: string;
  /** Text after a short input: "days", "%". */
  readonly suffix?: string;
  readonly options?: readonly FieldOption[];
  readonly selectGroups?: readonly SelectGroup[];
  readonly selectPlaceholder?: string;
}

interface StepShape {
  readonly id: string;
  /** The clause note shown under the heading. */
  readonly note?: NoteRef;
  /** Top-level answer keys this step owns; saving the step replaces them. */
  readonly sections: readonly string[];
  /** The step's slice of the answers schema. */
  readonly schema: z.ZodType;
  /** Skips the step when it does not apply to these answers. */
  readonly when?: (answers: DraftAnswers) => boolean;
  /**
   * Answers the step writes itself (in toAnswers) where the language asks
   * no question for them; kept when the question that would ask them does
   * not apply.
   */
  readonly derives?: readonly string[];
  /** Turns the form's questions into answers (after generic conversion). */
  readonly toAnswers?: (sections: Record<string, unknown>, form: FormValues) => void;
  /** Fills the form's own questions (`wizard.*`) from saved answers. */
  readonly toForm?: (answers: DraftAnswers, form: FormValues) => void;
}

/** A step as declared: its words are `step.<id>.title` and `step.<id>.intro`. */
export interface StepSpec extends StepShape {
  readonly fields: readonly FieldSpec[];
}

/** A step with its words in one language. */
export interface StepDef extends StepShape {
  readonly title: string;
  readonly intro?: string;
  readonly fields: readonly FieldDef[];
}

/** What a suggestion may depend on besides the answers. */
export interface PrefillContext {
  readonly today: string;
}

const relationshipOf = (answers: DraftAnswers) =>
  getIn(answers, 'client.relationship') === 'returning' ? 'returning' : 'new';

const wasTrouble = (answers: DraftAnswers) => getIn(answers, 'client.troubleBefore') === true;

/**
 * The deposit the wizard suggests: the article's 50% for a new client and 30%
 * for a returning one, but a client who paid late or went silent last time
 * is asked for more, as for a new one (and offered everything up front first).
 */
const suggestedDeposit = (answers: DraftAnswers) => (wasTrouble(answers) ? defaultDepositPercent('new') : defaultDepositPercent(relationshipOf(answers)));

/** The language the draft's contract is written in (the wizard's pages follow it). */
export function draftLanguage(answers: DraftAnswers): Language {
  return answers.language === 'ja' ? 'ja' : 'en';
}

/** A question only a contract in this language needs (the Japanese 源泉徴収, the court's place). */
const inLanguage = (language: Language) => (answers: DraftAnswers) => draftLanguage(answers) === language;

const partyFields = (prefix: 'freelancer' | 'client'): FieldSpec[] => {
  const own = prefix === 'freelancer';
  return [
    { name: `${prefix}.name`, kind: 'text', autocomplete: own ? 'name' : 'off' },
    { name: `${prefix}.business`, kind: 'text', optional: true, autocomplete: own ? 'organization' : 'off' },
    { name: `${prefix}.title`, kind: 'text', optional: true, width: 'medium', autocomplete: own ? 'organization-title' : 'off' },
    { name: `${prefix}.email`, kind: 'email', autocomplete: own ? 'email' : 'off' },
    { name: `${prefix}.phone`, kind: 'tel', width: 'medium', autocomplete: own ? 'tel' : 'off', note: { id: 'communication', alsoId: 'notices' } },
    { name: `${prefix}.address`, kind: 'textarea', autocomplete: own ? 'street-address' : 'off' },
  ];
};

/** The kill fee we suggest: a quarter of the fee not yet earned, as in the product's worked example. */
export const SUGGESTED_KILL_FEE = 25;

const modelIs = (model: string) => (answers: DraftAnswers) => getIn(answers, 'fee.model') === model;

/** Every currency, by name in the page's language: the common ones first, then all the others by name (a way to any ISO code). */
function currencyGroups(messages: Messages): SelectGroup[] {
  const names = new Intl.DisplayNames(messages.language, { type: 'currency' });
  const option = (code: string) => ({ value: code, label: `${names.of(code) ?? code} (${code})` });
  const common = new Set<string>(COMMON_CURRENCIES);
  const others = Intl.supportedValuesOf('currency')
    .filter((code) => !common.has(code) && isKnownCurrency(code))
    .map(option)
    .sort((a, b) => a.label.localeCompare(b.label, messages.language));
  return [
    { label: messages.t('field.fee.currency.common'), options: COMMON_CURRENCIES.map(option) },
    { label: messages.t('field.fee.currency.others'), options: others },
  ];
}

/** Cities with a district court that Japanese freelancers name most; any district-court city or prefecture is accepted. */
const COURT_PLACES = ['東京', '大阪', '横浜', '名古屋', '札幌', '福岡', '京都', '神戸', 'さいたま', '千葉', '仙台', '広島'];

const STEP_SPECS: readonly StepSpec[] = [
  {
    id: 'you',
    note: { id: 'parties', alsoId: 'purpose' },
    sections: ['freelancer'],
    schema: z.object({ freelancer: partiesSchema.freelancer }),
    fields: [
      ...partyFields('freelancer'),
      // A Japanese contract writes a company with its representative, withholds income tax only from an individual,
      // names the Freelance Act only for a freelancer without employees, and prints the invoice registration number.
      {
        name: 'freelancer.entity',
        kind: 'radios',
        when: inLanguage('ja'),
        options: [{ value: 'individual' }, { value: 'company' }],
        prefill: () => 'individual',
      },
      { name: 'freelancer.hasEmployees', kind: 'yes-no', when: inLanguage('ja'), prefill: () => 'no' },
      { name: 'freelancer.invoiceRegistrationNumber', kind: 'text', width: 'medium', optional: true, when: inLanguage('ja') },
      // Printed on the party block and every invoice; a UK invoice that charges VAT is refused without it.
      { name: 'freelancer.vatNumber', kind: 'text', width: 'medium', optional: true },
    ],
  },
  {
    id: 'client',
    sections: ['client'],
    schema: z.object({ client: partiesSchema.client }),
    fields: partyFields('client'),
  },
  {
    id: 'relationship',
    sections: ['client'],
    schema: z.object({ client: partiesSchema.client }),
    toAnswers(sections, form) {
      // One question, three answers: no follow-up question to reveal, with or without JavaScript.
      const history = form['wizard.history'];
      if (history === 'new') setIn(sections, 'client.relationship', 'new');
      if (history === 'returning' || history === 'returning-trouble') {
        setIn(sections, 'client.relationship', 'returning');
        if (history === 'returning-trouble') setIn(sections, 'client.troubleBefore', true);
      }
    },
    toForm(answers, form) {
      const relationship = getIn(answers, 'client.relationship');
      if (relationship === 'new') form['wizard.history'] = 'new';
      else if (relationship === 'returning') form['wizard.history'] = getIn(answers, 'client.troubleBefore') === true ? 'returning-trouble' : 'returning';
    },
    fields: [
      {
        name: 'wizard.history',
        kind: 'radios',
        answers: ['client.relationship', 'client.troubleBefore'],
        options: [{ value: 'new' }, { value: 'returning' }, { value: 'returning-trouble' }],
      },
      {
        name: 'client.kind',
        kind: 'radios',
        options: [{ value: 'business' }, { value: 'consumer' }],
        prefill: () => 'business',
      },
    ],
  },
  {
    id: 'project',
    note: { id: 'scope' },
    sections: ['effectiveDate', 'project'],
    schema: z.object({ effectiveDate: answersSchema.in.shape.effectiveDate, project: projectSchema }),
    fields: [
      { name: 'project.name', kind: 'text' },
      { name: 'project.description', kind: 'textarea' },
      { name: 'project.deliverables', kind: 'list' },
      // Decides 源泉徴収 in a Japanese contract (schema.ts, WITHHELD_WORK_CATEGORIES); optional, so answers saved before it stay valid.
      { name: 'project.workCategory', kind: 'radios', optional: true, options: WORK_CATEGORIES.map((value) => ({ value })) },
      { name: 'effectiveDate', kind: 'date', prefill: (_answers, { today }) => today },
      { name: 'project.startDate', kind: 'date' },
      { name: 'project.endDate', kind: 'date', optional: true },
      { name: 'project.revisionRounds', kind: 'number', width: 'short', optional: true, note: { id: 'revisions' } },
      { name: 'project.acceptanceDays', kind: 'number', width: 'short', optional: true, note: { id: 'acceptance' } },
    ],
  },
  {
    id: 'charging',
    sections: ['fee'],
    schema: z.object({ fee: feeSchema }),
    fields: [
      {
        name: 'fee.currency',
        kind: 'select',
        selectGroups: currencyGroups,
        // A Japanese contract is in yen (its withholding is worked out in yen); any other currency is still offered.
        prefill: (answers) => (draftLanguage(answers) === 'ja' ? 'JPY' : undefined),
      },
      {
        name: 'fee.model',
        kind: 'radios',
        options: [
          { value: 'fixed', note: { id: 'fees', variant: 'fixed' } },
          { value: 'hourly', note: { id: 'fees', variant: 'hourly' } },
          { value: 'retainer', note: { id: 'fees', variant: 'retainer' } },
        ],
      },
    ],
  },
  {
    id: 'fees',
    sections: ['fee'],
    schema: z.object({ fee: feeSchema }),
    // A Japanese contract charges 消費税 at 10% unless told otherwise; a tax-exempt
    // freelancer (免税事業者) says no, which is no tax at all (fee.tax: null).
    toAnswers(sections, form) {
      if (form['wizard.consumptionTax'] === 'no') setIn(sections, 'fee.tax', null);
    },
    toForm(answers, form) {
      if (draftLanguage(answers) === 'ja') form['wizard.consumptionTax'] = getIn(answers, 'fee.tax') === null ? 'no' : 'yes';
    },
    // The question is asked only in Japanese; an English contract's tax is kept when it does not apply.
    derives: ['fee.tax'],
    fields: [
      // Only the chosen model's amounts are asked for and kept in the answers;
      // what was typed for another model is kept aside (keepTyped) for a switch back.
      { name: 'fee.total', kind: 'money', width: 'medium', keepTyped: true, when: modelIs('fixed') },
      { name: 'fee.rate', kind: 'money', width: 'medium', keepTyped: true, when: modelIs('hourly') },
      { name: 'fee.estimatedHours', kind: 'number', width: 'short', keepTyped: true, when: modelIs('hourly') },
      { name: 'fee.monthly', kind: 'money', width: 'medium', keepTyped: true, when: modelIs('retainer') },
      { name: 'fee.hoursPerMonth', kind: 'number', width: 'short', keepTyped: true, when: modelIs('retainer') },
      { name: 'fee.noticeDays', kind: 'number', width: 'short', optional: true, keepTyped: true, when: modelIs('retainer') },
      { name: 'fee.paymentDueDays', kind: 'number', width: 'short', prefill: () => '14' },
      { name: 'fee.lateFeePercentPerMonth', kind: 'number', width: 'short', note: { id: 'late-payment' }, prefill: () => '1.5' },
      { name: 'fee.paymentMethod', kind: 'textarea', optional: true },
      { name: 'wizard.consumptionTax', kind: 'radios', when: inLanguage('ja'), answers: ['fee.tax'], options: [{ value: 'yes' }, { value: 'no' }], prefill: () => 'yes' },
      { name: 'fee.tax.label', kind: 'text', width: 'medium', optional: true, suggestions: ['VAT', 'GST', 'Sales tax', '消費税'] },
      { name: 'fee.tax.percent', kind: 'number', width: 'short', optional: true },
      {
        // 源泉徴収: withheld from an individual's fee for design, writing and the other listed kinds of work.
        name: 'fee.withholding',
        kind: 'yes-no',
        when: inLanguage('ja'),
        prefill: (answers) => {
          const category = getIn(answers, 'project.workCategory');
          const listed = category === undefined || WITHHELD_WORK_CATEGORIES.has(category as WorkCategory);
          return getIn(answers, 'freelancer.entity') !== 'company' && listed ? 'yes' : 'no';
        },
      },
    ],
  },
  {
    id: 'safeguards',
    sections: ['deposit', 'killFee'],
    schema: z.object({ deposit: depositSchema, killFee: killFeeSchema }),
    toAnswers(sections, form) {
      if (form['wizard.depositChoice'] === 'full') setIn(sections, 'deposit.percent', 100);
      // No kill fee is a kill fee of 0%: the clause is then left out.
      if (form['wizard.killFee'] === 'no') setIn(sections, 'killFee.percentOfRemainingFee', 0);
    },
    toForm(answers, form) {
      const percent = getIn(answers, 'deposit.percent');
      // Not answered yet for a client who was trouble last time: everything up front is suggested.
      if (percent === 100 || (answers.deposit === undefined && wasTrouble(answers))) {
        form['wizard.depositChoice'] = 'full';
        form['deposit.percent'] = String(suggestedDeposit(answers));
      } else {
        form['wizard.depositChoice'] = 'deposit';
      }
      // The home page promises a kill fee: it is on, at the suggested share, until the freelancer says no.
      const killFee = getIn(answers, 'killFee.percentOfRemainingFee');
      const answered = getIn(answers, 'killFee.unresponsiveDays') !== undefined;
      if (killFee === 0 || (answered && killFee === undefined)) {
        form['wizard.killFee'] = 'no';
        form['killFee.percentOfRemainingFee'] = String(SUGGESTED_KILL_FEE);
      } else {
        form['wizard.killFee'] = 'yes';
      }
    },
    fields: [
      {
        name: 'wizard.depositChoice',
        kind: 'radios',
        options: [
          { value: 'deposit', note: { id: 'deposit' }, reveals: ['deposit.percent'] },
          { value: 'full', note: { id: 'deposit', variant: 'payment-in-full' } },
        ],
      },
      { name: 'deposit.percent', kind: 'number', width: 'short', prefill: (answers) => String(suggestedDeposit(answers)) },
      { name: 'deposit.nonRefundable', kind: 'yes-no', prefill: () => 'yes' },
      { name: 'killFee.unresponsiveDays', kind: 'number', width: 'short', note: { id: 'responsiveness' }, prefill: () => '14' },
      {
        name: 'wizard.killFee',
        kind: 'radios',
        answers: ['killFee.percentOfRemainingFee'],
        note: { id: 'termination' },
        options: [{ value: 'yes', reveals: ['killFee.percentOfRemainingFee'] }, { value: 'no' }],
      },
      { name: 'killFee.percentOfRemainingFee', kind: 'number', width: 'short', prefill: () => String(SUGGESTED_KILL_FEE) },
    ],
  },
  {
    id: 'rights',
    note: { id: 'ownership' },
    sections: ['ownership'],
    schema: z.object({ ownership: ownershipSchema }),
    toAnswers(sections) {
      setIn(sections, 'ownership.transferOn', 'full-payment');
    },
    fields: [
      {
        name: 'ownership.copyright',
        kind: 'radios',
        options: [
          { value: 'assign-to-client', note: { id: 'copyright', variant: 'assign-to-client' } },
          { value: 'retain-and-license', note: { id: 'copyright', variant: 'retain-and-license' }, reveals: ['ownership.licence'] },
        ],
      },
      {
        name: 'ownership.licence',
        kind: 'radios',
        optional: true,
        options: [{ value: 'non-exclusive' }, { value: 'exclusive' }],
        prefill: () => 'non-exclusive',
      },
      { name: 'ownership.portfolioUse', kind: 'yes-no', prefill: () => 'yes' },
    ],
  },
  {
    id: 'jurisdiction',
    note: { id: 'governing-law' },
    sections: ['jurisdiction', 'paperSize'],
    schema: z.object({ jurisdiction: jurisdictionSchema, paperSize: answersSchema.in.shape.paperSize }),
    // A Japanese contract is governed by Japanese law and names its courts from the place alone
    // (東京 -> 東京地方裁判所 and 東京簡易裁判所): the law and the court are written from it, not asked.
    derives: ['jurisdiction.governingLaw', 'jurisdiction.venue'],
    toAnswers(sections, form) {
      if (!('jurisdiction.place' in form)) return;
      const place = String(form['jurisdiction.place'] ?? '').trim();
      setIn(sections, 'jurisdiction.governingLaw', '日本法');
      if (place) setIn(sections, 'jurisdiction.venue', place);
    },
    fields: [
      { name: 'jurisdiction.governingLaw', kind: 'text', when: inLanguage('en') },
      { name: 'jurisdiction.venue', kind: 'text', when: inLanguage('en') },
      { name: 'jurisdiction.place', kind: 'text', width: 'medium', when: inLanguage('ja'), suggestions: COURT_PLACES },
      { name: 'jurisdiction.smallClaims', kind: 'yes-no', prefill: () => 'yes' },
      {
        name: 'paperSize',
        kind: 'radios',
        optional: true,
        options: [{ value: 'letter' }, { value: 'a4' }],
        // The currency question is on the fees step, answered before this one; it is pre-filled with USD.
        prefill: (answers) => {
          const currency = getIn(answers, 'fee.currency');
          return defaultPaperSize(typeof currency === 'string' ? currency : 'USD');
        },
      },
    ],
  },
];

/** Words that may be absent: an empty sentence in the catalogue means "none". */
const optionalText = (messages: Messages, key: string, params?: Record<string, string | number>) =>
  messages.has(key) ? messages.t(key, params) : undefined;

// What a hint may mention besides the answers: the kill fee we suggest.
const HINT_PARAMS = { suggestedKillFee: SUGGESTED_KILL_FEE };

function localizeField(spec: FieldSpec, messages: Messages): FieldDef {
  const key = `field.${spec.name}`;
  const { options, selectGroups, ...rest } = spec;
  const hint = optionalText(messages, `${key}.hint`, HINT_PARAMS);
  const suffix = optionalText(messages, `${key}.suffix`);
  return {
    ...rest,
    label: messages.t(`${key}.label`),
    ...(hint ? { hint } : {}),
    ...(suffix ? { suffix } : {}),
    ...(options
      ? {
          options: options.map((option) => {
            const optionHint = optionalText(messages, `${key}.option.${option.value}.hint`, HINT_PARAMS);
            return { ...option, label: messages.t(`${key}.option.${option.value}`), ...(optionHint ? { hint: optionHint } : {}) };
          }),
        }
      : {}),
    ...(selectGroups ? { selectGroups: selectGroups(messages), selectPlaceholder: messages.t(`${key}.placeholder`) } : {}),
  };
}

function localizeStep(spec: StepSpec, messages: Messages): StepDef {
  const intro = optionalText(messages, `step.${spec.id}.intro`);
  return {
    ...spec,
    title: messages.t(`step.${spec.id}.title`),
    ...(intro ? { intro } : {}),
    fields: spec.fields.map((field) => localizeField(field, messages)),
  };
}

const localized = new Map<Language, readonly StepDef[]>();

/** The steps with their words in a language; built once per language. */
export function stepsIn(language: Language): readonly StepDef[] {
  let steps = localized.get(language);
  if (!steps) {
    const messages = messagesFor(language);
    steps = STEP_SPECS.map((spec) => localizeStep(spec, messages));
    localized.set(language, steps);
  }
  return steps;
}

/**
 * The steps' shape (ids, fields, sections, rules) for code that reads no
 * words; in English. Pages use `activeSteps`, in the draft's language.
 */
export const STEPS: readonly StepDef[] = stepsIn('en');


export const REVIEW_STEP = { id: 'review' } as const;

export function findStep(id: string, language: Language = 'en'): StepDef | undefined {
  return stepsIn(language).find((step) => step.id === id);
}

/** The steps that apply to these answers, in order, in the draft's language. */
export function activeSteps(answers: DraftAnswers): StepDef[] {
  return stepsIn(draftLanguage(answers)).filter((step) => !step.when || step.when(answers));
}

/** Every field of a step, including those revealed under an option. */
export function revealedBy(step: StepDef): Map<string, { field: FieldDef; option: FieldOption }> {
  const map = new Map<string, { field: FieldDef; option: FieldOption }>();
  for (const field of step.fields) {
    for (const option of field.options ?? []) {
      for (const name of option.reveals ?? []) map.set(name, { field, option });
    }
  }
  return map;
}
