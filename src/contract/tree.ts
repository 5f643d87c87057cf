import type { Answers, Language, PaperSize } from '../answers/schema.ts';

// The typed contract tree: what assembly produces and every renderer walks.
// It holds text only as text nodes, so no value a user typed can become a
// heading, a bold run or a tag in any output format.

/** A piece of text. `\n` inside `text` is a line break within the paragraph. */
export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export interface Paragraph {
  readonly type: 'paragraph';
  readonly runs: readonly TextRun[];
  /**
   * The paragraph's number within its clause, so it can be cited: point 2 of
   * clause 7 prints as 7.2 in English, as 2 in Japanese (where the first
   * paragraph of an article goes unnumbered). Absent in a clause of one
   * paragraph, and on a paragraph that continues the point before it.
   */
  readonly point?: number;
  /** The rest of the sentence of the point before it, after that point's list: unnumbered, in line with the point's text. */
  readonly continuesPoint?: boolean;
}

export interface BulletList {
  readonly type: 'list';
  readonly items: readonly (readonly TextRun[])[];
}

/** Label / value rows, such as the fee table: the last row may be a total. */
export interface Table {
  readonly type: 'table';
  readonly caption: string;
  readonly header: readonly [string, string];
  readonly rows: readonly { readonly label: string; readonly value: string; readonly emphasis?: boolean }[];
}

/** One side of the agreement with every way to reach them (the article insists on a phone). */
export interface PartyDetails {
  readonly role: string;
  readonly name: string;
  readonly business?: string;
  readonly address: string;
  readonly email: string;
  readonly phone: string;
  /** The freelancer's VAT number, printed under the phone when given (VAT Regulations 1995 reg. 14 on an invoice). */
  readonly vatNumber?: string;
}

export interface PartiesBlock {
  readonly type: 'parties';
  readonly parties: readonly PartyDetails[];
}

export interface SignatureParty {
  readonly role: string;
  readonly name: string;
  readonly business?: string;
  readonly title?: string;
  /** Filled when the party signed online (src/engagements): what the signature, date and note lines print. */
  readonly signed?: SignedMark;
}

/** A signature given online: "/s/ Priya Natarajan", the date in the contract's words, "signed electronically". */
export interface SignedMark {
  readonly mark: string;
  readonly date: string;
  readonly method: string;
}

/** Name, title and date lines for each party; renderers keep it on one page. */
export interface SignatureBlock {
  readonly type: 'signatures';
  readonly parties: readonly SignatureParty[];
}

export type Block = Paragraph | BulletList | Table | PartiesBlock | SignatureBlock;

/** One clause as it appears in the contract: a numbered heading and its body. */
export interface Section {
  readonly id: string;
  readonly variant?: string;
  readonly title: string;
  /** Why the clause is there, in plain words: help text, never part of the contract. */
  readonly note: string;
  readonly blocks: readonly Block[];
  /** Printed on one page (each block keeps with the next) and not divided into points: the signatures. */
  readonly keepTogether?: boolean;
  /**
   * Printed on the page where the section before it ends: that section's last
   * block keeps with this heading, so a page never holds this section alone
   * (the signatures, which otherwise move whole to a page of their own).
   */
  readonly keepWithPrevious?: boolean;
}

export interface DocumentMeta {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  /** Shown in the page header. */
  readonly projectName: string;
  /** Safe file name without extension. */
  readonly fileStem: string;
  readonly keywords: string;
  /** The page size of the Word file: US Letter or A4 (from the answers, whose default follows the currency). */
  readonly paperSize: PaperSize;
  /** The document's language: its fonts, clause numbering and page furniture follow it (English when absent). */
  readonly language?: Language;
}

export interface Contract {
  readonly meta: DocumentMeta;
  readonly title: string;
  /** "between X and Y, effective December 1, 2026" */
  readonly subtitle: string;
  /**
   * Paragraphs between the title and the first clause, unnumbered: the Japanese 前文, which names
   * the parties and what they agree before 第1条 (a clause file with the id `preamble`).
   */
  readonly preamble?: readonly Paragraph[];
  readonly sections: readonly Section[];
  /** The answers it was made from: embedded in the Word file so it can be loaded back. */
  readonly answers: Answers;
}

/** Who a letter is from or to, as printed in its address blocks. */
export interface LetterParty {
  readonly name: string;
  readonly business?: string;
  readonly address: string;
  readonly email: string;
  readonly phone: string;
  readonly vatNumber?: string;
}

/**
 * A follow-up letter (final check-in, work paused, payment reminder, late
 * notices): the same blocks as a contract, in a letter's layout.
 */
export interface Letter {
  /** The contract's answers, carried inside the letter's Word file so that uploading it starts from them. */
  readonly answers?: unknown;
  readonly kind: string;
  readonly meta: DocumentMeta;
  readonly sender: LetterParty;
  /** Written out: "March 3, 2027". */
  readonly date: string;
  readonly recipient: LetterParty;
  readonly subject: string;
  readonly salutation: string;
  readonly blocks: readonly Block[];
  readonly closing: string;
  readonly signature: { readonly name: string; readonly business?: string };
  /** Lines after the signature, e.g. "Enclosure: invoice INV-042". */
  readonly enclosures?: readonly string[];
  /** The words before an email address and a phone number in the address blocks ("Email", "Phone" when absent). */
  readonly contactLabels?: { readonly email: string; readonly phone: string };
  /**
   * Whose address block comes first on paper: the sender's (an English
   * letter, when absent) or the recipient's, then the sender's (a Japanese
   * business letter: 宛名 before 差出人).
   */
  readonly addressOrder?: 'sender-first' | 'recipient-first';
  /**
   * How the letter opens and closes as an email, when not as on paper: a
   * Japanese email names its 宛名 and greets in the email register, without
   * 拝啓, the seasonal greeting and 敬具 of a paper letter.
   */
  readonly email?: { readonly salutation: string; readonly closing: string };
}
