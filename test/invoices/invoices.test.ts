// Invoices as a freelancer reads them: the issue's "Done when" examples, what
// each kind asks for under each fee model, and the requests refused with the
// field to change. Every figure is checked against the settlement model.
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/answers/money.ts';
import { balanceBill, contractMoney, depositBill, ending, hoursBill, retainerMonthBill } from '../../src/contract/settlement.ts';
import { assembleInvoice } from '../../src/invoices/assemble.ts';
import { renderInvoiceText } from '../../src/invoices/plain-text.ts';
import { invoiceRequestSchema, type InvoiceRequest } from '../../src/invoices/request.ts';
import type { Invoice } from '../../src/invoices/tree.ts';
import { sampleInput, underJapaneseLaw } from '../helpers/samples.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

function request(name: string, invoice: Loose, change: (answers: Loose) => void = () => {}): InvoiceRequest {
  const answers = sampleInput(name);
  change(answers);
  return invoiceRequestSchema.parse({ answers, invoice });
}

const invoiceFor = (name: string, invoice: Loose, change?: (answers: Loose) => void) => assembleInvoice(request(name, invoice, change));
const text = (invoice: Invoice) => renderInvoiceText(invoice);
const rows = (invoice: Invoice) => invoice.lines.lines.map((line) => [line.description, line.amount]);
const totals = (invoice: Invoice) => invoice.lines.totals.map((row) => [row.label, row.value]);

/** The refusals for a request, as path -> message. */
function refusals(name: string, invoice: Loose, change: (answers: Loose) => void = () => {}): Record<string, string> {
  const answers = sampleInput(name);
  change(answers);
  const result = invoiceRequestSchema.safeParse({ answers, invoice });
  expect(result.success).toBe(false);
  return Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

const vatOnFixed = (answers: Loose) => {
  answers.fee = { model: 'fixed', currency: 'GBP', total: 1275, paymentDueDays: 30, lateFeePercentPerMonth: 2, tax: { label: 'VAT', percent: 20 } };
  answers.deposit.percent = 50;
  // A UK VAT invoice must show the supplier's VAT number (reg. 14); see the VAT number tests below.
  answers.freelancer.vatNumber = 'GB123456789';
};

describe('the issue\'s examples', () => {
  it('deposit for the new-client example: $6,000.00, due on receipt and before work starts, with the project name', () => {
    const invoice = invoiceFor('new-client-fixed', { kind: 'deposit', number: 'INV-2026-001', issuedOn: '2026-12-01' });
    expect(formatMoney(invoice.figures.bill.total)).toBe('$6,000.00');
    expect(invoice.figures.dueDate).toBe('2026-12-01');
    const body = text(invoice);
    expect(body).toContain('Due: On receipt, and before work starts on December 7, 2026');
    expect(body).toContain('Project: Harbor Coffee website redesign');
    expect(body).toContain('Agreement: Freelance Services Agreement effective December 1, 2026');
    expect(totals(invoice)).toEqual([['Total due', '$6,000.00']]);
  });

  it('balance for the new-client example: $6,000.00 due 14 days after its date', () => {
    const invoice = invoiceFor('new-client-fixed', { kind: 'balance', number: 'INV-2027-014', issuedOn: '2027-02-26' });
    expect(formatMoney(invoice.figures.bill.total)).toBe('$6,000.00');
    expect(invoice.figures.dueDate).toBe('2027-03-12');
    expect(text(invoice)).toContain('Due: By March 12, 2027 (14 days after the invoice date)');
  });

  it('20% VAT on a £1,275.00 price with a 50% deposit: £637.50 net, £127.50 VAT, £765.00 total', () => {
    const invoice = invoiceFor('returning-client-hourly', { kind: 'deposit', number: 'D-1', issuedOn: '2027-03-15' }, vatOnFixed);
    expect(rows(invoice)).toEqual([['Deposit (50%) of the £1,275.00 price, before work starts', '£637.50']]);
    expect(totals(invoice)).toEqual([
      ['Net', '£637.50'],
      ['VAT (20% of £637.50)', '£127.50'],
      ['Total due', '£765.00'],
    ]);
  });

  it('ending with $2,400.00 of work done: $2,400.00 + kill fee $2,400.00 − the deposit: nothing owed, and the rest of the deposit refunded, said so', () => {
    const invoice = invoiceFor('new-client-fixed', { kind: 'ending', number: 'INV-2027-003', issuedOn: '2027-01-15', workDoneAmount: 2400 });
    expect(rows(invoice)).toEqual([
      ['Work done', '$2,400.00'],
      ['Kill fee: 25% of the fee not yet earned ($9,600.00)', '$2,400.00'],
      ['Deposit paid ($6,000.00), credited up to what is owed', '-$4,800.00'],
    ]);
    expect(formatMoney(invoice.figures.bill.total)).toBe('$0.00');
    const body = text(invoice);
    expect(body.split('\n')[0]).toBe('Subject: Invoice INV-2027-003: Harbor Coffee website redesign, nothing to pay');
    expect(body).toContain('Nothing further is owed: the deposit of $6,000.00 covers the $4,800.00 owed.');
    expect(body).toContain('The rest of the deposit, $1,200.00, is more than the work done and the kill fee: it is refunded to the Client within 14 days.');
    expect(body).not.toContain('is kept');
    expect(body).not.toContain('How to pay');
    // No tax on the contract: nothing more goes back than the $1,200.00.
    expect(body).not.toContain('the refund is');
  });

  it('the same ending with 20% VAT: the $1,200.00 goes back with the $240.00 of VAT paid on it', () => {
    const invoice = invoiceFor('new-client-fixed', { kind: 'ending', number: 'INV-2027-003', issuedOn: '2027-01-15', workDoneAmount: 2400 }, (answers) => {
      answers.fee.tax = { label: 'VAT', percent: 20 };
      answers.jurisdiction.governingLaw = 'England and Wales';
      answers.jurisdiction.venue = 'London';
      answers.freelancer.vatNumber = 'GB123456789';
    });
    const body = text(invoice);
    expect(body).toContain('The rest of the deposit, $1,200.00, is more than the work done and the kill fee: it is refunded to the Client within 14 days.');
    expect(body).toContain('With the VAT paid on it, the refund is $1,440.00 in all.');
  });

  it('an English contract under Japanese law ended before any work: the kill fee bears no tax, so the tax paid with the deposit set against it goes back', () => {
    // ¥1,200,000, deposit 50% = ¥600,000 (plus ¥60,000 of Consumption tax); kill fee 50% × ¥1,200,000 = ¥600,000,
    // untaxed, paid by the whole deposit: nothing is refunded but the ¥60,000 of tax.
    const invoice = invoiceFor('new-client-fixed', { kind: 'ending', number: 'E-9', issuedOn: '2027-01-15', workDoneAmount: 0 }, underJapaneseLaw);
    const body = text(invoice);
    expect(body).toContain(
      'The kill fee bears no Consumption tax: the Consumption tax paid with the deposit on the part of it credited against the kill fee, ¥60,000, is refunded to the Client within 14 days.',
    );
    expect(body).not.toContain('the refund is');
  });
});

describe('every kind under its fee model, figures from the settlement model', () => {
  it('fixed price: deposit and balance are the contract\'s own deposit and balance bills', () => {
    expect.hasAssertions();
    for (const [kind, bill] of [['deposit', depositBill], ['balance', balanceBill]] as const) {
      const req = request('new-client-fixed', { kind, number: 'N', issuedOn: '2026-12-01' }, vatOnFixed);
      expect(assembleInvoice(req).figures.bill).toEqual(bill(req.answers));
    }
  });

  it('fixed £1,275 with 20% VAT and a 50% deposit: each half is £637.50 + £127.50 VAT = £765.00 (worked by hand)', () => {
    expect.hasAssertions();
    for (const kind of ['deposit', 'balance'] as const) {
      const { bill } = assembleInvoice(request('new-client-fixed', { kind, number: 'N', issuedOn: '2026-12-01' }, vatOnFixed)).figures;
      expect([bill.net.minor, bill.taxes.map((tax) => tax.amount.minor), bill.total.minor]).toEqual([637_50, [127_50], 765_00]);
    }
  });

  it('hourly: hours at the rate, the deposit credited on the final one', () => {
    const req = request('returning-client-hourly', { kind: 'hours', number: 'H-1', issuedOn: '2027-04-30', hours: 24, final: true });
    const invoice = assembleInvoice(req);
    expect(invoice.figures.bill).toEqual(hoursBill(req.answers, 24, { final: true }));
    expect(rows(invoice)).toEqual([
      ['24 hours at the hourly rate of £85.00', '£2,040.00'],
      ['Deposit paid, credited', '-£1,530.00'],
    ]);
    expect(totals(invoice)).toEqual([['Total due', '£510.00']]);
    expect(invoice.figures.dueDate).toBe('2027-05-30');
  });

  it('hourly, a final invoice smaller than the deposit: credited only up to the invoice, and the invoice says how much', () => {
    const invoice = invoiceFor('returning-client-hourly', { kind: 'hours', number: 'H-9', issuedOn: '2027-04-30', hours: 10, final: true });
    expect(formatMoney(invoice.figures.bill.total)).toBe('£0.00');
    expect(text(invoice)).toContain('The deposit paid (£1,530.00) is more than this invoice: £850.00 of it is credited here.');
    // Issue 23 point 7: the unused part is not kept silently; 14 days after 30 April 2027.
    expect(text(invoice)).toContain('The unused £680.00 is refunded to the Client by May 14, 2027.');
  });

  it('hourly with 20% VAT, a final invoice smaller than the deposit: the unused part goes back with the VAT paid on it', () => {
    // Deposit £1,530.00 (its invoice charged VAT on all of it); 10 h × £85 = £850.00 credited; £680.00 unused,
    // and its £136.00 of VAT goes back with it: £816.00.
    const invoice = invoiceFor('returning-client-hourly', { kind: 'hours', number: 'H-9', issuedOn: '2027-04-30', hours: 10, final: true }, (answers) => {
      answers.fee.tax = { label: 'VAT', percent: 20 };
      answers.freelancer.vatNumber = 'GB123456789';
    });
    expect(text(invoice)).toContain('The unused £680.00, with the VAT paid on it (£816.00 in all), is refunded to the Client by May 14, 2027.');
  });

  it('retainer: one month paid in advance, due on the first of the month; the first month credits a part deposit', () => {
    const feb = assembleInvoice(request('retainer-prepaid', { kind: 'retainer', number: 'R-2', issuedOn: '2027-01-20', month: '2027-02' }));
    expect(rows(feb)).toEqual([['Monthly retainer for February 2027, paid in advance', '$2,500.00']]);
    expect(feb.figures.dueDate).toBe('2027-02-01');
    expect(feb.subtitle).toBe('Retainer invoice for February 2027: Monthly design support');

    const thirty = (answers: Loose) => {
      answers.deposit.percent = 30;
    };
    const req = request('retainer-prepaid', { kind: 'retainer', number: 'R-1', issuedOn: '2027-01-04', month: '2027-01' }, thirty);
    const jan = assembleInvoice(req);
    expect(jan.figures.bill).toEqual(retainerMonthBill(req.answers, { firstMonth: true }));
    expect(totals(jan)).toEqual([['Total due', '$1,750.00']]);
    // Paid in advance of the start date in the first month; on receipt when issued later.
    expect(jan.figures.dueDate).toBe('2027-01-04');
  });

  it('ending under each model matches ending() for a client-caused ending', () => {
    expect.hasAssertions();
    const cases = [
      ['new-client-fixed', { workDoneAmount: 9000 }, '$3,750.00'],
      ['returning-client-hourly', { hoursWorked: 24 }, '£510.00'],
      ['retainer-prepaid', { noticeDaysGiven: 10 }, '$0.00'],
    ] as const;
    for (const [name, input, total] of cases) {
      const req = request(name, { kind: 'ending', number: 'E-1', issuedOn: '2027-04-01', ...input });
      const invoice = assembleInvoice(req);
      expect(invoice.figures.bill).toEqual(ending(req.answers, { cause: 'client', ...input }).bill);
      expect(formatMoney(invoice.figures.bill.total)).toBe(total);
    }
  });

  it('approved expenses at cost as their own lines, taxed with the rest', () => {
    const invoice = invoiceFor(
      'new-client-fixed',
      { kind: 'balance', number: 'B-1', issuedOn: '2027-02-26', expenses: [{ description: 'Stock photos', amount: 250 }, { description: 'Font licence', amount: 49.99 }] },
      (answers) => {
        answers.fee.tax = { label: 'Sales tax', percent: 10 };
      },
    );
    expect(rows(invoice)).toEqual([
      ['Balance of the $12,000.00 price, less the $6,000.00 deposit', '$6,000.00'],
      ['Expense at cost: Stock photos', '$250.00'],
      ['Expense at cost: Font licence', '$49.99'],
    ]);
    expect(totals(invoice)).toEqual([
      ['Net', '$6,299.99'],
      ['Sales tax (10% of $6,299.99)', '$630.00'],
      ['Total due', '$6,929.99'],
    ]);
  });

  it('resent with the late fee: its own line, due on receipt, the days overdue said', () => {
    const invoice = invoiceFor('new-client-fixed', { kind: 'balance', number: 'INV-2027-014', issuedOn: '2027-04-26', lateFeeSince: '2027-03-12' });
    expect(rows(invoice).at(-1)).toEqual(['Late fee: 1.5% a month for 1 full 30-day period since March 12, 2027', '$90.00']);
    expect(formatMoney(invoice.figures.bill.total)).toBe('$6,090.00');
    expect(invoice.figures.dueDate).toBe('2027-04-26');
    expect(invoice.figures.late).toMatchObject({ since: '2027-03-12', daysLate: 45, periods: 1 });
    expect(text(invoice)).toContain('This invoice was due on March 12, 2027 and is 45 days overdue.');
  });

  it('resent before a full 30 days: no late-fee line, and the day it starts', () => {
    const invoice = invoiceFor('new-client-fixed', { kind: 'balance', number: 'B', issuedOn: '2027-04-01', lateFeeSince: '2027-03-12' });
    expect(invoice.figures.bill.lines.map((line) => line.kind)).toEqual(['balance']);
    expect(text(invoice)).toContain('A late fee of 1.5% a month is owed from April 11, 2027.');
  });

  it('how to pay comes from the contract, or from the invoice when it says otherwise', () => {
    const withMethod = (answers: Loose) => {
      answers.fee.paymentMethod = 'ACH to Lee Studio LLC, routing 123456789';
    };
    expect(text(invoiceFor('new-client-fixed', { kind: 'deposit', number: 'D', issuedOn: '2026-12-01' }, withMethod))).toContain('How to pay: ACH to Lee Studio LLC, routing 123456789');
    expect(text(invoiceFor('new-client-fixed', { kind: 'deposit', number: 'D', issuedOn: '2026-12-01', howToPay: 'PayPal: jordan@leestudio.example' }, withMethod))).toContain(
      'How to pay: PayPal: jordan@leestudio.example',
    );
  });

  it('a deposit invoice is the contract\'s deposit, whatever the model', () => {
    expect.hasAssertions();
    for (const name of ['new-client-fixed', 'returning-client-hourly', 'retainer-prepaid']) {
      const req = request(name, { kind: 'deposit', number: 'D', issuedOn: '2027-03-15' });
      expect(assembleInvoice(req).figures.bill.total).toEqual(contractMoney(req.answers).depositBill.total);
    }
  });

  it.each([
    ['new-client-fixed', '50% of $12,000', '$6,000.00'],
    ['returning-client-hourly', '30% of £85 × 60 h', '£1,530.00'],
    ['retainer-prepaid', '100% of a $2,500 month', '$2,500.00'],
  ])('the %s deposit invoice asks for %s: %s (worked by hand)', (name, _what, total) => {
    expect(formatMoney(invoiceFor(name, { kind: 'deposit', number: 'D', issuedOn: '2027-03-15' }).figures.bill.total)).toBe(total);
  });
});

describe('requests that do not fit the contract are refused at the field to change', () => {
  it('an invoice section missing, null or not an object', () => {
    expect(refusals('new-client-fixed', undefined)).toEqual({ invoice: 'Enter the invoice: its kind, number and issuedOn at least' });
    expect(refusals('new-client-fixed', null)).toEqual({ invoice: 'Enter the invoice: its kind, number and issuedOn at least' });
    expect(refusals('new-client-fixed', 'deposit')).toEqual({ invoice: 'The invoice must be an object with its kind, number and issuedOn' });
  });

  it('a balance for an hourly contract', () => {
    expect(refusals('returning-client-hourly', { kind: 'balance', number: 'B', issuedOn: '2027-04-01' })).toEqual({
      'invoice.kind': 'Select an hours invoice (final: true credits the deposit): a balance invoice is for a contract that has a fixed price, and this contract is hourly',
    });
  });

  it('hours on a fixed price', () => {
    expect(refusals('new-client-fixed', { kind: 'hours', number: 'H', issuedOn: '2027-01-01', hours: 10 })['invoice.kind']).toMatch(/this contract has a fixed price$/);
    expect(refusals('new-client-fixed', { kind: 'ending', number: 'E', issuedOn: '2027-01-01', hoursWorked: 10 })).toEqual({
      'invoice.hoursWorked': 'Leave out hoursWorked: hours are billed only on an hourly contract, and this one has a fixed price (give workDoneAmount)',
      'invoice.workDoneAmount': 'Enter the value of the work done up to the ending, like 2,400',
    });
  });

  it('an issue date before the effective date; the day itself is fine', () => {
    expect(refusals('new-client-fixed', { kind: 'deposit', number: 'D', issuedOn: '2026-11-30' })).toEqual({
      'invoice.issuedOn': 'Enter an invoice date on or after the contract\'s effective date, December 1, 2026',
    });
    expect(invoiceRequestSchema.safeParse({ answers: sampleInput('new-client-fixed'), invoice: { kind: 'deposit', number: 'D', issuedOn: '2026-12-01' } }).success).toBe(true);
  });

  it('a due date before the issue date; the same day is fine', () => {
    expect(refusals('new-client-fixed', { kind: 'balance', number: 'B', issuedOn: '2027-03-01', dueDate: '2027-02-28' })).toEqual({
      'invoice.dueDate': 'Enter a due date on or after the invoice date, March 1, 2027',
    });
    const sameDay = invoiceFor('new-client-fixed', { kind: 'balance', number: 'B', issuedOn: '2027-03-01', dueDate: '2027-03-01' });
    expect(sameDay.figures.dueDate).toBe('2027-03-01');
  });

  it('fields that belong to another kind, and the fields a kind needs', () => {
    expect(refusals('new-client-fixed', { kind: 'deposit', number: 'D', issuedOn: '2026-12-01', expenses: [], final: true })).toEqual({
      'invoice.expenses': 'Leave out "expenses" on a deposit invoice: it belongs on a balance, hours, retainer or ending invoice',
      'invoice.final': 'Leave out "final" on a deposit invoice: it belongs on an hours invoice',
    });
    expect(refusals('returning-client-hourly', { kind: 'hours', number: 'H', issuedOn: '2027-04-01' })).toEqual({ 'invoice.hours': 'Enter the hours worked, like 12.5' });
    expect(refusals('retainer-prepaid', { kind: 'retainer', number: 'R', issuedOn: '2027-01-04' })).toEqual({ 'invoice.month': 'Enter the month this retainer invoice pays for, like 2027-02' });
    expect(refusals('retainer-prepaid', { kind: 'ending', number: 'E', issuedOn: '2027-03-01' })).toEqual({
      'invoice.noticeDaysGiven': 'Enter the days of notice the client gave, like 10, or 0 for none: the kill fee covers the part of the 30 days\' notice they did not give',
    });
  });

  it('a retainer month before the start, or the first month a 100% deposit already asked for', () => {
    expect(refusals('retainer-prepaid', { kind: 'retainer', number: 'R', issuedOn: '2027-01-04', month: '2026-12' })).toEqual({
      'invoice.month': 'Enter January 2027 or a later month: the retainer starts in January 2027',
    });
    expect(refusals('retainer-prepaid', { kind: 'retainer', number: 'R', issuedOn: '2027-01-04', month: '2027-01' })).toEqual({
      'invoice.month': 'Enter a month after January 2027: the deposit invoice already asks for the whole of that month',
    });
  });

  it('a late fee from a date that is not past, and amounts finer than the currency', () => {
    expect(refusals('new-client-fixed', { kind: 'balance', number: 'B', issuedOn: '2027-03-01', lateFeeSince: '2027-03-01' })).toEqual({
      'invoice.lateFeeSince': 'Enter an original due date before the invoice date, March 1, 2027: the late fee is added for the time since then',
    });
    expect(refusals('new-client-fixed', { kind: 'balance', number: 'B', issuedOn: '2027-03-01', expenses: [{ description: 'Fonts', amount: 10.005 }] })).toEqual({
      'invoice.expenses.0.amount': 'Enter the expense amount with at most 2 decimals, like 250.50. Did you mean 10.01?',
    });
    expect(refusals('new-client-fixed', { kind: 'ending', number: 'E', issuedOn: '2027-03-01', workDoneAmount: 12000.01 })).toEqual({
      'invoice.workDoneAmount': 'Work done must be $12,000.00 or less: the total price',
    });
  });

  it('a balance when the deposit is the whole price', () => {
    expect(
      refusals('new-client-fixed', { kind: 'balance', number: 'B', issuedOn: '2027-03-01' }, (answers) => {
        answers.deposit.percent = 100;
      }),
    ).toEqual({ 'invoice.kind': 'Select another kind of invoice: the deposit is the whole price, so there is no balance' });
  });
});
