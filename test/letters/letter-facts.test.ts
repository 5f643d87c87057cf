// The figures and words a letter prints, computed in code (letters/facts.ts,
// letters/edition-ja.ts) and pinned at each boundary: a letter without an
// invoice says nothing of one, an invoice on its due date is not late, the
// late fee appears only once it is owed, the call and the payment method
// only when given, the notice's order by days late, and the invoice table
// and file properties of each language.
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleLetter } from '../../src/letters/assemble.ts';
import { japaneseLetterOwnFacts } from '../../src/letters/edition-ja.ts';
import { computeLetterFacts, letterOwnFacts, noticeOrdinal } from '../../src/letters/facts.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import type { LetterRequest } from '../../src/letters/request.ts';
import type { Table } from '../../src/contract/tree.ts';
import { sampleInput } from '../helpers/samples.ts';

type Letter = LetterRequest['letter'];
type Fee = Parameters<typeof letterOwnFacts>[0];
const USD: Fee = { currency: 'USD', lateFeePercentPerMonth: 1.5, paymentMethod: undefined };
const invoice = { number: 'INV-7', amount: 6000, issuedOn: '2027-02-26', dueDate: '2027-03-12' };

describe('an English letter without an invoice', () => {
  it('prints no invoice figures, no lateness and no fee', () => {
    expect(letterOwnFacts(USD, { date: '2027-04-26' })).toEqual({
      date: 'April 26, 2027',
      invoice: { hasInvoice: false, number: '', amount: '', issuedOn: '', dueDate: '' },
      daysLate: 0,
      daysLateText: '0 days',
      isOverdue: false,
      lateFee: '',
      hasLateFee: false,
      lateFeePeriodsText: 'no full 30-day periods',
      balance: '',
      deadlineDays: 10,
      deadlineDate: 'May 6, 2027',
      howToPay: '',
      hasHowToPay: false,
      calledOn: '',
      hasCalled: false,
      noticeOrdinal: 'first',
      lateFeeStarts: '',
      withinSmallClaims: false,
      statutorySentence: '',
      hasStatutory: false,
      statutoryRows: [],
    });
  });
});

describe('an English letter about an invoice', () => {
  const facts = (letter: Partial<Letter>, fee: Fee = USD) =>
    letterOwnFacts(fee, { date: '2027-04-26', invoice, ...letter } as Letter);

  it('writes out the invoice, the fee for each full 30 days and the balance', () => {
    expect(facts({})).toMatchObject({
      invoice: { hasInvoice: true, number: 'INV-7', amount: '$6,000.00', issuedOn: 'February 26, 2027', dueDate: 'March 12, 2027' },
      daysLate: 45,
      daysLateText: '45 days',
      isOverdue: true,
      lateFee: '$90.00',
      hasLateFee: true,
      lateFeePeriodsText: 'one full 30-day period',
      balance: '$6,090.00',
      lateFeeStarts: 'April 11, 2027',
    });
  });

  it('is not late on the due date, and is one day late the day after', () => {
    expect(facts({ date: '2027-03-12' })).toMatchObject({ daysLate: 0, isOverdue: false, hasLateFee: false, lateFee: '$0.00', balance: '$6,000.00' });
    expect(facts({ date: '2027-03-13' })).toMatchObject({ daysLate: 1, daysLateText: '1 day', isOverdue: true, hasLateFee: false });
    // Before the due date: not "-5 days late".
    expect(facts({ date: '2027-03-07' })).toMatchObject({ daysLate: 0, daysLateText: '0 days', isOverdue: false });
  });

  // Due March 12, 2027: each full period ends 30 days after the last; $6,000 x 1.5% = $90 a period.
  it.each([
    ['2027-04-10', 'no full 30-day periods', '$0.00'],
    ['2027-04-11', 'one full 30-day period', '$90.00'],
    ['2027-05-11', 'two full 30-day periods', '$180.00'],
    ['2027-06-10', 'three full 30-day periods', '$270.00'],
    ['2027-07-10', 'four full 30-day periods', '$360.00'],
    ['2027-08-09', 'five full 30-day periods', '$450.00'],
    ['2027-09-08', 'six full 30-day periods', '$540.00'],
    ['2027-10-08', 'seven full 30-day periods', '$630.00'],
    ['2027-11-07', 'eight full 30-day periods', '$720.00'],
    ['2027-12-07', 'nine full 30-day periods', '$810.00'],
    ['2028-01-06', 'ten full 30-day periods', '$900.00'],
    ['2028-02-05', 'eleven full 30-day periods', '$990.00'],
    ['2028-03-06', 'twelve full 30-day periods', '$1,080.00'],
    ['2028-04-05', '13 full 30-day periods', '$1,170.00'],
  ])('dated %s: %s, a late fee of %s', (date, words, fee) => {
    expect(facts({ date })).toMatchObject({ lateFeePeriodsText: words, lateFee: fee });
  });

  it('counts the periods in words up to twelve, then in figures', () => {
    expect(facts({ date: '2027-05-11' }).lateFeePeriodsText).toBe('two full 30-day periods');
    expect(facts({ date: '2028-03-06' }).lateFeePeriodsText).toBe('twelve full 30-day periods');
    expect(facts({ date: '2028-04-05' }).lateFeePeriodsText).toBe('13 full 30-day periods');
  });

  it('owes no late fee under a contract without one, however late', () => {
    expect(facts({}, { ...USD, lateFeePercentPerMonth: 0 })).toMatchObject({ isOverdue: true, hasLateFee: false, lateFee: '$0.00', balance: '$6,000.00' });
  });

  it("mentions the call only when given, and how to pay from the letter, else from the contract", () => {
    expect(facts({ calledOn: '2027-04-20' })).toMatchObject({ calledOn: 'April 20, 2027', hasCalled: true });
    expect(facts({ howToPay: 'Wire to IBAN X' }, { ...USD, paymentMethod: 'Check' })).toMatchObject({ howToPay: 'Wire to IBAN X', hasHowToPay: true });
    expect(facts({}, { ...USD, paymentMethod: 'Check' })).toMatchObject({ howToPay: 'Check', hasHowToPay: true });
    expect(facts({ deadlineDays: 5 })).toMatchObject({ deadlineDays: 5, deadlineDate: 'May 1, 2027' });
  });

  it.each([
    [0, 'first'],
    [59, 'first'],
    [60, 'second'],
    [89, 'second'],
    [90, 'third'],
    [400, 'third'],
  ])('a notice %i days late is the %s', (days, ordinal) => {
    expect(noticeOrdinal(days)).toBe(ordinal);
  });

  it('takes the notice order from the days late', () => {
    expect(facts({ date: '2027-05-11' }).noticeOrdinal).toBe('second');
    expect(facts({ date: '2027-06-10' }).noticeOrdinal).toBe('third');
  });
});

describe("an English letter's invoice table and file", () => {
  const library = loadLetterLibrary();
  const answers = answersSchema.parse(sampleInput('new-client-fixed'));
  const letter = (kind: 'late-notice' | 'final-check-in', late: Partial<Letter> = {}) =>
    assembleLetter(kind, { answers, letter: { date: '2027-04-26', invoice, ...late } as Letter }, library);
  const table = (kind: 'late-notice', late: Partial<Letter> = {}) => letter(kind, late).blocks.find((block): block is Table => block.type === 'table');

  it('lists the invoice, the late fee when owed, and ends on the balance in bold', () => {
    expect(table('late-notice')).toEqual({
      type: 'table',
      caption: 'Invoice INV-7 (USD)',
      header: ['Item', 'Detail'],
      rows: [
        { label: 'Invoice number', value: 'INV-7' },
        { label: 'Invoice date', value: 'February 26, 2027' },
        { label: 'Due date', value: 'March 12, 2027' },
        { label: 'Days late', value: '45' },
        { label: 'Invoice amount', value: '$6,000.00' },
        { label: 'Late fee (1.5% for each full 30 days: one full 30-day period)', value: '$90.00' },
        { label: 'Balance due', value: '$6,090.00', emphasis: true },
      ],
    });
    // 20 days late: no fee yet, so no fee row.
    expect(table('late-notice', { date: '2027-04-01' })!.rows.map((row) => row.label)).not.toContainEqual(expect.stringMatching(/^Late fee/));
  });

  it("names the file and its properties after the project and the letter", () => {
    expect(letter('late-notice').meta).toMatchObject({
      title: 'Late payment notice: Harbor Coffee website redesign',
      subject: 'Late payment notice: invoice INV-7, Harbor Coffee website redesign',
      fileStem: 'Harbor-Coffee-website-redesign-late-notice',
      keywords: 'letter, follow-up, late-notice',
    });
    expect(letter('final-check-in').meta).toMatchObject({ subject: 'Final check-in: Harbor Coffee website redesign', fileStem: 'Harbor-Coffee-website-redesign-final-check-in' });
  });
});

describe('a Japanese letter', () => {
  const tokyo = answersSchema.parse(sampleInput('ja/tokyo-fixed'));
  const yen = { number: 'HD-12', amount: 600_000, issuedOn: '2027-05-31', dueDate: '2027-06-30' };
  const facts = (letter: Partial<Letter>, answers = tokyo) => japaneseLetterOwnFacts(answers, { date: '2027-07-31', invoice: yen, ...letter } as Letter);

  it('without an invoice prints no invoice figures, no lateness and no fee', () => {
    expect(japaneseLetterOwnFacts(tokyo, { date: '2027-07-31' })).toMatchObject({
      date: '2027年7月31日',
      invoice: { hasInvoice: false, number: '', amount: '', issuedOn: '', dueDate: '' },
      daysLate: 0,
      isOverdue: false,
      lateFee: '',
      hasLateFee: false,
      balance: '',
      deadlineDays: 10,
      deadlineDate: '2027年8月10日',
      calledOn: '',
      hasCalled: false,
      withinSmallClaims: false,
      smallClaimsLimit: '600,000円',
    });
  });

  it('writes out the invoice and the late fee by the day', () => {
    expect(facts({})).toMatchObject({
      invoice: { hasInvoice: true, number: 'HD-12', amount: '600,000円', issuedOn: '2027年5月31日', dueDate: '2027年6月30日' },
      daysLate: 31,
      isOverdue: true,
      hasLateFee: true,
      withinSmallClaims: true,
    });
    expect(facts({}).balance).toBe(`${(600_000 + Number(facts({}).lateFee.replace(/\D/g, ''))).toLocaleString('en-US')}円`);
  });

  it('is not late on the due date, and owes a day of late fee the day after', () => {
    expect(facts({ date: '2027-06-30' })).toMatchObject({ daysLate: 0, isOverdue: false, hasLateFee: false, lateFee: '0円', balance: '600,000円' });
    expect(facts({ date: '2027-07-01' })).toMatchObject({ daysLate: 1, isOverdue: true, hasLateFee: true });
    expect(facts({ date: '2027-06-20' })).toMatchObject({ daysLate: 0, isOverdue: false });
  });

  it('takes the call, the deadline and how to pay as given', () => {
    expect(facts({ calledOn: '2027-07-20', deadlineDays: 14, howToPay: '振込' })).toMatchObject({
      calledOn: '2027年7月20日',
      hasCalled: true,
      deadlineDays: 14,
      deadlineDate: '2027年8月14日',
      howToPay: '振込',
      hasHowToPay: true,
    });
  });

  it('names small claims for a yen invoice of up to ¥600,000 only', () => {
    expect(facts({ invoice: { ...yen, amount: 600_001 } }).withinSmallClaims).toBe(false);
    expect(facts({ invoice: { ...yen, amount: 600_000 } }).withinSmallClaims).toBe(true);
    const dollars = answersSchema.parse({ ...sampleInput('ja/tokyo-fixed'), fee: { ...sampleInput('ja/tokyo-fixed').fee, currency: 'USD', total: 6000 } });
    expect(facts({ invoice: { ...yen, amount: 500 } }, dollars).withinSmallClaims).toBe(false);
  });

  it('lists the invoice in a table ending on the amount due in bold, the late fee only when owed', () => {
    const english = loadLetterLibrary();
    const table = (date: string) =>
      assembleLetter('late-notice', { answers: tokyo, letter: { date, invoice: yen } as Letter }, english).blocks.find((block): block is Table => block.type === 'table')!;
    const late = table('2027-07-31');
    expect(late.caption).toBe('請求書 HD-12');
    expect(late.header).toEqual(['項目', '内容']);
    expect(late.rows.map((row) => row.label)).toEqual(['請求書番号', '請求日', '支払期日', '遅延日数', '請求金額', expect.stringMatching(/^遅延損害金（年[\d.]+%、日割計算）$/), 'お支払いいただく金額']);
    expect(late.rows.at(-1)).toMatchObject({ emphasis: true });
    expect(late.rows.filter((row) => row.emphasis)).toHaveLength(1);
    expect(late.rows[3]!.value).toBe('31日');
    // Dated on the due date: no fee yet, so no fee row.
    expect(table('2027-06-30').rows.map((row) => row.label)).not.toContainEqual(expect.stringMatching(/^遅延損害金/));
  });

  it('names the file after the project and the letter, addresses a person without a company as 様, and labels contacts in Japanese', () => {
    const english = loadLetterLibrary();
    const letter = assembleLetter('late-notice', { answers: tokyo, letter: { date: '2027-07-31', invoice: yen } as Letter }, english);
    expect(letter.meta).toMatchObject({
      title: '督促状：コーポレートサイトのリニューアル',
      fileStem: 'コーポレートサイトのリニューアル-督促状',
      keywords: '書面, フォローアップ, 督促状',
      language: 'ja',
    });
    expect(letter.contactLabels).toEqual({ email: '電子メール', phone: '電話' });
    const person = answersSchema.parse({ ...sampleInput('ja/tokyo-fixed'), client: { ...sampleInput('ja/tokyo-fixed').client, business: undefined, title: undefined } });
    const toPerson = assembleLetter('final-check-in', { answers: person, letter: { date: '2027-07-31' } as Letter }, english);
    expect(toPerson.recipient.name).toBe(`${person.client.name} 様`);
    expect(toPerson.recipient.business).toBeUndefined();
  });
});

describe('the letter facts of a contract, with its place', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const oregon = (change: (input: any) => void = () => {}) => {
    const input = sampleInput('new-client-fixed');
    change(input);
    return answersSchema.parse(input);
  };
  const dated = (amount: number) => ({ date: '2027-04-26', invoice: { ...invoice, amount } });

  it('a letter without an invoice: no small claim and nothing a statute adds', () => {
    expect(computeLetterFacts(oregon(), { date: '2027-04-26' }).letter).toMatchObject({ withinSmallClaims: false, statutorySentence: '', statutoryRows: [], balance: '' });
  });

  it("Oregon's small-claims limit of $10,000 takes an invoice of $10,000.00, not of $10,000.01; the late fee is not counted", () => {
    // $10,000 x 1.5% for one full period: $150 of late fee, a balance of $10,150.00 over the limit, the claim within it.
    expect(computeLetterFacts(oregon(), dated(10_000)).letter).toMatchObject({ withinSmallClaims: true, balance: '$10,150.00' });
    expect(computeLetterFacts(oregon(), dated(10_000.01)).letter.withinSmallClaims).toBe(false);
    expect(computeLetterFacts(oregon(), dated(9_999.99)).letter.withinSmallClaims).toBe(true);
  });
});

describe("what a statute adds to a letter's balance, sentence and rows", () => {
  /** The England sample moved to `law` in euros or pounds, £/€5,000 due 15 January 2026, the letter dated `date`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const statutory = (law: string, lateFeePercentPerMonth: number, date: string, amount = 5000) => {
    const input = sampleInput('returning-client-hourly');
    input.effectiveDate = '2025-12-01';
    input.project.startDate = '2025-12-08';
    input.fee.lateFeePercentPerMonth = lateFeePercentPerMonth;
    if (law !== 'England and Wales') {
      input.jurisdiction.governingLaw = law;
      input.jurisdiction.venue = `the courts of ${law}`;
      input.fee.currency = 'EUR';
    }
    const letter = { date, invoice: { number: 'INV-2026-001', amount, issuedOn: '2025-12-16', dueDate: '2026-01-15' }, deadlineDays: 14 };
    return computeLetterFacts(answersSchema.parse(input), letter).letter;
  };
  const BGB = 'BGB § 288 (Verzugszinsen und sonstiger Verzugsschaden)';

  it('Germany, a contract fee of 2% a month: the fee stays, and the €40 of § 288(5) is the one thing added ("is")', () => {
    // 60 days late: two full periods, 2 x 2% of €5,000 = €200; €5,000 + €200 + €40 = €5,240.00.
    expect(statutory('Germany', 2, '2026-03-16')).toMatchObject({
      lateFee: '€200.00',
      hasLateFee: true,
      balance: '€5,240.00',
      statutorySentence: `Under the ${BGB}, fixed compensation of €40.00 for recovery costs is added`,
      hasStatutory: true,
      statutoryRows: [{ label: `Fixed compensation for recovery costs under the ${BGB}`, value: '€40.00' }],
    });
  });

  it('Germany, no contract fee: the statutory interest and the €40 ("are"), each a row', () => {
    // Base rate 1.27% + 9 points = 10.27%; €5,000 x 10.27% x 60 / 365 = €84.41; €5,000 + €84.41 + €40 = €5,124.41.
    expect(statutory('Germany', 0, '2026-03-16')).toMatchObject({
      balance: '€5,124.41',
      statutorySentence: `Under the ${BGB}, statutory interest of €84.41 (10.27% a year from January 16, 2026) and fixed compensation of €40.00 for recovery costs are added`,
      statutoryRows: [
        { label: `Statutory interest under the ${BGB} (10.27% a year from January 16, 2026)`, value: '€84.41' },
        { label: `Fixed compensation for recovery costs under the ${BGB}`, value: '€40.00' },
      ],
    });
  });

  it('England, dated on the due date: nothing is late, so nothing is added and no row is printed', () => {
    expect(statutory('England and Wales', 0, '2026-01-15')).toMatchObject({ balance: '£5,000.00', statutorySentence: '', hasStatutory: false, statutoryRows: [] });
  });

  it('England, the day after the due date: one day of interest and the £70', () => {
    // £5,000 x 11.75% x 1 / 365 = £1.61; £5,000 + £1.61 + £70 = £5,071.61.
    expect(statutory('England and Wales', 0, '2026-01-16')).toMatchObject({
      balance: '£5,071.61',
      statutoryRows: [
        { label: 'Statutory interest under the Late Payment of Commercial Debts (Interest) Act 1998 (11.75% a year from January 16, 2026)', value: '£1.61' },
        { label: 'Fixed compensation for recovery costs under the Late Payment of Commercial Debts (Interest) Act 1998', value: '£70.00' },
      ],
    });
  });

  it('England, £10 a day late: the interest rounds to £0.00 and is left out; the £40 for a debt under £1,000 is the one thing added', () => {
    // £10 x 11.75% x 1 / 365 = £0.003: nothing to claim. s. 5A: £40 below £1,000. £10 + £40 = £50.00.
    expect(statutory('England and Wales', 0, '2026-01-16', 10)).toMatchObject({
      balance: '£50.00',
      statutorySentence: 'Under the Late Payment of Commercial Debts (Interest) Act 1998, fixed compensation of £40.00 for recovery costs is added',
      statutoryRows: [{ label: 'Fixed compensation for recovery costs under the Late Payment of Commercial Debts (Interest) Act 1998', value: '£40.00' }],
    });
  });

  it('England, a contract fee of 2% a month (a substantial remedy): the fee alone, no sentence and no row', () => {
    expect(statutory('England and Wales', 2, '2026-03-16')).toMatchObject({ lateFee: '£200.00', balance: '£5,200.00', statutorySentence: '', hasStatutory: false, statutoryRows: [] });
  });
});
