// The fee table each contract prints, row by row, for each fee model with and
// without a tax, a deposit or payment in full: what the client reads as the
// price and its parts. English and Japanese (報酬の内訳).
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import type { Table } from '../../src/contract/tree.ts';
import { sampleInput } from '../helpers/samples.ts';

const library = loadContractLibrary();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function feeTable(name: string, change: (input: any) => void = () => {}): Table {
  const input = sampleInput(name);
  change(input);
  const contract = assembleContract(answersSchema.parse(input), library);
  return contract.sections.flatMap((section) => section.blocks).find((block): block is Table => block.type === 'table')!;
}
const rows = (table: Table) => table.rows.map((row) => (row.emphasis ? [row.label, row.value, 'bold'] : [row.label, row.value]));

describe('the English fee table', () => {
  it('prints a rate with three decimals as it is charged: New York City\'s 8.875% sales tax, not 8.88%', () => {
    const table = feeTable('new-client-fixed', (i) => {
      i.fee.currency = 'USD';
      i.fee.total = 10_000;
      i.fee.tax = { label: 'Sales tax', percent: 8.875 };
    });
    expect(table.rows.find((row) => row.label.startsWith('Sales tax at'))).toEqual({ label: 'Sales tax at 8.875%', value: '$887.50' });
  });

  it('hourly with VAT: the rate before VAT, the hours, the parts, and the estimate with VAT in bold', () => {
    const table = feeTable('returning-client-hourly', (i) => (i.fee.tax = { label: 'VAT', percent: 20 }));
    expect(table.caption).toBe('Fees (GBP)');
    expect(table.header).toEqual(['Item', 'Amount']);
    expect(rows(table)).toEqual([
      ['Hourly rate, before VAT', '£85.00'],
      ['Estimated hours', '60'],
      ['Deposit (30%, non-refundable, due before work starts)', '£1,530.00'],
      ['Balance (estimated, invoiced as work is done)', '£3,570.00'],
      ['Estimated fee, before VAT', '£5,100.00'],
      ['VAT at 20%', '£1,020.00'],
      ['Estimated fee, with VAT', '£6,120.00', 'bold'],
    ]);
  });

  it('hourly without a tax: the rate is not said to be before one', () => {
    expect(rows(feeTable('returning-client-hourly'))).toEqual([
      ['Hourly rate', '£85.00'],
      ['Estimated hours', '60'],
      ['Deposit (30%, non-refundable, due before work starts)', '£1,530.00'],
      ['Balance (estimated, invoiced as work is done)', '£3,570.00'],
      ['Estimated fee', '£5,100.00', 'bold'],
    ]);
  });

  it('a refundable deposit is not called non-refundable', () => {
    expect(rows(feeTable('new-client-fixed', (i) => (i.deposit = { percent: 50, nonRefundable: false })))).toEqual([
      ['Deposit (50%, due before work starts)', '$6,000.00'],
      ['Balance due on completion', '$6,000.00'],
      ['Total price', '$12,000.00', 'bold'],
    ]);
  });

  it('a fixed price paid in full: one row, paid before work begins', () => {
    expect(rows(feeTable('new-client-fixed', (i) => (i.deposit.percent = 100)))).toEqual([['Total price, paid in full before work begins', '$12,000.00', 'bold']]);
  });

  it('a fixed price paid in full with a tax: the price, the tax, and the whole paid before work begins', () => {
    expect(rows(feeTable('new-client-fixed', (i) => {
      i.deposit.percent = 100;
      i.fee.tax = { label: 'Sales tax', percent: 8.25 };
    }))).toEqual([
      ['Total price, before Sales tax', '$12,000.00'],
      ['Sales tax at 8.25%', '$990.00'],
      ['Total price, with Sales tax, paid in full before work begins', '$12,990.00', 'bold'],
    ]);
  });

  it('a retainer with a 40% deposit and GST: hours a month, the deposit and the rest of the first month', () => {
    expect(rows(feeTable('retainer-prepaid', (i) => {
      i.deposit.percent = 40;
      i.fee.tax = { label: 'GST', percent: 10 };
    }))).toEqual([
      ['Hours included each month', '20'],
      ['Deposit (40%, non-refundable, due before work starts)', '$1,000.00'],
      ['Balance of the first month', '$1,500.00'],
      ['Monthly retainer, before GST', '$2,500.00'],
      ['GST at 10%', '$250.00'],
      ['Monthly retainer, with GST', '$2,750.00', 'bold'],
    ]);
  });

  it('a retainer paid in full, refundable: paid before each month begins', () => {
    expect(rows(feeTable('retainer-prepaid', (i) => (i.deposit = { percent: 100, nonRefundable: false })))).toEqual([
      ['Hours included each month', '20'],
      ['Monthly retainer, paid in full before each month begins', '$2,500.00', 'bold'],
    ]);
  });
});

describe('the Japanese fee table (報酬の内訳)', () => {
  it('hourly for a company (no 源泉徴収): rate and hours, the estimate with 消費税, then the deposit and the rest, each with what is paid', () => {
    const table = feeTable('ja/osaka-hourly');
    expect(table.caption).toBe('報酬の内訳（単位：円）');
    expect(table.header).toEqual(['項目', '金額']);
    expect(rows(table)).toEqual([
      ['時間単価（税抜）', '6,000円'],
      ['見込み作業時間', '80時間'],
      ['見込み報酬額（税抜）', '480,000円'],
      ['消費税（10%）', '48,000円'],
      ['見込み報酬額（税込）', '528,000円'],
      ['着手金（30%・返還しない・税抜）', '144,000円'],
      ['　消費税（10%）', '14,400円'],
      ['　お支払額（税込）', '158,400円', 'bold'],
      ['残金（見込み・作業に応じて請求・税抜）', '336,000円'],
      ['　消費税（10%）', '33,600円'],
      ['　お支払額（税込）', '369,600円', 'bold'],
    ]);
  });

  it('a retainer paid in advance each month by an individual: 源泉徴収 taken off, and what is transferred', () => {
    expect(rows(feeTable('ja/yokohama-retainer'))).toEqual([
      ['月額報酬（税抜）', '250,000円'],
      ['消費税（10%）', '25,000円'],
      ['月額報酬（税込）', '275,000円'],
      ['月間作業時間', '20時間まで'],
      ['各月の前払額（返還しない・税抜）', '250,000円'],
      ['　消費税（10%）', '25,000円'],
      ['　源泉徴収税額', '−25,525円'],
      ['　差引振込額', '249,475円', 'bold'],
    ]);
  });

  it('a retainer with a refundable 30% deposit: the deposit and the rest of the first month', () => {
    expect(rows(feeTable('ja/yokohama-retainer', (i) => (i.deposit = { percent: 30, nonRefundable: false }))).slice(4)).toEqual([
      ['着手金（30%・税抜）', '75,000円'],
      ['　消費税（10%）', '7,500円'],
      ['　源泉徴収税額', '−7,657円'],
      ['　差引振込額', '74,843円', 'bold'],
      ['初月の残金（税抜）', '175,000円'],
      ['　消費税（10%）', '17,500円'],
      ['　源泉徴収税額', '−17,867円'],
      ['　差引振込額', '174,633円', 'bold'],
    ]);
  });

  it('a fixed price paid in full before work starts', () => {
    expect(rows(feeTable('ja/tokyo-fixed', (i) => (i.deposit.percent = 100))).slice(3)).toEqual([
      ['前払額（着手前に全額・返還しない・税抜）', '1,200,000円'],
      ['　消費税（10%）', '120,000円'],
      ['　源泉徴収税額', '−142,940円'],
      ['　差引振込額', '1,177,060円', 'bold'],
    ]);
  });

  it('a tax-exempt freelancer (免税事業者): no 税抜 or 税込 anywhere, and no 消費税 rows', () => {
    expect(rows(feeTable('ja/tokyo-fixed', (i) => (i.fee.tax = null)))).toEqual([
      ['報酬額', '1,200,000円'],
      ['着手金（50%・返還しない）', '600,000円'],
      ['　源泉徴収税額', '−61,260円'],
      ['　差引振込額', '538,740円', 'bold'],
      ['残金（納品時に請求）', '600,000円'],
      ['　源泉徴収税額', '−61,260円'],
      ['　差引振込額', '538,740円', 'bold'],
    ]);
  });

  it('in dollars, the caption names the currency', () => {
    const table = feeTable('ja/tokyo-fixed', (i) => {
      i.fee.currency = 'USD';
      i.fee.total = 5000;
      i.fee.tax = null;
      i.fee.withholding = false;
    });
    expect(table.caption).toBe('報酬の内訳（USD）');
    expect(rows(table)).toEqual([
      ['報酬額', '$5,000.00'],
      ['着手金（50%・返還しない）', '$2,500.00'],
      ['　お支払額', '$2,500.00', 'bold'],
      ['残金（納品時に請求）', '$2,500.00'],
      ['　お支払額', '$2,500.00', 'bold'],
    ]);
  });
});
