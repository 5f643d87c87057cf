// The Japanese letters (clauses/letters-ja/): お支払いのお願い, 督促状, 最終催告書,
// 作業一時停止のお知らせ and the final check-in, in polite business Japanese
// (拝啓 … 敬具), from the same answers and the same settlement figures as the
// Japanese contract. The late fee is the contract's yearly rate counted by
// the day; the small-claims limit (¥600,000, interest and late fees not
// counted) decides what the final demand names.
import { join } from 'node:path';
import type { Answers } from '../answers/schema.ts';
import { addDays } from '../answers/dates.ts';
import { money } from '../answers/money.ts';
import { CLAUSES_ROOT, ClauseTemplateError, loadClauseLibrary, type ClauseLibrary } from '../clauses/load.ts';
import { safeFileStem } from '../contract/file-name.ts';
import { assembleEdition, crossReferences } from '../contract/assemble.ts';
import { JA_FACTS_SHAPE, japaneseContractEdition } from '../contract/edition-ja.ts';
import { computeJaFacts, SMALL_CLAIMS_LIMIT_YEN, type JaContractFacts } from '../contract/facts-ja.ts';
import { dailyLateFigures } from '../contract/settlement.ts';
import type { Table } from '../contract/tree.ts';
import { formatsFor } from '../language/format.ts';
import { DEADLINE_DAYS, INVOICE_LETTERS, LETTER_KINDS, type LetterKind, type LetterRequest } from './request.ts';
import type { LetterEdition } from './assemble.ts';
import { SHAPE_LETTER } from './library.ts';
import { japaneseLateRate } from '../claims/late-charges.ts';
import { freelanceActJa, freelanceActReaches } from '../claims/freelance-act-ja.ts';

const ja = formatsFor('ja');

export interface JaLetterFacts extends JaContractFacts {
  letter: {
    date: string;
    invoice: { hasInvoice: boolean; number: string; amount: string; issuedOn: string; dueDate: string };
    daysLate: number;
    isOverdue: boolean;
    lateFee: string;
    hasLateFee: boolean;
    /** The yearly rate the 遅延損害金 runs at: the contract's (年14.4%) or, where it sets none, the 法定利率 (年3%). */
    lateFeeRate: string;
    /** The contract sets no 遅延損害金, so the 法定利率 applies (民法404条・419条): the letters say so. */
    hasStatutoryRate: boolean;
    /** The first day of delay (the day after the due date), written out. */
    lateFeeSince: string;
    balance: string;
    deadlineDays: number;
    deadlineDate: string;
    calledOn: string;
    hasCalled: boolean;
    howToPay: string;
    hasHowToPay: boolean;
    /** The invoice (late fees not counted) is within the small-claims limit of ¥600,000. */
    withinSmallClaims: boolean;
    smallClaimsLimit: string;
    /**
     * A 支払督促 can reach the client: only where it can be served in Japan without public notice
     * (民事訴訟法第382条), so not a client whose address is abroad.
     */
    paymentOrderPossible: boolean;
    /** The Freelance Act reaches the engagement (claims/freelance-act-ja.ts): the final demand states its 60-day rule. */
    freelanceAct: boolean;
    freelanceActTitle: string;
    freelanceActPaymentDays: number;
    /** Where a 支払督促 is filed: the summary court of the debtor's address (民事訴訟法第383条第1項), whatever court the contract agreed. */
    debtorCourt: string;
  };
}

// The 47 prefectures, each with its suffix (京都府, not the 京都 inside 東京都).
const PREFECTURE = new RegExp(
  '北海道|東京都|(?:京都|大阪)府|(?:' +
    ['青森', '岩手', '宮城', '秋田', '山形', '福島', '茨城', '栃木', '群馬', '埼玉', '千葉', '神奈川', '新潟', '富山', '石川', '福井', '山梨', '長野',
      '岐阜', '静岡', '愛知', '三重', '滋賀', '兵庫', '奈良', '和歌山', '鳥取', '島根', '岡山', '広島', '山口', '徳島', '香川', '愛媛', '高知', '福岡',
      '佐賀', '長崎', '熊本', '大分', '宮崎', '鹿児島', '沖縄'].join('|') +
    ')県',
);

/** An address in Japan: a prefecture, or 日本 / Japan written out (an address in Latin letters). */
export function isAddressInJapan(address: string): boolean {
  const text = address.normalize('NFKC');
  return PREFECTURE.test(text) || text.includes('日本') || /\bjapan\b/i.test(text);
}

export function japaneseLetterOwnFacts(answers: Answers, letter: LetterRequest['letter']): JaLetterFacts['letter'] {
  const { fee } = answers;
  const invoice = letter.invoice;
  // The contract's rate, or the 法定利率 where the contract sets none; never both (claims/late-charges.ts).
  const rate = invoice ? japaneseLateRate(answers, invoice.dueDate) : { yearlyPercent: fee.lateFeePercentPerMonth * 12 };
  const figures = invoice ? dailyLateFigures(invoice, fee.currency, rate.yearlyPercent, letter.date) : undefined;
  const deadlineDays = letter.deadlineDays ?? DEADLINE_DAYS.default;
  return {
    date: ja.date(letter.date),
    invoice: {
      hasInvoice: Boolean(invoice),
      number: invoice?.number ?? '',
      amount: figures ? ja.money(figures.amount) : '',
      issuedOn: invoice ? ja.date(invoice.issuedOn) : '',
      dueDate: invoice ? ja.date(invoice.dueDate) : '',
    },
    daysLate: figures ? Math.max(0, figures.daysLate) : 0,
    isOverdue: figures ? figures.daysLate > 0 : false,
    lateFee: figures ? ja.money(figures.lateFee) : '',
    hasLateFee: figures ? figures.lateFee.minor > 0 : false,
    lateFeeRate: `年${ja.percent(rate.yearlyPercent)}`,
    hasStatutoryRate: Boolean(rate.statute),
    lateFeeSince: invoice ? ja.date(addDays(invoice.dueDate, 1)) : '',
    balance: figures ? ja.money(figures.balance) : '',
    deadlineDays,
    deadlineDate: ja.date(addDays(letter.date, deadlineDays)),
    calledOn: letter.calledOn ? ja.date(letter.calledOn) : '',
    hasCalled: Boolean(letter.calledOn),
    howToPay: letter.howToPay ?? fee.paymentMethod ?? '',
    hasHowToPay: Boolean(letter.howToPay ?? fee.paymentMethod),
    // Small claims are for money claims of ¥600,000 or less, interest and late charges not counted.
    withinSmallClaims: figures ? fee.currency === 'JPY' && figures.amount.minor <= SMALL_CLAIMS_LIMIT_YEN : false,
    smallClaimsLimit: ja.money(money(SMALL_CLAIMS_LIMIT_YEN, 'JPY')),
    freelanceAct: freelanceActReaches(answers),
    freelanceActTitle: freelanceActJa().title,
    freelanceActPaymentDays: freelanceActJa().paymentDays.value,
    paymentOrderPossible: isAddressInJapan(answers.client.address),
    // A company's 普通裁判籍 is its head office (民事訴訟法第4条第4項); a person's, their address (同条第2項).
    debtorCourt: answers.client.business ? '貴社の本店所在地を管轄する簡易裁判所' : '貴殿の住所地を管轄する簡易裁判所',
  };
}

function invoiceSummary(facts: JaLetterFacts): Table {
  const { letter } = facts;
  const rows: Table['rows'][number][] = [
    { label: '請求書番号', value: letter.invoice.number },
    { label: '請求日', value: letter.invoice.issuedOn },
    { label: '支払期日', value: letter.invoice.dueDate },
    { label: '遅延日数', value: `${letter.daysLate}日` },
    { label: '請求金額', value: letter.invoice.amount },
  ];
  if (letter.hasLateFee) {
    const basis = letter.hasStatutoryRate ? `民法所定の法定利率${letter.lateFeeRate}` : letter.lateFeeRate;
    rows.push({ label: `遅延損害金（${basis}、日割計算）`, value: letter.lateFee });
  }
  rows.push({ label: 'お支払いいただく金額', value: letter.balance, emphasis: true });
  return { type: 'table', caption: `請求書 ${letter.invoice.number}`, header: ['項目', '内容'], rows };
}

export function loadJapaneseLetterLibrary(dir: string = join(CLAUSES_ROOT, 'letters-ja')): ClauseLibrary {
  // A letter may refer to the contract's clauses (it.ref.latePayment is 第7条): every clause id is a known reference.
  const contract = japaneseContractEdition();
  const ref = crossReferences([...new Set(contract.library.clauses.map((clause) => clause.id))], contract.clauseNumber);
  const shape = { ...JA_FACTS_SHAPE, ref, letter: japaneseLetterOwnFacts(SHAPE_ANSWERS_FEE as unknown as Answers, SHAPE_LETTER) };
  const library = loadClauseLibrary(dir, shape, ['invoice-summary']);
  const missing = LETTER_KINDS.filter((kind) => !library.clauses.some((letter) => letter.id === kind));
  if (missing.length > 0) throw new ClauseTemplateError(dir, `no template for ${missing.map((kind) => `"${kind}"`).join(', ')}`);
  return library;
}

// Only the fee and the client's address and business are read to build the shape of the letter's own facts.
const SHAPE_ANSWERS_FEE = { language: 'ja', effectiveDate: '2027-01-01', freelancer: { hasEmployees: false }, fee: { currency: 'JPY', lateFeePercentPerMonth: 1, paymentMethod: 'M' }, client: { address: '東京都', business: 'B' } };

/** How the recipient is addressed: the company and its person with 様, or the person with 様. */
function recipientName(answers: Answers): { name: string; business?: string } {
  const { client } = answers;
  if (!client.business) return { name: `${client.name} 様` };
  return { name: client.business, business: `${client.title ? `${client.title} ` : ''}${client.name} 様` };
}

/** The 宛名 an email opens with: the company and the person on two lines, or the person, each with 様 once. */
function emailAddressee(answers: Answers): string {
  const { name, business } = recipientName(answers);
  return business ? `${name}\n${business}` : name;
}

export function japaneseLetterEdition(library: ClauseLibrary): LetterEdition<JaLetterFacts> {
  return {
    language: 'ja',
    library,
    facts: (answers, letter) => {
      // Clause numbers as this contract has them: the letters cite 第N条 of the client's own copy.
      const contract = japaneseContractEdition();
      const ids = assembleEdition(answers, contract).sections.map((section) => section.id);
      return { ...computeJaFacts(answers, crossReferences(ids, contract.clauseNumber)), letter: japaneseLetterOwnFacts(answers, letter) };
    },
    directives: (facts) => ({ 'invoice-summary': () => invoiceSummary(facts) }),
    frame: (kind: LetterKind, title, facts, answers, request) => {
      const project = answers.project.name;
      const invoice = request.letter.invoice;
      const aboutInvoice = Boolean(invoice) && INVOICE_LETTERS.includes(kind);
      const subject = aboutInvoice ? `${title}（請求書 ${invoice!.number}、${project}）` : `${title}（${project}）`;
      return {
        meta: {
          title: `${title}：${project}`,
          subject,
          author: facts.freelancer.legalName,
          fileStem: safeFileStem(`${project} ${title}`),
          keywords: `書面, フォローアップ, ${title}`,
        },
        recipient: recipientName(answers),
        subject,
        salutation: '拝啓　時下ますますご清栄のこととお慶び申し上げます。',
        closing: '敬具',
        signature: { name: answers.freelancer.name, business: answers.freelancer.business },
        // The final demand goes by 内容証明郵便, which carries one document and nothing with it (日本郵便).
        enclosures: aboutInvoice && kind !== 'final-notice' ? [`同封書類：請求書 ${invoice!.number} の写し`] : undefined,
        contactLabels: { email: '電子メール', phone: '電話' },
        addressOrder: 'recipient-first',
        email: {
          salutation: `${emailAddressee(answers)}\n\nいつもお世話になっております。${answers.freelancer.business ? `${answers.freelancer.business}の` : ''}${answers.freelancer.name}です。`,
          closing: 'どうぞよろしくお願いいたします。',
        },
      };
    },
  };
}

let loaded: LetterEdition<JaLetterFacts> | undefined;
export function japaneseLetters(): LetterEdition<JaLetterFacts> {
  loaded ??= japaneseLetterEdition(loadJapaneseLetterLibrary());
  return loaded;
}
