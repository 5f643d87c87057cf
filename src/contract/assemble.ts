// answers -> contract tree. Pure and synchronous: no I/O once the library is
// loaded, so it is cheap to test and to call from anywhere.
import type { Answers } from '../answers/schema.ts';
import { formatMoney, formatPercent } from '../answers/money.ts';
import { conditionHolds, referencedClauses, refKey, type ClauseLibrary } from '../clauses/load.ts';
import { renderClause, type DirectiveRenderer } from '../clauses/template.ts';
import { computeFacts, type ContractFacts } from './facts.ts';
import { contractMoney } from './settlement.ts';
import { safeFileStem } from './file-name.ts';
import type { Block, Contract, Section, Table } from './tree.ts';

export const CONTRACT_TITLE = 'Freelance Services Agreement';

/** The "::name" blocks a contract clause may place; their content is computed here. */
export const CONTRACT_DIRECTIVES = ['parties', 'fee-table', 'signatures'] as const;

function feeTable(answers: Answers, facts: ContractFacts): Table {
  const figures = contractMoney(answers);
  const { fee, deposit } = facts;
  const tax = figures.tax;
  const refund = deposit.nonRefundable ? 'non-refundable, ' : '';
  // With a tax, the price is shown net, then the tax, then the total; the
  // deposit and balance lines are what the Client actually pays, tax included.
  const before = tax ? `, before ${tax.label}` : '';
  const withTax = tax ? `, with ${tax.label}` : '';
  const rows: { label: string; value: string; emphasis?: boolean }[] = [];
  const priceRows = (label: string) => {
    rows.push({ label: `${label}${before}`, value: formatMoney(figures.base) });
    if (tax) {
      rows.push({ label: `${tax.label} at ${formatPercent(tax.percent)}`, value: formatMoney(figures.baseBill.taxes[0]!.amount) });
      rows.push({ label: `${label}${withTax}`, value: formatMoney(figures.baseBill.total) });
    }
  };
  if (fee.model === 'fixed') {
    priceRows('Total price');
  } else if (fee.model === 'hourly') {
    rows.push({ label: `Hourly rate${before}`, value: fee.rate });
    rows.push({ label: 'Estimated hours', value: fee.estimatedHours });
    priceRows('Estimated fee');
  } else {
    priceRows('Monthly retainer');
    rows.push({ label: 'Hours included each month', value: fee.hoursPerMonth });
  }
  if (deposit.inFull) {
    rows.push({
      label: `${fee.model === 'retainer' ? 'Paid in full before each month begins' : 'Paid in full before work begins'}${withTax}`,
      value: formatMoney(figures.depositBill.total),
      emphasis: true,
    });
  } else {
    rows.push({ label: `Deposit (${deposit.percent}, ${refund}due before work starts)${withTax}`, value: formatMoney(figures.depositBill.total), emphasis: true });
    rows.push({
      label: `${fee.model === 'hourly' ? 'Balance (estimated, invoiced as work is done)' : fee.model === 'retainer' ? 'Balance of the first month' : 'Balance due on completion'}${withTax}`,
      value: formatMoney(figures.balanceBill.total),
    });
  }
  return { type: 'table', caption: `Fees (${fee.currency})`, header: ['Item', 'Amount'], rows };
}

function directivesFor(answers: Answers, facts: ContractFacts): Record<(typeof CONTRACT_DIRECTIVES)[number], DirectiveRenderer> {
  const { freelancer, client } = answers;
  return {
    parties: () => ({
      type: 'parties',
      parties: [
        { role: 'Freelancer', name: freelancer.name, business: freelancer.business, address: freelancer.address, email: freelancer.email, phone: freelancer.phone },
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
export function crossReferences(ids: readonly string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id, index) => [refKey(id), `clause ${index + 1}`]));
}

export function assembleContract(answers: Answers, library: ClauseLibrary): Contract {
  const plain = computeFacts(answers);
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
  let rendered: Block[][] = [];
  let facts = plain;
  for (;;) {
    facts = computeFacts(answers, crossReferences(present.map((clause) => clause.id)));
    const directives = directivesFor(answers, facts);
    rendered = present.map((clause) => renderClause(clause.template, facts, directives));
    if (rendered.every((blocks) => blocks.length > 0)) break;
    present = present.filter((_clause, index) => rendered[index]!.length > 0);
  }
  const presentKeys = new Set(present.map((clause) => refKey(clause.id)));
  for (const clause of present) {
    const missing = referencedClauses(clause.source).find((key) => !presentKeys.has(key));
    if (missing) throw new Error(`clauses ${clause.id}: refers to "${missing}", which this contract does not include (${clause.file})`);
  }
  const sections: Section[] = present.map((clause, index) => ({
    id: clause.id,
    variant: clause.variant,
    title: clause.title,
    note: clause.note,
    blocks: rendered[index]!,
  }));
  const freelancerName = facts.freelancer.legalName;
  const clientName = facts.client.legalName;
  return {
    title: CONTRACT_TITLE,
    subtitle: `${answers.project.name}: between ${freelancerName} and ${clientName}, effective ${facts.effectiveDate}`,
    sections,
    answers,
    meta: {
      title: `${CONTRACT_TITLE}: ${answers.project.name}`,
      subject: `Contract between ${freelancerName} and ${clientName}`,
      author: freelancerName,
      projectName: answers.project.name,
      fileStem: safeFileStem(`${answers.project.name} contract`),
      keywords: 'contract, freelance, deposit, kill fee',
      paperSize: answers.paperSize,
    },
  };
}
