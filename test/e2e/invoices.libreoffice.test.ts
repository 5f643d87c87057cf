// Each invoice kind as a client meets it: the Word file opened by
// LibreOffice, printed to PDF, read back with pdftotext. The figures, the due
// date and the reference to the contract must survive the trip. Needs soffice
// and pdftotext (see test/e2e/libreoffice.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleInvoice } from '../../src/invoices/assemble.ts';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import { renderInvoiceDocx } from '../../src/render/invoice-docx.ts';
import { sampleInput } from '../helpers/samples.ts';
import { libreOfficePrinter, type Printer } from '../helpers/libreoffice.ts';

let printer: Printer;

beforeAll(async () => {
  printer = await libreOfficePrinter('invoices-e2e-');
});
afterAll(async () => {
  await printer?.close();
});
const printedText = (docx: Buffer, name: string) => printer.printedText(docx, name);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const CASES: [string, string, Record<string, unknown>, string[], ((answers: any) => void)?][] = [
  ['deposit', 'new-client-fixed', { kind: 'deposit', number: 'INV-2026-001', issuedOn: '2026-12-01' },
    ['Invoice INV-2026-001', 'Deposit invoice: Harbor Coffee website redesign', '$6,000.00', 'On receipt, and before work starts on December 7, 2026', 'Freelance Services Agreement effective December 1, 2026', 'Harbor Coffee Co.', 'Page 1 of 1']],
  ['deposit-vat', 'returning-client-hourly', { kind: 'deposit', number: 'D-1', issuedOn: '2027-03-15' },
    ['£637.50', 'VAT (20% of £637.50)', '£127.50', '£765.00', 'VAT number: GB123456789'],
    (answers) => {
      answers.fee = { model: 'fixed', currency: 'GBP', total: 1275, paymentDueDays: 30, lateFeePercentPerMonth: 2, tax: { label: 'VAT', percent: 20 } };
      answers.freelancer.vatNumber = 'GB123456789';
      answers.deposit.percent = 50;
    }],
  ['balance-late', 'new-client-fixed', { kind: 'balance', number: 'INV-2027-014', issuedOn: '2027-04-26', lateFeeSince: '2027-03-12', expenses: [{ description: 'Stock photos', amount: 250 }] },
    ['Balance of the $12,000.00 price', 'Expense at cost: Stock photos', '$250.00', 'Late fee', '45 days overdue', 'Total due']],
  ['hours', 'returning-client-hourly', { kind: 'hours', number: 'H-7', issuedOn: '2027-04-30', hours: 24, final: true },
    ['24 hours at the hourly rate of £85.00', '£2,040.00', '-£1,530.00', '£510.00', 'May 30, 2027']],
  ['retainer', 'retainer-prepaid', { kind: 'retainer', number: 'R-2', issuedOn: '2027-01-20', month: '2027-02' },
    ['Monthly retainer for February 2027, paid in advance', '$2,500.00', 'February 1, 2027']],
  ['ending', 'new-client-fixed', { kind: 'ending', number: 'INV-2027-003', issuedOn: '2027-01-15', workDoneAmount: 2400 },
    ['Work done', '$2,400.00', 'Kill fee: 25% of the fee not yet earned ($9,600.00)', '-$4,800.00', '$0.00', 'Nothing further is owed', '$1,200.00', 'refunded']],
];

describe('each invoice kind opens in LibreOffice with its figures', () => {
  it.each(CASES)('%s', async (name, sample, invoice, figures, change) => {
    const answers = sampleInput(sample);
    change?.(answers);
    const document = assembleInvoice(invoiceRequestSchema.parse({ answers, invoice }));
    const text = await printedText(await renderInvoiceDocx(document), name);
    for (const figure of figures) expect(text).toContain(figure);
  });
});

describe('the Japanese qualified invoice opens in LibreOffice with its figures', () => {
  it('the Tokyo deposit, registered: 600,000円, 消費税（10%）60,000円, 源泉徴収 -61,260円, ご請求額 598,740円', async () => {
    const answers = sampleInput('ja/tokyo-fixed');
    answers.freelancer.invoiceRegistrationNumber = 'T9234567890123';
    const document = assembleInvoice(invoiceRequestSchema.parse({ answers, invoice: { kind: 'deposit', number: 'INV-2027-001', issuedOn: '2027-04-01' } }));
    // LibreOffice spaces Japanese from Latin digits as it lays text out; the words and figures are what count.
    const text = (await printedText(await renderInvoiceDocx(document), 'tokyo-deposit-ja')).replace(/\s+/g, '');
    for (const figure of [
      '請求書',
      '株式会社みどり商事御中',
      '登録番号：T9234567890123',
      '着手金（報酬額1,200,000円の50%）600,000円',
      '10%対象（税抜）600,000円',
      '消費税（10%）60,000円',
      '源泉徴収税額-61,260円',
      'ご請求額598,740円',
      '振込手数料は、貴社にてご負担くださいますようお願いいたします。',
      '1/1',
    ]) {
      expect(text).toContain(figure);
    }
  });
});
