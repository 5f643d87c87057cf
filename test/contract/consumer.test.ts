// A private client (client.kind "consumer", issue 23 point 3): the consumer law
// of the place limits the deposit kept and the kill fee to the real loss, and
// the contract says so; the Freelance Act is not named for a client with no business.
import { beforeEach, describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { sectionToText } from '../../src/contract/plain-text.ts';
import { ending } from '../../src/contract/settlement.ts';
import type { Contract } from '../../src/contract/tree.ts';
import { answerProblems, sampleInput } from '../helpers/samples.ts';

const library = loadContractLibrary();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function answersFor(name: string, change: (input: any) => void) {
  const input = sampleInput(name);
  change(input);
  return answersSchema.parse(input);
}
const textOf = (c: Contract, id: string) => sectionToText(c.sections.find((s) => s.id === id)!);
const wholeText = (c: Contract) => c.sections.map(sectionToText).join('\n');

describe('the kind of client in the answers', () => {
  it('is a business when the answers do not say, so every example stays as it was', () => {
    expect(answersSchema.parse(sampleInput('new-client-fixed')).client.kind).toBe('business');
  });

  it('names the field when the kind is not one of the two', () => {
    const input = sampleInput('new-client-fixed');
    input.client.kind = 'household';
    expect(answerProblems(input)['client.kind']).toEqual(['Select whether the client is a business or a private person: "business" or "consumer"']);
  });
});

describe('California: Civil Code section 1671(d)', () => {
  const consumer = answersFor('new-client-fixed', (input) => {
    input.jurisdiction.governingLaw = 'State of California';
    input.jurisdiction.venue = 'Los Angeles County, California';
    input.client.kind = 'consumer';
  });
  // Built before each test, not as the file is collected: a mutant is on only while tests run (test/README.md).
  let contract!: Contract;
  beforeEach(() => {
    contract = assembleContract(consumer, library);
  });

  it('the deposit is kept only for what is owed, never beyond the real loss, and the rest refunded', () => {
    const deposit = textOf(contract, 'deposit');
    expect(deposit).toContain('The Client is a consumer, so the Freelancer keeps the deposit only for what the Client owes under clause 13, which is never more than the loss the work and the ending actually cause the Freelancer, as California Civil Code section 1671(d) allows.');
    expect(wholeText(contract)).not.toMatch(/non-refundable/i);
  });

  it('the kill fee is a ceiling limited to the loss, with the rule of 1671(d) stated', () => {
    const termination = textOf(contract, 'termination');
    expect(termination).toContain('The kill fee is limited to the loss the ending actually causes the Freelancer');
    expect(termination).toContain('an agreed sum for a breach is void unless the actual damage would be impracticable or extremely difficult to fix (California Civil Code section 1671(d))');
  });

  it('an ending keeps nothing of the deposit beyond work done and kill fee: the rest goes back', () => {
    // $2,400 of work and a $2,400 kill fee against a $6,000 deposit: the other $1,200 goes back, for a business client too (issue 23 point 7).
    const business = ending(answersFor('new-client-fixed', () => {}), { workDoneAmount: 2400 });
    expect(business.refund.minor).toBe(120_000);
    const result = ending(consumer, { workDoneAmount: 2400 });
    expect(result.depositRefunded.minor).toBe(120_000);
    expect(result.refund.minor).toBe(120_000);
  });

  it('a business client in California keeps the non-refundable deposit and no consumer wording', () => {
    const business = assembleContract(answersFor('new-client-fixed', (input) => {
      input.jurisdiction.governingLaw = 'State of California';
      input.jurisdiction.venue = 'Los Angeles County, California';
    }), library);
    expect(textOf(business, 'deposit')).toContain('non-refundable');
    expect(wholeText(business)).not.toContain('consumer');
  });
});

describe('England: Consumer Rights Act 2015, Schedule 2', () => {
  // Built before each test, not as the file is collected: a mutant is on only while tests run (test/README.md).
  let contract!: Contract;
  beforeEach(() => {
    contract = assembleContract(answersFor('new-client-fixed', (input) => {
      input.jurisdiction.governingLaw = 'England and Wales';
      input.jurisdiction.venue = 'London';
      input.fee.currency = 'GBP';
      input.client.kind = 'consumer';
    }), library);
  });

  it('limits the deposit kept and the kill fee, naming the Act and its rule', () => {
    expect(textOf(contract, 'deposit')).toContain('as the Consumer Rights Act 2015, Schedule 2 allows');
    const termination = textOf(contract, 'termination');
    expect(termination).toContain('A Client who is a consumer.');
    expect(termination).toContain('a disproportionately high sum in compensation');
    expect(termination).not.toContain('the Freelancer keeps it, because it is non-refundable');
  });
});

describe('Japan: 消費者契約法第9条第1項第1号', () => {
  const consumer = answersFor('ja/tokyo-fixed', (input) => (input.client.kind = 'consumer'));
  // Built before each test, not as the file is collected: a mutant is on only while tests run (test/README.md).
  let text!: string;
  beforeEach(() => {
    text = wholeText(assembleContract(consumer, library));
  });

  it('caps the キャンセル料 at the average loss and refunds the deposit beyond what is owed', () => {
    expect(text).toContain('ただし、委託者が消費者であるときは、キャンセル料は、同種の契約の解除に伴い受託者に生ずべき平均的な損害の額を超えない額に限る（消費者契約法第9条第1項第1号）。');
    expect(text).toContain('委託者は消費者であるため、本契約が終了したときは、受託者は、着手金のうち');
    expect(text).not.toContain('着手金は、理由の如何を問わず返還しない');
  });

  it('does not name the Freelance Act for a client with no business', () => {
    const business = wholeText(assembleContract(answersFor('ja/tokyo-fixed', () => {}), library));
    expect(business).toMatch(/特定受託事業者/);
    expect(text).not.toMatch(/特定受託事業者|フリーランス/);
  });
});

describe('the kill fee under Japanese law is compensation, not a price (issue 23, point 1)', () => {
  const answers = answersFor('ja/tokyo-fixed', () => {});

  it('the contract adds no 消費税 to the キャンセル料', () => {
    const termination = sectionToText(assembleContract(answers, library).sections.find((s) => s.id === 'termination')!);
    expect(termination).toContain('キャンセル料は損害賠償金であり、消費税の課税の対象とならないため、消費税を加えない。');
    expect(termination).not.toContain('これらの金額は消費税別とし');
  });

  it('the ending bill charges 消費税 on the work only, the kill fee line untaxed', () => {
    const bill = ending(answers, { workDoneAmount: 240_000 }).bill;
    const killFee = bill.lines.find((line) => line.kind === 'kill-fee')!;
    expect(killFee.taxable).toBe(false);
    const taxedBase = bill.lines.filter((line) => line.taxable).reduce((sum, line) => sum + line.amount.minor, 0);
    expect(bill.taxes[0]!.amount.minor).toBe(Math.round(taxedBase * 0.1));
  });

  it('an English contract under English law still adds VAT to the kill fee (HMRC Brief 2/2022)', () => {
    const english = answersFor('new-client-fixed', (input) => {
      input.jurisdiction.governingLaw = 'England and Wales';
      input.jurisdiction.venue = 'London';
      input.fee.currency = 'GBP';
      input.fee.tax = { label: 'VAT', percent: 20 };
    });
    expect(ending(english, { workDoneAmount: 2400 }).bill.lines.find((line) => line.kind === 'kill-fee')!.taxable).toBe(true);
    expect(textOf(assembleContract(english, library), 'termination')).toContain('These amounts are before VAT, which is added to what is owed.');
  });
});
