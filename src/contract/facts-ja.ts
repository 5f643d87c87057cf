// The facts the Japanese clause library (clauses/contract-ja/) may print:
// the same answers and the same settlement figures as the English facts,
// written the way a Japanese contract writes them (JAPANESE.md): 1,200,000円,
// 2027年4月1日, 「花デザイン事務所こと 佐藤花子」, 年14.4%, 東京地方裁判所.
// Every amount comes from the settlement model; templates never compute.
import type { Answers } from '../answers/schema.ts';
import { addDays } from '../answers/dates.ts';
import { courtSeat, districtCourt, summaryCourt } from '../answers/japan-courts.ts';
import { money, type Money } from '../answers/money.ts';
import { placeFor, requirePlace } from '../jurisdictions/place-for.ts';
import { formatsFor } from '../language/format.ts';
import { contractMoney, ending, exampleEndingInput, taxRateOf, WITHHOLDING_RATES, WITHHOLDING_THRESHOLD_YEN, type Bill } from './settlement.ts';

const ja = formatsFor('ja');

/** Small claims (少額訴訟, Code of Civil Procedure art. 368): money claims up to jurisdictions/places/jp.yaml's limit (¥600,000). */
export const SMALL_CLAIMS_LIMIT_YEN = requirePlace('Japan').smallClaims.limit;

export interface JaPartyFacts {
  name: string;
  business: string;
  hasBusiness: boolean;
  title: string;
  /** How the party is named in the contract: 「花デザイン事務所こと 佐藤花子」, 「株式会社みどり商事 代表取締役 山田太郎」. */
  written: string;
  /**
   * The name the 前文 defines as 委託者 or 受託者: a company by its name alone (「株式会社みどり商事」),
   * since the party is the company, not its representative; a person as written.
   */
  defined: string;
  /** The name on the seal line: the company, or the person. */
  legalName: string;
  /** 「代表取締役 山田太郎」 for a company; empty for a person. */
  representative: string;
  hasRepresentative: boolean;
  address: string;
  email: string;
  phone: string;
}

export interface JaBillFacts {
  net: string;
  tax: string;
  gross: string;
  withholding: string;
  /** What the Client transfers: gross less withholding. */
  transfer: string;
}

export interface JaContractFacts {
  effectiveDate: string;
  freelancer: JaPartyFacts & {
    isCompany: boolean;
    registrationNumber: string;
    isRegistered: boolean;
    /** No employees: a 特定受託事業者 under the Freelance Act, which the contract then names. */
    protectedByFreelanceAct: boolean;
  };
  client: JaPartyFacts & {
    /** A private person (消費者): 消費者契約法9条1号 limits the deposit kept and the kill fee to the average loss; no Freelance Act. */
    isConsumer: boolean;
  };
  /** 請負 (a result, fixed price) or 準委任 (services: hourly or retainer). */
  contractKind: string;
  isUkeoi: boolean;
  project: {
    name: string;
    description: string;
    /** The description inside 「」 in a sentence: one trailing 。 or period dropped. */
    descriptionQuoted: string;
    deliverables: string[];
    startDate: string;
    endDate: string;
    hasEndDate: boolean;
    /**
     * The engagement runs six months or more (start to end date): a 継続的業務委託 whose early
     * ending needs 30 days' notice and the reasons on request (Freelance Act art. 16, 施行令第3条).
     */
    sixMonthsOrMore: boolean;
    revisionRounds: number;
    acceptanceDays: number;
  };
  fee: {
    model: 'fixed' | 'hourly' | 'retainer';
    currency: string;
    total: string;
    rate: string;
    estimatedHours: string;
    monthly: string;
    hoursPerMonth: string;
    paymentDueDays: number;
    isDueOnReceipt: boolean;
    /** The monthly late fee as a yearly rate: 年14.4%. */
    lateFeeYearly: string;
    hasLateFee: boolean;
    paymentMethod: string;
    hasPaymentMethod: boolean;
    hasTax: boolean;
    taxLabel: string;
    taxPercent: string;
    totalTax: string;
    totalGross: string;
    withholding: boolean;
    /** "1回の支払額のうち1,000,000円以下の部分は10.21%、これを超える部分は20.42%" */
    withholdingRate: string;
    noticeDays: number;
  };
  deposit: JaBillFacts & {
    percent: string;
    balance: JaBillFacts;
    inFull: boolean;
    nonRefundable: boolean;
  };
  killFee: {
    unresponsiveDays: number;
    percent: string;
    hasKillFee: boolean;
    /** 消費税 on the キャンセル料: not in Japan, where it is 損害賠償金 (不課税). */
    taxed: boolean;
    example: {
      workDone: string;
      hours: string;
      noticeGiven: number;
      noticeMissing: number;
      feeNotEarned: string;
      killFee: string;
      earned: string;
      deposit: string;
      hasDeposit: boolean;
      owed: string;
      owesNothing: boolean;
      refund: string;
      hasRefund: boolean;
    };
  };
  jurisdiction: {
    place: string;
    districtCourt: string;
    summaryCourt: string;
    smallClaims: boolean;
    smallClaimsLimit: string;
    /** 消費者契約法9条1号 as jurisdictions/places/jp.yaml words it, for a consumer client. */
    consumerRule: string;
  };
  ownership: {
    copyright: 'assign-to-client' | 'retain-and-license';
    portfolioUse: boolean;
    isExclusive: boolean;
  };
  /**
   * The revenue stamp (収入印紙) a paper copy needs, by the amount before tax: a 請負 contract is a
   * 第2号文書; one that assigns copyright is also a 第1号の1文書 and is taxed as that (通則3ロ), and a
   * 準委任 contract that assigns copyright is a 第1号の1文書 alone.
   */
  stamp: {
    /** A stamp of a known amount is needed: a taxed document in yen of ¥10,000 or more, or a 第1号の1文書 without an amount. */
    required: boolean;
    amount: string;
    /** A taxed document in yen under ¥10,000: not taxed. */
    belowThreshold: boolean;
    /** 「第1号の1文書（無体財産権の譲渡に関する契約書）」, 「第2号文書（請負に関する契約書）」, or empty when not taxed. */
    documentClass: string;
    /** The amount is by the contract amount (true) or the fixed one for a contract that states none (200円). */
    byAmount: boolean;
  };
  /** Cross-references: `it.ref.termination` is 「第12条」. */
  ref: Record<string, string>;
}

/** Who a Japanese document is by in law: a company by its name, a sole trader by their own (a trade name is not a person). */
export function jaLegalName(party: Answers['client'] | Answers['freelancer'], isCompany: boolean): string {
  return isCompany ? (party.business ?? '') : party.name;
}

function partyFacts(party: Answers['client'] | Answers['freelancer'], isCompany: boolean): JaPartyFacts {
  const business = party.business ?? '';
  const title = party.title ?? '';
  // A company is written with its representative; a sole trader with a trade name as 「屋号こと 氏名」.
  const representative = isCompany ? `${title || '代表者'} ${party.name}` : '';
  const written = isCompany ? `${business} ${representative}` : business ? `${business}こと ${party.name}` : party.name;
  return {
    name: party.name,
    business,
    hasBusiness: Boolean(business),
    title,
    written,
    defined: isCompany ? business : written,
    legalName: jaLegalName(party, isCompany),
    representative,
    hasRepresentative: isCompany,
    address: party.address,
    email: party.email,
    phone: party.phone,
  };
}

const taxOf = (bill: Bill) => bill.taxes[0]?.amount ?? { minor: 0, currency: bill.currency };
const withheldOf = (bill: Bill): Money => {
  const line = bill.deductions.find((deduction) => deduction.kind === 'withholding');
  return { minor: line ? -line.amount.minor : 0, currency: bill.currency };
};

function billFacts(bill: Bill): JaBillFacts {
  return {
    net: ja.money(bill.net),
    tax: ja.money(taxOf(bill)),
    gross: ja.money(bill.gross),
    withholding: ja.money(withheldOf(bill)),
    transfer: ja.money(bill.total),
  };
}

// 印紙税法 別表第一 (国税庁「印紙税額一覧表」): the tax by the contract amount.
// 第2号文書 (請負に関する契約書):
const STAMP_TABLE: readonly (readonly [upTo: number, tax: number])[] = [
  [1_000_000, 200], [2_000_000, 400], [3_000_000, 1_000], [5_000_000, 2_000], [10_000_000, 10_000],
  [50_000_000, 20_000], [100_000_000, 60_000], [500_000_000, 100_000], [1_000_000_000, 200_000],
];
// 第1号の1文書 (無体財産権の譲渡に関する契約書; 著作権 is a 無体財産権), above that 400,000円 up to
// 50億円 and 600,000円 beyond:
const STAMP_TABLE_NO_1: readonly (readonly [upTo: number, tax: number])[] = [
  [100_000, 200], [500_000, 400], [1_000_000, 1_000], [5_000_000, 2_000], [10_000_000, 10_000],
  [50_000_000, 20_000], [100_000_000, 60_000], [500_000_000, 100_000], [1_000_000_000, 200_000], [5_000_000_000, 400_000],
];
/** 第1号の1文書 that states no amount (a 準委任 contract whose transfer has no price of its own). */
export const STAMP_NO_AMOUNT_YEN = 200;

/** The stamp duty on a paper 請負 contract (第2号文書) of `amount` yen (before tax); 0 under ¥10,000. */
export function stampDutyYen(amount: number): number {
  if (amount < 10_000) return 0;
  return STAMP_TABLE.find(([upTo]) => amount <= upTo)?.[1] ?? 400_000;
}

/** The stamp duty on a 第1号の1文書 (an assignment of copyright) of `amount` yen; 0 under ¥10,000. */
export function stampDutyNo1Yen(amount: number): number {
  if (amount < 10_000) return 0;
  return STAMP_TABLE_NO_1.find(([upTo]) => amount <= upTo)?.[1] ?? 600_000;
}

const DOCUMENT_NO_1 = '第1号の1文書（無体財産権の譲渡に関する契約書）';
const DOCUMENT_NO_2 = '第2号文書（請負に関する契約書）';

/**
 * The stamp a paper copy needs. A fixed price (請負) that also assigns copyright is both a
 * 第1号の1文書 and a 第2号文書; under 通則3ロ it is taxed as 第1号 unless the 請負 price is stated
 * apart and is the larger, which this contract never does (the transfer is 「報酬に含まれる」).
 * 準委任 with an assignment is a 第1号の1文書 with no amount stated for the transfer: 200円.
 * Sources: 国税庁 印紙税額一覧表; 国税庁「2以上の号に該当する文書の所属の決定」.
 */
function stampFacts(answers: Answers, baseYen: number): JaContractFacts['stamp'] {
  const isUkeoi = answers.fee.model === 'fixed';
  const assigns = answers.ownership.copyright === 'assign-to-client';
  const inYen = answers.fee.currency === 'JPY';
  if (!isUkeoi && !assigns) return { required: false, amount: ja.money(money(0, 'JPY')), belowThreshold: false, documentClass: '', byAmount: false };
  if (!isUkeoi) return { required: true, amount: ja.money(money(STAMP_NO_AMOUNT_YEN, 'JPY')), belowThreshold: false, documentClass: DOCUMENT_NO_1, byAmount: false };
  const duty = !inYen ? 0 : assigns ? stampDutyNo1Yen(baseYen) : stampDutyYen(baseYen);
  return {
    required: duty > 0,
    amount: ja.money(money(duty, 'JPY')),
    belowThreshold: inYen && duty === 0,
    documentClass: assigns ? DOCUMENT_NO_1 : DOCUMENT_NO_2,
    byAmount: true,
  };
}

/** The same day six months on (2027-04-05 -> 2027-10-05), or the month's last day when it has none. */
function sixMonthsAfter(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + 6, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function computeJaFacts(answers: Answers, ref: Record<string, string> = {}): JaContractFacts {
  const { fee, project } = answers;
  const figures = contractMoney(answers);
  const fmt = (major: number) => ja.money(money(major, fee.currency));
  const isCompany = answers.freelancer.entity === 'company';
  const clientIsCompany = Boolean(answers.client.business);
  const isUkeoi = fee.model === 'fixed';
  const seat = courtSeat(answers.jurisdiction.place ?? '') ?? '';
  const input = exampleEndingInput(answers);
  const result = ending(answers, input);
  const noticeDays = fee.model === 'retainer' ? fee.noticeDays : 0;
  return {
    effectiveDate: ja.date(answers.effectiveDate),
    freelancer: {
      ...partyFacts(answers.freelancer, isCompany),
      isCompany,
      registrationNumber: answers.freelancer.invoiceRegistrationNumber ?? '',
      isRegistered: Boolean(answers.freelancer.invoiceRegistrationNumber),
      // The Act governs work a business (業務委託事業者) gives out; a private client is not one.
      protectedByFreelanceAct: !answers.freelancer.hasEmployees && answers.client.kind !== 'consumer',
    },
    client: { ...partyFacts(answers.client, clientIsCompany), isConsumer: answers.client.kind === 'consumer' },
    contractKind: isUkeoi ? '請負' : '準委任',
    isUkeoi,
    project: {
      name: project.name,
      description: project.description,
      descriptionQuoted: project.description.replace(/[。.]$/u, ''),
      deliverables: project.deliverables,
      startDate: ja.date(project.startDate),
      endDate: project.endDate ? ja.date(project.endDate) : '',
      hasEndDate: Boolean(project.endDate),
      // Both days counted (民法第143条: from 4月5日, six months end on 10月4日), so 10月4日 is six months.
      sixMonthsOrMore: project.endDate !== undefined && project.endDate >= addDays(sixMonthsAfter(project.startDate), -1),
      revisionRounds: project.revisionRounds,
      acceptanceDays: project.acceptanceDays,
    },
    fee: {
      model: fee.model,
      currency: fee.currency,
      total: ja.money(figures.base),
      rate: fee.model === 'hourly' ? fmt(fee.rate) : '',
      estimatedHours: fee.model === 'hourly' ? ja.count(fee.estimatedHours) : '',
      monthly: fee.model === 'retainer' ? fmt(fee.monthly) : '',
      hoursPerMonth: fee.model === 'retainer' ? ja.count(fee.hoursPerMonth) : '',
      paymentDueDays: fee.paymentDueDays,
      isDueOnReceipt: fee.paymentDueDays === 0,
      lateFeeYearly: `年${ja.percent(fee.lateFeePercentPerMonth * 12)}`,
      hasLateFee: fee.lateFeePercentPerMonth > 0,
      paymentMethod: fee.paymentMethod ?? '',
      hasPaymentMethod: Boolean(fee.paymentMethod),
      hasTax: Boolean(taxRateOf(answers)),
      taxLabel: taxRateOf(answers)?.label ?? '',
      taxPercent: fee.tax ? ja.percent(fee.tax.percent) : '',
      totalTax: ja.money(taxOf(figures.baseBill)),
      totalGross: ja.money(figures.baseBill.gross),
      withholding: fee.withholding,
      withholdingRate: `1回の支払額のうち${ja.money(money(WITHHOLDING_THRESHOLD_YEN, 'JPY'))}以下の部分は${ja.percent(WITHHOLDING_RATES.upToThreshold)}、これを超える部分は${ja.percent(WITHHOLDING_RATES.aboveThreshold)}`,
      noticeDays,
    },
    deposit: {
      percent: ja.percent(answers.deposit.percent),
      ...billFacts(figures.depositBill),
      balance: billFacts(figures.balanceBill),
      inFull: figures.inFull,
      nonRefundable: answers.deposit.nonRefundable,
    },
    killFee: {
      unresponsiveDays: answers.killFee.unresponsiveDays,
      percent: ja.percent(answers.killFee.percentOfRemainingFee),
      hasKillFee: answers.killFee.percentOfRemainingFee > 0,
      taxed: placeFor(answers).killFeeTaxed,
      example: {
        workDone: fee.model === 'retainer' ? '' : ja.money(result.workDone),
        hours: fee.model === 'hourly' ? ja.count(input.hoursWorked ?? 0) : '',
        noticeGiven: input.noticeDaysGiven ?? 0,
        noticeMissing: noticeDays - (input.noticeDaysGiven ?? 0),
        feeNotEarned: ja.money(result.feeNotEarned),
        killFee: ja.money(result.killFee),
        earned: ja.money(result.earned),
        deposit: ja.money(result.deposit),
        hasDeposit: result.deposit.minor > 0,
        owed: ja.money(result.bill.net),
        owesNothing: result.bill.net.minor === 0,
        refund: ja.money(result.refund),
        hasRefund: result.refund.minor > 0,
      },
    },
    jurisdiction: {
      place: seat,
      districtCourt: districtCourt(seat),
      summaryCourt: summaryCourt(seat),
      smallClaims: answers.jurisdiction.smallClaims,
      smallClaimsLimit: ja.money(money(SMALL_CLAIMS_LIMIT_YEN, 'JPY')),
      consumerRule: placeFor(answers).consumer?.ruleJa ?? '',
    },
    ownership: {
      copyright: answers.ownership.copyright,
      portfolioUse: answers.ownership.portfolioUse,
      isExclusive: answers.ownership.licence === 'exclusive',
    },
    stamp: stampFacts(answers, figures.base.minor),
    ref,
  };
}
