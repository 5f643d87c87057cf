// The contract's clause library, loaded and checked once at start-up.
import { answersSchema } from '../answers/schema.ts';
import { join } from 'node:path';
import { CLAUSES_ROOT, loadClauseLibrary, type ClauseLibrary } from '../clauses/load.ts';
import { CONTRACT_DIRECTIVES } from './assemble.ts';
import { computeFacts } from './facts.ts';

// Answers with every optional field present, so that the facts built from
// them have every key a template may read: the loader checks names against it.
const SHAPE_ANSWERS = answersSchema.parse({
  effectiveDate: '2026-01-01',
  freelancer: { name: 'F', business: 'F Ltd', title: 'Owner', email: 'f@example.com', phone: '+1 555 0100 100', address: 'A' },
  client: { name: 'C', business: 'C Inc', title: 'CEO', email: 'c@example.com', phone: '+1 555 0100 101', address: 'B', relationship: 'new', troubleBefore: false },
  project: { name: 'P', description: 'D', deliverables: ['X'], startDate: '2026-01-02', endDate: '2026-02-01', revisionRounds: 2, acceptanceDays: 10 },
  fee: { model: 'fixed', currency: 'USD', total: 100, paymentDueDays: 14, lateFeePercentPerMonth: 1, paymentMethod: 'Bank transfer', tax: { label: 'VAT', percent: 20 } },
  deposit: { percent: 50, nonRefundable: true },
  killFee: { unresponsiveDays: 14, percentOfRemainingFee: 10 },
  jurisdiction: { governingLaw: 'L', venue: 'V', smallClaims: true },
  ownership: { transferOn: 'full-payment', copyright: 'assign-to-client', portfolioUse: true, licence: 'non-exclusive' },
});

export const FACTS_SHAPE = computeFacts(SHAPE_ANSWERS);

export function loadContractLibrary(dir: string = join(CLAUSES_ROOT, 'contract')): ClauseLibrary {
  return loadClauseLibrary(dir, FACTS_SHAPE, CONTRACT_DIRECTIVES, { crossReferences: true });
}
