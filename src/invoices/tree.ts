// The invoice tree: what invoice assembly produces and the renderers (Word,
// email text, JSON) walk. It reuses the contract tree's blocks (parties,
// label/value tables, paragraphs) so an invoice looks like the contract it
// bills under; the one thing a contract has no node for is a table of
// numbered lines with totals beneath them.
import type { Block, DocumentMeta, PartiesBlock, Table } from '../contract/tree.ts';
import type { Bill, Ending, LateFigures } from '../contract/settlement.ts';
import type { InvoiceKind } from './request.ts';

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

/** The figures behind the tree, in minor units, straight from the settlement model. */
export interface InvoiceFigures {
  readonly bill: Bill;
  /** ISO dates. */
  readonly issuedOn: string;
  readonly dueDate: string;
  /** Present when the invoice is resent after `since` with the late fee added. */
  readonly late?: LateFigures & { readonly since: string };
  /** Present on an ending invoice: the deposit credited, kept or refunded. */
  readonly ending?: Ending;
}

export interface Invoice {
  readonly kind: InvoiceKind;
  readonly meta: DocumentMeta;
  /** "Invoice INV-2027-001" */
  readonly title: string;
  /** "Deposit invoice: Harbor Coffee website redesign" */
  readonly subtitle: string;
  readonly number: string;
  /** The contract the invoice bills under, as its reference. */
  readonly reference: { readonly projectName: string; readonly effectiveDate: string };
  /** From (the freelancer) and Bill to (the client). */
  readonly parties: PartiesBlock;
  /** Invoice number, date, due date written out, the contract it bills under. */
  readonly details: Table;
  readonly lines: InvoiceLinesTable;
  /** Sentences under the lines: when it is due, the deposit, a late fee, how to pay. */
  readonly notes: readonly Block[];
  /** The email's subject line. */
  readonly subject: string;
  /** "Dear Priya Natarajan," */
  readonly salutation: string;
  readonly signature: { readonly name: string; readonly business?: string; readonly email: string; readonly phone: string };
  readonly figures: InvoiceFigures;
}
