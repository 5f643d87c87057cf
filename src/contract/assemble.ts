// answers -> contract tree. Pure and synchronous: no I/O once the library is
// loaded, so it is cheap to test and to call from anywhere.
import type { Answers } from '../answers/schema.ts';
import { formatMoney } from '../answers/money.ts';
import { conditionHolds, type ClauseLibrary } from '../clauses/load.ts';
import { renderClause, type DirectiveRenderer } from '../clauses/template.ts';
import { computeFacts, computeFigures, type ContractFacts } from './facts.ts';
import { safeFileStem } from './file-name.ts';
import type { Block, Contract, Section, Table } from './tree.ts';

export const CONTRACT_TITLE = 'Freelance Services Agreement';

/** The "::name" blocks a contract clause may place; their content is computed here. */
export const CONTRACT_DIRECTIVES = ['parties', 'fee-table', 'signatures'] as const;

function feeTable(answers: Answers, facts: ContractFacts): Table {
  const figures = computeFigures(answers);
  const { fee, deposit } = facts;
  const refund = deposit.nonRefundable ? 'non-refundable, ' : '';
  const rows: { label: string; value: string; emphasis?: boolean }[] = [];
  if (fee.model === 'fixed') {
    rows.push({ label: 'Total price', value: fee.total });
  } else if (fee.model === 'hourly') {
    rows.push({ label: 'Hourly rate', value: fee.rate });
    rows.push({ label: 'Estimated hours', value: fee.estimatedHours });
    rows.push({ label: 'Estimated fee', value: fee.estimate });
  } else {
    rows.push({ label: 'Monthly retainer', value: fee.monthly });
    rows.push({ label: 'Hours included each month', value: fee.hoursPerMonth });
  }
  if (deposit.inFull) {
    rows.push({
      label: fee.model === 'retainer' ? 'Paid in full before each month begins' : 'Paid in full before work begins',
      value: formatMoney(figures.deposit),
      emphasis: true,
    });
  } else {
    rows.push({ label: `Deposit (${deposit.percent}, ${refund}due before work starts)`, value: deposit.amount, emphasis: true });
    rows.push({
      label: fee.model === 'hourly' ? 'Balance (estimated, invoiced as work is done)' : fee.model === 'retainer' ? 'Balance of the first month' : 'Balance due on completion',
      value: deposit.balance,
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

export function assembleContract(answers: Answers, library: ClauseLibrary): Contract {
  const facts = computeFacts(answers);
  const directives = directivesFor(answers, facts);
  const sections: Section[] = [];
  for (const clause of library.clauses) {
    if (!conditionHolds(clause.when, facts)) continue;
    const blocks: Block[] = renderClause(clause.template, facts, directives);
    if (blocks.length === 0) continue;
    if (sections.some((section) => section.id === clause.id)) {
      // Two variants of one clause both applied: the library's conditions overlap.
      throw new Error(`clauses ${clause.id}: more than one variant applies (${clause.file})`);
    }
    sections.push({ id: clause.id, variant: clause.variant, title: clause.title, note: clause.note, blocks });
  }
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
