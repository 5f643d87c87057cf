// England and Wales: the Money Claim Online figures and the pre-action letter; the US, Scotland and the EU:
// where the claim goes. Every figure is worked by hand in the comment beside it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMoney, money } from '../../src/answers/money.ts';
import { assembleClaimPack, statementFigures } from '../../src/claims/claim-pack.ts';
import { claimPackRequestSchema } from '../../src/claims/claim-pack-request.ts';
import { courtFee, FEE_TABLE_FILE, moneyClaimFeeTable, moneyClaimFigures } from '../../src/claims/money-claim.ts';
import { debtorOf } from '../../src/claims/pre-action.ts';
import { whereToClaimBlocks } from '../../src/claims/where-to-claim.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import type { Block } from '../../src/contract/tree.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { claimPackRequest, ENGLAND_BALANCE, englandAnswers, OREGON_INVOICES } from '../helpers/claim-packs.ts';
import { sampleInput } from '../helpers/samples.ts';

const libraries = { contract: loadContractLibrary(), letters: loadLetterLibrary() };

/**
 * England: £5,100 fixed, 30% deposit, balance £3,570 invoiced 16 Dec 2025 on 30 days, due 15 Jan 2026, unpaid;
 * the statement on 16 Mar 2026, 60 days after the due date.
 */
function englandRequest(change: (answers: ReturnType<typeof sampleInput>) => void = () => {}, extra: Record<string, unknown> = {}) {
  const answers = englandAnswers();
  change(answers);
  return { ...claimPackRequest(answers, '2026-03-16', [ENGLAND_BALANCE]), ...extra };
}

function packOf(input: unknown) {
  const request = claimPackRequestSchema.parse(input);
  const trees = assembleClaimPack(request, libraries);
  const currency = request.answers.fee.currency;
  const figures = statementFigures({ answers: request.answers, invoices: trees.invoices, asOf: request.asOf, payments: request.payments.map((payment) => ({ ...payment, amount: money(payment.amount, currency) })) });
  return { request, trees, figures };
}

const textOf = (blocks: readonly Block[]) =>
  blocks
    .map((block) => {
      if (block.type === 'paragraph') return block.runs.map((run) => run.text).join('');
      if (block.type === 'list') return block.items.map((item) => item.map((run) => run.text).join('')).join('\n');
      if (block.type === 'table') return [block.caption, ...block.rows.map((row) => `${row.label}: ${row.value}`)].join('\n');
      return '';
    })
    .join('\n');

describe('the court fee for a money claim (GOV.UK fee table, checked 6 December 2026)', () => {
  it.each([
    [300, '£35.00'], // up to £300
    [300.01, '£50.00'], // £300.01 to £500
    [3708.95, '£205.00'], // £3,000.01 to £5,000
    [10_000, '£455.00'], // £5,000.01 to £10,000
    [10_000.01, '£500.00'], // 5% = £500.0005, rounded down to the penny
    [12_345.67, '£617.28'], // 5% = £617.2835 -> £617.28
    [250_000, '£10,000.00'], // more than £200,000
  ])('a claim of £%s pays %s', (claim, fee) => {
    expect(formatMoney(courtFee(money(claim, 'GBP')).fee)).toBe(fee);
  });

  it('a fee table out of order is refused with its file and field named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fees-'));
    const file = join(dir, 'fees.yaml');
    writeFileSync(file, readFileSync(FEE_TABLE_FILE, 'utf8').replace('upTo: 500', 'upTo: 200'));
    expect(() => moneyClaimFeeTable(file)).toThrow(/fees\.yaml: bands\.1\.upTo must be higher than the band before it/);
    writeFileSync(file, readFileSync(FEE_TABLE_FILE, 'utf8').replace('percentAbove: 5', 'percentAbove: five'));
    expect(() => moneyClaimFeeTable(file)).toThrow(/fees\.yaml: percentAbove /);
  });
});

describe('the figures Money Claim Online asks for', () => {
  it('a business client: the Late Payment Act\'s interest, its daily rate, the £70 and the fee band of the total', () => {
    const { request, figures } = packOf(englandRequest());
    const claim = moneyClaimFigures(figures, request.asOf);
    // Bank Rate 3.75% on 31 Dec 2025 + 8 = 11.75% (Act s. 4(2), SI 2002/1675 art. 4); 15 Jan to 16 Mar 2026 = 60 days.
    // 3,570 x 0.1175 x 60 / 365 = 68.9548 -> £68.95; a day: 3,570 x 0.1175 / 365 = 1.1492 -> £1.15.
    expect(claim.interest).toEqual([expect.objectContaining({ invoice: 'INV-2026-002', basis: 'late-payment-act', percent: 11.75, days: 60 })]);
    expect(formatMoney(claim.interestClaimed)).toBe('£68.95');
    expect(formatMoney(claim.dailyRate)).toBe('£1.15');
    // s. 5A(2): £70 for a debt of £1,000 or more but less than £10,000.
    expect(formatMoney(claim.amountClaimed)).toBe('£3,640.00');
    // 3,570 + 70 + 68.95 = 3,708.95, in the £3,000.01 to £5,000 band: £205.
    expect(formatMoney(claim.totalClaim)).toBe('£3,708.95');
    expect(claim.courtFeeBand).toBe('£3,000.01 to £5,000');
    expect(formatMoney(claim.courtFee)).toBe('£205.00');
    expect(formatMoney(claim.totalWithFee)).toBe('£3,913.95');
    expect(claim.online).toBe(true);
  });

  it('a consumer client: the Act does not apply, so 8% under the County Courts Act s. 69 and no fixed sum', () => {
    const { request, figures } = packOf(englandRequest((answers) => {
      answers.client.kind = 'consumer';
    }));
    const claim = moneyClaimFigures(figures, request.asOf);
    // 3,570 x 0.08 x 60 / 365 = 46.9479 -> £46.95; a day: 3,570 x 0.08 / 365 = 0.7825 -> £0.78.
    expect(claim.interest).toEqual([expect.objectContaining({ basis: 'county-courts-act', percent: 8, days: 60 })]);
    expect(formatMoney(claim.interestClaimed)).toBe('£46.95');
    expect(formatMoney(claim.dailyRate)).toBe('£0.78');
    expect(formatMoney(claim.compensation)).toBe('£0.00');
    expect(formatMoney(claim.totalClaim)).toBe('£3,616.95');
  });

  it('is a page of the statement of account, with the basis of the interest in words', () => {
    const { trees } = packOf(englandRequest());
    const text = textOf(trees.statement.blocks);
    expect(text).toContain('The figures Money Claim Online asks for (England and Wales)');
    expect(text).toContain('Court fee (claims £3,000.01 to £5,000): £205.00');
    expect(text).toContain(
      'Invoice INV-2026-002: interest under the Late Payment of Commercial Debts (Interest) Act 1998 at 11.75% a year on £3,570.00 from the day after January 15, 2026 ' +
        'to the date of this statement (60 days): £68.95, and £1.15 a day after that until judgment or payment.',
    );
  });
});

describe('the pre-action letter in England and Wales', () => {
  it('to an individual is the Protocol\'s letter of claim, with its required contents and 30 days', () => {
    const { trees } = packOf(englandRequest((answers) => {
      answers.client.kind = 'consumer';
      answers.client.business = undefined;
    }));
    const letter = trees.preAction!;
    expect(letter.kind).toBe('letter-of-claim');
    const text = textOf(letter.blocks);
    // Para 3.1: the amount, how it is made up, whether interest continues and its basis, the written agreement
    // and that a copy can be asked for, how to pay and by instalments, where the Reply Form goes, 30 days.
    expect(text).toContain('This is a Letter of Claim under the Pre-Action Protocol for Debt Claims');
    // A consumer owes no statutory interest: the debt is the invoice; s. 69 interest is the court's to award,
    // so the letter says it will be asked for (3,570 x 8% x 60/365 = £46.95; £0.78 a day), not that it is owed.
    expect(text).toContain('You owe me £3,570.00 on March 16, 2026');
    expect(text).toContain('Invoice INV-2026-002, sent December 16, 2025, due January 15, 2026: £3,570.00');
    expect(text).not.toContain('Interest on invoice');
    expect(text).toContain(
      'No interest is being added to the debt now, but if I have to start a claim, I will ask the court for interest at 8% a year under section 69 ' +
        'of the County Courts Act 1984 from each due date: £46.95 to March 16, 2026, and £0.78 a day after that.',
    );
    expect(text).toContain('You can ask me for a copy of the agreement');
    expect(text).toContain('offer to pay it by instalments');
    // 16 March 2026 + 30 days = 15 April 2026.
    expect(text).toContain('within 30 days of the date of this letter, that is by April 15, 2026');
    expect(letter.enclosures!.join(' ')).toMatch(/statement of account.*Information Sheet and Reply Form \(Annex 1 to the Pre-Action Protocol for Debt Claims\).*Financial Statement/);
  });

  it('to a company is a letter before action with 14 days and the court fee it risks', () => {
    const { trees } = packOf(englandRequest((answers) => {
      answers.client.business = 'Harbour Goods Ltd';
    }));
    const letter = trees.preAction!;
    expect(letter.kind).toBe('letter-before-action');
    const text = textOf(letter.blocks);
    // 16 March 2026 + 14 days = 30 March 2026.
    expect(text).toContain('within 14 days, that is by March 30, 2026');
    // £3,570 + £70 (s. 5A) + £68.95 interest at 11.75% for 60 days, owed under the Act.
    expect(text).toContain('Harbour Goods Ltd owes me £3,708.95 on March 16, 2026');
    expect(text).toContain('Interest on invoice INV-2026-002 at 11.75% a year from January 16, 2026 (Late Payment of Commercial Debts (Interest) Act 1998): £68.95');
    expect(text).toContain('Interest is continuing at £1.15 a day under the Late Payment of Commercial Debts (Interest) Act 1998');
    expect(text).toContain('the court fee (£205.00 for a claim of this size)');
    expect(text).not.toContain('Reply Form');
  });

  it('reads the client as an individual unless told or named as a company', () => {
    const client = (kind: 'business' | 'consumer', business?: string) => ({ client: { ...sampleInput('returning-client-hourly').client, kind, business } });
    expect(debtorOf(client('business', 'Harbour Goods Limited'))).toBe('company');
    expect(debtorOf(client('business', 'Harbour Goods'))).toBe('individual');
    expect(debtorOf(client('business', 'Harbour Goods'), 'company')).toBe('company');
    // A consumer is an individual whatever the request says.
    expect(debtorOf(client('consumer'), 'company')).toBe('individual');
  });

  it('is not made outside England and Wales, nor when nothing is owed', () => {
    expect(packOf({ answers: sampleInput('new-client-fixed'), asOf: '2027-05-12', invoices: [{ kind: 'balance', number: 'INV-002', issuedOn: '2027-02-26' }] }).trees.preAction).toBeUndefined();
    expect(packOf(englandRequest(() => {}, { payments: [{ date: '2026-01-10', amount: 3570, invoice: 'INV-2026-002' }] })).trees.preAction).toBeUndefined();
  });
});

describe('where the claim goes outside England and Wales', () => {
  function oregonTo(governingLaw: string, currency = 'USD') {
    const answers = sampleInput('new-client-fixed');
    answers.jurisdiction.governingLaw = governingLaw;
    answers.fee.currency = currency;
    return packOf(claimPackRequest(answers, '2027-05-12', OREGON_INVOICES));
  }

  it('New York: the small claims court, its $3,000 limit, the Freelance Isn\'t Free Act\'s double damages and what to bring', () => {
    const { request, figures } = oregonTo('New York');
    const text = textOf(whereToClaimBlocks(request.answers, figures));
    expect(text).toContain('Small claims in New York');
    expect(text).toContain('The largest claim it takes: $3,000.00');
    // $5,000 outstanding + 1.5% x 2 periods of 30 days = $5,150, over $3,000.
    expect(text).toContain('This claim: $5,150.00');
    expect(text).toContain('The claim is over the limit');
    // GBL art. 44-A: double damages; twice $5,000 unpaid.
    expect(text).toContain('The New York State Freelance Isn\'t Free Act (General Business Law art. 44-A) covers this engagement');
    expect(text).toContain('twice the unpaid amount ($10,000.00 on $5,000.00 unpaid)');
    expect(text).toContain('the signed agreement (1 Contract in this pack)');
  });

  it('Oregon: the small claims route with no freelance statute named', () => {
    const { request, figures } = oregonTo('Oregon');
    const text = textOf(whereToClaimBlocks(request.answers, figures));
    expect(text).toContain('Small claims in Oregon');
    expect(text).not.toMatch(/Freelance/);
  });

  it('Scotland: simple procedure up to £5,000, and the Late Payment Act named for a business client', () => {
    const { request, figures } = oregonTo('Scotland', 'GBP');
    const text = textOf(whereToClaimBlocks(request.answers, figures));
    expect(text).toContain('Where to file: the simple procedure of the Sheriff Court');
    expect(text).toContain('The largest claim it takes: £5,000.00');
    expect(text).toContain('The Late Payment of Commercial Debts (Interest) Act 1998 applies in Scotland');
  });

  it('Scotland, worked example: the Act\'s interest and £70 on the statement, then 8% judicial interest from decree', () => {
    const { request, figures } = packOf(englandRequest((answers) => (answers.jurisdiction.governingLaw = 'Scotland')));
    // Balance £5,100 less the 30% deposit = £3,570, due 15 Jan 2026. SSI 2002/336: Bank Rate 3.75% on 31 Dec 2025 + 8
    // = 11.75%, 60 days: 3,570 x 0.1175 x 60 / 365 = 68.9548 -> £68.95. SSI 2002/335 (s. 5A): £70. Claimed £3,708.95.
    expect(formatMoney(figures.lateCharges)).toBe('£68.95');
    expect(formatMoney(figures.compensation)).toBe('£70.00');
    expect(formatMoney(figures.claimed)).toBe('£3,708.95');
    const text = textOf(whereToClaimBlocks(request.answers, figures));
    // Judicial interest on a decree, 8% a year: 3,708.95 x 0.08 / 365 = 0.8129 -> £0.81 a day.
    expect(text).toContain('Once the sheriff grants decree, the sum in the decree carries judicial interest at 8% a year from the date of decree until it is paid, in place of the interest above: on £3,708.95, £0.81 a day.');
    expect(text).toContain('the interest and the fixed compensation above are claimed under it');
    expect(text).toContain('The claim fits within the limit of the simple procedure of the Sheriff Court.');
  });

  it('Germany: the Amtsgericht, and the European Small Claims Procedure up to €5,000 for a client in another member state', () => {
    const { request, figures } = oregonTo('Germany', 'EUR');
    const text = textOf(whereToClaimBlocks(request.answers, figures));
    expect(text).toContain('Where to file: the Amtsgericht');
    expect(text).toContain('the European Small Claims Procedure (Regulation (EC) No 861/2007)');
    expect(text).toContain('claims up to €5,000.00');
  });

  it('England and Wales has the Money Claim Online page instead', () => {
    const { request, figures } = packOf(englandRequest());
    expect(whereToClaimBlocks(request.answers, figures)).toEqual([]);
  });
});
