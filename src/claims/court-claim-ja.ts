// What a Japanese freelancer files when the final demand fails: the data of a
// 少額訴訟 訴状 (報酬請求, for an unpaid sum of ¥600,000 or less), or of an ordinary
// claim at the 簡易裁判所 (up to ¥1,400,000, 裁判所法第33条第1項第1号) or the
// 地方裁判所 above that, and beside it the 支払督促, filed at the summary court of
// the debtor's address whatever court the contract agreed (民事訴訟法第383条第1項).
// Filled from the claim pack's own figures (claims/claim-pack.ts statementFigures),
// so the 訴状's sums are the invoices' sums. Pure.
import { addDays } from '../answers/dates.ts';
import { money, type Money } from '../answers/money.ts';
import { courtSeat, districtCourt, summaryCourt, summaryCourtOfAddress } from '../answers/japan-courts.ts';
import { SMALL_CLAIMS_LIMIT_YEN } from '../contract/facts-ja.ts';
import type { Block, DocumentMeta } from '../contract/tree.ts';
import { isAddressInJapan } from '../letters/edition-ja.ts';
import { formatsFor } from '../language/format.ts';
import type { ClaimDocument, ClaimPackFacts } from './claim-pack.ts';
import { statementFigures } from './claim-pack.ts';
import { freelanceHelpLines } from './freelance-act-ja.ts';
import { japaneseLateRate } from './late-charges.ts';

const ja = formatsFor('ja');

/** 簡易裁判所の事物管轄: claims of ¥1,400,000 or less (裁判所法第33条第1項第1号). */
export const SUMMARY_COURT_LIMIT_YEN = 1_400_000;

export type JapaneseProcedure = 'small-claims' | 'summary-court' | 'district-court';

export interface JapaneseCourtClaim {
  /** 少額訴訟 up to ¥600,000; 通常訴訟 at the 簡易裁判所 up to ¥1,400,000; at the 地方裁判所 above. */
  readonly procedure: JapaneseProcedure;
  readonly procedureName: string;
  readonly caseName: string;
  /** 訴訟物の価額: the unpaid fee alone; late charges claimed beside it are not counted (民事訴訟法第9条第2項). */
  readonly claimValue: Money;
  /** The court the contract agreed for the procedure (its 専属的合意管轄), e.g. 東京簡易裁判所. */
  readonly court: string;
  readonly plaintiff: { readonly name: string; readonly address: string };
  readonly defendant: { readonly name: string; readonly address: string; readonly representative?: string };
  readonly claimStatement: readonly string[];
  readonly causes: readonly string[];
  readonly attachments: readonly string[];
  readonly paymentOrder: {
    /** Only where it can be served in Japan without public notice (民事訴訟法第382条). */
    readonly possible: boolean;
    readonly court: string;
    /** The summary court of the debtor's address, where the address alone settles it (japan-courts.ts summaryCourtOfAddress). */
    readonly debtorCourt?: string;
    /** Otherwise the summary court at the seat of the debtor's prefecture: a start to look from, not necessarily the court. */
    readonly prefectureSeatCourt?: string;
  };
  /** Where a freelancer asks for free help or reports the client (the Freelance Act). */
  readonly help: readonly string[];
}

function procedureFor(value: Money, smallClaimsAllowed: boolean): JapaneseProcedure {
  if (smallClaimsAllowed && value.minor <= SMALL_CLAIMS_LIMIT_YEN) return 'small-claims';
  return value.minor <= SUMMARY_COURT_LIMIT_YEN ? 'summary-court' : 'district-court';
}

const PROCEDURE_NAMES: Readonly<Record<JapaneseProcedure, string>> = {
  'small-claims': '少額訴訟',
  'summary-court': '通常訴訟（簡易裁判所）',
  'district-court': '通常訴訟（地方裁判所）',
};

/** The fee as the contract sets it: a fixed sum, or the hourly or monthly rate. */
function feeWords(answers: ClaimPackFacts['answers']): string {
  const { fee } = answers;
  if (fee.model === 'fixed') return `報酬${ja.money(money(fee.total, fee.currency))}`;
  if (fee.model === 'hourly') return `1時間あたり${ja.money(money(fee.rate, fee.currency))}の報酬`;
  return `月額${ja.money(money(fee.monthly, fee.currency))}の報酬`;
}

/** The prefecture as written at the start of an address (東京都千代田区… -> 東京都). */
const prefectureOf = (address: string) => /^(北海道|東京都|京都府|大阪府|.{2,3}?県)/.exec(address.normalize('NFKC').replace(/^〒?\s*\d{3}-?\d{4}\s*/, ''))?.[1];

/** The 訴状 and 支払督促 data of a Japanese claim pack. Only for JPY contracts (the limits are in yen). */
export function japaneseCourtClaim(facts: Pick<ClaimPackFacts, 'answers' | 'invoices' | 'letters' | 'payments' | 'asOf'>): JapaneseCourtClaim {
  const { answers } = facts;
  const figures = statementFigures(facts);
  const outstanding = figures.accounts.filter((account) => account.outstanding.minor > 0);
  const claimValue = figures.outstanding;
  const procedure = procedureFor(claimValue, answers.jurisdiction.smallClaims);
  const seat = courtSeat(answers.jurisdiction.place ?? '');
  const court = seat ? (procedure === 'district-court' ? districtCourt(seat) : summaryCourt(seat)) : procedure === 'district-court' ? '契約で合意した地方裁判所' : '契約で合意した簡易裁判所';
  const { freelancer, client } = answers;
  const plaintiff = { name: freelancer.business ? `${freelancer.name}（${freelancer.business}）` : freelancer.name, address: freelancer.address ?? '' };
  const defendant = client.business
    ? { name: client.business, address: client.address ?? '', representative: `${client.title ? `${client.title} ` : ''}${client.name}` }
    : { name: client.name, address: client.address ?? '' };

  // 請求の趣旨: the unpaid sum, and on each invoice's part of it the late charge from the day after its due date.
  const rates = outstanding.map((account) => ({ account, rate: japaneseLateRate(answers, account.dueDate) }));
  const charged = rates.filter(({ rate }) => rate.yearlyPercent > 0);
  // One part bearing interest on the whole sum reads "及びこれに対する…の割合による金員"; several, "うち…の各割合".
  const wholeSum = charged.length === 1 && charged[0]!.account.outstanding.minor === claimValue.minor;
  const interestWords = wholeSum
    ? `及びこれに対する${ja.date(addDays(charged[0]!.account.dueDate, 1))}から支払済みまで年${ja.percent(charged[0]!.rate.yearlyPercent)}の割合による金員`
    : charged.length
      ? `及び${charged.map(({ account, rate }) => `うち${ja.money(account.outstanding)}に対する${ja.date(addDays(account.dueDate, 1))}から支払済みまで年${ja.percent(rate.yearlyPercent)}`).join('、')}の各割合による金員`
      : '';
  const claimStatement = [
    `被告は、原告に対し、${ja.money(claimValue)}${interestWords}を支払え。`,
    '訴訟費用は被告の負担とする。',
    'との判決並びに仮執行の宣言を求める。',
  ];

  // 請求の原因: the contract, the work delivered, each invoice and payment, each demand, the default.
  const causes: string[] = [
    `原告と被告は、${ja.date(answers.effectiveDate)}、原告が被告から「${answers.project.name}」の業務（${answers.project.description}）を受託し、被告が原告に${feeWords(answers)}を支払う旨の業務委託契約（以下「本件契約」という。）を締結した。`,
    answers.project.endDate
      ? `原告は、本件契約に基づき本件業務を行い、${ja.date(answers.project.endDate)}までに成果物を被告に引き渡した。`
      : '原告は、本件契約に基づき本件業務を行い、成果物を被告に引き渡した。',
    ...figures.accounts.map(
      (account) => `原告は、被告に対し、${ja.date(account.issuedOn)}付け請求書（番号${account.number}）により${ja.money(account.invoiced)}を請求した。その支払期日は${ja.date(account.dueDate)}である。`,
    ),
    ...facts.payments.map((payment) => `被告は、${ja.date(payment.date)}、請求書${payment.invoice}の報酬のうち${ja.money(payment.amount)}を支払った。`),
    ...facts.letters.map(({ kind, isoDate, letter }) => `原告は、被告に対し、${ja.date(isoDate)}付け「${letter.subject.split('（')[0]}」${kind === 'final-notice' ? '（内容証明郵便）' : ''}により支払を催告した。`),
    `しかし、被告は、支払期日を過ぎても残額${ja.money(claimValue)}を支払わない。`,
    `よって、原告は、被告に対し、本件契約に基づく報酬${ja.money(claimValue)}${
      charged.length
        ? `及びこれに対する各支払期日の翌日から支払済みまで${charged[0]!.rate.statute ? '民法所定の' : '本件契約所定の'}年${ja.percent(charged[0]!.rate.yearlyPercent)}の割合による遅延損害金`
        : ''
    }の支払を求める。`,
  ];

  const hasFinalNotice = facts.letters.some((letter) => letter.kind === 'final-notice');
  const otherLetters = facts.letters.filter((letter) => letter.kind !== 'final-notice').length;
  const attachments = [
    '業務委託契約書（写し）　1通',
    `請求書（写し）　${figures.accounts.length}通`,
    ...(otherLetters ? [`督促の書面（写し）　${otherLetters}通`] : []),
    ...(hasFinalNotice ? ['最終催告書（内容証明郵便）の謄本及び配達証明書　各1通'] : []),
    ...(client.business ? ['資格証明書（被告の登記事項証明書）　1通'] : []),
  ];

  const debtorCourt = defendant.address ? summaryCourtOfAddress(defendant.address) : undefined;
  const prefecture = defendant.address && !debtorCourt ? prefectureOf(defendant.address) : undefined;
  const prefectureSeat = prefecture ? courtSeat(prefecture) : undefined;
  return {
    procedure,
    procedureName: PROCEDURE_NAMES[procedure],
    caseName: '報酬請求事件',
    claimValue,
    court,
    plaintiff,
    defendant,
    claimStatement,
    causes,
    attachments,
    paymentOrder: {
      possible: isAddressInJapan(defendant.address),
      court: `${client.business ? '被告の本店所在地' : '被告の住所地'}（${defendant.address}）を管轄する簡易裁判所（民事訴訟法第383条第1項）`,
      ...(debtorCourt ? { debtorCourt } : {}),
      ...(prefectureSeat ? { prefectureSeatCourt: summaryCourt(prefectureSeat) } : {}),
    },
    help: freelanceHelpLines(),
  };
}

/** The 訴状 data as a Word document of the claim pack: headed lists the freelancer copies onto the court's form. */
export function courtClaimDocument(claim: JapaneseCourtClaim, meta: DocumentMeta, asOf: string): ClaimDocument {
  const paragraph = (text: string, bold = false): Block => ({ type: 'paragraph', runs: [{ text, ...(bold ? { bold: true } : {}) }] });
  const list = (items: readonly string[]): Block => ({ type: 'list', items: items.map((item, index) => [{ text: `${index + 1}　${item}` }]) });
  const limit = ja.money(money(SMALL_CLAIMS_LIMIT_YEN, 'JPY'));
  const why =
    claim.procedure === 'small-claims'
      ? `未払額が${limit}以下のため、1回の期日で審理する少額訴訟を利用できます（民事訴訟法第368条）。`
      : claim.procedure === 'summary-court'
        ? `未払額が${limit}を超えるため少額訴訟は使えず、${ja.money(money(SUMMARY_COURT_LIMIT_YEN, 'JPY'))}以下なので簡易裁判所の通常訴訟です。`
        : `未払額が${ja.money(money(SUMMARY_COURT_LIMIT_YEN, 'JPY'))}を超えるため、地方裁判所の通常訴訟です。`;
  const blocks: Block[] = [
    paragraph(`手続：${claim.procedureName}　事件名：${claim.caseName}　提出先：${claim.court}`, true),
    paragraph(why),
    paragraph(`訴訟物の価額：${ja.money(claim.claimValue)}（遅延損害金は含めません。民事訴訟法第9条第2項）`),
    paragraph(`原告：${claim.plaintiff.name}　${claim.plaintiff.address}`),
    paragraph(`被告：${claim.defendant.name}${claim.defendant.representative ? `　代表者 ${claim.defendant.representative}` : ''}　${claim.defendant.address}`),
    paragraph('請求の趣旨', true),
    list(claim.claimStatement),
    paragraph('請求の原因', true),
    list(claim.causes),
    paragraph('添付書類', true),
    list(claim.attachments),
    paragraph('支払督促による場合', true),
    paragraph(
      claim.paymentOrder.possible
        ? `支払督促は、契約で合意した裁判所ではなく、${claim.paymentOrder.court}に申し立てます。${
            claim.paymentOrder.debtorCourt
              ? `この住所を管轄するのは${claim.paymentOrder.debtorCourt}です。`
              : claim.paymentOrder.prefectureSeatCourt
                ? `同じ都道府県の${claim.paymentOrder.prefectureSeatCourt}が管轄するとは限らないため、裁判所ウェブサイトの「各地の裁判所」で管轄を確認してください。`
                : '裁判所ウェブサイトの「各地の裁判所」で管轄を確認してください。'
          }請求の趣旨及び原因は上と同じです。`
        : '被告の住所が日本国内にないため、支払督促は利用できません（民事訴訟法第382条）。',
    ),
    paragraph('無料の相談先・申出先', true),
    list(claim.help),
    paragraph(`${ja.date(asOf)}現在の請求金額計算書の数字によります。`),
  ];
  return { meta, title: '訴状及び支払督促の記載事項', subtitle: `${claim.caseName}　${claim.procedureName}　${claim.court}`, blocks };
}
