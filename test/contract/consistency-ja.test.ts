// The consistency properties of consistency.test.ts, over Japanese answers
// (clauses/contract-ja/): every amount printed is a settlement figure (the
// 源泉徴収 lines included), the deposit clause and the fee table agree, small
// claims and the kill fee appear exactly when chosen, and every 第N条 is the
// clause the wording names. The seed is fixed for the suite.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersSchema, type Answers } from '../../src/answers/schema.ts';
import { money } from '../../src/answers/money.ts';
import { referencedClauses, refKey } from '../../src/clauses/load.ts';
import { renderClause } from '../../src/clauses/template.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { JA_DIRECTIVES, japaneseContractEdition } from '../../src/contract/edition-ja.ts';
import { computeJaFacts, SMALL_CLAIMS_LIMIT_YEN, STAMP_NO_AMOUNT_YEN, stampDutyNo1Yen, stampDutyYen } from '../../src/contract/facts-ja.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { blockToText, sectionToText } from '../../src/contract/plain-text.ts';
import { contractMoney, ending, exampleEndingInput, WITHHOLDING_THRESHOLD_YEN, type Bill } from '../../src/contract/settlement.ts';
import type { Block, Contract, Table } from '../../src/contract/tree.ts';
import { formatsFor } from '../../src/language/format.ts';
import { sampleInput } from '../helpers/samples.ts';

const english = loadContractLibrary();
const edition = japaneseContractEdition();
const ja = formatsFor('ja');

const feeArb = fc.oneof(
  fc.record({ model: fc.constant('fixed'), total: fc.integer({ min: 1_000, max: 5_000_000 }) }),
  fc.record({ model: fc.constant('hourly'), rate: fc.integer({ min: 1_000, max: 30_000 }), estimatedHours: fc.integer({ min: 1, max: 300 }) }),
  fc.record({
    model: fc.constant('retainer'),
    monthly: fc.integer({ min: 10_000, max: 2_000_000 }),
    hoursPerMonth: fc.integer({ min: 1, max: 160 }),
    // A Japanese retainer gives at least 30 days' notice (Freelance Act art. 16).
    noticeDays: fc.option(fc.integer({ min: 30, max: 180 }), { nil: undefined }),
  }),
);

const answersArb = fc
  .record({
    fee: feeArb,
    paymentDueDays: fc.integer({ min: 0, max: 60 }),
    lateFee: fc.constantFrom(0, 1, 1.2, 1.5),
    taxPercent: fc.constantFrom(8, 10),
    depositPercent: fc.integer({ min: 1, max: 100 }),
    nonRefundable: fc.boolean(),
    killFee: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 })),
    unresponsiveDays: fc.integer({ min: 1, max: 60 }),
    revisionRounds: fc.integer({ min: 0, max: 10 }),
    place: fc.constantFrom('東京', '大阪府', '神奈川県', '北海道', '那覇'),
    smallClaims: fc.boolean(),
    copyright: fc.constantFrom('assign-to-client', 'retain-and-license'),
    licence: fc.constantFrom('non-exclusive', 'exclusive'),
    portfolioUse: fc.boolean(),
    entity: fc.constantFrom('individual', 'company'),
    hasEmployees: fc.boolean(),
    registered: fc.boolean(),
    clientBusiness: fc.boolean(),
  })
  .map((a): Answers => {
    const input = sampleInput('ja/tokyo-fixed');
    input.fee = { ...a.fee, currency: 'JPY', paymentDueDays: a.paymentDueDays, lateFeePercentPerMonth: a.lateFee, tax: { label: '消費税', percent: a.taxPercent } };
    if (input.fee.noticeDays === undefined) delete input.fee.noticeDays;
    input.deposit = { percent: a.depositPercent, nonRefundable: a.nonRefundable };
    input.killFee = { unresponsiveDays: a.unresponsiveDays, percentOfRemainingFee: a.killFee };
    input.project.revisionRounds = a.revisionRounds;
    input.jurisdiction = { ...input.jurisdiction, place: a.place, smallClaims: a.smallClaims };
    input.ownership = { ...input.ownership, copyright: a.copyright, licence: a.licence, portfolioUse: a.portfolioUse };
    input.freelancer = { ...input.freelancer, entity: a.entity, hasEmployees: a.hasEmployees, ...(a.registered ? { invoiceRegistrationNumber: 'T9234567890123' } : {}) };
    if (a.entity === 'company') input.freelancer.business = '合同会社サンプル';
    if (!a.clientBusiness) delete input.client.business;
    return answersSchema.parse(input);
  });

const RUNS = { numRuns: 100 };
const SLOW = 60_000;

const textOf = (contract: Contract, id: string) => {
  const section = contract.sections.find((s) => s.id === id);
  return section ? sectionToText(section) : '';
};
const allText = (contract: Contract) => contract.sections.map(sectionToText).join('\n\n');
const feeTable = (contract: Contract) => contract.sections.flatMap((s) => s.blocks).find((b): b is Table => b.type === 'table')!;

/** Every amount the settlement model computes for these answers, and the amounts the law fixes. */
function allowedFigures(answers: Answers): Set<string> {
  const figures = contractMoney(answers);
  const bills: Bill[] = [figures.baseBill, figures.depositBill, figures.balanceBill];
  const example = ending(answers, exampleEndingInput(answers));
  const amounts = [
    figures.base, figures.deposit, figures.balance,
    ...bills.flatMap((bill) => [bill.net, bill.gross, bill.total, ...bill.taxes.map((t) => t.amount), ...bill.deductions.map((d) => ({ ...d.amount, minor: -d.amount.minor }))]),
    example.workDone, example.feeNotEarned, example.killFee, example.earned, example.deposit,
    example.depositCredited, example.depositRefunded, example.refund, example.bill.net,
  ];
  const { fee } = answers;
  if (fee.model === 'hourly') amounts.push(money(fee.rate, 'JPY'));
  if (fee.model === 'retainer') amounts.push(money(fee.monthly, 'JPY'));
  // Fixed by law, not by the answers: the small-claims limit, the withholding threshold, the stamp duty.
  amounts.push(money(SMALL_CLAIMS_LIMIT_YEN, 'JPY'), money(WITHHOLDING_THRESHOLD_YEN, 'JPY'));
  // The stamp: 第2号文書, or 第1号の1文書 when copyright is assigned (by amount, or 200円 with none stated).
  amounts.push(money(stampDutyYen(figures.base.minor), 'JPY'), money(stampDutyNo1Yen(figures.base.minor), 'JPY'), money(STAMP_NO_AMOUNT_YEN, 'JPY'));
  return new Set(amounts.map(ja.money));
}

// An amount; 「1円未満切捨て」 states the rounding rule, not an amount.
const YEN = /\d{1,3}(?:,\d{3})*円(?!未満)/g;

describe('the Japanese contract: one model, every clause agrees (fast-check)', () => {
  it('every amount the contract prints is a figure of the settlement model (or one the law fixes)', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const contract = assembleContract(answers, english);
        const allowed = allowedFigures(answers);
        const table = feeTable(contract).rows.map((row) => row.value).join('\n');
        for (const printed of `${allText(contract)}\n${table}`.match(YEN) ?? []) {
          expect(allowed, `${printed} is not a settlement figure`).toContain(printed);
        }
      }),
      RUNS,
    );
  }, SLOW);

  it('the deposit clause and the fee table ask for the same payment, withheld from exactly for an individual', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const contract = assembleContract(answers, english);
        const figures = contractMoney(answers);
        const clause = textOf(contract, 'deposit');
        const rows = feeTable(contract).rows;
        expect(clause).toContain(ja.money(figures.deposit));
        expect(clause).toContain(ja.money(figures.depositBill.gross));
        const withholds = answers.freelancer.entity === 'individual';
        expect(answers.fee.withholding).toBe(withholds);
        expect(rows.some((row) => row.label.includes('源泉徴収税額'))).toBe(withholds && figures.depositBill.deductions.length > 0);
        if (withholds) expect(clause).toContain(`振込額は${ja.money(figures.depositBill.total)}`);
        else expect(clause).not.toContain('源泉徴収');
        expect(contract.sections.find((s) => s.id === 'deposit')!.variant).toBe(figures.inFull ? 'payment-in-full' : 'deposit');
      }),
      RUNS,
    );
  }, SLOW);

  it('small claims appear exactly when chosen, with the courts of the place', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const text = allText(assembleContract(answers, english));
        expect(text.includes('少額訴訟')).toBe(answers.jurisdiction.smallClaims);
        expect(text).toMatch(/(\S+)地方裁判所又は\1簡易裁判所を第一審の専属的合意管轄裁判所とする/);
      }),
      RUNS,
    );
  }, SLOW);

  it('the kill fee (キャンセル料) is owed only at an ending, and never named when there is none', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const contract = assembleContract(answers, english);
        const hasKillFee = answers.killFee.percentOfRemainingFee > 0;
        for (const section of contract.sections) {
          const mentions = sectionToText(section).match(/[^。]*キャンセル料[^。]*/g) ?? [];
          for (const mention of mentions) {
            if (section.id === 'termination' && hasKillFee) continue;
            // Elsewhere only said not to arise, or owed at an ending (what a 着手金 pays for).
            expect(mention, section.id).toMatch(/キャンセル料は生じない|委託者の事由による終了の際のキャンセル料/);
          }
        }
        if (hasKillFee) expect(textOf(contract, 'termination')).toContain(`の${answers.killFee.percentOfRemainingFee}%`);
      }),
      RUNS,
    );
  }, SLOW);

  it('the Freelance Act is named exactly when the freelancer has no employees', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const text = allText(assembleContract(answers, english));
        expect(text.includes('フリーランス・事業者間取引適正化等法')).toBe(!answers.freelancer.hasEmployees);
        expect(text.includes('登録番号はT9234567890123')).toBe(Boolean(answers.freelancer.invoiceRegistrationNumber));
      }),
      RUNS,
    );
  }, SLOW);

  it('every 第N条 points at the clause the wording names, computed rather than typed', () => {
    expect.hasAssertions();
    // A statute's article (民法第641条, 同法第3条) is law, not a clause of this contract.
    const withoutStatutes = (source: string) => source.replace(/法第\d+条(?:(?:及び|、)第\d+条)*/g, '法');
    for (const clause of edition.library.clauses) expect(withoutStatutes(clause.source), clause.file).not.toMatch(/第\d+条/);
    const markers = Object.fromEntries(JA_DIRECTIVES.map((name) => [name, (): Block => ({ type: 'paragraph', runs: [{ text: '' }] })]));
    fc.assert(
      fc.property(answersArb, (answers) => {
        const contract = assembleContract(answers, english);
        const numberOf = new Map(contract.sections.map((section, index) => [refKey(section.id), index + 1]));
        const named = Object.fromEntries([...numberOf.keys()].map((key) => [key, `⟦${key}⟧`]));
        const facts = computeJaFacts(answers, named);
        for (const section of contract.sections) {
          const clause = edition.library.clauses.find((c) => c.id === section.id && c.variant === section.variant)!;
          const withNames = renderClause(clause.template, facts, markers);
          section.blocks.forEach((block, index) => {
            if (block.type !== 'paragraph' && block.type !== 'list') return;
            const expected = blockToText(withNames[index]!).replace(/⟦(\w+)⟧/g, (_m, key: string) => `第${numberOf.get(key)}条`);
            expect(blockToText(block), section.id).toBe(expected);
          });
          for (const key of referencedClauses(clause.source)) expect(numberOf.has(key), `${section.id} refers to ${key}`).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  }, SLOW);
});
