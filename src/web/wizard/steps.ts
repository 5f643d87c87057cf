// The wizard's steps as data: one topic a page, each validated by its slice of
// the one answers schema. The generic route (routes.ts) reads this list; to
// add a question, add a field here and, if it is new to the answers, to the
// schema in src/answers/schema.ts.
import { z } from 'zod';
import { currencyName, isKnownCurrency } from '../../answers/money.ts';
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
} from '../../answers/schema.ts';
import type { DraftAnswers } from '../../drafts/store.ts';
import { getIn, setIn, type FormValues } from './form-values.ts';

/** A clause whose plain-language note explains the question. */
export interface NoteRef {
  readonly id: string;
  readonly variant?: string;
}

// `money`: an amount typed as people write it ("$6,000", "6 000", "¥1,200,000"), shown with the contract's currency.
export type FieldKind = 'text' | 'email' | 'tel' | 'date' | 'number' | 'money' | 'textarea' | 'list' | 'radios' | 'yes-no' | 'select';

export interface SelectGroup {
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

export interface FieldOption {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
  readonly note?: NoteRef;
  /** Fields shown under this option (all shown without JavaScript). */
  readonly reveals?: readonly string[];
}

export interface FieldDef {
  /** The input's name: a dotted answers path, or `wizard.*` for a question that only shapes other answers. */
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly hint?: string;
  readonly note?: NoteRef;
  readonly optional?: boolean;
  readonly autocomplete?: string;
  readonly width?: 'short' | 'medium';
  /** Text after a short input: "days", "%". */
  readonly suffix?: string;
  readonly options?: readonly FieldOption[];
  /** A select's choices, in groups; the first option is an empty "Select…" line. */
  readonly selectGroups?: readonly SelectGroup[];
  readonly selectPlaceholder?: string;
  /**
   * Asked only when this holds for the answers saved so far (a question
   * about an earlier page's answer: the amounts of the fee model chosen on
   * the step before). Otherwise it is not shown, read or checked, and its
   * answer is removed.
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

export interface StepDef {
  readonly id: string;
  readonly title: string;
  readonly intro?: string;
  /** The clause note shown under the heading. */
  readonly note?: NoteRef;
  /** Top-level answer keys this step owns; saving the step replaces them. */
  readonly sections: readonly string[];
  readonly fields: readonly FieldDef[];
  /** The step's slice of the answers schema. */
  readonly schema: z.ZodType;
  /** Skips the step when it does not apply to these answers. */
  readonly when?: (answers: DraftAnswers) => boolean;
  /** Turns the form's questions into answers (after generic conversion). */
  readonly toAnswers?: (sections: Record<string, unknown>, form: FormValues) => void;
  /** Fills the form's own questions (`wizard.*`) from saved answers. */
  readonly toForm?: (answers: DraftAnswers, form: FormValues) => void;
}

/** What a suggestion may depend on besides the answers. */
export interface PrefillContext {
  readonly today: string;
}

const relationshipOf = (answers: DraftAnswers) =>
  getIn(answers, 'client.relationship') === 'returning' ? 'returning' : 'new';

const partyFields = (prefix: 'freelancer' | 'client', who: { your: string }): FieldDef[] => [
  { name: `${prefix}.name`, label: `${who.your} full name`, kind: 'text', autocomplete: prefix === 'freelancer' ? 'name' : 'off' },
  {
    name: `${prefix}.business`,
    label: `${who.your} business name`,
    kind: 'text',
    optional: true,
    autocomplete: prefix === 'freelancer' ? 'organization' : 'off',
    hint: 'When there is one, the contract is made in this name.',
  },
  { name: `${prefix}.title`, label: `${who.your} title`, kind: 'text', optional: true, width: 'medium', hint: 'Shown under the signature, such as Owner or Marketing Director.', autocomplete: prefix === 'freelancer' ? 'organization-title' : 'off' },
  { name: `${prefix}.email`, label: `${who.your} email address`, kind: 'email', autocomplete: prefix === 'freelancer' ? 'email' : 'off' },
  {
    name: `${prefix}.phone`,
    label: `${who.your} phone number`,
    kind: 'tel',
    width: 'medium',
    autocomplete: prefix === 'freelancer' ? 'tel' : 'off',
    note: { id: 'communication' },
  },
  { name: `${prefix}.address`, label: `${who.your} postal address`, kind: 'textarea', autocomplete: prefix === 'freelancer' ? 'street-address' : 'off' },
];

/** The kill fee we suggest: a quarter of the fee not yet earned, as in the product's worked example. */
export const SUGGESTED_KILL_FEE = 25;

const modelIs = (model: string) => (answers: DraftAnswers) => getIn(answers, 'fee.model') === model;

/** Every currency, by name: the common ones first, then all the others alphabetically (a way to any ISO code). */
function currencyGroups(): SelectGroup[] {
  const option = (code: string) => ({ value: code, label: `${currencyName(code)} (${code})` });
  const common = new Set<string>(COMMON_CURRENCIES);
  const others = Intl.supportedValuesOf('currency')
    .filter((code) => !common.has(code) && isKnownCurrency(code))
    .map(option)
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
  return [
    { label: 'Common currencies', options: COMMON_CURRENCIES.map(option) },
    { label: 'All other currencies', options: others },
  ];
}

export const STEPS: readonly StepDef[] = [
  {
    id: 'you',
    title: 'About you',
    intro: 'Your details as they will appear in the contract.',
    note: { id: 'parties' },
    sections: ['freelancer'],
    schema: z.object({ freelancer: partiesSchema.freelancer }),
    fields: partyFields('freelancer', { your: 'Your' }),
  },
  {
    id: 'client',
    title: 'Your client',
    intro: 'Who the work is for, and how you know them.',
    sections: ['client'],
    schema: z.object({ client: partiesSchema.client }),
    fields: [
      ...partyFields('client', { your: "Client's" }),
    ],
  },
  {
    id: 'relationship',
    title: 'Your history with this client',
    intro: 'It sets the deposit we suggest, and the advice for a client who was trouble before.',
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
        label: 'Have you worked for this client before?',
        kind: 'radios',
        answers: ['client.relationship', 'client.troubleBefore'],
        options: [
          { value: 'new', label: 'No, this is our first project', hint: 'We suggest a 50% deposit before work starts.' },
          { value: 'returning', label: 'Yes, and they paid on time and answered my messages', hint: 'We suggest a 30% deposit (25 to 30% is usual for a client who has paid you before).' },
          { value: 'returning-trouble', label: 'Yes, but they paid late or went silent', hint: 'We show what to do before you take the work on. This answer is not written in the contract.' },
        ],
      },
    ],
  },
  {
    id: 'project',
    title: 'The project',
    intro: 'What you will deliver, and when.',
    note: { id: 'scope' },
    sections: ['effectiveDate', 'project'],
    schema: z.object({ effectiveDate: answersSchema.in.shape.effectiveDate, project: projectSchema }),
    fields: [
      { name: 'project.name', label: 'Project name', kind: 'text', hint: 'Used as the title of the contract and of the file.' },
      { name: 'project.description', label: 'What the project is', kind: 'textarea', hint: 'A sentence or two in plain words.' },
      {
        name: 'project.deliverables',
        label: 'Deliverables',
        kind: 'list',
        hint: 'One thing you will hand over per box, such as "Homepage design". Leave a box empty to remove it.',
      },
      { name: 'effectiveDate', label: 'Date the contract takes effect', kind: 'date', hint: 'Usually the day you both sign.', prefill: (_answers, { today }) => today },
      { name: 'project.startDate', label: 'Start date', kind: 'date' },
      { name: 'project.endDate', label: 'End date', kind: 'date', optional: true, hint: 'Leave empty when the project has no fixed end.' },
      {
        name: 'project.revisionRounds',
        label: 'Rounds of revisions included',
        kind: 'number',
        width: 'short',
        optional: true,
        hint: 'Leave empty for the usual 2. Further changes are billed or quoted in writing.',
        note: { id: 'revisions' },
      },
      {
        name: 'project.acceptanceDays',
        label: 'Days the client has to accept or object to a delivery',
        kind: 'number',
        width: 'short',
        suffix: 'days',
        optional: true,
        hint: 'Leave empty for 10. If the client says nothing for this long, the delivery counts as accepted.',
        note: { id: 'acceptance' },
      },
    ],
  },
  {
    id: 'charging',
    title: 'How you charge',
    intro: 'The currency first: every amount in the contract is in it.',
    sections: ['fee'],
    schema: z.object({ fee: feeSchema }),
    fields: [
      {
        name: 'fee.currency',
        label: 'Currency',
        kind: 'select',
        hint: 'The currency of your prices and invoices. The common ones come first, then every other currency by name.',
        selectPlaceholder: 'Select a currency',
        selectGroups: currencyGroups(),
      },
      {
        name: 'fee.model',
        label: 'How do you charge for this project?',
        kind: 'radios',
        options: [
          { value: 'fixed', label: 'A fixed price for the whole project', note: { id: 'fees', variant: 'fixed' } },
          { value: 'hourly', label: 'By the hour, with an estimate', note: { id: 'fees', variant: 'hourly' } },
          { value: 'retainer', label: 'A monthly retainer', note: { id: 'fees', variant: 'retainer' } },
        ],
      },
    ],
  },
  {
    id: 'fees',
    title: 'Fees and payment',
    intro: 'The price, and how quickly invoices must be paid.',
    sections: ['fee'],
    schema: z.object({ fee: feeSchema }),
    fields: [
      // Only the chosen model's amounts are asked for and kept in the answers;
      // what was typed for another model is kept aside (keepTyped) for a switch back.
      { name: 'fee.total', label: 'Total price', kind: 'money', width: 'medium', keepTyped: true, when: modelIs('fixed'), hint: 'For the whole project, like 6,000.' },
      { name: 'fee.rate', label: 'Hourly rate', kind: 'money', width: 'medium', keepTyped: true, when: modelIs('hourly'), hint: 'Like 85.' },
      { name: 'fee.estimatedHours', label: 'Estimated hours', kind: 'number', width: 'short', suffix: 'hours', keepTyped: true, when: modelIs('hourly') },
      { name: 'fee.monthly', label: 'Monthly retainer', kind: 'money', width: 'medium', keepTyped: true, when: modelIs('retainer'), hint: 'Paid at the start of each month, like 2,500.' },
      { name: 'fee.hoursPerMonth', label: 'Hours included each month', kind: 'number', width: 'short', suffix: 'hours', keepTyped: true, when: modelIs('retainer') },
      {
        name: 'fee.noticeDays',
        label: 'Notice to end the retainer',
        kind: 'number',
        width: 'short',
        suffix: 'days',
        optional: true,
        keepTyped: true,
        when: modelIs('retainer'),
        hint: 'Leave empty for 30. The retainer runs month to month until either of you gives this notice.',
      },
      { name: 'fee.paymentDueDays', label: 'Days the client has to pay an invoice', kind: 'number', width: 'short', suffix: 'days', hint: '0 means payment on receipt.', prefill: () => '14' },
      {
        name: 'fee.lateFeePercentPerMonth',
        label: 'Late fee',
        kind: 'number',
        width: 'short',
        suffix: '% per 30 days',
        hint: 'A share of the unpaid invoice, added for each full 30 days it is late; 0 for none.',
        note: { id: 'late-payment' },
        prefill: () => '1.5',
      },
      {
        name: 'fee.paymentMethod',
        label: 'How the client pays',
        kind: 'textarea',
        optional: true,
        hint: 'Bank details or a payment link, printed in the contract. Leave empty to give them on each invoice.',
      },
      {
        name: 'fee.tax.label',
        label: 'Tax you add to your invoices',
        kind: 'text',
        width: 'medium',
        optional: true,
        suggestions: ['VAT', 'GST', 'Sales tax', '消費税'],
        hint: 'Such as VAT or GST, when you are registered for it. Your prices are always before tax; leave empty when you charge none.',
      },
      {
        name: 'fee.tax.percent',
        label: 'Tax rate',
        kind: 'number',
        width: 'short',
        suffix: '%',
        optional: true,
        hint: 'The fee table then shows each amount before tax, the tax and the total.',
      },
    ],
  },
  {
    id: 'safeguards',
    title: 'Deposit and kill fee',
    intro: 'The two safeguards that protect you when a client disappears.',
    sections: ['deposit', 'killFee'],
    schema: z.object({ deposit: depositSchema, killFee: killFeeSchema }),
    toAnswers(sections, form) {
      if (form['wizard.depositChoice'] === 'full') setIn(sections, 'deposit.percent', 100);
      // No kill fee is a kill fee of 0%: the clause is then left out.
      if (form['wizard.killFee'] === 'no') setIn(sections, 'killFee.percentOfRemainingFee', 0);
    },
    toForm(answers, form) {
      const percent = getIn(answers, 'deposit.percent');
      if (percent === 100) {
        form['wizard.depositChoice'] = 'full';
        form['deposit.percent'] = String(defaultDepositPercent(relationshipOf(answers)));
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
        label: 'What does the client pay before work starts?',
        kind: 'radios',
        options: [
          { value: 'deposit', label: 'A deposit', note: { id: 'deposit' }, reveals: ['deposit.percent'] },
          { value: 'full', label: 'The full price', note: { id: 'deposit', variant: 'payment-in-full' } },
        ],
      },
      {
        name: 'deposit.percent',
        label: 'Deposit',
        kind: 'number',
        width: 'short',
        suffix: '%',
        hint: 'We suggest 50% for a new client, and 25 to 30% for a client who has paid you before. We filled in the suggestion for your client.',
        prefill: (answers) => String(defaultDepositPercent(relationshipOf(answers))),
      },
      {
        name: 'deposit.nonRefundable',
        label: 'Is the deposit non-refundable?',
        kind: 'yes-no',
        hint: 'We suggest yes: if the client disappears, you keep it.',
        prefill: () => 'yes',
      },
      {
        name: 'killFee.unresponsiveDays',
        label: 'Days of silence before work stops',
        kind: 'number',
        width: 'short',
        suffix: 'days',
        hint: 'Counted from the day after a written request goes unanswered, once you have also tried to call. You may then pause the work and bill what is done so far; a pause costs the client no kill fee.',
        note: { id: 'responsiveness' },
        prefill: () => '14',
      },
      {
        name: 'wizard.killFee',
        label: 'Charge a kill fee if the client ends the project early?',
        kind: 'radios',
        answers: ['killFee.percentOfRemainingFee'],
        note: { id: 'termination' },
        options: [
          { value: 'yes', label: 'Yes', reveals: ['killFee.percentOfRemainingFee'] },
          { value: 'no', label: 'No', hint: 'The client then pays only for the work done.' },
        ],
      },
      {
        name: 'killFee.percentOfRemainingFee',
        label: 'Kill fee',
        kind: 'number',
        width: 'short',
        suffix: '% of the fee not yet earned',
        hint: `We suggest ${SUGGESTED_KILL_FEE}%, charged on top of the work done when the client ends the project or goes silent.`,
        prefill: () => String(SUGGESTED_KILL_FEE),
      },
    ],
  },
  {
    id: 'rights',
    title: 'Who owns the work',
    intro: 'Until you are paid in full, everything you make stays yours; the client always keeps the rights to the materials it gives you.',
    note: { id: 'ownership' },
    sections: ['ownership'],
    schema: z.object({ ownership: ownershipSchema }),
    toAnswers(sections) {
      setIn(sections, 'ownership.transferOn', 'full-payment');
    },
    fields: [
      {
        name: 'ownership.copyright',
        label: 'Once you are paid in full, who holds the copyright?',
        kind: 'radios',
        options: [
          { value: 'assign-to-client', label: 'The client: I transfer the copyright', note: { id: 'copyright', variant: 'assign-to-client' } },
          {
            value: 'retain-and-license',
            label: 'Me: I keep the copyright and license the work',
            note: { id: 'copyright', variant: 'retain-and-license' },
            reveals: ['ownership.licence'],
          },
        ],
      },
      {
        name: 'ownership.licence',
        label: 'The licence the client receives',
        kind: 'radios',
        optional: true,
        options: [
          { value: 'non-exclusive', label: 'Non-exclusive', hint: 'You may license the work to others too. The usual choice.' },
          { value: 'exclusive', label: 'Exclusive', hint: 'Only the client may use the work; you keep the copyright and your portfolio right.' },
        ],
        prefill: () => 'non-exclusive',
      },
      {
        name: 'ownership.portfolioUse',
        label: 'May you show the work in your portfolio?',
        kind: 'yes-no',
        prefill: () => 'yes',
      },
    ],
  },
  {
    id: 'jurisdiction',
    title: 'Law and court',
    intro: 'Where a dispute would be settled: name your own state or country and your own court. Last, the paper the Word file is laid out for.',
    note: { id: 'governing-law' },
    sections: ['jurisdiction', 'paperSize'],
    schema: z.object({ jurisdiction: jurisdictionSchema, paperSize: answersSchema.in.shape.paperSize }),
    fields: [
      { name: 'jurisdiction.governingLaw', label: 'Governing law', kind: 'text', hint: 'Your state or country, such as "State of Oregon" or "England and Wales".' },
      { name: 'jurisdiction.venue', label: 'Court (venue)', kind: 'text', hint: 'Your city or county, such as "Multnomah County, Oregon".' },
      {
        name: 'jurisdiction.smallClaims',
        label: 'Mention small-claims court?',
        kind: 'yes-no',
        hint: 'Says that either side may use small-claims court where the amount allows: the quick, cheap route for an unpaid invoice.',
        prefill: () => 'yes',
      },
      {
        name: 'paperSize',
        label: 'Paper size for the Word file',
        kind: 'radios',
        optional: true,
        hint: 'We filled in the paper used where your currency is: US Letter in the United States, Canada, Mexico and the Philippines, A4 elsewhere.',
        options: [
          { value: 'letter', label: 'US Letter (8.5 × 11 inches)' },
          { value: 'a4', label: 'A4 (210 × 297 mm)' },
        ],
        // The currency question is on the fees step, answered before this one; it is pre-filled with USD.
        prefill: (answers) => {
          const currency = getIn(answers, 'fee.currency');
          return defaultPaperSize(typeof currency === 'string' ? currency : 'USD');
        },
      },
    ],
  },
];

export const REVIEW_STEP = { id: 'review', title: 'Check your answers' } as const;

export function findStep(id: string): StepDef | undefined {
  return STEPS.find((step) => step.id === id);
}

/** The steps that apply to these answers, in order. */
export function activeSteps(answers: DraftAnswers): StepDef[] {
  return STEPS.filter((step) => !step.when || step.when(answers));
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
