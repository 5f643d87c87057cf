import { beforeEach, describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { computeFacts } from '../../src/contract/facts.ts';
import { computeJaFacts } from '../../src/contract/facts-ja.ts';
import { sectionToText } from '../../src/contract/plain-text.ts';
import type { Contract, Table } from '../../src/contract/tree.ts';
import { JA_SAMPLE_NAMES, sampleAnswers, sampleInput } from '../helpers/samples.ts';

const library = loadContractLibrary();
const contractFor = (input: unknown): Contract => assembleContract(answersSchema.parse(input), library);
const textOf = (contract: Contract, id: string) => {
  const section = contract.sections.find((s) => s.id === id);
  if (!section) throw new Error(`no clause ${id}`);
  return sectionToText(section);
};
const feeTable = (contract: Contract) =>
  contract.sections.flatMap((s) => s.blocks).find((b): b is Table => b.type === 'table')!;

describe('every contract has the clauses PRODUCT.md lists, in order', () => {
  const expected = [
    'parties', 'scope', 'revisions', 'acceptance', 'fees', 'deposit', 'late-payment', 'responsiveness', 'client-materials', 'ownership',
    'copyright', 'communication', 'termination', 'independent-contractor', 'confidentiality', 'liability',
    'force-majeure', 'governing-law', 'general', 'signatures',
  ];
  it.each(['new-client-fixed', 'returning-client-hourly', 'retainer-prepaid'])('%s', (name) => {
    const contract = assembleContract(sampleAnswers(name), library);
    expect(contract.sections.map((s) => s.id)).toEqual(expected);
    for (const section of contract.sections) expect(section.note.length).toBeGreaterThan(20);
  });
});

describe('new client, fixed price (the article\'s main case)', () => {
  // Built before each test, not as the file is collected: a mutant is on only while tests run (test/README.md).
  let contract!: Contract;
  beforeEach(() => {
    contract = assembleContract(sampleAnswers('new-client-fixed'), library);
  });

  it('asks for a non-refundable 50% deposit of $6,000.00 before work starts', () => {
    expect(contract.sections.find((s) => s.id === 'deposit')!.variant).toBe('deposit');
    expect(textOf(contract, 'deposit')).toContain('50% of the total price, $6,000.00');
    expect(textOf(contract, 'deposit')).toContain('non-refundable');
  });

  it('shows the deposit and the balance in the fee table as the parts of the total, which ends it in bold', () => {
    expect(feeTable(contract).rows).toEqual([
      { label: 'Deposit (50%, non-refundable, due before work starts)', value: '$6,000.00' },
      { label: 'Balance due on completion', value: '$6,000.00' },
      { label: 'Total price', value: '$12,000.00', emphasis: true },
    ]);
  });

  it('lets work pause after 14 days of silence and bills the work done, with no kill fee for a pause', () => {
    const text = textOf(contract, 'responsiveness');
    expect(text).toContain('for 14 days counted from the day after the request was sent');
    expect(text).toContain('Work done up to the pause is invoiced in proportion to the work completed');
    expect(text).toContain('A pause is not an ending: it costs no kill fee.');
  });

  it('charges the 25% kill fee only at an ending the Client causes, with the arithmetic', () => {
    const text = textOf(contract, 'termination');
    expect(text).toContain('a kill fee of 25% of the fee not yet earned, which is the fixed price less the value of the work done');
    expect(text).toContain('it owes $2,400.00 plus a kill fee of 25% of $9,600.00 ($2,400.00), $4,800.00 in all');
  });

  it('names Oregon law, the Multnomah County circuit court and its small claims department', () => {
    const text = textOf(contract, 'governing-law');
    expect(text).toContain('the laws of the State of Oregon');
    expect(text).toContain('brought in the Oregon Circuit Court for Multnomah County');
    expect(text).toContain('in the small claims department of the Oregon Circuit Court in Multnomah County.');
  });

  it('assigns copyright on full payment and keeps a portfolio licence', () => {
    expect(contract.sections.find((s) => s.id === 'copyright')!.variant).toBe('assign-to-client');
    expect(textOf(contract, 'copyright')).toContain('licence to show the deliverables in the Freelancer’s portfolio');
    expect(textOf(contract, 'ownership')).toContain('paid every amount due under this Agreement in full');
  });

  it('gives both parties\' full contact details, phone numbers included', () => {
    const parties = textOf(contract, 'parties');
    for (const value of ['Jordan Lee', 'Lee Studio LLC', '+1 503 555 0142', 'Priya Natarajan', '+1 206 555 0199', 'priya@harborcoffee.example', '88 Pike St']) {
      expect(parties).toContain(value);
    }
  });

  it('names the file after the project', () => {
    expect(contract.meta.fileStem).toBe('Harbor-Coffee-website-redesign-contract');
    expect(contract.meta.author).toBe('Lee Studio LLC');
  });
});

describe('returning client, hourly, in pounds', () => {
  // Built before each test, not as the file is collected: a mutant is on only while tests run (test/README.md).
  let contract!: Contract;
  beforeEach(() => {
    contract = assembleContract(sampleAnswers('returning-client-hourly'), library);
  });

  it('takes 30% of the £5,100.00 estimate: £1,530.00', () => {
    expect(textOf(contract, 'deposit')).toContain('30% of the estimated fee, £1,530.00');
    expect(feeTable(contract).rows.map((r) => r.value)).toEqual(['£85.00', '60', '£1,530.00', '£3,570.00', '£5,100.00']);
  });

  it('leaves out the small-claims sentence when not chosen, and the kill fee when it is 0%', () => {
    expect(textOf(contract, 'governing-law')).not.toContain('small claims');
    expect(textOf(contract, 'termination')).not.toContain('kill fee of');
    expect(textOf(contract, 'responsiveness')).toContain('for 10 days counted');
  });

  it('keeps the copyright and licenses the client', () => {
    expect(contract.sections.find((s) => s.id === 'copyright')!.variant).toBe('retain-and-license');
  });

  it('writes venue wording that already names courts as typed', () => {
    expect(textOf(contract, 'governing-law')).toContain('brought in the courts of England and Wales sitting in London,');
  });
});

describe('retainer paid in full up front', () => {
  // Built before each test, not as the file is collected: a mutant is on only while tests run (test/README.md).
  let contract!: Contract;
  beforeEach(() => {
    contract = assembleContract(sampleAnswers('retainer-prepaid'), library);
  });

  it('reads as payment in full before each month, not as a deposit', () => {
    const section = contract.sections.find((s) => s.id === 'deposit')!;
    expect(section.variant).toBe('payment-in-full');
    expect(section.title).toBe('Payment in advance');
    expect(sectionToText(section)).toContain('Each month’s retainer, $2,500.00, is paid in full before that month begins');
    expect(feeTable(contract).rows.at(-1)).toEqual({ label: 'Monthly retainer, paid in full before each month begins', value: '$2,500.00', emphasis: true });
  });
});

describe('amounts in other currencies', () => {
  it('yen have no decimals', () => {
    const input = sampleInput('new-client-fixed');
    input.fee.currency = 'JPY';
    input.fee.total = 1_200_000;
    expect(textOf(contractFor(input), 'deposit')).toContain('¥600,000');
  });

  it('a deposit of an odd amount is rounded to the cent and the balance makes up the rest', () => {
    const input = sampleInput('new-client-fixed');
    input.fee.total = 1000.01;
    input.deposit.percent = 33;
    const rows = feeTable(contractFor(input)).rows.map((r) => r.value);
    expect(rows).toEqual(['$330.00', '$670.01', '$1,000.01']);
  });

  it('an hourly estimate multiplies without floating-point noise', () => {
    const input = sampleInput('returning-client-hourly');
    input.fee.rate = 0.1;
    input.fee.estimatedHours = 3;
    expect(feeTable(contractFor(input)).rows.at(-1)!.value).toBe('£0.30');
  });
});

describe('what a user types stays text', () => {
  it('markup characters in answers never become bold, bullets or blocks', () => {
    const input = sampleInput('new-client-fixed');
    input.client.name = '**Acme** ::signatures';
    input.project.description = '- not a bullet\n\n::fee-table\n**not bold**';
    const contract = contractFor(input);
    const scope = contract.sections.find((s) => s.id === 'scope')!;
    const description = scope.blocks[1]!;
    // Typed text is kept as typed: no markup read, no quotes made typographic, though the paragraph is part of point 2.1 (its colon introduces it).
    expect(description).toEqual({ type: 'paragraph', runs: [{ text: '- not a bullet\n\n::fee-table\n**not bold**' }], continuesPoint: true });
    expect(contract.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'table')).toHaveLength(1);
    expect(textOf(contract, 'parties')).toContain('represented by **Acme** ::signatures (the “Client”)');
  });
});

describe('facts are computed once per contract', () => {
  // Assembly computes an edition's facts once and puts the clause numbers in
  // `ref` itself, which is right only while nothing else in the facts depends on them.
  it('the English and Japanese facts differ with the cross-references only in `ref`', () => {
    expect.hasAssertions();
    const ref = { termination: 'clause 13', 'kill-fee': 'clause 9' };
    for (const name of ['new-client-fixed', 'returning-client-hourly', 'retainer-prepaid']) {
      const answers = sampleAnswers(name);
      expect(computeFacts(answers, ref)).toEqual({ ...computeFacts(answers), ref });
    }
    for (const name of JA_SAMPLE_NAMES) {
      const answers = sampleAnswers(name);
      expect(computeJaFacts(answers, ref)).toEqual({ ...computeJaFacts(answers), ref });
    }
  });
});
