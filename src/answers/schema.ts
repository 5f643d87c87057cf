// The answers a freelancer gives, defined once. The API route, the wizard's
// per-step validation, GET /api/schema, the OpenAPI document and the
// TypeScript types all come from this file. Messages are written for the
// person who must fix the field, not for a programmer.
import { z } from 'zod';
import { asciiForm, cleanLine, cleanMultiline } from './text.ts';
import { currencyDigits, formatAmountSuggestion, isKnownCurrency } from './money.ts';
import { courtSeat } from './japan-courts.ts';
import { registrationCheckDigitHolds } from './registration-number.ts';
import { formatsFor } from '../language/format.ts';
import { activeLanguage, say, sayLater, type MessageParams } from '../language/messages.ts';
import { unknownField } from '../language/unknown-keys.ts';

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
  /** "T" and 13 digits (適格請求書発行事業者登録番号), once the spaces and hyphens people copy are gone. */
  registrationNumber: 14,
  /** A VAT number with its country prefix: "GB" and 12 digits, or "NL" 9 digits "B" 2 digits, at most. */
  vatNumber: 14,
  /** An invoice's number, on the invoices and the payment letters. */
  invoiceNumber: 60,
  /** An expense's description on an invoice. */
  expense: 200,
} as const;

/**
 * The cap of every text answer, by its path, in cleaned characters: what the
 * schema holds each field to, and what the wizard refuses a form by before
 * the draft keeps it (`rawTextLimit` of it, before any cleaning). One table,
 * so the API, the wizard and uploads cap a field alike.
 */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  'freelancer.name': LIMITS.name,
  'freelancer.business': LIMITS.name,
  'freelancer.title': LIMITS.title,
  'freelancer.email': LIMITS.email,
  'freelancer.phone': LIMITS.phone,
  'freelancer.address': LIMITS.address,
  'freelancer.invoiceRegistrationNumber': LIMITS.registrationNumber,
  'freelancer.vatNumber': LIMITS.vatNumber,
  'client.name': LIMITS.name,
  'client.business': LIMITS.name,
  'client.title': LIMITS.title,
  'client.email': LIMITS.email,
  'client.phone': LIMITS.phone,
  'client.address': LIMITS.address,
  'project.name': LIMITS.projectName,
  'project.description': LIMITS.description,
  'project.deliverables': LIMITS.deliverable,
  'fee.paymentMethod': LIMITS.paymentMethod,
  'fee.tax.label': LIMITS.taxLabel,
  'jurisdiction.governingLaw': LIMITS.jurisdiction,
  'jurisdiction.venue': LIMITS.jurisdiction,
  'jurisdiction.place': LIMITS.jurisdiction,
};

// Messages follow the GOV.UK pattern: one sentence per field and per
// failure, saying what to do ("Enter the total price, like 6,000") rather than
// what went wrong in a programmer's terms. The API's problem details carry the
// same sentences, with the field's path beside them. The sentences live in the
// message catalogues (messages/<language>.json, keys `answers.*`) and are
// written when a problem is found, in the language of the check
// (`inLanguage`): the schema is built once for every language.

/** A sentence the catalogue writes when it is needed, in the language of the check (`sayLater`). */
export type Words = () => string;
const text = (words: Words) => words();
/** The catalogue's sentence `answers.<key>`, written in the language of the check that needs it. */
const said = (key: string, params?: MessageParams) => sayLater(`answers.${key}`, params);

/** What a field is called in a sentence, and what to say when it is missing. */
export interface FieldWords {
  /** Starts a sentence: "Total price", "Your phone number". */
  readonly name: Words;
  /** The whole sentence for a missing answer: "Enter the total price, like 6,000". */
  readonly missing: Words;
  /** The sentence for a value of the wrong kind; defaults to `missing`. */
  readonly wrong?: Words;
}

/** An answer's words in the catalogue: `answers.<path>` names it, `answers.<path>.missing` asks for it. */
const fieldWords = (path: string): FieldWords => ({ name: said(path), missing: said(`${path}.missing`) });

const isMissing = (issue: { input?: unknown }) => issue.input === undefined || issue.input === null;

/** Missing, or the wrong kind of value (a number where text belongs). */
export const requiredMessage = (words: Pick<FieldWords, 'missing' | 'wrong'>) => (issue: { input?: unknown }) =>
  isMissing(issue) ? text(words.missing) : text(words.wrong ?? words.missing);

// Objects also report unknown keys through their error function; the edge
// (web/problems.ts) turns that issue into one error per unknown field.
const objectMessage = (section: string) => (issue: { code?: string; input?: unknown }) =>
  issue.code === 'unrecognized_keys'
    ? unknownField('answers')
    : say(isMissing(issue) ? 'answers.section.required' : 'answers.section.notObject', { name: say(`answers.section.${section}`) });

const tooLong = (name: Words, max: number) => () => say('answers.tooLong', { name: text(name), max: max.toLocaleString('en-US') });

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
export function cleanedUnlessHuge(clean: (value: string) => string, max: number) {
  return (value: string) => (value.length > rawTextLimit(max) ? value : clean(value));
}

function line(words: FieldWords, max: number) {
  return z
    .string({ error: requiredMessage(words) })
    .overwrite(cleanedUnlessHuge(cleanLine, max))
    .min(1, { error: () => text(words.missing) })
    .max(max, { error: tooLong(words.name, max) });
}

const mustBeText = (name: Words) => () => say('answers.mustBeText', { name: text(name) });

/** An optional one-line field: left empty, it is simply absent (a form sends "" for a blank input). */
function optionalLine(name: Words, max: number) {
  return z
    .string({ error: mustBeText(name) })
    .overwrite(cleanedUnlessHuge(cleanLine, max))
    .max(max, { error: tooLong(name, max) })
    .optional()
    .transform((value) => value || undefined);
}

/** An optional field of several lines (bank details, a payment link): left empty, it is absent. */
function optionalMultiline(name: Words, max: number) {
  return z
    .string({ error: mustBeText(name) })
    .overwrite(cleanedUnlessHuge(cleanMultiline, max))
    .max(max, { error: tooLong(name, max) })
    .optional()
    .transform((value) => value || undefined);
}

function multiline(words: FieldWords, max: number) {
  return z
    .string({ error: requiredMessage(words) })
    .overwrite(cleanedUnlessHuge(cleanMultiline, max))
    .min(1, { error: () => text(words.missing) })
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

/** A phone number; `format` asks for it again in the right form. */
function phone(words: FieldWords, format: () => string) {
  // Full-width digits and dashes from a Japanese keyboard (０３－１２３４－５６７８) are the same number.
  return line(words, LIMITS.phone).overwrite(cleanedUnlessHuge(asciiForm, LIMITS.phone)).refine(
    (value) => {
      if (value.length > LIMITS.phone) return true; // already refused as too long: one message, no more work
      const main = phoneWithoutExtension(value);
      if (!PHONE_NUMBER.test(main)) return false;
      const digits = main.replace(/\D/g, '').length;
      return digits >= 6 && digits <= 15;
    },
    { error: format },
  );
}

/** An email address; `format` asks for it again in the right form. */
function email(words: FieldWords, format: () => string) {
  return z
    .string({ error: requiredMessage(words) })
    .overwrite(cleanedUnlessHuge(cleanLine, LIMITS.email))
    .min(1, { error: () => text(words.missing) })
    .max(LIMITS.email, { error: tooLong(words.name, LIMITS.email) })
    .pipe(z.email({ error: format }));
}

/**
 * A real calendar date as YYYY-MM-DD. `label` names it in a sentence
 * ("Start date"); `missing` asks for it ("Enter the start date").
 */
export function isoDate(label: Words, missing: Words) {
  return z
    .iso.date({
      error: (issue) => (isMissing(issue) ? text(missing) : say('answers.date.invalid', { name: text(label) })),
    })
    .refine(yearInRange, { error: () => say('answers.date.outOfRange', { name: text(label), ...DATE_YEARS }) });
}

/**
 * The years a date may fall in. A contract, its invoices and letters are
 * written for the years around now; the bound also keeps every date derived
 * from one (a due date, a follow-up a year later) within the four-digit years
 * the calendars and the date formats write (the year 9999 once gave an .ics
 * `DTSTART` of "1000001undefined", the year 0 "January 1, 1").
 */
export const DATE_YEARS = { min: 1900, max: 2200 } as const;

/** Whether the year of a YYYY-MM-DD or YYYY-MM text is within DATE_YEARS; a text of another shape is left to its own check. */
export function yearInRange(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return !/^\d{4}-/.test(value) || (year >= DATE_YEARS.min && year <= DATE_YEARS.max);
}

/** A date of the answers, named in the catalogue (`answers.<path>`, `answers.<path>.missing`). */
const answerDate = (path: string) => isoDate(said(path), said(`${path}.missing`));

interface NumberRule {
  readonly min: number;
  readonly max: number;
  readonly int?: boolean;
  readonly minExclusive?: boolean;
  /** How a bound is written: "50%", "14 days". */
  readonly unit?: (value: number) => string;
  /** An example of a good answer, for the "not a number" message: "6,000"; an amount's from the catalogue, in yen in Japanese. */
  readonly example: string | Words;
}

function number(words: FieldWords, { min, max, int = false, minExclusive = false, unit = (value) => value.toLocaleString('en-US'), example: exampleWords }: NumberRule) {
  const name = () => text(words.name);
  const example = () => (typeof exampleWords === 'string' ? exampleWords : exampleWords());
  let schema = z.number({ error: (issue) => (isMissing(issue) ? text(words.missing) : say('answers.number.notNumber', { name: name(), example: example() })) });
  if (int) schema = schema.int({ error: () => say('answers.number.whole', { name: name(), example: example() }) });
  // "between 1% and 100%", but "between 1 and 365 days".
  const range = () => say('answers.number.between', { name: name(), min: unit === days ? String(min) : unit(min), max: unit(max) });
  schema = minExclusive
    ? schema.gt(min, { error: () => say('answers.number.moreThan', { name: name(), min: unit(min) }) })
    : schema.gte(min, { error: range });
  return schema.lte(max, { error: minExclusive ? () => say('answers.number.atMost', { name: name(), max: unit(max) }) : range });
}

const amount = (path: string) => number(fieldWords(path), { min: 0, max: LIMITS.amount, minExclusive: true, example: said(`${path}.example`) });
const percent = (value: number) => `${value}%`;
const days = (value: number) => say('answers.unit.days', { count: value });

/** A yes-or-no answer; `answers.<path>.missing` asks for it. */
function flag(path: string) {
  return z.boolean({ error: said(`${path}.missing`) });
}

const partyFields = (who: 'freelancer' | 'client') => ({
  name: line(fieldWords(`${who}.name`), LIMITS.name),
  business: optionalLine(said(`${who}.business`), LIMITS.name),
  title: optionalLine(said(`${who}.title`), LIMITS.title),
  email: email(fieldWords(`${who}.email`), said(`${who}.email.format`)),
  phone: phone(fieldWords(`${who}.phone`), said(`${who}.phone.format`)),
  address: multiline(fieldWords(`${who}.address`), LIMITS.address),
});

export const RELATIONSHIPS = ['new', 'returning'] as const;
/** A business client, or a private person buying for themselves (a consumer: the consumer law of the place applies). */
export const CLIENT_KINDS = ['business', 'consumer'] as const;
export const FEE_MODELS = ['fixed', 'hourly', 'retainer'] as const;
export const COPYRIGHT_CHOICES = ['assign-to-client', 'retain-and-license'] as const;
export const LICENCE_KINDS = ['non-exclusive', 'exclusive'] as const;
export const PAPER_SIZES = ['letter', 'a4'] as const;
/** The languages a contract, its letters and its calendar can be written in. */
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];
export const ENTITIES = ['individual', 'company'] as const;
/**
 * The kind of work, which decides Japanese withholding (源泉徴収): 所得税法第204条第1項第1号 lists
 * design, manuscripts (writing), illustration, photography and translation (所得税基本通達204-6, 204-7);
 * software development and maintenance and consulting are not listed.
 */
export const WORK_CATEGORIES = ['design', 'writing', 'illustration', 'photography', 'translation', 'software', 'consulting', 'other'] as const;
export type WorkCategory = (typeof WORK_CATEGORIES)[number];
/** The categories 所得税法第204条第1項第1号 names: an individual's fee for them is withheld. */
export const WITHHELD_WORK_CATEGORIES: ReadonlySet<WorkCategory> = new Set(['design', 'writing', 'illustration', 'photography', 'translation']);
export type PaperSize = (typeof PAPER_SIZES)[number];

/** Three-letter currency codes people know by sight; the wizard offers every currency, these first. */
export const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'JPY', 'CHF', 'SEK', 'NOK', 'DKK', 'INR', 'SGD'] as const;

const feeCommon = {
  currency: z
    .string({ error: (issue) => say(isMissing(issue) ? 'answers.fee.currency.missing' : 'answers.fee.currency.wrong') })
    .overwrite(cleanedUnlessHuge((value) => asciiForm(value).trim().toUpperCase(), 3))
    // `abort`: a longer text is no currency, and one sentence says so.
    .max(3, { error: said('fee.currency.wrong'), abort: true })
    .refine(isKnownCurrency, { error: said('fee.currency.wrong') }),
  paymentDueDays: number(fieldWords('fee.paymentDueDays'), { min: 0, max: 365, int: true, unit: days, example: '14' }),
  lateFeePercentPerMonth: number(fieldWords('fee.lateFeePercentPerMonth'), { min: 0, max: 10, unit: percent, example: '1.5' }),
  // How to pay (bank details, a payment link): printed in the fees clause and the letters.
  paymentMethod: optionalMultiline(said('fee.paymentMethod'), LIMITS.paymentMethod),
  // Japanese withholding income tax (源泉徴収) on each payment; left out, on for an individual writing in Japanese.
  withholding: flag('fee.withholding').optional(),
  // Prices are always stated before tax; with a rate the fee table shows net, tax and total.
  // `null` says "no tax" where the language would otherwise add one (消費税 for a Japanese
  // contract): a freelancer who is exempt (免税事業者) and does not charge it. Nullable rather
  // than a union, so a half-filled tax is still named field by field.
  tax: z
    .strictObject(
      {
        label: line(fieldWords('fee.tax.label'), LIMITS.taxLabel),
        percent: number(fieldWords('fee.tax.percent'), { min: 0, max: 100, minExclusive: true, unit: percent, example: '20' }),
      },
      { error: (issue) => (issue.code === 'unrecognized_keys' ? unknownField('answers') : say('answers.fee.tax.wrong')) },
    )
    .nullable()
    .optional(),
};

/** The defaults the settlement model reads: 10 days to accept a delivery, 30 days' notice for a retainer. */
export const DEFAULT_ACCEPTANCE_DAYS = 10;
export const DEFAULT_NOTICE_DAYS = 30;


export const feeSchema = z.discriminatedUnion(
  'model',
  [
    z.strictObject({ model: z.literal('fixed'), ...feeCommon, total: amount('fee.total') }),
    z.strictObject({
      model: z.literal('hourly'),
      ...feeCommon,
      rate: amount('fee.rate'),
      estimatedHours: number(fieldWords('fee.estimatedHours'), { min: 0, max: LIMITS.hours, minExclusive: true, example: '40' }),
    }),
    z.strictObject({
      model: z.literal('retainer'),
      ...feeCommon,
      monthly: amount('fee.monthly'),
      hoursPerMonth: number(fieldWords('fee.hoursPerMonth'), { min: 0, max: 744, minExclusive: true, example: '20' }),
      // The retainer runs month to month until either party gives this notice.
      noticeDays: number(fieldWords('fee.noticeDays'), { min: 1, max: 180, int: true, unit: days, example: '30' }).optional(),
    }),
  ],
  {
    error: (issue) => {
      if (isMissing(issue)) return say('answers.section.required', { name: say('answers.section.fee') });
      const model = (issue.input as { model?: unknown } | undefined)?.model;
      return say(model === undefined || model === null || model === '' ? 'answers.fee.model.missing' : 'answers.fee.model.wrong');
    },
  },
);

// A qualified-invoice registration number (適格請求書発行事業者登録番号) is "T"
// and 13 digits. People copy it with spaces or hyphens, or in full-width
// characters from a Japanese form; those are tidied away before the check.
// Its first digit is a check digit (registration-number.ts): a number copied
// with a digit wrong is refused here, not printed on every invoice.
// NFKC expands some characters many times over (U+FDFA becomes 18), so it
// runs only on text within the field's raw cap, like every other cleaning.
const REGISTRATION_NUMBER = /^T\d{13}$/;
const registrationNumber = z
  .string({ error: mustBeText(said('freelancer.invoiceRegistrationNumber')) })
  .overwrite(cleanedUnlessHuge((value) => value.normalize('NFKC').replace(/[\s\-‐－ー]/g, '').toUpperCase(), LIMITS.registrationNumber))
  // `abort`: longer is no registration number, and the one sentence says what one looks like.
  .max(LIMITS.registrationNumber, { error: said('freelancer.invoiceRegistrationNumber.wrong'), abort: true })
  .refine((value) => value === '' || REGISTRATION_NUMBER.test(value), {
    error: said('freelancer.invoiceRegistrationNumber.wrong'),
    abort: true,
  })
  .refine((value) => value === '' || registrationCheckDigitHolds(value.slice(1)), {
    error: said('freelancer.invoiceRegistrationNumber.checkDigit'),
  })
  .optional()
  .transform((value) => value || undefined);

// A VAT number, checked against the format of the country its prefix names: the UK's (GB and 9
// digits, or 12 for a branch: HMRC's VAT Notice 700/1) and those of the EU countries the place data
// holds (the European Commission's VIES formats). People copy it with spaces, dots or hyphens;
// those are tidied away first. A number in the wrong shape is refused here, not printed on invoices.
export const VAT_FORMATS: Readonly<Record<string, { pattern: RegExp; example: string }>> = {
  GB: { pattern: /^GB(\d{9}|\d{12})$/, example: 'GB123456789' },
  DE: { pattern: /^DE\d{9}$/, example: 'DE123456789' },
  FR: { pattern: /^FR[0-9A-HJ-NP-Z]{2}\d{9}$/, example: 'FR12345678901' },
  NL: { pattern: /^NL\d{9}B\d{2}$/, example: 'NL123456789B01' },
  ES: { pattern: /^ES[0-9A-Z]\d{7}[0-9A-Z]$/, example: 'ESX1234567X' },
  IT: { pattern: /^IT\d{11}$/, example: 'IT12345678901' },
  IE: { pattern: /^IE(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/, example: 'IE1234567T' },
};
const vatNumber = z
  .string({ error: mustBeText(said('freelancer.vatNumber')) })
  .overwrite(cleanedUnlessHuge((value) => value.normalize('NFKC').replace(/[\s.-]/g, '').toUpperCase(), LIMITS.vatNumber))
  .max(LIMITS.vatNumber, { error: said('freelancer.vatNumber.wrong'), abort: true })
  .superRefine((value, ctx) => {
    if (value === '') return;
    const format = VAT_FORMATS[value.slice(0, 2)];
    if (!format) ctx.addIssue({ code: 'custom', message: say('answers.freelancer.vatNumber.country', { countries: Object.keys(VAT_FORMATS).join(', ') }) });
    else if (!format.pattern.test(value)) ctx.addIssue({ code: 'custom', message: say('answers.freelancer.vatNumber.format', { example: format.example }) });
  })
  .optional()
  .transform((value) => value || undefined);

export const partiesSchema = {
  freelancer: z.strictObject(
    {
      ...partyFields('freelancer'),
      // A sole trader or a company: decides how the party is written and whether income tax is withheld.
      entity: z.enum(ENTITIES, { error: said('freelancer.entity.wrong') }).default('individual'),
      // The Japanese Freelance Act protects only freelancers without employees; the contract names it then.
      hasEmployees: flag('freelancer.hasEmployees').default(false),
      invoiceRegistrationNumber: registrationNumber,
      vatNumber,
    },
    { error: objectMessage('freelancer') },
  ),
  client: z.strictObject(
    {
      ...partyFields('client'),
      relationship: z.enum(RELATIONSHIPS, {
        error: (issue) => say(isMissing(issue) ? 'answers.client.relationship.missing' : 'answers.client.relationship.wrong'),
      }),
      // A consumer brings the consumer law of the place (消費者契約法9条1号, CRA 2015 Sch 2,
      // Cal. Civ. Code 1671(d)): deposit and kill fee limited to the real loss; no Freelance Act.
      kind: z.enum(CLIENT_KINDS, { error: said('client.kind.wrong') }).default('business'),
      // The article's seventh rule: a returning client who paid late or went
      // silent last time. Optional, used by the wizard to suggest a higher rate.
      troubleBefore: flag('client.troubleBefore').optional(),
    },
    { error: objectMessage('client') },
  ),
};

export const projectSchema = z.strictObject(
  {
    name: line(fieldWords('project.name'), LIMITS.projectName),
    description: multiline(fieldWords('project.description'), LIMITS.description),
    deliverables: z
      .array(multiline(fieldWords('project.deliverable'), LIMITS.deliverable), {
        error: (issue) => say(isMissing(issue) ? 'answers.project.deliverables.missing' : 'answers.project.deliverables.wrong'),
      })
      .min(1, { error: said('project.deliverables.missing') })
      .max(LIMITS.deliverables, { error: said('project.deliverables.tooMany', { max: LIMITS.deliverables }) }),
    startDate: answerDate('project.startDate'),
    endDate: answerDate('project.endDate').optional(),
    revisionRounds: number(fieldWords('project.revisionRounds'), { min: 0, max: 20, int: true, example: '2' }).optional(),
    // Silence for this long after a delivery counts as acceptance (PRODUCT.md, clause 4).
    acceptanceDays: number(fieldWords('project.acceptanceDays'), { min: 1, max: 60, int: true, unit: days, example: '10' }).optional(),
    // Optional so that answers written before the question stay valid; it decides 源泉徴収 (WORK_CATEGORIES).
    workCategory: z.enum(WORK_CATEGORIES, { error: said('project.workCategory.wrong') }).optional(),
  },
  { error: objectMessage('project') },
);

export const depositSchema = z.strictObject(
  {
    // Left out, it follows the article: 50% for a new client, 30% for a returning one.
    percent: number(fieldWords('deposit.percent'), { min: 1, max: 100, unit: percent, example: '50' }).optional(),
    nonRefundable: flag('deposit.nonRefundable').default(true),
  },
  { error: objectMessage('deposit') },
);

export const killFeeSchema = z.strictObject(
  {
    unresponsiveDays: number(fieldWords('killFee.unresponsiveDays'), { min: 1, max: 365, int: true, unit: days, example: '14' }),
    percentOfRemainingFee: number(fieldWords('killFee.percentOfRemainingFee'), { min: 0, max: 100, unit: percent, example: '25' }).default(0),
  },
  { error: objectMessage('killFee') },
);

export const jurisdictionSchema = z.strictObject(
  {
    governingLaw: line(fieldWords('jurisdiction.governingLaw'), LIMITS.jurisdiction),
    venue: line(fieldWords('jurisdiction.venue'), LIMITS.jurisdiction),
    smallClaims: flag('jurisdiction.smallClaims').default(true),
    // A Japanese contract's venue is built from a place (東京 -> 東京地方裁判所 and 東京簡易裁判所).
    place: optionalLine(said('jurisdiction.place'), LIMITS.jurisdiction).refine((value) => value === undefined || courtSeat(value) !== undefined, {
      error: said('jurisdiction.place.wrong'),
    }),
  },
  { error: objectMessage('jurisdiction') },
);

export const ownershipSchema = z.strictObject(
  {
    transferOn: z.literal('full-payment', { error: said('ownership.transferOn.wrong') }).default('full-payment'),
    copyright: z.enum(COPYRIGHT_CHOICES, {
      error: (issue) => say(isMissing(issue) ? 'answers.ownership.copyright.missing' : 'answers.ownership.copyright.wrong'),
    }),
    portfolioUse: flag('ownership.portfolioUse').default(true),
    // Only read when the freelancer keeps the copyright: the licence the client receives.
    licence: z
      .enum(LICENCE_KINDS, {
        error: said('ownership.licence.wrong'),
      })
      .default('non-exclusive'),
  },
  { error: objectMessage('ownership') },
);

const answersObject = z.strictObject(
  {
    // The contract's language; the letters and the calendar follow it.
    language: z.enum(LANGUAGES, { error: said('language.wrong') }).default('en'),
    effectiveDate: answerDate('effectiveDate'),
    ...partiesSchema,
    project: projectSchema,
    fee: feeSchema,
    deposit: depositSchema.optional(),
    killFee: killFeeSchema,
    jurisdiction: jurisdictionSchema,
    ownership: ownershipSchema,
    // Left out, it follows the currency (defaultPaperSize).
    paperSize: z
      .enum(PAPER_SIZES, { error: said('paperSize.wrong') })
      .optional(),
  },
  {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownField('answers') : say('answers.notObject')),
  },
);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;


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
    ctx.addIssue({ code: 'custom', path: ['project', 'endDate'], message: say('answers.project.endDate.beforeStart') });
  }
  if (start && ISO_DATE.test(String(effectiveDate)) && effectiveDate > start) {
    ctx.addIssue({ code: 'custom', path: ['effectiveDate'], message: say('answers.effectiveDate.afterStart') });
  }
  if (answers.language === 'ja' && answers.jurisdiction && answers.jurisdiction.place === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['jurisdiction', 'place'],
      message: say('answers.jurisdiction.place.missing'),
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
  if (answers.language === 'ja') japaneseFeeRules(fee, ctx);
  if (typeof fee?.currency !== 'string' || !isKnownCurrency(fee.currency)) return;
  if (fee.model === 'hourly' && typeof fee.rate === 'number' && typeof fee.estimatedHours === 'number' && fee.rate * fee.estimatedHours > MAX_BILLED) {
    ctx.addIssue({ code: 'custom', path: ['fee', 'estimatedHours'], message: say('answers.fee.estimatedHours.tooMuch', { max: MAX_BILLED.toLocaleString('en-US') }) });
  }
  if (fee.withholding === true && fee.currency !== 'JPY') {
    ctx.addIssue({
      code: 'custom',
      path: ['fee', 'withholding'],
      message: say('answers.fee.withholding.notYen'),
    });
  }
  const digits = currencyDigits(fee.currency);
  const amountFields = fee.model === 'fixed' ? ['total'] : fee.model === 'hourly' ? ['rate'] : ['monthly'];
  for (const field of amountFields) {
    const value = (fee as Record<string, unknown>)[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    if (Math.round(value * 10 ** digits) / 10 ** digits !== value) {
      ctx.addIssue({
        code: 'custom',
        path: ['fee', field],
        // "Did you mean 6,001?": the amount rounded to the currency, in yen as a Japanese reader writes it.
        message: digits === 0
          ? say(`answers.fee.${field}.wholeNumber`, { currency: formatsFor(activeLanguage()).currencyName(fee.currency), suggestion: amountSuggestion(value, fee.currency) })
          : say(`answers.fee.${field}.decimals`, { digits, example: (6000.5).toFixed(digits), suggestion: amountSuggestion(value, fee.currency) }),
      });
    }
  }
}

/**
 * The largest amount an hourly fee or bill may come to (hours × rate). Every
 * figure is counted in whole minor units (cents), exactly only up to 2^53;
 * past it the lines of a bill no longer add up to its net. A trillion, with
 * tax up to 100% on top and three decimals, stays far below.
 */
export const MAX_BILLED = 1_000_000_000_000;

/** Longest time a Japanese contract may give to pay: 60 days from delivery (Freelance Act art. 4(1)). */
export const JA_MAX_PAYMENT_DAYS = 60;
/** Shortest notice a Japanese retainer may give: 30 days (Freelance Act art. 16(1), engagements of six months or more). */
export const JA_MIN_NOTICE_DAYS = 30;

/**
 * The Japanese contract's own limits (JAPANESE.md, The Freelance Act): its fees clause fixes the
 * payment date within 60 days of delivery (art. 4), and a retainer, which runs month to month and
 * so may last six months, is ended on 30 days' notice (art. 16). Good practice even where the Act
 * does not bind the client, so every Japanese contract keeps them.
 */
function japaneseFeeRules(fee: unknown, ctx: z.RefinementCtx) {
  if (typeof fee !== 'object' || fee === null) return;
  const { paymentDueDays, noticeDays, model } = fee as { paymentDueDays?: unknown; noticeDays?: unknown; model?: unknown };
  if (typeof paymentDueDays === 'number' && paymentDueDays > JA_MAX_PAYMENT_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['fee', 'paymentDueDays'], message: say('answers.fee.paymentDueDays.overSixtyJa', { max: JA_MAX_PAYMENT_DAYS }) });
  }
  if (model === 'retainer' && typeof noticeDays === 'number' && noticeDays < JA_MIN_NOTICE_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['fee', 'noticeDays'], message: say('answers.fee.noticeDays.underThirtyJa', { min: JA_MIN_NOTICE_DAYS }) });
  }
}

/**
 * Whether income tax is withheld when the answers do not say: a Japanese contract in yen with an
 * individual, for work of a kind 所得税法第204条第1項第1号 lists, paid by a business (a private
 * person paying a freelancer is not a withholding agent: 所得税法第184条, 第204条第2項第2号).
 * Work of no stated kind keeps the earlier default (on), so answers saved before the question
 * read as they did.
 */
function withholdingByDefault(answers: z.output<typeof answersObject>): boolean {
  const { fee, language, freelancer, project, client } = answers;
  if (language !== 'ja' || freelancer.entity !== 'individual' || fee.currency !== 'JPY') return false;
  if (client.kind === 'consumer') return false;
  return project.workCategory === undefined || WITHHELD_WORK_CATEGORIES.has(project.workCategory);
}

/** "6,001", "6,001円": an amount rounded to its currency, as the "Did you mean …?" of a refused amount writes it (the wizard, invoices, letters). */
export function amountSuggestion(value: number, currency: string): string {
  const figure = formatAmountSuggestion(value, currency);
  return activeLanguage() === 'ja' && currency === 'JPY' ? `${figure}円` : figure;
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
  const { fee, language } = answers;
  const withLanguage = {
    ...fee,
    // Left out, the language's tax (消費税 in Japanese, none in English); `null` stays: none at all.
    tax: fee.tax !== undefined ? fee.tax : language === 'ja' ? { ...JAPANESE_CONSUMPTION_TAX } : undefined,
    // Income tax is withheld from an individual's fee for design, writing and the other listed kinds of work.
    // Computed in yen (the ¥1,000,000 threshold), so only a yen fee defaults to it.
    withholding: fee.withholding ?? withholdingByDefault(answers),
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
      // A consumer's deposit is never forfeit beyond what is owed: consumer law (消費者契約法9条1号,
      // CRA 2015 Sch 2, Cal. Civ. Code 1671(d)) voids a forfeit above the real loss, so it is refundable.
      nonRefundable: answers.client.kind === 'consumer' ? false : (answers.deposit?.nonRefundable ?? true),
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
export type Party = Omit<Answers['freelancer'], 'entity' | 'hasEmployees' | 'invoiceRegistrationNumber' | 'vatNumber'>;
