// Issue 23, the Japanese invoices: the payment date the contract fixes (counted
// from receipt, the day of receipt the first: Freelance Act art. 4) and the
// 登録番号 in the qualified invoice's email. Each failed before its fix.
import { describe, expect, it } from 'vitest';
import { assembleInvoice } from '../../src/invoices/assemble.ts';
import { renderInvoiceText } from '../../src/invoices/plain-text.ts';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import { sampleInput } from '../helpers/samples.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const invoiceOf = (sample: string, invoice: any) => assembleInvoice(invoiceRequestSchema.parse({ answers: sampleInput(`ja/${sample}`), invoice }));

describe('the お支払期限 is the contract’s day, counted from receipt as the contract counts it', () => {
  it('a balance invoiced on delivery, 30 days: due on the 30th day counting the day of receipt (6月30日 → 7月29日)', () => {
    const invoice = invoiceOf('tokyo-fixed', { kind: 'balance', number: 'T-2', issuedOn: '2027-06-30' });
    expect(invoice.due).toBe('2027年7月29日まで（受領した日から起算して30日目）');
    expect(invoice.figures.dueDate).toBe('2027-07-29');
    expect(renderInvoiceText(invoice)).not.toContain('請求日から');
  });

  it('hourly work: the 45th day counting the month-end close', () => {
    const invoice = invoiceOf('osaka-hourly', { kind: 'hours', number: 'O-2', issuedOn: '2027-05-31', hours: 40.5 });
    expect(invoice.due).toBe('2027年7月14日まで（締日から起算して45日目）');
  });

  it('0 days: due on receipt', () => {
    const answers = sampleInput('ja/tokyo-fixed');
    answers.fee.paymentDueDays = 0;
    const invoice = assembleInvoice(invoiceRequestSchema.parse({ answers, invoice: { kind: 'balance', number: 'T-2', issuedOn: '2027-06-30' } }));
    expect(invoice.figures.dueDate).toBe('2027-06-30');
    expect(invoice.due).toBe('受領後すみやかに');
  });
});

describe('the qualified invoice’s email carries the 登録番号', () => {
  it('a registered freelancer signs the email with the number', () => {
    const email = renderInvoiceText(invoiceOf('osaka-hourly', { kind: 'deposit', number: 'O-1', issuedOn: '2027-05-10' }));
    expect(email).toContain('本請求書は適格請求書です。');
    expect(email).toContain('登録番号：T9234567890123');
  });

  it('an unregistered one has no number to print', () => {
    expect(renderInvoiceText(invoiceOf('tokyo-fixed', { kind: 'deposit', number: 'T-1', issuedOn: '2027-04-01' }))).not.toContain('登録番号');
  });
});
