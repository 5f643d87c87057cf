// The Japanese edition of the contract (業務委託契約書): its clause library in
// clauses/contract-ja/, its facts (facts-ja.ts), its fee table, and the
// 第N条 way of naming a clause. Assembly looks it up by the answers' language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answersSchema, type Answers } from '../answers/schema.ts';
import { CLAUSES_ROOT, loadClauseLibrary, type ClauseLibrary } from '../clauses/load.ts';
import { formatsFor } from '../language/format.ts';
import type { ContractEdition } from './assemble.ts';
import { computeJaFacts, type JaContractFacts } from './facts-ja.ts';
import { contractMoney, type Bill } from './settlement.ts';
import { safeFileStem } from './file-name.ts';
import type { Table } from './tree.ts';

export const JA_CONTRACT_TITLE = '業務委託契約書';
export const JA_DIRECTIVES = ['fee-table'] as const;

const ja = formatsFor('ja');

type Row = Table['rows'][number];

/** 「着手金（50%・返還しない・税抜）」: a name and its qualifiers in one pair of brackets. */
const labelled = (name: string, ...notes: (string | false)[]) => {
  const shown = notes.filter(Boolean);
  return shown.length > 0 ? `${name}（${shown.join('・')}）` : name;
};

/** One payment's rows: the amount, its 消費税, the 源泉徴収 taken off, and what is transferred. */
function paymentRows(name: string, notes: (string | false)[], bill: Bill, facts: JaContractFacts): Row[] {
  const rows: Row[] = [{ label: labelled(name, ...notes, facts.fee.hasTax && '税抜'), value: ja.money(bill.net) }];
  for (const tax of bill.taxes) rows.push({ label: `　${tax.label}（${ja.percent(tax.percent)}）`, value: ja.money(tax.amount) });
  const withheld = bill.deductions.find((line) => line.kind === 'withholding');
  if (withheld) {
    rows.push({ label: '　源泉徴収税額', value: `−${ja.money({ ...withheld.amount, minor: -withheld.amount.minor })}` });
    rows.push({ label: '　差引振込額', value: ja.money(bill.total), emphasis: true });
  } else {
    rows.push({ label: labelled('　お支払額', facts.fee.hasTax && '税込'), value: ja.money(bill.total), emphasis: true });
  }
  return rows;
}

function feeTable(answers: Answers, facts: JaContractFacts): Table {
  const figures = contractMoney(answers);
  const { fee } = facts;
  const rows: Row[] = [];
  if (fee.model === 'hourly') {
    rows.push({ label: labelled('時間単価', fee.hasTax && '税抜'), value: fee.rate }, { label: '見込み作業時間', value: `${fee.estimatedHours}時間` });
  }
  const baseLabel = fee.model === 'fixed' ? '報酬額' : fee.model === 'hourly' ? '見込み報酬額' : '月額報酬';
  rows.push({ label: labelled(baseLabel, fee.hasTax && '税抜'), value: ja.money(figures.base) });
  for (const tax of figures.baseBill.taxes) rows.push({ label: `${tax.label}（${ja.percent(tax.percent)}）`, value: ja.money(tax.amount) });
  if (fee.hasTax) rows.push({ label: labelled(baseLabel, '税込'), value: ja.money(figures.baseBill.gross) });
  if (fee.model === 'retainer') rows.push({ label: '月間作業時間', value: `${fee.hoursPerMonth}時間まで` });
  const kept = facts.deposit.nonRefundable && '返還しない';
  if (facts.deposit.inFull) {
    rows.push(...paymentRows(fee.model === 'retainer' ? '各月の前払額' : '前払額', [fee.model !== 'retainer' && '着手前に全額', kept], figures.depositBill, facts));
  } else {
    rows.push(...paymentRows('着手金', [facts.deposit.percent, kept], figures.depositBill, facts));
    const balance: [string, string | false] =
      fee.model === 'hourly' ? ['残金', '見込み・作業に応じて請求'] : fee.model === 'retainer' ? ['初月の残金', false] : ['残金', '納品時に請求'];
    rows.push(...paymentRows(balance[0], [balance[1]], figures.balanceBill, facts));
  }
  return { type: 'table', caption: fee.currency === 'JPY' ? '報酬の内訳（単位：円）' : `報酬の内訳（${fee.currency}）`, header: ['項目', '金額'], rows };
}

// Answers with every optional field present, so the facts built from them
// have every key a template may read: the loader checks names against it.
// Data beside the templates, not code: only the keys matter, and no value of
// theirs shows in any contract.
const SHAPE_ANSWERS = answersSchema.parse(JSON.parse(readFileSync(join(CLAUSES_ROOT, 'contract-ja', 'shape-answers.json'), 'utf8')));

export const JA_FACTS_SHAPE = computeJaFacts(SHAPE_ANSWERS);

export function loadJapaneseLibrary(dir: string = join(CLAUSES_ROOT, 'contract-ja')): ClauseLibrary {
  return loadClauseLibrary(dir, JA_FACTS_SHAPE, JA_DIRECTIVES, { crossReferences: true });
}

export function japaneseEdition(library: ClauseLibrary): ContractEdition<JaContractFacts> {
  return {
    language: 'ja',
    title: JA_CONTRACT_TITLE,
    library,
    facts: computeJaFacts,
    directives: (answers, facts) => ({ 'fee-table': () => feeTable(answers, facts) }),
    clauseNumber: (n) => `第${n}条`,
    heading: (title) => `（${title}）`,
    subtitle: (answers) => answers.project.name,
    meta: (answers, facts) => ({
      title: `${JA_CONTRACT_TITLE}（${answers.project.name}）`,
      subject: `${facts.client.legalName}と${facts.freelancer.legalName}の${JA_CONTRACT_TITLE}`,
      author: facts.freelancer.legalName,
      fileStem: safeFileStem(`${answers.project.name} 業務委託契約書`),
      keywords: '業務委託契約書, フリーランス, 着手金, キャンセル料',
    }),
  };
}

// Loaded and checked on first use; the app calls japaneseContractEdition() at
// start-up so a wording mistake stops the server with the file named.
let loaded: ContractEdition<JaContractFacts> | undefined;
export function japaneseContractEdition(): ContractEdition<JaContractFacts> {
  loaded ??= japaneseEdition(loadJapaneseLibrary());
  return loaded;
}

