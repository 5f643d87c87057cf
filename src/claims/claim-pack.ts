// The claim pack's own two documents, as trees: the chronology (what
// happened, day by day) and the statement of account (what was invoiced,
// what was paid, and what the contract or the statute adds to date). Pure:
// the invoices and letters come in already assembled, so every figure here
// is the one the invoice itself printed, and the late charges come from
// claims/late-charges.ts, the one function the letters and invoices ask too.
import type { Answers, Language, PaperSize } from '../answers/schema.ts';
import { daysBetween } from '../answers/dates.ts';
import { money, toMajor, type Money } from '../answers/money.ts';
import type { ClauseLibrary } from '../clauses/load.ts';
import { assembleContract } from '../contract/assemble.ts';
import { assembleInvoice } from '../invoices/assemble.ts';
import { assembleLetter } from '../letters/assemble.ts';
import type { ClaimPackRequest } from './claim-pack-request.ts';
import { safeFileStem } from '../contract/file-name.ts';
import type { Block, Contract, DocumentMeta, Letter, Table } from '../contract/tree.ts';
import type { Invoice } from '../invoices/tree.ts';
import { formatsFor } from '../language/format.ts';
import { lateCharges, statutoryCompensationLabel, statutoryInterestLabel, type LateCharges } from './late-charges.ts';
import { moneyClaimBlocks, moneyClaimFigures } from './money-claim.ts';
import { preActionLetter } from './pre-action.ts';
import { statutePlaceOf } from './place.ts';
import { whereToClaimBlocks } from './where-to-claim.ts';
import { courtClaimDocument, japaneseCourtClaim, type JapaneseCourtClaim } from './court-claim-ja.ts';

/** A payment the client made against one invoice. */
export interface ClaimPayment {
  readonly date: string;
  /** Minor units, in the contract's currency. */
  readonly amount: Money;
  /** The number of the invoice it paid (in part or in full). */
  readonly invoice: string;
}

export interface ClaimPackFacts {
  readonly answers: Answers;
  readonly invoices: readonly Invoice[];
  readonly letters: readonly { readonly kind: string; readonly isoDate: string; readonly letter: Letter }[];
  readonly payments: readonly ClaimPayment[];
  /** The day the statement is drawn up to: interest and the silence are counted to it. */
  readonly asOf: string;
}

/** One of the pack's own documents: a title, a subtitle and blocks, in the contract's page style. */
export interface ClaimDocument {
  readonly meta: DocumentMeta;
  readonly title: string;
  readonly subtitle: string;
  readonly blocks: readonly Block[];
}

/** One invoice's account on the statement day. */
export interface InvoiceAccount {
  readonly number: string;
  readonly issuedOn: string;
  readonly dueDate: string;
  readonly invoiced: Money;
  readonly payments: readonly ClaimPayment[];
  readonly paid: Money;
  readonly outstanding: Money;
  /** Present when the outstanding amount is overdue on the statement day. */
  readonly late?: LateCharges;
  /** The late charge chosen (the contract's fee or the statute's interest), zero when none. */
  readonly lateCharge: Money;
  readonly compensation: Money;
  /** Outstanding plus the late charge and the compensation. */
  readonly claimed: Money;
}

export interface StatementFigures {
  readonly currency: string;
  readonly accounts: readonly InvoiceAccount[];
  readonly invoiced: Money;
  readonly paid: Money;
  readonly outstanding: Money;
  readonly lateCharges: Money;
  readonly compensation: Money;
  readonly claimed: Money;
}

const sum = (values: readonly Money[], currency: string): Money => ({ minor: values.reduce((total, value) => total + value.minor, 0), currency });

/**
 * The figures of the statement. Interest (or the contract's late fee) runs on
 * what is still outstanding on the statement day, from the day after the due
 * date: a part payment made late is credited, not dated (see docs/claims.md).
 */
export function statementFigures(facts: Pick<ClaimPackFacts, 'answers' | 'invoices' | 'payments' | 'asOf'>): StatementFigures {
  const { answers, asOf } = facts;
  const currency = answers.fee.currency;
  const zero: Money = { minor: 0, currency };
  const accounts = facts.invoices.map((invoice): InvoiceAccount => {
    const invoiced = invoice.figures.bill.total;
    const payments = facts.payments.filter((payment) => payment.invoice === invoice.number && payment.date <= asOf);
    const paid = sum(payments.map((payment) => payment.amount), currency);
    const outstanding: Money = { minor: Math.max(0, invoiced.minor - paid.minor), currency };
    const overdue = outstanding.minor > 0 && asOf > invoice.figures.dueDate;
    const late = overdue ? lateCharges(answers, { amount: toMajor(outstanding), dueDate: invoice.figures.dueDate }, asOf) : undefined;
    const lateCharge = late ? (late.chargesContractFee ? late.contract.lateFee : late.statutory!.interest) : zero;
    const compensation = late?.statutory?.compensation ?? zero;
    return {
      number: invoice.number,
      issuedOn: invoice.figures.issuedOn,
      dueDate: invoice.figures.dueDate,
      invoiced,
      payments,
      paid,
      outstanding,
      ...(late ? { late } : {}),
      lateCharge,
      compensation,
      claimed: sum([outstanding, lateCharge, compensation], currency),
    };
  });
  return {
    currency,
    accounts,
    invoiced: sum(accounts.map((account) => account.invoiced), currency),
    paid: sum(accounts.map((account) => account.paid), currency),
    outstanding: sum(accounts.map((account) => account.outstanding), currency),
    lateCharges: sum(accounts.map((account) => account.lateCharge), currency),
    compensation: sum(accounts.map((account) => account.compensation), currency),
    claimed: sum(accounts.map((account) => account.claimed), currency),
  };
}

// ---- Words -------------------------------------------------------------------

interface PackWords {
  chronologyTitle: string;
  statementTitle: string;
  subtitle(project: string, freelancer: string, client: string, asOf: string): string;
  dateHeader: string;
  eventHeader: string;
  itemHeader: string;
  amountHeader: string;
  effective: string;
  start: string;
  end: string;
  invoiceSent(number: string, amount: string): string;
  invoiceDue(number: string): string;
  payment(amount: string, number: string): string;
  letterSent(title: string): string;
  unpaid(number: string, days: number, outstanding: string): string;
  silence(days: number): string;
  invoiceCaption(number: string): string;
  issued: string;
  due: string;
  invoiced: string;
  paidOn(date: string): string;
  outstanding: string;
  contractFee(percent: string, periods: number): string;
  interestJa(statute: string, rate: string, since: string): string;
  compensationJa(statute: string): string;
  claimed: string;
  summaryCaption: string;
  totalInvoiced: string;
  totalPaid: string;
  totalOutstanding: string;
  totalLate: string;
  totalCompensation: string;
  totalClaimed: string;
  interestNote: string;
}

const WORDS: Readonly<Record<Language, PackWords>> = {
  en: {
    chronologyTitle: 'Chronology',
    statementTitle: 'Statement of Account',
    subtitle: (project, freelancer, client, asOf) => `${project}: ${freelancer} and ${client}, as at ${asOf}`,
    dateHeader: 'Date',
    eventHeader: 'What happened',
    itemHeader: 'Item',
    amountHeader: 'Amount',
    effective: 'The agreement takes effect',
    start: 'Work starts',
    end: 'Work due to be finished',
    invoiceSent: (number, amount) => `Invoice ${number} sent, for ${amount}`,
    invoiceDue: (number) => `Invoice ${number} due`,
    payment: (amount, number) => `Payment of ${amount} received against invoice ${number}`,
    letterSent: (title) => `Letter sent: ${title}`,
    unpaid: (number, days, outstanding) => `Invoice ${number}: ${outstanding} still unpaid, ${days} ${days === 1 ? 'day' : 'days'} after its due date`,
    silence: (days) => `No answer to the last letter: ${days} ${days === 1 ? 'day' : 'days'}`,
    invoiceCaption: (number) => `Invoice ${number}`,
    issued: 'Sent',
    due: 'Due',
    invoiced: 'Amount invoiced',
    paidOn: (date) => `Paid on ${date}`,
    outstanding: 'Outstanding',
    contractFee: (percent, periods) => `Late fee under the agreement (${percent} a month, ${periods} full ${periods === 1 ? 'period' : 'periods'} of 30 days)`,
    interestJa: () => '',
    compensationJa: () => '',
    claimed: 'Claimed',
    summaryCaption: 'Summary',
    totalInvoiced: 'Total invoiced',
    totalPaid: 'Total paid',
    totalOutstanding: 'Total outstanding',
    totalLate: 'Late fees and interest to date',
    totalCompensation: 'Fixed compensation',
    totalClaimed: 'Total claimed',
    interestNote: 'Interest is counted by the day, on a 365-day year, on the amount still outstanding, from the day after each due date to the date of this statement.',
  },
  ja: {
    chronologyTitle: '経過一覧表',
    statementTitle: '請求金額計算書',
    subtitle: (project, freelancer, client, asOf) => `${project}（${freelancer}・${client}）${asOf}現在`,
    dateHeader: '年月日',
    eventHeader: '経過',
    itemHeader: '項目',
    amountHeader: '金額',
    effective: '契約の効力発生',
    start: '業務開始',
    end: '業務完了予定日',
    invoiceSent: (number, amount) => `請求書${number}を送付（${amount}）`,
    invoiceDue: (number) => `請求書${number}の支払期日`,
    payment: (amount, number) => `請求書${number}に対し${amount}の入金`,
    letterSent: (title) => `書面送付：${title}`,
    unpaid: (number, days, outstanding) => `請求書${number}：支払期日から${days}日経過、未払残高${outstanding}`,
    silence: (days) => `最後の書面から${days}日間回答なし`,
    invoiceCaption: (number) => `請求書${number}`,
    issued: '発行日',
    due: '支払期日',
    invoiced: '請求額',
    paidOn: (date) => `${date}入金`,
    outstanding: '未払残高',
    contractFee: (percent, periods) => `約定遅延損害金（月${percent}、30日×${periods}期間）`,
    interestJa: (statute, rate, since) => `${statute}による遅延損害金（${rate}、${since}から）`,
    compensationJa: (statute) => `${statute}による回収費用の定額補償`,
    claimed: '請求額合計',
    summaryCaption: '合計',
    totalInvoiced: '請求額合計',
    totalPaid: '入金額合計',
    totalOutstanding: '未払残高合計',
    totalLate: '遅延損害金（本日まで）',
    totalCompensation: '定額補償',
    totalClaimed: '請求総額',
    interestNote: '遅延損害金は、各支払期日の翌日から本計算書の日付まで、未払残高に対し、1年を365日とする日割りで計算しています。',
  },
};

function documentMeta(answers: Answers, title: string, stem: string): DocumentMeta {
  const paperSize: PaperSize = answers.paperSize;
  return {
    title,
    subject: answers.project.name,
    author: answers.freelancer.name,
    projectName: answers.project.name,
    fileStem: safeFileStem(`${answers.project.name} ${stem}`),
    keywords: 'claim pack',
    paperSize,
    language: answers.language,
  };
}

function subtitleOf(facts: Pick<ClaimPackFacts, 'answers' | 'asOf'>, words: PackWords): string {
  const { answers } = facts;
  const date = formatsFor(answers.language).date;
  return words.subtitle(answers.project.name, answers.freelancer.business ?? answers.freelancer.name, answers.client.business ?? answers.client.name, date(facts.asOf));
}

/** A dated entry of the chronology. */
export interface ChronologyEntry {
  readonly date: string;
  readonly text: string;
}

/**
 * The chronology: the agreement, the work, each invoice and its due date,
 * each payment and letter, then on the statement day the days each invoice
 * has gone unpaid and the days since the last letter, counted as the follow-up
 * calendar counts them (src/schedule/rules.ts: day 1 is the day after the due date).
 */
export function chronologyEntries(facts: ClaimPackFacts): ChronologyEntry[] {
  const { answers, asOf } = facts;
  const words = WORDS[answers.language];
  const { money } = formatsFor(answers.language);
  const entries: { date: string; rank: number; text: string }[] = [];
  const add = (date: string, rank: number, text: string) => entries.push({ date, rank, text });
  add(answers.effectiveDate, 0, words.effective);
  add(answers.project.startDate, 1, words.start);
  if (answers.project.endDate) add(answers.project.endDate, 2, words.end);
  for (const invoice of facts.invoices) {
    add(invoice.figures.issuedOn, 3, words.invoiceSent(invoice.number, money(invoice.figures.bill.total)));
    add(invoice.figures.dueDate, 4, words.invoiceDue(invoice.number));
  }
  for (const payment of facts.payments) add(payment.date, 5, words.payment(money(payment.amount), payment.invoice));
  for (const { isoDate, letter } of facts.letters) add(isoDate, 6, words.letterSent(letter.subject));
  for (const account of statementFigures(facts).accounts) {
    if (account.outstanding.minor > 0 && asOf > account.dueDate) add(asOf, 7, words.unpaid(account.number, daysBetween(account.dueDate, asOf), money(account.outstanding)));
  }
  const lastLetter = facts.letters.map((letter) => letter.isoDate).filter((date) => date < asOf).sort().at(-1);
  const paidSince = lastLetter && facts.payments.some((payment) => payment.date > lastLetter && payment.date <= asOf);
  if (lastLetter && !paidSince) add(asOf, 8, words.silence(daysBetween(lastLetter, asOf)));
  return entries
    .filter((entry) => entry.date <= asOf)
    .map((entry, index) => ({ ...entry, index }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.rank - b.rank || a.index - b.index))
    .map(({ date, text }) => ({ date, text }));
}

export function chronologyDocument(facts: ClaimPackFacts): ClaimDocument {
  const { answers } = facts;
  const words = WORDS[answers.language];
  const date = formatsFor(answers.language).date;
  const table: Table = {
    type: 'table',
    caption: words.chronologyTitle,
    header: [words.dateHeader, words.eventHeader],
    rows: chronologyEntries(facts).map((entry) => ({ label: date(entry.date), value: entry.text })),
  };
  return { meta: documentMeta(answers, words.chronologyTitle, 'chronology'), title: words.chronologyTitle, subtitle: subtitleOf(facts, words), blocks: [table] };
}

function lateRows(account: InvoiceAccount, language: Language, percentPerMonth: number, words: PackWords): { label: string; value: string }[] {
  const { late } = account;
  if (!late) return [];
  const { money, date, percent } = formatsFor(language);
  const rows: { label: string; value: string }[] = [];
  if (late.chargesContractFee) {
    if (late.contract.lateFee.minor > 0) rows.push({ label: words.contractFee(percent(percentPerMonth), late.contract.periods), value: money(late.contract.lateFee) });
  } else if (late.statutory) {
    const { statutory } = late;
    rows.push({ label: language === 'ja' ? words.interestJa(statutory.statute, statutory.rateText.replace(/ a year/g, '（年）'), date(statutory.since)) : statutoryInterestLabel(statutory), value: money(statutory.interest) });
  }
  if (late.statutory?.compensation && late.statutory.compensation.minor > 0) {
    rows.push({ label: language === 'ja' ? words.compensationJa(late.statutory.statute) : statutoryCompensationLabel(late.statutory), value: money(late.statutory.compensation) });
  }
  return rows;
}

export function statementDocument(facts: ClaimPackFacts): ClaimDocument {
  const { answers } = facts;
  const { language } = answers;
  const words = WORDS[language];
  const { money, date } = formatsFor(language);
  const figures = statementFigures(facts);
  const perInvoice: Table[] = figures.accounts.map((account) => ({
    type: 'table',
    caption: words.invoiceCaption(account.number),
    header: [words.itemHeader, words.amountHeader],
    rows: [
      { label: words.issued, value: date(account.issuedOn) },
      { label: words.due, value: date(account.dueDate) },
      { label: words.invoiced, value: money(account.invoiced) },
      ...account.payments.map((payment) => ({ label: words.paidOn(date(payment.date)), value: money({ minor: -payment.amount.minor, currency: payment.amount.currency }) })),
      { label: words.outstanding, value: money(account.outstanding) },
      ...lateRows(account, language, answers.fee.lateFeePercentPerMonth, words),
      { label: words.claimed, value: money(account.claimed), emphasis: true },
    ],
  }));
  const summary: Table = {
    type: 'table',
    caption: words.summaryCaption,
    header: [words.itemHeader, words.amountHeader],
    rows: [
      { label: words.totalInvoiced, value: money(figures.invoiced) },
      { label: words.totalPaid, value: money(figures.paid) },
      { label: words.totalOutstanding, value: money(figures.outstanding) },
      { label: words.totalLate, value: money(figures.lateCharges) },
      ...(figures.compensation.minor > 0 ? [{ label: words.totalCompensation, value: money(figures.compensation) }] : []),
      { label: words.totalClaimed, value: money(figures.claimed), emphasis: true },
    ],
  };
  const note: Block = { type: 'paragraph', runs: [{ text: words.interestNote }] };
  return {
    meta: documentMeta(answers, words.statementTitle, 'statement of account'),
    title: words.statementTitle,
    subtitle: subtitleOf(facts, words),
    blocks: [...perInvoice, summary, note, ...claimRouteBlocks(facts, figures)],
  };
}

/**
 * The statement's last section, on where the claim goes: in England and Wales the figures Money Claim Online
 * asks for; in a US state, Scotland or an EU member state, its small-claims route (where-to-claim.ts).
 */
function claimRouteBlocks(facts: Pick<ClaimPackFacts, 'answers' | 'asOf'>, figures: StatementFigures): Block[] {
  const { answers } = facts;
  if (answers.language !== 'en') return [];
  if (statutePlaceOf(answers) === 'gb-eng' && figures.currency === 'GBP') return moneyClaimBlocks(moneyClaimFigures(figures, facts.asOf), formatsFor('en').date);
  return whereToClaimBlocks(answers, figures);
}

// ---- The pack as trees -------------------------------------------------------

/** Every document of the pack, assembled, before any is rendered. */
export interface ClaimPackTrees {
  readonly contract: Contract;
  readonly invoices: readonly Invoice[];
  readonly letters: ClaimPackFacts['letters'];
  readonly chronology: ClaimDocument;
  readonly statement: ClaimDocument;
  /** England and Wales: the letter of claim (an individual client) or the letter before action (a company). */
  readonly preAction?: Letter;
  /** Japan, in yen with something owed: the 訴状 / 支払督促 data (court-claim-ja.ts) and its Word document. */
  readonly courtClaimJa?: { readonly claim: JapaneseCourtClaim; readonly document: ClaimDocument };
}

/**
 * Assembles the contract, each invoice and letter as their own routes would,
 * then the chronology and the statement from those same trees, so the pack's
 * figures are the documents' figures.
 */
export function assembleClaimPack(request: ClaimPackRequest, libraries: { readonly contract: ClauseLibrary; readonly letters: ClauseLibrary }): ClaimPackTrees {
  const { answers, asOf, payments } = request;
  const contract = assembleContract(answers, libraries.contract);
  const invoices = request.invoices.map((invoice) => assembleInvoice(invoice));
  const letters = request.letters.map(({ kind, request: letterRequest }) => ({ kind, isoDate: letterRequest.letter.date, letter: assembleLetter(kind, letterRequest, libraries.letters) }));
  const currency = answers.fee.currency;
  const facts: ClaimPackFacts = { answers, invoices, letters, asOf, payments: payments.map((payment) => ({ date: payment.date, invoice: payment.invoice, amount: money(payment.amount, currency) })) };
  const preAction = englandPreAction(facts, request.debtor);
  const courtClaimJa = japaneseCourtClaimOf(facts);
  return {
    contract,
    invoices,
    letters,
    chronology: chronologyDocument(facts),
    statement: statementDocument(facts),
    ...(preAction ? { preAction } : {}),
    ...(courtClaimJa ? { courtClaimJa } : {}),
  };
}

/** A Japanese contract in yen with something still owed: what the 訴状 or the 支払督促 application says, as data and as a document. */
export function japaneseCourtClaimOf(facts: ClaimPackFacts): ClaimPackTrees['courtClaimJa'] {
  const { answers } = facts;
  // The court limits (¥600,000, ¥1,400,000) are in yen: a claim in another currency gets no procedure named.
  if (answers.language !== 'ja' || answers.fee.currency !== 'JPY') return undefined;
  if (statementFigures(facts).outstanding.minor <= 0) return undefined;
  const claim = japaneseCourtClaim(facts);
  const title = '訴状及び支払督促の記載事項';
  return { claim, document: courtClaimDocument(claim, documentMeta(answers, title, title), facts.asOf) };
}

/** The pre-action letter for a claim in England and Wales in pounds with something still owed, dated the statement's day. */
export function englandPreAction(facts: ClaimPackFacts, debtor?: ClaimPackRequest['debtor']): Letter | undefined {
  const { answers } = facts;
  if (answers.language !== 'en' || statutePlaceOf(answers) !== 'gb-eng' || answers.fee.currency !== 'GBP') return undefined;
  const figures = statementFigures(facts);
  if (figures.outstanding.minor <= 0) return undefined;
  return preActionLetter({ answers, figures, asOf: facts.asOf, ...(debtor ? { debtor } : {}) });
}
