// The answers a freelancer gives, defined once. The API route, the wizard's
// per-step validation, GET /api/schema, the OpenAPI document and the
// TypeScript types all come from this file. Messages are written for the
// person who must fix the field, not for a programmer.
import { z } from 'zod';
import { cleanLine, cleanMultiline } from './text.ts';
import { currencyDigits, currencyName, isKnownCurrency } from './money.ts';
import { courtSeat } from './japan-courts.ts';

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
  amount: 1_000_000_000,
  hours: 100_000,
  paymentMethod: 1_000,
  taxLabel: 40,
} as const;

// Messages follow the GOV.UK pattern: one sentence per field and per
// failure, saying what to do ("Enter the total price, like 6,000") rather than
// what went wrong in a programmer's terms. The API's problem details carry the
// same sentences, with the field's path beside them.

/** What a field is called in a sentence, and what to say when it is missing. */
export interface FieldWords {
  /** Starts a sentence: "Total price", "Your phone number". */
  readonly name: string;
  /** The whole sentence for a missing answer: "Enter the total price, like 6,000". */
  readonly missing: string;
  /** The sentence for a value of the wrong kind; defaults to `missing`. */
  readonly wrong?: string;
}

const isMissing = (issue: { input?: unknown }) => issue.input === undefined || issue.input === null;

/** Missing, or the wrong kind of value (a number where text belongs). */
export const requiredMessage = (words: FieldWords | string, kind = 'text') => (issue: { input?: unknown }) => {
  if (typeof words === 'string') return isMissing(issue) ? `Enter the ${lowerFirst(words)}` : `${words} must be ${kind}`;
  return isMissing(issue) ? words.missing : (words.wrong ?? words.missing);
};

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

// Objects also report unknown keys through their error function; the edge
// (web/problems.ts) turns that issue into one error per unknown field.
const objectMessage = (label: string) => (issue: { code?: string; input?: unknown }) =>
  issue.code === 'unrecognized_keys'
    ? 'This field is not part of the answers; check its spelling.'
    : isMissing(issue) ? `${label} is required.` : `${label} must be an object.`;

const tooLong = (name: string, max: number) => `${name} must be ${max.toLocaleString('en-US')} characters or fewer`;

/** The longest raw string a field of `max` cleaned characters accepts. */
export function rawTextLimit(max: number): number {
  return 2 * max + 100;
}

/**
 * The cleaning step of a text field, skipped for text far over the field's
 * limit: such text is refused by the limit that follows, so no cleaning (nor
 * any later check) ever runs on a megabyte meant to stall the server. Twice
 * the limit leaves room for what cleaning removes (CRLF line ends, trailing
 * spaces, control characters). Not `abort`, which would also silence the
 * cross-field rules and so the other fields' messages.
 */
function cleanedUnlessHuge(clean: (value: string) => string, max: number) {
  return (value: string) => (value.length > rawTextLimit(max) ? value : clean(value));
}

function line(words: FieldWords, max: number) {
  return z
    .string({ error: requiredMessage(words) })
    .overwrite(cleanedUnlessHuge(cleanLine, max))
    .min(1, { error: words.missing })
    .max(max, { error: tooLong(words.name, max) });
}

/** An optional one-line field: left empty, it is simply absent (a form sends "" for a blank input). */
function optionalLine(name: string, max: number) {
  return z
    .string({ error: `${name} must be text` })
    .overwrite(cleanedUnlessHuge(cleanLine, max))
    .max(max, { error: tooLong(name, max) })
    .optional()
    .transform((value) => value || undefined);
}

/** An optional field of several lines (bank details, a payment link): left empty, it is absent. */
function optionalMultiline(name: string, max: number) {
  return z
    .string({ error: `${name} must be text` })
    .overwrite(cleanedUnlessHuge(cleanMultiline, max))
    .max(max, { error: tooLong(name, max) })
    .optional()
    .transform((value) => value || undefined);
}

function multiline(words: FieldWords, max: number) {
  return z
    .string({ error: requiredMessage(words) })
    .overwrite(cleanedUnlessHuge(cleanMultiline, max))
    .min(1, { error: words.missing })
    .max(max, { error: tooLong(words.name, max) });
}

// People write phone numbers with spaces, dots, dashes, brackets and an
// extension; what matters for a contract is that it is a number one can dial.
// One character class for the number and a scan for the extension: no two
// quantifiers that can share a character (a run of U+00A0 once took seconds).
const PHONE_NUMBER = /^\+?[\d\s().\-/]+$/;
const EXTENSION_MARKS = ['ext.', 'ext', 'x', '#'];

/** The number without its extension ("ext. 7", "x7", "#7"): up to six digits after a mark. */
export function phoneWithoutExtension(value: string): string {
  let digitsStart = value.length;
  while (digitsStart > 0 && isAsciiDigit(value.charCodeAt(digitsStart - 1))) digitsStart--;
  const digits = value.length - digitsStart;
  if (digits === 0 || digits > 6) return value;
  let markEnd = digitsStart;
  while (markEnd > 0 && /\s/.test(value[markEnd - 1]!)) markEnd--;
  const before = value.slice(0, markEnd).toLowerCase();
  const mark = EXTENSION_MARKS.find((candidate) => before.endsWith(candidate));
  return mark === undefined ? value : value.slice(0, markEnd - mark.length);
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function phone(words: FieldWords) {
  return line(words, LIMITS.phone).refine(
    (value) => {
      if (value.length > LIMITS.phone) return true; // already refused as too long: one message, no more work
      const main = phoneWithoutExtension(value);
      if (!PHONE_NUMBER.test(main)) return false;
      const digits = main.replace(/\D/g, '').length;
      return digits >= 6 && digits <= 15;
    },
    { error: `${words.missing} in the right format, like +1 415 555 0100 or 020 7946 0000` },
  );
}

function email(words: FieldWords) {
  return z
    .string({ error: requiredMessage(words) })
    .overwrite(cleanedUnlessHuge(cleanLine, LIMITS.email))
    .min(1, { error: words.missing })
    .max(LIMITS.email, { error: tooLong(words.name, LIMITS.email) })
    .pipe(z.email({ error: `${words.missing} in the right format, like name@example.com` }));
}

/**
 * A real calendar date as YYYY-MM-DD. `label` names it in a sentence
 * ("Start date"); a missing date reads "Enter the start date" unless told.
 */
export function isoDate(label: string, missing = `Enter the ${lowerFirst(label)}`) {
  return z.iso.date({
    error: (issue) => (isMissing(issue) ? missing : `${label} must be a real date, like 2027-03-01 (year, month, day)`),
  });
}

interface NumberRule {
  readonly min: number;
  readonly max: number;
  readonly int?: boolean;
  readonly minExclusive?: boolean;
  /** How a bound is written: "50%", "14 days". */
  readonly unit?: (value: number) => string;
  /** An example of a good answer, for the "not a number" message: "6,000". */
  readonly example: string;
}

function number(words: FieldWords, { min, max, int = false, minExclusive = false, unit = (value) => value.toLocaleString('en-US'), example }: NumberRule) {
  const notNumber = `${words.name} must be a number, like ${example}`;
  let schema = z.number({ error: (issue) => (isMissing(issue) ? words.missing : notNumber) });
  if (int) schema = schema.int({ error: `${words.name} must be a whole number, like ${example}` });
  // "between 1% and 100%", but "between 1 and 365 days".
  const range = `${words.name} must be between ${unit === days ? min : unit(min)} and ${unit(max)}`;
  schema = minExclusive
    ? schema.gt(min, { error: `${words.name} must be more than ${unit(min)}` })
    : schema.gte(min, { error: range });
  return schema.lte(max, { error: minExclusive ? `${words.name} must be ${unit(max)} or less` : range });
}

const amount = (words: FieldWords, example: string) => number(words, { min: 0, max: LIMITS.amount, minExclusive: true, example });
const percent = (value: number) => `${value}%`;
const days = (value: number) => `${value} ${value === 1 ? 'day' : 'days'}`;

function flag(missing: string) {
  return z.boolean({ error: missing });
}

const partyFields = (who: 'freelancer' | 'client') => {
  const your = who === 'freelancer' ? 'your' : "your client's";
  const Your = who === 'freelancer' ? 'Your' : "Your client's";
  return {
    name: line({ name: `${Your} full name`, missing: `Enter ${your} full name` }, LIMITS.name),
    business: optionalLine(`${Your} business name`, LIMITS.name),
    title: optionalLine(`${Your} title`, LIMITS.title),
    email: email({ name: `${Your} email address`, missing: `Enter ${your} email address` }),
    phone: phone({ name: `${Your} phone number`, missing: `Enter ${your} phone number` }),
    address: multiline({ name: `${Your} postal address`, missing: `Enter ${your} postal address` }, LIMITS.address),
  };
};

export const RELATIONSHIPS = ['new', 'returning'] as const;
export const FEE_MODELS = ['fixed', 'hourly', 'retainer'] as const;
export const COPYRIGHT_CHOICES = ['assign-to-client', 'retain-and-license'] as const;
export const LICENCE_KINDS = ['non-exclusive', 'exclusive'] as const;
export const PAPER_SIZES = ['letter', 'a4'] as const;
/** The languages a contract, its letters and its calendar can be written in. */
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];
export const ENTITIES = ['individual', 'company'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** Three-letter currency codes people know by sight; the wizard offers every currency, these first. */
export const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'JPY', 'CHF', 'SEK', 'NOK', 'DKK', 'INR', 'SGD'] as const;

const feeCommon = {
  currency: z
    .string({ error: (issue) => (isMissing(issue) ? 'Select the currency you charge in' : 'Currency must be a three-letter currency code, like USD, EUR or JPY') })
    .overwrite(cleanedUnlessHuge((value) => value.trim().toUpperCase(), 3))
    .refine(isKnownCurrency, { error: 'Currency must be a three-letter currency code, like USD, EUR or JPY' }),
  paymentDueDays: number(
    { name: 'Days to pay an invoice', missing: 'Enter the number of days the client has to pay an invoice, like 14, or 0 for on receipt' },
    { min: 0, max: 365, int: true, unit: days, example: '14' },
  ),
  lateFeePercentPerMonth: number(
    { name: 'Late fee', missing: 'Enter the late fee as a percentage, like 1.5, or 0 for none' },
    { min: 0, max: 10, unit: percent, example: '1.5' },
  ),
  // How to pay (bank details, a payment link): printed in the fees clause and the letters.
  paymentMethod: optionalMultiline('How the client pays', LIMITS.paymentMethod),
  // Japanese withholding income tax (源泉徴収) on each payment; left out, on for an individual writing in Japanese.
  withholding: flag('Select whether income tax is withheld from your fee').optional(),
  // Prices are always stated before tax; with a rate the fee table shows net, tax and total.
  // `null` says "no tax" where the language would otherwise add one (消費税 for a Japanese
  // contract): a freelancer who is exempt (免税事業者) and does not charge it. Nullable rather
  // than a union, so a half-filled tax is still named field by field.
  tax: z
    .strictObject(
      {
        label: line({ name: 'Tax name', missing: 'Enter the name of the tax, like VAT or sales tax' }, LIMITS.taxLabel),
        percent: number({ name: 'Tax rate', missing: 'Enter the tax rate as a percentage, like 20' }, { min: 0, max: 100, minExclusive: true, unit: percent, example: '20' }),
      },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? 'This field is not part of the answers; check its spelling.' : 'Enter the tax as a name and a rate, like { "label": "VAT", "percent": 20 }, or null for no tax') },
    )
    .nullable()
    .optional(),
};

/** The defaults the settlement model reads: 10 days to accept a delivery, 30 days' notice for a retainer. */
export const DEFAULT_ACCEPTANCE_DAYS = 10;
export const DEFAULT_NOTICE_DAYS = 30;

const FEE_MODEL_MISSING = 'Select how you charge for this project';
const FEE_MODEL_WRONG = 'Select how you charge for this project: "fixed" (a total price), "hourly" (a rate and an estimate) or "retainer" (a monthly fee)';

export const feeSchema = z.discriminatedUnion(
  'model',
  [
    z.strictObject({ model: z.literal('fixed'), ...feeCommon, total: amount({ name: 'Total price', missing: 'Enter the total price, like 6,000' }, '6,000') }),
    z.strictObject({
      model: z.literal('hourly'),
      ...feeCommon,
      rate: amount({ name: 'Hourly rate', missing: 'Enter your hourly rate, like 85' }, '85'),
      estimatedHours: number({ name: 'Estimated hours', missing: 'Enter the estimated hours, like 40' }, { min: 0, max: LIMITS.hours, minExclusive: true, example: '40' }),
    }),
    z.strictObject({
      model: z.literal('retainer'),
      ...feeCommon,
      monthly: amount({ name: 'Monthly retainer', missing: 'Enter the monthly retainer, like 2,500' }, '2,500'),
      hoursPerMonth: number({ name: 'Hours each month', missing: 'Enter the hours included each month, like 20' }, { min: 0, max: 744, minExclusive: true, example: '20' }),
      // The retainer runs month to month until either party gives this notice.
      noticeDays: number(
        { name: 'Days of notice', missing: 'Enter the days of notice to end the retainer, like 30' },
        { min: 1, max: 180, int: true, unit: days, example: '30' },
      ).optional(),
    }),
  ],
  {
    error: (issue) => {
      if (isMissing(issue)) return 'The fee section is required.';
      const model = (issue.input as { model?: unknown } | undefined)?.model;
      return model === undefined || model === null || model === '' ? FEE_MODEL_MISSING : FEE_MODEL_WRONG;
    },
  },
);

// A qualified-invoice registration number (適格請求書発行事業者登録番号) is "T"
// and 13 digits. People copy it with spaces or hyphens, or in full-width
// characters from a Japanese form; those are tidied away before the check.
const REGISTRATION_NUMBER = /^T\d{13}$/;
const registrationNumber = z
  .string({ error: 'Invoice registration number must be text' })
  .overwrite((value) => value.normalize('NFKC').replace(/[\s\-‐－ー]/g, '').toUpperCase())
  .refine((value) => value === '' || REGISTRATION_NUMBER.test(value), {
    error: 'Enter the invoice registration number as T followed by 13 digits, like T1234567890123',
  })
  .optional()
  .transform((value) => value || undefined);

export const partiesSchema = {
  freelancer: z.strictObject(
    {
      ...partyFields('freelancer'),
      // A sole trader or a company: decides how the party is written and whether income tax is withheld.
      entity: z.enum(ENTITIES, { error: 'Select whether you work as an individual or as a company: "individual" or "company"' }).default('individual'),
      // The Japanese Freelance Act protects only freelancers without employees; the contract names it then.
      hasEmployees: flag('Select whether you have employees').default(false),
      invoiceRegistrationNumber: registrationNumber,
    },
    { error: objectMessage('Your details section') },
  ),
  client: z.strictObject(
    {
      ...partyFields('client'),
      relationship: z.enum(RELATIONSHIPS, {
        error: (issue) => (isMissing(issue)
          ? 'Select whether you have worked for this client before'
          : 'Select whether you have worked for this client before: "new" (first project) or "returning" (has paid you before)'),
      }),
      // The article's seventh rule: a returning client who paid late or went
      // silent last time. Optional, used by the wizard to suggest a higher rate.
      troubleBefore: flag('Select whether this client paid late or went silent last time (true or false)').optional(),
    },
    { error: objectMessage('The client section') },
  ),
};

export const projectSchema = z.strictObject(
  {
    name: line({ name: 'Project name', missing: 'Enter the project name' }, LIMITS.projectName),
    description: multiline({ name: 'What the project is', missing: 'Enter what the project is, in a sentence or two' }, LIMITS.description),
    deliverables: z
      .array(multiline({ name: 'A deliverable', missing: 'Enter the deliverable, or leave its box empty to remove it' }, LIMITS.deliverable), {
        error: (issue) => (isMissing(issue) ? 'Enter at least one deliverable' : 'Deliverables must be a list'),
      })
      .min(1, { error: 'Enter at least one deliverable' })
      .max(LIMITS.deliverables, { error: `Enter at most ${LIMITS.deliverables} deliverables: group the smaller ones` }),
    startDate: isoDate('Start date'),
    endDate: isoDate('End date').optional(),
    revisionRounds: number(
      { name: 'Rounds of revisions', missing: 'Enter the rounds of revisions included, like 2' },
      { min: 0, max: 20, int: true, example: '2' },
    ).optional(),
    // Silence for this long after a delivery counts as acceptance (PRODUCT.md, clause 4).
    acceptanceDays: number(
      { name: 'Days to accept a delivery', missing: 'Enter the days the client has to accept a delivery, like 10' },
      { min: 1, max: 60, int: true, unit: days, example: '10' },
    ).optional(),
  },
  { error: objectMessage('The project section') },
);

export const depositSchema = z.strictObject(
  {
    // Left out, it follows the article: 50% for a new client, 30% for a returning one.
    percent: number({ name: 'Deposit', missing: 'Enter the deposit as a percentage, like 50' }, { min: 1, max: 100, unit: percent, example: '50' }).optional(),
    nonRefundable: flag('Select whether the deposit is non-refundable').default(true),
  },
  { error: objectMessage('The deposit section') },
);

export const killFeeSchema = z.strictObject(
  {
    unresponsiveDays: number(
      { name: 'Days of silence', missing: 'Enter the days of silence before work stops, like 14' },
      { min: 1, max: 365, int: true, unit: days, example: '14' },
    ),
    percentOfRemainingFee: number(
      { name: 'Kill fee', missing: 'Enter the kill fee as a percentage of the remaining fee, like 25' },
      { min: 0, max: 100, unit: percent, example: '25' },
    ).default(0),
  },
  { error: objectMessage('The kill-fee section') },
);

export const jurisdictionSchema = z.strictObject(
  {
    governingLaw: line({ name: 'Governing law', missing: 'Enter the governing law, like State of Oregon or England and Wales' }, LIMITS.jurisdiction),
    venue: line({ name: 'Court (venue)', missing: 'Enter the court (venue), like Multnomah County, Oregon' }, LIMITS.jurisdiction),
    smallClaims: flag('Select whether to mention small-claims court').default(true),
    // A Japanese contract's venue is built from a place (東京 -> 東京地方裁判所 and 東京簡易裁判所).
    place: optionalLine('Place of the court', LIMITS.jurisdiction).refine((value) => value === undefined || courtSeat(value) !== undefined, {
      error: 'Place of the court must be a city with a district court or a prefecture, like 東京, 大阪 or 神奈川県',
    }),
  },
  { error: objectMessage('The jurisdiction section') },
);

export const ownershipSchema = z.strictObject(
  {
    transferOn: z.literal('full-payment', { error: 'Ownership transfers on "full-payment": that is the protection' }).default('full-payment'),
    copyright: z.enum(COPYRIGHT_CHOICES, {
      error: (issue) => (isMissing(issue)
        ? 'Select who holds the copyright once you are paid in full'
        : 'Select who holds the copyright once you are paid in full: "assign-to-client" (the client, you keep a portfolio licence) or "retain-and-license" (you, the client gets a licence)'),
    }),
    portfolioUse: flag('Select whether you may show the work in your portfolio').default(true),
    // Only read when the freelancer keeps the copyright: the licence the client receives.
    licence: z
      .enum(LICENCE_KINDS, {
        error: 'Select the licence the client gets: "non-exclusive" (you may license the work to others too) or "exclusive" (only the client may use it)',
      })
      .default('non-exclusive'),
  },
  { error: objectMessage('The ownership section') },
);

const answersObject = z.strictObject(
  {
    // The contract's language; the letters and the calendar follow it.
    language: z.enum(LANGUAGES, { error: 'Select the language of the contract: "en" (English) or "ja" (Japanese)' }).default('en'),
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
      .enum(PAPER_SIZES, { error: 'Select a paper size: "letter" (US Letter) or "a4" (A4)' })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? 'This field is not part of the answers; check its spelling.' : 'The answers must be a JSON object.',
  },
);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const AMOUNT_NAMES: Record<string, string> = { total: 'total price', rate: 'hourly rate', monthly: 'monthly retainer' };

/**
 * Rules that span fields; each issue points at the field the user must
 * change. Zod runs them even when a field failed its own check, so every
 * problem on a page is reported in one pass; each rule first makes sure the
 * values it reads are usable.
 */
function crossFieldRules(answers: z.output<typeof answersObject>, ctx: z.RefinementCtx) {
  const { project, fee, effectiveDate } = answers;
  const start = ISO_DATE.test(String(project?.startDate)) ? project.startDate : undefined;
  if (start && ISO_DATE.test(String(project?.endDate)) && project.endDate! < start) {
    ctx.addIssue({ code: 'custom', path: ['project', 'endDate'], message: 'Enter an end date on or after the start date' });
  }
  if (start && ISO_DATE.test(String(effectiveDate)) && effectiveDate > start) {
    ctx.addIssue({ code: 'custom', path: ['effectiveDate'], message: 'Enter a date the contract takes effect on or before the start date' });
  }
  if (answers.language === 'ja' && answers.jurisdiction && answers.jurisdiction.place === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['jurisdiction', 'place'],
      message: 'Enter the place of the court for a Japanese contract, like 東京',
    });
  }
  // Without a known model the union checks nothing else; the fields every
  // model shares are still checked, so the currency is named in the same pass.
  if (typeof fee === 'object' && fee !== null && !(FEE_MODELS as readonly unknown[]).includes((fee as { model?: unknown }).model)) {
    for (const [key, schema] of Object.entries(feeCommon)) {
      const result = schema.safeParse((fee as Record<string, unknown>)[key]);
      if (!result.success) ctx.addIssue({ code: 'custom', path: ['fee', key], message: result.error.issues[0]!.message });
    }
  }
  if (typeof fee?.currency !== 'string' || !isKnownCurrency(fee.currency)) return;
  if (fee.withholding === true && fee.currency !== 'JPY') {
    ctx.addIssue({
      code: 'custom',
      path: ['fee', 'withholding'],
      message: 'Withholding tax is worked out in yen: charge in JPY, or turn withholding off',
    });
  }
  const digits = currencyDigits(fee.currency);
  const amountFields = fee.model === 'fixed' ? ['total'] : fee.model === 'hourly' ? ['rate'] : ['monthly'];
  for (const field of amountFields) {
    const value = (fee as Record<string, unknown>)[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    if (Math.round(value * 10 ** digits) / 10 ** digits !== value) {
      const name = AMOUNT_NAMES[field]!;
      ctx.addIssue({
        code: 'custom',
        path: ['fee', field],
        message: digits === 0
          ? `Enter the ${name} as a whole number: ${currencyName(fee.currency)} amounts have no decimals`
          : `Enter the ${name} with at most ${digits} decimals, like ${(6000.5).toFixed(digits)}`,
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
/**
 * The fee with its defaults: a retainer always has a notice period, and withholding is decided.
 * `tax` is a rate, `null` (turned off: kept, so the answers say so when they are read back) or absent.
 */
export type FeeWithDefaults = (Exclude<ParsedFee, RetainerFee> | (RetainerFee & { noticeDays: number })) & { withholding: boolean };

/** Consumption tax, stated separately on a Japanese contract when the answers name no tax. */
export const JAPANESE_CONSUMPTION_TAX = { label: '消費税', percent: 10 } as const;

function withFeeDefaults(answers: z.output<typeof answersObject>): FeeWithDefaults {
  const { fee, language, freelancer } = answers;
  const withLanguage = {
    ...fee,
    // Left out, the language's tax (消費税 in Japanese, none in English); `null` stays: none at all.
    tax: fee.tax !== undefined ? fee.tax : language === 'ja' ? { ...JAPANESE_CONSUMPTION_TAX } : undefined,
    // Income tax is withheld from an individual's fee for design, writing and the other listed kinds of work.
    // Computed in yen (the ¥1,000,000 threshold), so only a yen fee defaults to it.
    withholding: fee.withholding ?? (language === 'ja' && freelancer.entity === 'individual' && fee.currency === 'JPY'),
  };
  if (withLanguage.tax === undefined) delete withLanguage.tax;
  return withLanguage.model === 'retainer' ? { ...withLanguage, noticeDays: withLanguage.noticeDays ?? DEFAULT_NOTICE_DAYS } : withLanguage;
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
    fee: withFeeDefaults(answers),
    deposit: {
      nonRefundable: answers.deposit?.nonRefundable ?? true,
      percent: answers.deposit?.percent ?? defaultDepositPercent(answers.client.relationship),
    },
    paperSize: answers.paperSize ?? defaultPaperSize(answers.fee.currency),
  };
}

// `when`: run the cross-field rules even when other fields failed, so that
// one pass reports every problem (an end date before the start date is shown
// with the missing name, not after it is fixed). The value is then the raw
// input, which the rules check before reading; only a non-object is skipped.
export const answersSchema = answersObject
  .superRefine(crossFieldRules, { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) })
  .transform(applyDefaults);

/** What a user or API client sends. */
export type AnswersInput = z.input<typeof answersSchema>;
/** Validated answers with every default filled in. */
export type Answers = z.output<typeof answersSchema>;
export type Fee = Answers['fee'];
/** What both parties have: a name, contact details, a business name and title. */
export type Party = Omit<Answers['freelancer'], 'entity' | 'hasEmployees' | 'invoiceRegistrationNumber'>;
