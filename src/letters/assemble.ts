// (kind, request, library) -> Letter: the same tree the contract uses, in a
// letter's frame (sender, date, recipient, subject, salutation, closing).
// Pure and synchronous once the library is loaded.
import type { ClauseLibrary } from '../clauses/load.ts';
import { renderClause, type DirectiveRenderer } from '../clauses/template.ts';
import { safeFileStem } from '../contract/file-name.ts';
import type { Letter, LetterParty, Table } from '../contract/tree.ts';
import type { Party } from '../answers/schema.ts';
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
  rows.push({ label: 'Balance due', value: letter.balance, emphasis: true });
  return { type: 'table', caption: `Invoice ${letter.invoice.number} (${fee.currency})`, header: ['Item', 'Detail'], rows };
}

function party(p: Party): LetterParty {
  return { name: p.name, business: p.business, address: p.address, email: p.email, phone: p.phone };
}

export function assembleLetter(kind: LetterKind, request: LetterRequest, library: ClauseLibrary): Letter {
  const template = library.clauses.find((clause) => clause.id === kind);
  if (!template) throw new Error(`letters: no template for "${kind}" in ${library.dir}`);
  const { answers, letter } = request;
  const facts = computeLetterFacts(answers, letter);
  const directives: Record<(typeof LETTER_DIRECTIVES)[number], DirectiveRenderer> = {
    'invoice-summary': () => invoiceSummary(facts),
  };
  const blocks = renderClause(template.template, facts, directives);
  const project = answers.project.name;
  const invoice = letter.invoice;
  const subject = invoice && INVOICE_LETTERS.includes(kind) ? `${template.title}: invoice ${invoice.number}, ${project}` : `${template.title}: ${project}`;
  const sender = facts.freelancer.legalName;
  return {
    kind,
    answers,
    meta: {
      title: `${template.title}: ${project}`,
      subject,
      author: sender,
      projectName: project,
      fileStem: safeFileStem(`${project} ${kind}`),
      keywords: `letter, follow-up, ${kind}`,
      paperSize: answers.paperSize,
    },
    sender: party(answers.freelancer),
    date: facts.letter.date,
    recipient: party(answers.client),
    subject,
    salutation: `Dear ${answers.client.name},`,
    blocks,
    closing: CLOSINGS[kind],
    signature: { name: answers.freelancer.name, business: answers.freelancer.business },
    enclosures: invoice && INVOICE_LETTERS.includes(kind) ? [`Enclosure: a copy of invoice ${invoice.number}`] : undefined,
  };
}
