// The claim pack's chronology and statement of account, figures worked by hand.
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/answers/money.ts';
import { assembleClaimPack, chronologyEntries, statementFigures } from '../../src/claims/claim-pack.ts';
import { claimPackRequestSchema } from '../../src/claims/claim-pack-request.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { assembleInvoice } from '../../src/invoices/assemble.ts';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { claimPackRequest, ENGLAND_BALANCE, englandAnswers, oregonLetter, oregonPack } from '../helpers/claim-packs.ts';
import { sampleInput } from '../helpers/samples.ts';

const libraries = { contract: loadContractLibrary(), letters: loadLetterLibrary() };

/**
 * Oregon (no statute in the data: the contract's late fee alone), $12,000 fixed, 50% deposit, 1.5% a month late.
 * Deposit INV-001 $6,000 on receipt 1 Dec 2026, paid 2 Dec. Balance INV-002 $6,000 sent 26 Feb 2027, due
 * 12 Mar 2027 (14 days); $1,000 paid 20 Mar; a late notice 11 Apr; statement on 12 May 2027.
 */
function oregonRequest(overrides: Record<string, unknown> = {}) {
  return { ...oregonPack([oregonLetter('late-notice', '2027-04-11')]), ...overrides };
}

const factsOf = (input: unknown) => {
  const request = claimPackRequestSchema.parse(input);
  const trees = assembleClaimPack(request, libraries);
  return { request, trees, facts: { answers: request.answers, invoices: trees.invoices, letters: trees.letters, asOf: request.asOf, payments: request.payments.map((payment) => ({ ...payment, amount: { minor: Math.round(payment.amount * 100), currency: request.answers.fee.currency } })) } };
};

describe('the statement of account', () => {
  it('credits each payment to its invoice and adds the contract late fee on what is still owed', () => {
    const { facts } = factsOf(oregonRequest());
    const figures = statementFigures(facts);
    const [deposit, balance] = figures.accounts;
    expect(deposit!.outstanding.minor).toBe(0);
    expect(deposit!.late).toBeUndefined();
    // 12 Mar to 12 May 2027 = 19 + 30 + 12 = 61 days: two full 30-day periods. 1.5% x $5,000 x 2 = $150.
    expect(formatMoney(balance!.outstanding)).toBe('$5,000.00');
    expect(formatMoney(balance!.lateCharge)).toBe('$150.00');
    expect(formatMoney(figures.invoiced)).toBe('$12,000.00');
    expect(formatMoney(figures.paid)).toBe('$7,000.00');
    expect(formatMoney(figures.claimed)).toBe('$5,150.00');
  });

  it('for an unpaid invoice, claims to the cent what the invoice resent late that day asks for', () => {
    const { facts } = factsOf(oregonRequest({ payments: [{ date: '2026-12-02', amount: 6000, invoice: 'INV-001' }] }));
    const balance = statementFigures(facts).accounts[1]!;
    const resent = assembleInvoice(invoiceRequestSchema.parse({ answers: sampleInput('new-client-fixed'), invoice: { kind: 'balance', number: 'INV-002', issuedOn: '2027-05-12', lateFeeSince: '2027-03-12' } }));
    // $6,000 + 1.5% x 2 periods = $6,180.
    expect(formatMoney(balance.claimed)).toBe('$6,180.00');
    expect(balance.claimed).toEqual(resent.figures.bill.total);
  });

  it('in England, claims the Act\'s interest and £70 compensation, agreeing with the invoice resent late', () => {
    const answers = englandAnswers();
    const { facts } = factsOf(claimPackRequest(answers, '2026-03-16', [ENGLAND_BALANCE]));
    const account = statementFigures(facts).accounts[0]!;
    // Balance £5,100 less the 30% deposit = £3,570, due 15 Jan 2026; 60 days at 11.75% (Bank Rate 3.75% on
    // 31 Dec 2025 + 8, s. 4(2)): 3,570 x 0.1175 x 60/365 = 68.9548 -> £68.95; s. 5A: £70 under £10,000.
    expect(account.dueDate).toBe('2026-01-15');
    expect(formatMoney(account.lateCharge)).toBe('£68.95');
    expect(formatMoney(account.compensation)).toBe('£70.00');
    expect(formatMoney(account.claimed)).toBe('£3,708.95');
    const resent = assembleInvoice(invoiceRequestSchema.parse({ answers, invoice: { kind: 'balance', number: 'INV-2026-002', issuedOn: '2026-03-16', lateFeeSince: '2026-01-15' } }));
    expect(account.claimed).toEqual(resent.figures.bill.total);
  });
});

describe('the chronology', () => {
  it('lists the contract, the work, invoices, payments and letters by date, then the days unpaid and unanswered', () => {
    const { facts } = factsOf(oregonRequest());
    expect(chronologyEntries(facts)).toEqual([
      { date: '2026-12-01', text: 'The agreement takes effect' },
      { date: '2026-12-01', text: 'Invoice INV-001 sent, for $6,000.00' },
      { date: '2026-12-01', text: 'Invoice INV-001 due' },
      { date: '2026-12-02', text: 'Payment of $6,000.00 received against invoice INV-001' },
      { date: '2026-12-07', text: 'Work starts' },
      { date: '2027-02-26', text: 'Work due to be finished' },
      { date: '2027-02-26', text: 'Invoice INV-002 sent, for $6,000.00' },
      { date: '2027-03-12', text: 'Invoice INV-002 due' },
      { date: '2027-03-20', text: 'Payment of $1,000.00 received against invoice INV-002' },
      { date: '2027-04-11', text: expect.stringMatching(/^Letter sent: .*INV-002/) },
      { date: '2027-05-12', text: 'Invoice INV-002: $5,000.00 still unpaid, 61 days after its due date' },
      { date: '2027-05-12', text: 'No answer to the last letter: 31 days' },
    ]);
  });

  it('is written in Japanese for a Japanese contract, its statement in yen', () => {
    const { trees } = factsOf({ answers: sampleInput('ja/tokyo-fixed'), asOf: '2027-08-30', invoices: [{ kind: 'balance', number: 'R-002', issuedOn: '2027-06-30' }] });
    expect(trees.chronology.title).toBe('経過一覧表');
    expect(trees.statement.title).toBe('請求金額計算書');
    const summary = trees.statement.blocks.find((block) => block.type === 'table' && block.caption === '合計');
    expect(JSON.stringify(summary)).toMatch(/円/);
  });
});

describe('the claim pack request', () => {
  it('names the payment whose invoice is not in the pack', () => {
    const result = claimPackRequestSchema.safeParse(oregonRequest({ payments: [{ date: '2027-03-20', amount: 1000, invoice: 'INV-009' }] }));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['payments.0.invoice', 'No invoice in the pack has the number INV-009: enter the number of one of its invoices'],
    ]);
  });

  it('reports an invoice dated before the contract at that invoice', () => {
    const result = claimPackRequestSchema.safeParse(oregonRequest({ invoices: [{ kind: 'deposit', number: 'INV-001', issuedOn: '2026-11-01' }], payments: [] }));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['invoices', 0, 'issuedOn']);
  });
});
