// Issue 23: `freelancer.vatNumber`, optional, checked against its country's format, printed on
// the contract's party block and the invoices, and required on a UK invoice that charges VAT
// (VAT Regulations 1995, reg. 14(1)(c)).
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { sectionToText } from '../../src/contract/plain-text.ts';
import { assembleInvoice } from '../../src/invoices/assemble.ts';
import { renderInvoiceText } from '../../src/invoices/plain-text.ts';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import { answerProblems, sampleInput } from '../helpers/samples.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const withVat = (vatNumber: unknown, name = 'returning-client-hourly') => {
  const input = sampleInput(name);
  input.freelancer.vatNumber = vatNumber;
  return input;
};
const ukVat = (answers: Loose) => {
  answers.fee = { model: 'fixed', currency: 'GBP', total: 1275, paymentDueDays: 30, lateFeePercentPerMonth: 2, tax: { label: 'VAT', percent: 20 } };
  answers.deposit.percent = 50;
};
const deposit = { kind: 'deposit', number: 'D-1', issuedOn: '2027-03-15' };

describe('the answer', () => {
  it.each([
    ['GB 123 4567 89', 'GB123456789'],
    ['gb123456789012', 'GB123456789012'],
    ['DE 123.456.789', 'DE123456789'],
    ['NL123456789B01', 'NL123456789B01'],
    ['FRXX123456789', 'FRXX123456789'],
    ['ESX1234567X', 'ESX1234567X'],
    ['IT12345678901', 'IT12345678901'],
    ['IE1234567T', 'IE1234567T'],
  ])('%s is accepted as %s', (typed, stored) => {
    expect(answersSchema.parse(withVat(typed)).freelancer.vatNumber).toBe(stored);
  });

  it.each([
    ['GB12345678', 'This VAT number does not have its country\'s format: it should look like GB123456789'],
    ['GB1234567890', 'This VAT number does not have its country\'s format: it should look like GB123456789'],
    ['DE12345678', 'This VAT number does not have its country\'s format: it should look like DE123456789'],
    ['NL123456789', 'This VAT number does not have its country\'s format: it should look like NL123456789B01'],
    ['123456789', 'Start the VAT number with its country prefix, one of GB, DE, FR, NL, ES, IT, IE, like GB123456789'],
  ])('%s is refused, naming the field: %s', (typed, message) => {
    expect(answerProblems(withVat(typed))).toEqual({ 'freelancer.vatNumber': [message] });
  });

  it('is optional, and an empty answer is no answer', () => {
    expect(answersSchema.parse(sampleInput('returning-client-hourly')).freelancer.vatNumber).toBeUndefined();
    expect(answersSchema.parse(withVat('')).freelancer.vatNumber).toBeUndefined();
  });
});

describe('printed where a client and HMRC look for it', () => {
  it('the contract\'s party block shows it under the freelancer\'s phone, and not under the client\'s', () => {
    const contract = assembleContract(answersSchema.parse(withVat('GB123456789')), loadContractLibrary());
    const parties = sectionToText(contract.sections.find((s) => s.id === 'parties')!);
    expect(parties).toMatch(/Phone: \+44 20 7946 0958\nVAT number: GB123456789\n\nClient:/);
  });

  it('the invoice shows it, with the freelancer\'s details', () => {
    const answers = withVat('GB123456789');
    ukVat(answers);
    const invoice = assembleInvoice(invoiceRequestSchema.parse({ answers, invoice: deposit }));
    const from = invoice.head.find((block) => block.type === 'parties');
    expect(from).toMatchObject({ parties: [{ role: 'From', vatNumber: 'GB123456789' }, { role: 'Bill to' }] });
    expect((from as Loose).parties[1].vatNumber).toBeUndefined();
    expect(renderInvoiceText(invoice)).toContain('VAT number: GB123456789');
  });
});

describe('a UK invoice that charges VAT needs it (VAT Regulations 1995, reg. 14)', () => {
  it('without it, the request is refused naming answers.freelancer.vatNumber', () => {
    const answers = sampleInput('returning-client-hourly');
    ukVat(answers);
    const result = invoiceRequestSchema.safeParse({ answers, invoice: deposit });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['answers.freelancer.vatNumber', 'A UK invoice that charges VAT must show your VAT number (VAT Regulations 1995, reg. 14): add it as freelancer.vatNumber, like GB123456789'],
    ]);
  });

  it('a UK invoice without VAT, and a VAT invoice outside the UK, do not need it', () => {
    expect(invoiceRequestSchema.safeParse({ answers: sampleInput('returning-client-hourly'), invoice: deposit }).success).toBe(true);
    const oregon = sampleInput('new-client-fixed');
    oregon.fee.tax = { label: 'VAT', percent: 20 };
    expect(invoiceRequestSchema.safeParse({ answers: oregon, invoice: { kind: 'deposit', number: 'D-1', issuedOn: '2026-12-01' } }).success).toBe(true);
  });
});

describe('the product examples', () => {
  it('still validate verbatim without it', () => {
    for (const name of ['new-client-fixed', 'returning-client-hourly', 'retainer-prepaid']) expect(answersSchema.safeParse(sampleInput(name)).success).toBe(true);
  });
});
