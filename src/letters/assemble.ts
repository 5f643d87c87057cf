// (kind, request, library) -> Letter: the same tree the contract uses, in a
// letter's frame (sender, date, recipient, subject, salutation, closing).
// Pure and synchronous once the library is loaded.
import type { ClauseLibrary } from '../clauses/load.ts';
import { renderClause, type DirectiveRenderer } from '../clauses/template.ts';
import { safeFileStem } from '../contract/file-name.ts';
import type { DocumentMeta, Letter, LetterParty, Table } from '../contract/tree.ts';
import type { Answers, Language, Party } from '../answers/schema.ts';
import { japaneseLetters } from './edition-ja.ts';
import { computeLetterFacts, type LetterFacts } from './facts.ts';
import type { LETTER_DIRECTIVES } from './library.ts';
import { INVOICE_LETTERS, type LetterKind, type LetterRequest } from './request.ts';

// The article signs its check-in warmly and its final notice formally.
const CLOSINGS: Readonly<Record<LetterKind, string>> = {
  'final-check-in': 'All the best,',
  'work-paused': 'Best regards,',
  'payment-reminder': 'Best regards,',
  'late-notice': 'Sincerely,',
  'final-notice': 'Sincerely,',
};

function invoiceSummary(facts: LetterFacts): Table {
  const { letter, fee } = facts;
  const rows: { label: string; value: string; emphasis?: boolean }[] = [
    { label: 'Invoice number', value: letter.invoice.number },
    { label: 'Invoice date', value: letter.invoice.issuedOn },
    { label: 'Due date', value: letter.invoice.dueDate },
    { label: 'Days late', value: String(letter.daysLate) },
    { label: 'Invoice amount', value: letter.invoice.amount },
  ];
  if (letter.hasLateFee) rows.push({ label: `Late fee (${fee.lateFeePercent} for each full 30 days: ${letter.lateFeePeriodsText})`, value: letter.lateFee });
  // Interest and compensation under the place's statute, each on a line of its own naming it.
  rows.push(...letter.statutoryRows);
  rows.push({ label: 'Balance due', value: letter.balance, emphasis: true });
  return { type: 'table', caption: `Invoice ${letter.invoice.number} (${fee.currency})`, header: ['Item', 'Detail'], rows };
}

function party(p: Party): LetterParty {
  return { name: p.name, business: p.business, address: p.address, email: p.email, phone: p.phone };
}

/** What frames a letter's body in one language: subject, salutation, closing, signature, file properties. */
export interface LetterFrame {
  readonly meta: Omit<DocumentMeta, 'projectName' | 'paperSize' | 'language'>;
  /** How the recipient is named on the letter, when not as the answers give them. */
  readonly recipient?: { readonly name: string; readonly business?: string };
  readonly subject: string;
  readonly salutation: string;
  readonly closing: string;
  readonly signature: Letter['signature'];
  readonly enclosures?: readonly string[];
  readonly contactLabels?: Letter['contactLabels'];
  readonly addressOrder?: Letter['addressOrder'];
  readonly email?: Letter['email'];
}

/** One language's letters: their templates, the facts they read, the blocks built in code, the frame. */
export interface LetterEdition<Facts extends object = object> {
  readonly language: Language;
  readonly library: ClauseLibrary;
  facts(answers: Answers, letter: LetterRequest['letter']): Facts;
  directives(facts: Facts): Record<string, DirectiveRenderer>;
  frame(kind: LetterKind, title: string, facts: Facts, answers: Answers, request: LetterRequest): LetterFrame;
}

export function englishLetterEdition(library: ClauseLibrary): LetterEdition<LetterFacts> {
  return {
    language: 'en',
    library,
    facts: computeLetterFacts,
    directives: (facts) => ({ 'invoice-summary': () => invoiceSummary(facts) }) satisfies Record<(typeof LETTER_DIRECTIVES)[number], DirectiveRenderer>,
    frame: (kind, title, facts, answers, request) => {
      const project = answers.project.name;
      const invoice = request.letter.invoice;
      const subject = invoice && INVOICE_LETTERS.includes(kind) ? `${title}: invoice ${invoice.number}, ${project}` : `${title}: ${project}`;
      return {
        meta: {
          title: `${title}: ${project}`,
          subject,
          author: facts.freelancer.legalName,
          fileStem: safeFileStem(`${project} ${kind}`),
          keywords: `letter, follow-up, ${kind}`,
        },
        subject,
        salutation: `Dear ${answers.client.name},`,
        closing: CLOSINGS[kind],
        signature: { name: answers.freelancer.name, business: answers.freelancer.business },
        enclosures: invoice && INVOICE_LETTERS.includes(kind) ? [`Enclosure: a copy of invoice ${invoice.number}`] : undefined,
      };
    },
  };
}

// Each language's letters, looked up by the answers' language; English from the library the caller passes.
const LETTER_EDITIONS: Readonly<Record<Language, (english: ClauseLibrary) => LetterEdition>> = {
  en: (english) => englishLetterEdition(english) as unknown as LetterEdition,
  ja: () => japaneseLetters() as unknown as LetterEdition,
};

export function assembleLetter(kind: LetterKind, request: LetterRequest, library: ClauseLibrary): Letter {
  const edition = LETTER_EDITIONS[request.answers.language](library);
  const template = edition.library.clauses.find((clause) => clause.id === kind);
  if (!template) throw new Error(`letters: no template for "${kind}" in ${edition.library.dir}`);
  const { answers } = request;
  const facts = edition.facts(answers, request.letter);
  const blocks = renderClause(template.template, facts, edition.directives(facts));
  const frame = edition.frame(kind, template.title, facts, answers, request);
  const datedFacts = facts as { letter: { date: string } };
  return {
    kind,
    // Like a contract, a letter carries the answers it was made from (embedded in its Word file).
    answers,
    meta: { ...frame.meta, projectName: answers.project.name, paperSize: answers.paperSize, language: edition.language },
    sender: party(answers.freelancer),
    date: datedFacts.letter.date,
    recipient: { ...party(answers.client), ...frame.recipient },
    subject: frame.subject,
    salutation: frame.salutation,
    blocks,
    closing: frame.closing,
    signature: frame.signature,
    enclosures: frame.enclosures,
    ...(frame.contactLabels ? { contactLabels: frame.contactLabels } : {}),
    ...(frame.addressOrder ? { addressOrder: frame.addressOrder } : {}),
    ...(frame.email ? { email: frame.email } : {}),
  };
}
