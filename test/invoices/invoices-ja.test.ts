// The Japanese invoice bills what the contract says, only in other words:
// for every kind and every Japanese sample, the same bill as the settlement
// model gives the English edition (the late fee aside, which the Japanese
// contract counts by the day), every amount printed is one of the bill's,
// and nothing is in English.
import { beforeEach, describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/answers/dates.ts';
import { contractMoney, withDailyLateFee } from '../../src/contract/settlement.ts';
import { assembleInvoice } from '../../src/invoices/assemble.ts';
import { assembleEnglishInvoice } from '../../src/invoices/edition-en.ts';
import { renderInvoiceText } from '../../src/invoices/plain-text.ts';
import { invoiceRequestSchema, type InvoiceRequest } from '../../src/invoices/request.ts';
import { formatsFor } from '../../src/language/format.ts';
import { sampleInput } from '../helpers/samples.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const ja = formatsFor('ja');

function request(sample: string, invoice: Loose, change: (answers: Loose) => void = () => {}): InvoiceRequest {
  const answers = sampleInput(`ja/${sample}`);
  change(answers);
  return invoiceRequestSchema.parse({ answers, invoice });
}

// Each sample's invoices over a project, dated after its effective date.
const CASES: [string, Loose][] = [
  ['tokyo-fixed', { kind: 'deposit', number: 'T-1', issuedOn: '2027-04-01' }],
  ['tokyo-fixed', { kind: 'balance', number: 'T-2', issuedOn: '2027-06-30', expenses: [{ description: '写真素材', amount: 20000 }] }],
  ['tokyo-fixed', { kind: 'ending', number: 'T-3', issuedOn: '2027-05-10', workDoneAmount: 300000, paymentsMade: 50000 }],
  ['osaka-hourly', { kind: 'deposit', number: 'O-1', issuedOn: '2027-05-10' }],
  ['osaka-hourly', { kind: 'hours', number: 'O-2', issuedOn: '2027-05-31', hours: 40.5 }],
  ['osaka-hourly', { kind: 'hours', number: 'O-3', issuedOn: '2027-06-30', hours: 12.25, final: true, expenses: [{ description: '交通費', amount: 1200 }] }],
  ['osaka-hourly', { kind: 'ending', number: 'O-4', issuedOn: '2027-05-31', hoursWorked: 10 }],
  ['yokohama-retainer', { kind: 'deposit', number: 'Y-1', issuedOn: '2027-07-01' }],
  ['yokohama-retainer', { kind: 'retainer', number: 'Y-2', issuedOn: '2027-07-20', month: '2027-08' }],
  ['yokohama-retainer', { kind: 'ending', number: 'Y-3', issuedOn: '2027-09-10', workDoneAmount: 0, noticeDaysGiven: 10 }],
];

// The amount asked for, worked by hand from each sample (¥1,200,000 fixed with 50%
// down; ¥6,000 an hour for 80 h with 30% down, a company, so nothing withheld;
// ¥250,000 a month paid in full in advance): 消費税 10% of the net, rounded once;
// 源泉徴収 10.21% of the net, yen fractions dropped. (The endings wait on the
// kill fee's tax treatment, issue 23.)
const HAND_WORKED: Record<string, { net: number; tax: number; withheld: number; total: number }> = {
  // 600,000 + 60,000 − 61,260
  'T-1': { net: 600_000, tax: 60_000, withheld: 61_260, total: 598_740 },
  // (600,000 + 20,000 of expenses) + 62,000 − 63,302
  'T-2': { net: 620_000, tax: 62_000, withheld: 63_302, total: 618_698 },
  // 30% of 480,000 = 144,000 + 14,400
  'O-1': { net: 144_000, tax: 14_400, withheld: 0, total: 158_400 },
  // 40.5 h × 6,000 = 243,000 + 24,300
  'O-2': { net: 243_000, tax: 24_300, withheld: 0, total: 267_300 },
  // 12.25 h × 6,000 + 1,200 = 74,700, all of it covered by the 144,000 deposit
  'O-3': { net: 0, tax: 0, withheld: 0, total: 0 },
  // 250,000 + 25,000 − 25,525
  'Y-1': { net: 250_000, tax: 25_000, withheld: 25_525, total: 249_475 },
  'Y-2': { net: 250_000, tax: 25_000, withheld: 25_525, total: 249_475 },
};

describe('the amounts asked for, worked by hand', () => {
  it.each(CASES.filter(([, fields]) => (fields as { number: string }).number in HAND_WORKED))('%s: %j', (sample, fields) => {
    const { bill } = assembleInvoice(request(sample, fields)).figures;
    const withheld = 0 - bill.deductions.reduce((sum, line) => sum + line.amount.minor, 0);
    expect({ net: bill.net.minor, tax: bill.taxes.reduce((sum, tax) => sum + tax.amount.minor, 0), withheld, total: bill.total.minor }).toEqual(
      HAND_WORKED[(fields as { number: string }).number],
    );
  });
});

describe.each(CASES)('%s: %j', (sample, fields) => {
  // Built before each test, not as the file is collected: a mutant is on only while tests run (test/README.md).
  let req!: InvoiceRequest;
  let invoice!: ReturnType<typeof assembleInvoice>;
  beforeEach(() => {
    req = request(sample, fields);
    invoice = assembleInvoice(req);
  });

  it('is the Japanese edition, billing exactly what the English edition bills', () => {
    expect(invoice.language).toBe('ja');
    expect(invoice.meta.language).toBe('ja');
    // The same bill; the Japanese contract's payment date counts the day of receipt as the first
    // (「起算してN日目」, Freelance Act art. 4), so a bill due N days on falls one day sooner.
    const { dueDate, ...bill } = invoice.figures;
    const { dueDate: englishDue, ...englishBill } = assembleEnglishInvoice(req).figures;
    expect(bill).toEqual(englishBill);
    const countsReceipt = ['balance', 'hours', 'ending'].includes(req.invoice.kind) && req.answers.fee.paymentDueDays > 0;
    expect(daysBetween(dueDate, englishDue)).toBe(countsReceipt ? 1 : 0);
  });

  it('prints every line and the amount asked for as the bill has them, in yen as Japanese writes them', () => {
    const { bill } = invoice.figures;
    expect(invoice.lines.lines.map((line) => line.amount)).toEqual(bill.lines.map((line) => ja.money(line.amount)));
    expect(invoice.lines.totals.at(-1)).toEqual({ label: 'ご請求額', value: ja.money(bill.total), emphasis: true });
    for (const tax of bill.taxes) {
      expect(invoice.lines.totals).toContainEqual({ label: `${tax.label}（${ja.percent(tax.percent)}）`, value: ja.money(tax.amount) });
      expect(invoice.lines.totals).toContainEqual({ label: `${ja.percent(tax.percent)}対象（税抜）`, value: ja.money(tax.base) });
    }
    expect(invoice.lines.totals.filter((row) => row.label === '源泉徴収税額').map((row) => row.value)).toEqual(bill.deductions.map((line) => ja.money(line.amount)));
  });

  it('has no English in the email beyond its Subject: header, addresses, invoice number and what was typed', () => {
    const email = renderInvoiceText(invoice);
    expect(email.startsWith('Subject: 請求書 ')).toBe(true);
    const ours = [req.answers.project.name, req.answers.fee.paymentMethod ?? ''].reduce((text, typed) => text.split(typed).join(''), email);
    expect(ours.replace(/^Subject: /, '').replace(/\S+@\S+|[A-Z]-\d+/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('says whether it is a qualified invoice, and names the recipient with 御中 or 様', () => {
    const email = renderInvoiceText(invoice);
    const registered = Boolean(req.answers.freelancer.invoiceRegistrationNumber) && invoice.figures.bill.taxes.length > 0;
    expect(email.includes('本請求書は適格請求書です。')).toBe(registered);
    expect(email.includes('本請求書は適格請求書（インボイス）ではありません。')).toBe(!req.answers.freelancer.invoiceRegistrationNumber);
    const addresses = invoice.head.find((block) => block.type === 'invoice-addresses');
    expect(addresses?.to[0]?.[0]?.text).toBe(req.answers.client.business ? `${req.answers.client.business} 御中` : `${req.answers.client.name} 様`);
  });
});

describe('the Japanese edition\'s own late-fee rule', () => {
  it('a resent Japanese invoice adds 遅延損害金 by the day at the yearly rate, where the English one counts full 30-day periods', () => {
    const req = request('tokyo-fixed', { kind: 'balance', number: 'T-9', issuedOn: '2027-08-14', lateFeeSince: '2027-07-30' });
    const invoice = assembleInvoice(req);
    const expected = withDailyLateFee(contractMoney(req.answers).balanceBill, 14.4, '2027-07-30', '2027-08-14');
    expect(invoice.figures.bill).toEqual(expected.bill);
    // 15 days late: no full 30-day period yet, so the English rule adds nothing; the daily one does.
    expect(assembleEnglishInvoice(req).figures.bill.lines.some((line) => line.kind === 'late-fee')).toBe(false);
    expect(invoice.lines.lines.at(-1)!.description).toBe('遅延損害金（年14.4%、お支払期限2027年7月30日の翌日から15日分の日割計算、消費税の対象外）');
  });
});

describe('the final 請求書 of hourly work smaller than the 着手金', () => {
  it('says the unused 着手金 is returned with the 消費税 paid on it, and by which day (issue 23 point 7)', () => {
    const email = renderInvoiceText(assembleInvoice(request('osaka-hourly', { kind: 'hours', number: 'O-9', issuedOn: '2027-06-30', hours: 2, final: true })));
    // 着手金 144,000円 (its invoice charged 10% 消費税 on all of it); 2 h × 6,000円 = 12,000円 credited; 132,000円 unused,
    // and the 13,200円 of 消費税 paid on that part goes back with it: 145,200円, 14 days after 30 June 2027.
    expect(email).toContain('お支払済みの着手金144,000円のうち、12,000円を本請求書に充当しています。残りの132,000円は、これに係る消費税13,200円を含め、合計145,200円を2027年7月14日までに返還いたします。');
  });

  it('without 消費税 the unused 着手金 alone is returned', () => {
    const email = renderInvoiceText(
      assembleInvoice(request('osaka-hourly', { kind: 'hours', number: 'O-9', issuedOn: '2027-06-30', hours: 2, final: true }, (answers) => (answers.fee.tax = null))),
    );
    expect(email).toContain('残りの132,000円は、2027年7月14日までに返還いたします。');
    expect(email).not.toContain('消費税13,200円');
  });
});

describe('an ending whose キャンセル料 the 着手金 pays (a キャンセル料 bears no 消費税)', () => {
  it('before any work: the 消費税 paid with the whole 着手金 is returned', () => {
    // 1,200,000円, 着手金 50% = 600,000円 (plus 60,000円 of 消費税); キャンセル料 50% × 1,200,000円 = 600,000円, untaxed,
    // paid by the whole 着手金: the 60,000円 of 消費税 paid with it goes back.
    const email = renderInvoiceText(assembleInvoice(request('tokyo-fixed', { kind: 'ending', number: 'E-1', issuedOn: '2027-06-01', workDoneAmount: 0 })));
    expect(email).toContain('キャンセル料は消費税の課税対象外のため、着手金のうちキャンセル料に充当した部分についてお支払いいただいた消費税60,000円は、14日以内に返還いたします。');
  });

  it('after 50,000円 of work: the 着手金 meets the taxed work first, and only the 消費税 on the 550,000円 set against the キャンセル料 is returned', () => {
    // Work 50,000円 (taxed); キャンセル料 50% × 1,150,000円 = 575,000円; the 600,000円 着手金 pays the 50,000円 of work,
    // then 550,000円 of the キャンセル料: 10% of 550,000円 = 55,000円 of 消費税 goes back.
    const email = renderInvoiceText(assembleInvoice(request('tokyo-fixed', { kind: 'ending', number: 'E-2', issuedOn: '2027-06-01', workDoneAmount: 50_000 })));
    expect(email).toContain('お支払いいただいた消費税55,000円は、14日以内に返還いたします。');
  });

  it('with 100,000円 paid beyond what is owed: that comes back with its 消費税, and with the 消費税 on the 着手金 set against the キャンセル料', () => {
    // Owed 600,000円 (the untaxed キャンセル料 alone), paid 700,000円: 100,000円 goes back with its 10,000円 of 消費税,
    // and the 60,000円 of 消費税 paid with the 着手金 that met the キャンセル料: 70,000円 of 消費税, 170,000円 in all.
    const email = renderInvoiceText(assembleInvoice(request('tokyo-fixed', { kind: 'ending', number: 'E-3', issuedOn: '2027-06-01', workDoneAmount: 0, paymentsMade: 100_000 })));
    expect(email).toContain('精算額を超えてお支払いいただいた100,000円は、14日以内に返金いたします。');
    expect(email).toContain('お支払いいただいた消費税70,000円を含め、返還額は合計170,000円となります。');
  });

  it('no 消費税 on the contract: 100,000円 paid beyond what is owed comes back alone', () => {
    const email = renderInvoiceText(
      assembleInvoice(request('tokyo-fixed', { kind: 'ending', number: 'E-4', issuedOn: '2027-06-01', workDoneAmount: 0, paymentsMade: 100_000 }, (answers) => (answers.fee.tax = null))),
    );
    expect(email).toContain('精算額を超えてお支払いいただいた100,000円は、14日以内に返金いたします。');
    expect(email).not.toContain('返還額は合計');
    expect(email).not.toContain('課税対象外のため');
  });

  it('work of 600,000円 the 着手金 pays in full: nothing comes back, and no 消費税 is returned', () => {
    // The 600,000円 着手金 meets the 600,000円 of taxed work; the キャンセル料 of 50% × 600,000円 = 300,000円 is owed.
    const email = renderInvoiceText(assembleInvoice(request('tokyo-fixed', { kind: 'ending', number: 'E-5', issuedOn: '2027-06-01', workDoneAmount: 600_000 })));
    expect(email).toContain('キャンセル料（未発生の報酬600,000円の50%）');
    expect(email).not.toContain('返還いたします');
    expect(email).not.toContain('返金いたします');
  });
});
