// The invoice tree: what invoice assembly produces and the renderers (Word,
// email text, JSON) walk. It reuses the contract tree's blocks (parties,
// label/value tables, paragraphs) so an invoice looks like the contract it
// bills under. Its own nodes: a table of numbered lines with totals beneath
// them, and the addresses block a Japanese 請求書 opens with (the recipient
// with 御中 or 様 on the left, the issuer and its 登録番号 on the right).
// Every word is chosen by a language's edition (edition-en.ts, edition-ja.ts);
// the renderers print what the tree says and never ask which language it is.
import type { Language } from '../answers/schema.ts';
import type { Block, DocumentMeta, TextRun } from '../contract/tree.ts';
import type { Bill, Ending, LateFigures } from '../contract/settlement.ts';
import type { InvoiceKind } from './request.ts';
import type { StatutoryCharges } from '../claims/late-charges.ts';

/** What a statute of the place added to a late invoice (src/claims/late-charges.ts), for the invoice's sentences. */
export interface LateStatute {
  readonly statutory?: StatutoryCharges;
  /** False where the statute's interest replaced the contract's late fee. */
  readonly chargesContractFee?: boolean;
}

/** One numbered line: what was supplied and its net amount, written out. */
export interface InvoiceLineRow {
  readonly number: number;
  readonly description: string;
  readonly amount: string;
}

/** The numbered lines, then the net, the tax by rate, any deductions and the total, each written out. */
export interface InvoiceLinesTable {
  readonly type: 'invoice-lines';
  readonly caption: string;
  readonly header: readonly [string, string, string];
  readonly lines: readonly InvoiceLineRow[];
  readonly totals: readonly { readonly label: string; readonly value: string; readonly emphasis?: boolean }[];
}

/** Who the invoice is to and from, side by side: each a few lines, the first the name. */
export interface InvoiceAddresses {
  readonly type: 'invoice-addresses';
  /** 「株式会社みどり商事 御中」 and the address. */
  readonly to: readonly (readonly TextRun[])[];
  /** The issuer's name, 登録番号, address and how to reach them. */
  readonly from: readonly (readonly TextRun[])[];
}

/** What an invoice shows above its lines. */
export type InvoiceBlock = Block | InvoiceAddresses;

/** The figures behind the tree, in minor units, straight from the settlement model. */
export interface InvoiceFigures {
  readonly bill: Bill;
  /** ISO dates. */
  readonly issuedOn: string;
  readonly dueDate: string;
  /** Present when the invoice is resent after `since` with the late fee added. */
  readonly late?: LateFigures & LateStatute & { readonly since: string };
  /** Present on an ending invoice: the deposit credited, kept or refunded. */
  readonly ending?: Ending;
}

/** The invoice as an email: the subject line, then these around the invoice's own blocks. */
export interface InvoiceEmail {
  readonly subject: string;
  /** "Dear Priya Natarajan,"; 「株式会社みどり商事\n代表取締役 山田太郎 様」 */
  readonly salutation: string;
  /** The sentence that says what is attached below. */
  readonly intro: string;
  readonly closing: string;
  /** Name, business, email and phone, a line each. */
  readonly signature: readonly string[];
}

export interface Invoice {
  readonly kind: InvoiceKind;
  readonly language: Language;
  readonly meta: DocumentMeta;
  /** "Invoice INV-2027-001"; 「請求書」 */
  readonly title: string;
  /** "Deposit invoice: Harbor Coffee website redesign" */
  readonly subtitle: string;
  readonly number: string;
  /** The contract the invoice bills under, as its reference. */
  readonly reference: { readonly projectName: string; readonly effectiveDate: string };
  /** Parties and details (number, dates, the due date written out, the contract), above the lines. */
  readonly head: readonly InvoiceBlock[];
  /** When it is due, written out: "On receipt, and before work starts on December 7, 2026". */
  readonly due: string;
  readonly lines: InvoiceLinesTable;
  /** The bill's deductions (withholding), described in the invoice's language, in the bill's order. */
  readonly deductionDescriptions: readonly string[];
  /** Sentences under the lines: when it is due, the deposit, a late fee, how to pay. */
  readonly notes: readonly Block[];
  readonly email: InvoiceEmail;
  readonly figures: InvoiceFigures;
}
