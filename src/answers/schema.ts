// The answers a freelancer gives, defined once. The API route, the wizard's
// per-step validation, GET /api/schema, the OpenAPI document and the
// TypeScript types all come from this file. Messages are written for the
// person who must fix the field, not for a programmer.
import { z } from 'zod';
import { cleanLine, cleanMultiline } from './text.ts';
import { currencyDigits, isKnownCurrency } from './money.ts';

export const LIMITS = {
  name: 200,
  email: 254,
  phone: 40,
  address: 500,
  title: 120,
  projectName: 200,
  description: 20_000,
  deliverable: 1_000,
  deliverables: 50,
  jurisdiction: 300,
  paymentMethod: 1_000,
  taxLabel: 40,
  amount: 1_000_000_000,
  hours: 100_000,
} as const;

export const requiredMessage = (label: string, kind: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null
    ? `${label} is required.`
    : `${label} must be ${kind}.`;

// Objects also report unknown keys through their error function; the edge
// (web/problems.ts) turns that issue into one error per unknown field.
const objectMessage = (label: string) => (issue: { code?: string; input?: unknown }) =>
  issue.code === 'unrecognized_keys' ? 'This field is not part of the answers; check its spelling.' : requiredMessage(label, 'an object')(issue);

function line(label: string, max: number) {
  return z
    .string({ error: requiredMessage(label, 'text') })
    .overwrite(cleanLine)
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} is too long: keep it under ${max.toLocaleString('en-US')} characters.` });
}

/** An optional one-line field: left empty, it is simply absent (a form sends "" for a blank input). */
function optionalLine(label: string, max: number) {
  return z
    .string({ error: requiredMessage(label, 'text') })
    .overwrite(cleanLine)
    .max(max, { error: `${label} is too long: keep it under ${max.toLocaleString('en-US')} characters.` })
    .optional()
    .transform((value) => value || undefined);
}

/** An optional field of several lines (bank details, a payment link): left empty, it is absent. */
function optionalMultiline(label: string, max: number) {
  return z
    .string({ error: requiredMessage(label, 'text') })
    .overwrite(cleanMultiline)
    .max(max, { error: `${label} is too long: keep it under ${max.toLocaleString('en-US')} characters.` })
    .optional()
    .transform((value) => value || undefined);
}

function multiline(label: string, max: number) {
  return z
    .string({ error: requiredMessage(label, 'text') })
    .overwrite(cleanMultiline)
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} is too long: keep it under ${max.toLocaleString('en-US')} characters.` });
}

// People write phone numbers with spaces, dots, dashes, brackets and an
// extension; what matters for a contract is that it is a number one can dial.
const PHONE_SHAPE = /^\+?[\d\s().\-/]+?(?:\s*(?:ext\.?|x|#)\s*\d{1,6})?$/i;
function phone(label: string) {
  return line(label, LIMITS.phone).refine(
    (value) => {
      if (!PHONE_SHAPE.test(value)) return false;
      const main = value.replace(/(?:ext\.?|x|#)\s*\d{1,6}$/i, '');
      const digits = main.replace(/\D/g, '').length;
      return digits >= 6 && digits <= 15;
    },
    { error: `${label} must be a phone number one can dial, such as +1 (415) 555-0100 ext. 7.` },
  );
}

function email(label: string) {
  return z
    .string({ error: requiredMessage(label, 'text') })
    .overwrite(cleanLine)
    .min(1, { error: `${label} is required.` })
    .max(LIMITS.email, { error: `${label} is too long.` })
    .pipe(z.email({ error: `${label} must be an email address, such as name@example.com.` }));
}

/** A real calendar date as YYYY-MM-DD, with messages naming the field. */
export function isoDate(label: string) {
  return z.iso.date({
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? `${label} is required.`
        : `${label} must be a real calendar date written as YYYY-MM-DD.`,
  });
}

function number(label: string, { min, max, int = false, minExclusive = false }: {
  min: number; max: number; int?: boolean; minExclusive?: boolean;
}) {
  let schema = z.number({ error: requiredMessage(label, 'a number') });
  if (int) schema = schema.int({ error: `${label} must be a whole number.` });
  schema = minExclusive
    ? schema.gt(min, { error: `${label} must be more than ${min}.` })
    : schema.gte(min, { error: `${label} must be at least ${min}.` });
  return schema.lte(max, { error: `${label} must be at most ${max.toLocaleString('en-US')}.` });
}

const amount = (label: string) => number(label, { min: 0, max: LIMITS.amount, minExclusive: true });

function flag(label: string) {
  return z.boolean({ error: `${label} must be true or false.` });
}

const partyFields = (who: string) => ({
  name: line(`${who} name`, LIMITS.name),
  business: optionalLine(`${who} business name`, LIMITS.name),
  title: optionalLine(`${who} title (for the signature)`, LIMITS.title),
  email: email(`${who} email`),
  phone: phone(`${who} phone number`),
  address: multiline(`${who} address`, LIMITS.address),
});

export const RELATIONSHIPS = ['new', 'returning'] as const;
export const FEE_MODELS = ['fixed', 'hourly', 'retainer'] as const;
export const COPYRIGHT_CHOICES = ['assign-to-client', 'retain-and-license'] as const;
export const LICENCE_KINDS = ['non-exclusive', 'exclusive'] as const;
export const PAPER_SIZES = ['letter', 'a4'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

const feeCommon = {
  currency: z
    .string({ error: requiredMessage('Currency', 'a three-letter currency code') })
    .overwrite((value) => value.trim().toUpperCase())
    .refine(isKnownCurrency, { error: 'Currency must be a three-letter ISO 4217 code, such as USD, GBP, EUR or JPY.' }),
  paymentDueDays: number('Days to pay an invoice', { min: 0, max: 365, int: true }),
  lateFeePercentPerMonth: number('Late fee per month (%)', { min: 0, max: 10 }),
  // How to pay (bank details, a payment link): printed in the fees clause and the letters.
  paymentMethod: optionalMultiline('How the client pays', LIMITS.paymentMethod),
  // Prices are always stated before tax; with a rate the fee table shows net, tax and total.
  tax: z
    .strictObject(
      {
        label: line('Tax name', LIMITS.taxLabel),
        percent: number('Tax rate (%)', { min: 0, max: 100, minExclusive: true }),
      },
      { error: objectMessage('The tax section') },
    )
    .optional(),
};

/** The defaults the settlement model reads: 10 days to accept a delivery, 30 days' notice for a retainer. */
export const DEFAULT_ACCEPTANCE_DAYS = 10;
export const DEFAULT_NOTICE_DAYS = 30;

const FEE_MODEL_MESSAGE = 'Fee model must be one of: fixed (a total price), hourly (a rate and an estimate), retainer (a monthly fee).';

export const feeSchema = z.discriminatedUnion(
  'model',
  [
    z.strictObject({ model: z.literal('fixed'), ...feeCommon, total: amount('Total price') }),
    z.strictObject({
      model: z.literal('hourly'),
      ...feeCommon,
      rate: amount('Hourly rate'),
      estimatedHours: number('Estimated hours', { min: 0, max: LIMITS.hours, minExclusive: true }),
    }),
    z.strictObject({
      model: z.literal('retainer'),
      ...feeCommon,
      monthly: amount('Monthly retainer'),
      hoursPerMonth: number('Hours per month', { min: 0, max: 744, minExclusive: true }),
      // The retainer runs month to month until either party gives this notice.
      noticeDays: number('Days of notice to end the retainer', { min: 1, max: 180, int: true }).optional(),
    }),
  ],
  { error: (issue) => (issue.input === undefined || issue.input === null ? 'The fee section is required.' : FEE_MODEL_MESSAGE) },
);

export const partiesSchema = {
  freelancer: z.strictObject(partyFields('Your'), { error: objectMessage('Your details section') }),
  client: z.strictObject(
    {
      ...partyFields("Client's"),
      relationship: z.enum(RELATIONSHIPS, {
        error: 'Client relationship must be "new" (first project) or "returning" (has paid you before).',
      }),
      // The article's seventh rule: a returning client who paid late or went
      // silent last time. Optional, used by the wizard to suggest a higher rate.
      troubleBefore: flag('Client caused trouble before').optional(),
    },
    { error: objectMessage('The client section') },
  ),
};

export const projectSchema = z.strictObject(
  {
    name: line('Project name', LIMITS.projectName),
    description: multiline('Project description', LIMITS.description),
    deliverables: z
      .array(multiline('Deliverable', LIMITS.deliverable), { error: requiredMessage('Deliverables', 'a list') })
      .min(1, { error: 'List at least one deliverable.' })
      .max(LIMITS.deliverables, { error: `List at most ${LIMITS.deliverables} deliverables; group the smaller ones.` }),
    startDate: isoDate('Start date'),
    endDate: isoDate('End date').optional(),
    revisionRounds: number('Rounds of revisions', { min: 0, max: 20, int: true }).optional(),
    // Silence for this long after a delivery counts as acceptance (PRODUCT.md, clause 4).
    acceptanceDays: number('Days to accept a delivery', { min: 1, max: 60, int: true }).optional(),
  },
  { error: objectMessage('The project section') },
);

export const depositSchema = z.strictObject(
  {
    // Left out, it follows the article: 50% for a new client, 30% for a returning one.
    percent: number('Deposit percentage', { min: 1, max: 100 }).optional(),
    nonRefundable: flag('Non-refundable deposit').default(true),
  },
  { error: objectMessage('The deposit section') },
);

export const killFeeSchema = z.strictObject(
  {
    unresponsiveDays: number('Days of silence before work stops', { min: 1, max: 365, int: true }),
    percentOfRemainingFee: number('Kill fee (% of the remaining fee)', { min: 0, max: 100 }).default(0),
  },
  { error: objectMessage('The kill-fee section') },
);

export const jurisdictionSchema = z.strictObject(
  {
    governingLaw: line('Governing law', LIMITS.jurisdiction),
    venue: line('Venue (court)', LIMITS.jurisdiction),
    smallClaims: flag('Small claims').default(true),
  },
  { error: objectMessage('The jurisdiction section') },
);

export const ownershipSchema = z.strictObject(
  {
    transferOn: z.literal('full-payment', { error: 'Ownership transfers on "full-payment": that is the protection.' }).default('full-payment'),
    copyright: z.enum(COPYRIGHT_CHOICES, {
      error: 'Copyright must be "assign-to-client" (you keep a portfolio licence) or "retain-and-license" (the client gets a licence).',
    }),
    portfolioUse: flag('Portfolio use').default(true),
    // Only read when the freelancer keeps the copyright: the licence the client receives.
    licence: z
      .enum(LICENCE_KINDS, { error: 'Licence must be "non-exclusive" (you may license the work to others too) or "exclusive" (only the client may use it).' })
      .default('non-exclusive'),
  },
  { error: objectMessage('The ownership section') },
);

const answersObject = z.strictObject(
  {
    effectiveDate: isoDate('Effective date'),
    ...partiesSchema,
    project: projectSchema,
    fee: feeSchema,
    deposit: depositSchema.optional(),
    killFee: killFeeSchema,
    jurisdiction: jurisdictionSchema,
    ownership: ownershipSchema,
    // Left out, it follows the currency (defaultPaperSize).
    paperSize: z
      .enum(PAPER_SIZES, { error: 'Paper size must be "letter" (US Letter) or "a4" (A4).' })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? 'This field is not part of the answers; check its spelling.' : 'The answers must be a JSON object.',
  },
);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Rules that span fields; each issue points at the field the user must change. */
function crossFieldRules(answers: z.output<typeof answersObject>, ctx: z.RefinementCtx) {
  const { project, fee } = answers;
  if (ISO_DATE.test(String(project?.endDate)) && ISO_DATE.test(String(project?.startDate)) && project.endDate! < project.startDate) {
    ctx.addIssue({ code: 'custom', path: ['project', 'endDate'], message: 'End date cannot be before the start date.' });
  }
  // Zod runs these rules even when a field above failed its own check, so
  // each rule first makes sure the values it reads are usable.
  if (typeof fee?.currency !== 'string' || !isKnownCurrency(fee.currency)) return;
  const digits = currencyDigits(fee.currency);
  const amountFields = fee.model === 'fixed' ? ['total'] : fee.model === 'hourly' ? ['rate'] : ['monthly'];
  for (const field of amountFields) {
    const value = (fee as Record<string, unknown>)[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    if (Math.round(value * 10 ** digits) / 10 ** digits !== value) {
      ctx.addIssue({
        code: 'custom',
        path: ['fee', field],
        message: digits === 0
          ? `${fee.currency} amounts have no decimals: use a whole number.`
          : `${fee.currency} amounts have at most ${digits} decimals.`,
      });
    }
  }
}

export function defaultDepositPercent(relationship: (typeof RELATIONSHIPS)[number]): number {
  return relationship === 'new' ? 50 : 30;
}

// Currencies of the countries that print on US Letter rather than A4: the
// United States, Canada, Mexico and the Philippines. The answers name no
// country, and the currency is the best sign of where the contract is printed
// (an Oregon freelancer bills in USD, a London one in GBP); euros, pounds and
// the rest of the world use A4.
const LETTER_CURRENCIES: ReadonlySet<string> = new Set(['USD', 'CAD', 'MXN', 'PHP']);

/** The paper a contract in this currency is most likely printed on, when the answers do not say. */
export function defaultPaperSize(currency: string): PaperSize {
  return LETTER_CURRENCIES.has(currency.trim().toUpperCase()) ? 'letter' : 'a4';
}

type ParsedFee = z.output<typeof feeSchema>;
type RetainerFee = Extract<ParsedFee, { model: 'retainer' }>;
/** The fee with its defaults: a retainer always has a notice period. */
export type FeeWithDefaults = Exclude<ParsedFee, RetainerFee> | (RetainerFee & { noticeDays: number });

function withFeeDefaults(fee: ParsedFee): FeeWithDefaults {
  return fee.model === 'retainer' ? { ...fee, noticeDays: fee.noticeDays ?? DEFAULT_NOTICE_DAYS } : fee;
}

/** Fills in the defaults the article prescribes so that every later layer sees complete answers. */
function applyDefaults(answers: z.output<typeof answersObject>) {
  return {
    ...answers,
    project: {
      ...answers.project,
      revisionRounds: answers.project.revisionRounds ?? 2,
      acceptanceDays: answers.project.acceptanceDays ?? DEFAULT_ACCEPTANCE_DAYS,
    },
    fee: withFeeDefaults(answers.fee),
    deposit: {
      nonRefundable: answers.deposit?.nonRefundable ?? true,
      percent: answers.deposit?.percent ?? defaultDepositPercent(answers.client.relationship),
    },
    paperSize: answers.paperSize ?? defaultPaperSize(answers.fee.currency),
  };
}

export const answersSchema = answersObject.superRefine(crossFieldRules).transform(applyDefaults);

/** What a user or API client sends. */
export type AnswersInput = z.input<typeof answersSchema>;
/** Validated answers with every default filled in. */
export type Answers = z.output<typeof answersSchema>;
export type Fee = Answers['fee'];
export type Party = Answers['freelancer'];
