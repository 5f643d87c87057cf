// The claim packs the tests send (POST /api/claim-pack) and build
// (claimPackRequestSchema): worked examples whose figures the tests check by
// hand, written once here so the unit tests and the LibreOffice tests tell
// the same story from the same request.
import { sampleInput } from './samples.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** An invoice the pack holds, and the payments made on it: [date, amount]. */
export interface PackInvoice {
  readonly kind: 'deposit' | 'balance' | 'hours' | 'retainer' | 'ending';
  readonly number: string;
  readonly issuedOn: string;
  readonly paid?: readonly (readonly [date: string, amount: number])[];
}

/** A letter sent about one of the pack's invoices (`about`, its number): the amount and the due date it missed. */
export interface PackLetter {
  readonly kind: string;
  readonly date: string;
  readonly about: string;
  readonly amount: number;
  readonly dueDate: string;
}

/** The request body: the invoices in order, each letter with its invoice's number and date, the payments invoice by invoice. */
export function claimPackRequest(answers: Loose, asOf: string, invoices: readonly PackInvoice[], letters: readonly PackLetter[] = []) {
  const issuedOn = (number: string) => {
    const invoice = invoices.find((candidate) => candidate.number === number);
    if (!invoice) throw new Error(`claimPackRequest: a letter is about ${number}, which is not one of the pack's invoices`);
    return invoice.issuedOn;
  };
  return {
    answers,
    asOf,
    invoices: invoices.map(({ kind, number, issuedOn: date }) => ({ kind, number, issuedOn: date })),
    letters: letters.map(({ kind, date, about, amount, dueDate }) => ({ kind, letter: { date, invoice: { number: about, amount, issuedOn: issuedOn(about), dueDate } } })),
    payments: invoices.flatMap(({ number, paid = [] }) => paid.map(([date, amount]) => ({ date, amount, invoice: number }))),
  };
}

/**
 * Oregon (new-client-fixed: $12,000 fixed, 50% deposit, 14 days, 1.5% a month late): deposit INV-001 of
 * 1 Dec 2026 paid in full the next day; balance INV-002 of 26 Feb 2027, due 12 Mar, $1,000 paid 20 Mar.
 */
export const OREGON_INVOICES: readonly PackInvoice[] = [
  { kind: 'deposit', number: 'INV-001', issuedOn: '2026-12-01', paid: [['2026-12-02', 6000]] },
  { kind: 'balance', number: 'INV-002', issuedOn: '2027-02-26', paid: [['2027-03-20', 1000]] },
];
/** A letter about Oregon's balance INV-002 ($6,000 due 12 Mar 2027). */
export const oregonLetter = (kind: string, date: string): PackLetter => ({ kind, date, about: 'INV-002', amount: 6000, dueDate: '2027-03-12' });
/** The Oregon pack as at 12 May 2027, with the letters given. */
export const oregonPack = (letters: readonly PackLetter[]) => claimPackRequest(sampleInput('new-client-fixed'), '2027-05-12', OREGON_INVOICES, letters);

/** Tokyo's balance R-002 of 30 Jun 2027 (¥598,740: 600,000 + 10% 消費税 − 10.21% 源泉徴収), due 29 Jul 2027. */
export const TOKYO_BALANCE: PackInvoice = { kind: 'balance', number: 'R-002', issuedOn: '2027-06-30' };
/** The 最終催告 about Tokyo's balance, sent on `date`. */
export const tokyoFinalNotice = (date: string): PackLetter => ({ kind: 'final-notice', date, about: 'R-002', amount: 598740, dueDate: '2027-07-29' });

/**
 * England (returning-client-hourly made a £5,100 fixed price on 30 days, no late fee of its own, 30%
 * deposit): effective 1 Dec 2025, started 8 Dec; the balance INV-2026-002 (£3,570) of 16 Dec 2025 is due 15 Jan 2026.
 */
export function englandAnswers(): Loose {
  const answers = sampleInput('returning-client-hourly');
  answers.effectiveDate = '2025-12-01';
  answers.project.startDate = '2025-12-08';
  answers.fee = { model: 'fixed', currency: 'GBP', total: 5100, paymentDueDays: 30, lateFeePercentPerMonth: 0 };
  return answers;
}
export const ENGLAND_BALANCE: PackInvoice = { kind: 'balance', number: 'INV-2026-002', issuedOn: '2025-12-16' };
