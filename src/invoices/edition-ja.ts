// The Japanese invoice (請求書) for answers with `language: "ja"`: the same
// bill as the English one (bill.ts, from the settlement model), written as a
// Japanese invoice is (JAPANESE.md, "Invoices"):
// - a qualified invoice (適格請求書, 消費税法 第57条の4) when the freelancer has a
//   registration number and charges 消費税: the issuer's name and 登録番号, the
//   date of issue and of the supply, what was supplied, the amount by tax
//   rate with the rate, the tax by rate (rounded once per invoice and rate:
//   the settlement model's TaxLine), and the recipient's name;
// - otherwise a plain 請求書 that says the issuer is not a registered
//   issuer, so the client does not take it for a qualified invoice;
// - 源泉徴収 deducted where the contract withholds (the settlement model's
//   deduction, never recomputed here), 振込先, 振込手数料 paid by the client,
//   and the recipient as 「… 御中」 (a company) or 「… 様」 (a person);
// - a late fee as the Japanese contract counts it: 遅延損害金 at its yearly rate,
//   by the day.
// Money and dates through src/language/format.ts: 600,000円, 2027年4月1日.
import type { Answers } from '../answers/schema.ts';
import { money, type Money } from '../answers/money.ts';
import { safeFileStem } from '../contract/file-name.ts';
import {
  contractMoney,
  depositCreditedOn,
  REFUND_DAYS,
  unusedDepositBill,
  withDailyLateFee,
  WITHHOLDING_RATES,
  WITHHOLDING_THRESHOLD_YEN,
  type Bill,
  type BillLine,
  type Ending,
} from '../contract/settlement.ts';
import type { Block, Table, TextRun } from '../contract/tree.ts';
import { jaLegalName } from '../contract/facts-ja.ts';
import { formatsFor } from '../language/format.ts';
import { addDays } from '../answers/dates.ts';
import { japaneseLateRate } from '../claims/late-charges.ts';
import { billFor, dueDateFor, monthStart, type LateFeeRule } from './bill.ts';
import type { InvoiceFields, InvoiceKind, InvoiceRequest } from './request.ts';
import type { Invoice, InvoiceAddresses, InvoiceFigures, InvoiceLinesTable } from './tree.ts';

const ja = formatsFor('ja');

// The Japanese contract's 遅延損害金: its monthly rate × 12 a year, or the 法定利率 where it sets none, counted by
// the day (as its letters count it; claims/late-charges.ts chooses the rate).
const dailyLateFee: LateFeeRule = (answers, bill, dueDate, onDate) => withDailyLateFee(bill, japaneseLateRate(answers, dueDate).yearlyPercent, dueDate, onDate);
/** 年14.4% for the contract's rate, 民法所定の法定利率年3% where the statute's applies. */
function lateRateText(answers: Answers, dueDate: string): string {
  const rate = japaneseLateRate(answers, dueDate);
  return `${rate.statute ? '民法所定の法定利率' : ''}年${ja.percent(rate.yearlyPercent)}`;
}

const KIND_TITLES: Readonly<Record<InvoiceKind, string>> = {
  deposit: '着手金',
  balance: '残金',
  hours: '作業時間分の報酬',
  retainer: '月額報酬',
  ending: '契約終了時の精算',
};

const paragraph = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });

/** The last day of a YYYY-MM month, as an ISO date. */
function monthEnd(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year!, number!, 0)).toISOString().slice(0, 10);
}

const period = (from: string, to: string) => (from === to ? ja.date(from) : `${ja.date(from)}～${ja.date(to)}`);

/** What a deposit is asked for, as the kind's title: 着手金, or the whole price paid before work. */
function kindTitle(answers: Answers, invoice: InvoiceFields): string {
  if (invoice.kind === 'deposit' && contractMoney(answers).inFull) return answers.fee.model === 'retainer' ? '初月分の月額報酬' : '報酬の前払い';
  if (invoice.kind === 'retainer' && invoice.month) return `${ja.month(invoice.month)}分の月額報酬`;
  return KIND_TITLES[invoice.kind];
}

/**
 * When the supply was (or will be) made: a qualified invoice states it. A
 * deposit is invoiced before the work, which the National Tax Agency's Q&A
 * allows (対価を前受けした場合): it names the work's planned period.
 */
function supplyText(answers: Answers, invoice: InvoiceFields): string {
  const { startDate, endDate } = answers.project;
  const through = endDate && endDate < invoice.issuedOn ? endDate : invoice.issuedOn;
  const workedPeriod = startDate <= through ? period(startDate, through) : ja.date(through);
  switch (invoice.kind) {
    case 'deposit':
      if (answers.fee.model === 'retainer') return `${period(startDate, monthEnd(startDate.slice(0, 7)))}（初月分、前払い）`;
      return `${endDate ? period(startDate, endDate) : `${ja.date(startDate)}から`}（予定。着手前の前受け）`;
    case 'retainer':
      return `${period(monthStart(answers, invoice.month!), monthEnd(invoice.month!))}（前払い）`;
    case 'balance':
      return `${workedPeriod}（納品まで）`;
    case 'hours':
      return `${ja.date(through)}までの作業分`;
    case 'ending':
      return `${workedPeriod}（契約終了まで）`;
  }
}

/**
 * The Japanese contract's payment date (clauses/contract-ja/05-fees): a fixed day counted from
 * receipt, the day of receipt being the first (「受領した日から起算してN日目」), so that 60 days
 * stays within the Freelance Act's art. 4(1). A bill issued on delivery (or on the month-end close
 * for hourly work) is received that day; the deposit and a retainer's month keep the shared rule.
 */
function japaneseDueDate(answers: Answers, invoice: InvoiceFields): string {
  const shared = dueDateFor(answers, invoice);
  if (invoice.dueDate || invoice.lateFeeSince || invoice.kind === 'deposit' || invoice.kind === 'retainer') return shared;
  return addDays(invoice.issuedOn, Math.max(0, answers.fee.paymentDueDays - 1));
}

/** お支払期限, written out. */
function dueText(answers: Answers, invoice: InvoiceFields, dueDate: string): string {
  const { startDate } = answers.project;
  if (invoice.dueDate) return dueDate === invoice.issuedOn ? '受領後すみやかに' : `${ja.date(dueDate)}まで`;
  if (invoice.lateFeeSince) return '受領後すみやかに（お支払期限を過ぎています）';
  switch (invoice.kind) {
    case 'deposit':
      return invoice.issuedOn < startDate ? `受領後すみやかに（本業務の着手日${ja.date(startDate)}より前）` : '受領後すみやかに（お支払いの確認後に着手いたします）';
    case 'retainer':
      return dueDate === invoice.issuedOn ? '受領後すみやかに（各月分は前払い）' : `${ja.date(dueDate)}まで（当月分の前払い）`;
    default:
      // As the contract counts: from receipt (受領した日), or for hours from the month-end close (締日).
      return answers.fee.paymentDueDays === 0
        ? '受領後すみやかに'
        : `${ja.date(dueDate)}まで（${invoice.kind === 'hours' ? '締日' : '受領した日'}から起算して${answers.fee.paymentDueDays}日目）`;
  }
}

/** A line as the 請求書 prints it, by what the settlement model says it is. */
function describeLine(answers: Answers, invoice: InvoiceFields, line: BillLine, figures: InvoiceFigures, expense: () => string): string {
  const contract = contractMoney(answers);
  const { fee } = answers;
  const { ending: ended, late } = figures;
  const baseName = fee.model === 'fixed' ? '報酬額' : fee.model === 'hourly' ? '見込み報酬額' : '月額報酬';
  const rate = fee.model === 'hourly' ? ja.money(money(fee.rate, fee.currency)) : '';
  // A late fee is damages, outside consumption tax: said on its line when the invoice charges the tax.
  const untaxed = !line.taxable && figures.bill.taxes.length > 0 ? '（消費税の対象外）' : '';
  switch (line.kind) {
    case 'deposit':
      if (contract.inFull) return fee.model === 'retainer' ? '初月分の月額報酬（前払い）' : '報酬の全額（着手前の前払い）';
      return `着手金（${baseName}${ja.money(contract.base)}の${ja.percent(contract.depositPercent)}）`;
    case 'balance':
      return `残金（報酬額${ja.money(contract.base)}から着手金${ja.money(contract.deposit)}を差し引いた額）`;
    case 'fee':
      if (invoice.kind === 'retainer' && invoice.month) return `月額報酬（${ja.month(invoice.month)}分、前払い）`;
      if (invoice.kind === 'hours' && invoice.hours !== undefined) return `作業時間 ${ja.count(invoice.hours)}時間（時間単価${rate}）`;
      return '報酬';
    case 'work-done':
      return fee.model === 'hourly' ? `契約終了までの作業分（${ja.count(invoice.hoursWorked ?? 0)}時間、時間単価${rate}）` : '契約終了までの作業分';
    case 'kill-fee':
      return ended ? `キャンセル料（未発生の報酬${ja.money(ended.feeNotEarned)}の${ja.percent(ended.killFeePercent)}）` : 'キャンセル料';
    case 'expense':
      return `立替経費（実費）：${expense()}${untaxed}`;
    case 'late-fee':
      return late
        ? `遅延損害金（${lateRateText(answers, late.since)}、お支払期限${ja.date(late.since)}の翌日から${late.daysLate}日分の日割計算${untaxed ? '、消費税の対象外' : ''}）`
        : `遅延損害金${untaxed}`;
    // Made only by a statute of another place's data (src/claims); a Japanese contract's 遅延損害金 is its late-fee line.
    case 'statutory-interest':
      return `法定の遅延利息${untaxed}`;
    case 'statutory-compensation':
      return `法定の回収費用の定額補償${untaxed}`;
    case 'deposit-credit':
      return ended && ended.depositCredited.minor < ended.deposit.minor
        ? `お支払済みの着手金${ja.money(ended.deposit)}の充当（精算額を上限とします）`
        : 'お支払済みの着手金の充当';
    case 'payment-credit':
      return 'お支払済みの金額の充当';
    case 'withholding':
      return '源泉徴収税額';
  }
}

function linesTable(answers: Answers, invoice: InvoiceFields, figures: InvoiceFigures): InvoiceLinesTable {
  const { bill } = figures;
  const hasTax = bill.taxes.length > 0;
  const expenses = invoice.expenses ?? [];
  let nextExpense = 0;
  const expense = () => expenses[nextExpense++]?.description ?? '';
  const totals: { label: string; value: string; emphasis?: boolean }[] = [];
  // The amount by tax rate with the rate, then the tax for that rate, rounded once (the settlement model's TaxLine).
  for (const tax of bill.taxes) {
    totals.push({ label: `${ja.percent(tax.percent)}対象（税抜）`, value: ja.money(tax.base) });
    totals.push({ label: `${tax.label}（${ja.percent(tax.percent)}）`, value: ja.money(tax.amount) });
  }
  const untaxed = sumOf(bill, bill.lines.filter((line) => !line.taxable));
  if (hasTax && untaxed.minor !== 0) totals.push({ label: '消費税の対象外', value: ja.money(untaxed) });
  if (hasTax) totals.push({ label: '合計（税込）', value: ja.money(bill.gross) });
  else if (bill.deductions.length > 0) totals.push({ label: '小計', value: ja.money(bill.net) });
  for (const deduction of bill.deductions) totals.push({ label: '源泉徴収税額', value: ja.money(deduction.amount) });
  totals.push({ label: 'ご請求額', value: ja.money(bill.total), emphasis: true });
  return {
    type: 'invoice-lines',
    caption: `明細（請求書番号 ${invoice.number}）`,
    header: ['番号', '内容', hasTax ? '金額（税抜）' : '金額'],
    lines: bill.lines.map((line, index) => ({ number: index + 1, description: describeLine(answers, invoice, line, figures, expense), amount: ja.money(line.amount) })),
    totals,
  };
}

const sumOf = (bill: Bill, lines: readonly BillLine[]): Money => ({ minor: lines.reduce((total, line) => total + line.amount.minor, 0), currency: bill.currency });

/** Whether this is a qualified invoice: a registered issuer stating 消費税 by rate. */
const isQualified = (answers: Answers, bill: Bill) => Boolean(answers.freelancer.invoiceRegistrationNumber) && bill.taxes.length > 0;

function notesFor(answers: Answers, invoice: InvoiceFields, figures: InvoiceFigures): Block[] {
  const { bill } = figures;
  const owes = bill.total.minor > 0;
  const notes: Block[] = [];
  const contract = contractMoney(answers);
  const { fee } = answers;
  if (invoice.kind === 'deposit') {
    // As the contract says it: not returned only as far as work done and キャンセル料 use it (issue 23 point 7).
    const keeps = answers.deposit.nonRefundable
      ? `${contract.inFull ? '前払いいただいた報酬' : '着手金'}は、作業済み分${answers.killFee.percentOfRemainingFee > 0 ? '及びキャンセル料' : ''}に充当する限り返還いたしません。充当されない部分は、ご請求に充当するか、${REFUND_DAYS}日以内に返還いたします。`
      : '';
    const creditedOn = fee.model === 'retainer' ? '初月分の月額報酬' : '最終のご請求';
    // As the contract says it (06-deposit): work starts on the start date or when the payment is seen, whichever is later; a retainer's month once that month is paid.
    const starts =
      fee.model === 'retainer' && contract.inFull
        ? '当月分のお支払いを確認した後に、当月の本業務を行います。'
        : `本業務は、開始日（${ja.date(answers.project.startDate)}）又は${contract.inFull ? '' : '着手金の'}お支払いを確認した日のいずれか遅い日に着手いたします。`;
    notes.push(paragraph(contract.inFull ? `${starts}${keeps}` : `${starts}着手金は${creditedOn}に充当いたします。${keeps}`));
  }
  const credited = depositCreditedOn(bill);
  if ((invoice.kind === 'hours' || invoice.kind === 'retainer') && credited.minor > 0) {
    notes.push(
      paragraph(
        credited.minor < contract.deposit.minor
          ? `お支払済みの着手金${ja.money(contract.deposit)}のうち、${ja.money(credited)}を本請求書に充当しています。${
              invoice.kind === 'hours' && invoice.final
                ? // The final invoice leaves nothing to credit the rest against: it is returned by a date (issue 23 point 7).
                  unusedDepositSentence(answers, invoice, bill)
                : ''
            }`
          : `お支払済みの着手金${ja.money(contract.deposit)}を本請求書に充当しています。`,
      ),
    );
  }
  if (invoice.kind === 'hours' && invoice.final && credited.minor === 0) notes.push(paragraph('本請求書は、本業務の最終のご請求です。'));
  if (figures.ending) notes.push(...endingNotes(figures.ending));
  if (figures.late) {
    const { late } = figures;
    const overdue = `本請求書は、お支払期限（${ja.date(late.since)}）から${late.daysLate}日を経過したため、再度お送りするものです。`;
    const basis = japaneseLateRate(answers, late.since).statute ? '契約に遅延損害金の定めがないため、民法第404条及び第419条第1項により' : '契約の定めにより、';
    notes.push(paragraph(late.lateFee.minor > 0 ? `${overdue}${basis}遅延損害金（${lateRateText(answers, late.since)}、日割計算）を加算しています。` : overdue));
  }
  // Withholding and whether this is a qualified invoice: one paragraph of fine print.
  const fine: string[] = [];
  if (bill.deductions.some((line) => line.kind === 'withholding')) {
    const threshold = ja.money(money(WITHHOLDING_THRESHOLD_YEN, 'JPY'));
    // What the base includes, said only when the invoice has such a line: expenses paid to the freelancer are withheld from, a late fee is not.
    const has = (kind: BillLine['kind']) => bill.lines.some((line) => line.kind === kind);
    const scope = [has('kill-fee') && 'キャンセル料を含み', has('expense') && '立替経費を含み', has('late-fee') && '遅延損害金を除き'].filter(Boolean).join('、');
    fine.push(
      `源泉徴収税額は、${bill.taxes.length > 0 ? '消費税を除いた' : ''}報酬額${scope ? `（${scope}ます）` : ''}の${ja.percent(WITHHOLDING_RATES.upToThreshold)}（1回の支払額のうち${threshold}を超える部分は${ja.percent(WITHHOLDING_RATES.aboveThreshold)}、1円未満切捨て）です。`,
    );
  }
  // Said plainly either way, so a client never takes a plain 請求書 for a qualified invoice.
  if (isQualified(answers, bill)) fine.push('本請求書は適格請求書です。消費税額は、税率ごとの合計額につき1回端数処理をしています。');
  else if (!answers.freelancer.invoiceRegistrationNumber) fine.push('当方は適格請求書発行事業者ではないため、本請求書は適格請求書（インボイス）ではありません。');
  if (fine.length > 0) notes.push(paragraph(fine.join('')));
  if (!owes) return notes;
  const howToPay = invoice.howToPay ?? fee.paymentMethod;
  const { freelancer, client } = answers;
  notes.push(
    howToPay
      ? { type: 'paragraph', runs: [{ text: 'お振込先：', bold: true }, { text: howToPay }] }
      : { type: 'paragraph', runs: [{ text: 'お振込先：', bold: true }, { text: `${freelancer.name}（電子メール ${freelancer.email}、電話 ${freelancer.phone}）までお問い合わせください。` }] },
  );
  // Deducting the transfer fee from the fee is a prohibited reduction under the Freelance Act: the contract puts it on the client.
  notes.push(paragraph(client.business ? '振込手数料は、貴社にてご負担くださいますようお願いいたします。' : '恐れ入りますが、振込手数料はご負担くださいますようお願いいたします。'));
  return notes;
}

/** The part of the deposit a final hours invoice leaves unused: returned by a date, with the tax paid on it. */
function unusedDepositSentence(answers: Answers, invoice: InvoiceFields, bill: Bill): string {
  const back = unusedDepositBill(answers, bill);
  const by = `${ja.date(addDays(invoice.issuedOn, REFUND_DAYS))}までに返還いたします。`;
  if (back.gross.minor === back.net.minor) return `残りの${ja.money(back.net)}は、${by}`;
  const [tax] = back.taxes;
  return `残りの${ja.money(back.net)}は、これに係る${tax!.label}${ja.money(tax!.amount)}を含め、合計${ja.money(back.total)}を${by}`;
}

/** What happens to the deposit at an ending, said plainly (the contract: the deposit is not returned). */
function endingNotes(result: Ending): Block[] {
  const billed = `作業済み分${result.expenses.minor > 0 ? '及び立替経費' : ''}${result.killFee.minor > 0 ? `に、キャンセル料（未発生の報酬${ja.money(result.feeNotEarned)}の${ja.percent(result.killFeePercent)}）を加え` : ''}`;
  const notes: Block[] = [
    paragraph(
      `本契約は、委託者の事由（解約の申入れ、支払の遅滞又は連絡の途絶）により終了しました。契約の定めにより、${billed}${result.deposit.minor > 0 ? '、お支払済みの着手金を差し引いて' : 'て'}精算いたします。`,
    ),
  ];
  if (result.bill.total.minor === 0 && result.deposit.minor > 0) {
    notes.push(paragraph(`お支払済みの着手金${ja.money(result.deposit)}が精算額${ja.money(result.earned)}以上のため、追加のお支払いはございません。`));
  }
  // What is paid beyond work done and キャンセル料 is returned (民法420条・90条; issue 23 point 7), within the contract's days.
  const otherRefund = { minor: result.refund.minor - result.depositRefunded.minor, currency: result.currency };
  if (result.depositRefunded.minor > 0) notes.push(paragraph(`着手金の残り${ja.money(result.depositRefunded)}は、作業済み分及びキャンセル料を超えるため、${REFUND_DAYS}日以内に返還いたします。`));
  if (otherRefund.minor > 0) notes.push(paragraph(`精算額を超えてお支払いいただいた${ja.money(otherRefund)}は、${REFUND_DAYS}日以内に返金いたします。`));
  // The tax paid with what goes back goes back too: on the part returned, and on a deposit credited
  // against a キャンセル料, which bears no 消費税 (不課税; the settlement model's refund bill).
  const back = result.refundBill;
  if (back && result.taxRefunded.minor > 0) {
    // Tax goes back only where the contract charges it: its refund bill then has the contract's rate.
    const label = back.taxes[0]!.label;
    notes.push(
      paragraph(
        result.refund.minor > 0
          ? `お支払いいただいた${label}${ja.money(result.taxRefunded)}を含め、返還額は合計${ja.money(back.total)}となります。`
          : `キャンセル料は${label}の課税対象外のため、着手金のうちキャンセル料に充当した部分についてお支払いいただいた${label}${ja.money(result.taxRefunded)}は、${REFUND_DAYS}日以内に返還いたします。`,
      ),
    );
  }
  return notes;
}

/** The recipient as a 請求書 addresses it: a company 「… 御中」, a person 「… 様」. */
function recipient(answers: Answers): InvoiceAddresses['to'] {
  const { client } = answers;
  return [[{ text: client.business ? `${client.business} 御中` : `${client.name} 様`, bold: true }], [{ text: client.address }]];
}

/** The issuer: name (屋号 and person, or company and representative), 登録番号, address and contacts. */
function issuer(answers: Answers): InvoiceAddresses['from'] {
  const { freelancer } = answers;
  const line = (text: string, bold = false): readonly TextRun[] => [{ text, bold }];
  const representative = freelancer.entity === 'company' ? `${freelancer.title || '代表者'} ${freelancer.name}` : freelancer.name;
  return [
    ...(freelancer.business ? [line(freelancer.business, true), line(representative)] : [line(freelancer.name, true)]),
    ...(freelancer.invoiceRegistrationNumber ? [line(`登録番号：${freelancer.invoiceRegistrationNumber}`, true)] : []),
    line(freelancer.address),
    line(`電話：${freelancer.phone}`),
    line(`電子メール：${freelancer.email}`),
  ];
}

export function assembleJapaneseInvoice(request: InvoiceRequest): Invoice {
  const { answers, invoice } = request;
  const project = answers.project.name;
  const { bill, ending: ended, late } = billFor(answers, invoice, dailyLateFee);
  const dueDate = japaneseDueDate(answers, invoice);
  const owes = bill.total.minor > 0;
  const due = owes ? dueText(answers, invoice, dueDate) : 'お支払いいただく金額はありません';
  const figures: InvoiceFigures = { bill, issuedOn: invoice.issuedOn, dueDate, late, ending: ended };
  const what = kindTitle(answers, invoice);
  const details: Table = {
    type: 'table',
    caption: '請求内容',
    header: ['項目', '内容'],
    rows: [
      { label: '請求書番号', value: invoice.number },
      { label: '請求日', value: ja.date(invoice.issuedOn) },
      { label: '件名', value: `${project}（${what}）` },
      { label: '取引年月日', value: supplyText(answers, invoice) },
      { label: 'ご請求額', value: ja.money(bill.total), emphasis: true },
      { label: 'お支払期限', value: due },
      { label: '契約', value: `業務委託契約書（${ja.date(answers.effectiveDate)}付）` },
    ],
  };
  const { freelancer, client } = answers;
  const subtitle = `${what}のご請求：${project}`;
  const subject = `請求書 ${invoice.number}：${project}（${what}）${owes ? `ご請求額${ja.money(bill.total)}、お支払期限 ${dueDate === invoice.issuedOn ? '受領後すみやかに' : ja.date(dueDate)}` : 'お支払いいただく金額はありません'}`;
  return {
    kind: invoice.kind,
    language: 'ja',
    meta: {
      title: `請求書 ${invoice.number}（${project}）`,
      subject: subtitle,
      // The same creator as the contract's and the letters' (facts-ja's legal name), not the trade name the invoice is issued under.
      author: jaLegalName(freelancer, freelancer.entity === 'company'),
      projectName: project,
      fileStem: safeFileStem(`${project} 請求書 ${invoice.number}`),
      keywords: `請求書, ${what}`,
      paperSize: answers.paperSize,
      language: 'ja',
    },
    title: '請求書',
    subtitle,
    number: invoice.number,
    reference: { projectName: project, effectiveDate: answers.effectiveDate },
    head: [{ type: 'invoice-addresses', to: recipient(answers), from: issuer(answers) }, paragraph('下記のとおりご請求申し上げます。'), details],
    due,
    lines: linesTable(answers, invoice, figures),
    deductionDescriptions: bill.deductions.map(() => '源泉徴収税額'),
    notes: notesFor(answers, invoice, figures),
    email: {
      subject,
      // An email is addressed to the person: the company on its own line, then title, name and 様.
      salutation: client.business ? `${client.business}\n${client.title ? `${client.title} ` : ''}${client.name} 様` : `${client.name} 様`,
      intro: `いつもお世話になっております。${freelancer.business ? `${freelancer.business}の` : ''}${freelancer.name}です。\n${project}の${what}について、請求書をお送りいたします。下記のとおりご請求申し上げます。`,
      closing: '何卒よろしくお願い申し上げます。',
      // The email is the invoice as most clients receive it: a qualified invoice names its 登録番号 in it too (消費税法第57条の4).
      signature: [
        ...(freelancer.business ? [freelancer.business] : []),
        freelancer.name,
        ...(freelancer.invoiceRegistrationNumber ? [`登録番号：${freelancer.invoiceRegistrationNumber}`] : []),
        `電子メール：${freelancer.email}`,
        `電話：${freelancer.phone}`,
      ],
    },
    figures,
  };
}
