// Read as a client's lawyer would: over the whole answer space (every fee
// model, deposit 1–100%, kill fee on or off, 0–10 rounds, 0–90 days to pay,
// tax or none, any venue shape), no clause contradicts another, and every
// figure the contract prints is one the settlement model computed. The seed
// is fixed for the whole suite (test/setup/fast-check-seed.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersSchema, type Answers } from '../../src/answers/schema.ts';
import { formatMoney, money } from '../../src/answers/money.ts';
import { referencedClauses, refKey } from '../../src/clauses/load.ts';
import { renderClause } from '../../src/clauses/template.ts';
import { assembleContract, CONTRACT_DIRECTIVES } from '../../src/contract/assemble.ts';
import { computeFacts } from '../../src/contract/facts.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { blockToText, sectionToText } from '../../src/contract/plain-text.ts';
import { contractMoney, ending, exampleEndingInput, type Bill } from '../../src/contract/settlement.ts';
import type { Block, Contract, Table } from '../../src/contract/tree.ts';
import { sampleInput } from '../helpers/samples.ts';

const library = loadContractLibrary();

const VENUES = ['Tokyo District Court', 'Multnomah County, Oregon', 'Paris', 'the courts of London', 'Japan', 'High Court of Justice'];

const feeArb = fc.oneof(
  fc.record({ model: fc.constant('fixed'), total: fc.integer({ min: 1, max: 500_000 }) }),
  fc.record({ model: fc.constant('hourly'), rate: fc.integer({ min: 1, max: 500 }), estimatedHours: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    model: fc.constant('retainer'),
    monthly: fc.integer({ min: 1, max: 50_000 }),
    hoursPerMonth: fc.integer({ min: 1, max: 160 }),
    noticeDays: fc.option(fc.integer({ min: 1, max: 180 }), { nil: undefined }),
  }),
);

const answersArb = fc
  .record({
    fee: feeArb,
    currency: fc.constantFrom('USD', 'GBP', 'JPY', 'EUR'),
    paymentDueDays: fc.integer({ min: 0, max: 90 }),
    lateFee: fc.constantFrom(0, 1, 1.5, 2, 10),
    tax: fc.option(fc.record({ label: fc.constantFrom('VAT', 'GST', 'Sales tax'), percent: fc.constantFrom(5, 8.875, 10, 20) }), { nil: undefined }),
    paymentMethod: fc.option(fc.constant('Bank transfer to account 12345678'), { nil: undefined }),
    depositPercent: fc.integer({ min: 1, max: 100 }),
    nonRefundable: fc.boolean(),
    killFee: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 })),
    unresponsiveDays: fc.integer({ min: 1, max: 60 }),
    revisionRounds: fc.integer({ min: 0, max: 10 }),
    acceptanceDays: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    venue: fc.constantFrom(...VENUES),
    smallClaims: fc.boolean(),
    copyright: fc.constantFrom('assign-to-client', 'retain-and-license'),
    licence: fc.constantFrom('non-exclusive', 'exclusive'),
    portfolioUse: fc.boolean(),
    relationship: fc.constantFrom('new', 'returning'),
    clientBusiness: fc.boolean(),
  })
  .map((a): Answers => {
    const input = sampleInput('new-client-fixed');
    input.fee = {
      ...a.fee,
      currency: a.currency,
      paymentDueDays: a.paymentDueDays,
      lateFeePercentPerMonth: a.lateFee,
      ...(a.tax ? { tax: a.tax } : {}),
      ...(a.paymentMethod ? { paymentMethod: a.paymentMethod } : {}),
    };
    if (input.fee.noticeDays === undefined) delete input.fee.noticeDays;
    input.deposit = { percent: a.depositPercent, nonRefundable: a.nonRefundable };
    input.killFee = { unresponsiveDays: a.unresponsiveDays, percentOfRemainingFee: a.killFee };
    input.project.revisionRounds = a.revisionRounds;
    if (a.acceptanceDays !== undefined) input.project.acceptanceDays = a.acceptanceDays;
    input.jurisdiction = { ...input.jurisdiction, venue: a.venue, smallClaims: a.smallClaims };
    input.ownership = { ...input.ownership, copyright: a.copyright, licence: a.licence, portfolioUse: a.portfolioUse };
    input.client.relationship = a.relationship;
    if (!a.clientBusiness) delete input.client.business;
    return answersSchema.parse(input);
  });

// Each run assembles a whole contract: 150 per property keeps the file near ten seconds on a shared machine.
const RUNS = { numRuns: 150 };
const SLOW = 60_000;

const textOf = (contract: Contract, id: string) => {
  const section = contract.sections.find((s) => s.id === id);
  return section ? sectionToText(section) : '';
};
const allText = (contract: Contract) => contract.sections.map(sectionToText).join('\n\n');
const feeTable = (contract: Contract) => contract.sections.flatMap((s) => s.blocks).find((b): b is Table => b.type === 'table')!;

/** Every amount of money the settlement model computes for these answers, formatted. */
function settlementFigures(answers: Answers): Set<string> {
  const figures = contractMoney(answers);
  const bills: Bill[] = [figures.baseBill, figures.depositBill, figures.balanceBill];
  const example = ending(answers, exampleEndingInput(answers));
  const amounts = [
    figures.base, figures.deposit, figures.balance,
    ...bills.flatMap((bill) => [bill.net, bill.total, ...bill.taxes.map((t) => t.amount)]),
    example.workDone, example.feeNotEarned, example.killFee, example.earned, example.deposit,
    example.depositCredited, example.depositRefunded, example.refund, example.bill.net,
  ];
  // The rate and the monthly retainer are the answers themselves, printed as typed.
  const { fee } = answers;
  if (fee.model === 'hourly') amounts.push(money(fee.rate, fee.currency));
  if (fee.model === 'retainer') amounts.push(money(fee.monthly, fee.currency));
  return new Set(amounts.map(formatMoney));
}

const MONEY = /-?[$£¥€]\d{1,3}(?:,\d{3})*(?:\.\d+)?/g;

describe('one model, every clause agrees (fast-check over the answer space)', () => {
  it('every amount the contract prints is a figure of the settlement model', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const contract = assembleContract(answers, library);
        const allowed = settlementFigures(answers);
        for (const printed of allText(contract).match(MONEY) ?? []) {
          expect(allowed, `${printed} is not a settlement figure`).toContain(printed);
        }
      }),
      RUNS,
    );
  }, SLOW);

  it('the fee table is a sum: the deposit and the balance, above it, are the parts of the price, which ends it in bold; the deposit clause asks for the same deposit', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const contract = assembleContract(answers, library);
        const figures = contractMoney(answers);
        const rows = feeTable(contract).rows;
        const total = rows.at(-1)!;
        expect(rows.filter((r) => r.emphasis)).toEqual([total]);
        expect(total.value).toBe(formatMoney(figures.baseBill.total));
        if (figures.inFull) {
          expect(total.label).toContain(', paid in full before');
        } else {
          const deposit = rows.findIndex((r) => r.label.startsWith('Deposit'));
          const balance = rows.findIndex((r) => r.label.startsWith('Balance'));
          expect(rows[deposit]!.value).toBe(formatMoney(figures.deposit));
          expect(rows[balance]!.value).toBe(formatMoney(figures.balance));
          expect(figures.deposit.minor + figures.balance.minor).toBe(figures.base.minor);
          expect(deposit).toBeLessThan(balance);
          expect(balance).toBeLessThan(rows.length - 1);
        }
        const clause = textOf(contract, 'deposit');
        expect(clause).toContain(formatMoney(figures.deposit));
        if (figures.tax) expect(clause).toContain(`${formatMoney(figures.depositBill.total)} in all`);
        else expect(clause).not.toMatch(/in all/);
        // 100% reads as payment in full, never as a "deposit" with a balance of nothing.
        expect(contract.sections.find((s) => s.id === 'deposit')!.variant).toBe(figures.inFull ? 'payment-in-full' : 'deposit');
        expect(feeTable(contract).rows.some((r) => r.label.startsWith('Balance'))).toBe(!figures.inFull);
      }),
      RUNS,
    );
  }, SLOW);

  it('invoices are due "on receipt" exactly when the days to pay are 0', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const text = allText(assembleContract(answers, library));
        expect(text.includes('is due on receipt')).toBe(answers.fee.paymentDueDays === 0);
        expect(text).not.toMatch(/within 0 days|on receipt of its date/);
      }),
      RUNS,
    );
  }, SLOW);

  it('the kill fee is owed only at an ending, and never named when there is none', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const contract = assembleContract(answers, library);
        const hasKillFee = answers.killFee.percentOfRemainingFee > 0;
        for (const section of contract.sections) {
          const text = sectionToText(section);
          if (!hasKillFee) {
            expect(text, section.id).not.toMatch(/kill fee/i);
            continue;
          }
          if (section.id === 'termination') continue;
          // Elsewhere the kill fee is only ever said not to apply (a pause, an ending for force majeure), carved out of the liability cap, or owed at an ending (what a deposit pays for).
          const mentions = text.match(/[^.]*kill fee[^.]*/gi) ?? [];
          for (const mention of mentions) expect(mention, section.id).toMatch(/costs no kill fee|but no kill fee|, the kill fee,|the kill fee, late fees|the kill fee and approved|at an ending the Client causes, the kill fee/);
        }
        if (hasKillFee) {
          const termination = textOf(contract, 'termination');
          expect(termination).toContain(`kill fee of ${answers.killFee.percentOfRemainingFee}% of the fee not yet earned`);
          expect(textOf(contract, 'responsiveness')).toContain('A pause is not an ending: it costs no kill fee.');
        }
      }),
      RUNS,
    );
  }, SLOW);

  it('small claims appear exactly when chosen; the venue never reads "courts of ... Court"', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const text = allText(assembleContract(answers, library));
        expect(/small claims/i.test(text)).toBe(answers.jurisdiction.smallClaims);
        expect(text).not.toMatch(/courts of [^.,]*Court\b|\bthe the\b|for the courts/i);
      }),
      RUNS,
    );
  }, SLOW);

  it('revisions, acceptance and the retainer\'s notice read as the answers say', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const contract = assembleContract(answers, library);
        const revisions = textOf(contract, 'revisions');
        const rounds = answers.project.revisionRounds;
        if (rounds === 0) {
          expect(revisions).toContain('No rounds of revisions are included: every change to a deliverable is quoted in writing');
          expect(revisions).not.toMatch(/Further revisions/);
        } else {
          expect(revisions).toMatch(new RegExp(`includes \\w+ rounds? of revisions`));
        }
        const days = answers.project.acceptanceDays;
        expect(textOf(contract, 'acceptance')).toContain(`when no written objection reaches the Freelancer within ${days} ${days === 1 ? 'day' : 'days'} of delivery`);
        if (answers.fee.model === 'retainer') {
          const notice = answers.fee.noticeDays;
          expect(textOf(contract, 'fees')).toContain(`at least ${notice} ${notice === 1 ? 'day’s' : 'days’'} notice`);
        }
      }),
      RUNS,
    );
  }, SLOW);

  it('every "clause N" points at the clause the wording names, computed rather than typed', () => {
    expect.hasAssertions();
    for (const clause of library.clauses) expect(clause.source, clause.file).not.toMatch(/\bclause \d/i);
    const markers = Object.fromEntries(CONTRACT_DIRECTIVES.map((name) => [name, (): Block => ({ type: 'paragraph', runs: [{ text: '' }] })]));
    fc.assert(
      fc.property(answersArb, (answers) => {
        const contract = assembleContract(answers, library);
        const numberOf = new Map(contract.sections.map((section, index) => [refKey(section.id), index + 1]));
        // Render each clause again with a marker naming the clause each reference means...
        const named = Object.fromEntries([...numberOf.keys()].map((key) => [key, `⟦${key}⟧`]));
        const facts = computeFacts(answers, named);
        for (const section of contract.sections) {
          const clause = library.clauses.find((c) => c.id === section.id && c.variant === section.variant)!;
          const withNames = renderClause(clause.template, facts, markers);
          // ...and each marker, replaced by that clause's number, gives the contract's own wording.
          section.blocks.forEach((block, index) => {
            if (block.type !== 'paragraph' && block.type !== 'list') return;
            const expected = blockToText(withNames[index]!).replace(/⟦(\w+)⟧/g, (_m, key: string) => `clause ${numberOf.get(key)}`);
            expect(blockToText(block), section.id).toBe(expected);
          });
          for (const key of referencedClauses(clause.source)) expect(numberOf.has(key), `${section.id} refers to ${key}`).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  }, SLOW);

  it('the parties are defined once, as the Freelancer and the Client', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const parties = textOf(assembleContract(answers, library), 'parties');
        expect(parties).toContain('(the “Freelancer”)');
        expect(parties).toContain('(the “Client”)');
        expect(parties).toContain(`${answers.client.business ?? answers.client.name}`);
      }),
      RUNS,
    );
  }, SLOW);
});

describe('the settlement model over the answer space', () => {
  const endingArb = fc.record({
    cause: fc.constantFrom('client' as const, 'freelancer' as const),
    workShare: fc.integer({ min: 0, max: 120 }),
    noticeDaysGiven: fc.integer({ min: 0, max: 200 }),
    paymentsMade: fc.integer({ min: 0, max: 10_000 }),
  });

  it('never asks for less than nothing, keeps only the deposit, and refunds the rest of what was paid', () => {
    fc.assert(
      fc.property(answersArb, endingArb, (answers, e) => {
        const figures = contractMoney(answers);
        const { fee } = answers;
        const digits = fee.currency === 'JPY' ? 0 : 2;
        const workDoneAmount = Math.round(((figures.base.minor * e.workShare) / 100)) / 10 ** digits;
        const hoursWorked = fee.model === 'hourly' ? Math.round((fee.estimatedHours * e.workShare) / 100) : undefined;
        const result = ending(answers, { cause: e.cause, workDoneAmount, hoursWorked, noticeDaysGiven: e.noticeDaysGiven, paymentsMade: e.paymentsMade });
        expect(result.bill.net.minor).toBeGreaterThanOrEqual(0);
        expect(result.bill.total.minor).toBeGreaterThanOrEqual(0);
        expect(result.refund.minor).toBeGreaterThanOrEqual(0);
        // Everything paid is either credited or refunded: nothing disappears, and nothing is kept
        // beyond work done and kill fee (issue 23 point 7), whether the deposit is non-refundable or not.
        const credited = -result.bill.lines.filter((l) => l.kind.endsWith('credit')).reduce((sum, l) => sum + l.amount.minor, 0);
        expect(credited + result.refund.minor).toBe(result.deposit.minor + result.paymentsMade.minor);
        expect(credited).toBeLessThanOrEqual(result.earned.minor);
        if (e.cause === 'freelancer') expect(result.killFee.minor).toBe(0);
        // Owed = work done + kill fee − what was paid, never below zero.
        expect(result.bill.net.minor).toBe(Math.max(0, result.earned.minor - result.deposit.minor - result.paymentsMade.minor));
      }),
      RUNS,
    );
  }, SLOW);
});
