// Every invoice edition's words, read whole: one sample per kind, fee model,
// language and the answers that change what an invoice says (tax, a VAT
// number, a 登録番号, withholding, a late fee or a statute's interest, an
// ending's refunds, a deposit that may be refunded, how to pay), each kept as
// the text a client reads (test/invoices/samples/<name>.sample.txt): the Word
// file's title, subtitle and addresses, then the email with the details, the
// numbered lines, the totals and the notes. Each sample was read line by line
// against the settlement model when it was written; after a deliberate
// wording change, UPDATE_GOLDEN=<name>.sample.txt npm test rewrites that one
// (test/helpers/golden.ts). The figures themselves are pinned by hand in
// invoices.test.ts and invoices-ja.test.ts; these pin the sentences around
// them, which the mutation run (npm run test:mutation -- invoices-editions)
// showed no other test reads.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { blockToText } from '../../src/contract/plain-text.ts';
import { assembleInvoice } from '../../src/invoices/assemble.ts';
import { renderInvoiceText } from '../../src/invoices/plain-text.ts';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import type { Invoice } from '../../src/invoices/tree.ts';
import { expectGolden } from '../helpers/golden.ts';
import { sampleInput, underJapaneseLaw } from '../helpers/samples.ts';

const DIR = fileURLToPath(new URL('./samples/', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

interface Case {
  /** The sample file's name, less `.sample.txt`. */
  readonly name: string;
  /** clauses/samples/<answers>.json */
  readonly answers: string;
  /** What the case changes in the answers, said in the sample's first line. */
  readonly changes?: string;
  readonly change?: (answers: Loose) => void;
  readonly invoice: Loose;
}

const vat = (answers: Loose) => {
  answers.fee.tax = { label: 'VAT', percent: 20 };
  answers.freelancer.vatNumber = 'GB123456789';
};
const underEnglishLaw = (answers: Loose) => {
  answers.jurisdiction.governingLaw = 'England and Wales';
  answers.jurisdiction.venue = 'London';
};

const noLateFeeOnReceipt = (answers: Loose) => {
  answers.fee.lateFeePercentPerMonth = 0;
  answers.fee.paymentDueDays = 0;
};

const CASES: readonly Case[] = [
  // English: a fixed price.
  { name: 'en-fixed-deposit', answers: 'new-client-fixed', invoice: { kind: 'deposit', number: 'INV-2026-001', issuedOn: '2026-12-01' } },
  {
    name: 'en-fixed-deposit-vat-refundable',
    answers: 'new-client-fixed',
    changes: '20% VAT with a VAT number, English law, a deposit that is not non-refundable',
    change: (answers) => {
      vat(answers);
      underEnglishLaw(answers);
      answers.deposit.nonRefundable = false;
    },
    invoice: { kind: 'deposit', number: 'INV-2026-001', issuedOn: '2026-12-01' },
  },
  {
    name: 'en-fixed-balance-expenses',
    answers: 'new-client-fixed',
    changes: 'how to pay given on the invoice',
    invoice: {
      kind: 'balance',
      number: 'INV-2027-002',
      issuedOn: '2027-03-20',
      howToPay: 'ACH to Umpqua Bank, routing 123006800, account 0001234567',
      expenses: [
        { description: 'Stock photos', amount: 120 },
        { description: 'Courier', amount: 35.5 },
      ],
    },
  },
  { name: 'en-fixed-balance-late', answers: 'new-client-fixed', invoice: { kind: 'balance', number: 'INV-2027-002', issuedOn: '2027-04-20', lateFeeSince: '2027-03-05' } },
  { name: 'en-fixed-balance-late-within-30-days', answers: 'new-client-fixed', invoice: { kind: 'balance', number: 'INV-2027-002', issuedOn: '2027-03-20', lateFeeSince: '2027-03-05' } },
  { name: 'en-fixed-ending', answers: 'new-client-fixed', invoice: { kind: 'ending', number: 'INV-2027-003', issuedOn: '2027-01-15', workDoneAmount: 2400 } },
  {
    name: 'en-fixed-ending-vat',
    answers: 'new-client-fixed',
    changes: '20% VAT with a VAT number, English law',
    change: (answers) => {
      vat(answers);
      underEnglishLaw(answers);
    },
    invoice: { kind: 'ending', number: 'INV-2027-003', issuedOn: '2027-01-15', workDoneAmount: 2400 },
  },
  {
    name: 'en-fixed-ending-owed-with-expenses',
    answers: 'new-client-fixed',
    invoice: { kind: 'ending', number: 'INV-2027-004', issuedOn: '2027-02-01', workDoneAmount: 8000, paymentsMade: 500, expenses: [{ description: 'Stock photos', amount: 120 }] },
  },
  {
    name: 'en-fixed-ending-japanese-law',
    answers: 'new-client-fixed',
    changes: 'yen, ¥1,200,000, 10% Consumption tax, withholding, a 50% kill fee, Japanese law',
    change: underJapaneseLaw,
    invoice: { kind: 'ending', number: 'INV-2027-005', issuedOn: '2027-01-15', workDoneAmount: 100_000 },
  },
  {
    name: 'en-fixed-paid-in-full',
    answers: 'new-client-fixed',
    changes: 'the whole price up front, paid the day after the invoice, a start date already past',
    change: (answers) => {
      answers.deposit.percent = 100;
      answers.fee.paymentDueDays = 1;
    },
    invoice: { kind: 'deposit', number: 'INV-2026-001', issuedOn: '2026-12-08' },
  },
  {
    name: 'en-fixed-balance-due-date-no-late-fee',
    answers: 'new-client-fixed',
    changes: 'no late fee, payment on receipt',
    change: noLateFeeOnReceipt,
    invoice: { kind: 'balance', number: 'INV-2027-002', issuedOn: '2027-03-20', dueDate: '2027-04-10' },
  },
  {
    name: 'en-fixed-balance-late-no-late-fee',
    answers: 'new-client-fixed',
    changes: 'no late fee, payment on receipt',
    change: noLateFeeOnReceipt,
    invoice: { kind: 'balance', number: 'INV-2027-002', issuedOn: '2027-04-20', lateFeeSince: '2027-03-05' },
  },
  {
    name: 'en-fixed-ending-paid-beyond',
    answers: 'new-client-fixed',
    invoice: { kind: 'ending', number: 'INV-2027-003', issuedOn: '2027-01-15', workDoneAmount: 2400, paymentsMade: 700 },
  },
  // English: hourly, under English law (the statute's interest when late).
  {
    // The statute's rate is known up to the end of 2026 (jurisdictions/statutes/rates): a later date keeps the contract's fee.
    name: 'en-fixed-deposit-late-statutory-interest',
    answers: 'new-client-fixed',
    changes: 'pounds, English law, no late fee in the contract, so the statute\'s interest and compensation',
    change: (answers) => {
      answers.fee.currency = 'GBP';
      answers.fee.lateFeePercentPerMonth = 0;
      underEnglishLaw(answers);
    },
    invoice: { kind: 'deposit', number: 'INV-2026-001', issuedOn: '2026-12-31', lateFeeSince: '2026-12-01' },
  },
  { name: 'en-hourly-deposit', answers: 'returning-client-hourly', invoice: { kind: 'deposit', number: 'R-101', issuedOn: '2027-03-15' } },
  { name: 'en-hourly-hours', answers: 'returning-client-hourly', invoice: { kind: 'hours', number: 'R-102', issuedOn: '2027-04-30', hours: 24 } },
  { name: 'en-hourly-hours-final-unused-deposit', answers: 'returning-client-hourly', invoice: { kind: 'hours', number: 'R-103', issuedOn: '2027-04-30', hours: 10, final: true } },
  {
    name: 'en-hourly-hours-final-unused-deposit-vat',
    answers: 'returning-client-hourly',
    changes: '20% VAT with a VAT number',
    change: vat,
    invoice: { kind: 'hours', number: 'R-103', issuedOn: '2027-04-30', hours: 10, final: true },
  },
  { name: 'en-hourly-hours-late-statute', answers: 'returning-client-hourly', invoice: { kind: 'hours', number: 'R-102', issuedOn: '2027-07-15', hours: 24, lateFeeSince: '2027-05-30' } },
  { name: 'en-hourly-ending', answers: 'returning-client-hourly', invoice: { kind: 'ending', number: 'R-104', issuedOn: '2027-05-10', hoursWorked: 30, paymentsMade: 200 } },
  // English: a retainer paid in advance.
  {
    name: 'en-retainer-first-month-deposit',
    answers: 'retainer-prepaid',
    changes: 'a 30% deposit, credited on the first month',
    change: (answers) => (answers.deposit.percent = 30),
    invoice: { kind: 'retainer', number: 'W-1', issuedOn: '2027-01-04', month: '2027-01' },
  },
  { name: 'en-retainer-paid-in-full', answers: 'retainer-prepaid', invoice: { kind: 'deposit', number: 'W-0', issuedOn: '2027-01-04' } },
  { name: 'en-retainer-later-month', answers: 'retainer-prepaid', invoice: { kind: 'retainer', number: 'W-3', issuedOn: '2027-02-25', month: '2027-03', expenses: [{ description: 'Trade show booth graphics', amount: 310 }] } },
  { name: 'en-retainer-ending-nothing-owed', answers: 'retainer-prepaid', invoice: { kind: 'ending', number: 'W-9', issuedOn: '2027-05-20', workDoneAmount: 0, noticeDaysGiven: 30 } },
  {
    name: 'en-fixed-deposit-person',
    answers: 'new-client-fixed',
    changes: 'a client who is a person, not a business',
    change: (answers) => {
      delete answers.client.business;
      answers.client.kind = 'consumer';
    },
    invoice: { kind: 'deposit', number: 'INV-2026-001', issuedOn: '2026-12-01' },
  },
  { name: 'en-retainer-ending', answers: 'retainer-prepaid', invoice: { kind: 'ending', number: 'W-9', issuedOn: '2027-05-20', workDoneAmount: 1200, noticeDaysGiven: 10 } },
  // Japanese: a fixed price, withholding, no 登録番号.
  { name: 'ja-fixed-deposit', answers: 'ja/tokyo-fixed', invoice: { kind: 'deposit', number: 'T-1', issuedOn: '2027-04-01' } },
  {
    name: 'ja-fixed-balance',
    answers: 'ja/tokyo-fixed',
    invoice: {
      kind: 'balance',
      number: 'T-2',
      issuedOn: '2027-06-30',
      expenses: [
        { description: '交通費', amount: 3_200 },
        { description: '素材写真', amount: 5_500 },
      ],
    },
  },
  { name: 'ja-fixed-balance-late', answers: 'ja/tokyo-fixed', invoice: { kind: 'balance', number: 'T-2', issuedOn: '2027-08-14', lateFeeSince: '2027-07-30' } },
  { name: 'ja-fixed-ending-before-work', answers: 'ja/tokyo-fixed', invoice: { kind: 'ending', number: 'T-9', issuedOn: '2027-06-01', workDoneAmount: 0, paymentsMade: 100_000 } },
  { name: 'ja-fixed-ending-after-work', answers: 'ja/tokyo-fixed', invoice: { kind: 'ending', number: 'T-9', issuedOn: '2027-06-01', workDoneAmount: 50_000 } },
  {
    name: 'ja-fixed-deposit-no-tax-person',
    answers: 'ja/tokyo-fixed',
    changes: '消費税なし、源泉徴収なし、個人の委託者、振込先なし',
    change: (answers) => {
      answers.fee.tax = null;
      answers.fee.withholding = false;
      delete answers.client.business;
      delete answers.fee.paymentMethod;
    },
    invoice: { kind: 'deposit', number: 'T-1', issuedOn: '2027-04-01' },
  },
  {
    name: 'ja-fixed-paid-in-full-after-start',
    answers: 'ja/tokyo-fixed',
    changes: '報酬の全額を前払い、開始日より後の請求日、お支払期限の指定（請求日当日）',
    change: (answers) => (answers.deposit.percent = 100),
    invoice: { kind: 'deposit', number: 'T-1', issuedOn: '2027-04-10', dueDate: '2027-04-10' },
  },
  {
    name: 'ja-fixed-ending-deposit-left',
    answers: 'ja/tokyo-fixed',
    changes: 'キャンセル料なし',
    change: (answers) => (answers.killFee.percentOfRemainingFee = 0),
    invoice: { kind: 'ending', number: 'T-9', issuedOn: '2027-06-01', workDoneAmount: 100_000 },
  },
  {
    name: 'ja-fixed-ending-payments-credited',
    answers: 'ja/tokyo-fixed',
    changes: 'キャンセル料なし',
    change: (answers) => (answers.killFee.percentOfRemainingFee = 0),
    invoice: { kind: 'ending', number: 'T-9', issuedOn: '2027-06-01', workDoneAmount: 800_000, paymentsMade: 100_000, expenses: [{ description: '交通費', amount: 3_200 }] },
  },
  // Japanese: hourly, a qualified invoice (登録番号).
  {
    name: 'ja-hourly-deposit-registered-no-tax',
    answers: 'ja/osaka-hourly',
    changes: '登録番号はあるが消費税なし（適格請求書にならない）、お支払期限の指定',
    change: (answers) => (answers.fee.tax = null),
    invoice: { kind: 'deposit', number: 'O-1', issuedOn: '2027-05-10', dueDate: '2027-05-14' },
  },
  { name: 'ja-hourly-ending', answers: 'ja/osaka-hourly', invoice: { kind: 'ending', number: 'O-9', issuedOn: '2027-06-15', hoursWorked: 30 } },
  { name: 'ja-hourly-deposit', answers: 'ja/osaka-hourly', invoice: { kind: 'deposit', number: 'O-1', issuedOn: '2027-05-10' } },
  { name: 'ja-hourly-hours-final', answers: 'ja/osaka-hourly', invoice: { kind: 'hours', number: 'O-9', issuedOn: '2027-06-30', hours: 2, final: true } },
  { name: 'ja-hourly-hours-late', answers: 'ja/osaka-hourly', invoice: { kind: 'hours', number: 'O-2', issuedOn: '2027-09-30', hours: 40, lateFeeSince: '2027-08-14' } },
  // Japanese: a retainer.
  {
    name: 'ja-retainer-first-month-deposit',
    answers: 'ja/yokohama-retainer',
    changes: '着手金30%（初月分に充当）',
    change: (answers) => (answers.deposit.percent = 30),
    invoice: { kind: 'retainer', number: 'Y-1', issuedOn: '2027-07-01', month: '2027-07' },
  },
  { name: 'ja-retainer-paid-in-full', answers: 'ja/yokohama-retainer', invoice: { kind: 'deposit', number: 'Y-0', issuedOn: '2027-07-01' } },
  { name: 'ja-retainer-later-month', answers: 'ja/yokohama-retainer', invoice: { kind: 'retainer', number: 'Y-3', issuedOn: '2027-08-25', month: '2027-09' } },
  { name: 'ja-retainer-ending', answers: 'ja/yokohama-retainer', invoice: { kind: 'ending', number: 'Y-9', issuedOn: '2027-10-20', workDoneAmount: 80_000, noticeDaysGiven: 10 } },
];

/** A run as the sample shows it: **bold** as the Word file sets it. */
const marked = (run: { readonly text: string; readonly bold?: boolean }) => (run.bold ? `**${run.text}**` : run.text);

/** The Word file's parts the email leaves out (title, subtitle, addresses or parties), then the email. */
function sampleText(invoice: Invoice): string {
  const head = invoice.head.filter((block) => block.type !== 'table').map((block) =>
    block.type === 'invoice-addresses'
      ? [...block.to, ...block.from].map((runs) => runs.map(marked).join('')).join('\n')
      : blockToText(block),
  );
  const tables = invoice.head.filter((block) => block.type === 'table');
  // What the Word and PDF files carry besides their text: the document's properties, the tables' headers and which rows stand out.
  const properties = [
    `language: ${invoice.language}; paper: ${invoice.meta.paperSize}`,
    `title: ${invoice.meta.title}`,
    `subject: ${invoice.meta.subject}`,
    `author: ${invoice.meta.author}`,
    `file: ${invoice.meta.fileStem}; keywords: ${invoice.meta.keywords}`,
    `reference: ${invoice.reference.projectName}, effective ${invoice.reference.effectiveDate}`,
    ...tables.map((table) => `details table: ${table.header.join(' | ')}; in bold: ${table.rows.filter((row) => row.emphasis).map((row) => row.label).join(', ') || 'none'}`),
    `lines table: ${invoice.lines.header.join(' | ')}; in bold: ${invoice.lines.totals.filter((row) => row.emphasis).map((row) => row.label).join(', ') || 'none'}`,
    `deductions: ${invoice.deductionDescriptions.join(', ') || 'none'}`,
    `in bold in the notes: ${invoice.notes.flatMap((block) => (block.type === 'paragraph' ? block.runs.filter((run) => run.bold).map((run) => run.text) : [])).join(', ') || 'none'}`,
  ];
  return [
    '== The Word file: its title, subtitle and addresses',
    invoice.title,
    invoice.subtitle,
    ...head,
    '',
    '== Its properties',
    ...properties,
    '',
    '== The email',
    renderInvoiceText(invoice),
  ].join('\n');
}

describe('every invoice edition, read whole', () => {
  for (const sample of CASES) {
    it(`${sample.name}: ${sample.invoice.kind} from ${sample.answers}${sample.changes ? ` (${sample.changes})` : ''}`, () => {
      const answers = sampleInput(sample.answers);
      sample.change?.(answers);
      const invoice = assembleInvoice(invoiceRequestSchema.parse({ answers, invoice: sample.invoice }));
      const from = `(rendered from clauses/samples/${sample.answers}.json${sample.changes ? ` with ${sample.changes}` : ''}, and the invoice ${JSON.stringify(sample.invoice)})`;
      expectGolden(join(DIR, `${sample.name}.sample.txt`), `${from}\n\n${sampleText(invoice)}`);
    });
  }
});
