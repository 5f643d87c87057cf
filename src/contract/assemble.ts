// answers -> contract tree. Pure and synchronous: no I/O once the library is
// loaded, so it is cheap to test and to call from anywhere.
import type { Answers, Language } from '../answers/schema.ts';
import { formatMoney, formatPercent } from '../answers/money.ts';
import { conditionHolds, refKey, type ClauseLibrary } from '../clauses/load.ts';
import { renderClause, type DirectiveRenderer } from '../clauses/template.ts';
import { computeFacts, type ContractFacts } from './facts.ts';
import { contractMoney } from './settlement.ts';
import { safeFileStem } from './file-name.ts';
import { japaneseContractEdition } from './edition-ja.ts';
import { numberPoints } from './points.ts';
import type { Block, Contract, DocumentMeta, Paragraph, Section, Table } from './tree.ts';

export const CONTRACT_TITLE = 'Freelance Services Agreement';

/** The "::name" blocks a contract clause may place; their content is computed here. */
export const CONTRACT_DIRECTIVES = ['parties', 'fee-table', 'signatures'] as const;

function feeTable(answers: Answers, facts: ContractFacts): Table {
  const figures = contractMoney(answers);
  const { fee, deposit } = facts;
  const tax = figures.tax;
  const refund = deposit.nonRefundable ? 'non-refundable, ' : '';
  // The table reads as a sum: what the price is made of (rate and hours, hours
  // included), the deposit and the balance as the two parts of the price, and
  // the price last, in bold. With a tax the parts stay net, as every price in
  // the contract is, and the tax is added under them: the deposit clause
  // states the deposit with its tax.
  const rows: { label: string; value: string; emphasis?: boolean }[] = [];
  if (fee.model === 'hourly') {
    rows.push({ label: `Hourly rate${tax ? `, before ${tax.label}` : ''}`, value: fee.rate });
    rows.push({ label: 'Estimated hours', value: fee.estimatedHours });
  } else if (fee.model === 'retainer') {
    rows.push({ label: 'Hours included each month', value: fee.hoursPerMonth });
  }
  const price = fee.model === 'fixed' ? 'Total price' : fee.model === 'hourly' ? 'Estimated fee' : 'Monthly retainer';
  const inFull = deposit.inFull ? `, paid in full before ${fee.model === 'retainer' ? 'each month begins' : 'work begins'}` : '';
  if (!deposit.inFull) {
    rows.push({ label: `Deposit (${deposit.percent}, ${refund}due before work starts)`, value: formatMoney(figures.deposit) });
    rows.push({
      label: fee.model === 'hourly' ? 'Balance (estimated, invoiced as work is done)' : fee.model === 'retainer' ? 'Balance of the first month' : 'Balance due on completion',
      value: formatMoney(figures.balance),
    });
  }
  if (tax) {
    rows.push({ label: `${price}, before ${tax.label}`, value: formatMoney(figures.base) });
    rows.push({ label: `${tax.label} at ${formatPercent(tax.percent)}`, value: formatMoney(figures.baseBill.taxes[0]!.amount) });
    rows.push({ label: `${price}, with ${tax.label}${inFull}`, value: formatMoney(figures.baseBill.total), emphasis: true });
  } else {
    rows.push({ label: `${price}${inFull}`, value: formatMoney(figures.base), emphasis: true });
  }
  return { type: 'table', caption: `Fees (${fee.currency})`, header: ['Item', 'Amount'], rows };
}

function directivesFor(answers: Answers, facts: ContractFacts): Record<(typeof CONTRACT_DIRECTIVES)[number], DirectiveRenderer> {
  const { freelancer, client } = answers;
  return {
    parties: () => ({
      type: 'parties',
      parties: [
        { role: 'Freelancer', name: freelancer.name, business: freelancer.business, address: freelancer.address, email: freelancer.email, phone: freelancer.phone, ...(freelancer.vatNumber ? { vatNumber: freelancer.vatNumber } : {}) },
        { role: 'Client', name: client.name, business: client.business, address: client.address, email: client.email, phone: client.phone },
      ],
    }),
    'fee-table': () => feeTable(answers, facts),
    signatures: () => ({
      type: 'signatures',
      parties: [
        { role: 'Freelancer', name: freelancer.name, business: freelancer.business, title: freelancer.title },
        { role: 'Client', name: client.name, business: client.business, title: client.title },
      ],
    }),
  };
}

/** "clause N" for each clause id present, numbered as Word numbers the headings. */
export function crossReferences(ids: readonly string[], clauseNumber: (n: number) => string = (n) => `clause ${n}`): Record<string, string> {
  return Object.fromEntries(ids.map((id, index) => [refKey(id), clauseNumber(index + 1)]));
}

/** What every edition's facts have: the cross-references, `it.ref.termination`. */
export interface EditionFacts {
  readonly ref: Record<string, string>;
}

/**
 * What one language's contract is made of beyond the answers: its clause
 * library, the facts its templates read, the blocks built in code, how a
 * clause is referred to, and the title and file properties. Assembly asks
 * for the edition of the answers' language and never tests which it is.
 */
export interface ContractEdition<Facts extends EditionFacts = EditionFacts> {
  readonly language: Language;
  readonly title: string;
  readonly library: ClauseLibrary;
  /** The facts, with `ref` as given (empty by default) and nothing else depending on it. */
  facts(answers: Answers, ref?: Record<string, string>): Facts;
  directives(answers: Answers, facts: Facts): Record<string, DirectiveRenderer>;
  /** How a clause is named in a cross-reference: "clause 13", 「第13条」. */
  clauseNumber(index: number): string;
  /** The heading after Word's number: "Fees and payment", 「（報酬）」. */
  heading(title: string): string;
  subtitle(answers: Answers, facts: Facts): string;
  meta(answers: Answers, facts: Facts): Omit<DocumentMeta, 'paperSize' | 'language' | 'projectName'>;
}

/** The English edition, around the library the app loaded (tests may hand it another one). */
export function englishEdition(library: ClauseLibrary): ContractEdition<ContractFacts> {
  return {
    language: 'en',
    title: CONTRACT_TITLE,
    library,
    facts: computeFacts,
    directives: directivesFor,
    clauseNumber: (n) => `clause ${n}`,
    heading: (title) => title,
    subtitle: (answers, facts) => `${answers.project.name}: between ${facts.freelancer.legalName} and ${facts.client.legalName}, effective ${facts.effectiveDate}`,
    meta: (answers, facts) => ({
      title: `${CONTRACT_TITLE}: ${answers.project.name}`,
      subject: `Contract between ${facts.freelancer.legalName} and ${facts.client.legalName}`,
      author: facts.freelancer.legalName,
      fileStem: safeFileStem(`${answers.project.name} contract`),
      keywords: 'contract, freelance, deposit, kill fee',
    }),
  };
}

// Each language's edition, looked up by the answers' language. English is
// made around the library the caller passes (tests may hand it another);
// the others load their own library once.
const EDITIONS: Readonly<Record<Language, (english: ClauseLibrary) => ContractEdition>> = {
  en: (english) => englishEdition(english) as ContractEdition,
  ja: () => japaneseContractEdition() as unknown as ContractEdition,
};

export function editionFor(language: Language, english: ClauseLibrary): ContractEdition {
  return EDITIONS[language](english);
}

export function assembleContract(answers: Answers, library: ClauseLibrary): Contract {
  return assembleEdition(answers, editionFor(answers.language, library));
}

/** The clause id whose wording goes before the first clause, unnumbered (the Japanese 前文). */
export const PREAMBLE_ID = 'preamble';

export function assembleEdition<Facts extends EditionFacts>(answers: Answers, edition: ContractEdition<Facts>): Contract {
  const { library } = edition;
  const plain = edition.facts(answers);
  const applicable = library.clauses.filter((clause) => conditionHolds(clause.when, plain));
  const ids = [...new Set(applicable.map((clause) => clause.id))];
  if (ids.length !== applicable.length) {
    // Two variants of one clause both applied: the library's conditions overlap.
    const twice = applicable.find((clause, index) => applicable.findIndex((other) => other.id === clause.id) !== index)!;
    throw new Error(`clauses ${twice.id}: more than one variant applies (${twice.file})`);
  }
  // Clause numbers come from the clauses that apply, so "clause 13" is always
  // the clause that Word numbers 13. A clause whose wording comes out empty is
  // left out, and the numbers are worked out again without it.
  let present = applicable;
  let rendered: Block[][];
  let facts = plain;
  for (;;) {
    // Only the clause numbers change: the facts are computed once, above.
    // The preamble is not a numbered clause: 第1条 is the first clause after it.
    facts = { ...plain, ref: crossReferences(present.filter((clause) => clause.id !== PREAMBLE_ID).map((clause) => clause.id), edition.clauseNumber) };
    const directives = edition.directives(answers, facts);
    rendered = present.map((clause) => renderClause(clause.template, facts, directives));
    if (rendered.every((blocks) => blocks.length > 0)) break;
    present = present.filter((_clause, index) => rendered[index]!.length > 0);
  }
  const presentKeys = new Set(present.map((clause) => refKey(clause.id)));
  for (const clause of present) {
    const missing = clause.references.find((key) => !presentKeys.has(key));
    if (missing) throw new Error(`clauses ${clause.id}: refers to "${missing}", which this contract does not include (${clause.file})`);
  }
  const preambleIndex = present.findIndex((clause) => clause.id === PREAMBLE_ID);
  const preamble = preambleIndex < 0 ? undefined : rendered[preambleIndex]!.filter((block): block is Paragraph => block.type === 'paragraph');
  const sections: Section[] = present.flatMap((clause, index) =>
    index === preambleIndex
      ? []
      : [
          {
            id: clause.id,
            variant: clause.variant,
            title: edition.heading(clause.title),
            note: clause.note,
            blocks: clause.keepTogether ? rendered[index]! : numberPoints(rendered[index]!),
            ...(clause.keepTogether ? { keepTogether: true } : {}),
            ...(clause.keepWithPrevious ? { keepWithPrevious: true } : {}),
          },
        ],
  );
  return {
    title: edition.title,
    subtitle: edition.subtitle(answers, facts),
    ...(preamble ? { preamble } : {}),
    sections,
    answers,
    meta: {
      ...edition.meta(answers, facts),
      projectName: answers.project.name,
      paperSize: answers.paperSize,
      language: edition.language,
    },
  };
}
