// The contract names the freelancer-protection statute of its place, where one covers it.
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { sectionToText } from '../../src/contract/plain-text.ts';
import { sampleInput } from '../helpers/samples.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

function clauseText(input: Loose): string {
  const contract = assembleContract(answersSchema.parse(input), loadContractLibrary());
  return sectionToText(contract.sections.find((section) => section.id === 'independent-contractor')!);
}

describe('the contract names the freelancer-protection statute that requires it', () => {
  it('an Illinois retainer of $2,500 a month names the Freelance Worker Protection Act', () => {
    expect(clauseText(sampleInput('retainer-prepaid'))).toContain('This Agreement is the written contract that the Illinois Freelance Worker Protection Act (820 ILCS 193) requires.');
  });

  it('the same contract under New York law names the Freelance Isn\'t Free Act instead', () => {
    const input = sampleInput('retainer-prepaid');
    input.jurisdiction.governingLaw = 'State of New York';
    input.jurisdiction.venue = 'New York County, New York';
    const text = clauseText(input);
    expect(text).toContain("New York's Freelance Isn't Free Act (General Business Law article 44-A)");
    expect(text).not.toContain('Illinois');
  });

  it('a freelancer with employees is not a freelance worker, so the contract names no statute', () => {
    const input = sampleInput('retainer-prepaid');
    input.freelancer.hasEmployees = true;
    expect(clauseText(input)).not.toMatch(/Act|ILCS/);
  });

  it('an Oregon contract, a place without such a statute in the data, names none', () => {
    expect(clauseText(sampleInput('new-client-fixed'))).not.toMatch(/Act|ILCS/);
  });
});
