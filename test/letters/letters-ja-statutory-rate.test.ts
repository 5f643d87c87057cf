// Issue 28: a Japanese contract that sets no 遅延損害金 still earns the 法定利率, 年3% (民法404条2項,
// 419条1項), from the day after the due date. The late letters and a resent invoice name it; a
// contract that sets its own rate gets that rate alone, never both. Figures worked by hand:
// ¥660,000 × 3% × 31 days / 365 = ¥1,681.64, yen fractions dropped: ¥1,681.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { CLAUSES_ROOT } from '../../src/clauses/load.ts';
import { assembleInvoice } from '../../src/invoices/assemble.ts';
import { renderInvoiceText } from '../../src/invoices/plain-text.ts';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import { assembleLetter } from '../../src/letters/assemble.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { renderLetterText } from '../../src/letters/plain-text.ts';
import type { LetterKind } from '../../src/letters/request.ts';
import { sampleInput } from '../helpers/samples.ts';

const fixture = JSON.parse(readFileSync(join(CLAUSES_ROOT, 'letters-ja', 'sample-letter.json'), 'utf8'));
const library = loadLetterLibrary();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function answers(lateFeePercentPerMonth: number): any {
  const input = sampleInput(fixture.answers);
  input.fee.lateFeePercentPerMonth = lateFeePercentPerMonth;
  return input;
}
const letterText = (kind: LetterKind, percent: number) =>
  renderLetterText(assembleLetter(kind, { answers: answersSchema.parse(answers(percent)), letter: fixture.letter }, library));

describe('Japanese letters without a contract 遅延損害金', () => {
  it('the final demand claims 遅延損害金 at the 法定利率 of 3% from the day after the due date', () => {
    const text = letterText('final-notice', 0);
    expect(text).toContain('請求金額660,000円及び本日までの遅延損害金1,681円（契約に定めがないため民法所定の法定利率年3%により、2027年7月31日から日割計算）、合計661,681円です。');
    expect(text).toContain('661,681円（以後も完済まで年3%の割合で遅延損害金が日割により発生します。）');
  });

  it('the late notice names the statute and its rate, and the figure the client owes', () => {
    const text = letterText('late-notice', 0);
    expect(text).toContain('民法所定の法定利率年3%（民法第404条、第419条第1項）');
    expect(text).toContain('2027年7月31日から');
    expect(text).toContain('661,681円');
    expect(text).toMatch(/遅延損害金（民法所定の法定利率年3%、日割計算）: 1,681円/);
  });

  it('a contract with its own rate gets that rate alone: no 法定利率 beside it', () => {
    const text = letterText('final-notice', 1.2);
    expect(text).toContain('遅延損害金8,071円（年14.4%、日割計算）、合計668,071円');
    expect(text).not.toContain('法定利率');
    expect(letterText('late-notice', 1.2)).not.toContain('法定利率');
  });
});

describe('a resent Japanese invoice without a contract 遅延損害金', () => {
  it('adds the 法定利率 line and says why', () => {
    const request = invoiceRequestSchema.parse({ answers: answers(0), invoice: { kind: 'balance', number: 'T-9', issuedOn: '2027-08-14', lateFeeSince: '2027-07-30' } });
    const invoice = assembleInvoice(request);
    expect(invoice.lines.lines.at(-1)!.description).toBe('遅延損害金（民法所定の法定利率年3%、お支払期限2027年7月30日の翌日から15日分の日割計算、消費税の対象外）');
    expect(invoice.lines.lines.filter((line) => /遅延/.test(line.description))).toHaveLength(1);
    expect(renderInvoiceText(invoice)).toContain('契約に遅延損害金の定めがないため、民法第404条及び第419条第1項により遅延損害金（民法所定の法定利率年3%、日割計算）を加算しています。');
  });
});

describe('the Freelance Act in the Japanese final demand', () => {
  const finalNotice = (change: (input: ReturnType<typeof answers>) => void) => {
    const input = answers(1.2);
    change(input);
    return renderLetterText(assembleLetter('final-notice', { answers: answersSchema.parse(input), letter: fixture.letter }, library));
  };
  const RULE = '同法第4条は、報酬を給付の受領日から起算して60日以内の支払期日までに支払うことを求めており、本件の不払いについては、同法第6条に基づく公正取引委員会又は中小企業庁長官への申出も検討しております。';

  it('states the 60-day rule and the report to 公正取引委員会 or 中小企業庁 for a solo freelancer and a company client', () => {
    const text = finalNotice(() => {});
    expect(text).toContain('本件の委託は特定受託事業者に係る取引の適正化等に関する法律の対象となる取引と考えます。');
    expect(text).toContain(RULE);
  });

  it('says nothing of the Act for a freelancer with employees, a contract made before 1 November 2024, or a private client', () => {
    expect(finalNotice((input) => (input.freelancer.hasEmployees = true))).not.toContain('特定受託事業者');
    expect(finalNotice((input) => (input.effectiveDate = '2024-10-31'))).not.toContain('特定受託事業者');
    expect(finalNotice((input) => delete input.client.business)).not.toContain('特定受託事業者');
  });
});
