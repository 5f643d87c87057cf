// An invoice resent late carries the statute's interest and compensation as lines of their own, naming it.
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/answers/money.ts';
import { assembleInvoice } from '../../src/invoices/assemble.ts';
import { renderInvoiceText } from '../../src/invoices/plain-text.ts';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import { sampleInput } from '../helpers/samples.ts';

/** The England sample as a fixed price of £3,570 made in December 2025, its balance resent on 16 March 2026. */
function englandInvoice(lateFeePercentPerMonth: number) {
  const answers = sampleInput('returning-client-hourly');
  answers.effectiveDate = '2025-12-01';
  answers.project.startDate = '2025-12-08';
  answers.fee = { model: 'fixed', currency: 'GBP', total: 5100, paymentDueDays: 30, lateFeePercentPerMonth };
  const request = invoiceRequestSchema.parse({ answers, invoice: { kind: 'balance', number: 'INV-2026-002', issuedOn: '2026-03-16', lateFeeSince: '2026-01-15' } });
  return assembleInvoice(request);
}

describe('a late invoice under the Late Payment of Commercial Debts (Interest) Act 1998', () => {
  it('adds the statutory interest and the £70 compensation, each on its own line naming the Act', () => {
    // Balance: £5,100 less the 30% deposit (£1,530) = £3,570, due 15 Jan 2026. 60 days at 11.75%:
    // 3,570 x 11.75% x 60/365 = 68.9548 -> £68.95; s. 5A: £70. Total £3,708.95.
    const invoice = englandInvoice(0);
    const lines = invoice.lines.lines.map((line) => [line.description, line.amount]);
    expect(lines.slice(1)).toEqual([
      ['Statutory interest under the Late Payment of Commercial Debts (Interest) Act 1998 (11.75% a year from January 16, 2026)', '£68.95'],
      ['Fixed compensation for recovery costs under the Late Payment of Commercial Debts (Interest) Act 1998', '£70.00'],
    ]);
    expect(formatMoney(invoice.figures.bill.total)).toBe('£3,708.95');
    expect(renderInvoiceText(invoice)).toContain('Under the Late Payment of Commercial Debts (Interest) Act 1998, statutory interest at 11.75% a year from January 16, 2026 is added, with its fixed compensation for recovery costs.');
  });

  it('a late fee below the statutory rate is not charged beside the interest: one late charge only', () => {
    const invoice = englandInvoice(0.5);
    expect(invoice.figures.bill.lines.map((line) => line.kind)).toEqual(['balance', 'statutory-interest', 'statutory-compensation']);
    expect(formatMoney(invoice.figures.bill.total)).toBe('£3,708.95');
    expect(renderInvoiceText(invoice)).toContain("instead of the Agreement's late fee");
  });

  it('a late fee of 2% a month stays the only late charge, with no statutory line', () => {
    // Two full 30-day periods x 2% of £3,570 = £142.80.
    const invoice = englandInvoice(2);
    expect(invoice.figures.bill.lines.map((line) => line.kind)).toEqual(['balance', 'late-fee']);
    expect(formatMoney(invoice.figures.bill.total)).toBe('£3,712.80');
  });
});
