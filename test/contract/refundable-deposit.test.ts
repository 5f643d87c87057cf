// A freelancer may choose a refundable deposit (deposit.nonRefundable: false).
// The contract must then never call it non-refundable, anywhere: the fee table,
// the deposit clause, payment in full, and what happens at termination.
import { beforeEach, describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { sectionToText } from '../../src/contract/plain-text.ts';
import type { Contract, Table } from '../../src/contract/tree.ts';
import { sampleInput } from '../helpers/samples.ts';

const library = loadContractLibrary();

function contractWith(sample: string, deposit: Record<string, unknown> | undefined): Contract {
  const input = sampleInput(sample);
  if (deposit === undefined) delete input.deposit;
  else input.deposit = deposit;
  return assembleContract(answersSchema.parse(input), library);
}
const textOf = (contract: Contract, id: string) => sectionToText(contract.sections.find((s) => s.id === id)!);
const wholeText = (contract: Contract) => contract.sections.map((section) => sectionToText(section)).join('\n');
const depositRow = (contract: Contract) =>
  contract.sections.flatMap((s) => s.blocks).find((b): b is Table => b.type === 'table')!.rows.find((row) => row.label.startsWith('Deposit'))!;

describe('the answers', () => {
  it('keep a deposit the freelancer made refundable', () => {
    const input = sampleInput('new-client-fixed');
    input.deposit = { percent: 40, nonRefundable: false };
    expect(answersSchema.parse(input).deposit).toEqual({ percent: 40, nonRefundable: false });
  });

  it('make a deposit non-refundable when the answers do not say (the article)', () => {
    const input = sampleInput('new-client-fixed');
    input.deposit = { percent: 40 };
    expect(answersSchema.parse(input).deposit).toEqual({ percent: 40, nonRefundable: true });
    delete input.deposit;
    expect(answersSchema.parse(input).deposit).toEqual({ percent: 50, nonRefundable: true });
  });
});

describe('a refundable 50% deposit', () => {
  // Built before each test, not as the file is collected: a mutant is on only while tests run (test/README.md).
  let refundable!: Contract;
  beforeEach(() => {
    refundable = contractWith('new-client-fixed', { percent: 50, nonRefundable: false });
  });
  let kept!: Contract;
  beforeEach(() => {
    kept = contractWith('new-client-fixed', { percent: 50, nonRefundable: true });
  });

  it('is never called non-refundable', () => {
    expect(wholeText(refundable)).not.toMatch(/non-refundable/i);
    expect(wholeText(kept)).toMatch(/non-refundable/i);
  });

  it('the fee table says when it is due, not that it is kept', () => {
    expect(depositRow(refundable)).toMatchObject({ label: 'Deposit (50%, due before work starts)', value: '$6,000.00' });
    expect(depositRow(kept)).toMatchObject({ label: 'Deposit (50%, non-refundable, due before work starts)', value: '$6,000.00' });
  });

  it('termination refunds what was paid beyond what is owed, instead of keeping it, non-refundable or not (issue 23 point 7)', () => {
    expect(textOf(refundable, 'termination')).toContain('anything paid beyond what is owed is refunded within 14 days');
    for (const contract of [refundable, kept]) {
      expect(textOf(contract, 'termination')).not.toContain('the Freelancer keeps it');
      expect(textOf(contract, 'termination')).toContain('The Freelancer never keeps more than the work done, the approved expenses and the kill fee.');
    }
    expect(textOf(kept, 'termination')).toContain('the part of a non-refundable deposit that the work done and the kill fee do not use included, is refunded within 14 days');
    expect(textOf(kept, 'deposit')).toContain('any part of the deposit they do not use is credited against the Client');
    expect(textOf(kept, 'deposit')).toContain('final invoice or, if this Agreement ends or the final invoice is smaller, refunded within 14 days.');
  });
});

describe('payment in full, refundable', () => {
  it('does not say payments in advance are non-refundable', () => {
    const refundable = contractWith('retainer-prepaid', { percent: 100, nonRefundable: false });
    const kept = contractWith('retainer-prepaid', { percent: 100, nonRefundable: true });
    expect(textOf(refundable, 'deposit')).not.toMatch(/non-refundable/i);
    expect(textOf(kept, 'deposit')).toContain('Payments made in advance are non-refundable');
  });
});
