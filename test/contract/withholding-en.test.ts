// Issue 23, point 2: the English contract said "¥1,500,000 plus Consumption tax of
// ¥150,000, ¥1,445,800 in all", taking withholding off silently. The total now adds
// up, and what is withheld is said in words.
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { sectionToText } from '../../src/contract/plain-text.ts';
import { sampleInput } from '../helpers/samples.ts';

const library = loadContractLibrary();

function depositText(change: (input: ReturnType<typeof sampleInput>) => void): string {
  const input = sampleInput('new-client-fixed');
  input.fee.currency = 'JPY';
  input.fee.total = 3_000_000;
  input.fee.tax = { label: 'Consumption tax', percent: 10 };
  input.jurisdiction.governingLaw = 'Japan';
  input.jurisdiction.venue = 'Tokyo';
  change(input);
  return sectionToText(assembleContract(answersSchema.parse(input), library).sections.find((s) => s.id === 'deposit')!);
}

describe('the English deposit with Japanese withholding', () => {
  it('states the deposit with its tax as a sum that adds up, then the income tax withheld and the transfer', () => {
    const text = depositText((input) => (input.fee.withholding = true));
    expect(text).toContain('¥1,500,000 plus Consumption tax of ¥150,000, ¥1,650,000 in all.');
    // 10.21% of ¥1,000,000 and 20.42% of the other ¥500,000.
    expect(text).toContain('The Client withholds income tax of ¥204,200 from it, as Japanese law requires, and transfers ¥1,445,800.');
  });

  it('says nothing of withholding when there is none', () => {
    const text = depositText((input) => (input.fee.withholding = false));
    expect(text).toContain('¥1,650,000 in all.');
    expect(text).not.toMatch(/withholds/);
  });
});
