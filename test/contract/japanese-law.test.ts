// Issue 23, the Japanese edition: what a lawyer struck out of the 業務委託契約書,
// each with the wording a reader sees. Each test failed before its fix.
import { describe, expect, it } from 'vitest';
import { answersSchema, type Answers } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { computeJaFacts } from '../../src/contract/facts-ja.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { blockToText, sectionToText } from '../../src/contract/plain-text.ts';
import { inLanguage } from '../../src/language/messages.ts';
import { sampleInput } from '../helpers/samples.ts';

const english = loadContractLibrary();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function answers(name: string, change: (input: any) => void = () => {}): Answers {
  const input = sampleInput(name);
  change(input);
  return answersSchema.parse(input);
}
const contract = (a: Answers) => assembleContract(a, english);
const clause = (a: Answers, id: string) => sectionToText(contract(a).sections.find((section) => section.id === id)!);
const whole = (a: Answers) => {
  const c = contract(a);
  return [...(c.preamble ?? []).map(blockToText), ...c.sections.map(sectionToText)].join('\n');
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const problems = (name: string, change: (input: any) => void) => {
  const input = sampleInput(name);
  change(input);
  // Messages are written when read, so they are read in the language of the check.
  return inLanguage('ja', () => {
    const result = answersSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  });
};

describe('the payment date (支払期日) is a fixed day within 60 days of delivery (Freelance Act art. 4)', () => {
  it('a fixed price names the day, counted from delivery, not a window after the invoice', () => {
    const fees = clause(answers('ja/tokyo-fixed'), 'fees');
    expect(fees).toContain('委託者が成果物の納入を受けた日から起算して30日目の日を残金の支払期日とし');
    expect(fees).not.toContain('日以内に支払う');
    expect(fees).not.toContain('60日を超えない日');
  });

  it('hourly work is paid on a fixed day counted from each month-end close', () => {
    const fees = clause(answers('ja/osaka-hourly'), 'fees');
    expect(fees).toContain('毎月末日に締め');
    expect(fees).toContain('締日から起算して45日目の日を支払期日とし');
    expect(fees).not.toContain('日以内に支払う');
  });

  it('a retainer is paid in advance by the first day of each month, as its invoice says', () => {
    const fees = clause(answers('ja/yokohama-retainer'), 'fees');
    expect(fees).toContain('各月の初日（初月は本業務の開始日）を支払期日とし');
    expect(fees).not.toContain('日以内に支払う');
  });

  it('due on delivery (0 days) says so', () => {
    expect(clause(answers('ja/tokyo-fixed', (i) => (i.fee.paymentDueDays = 0)), 'fees')).toContain('委託者が成果物の納入を受けた日を残金の支払期日とし');
  });

  it('a Japanese contract refuses more than 60 days, naming the field; 60 is accepted', () => {
    expect(problems('ja/tokyo-fixed', (i) => (i.fee.paymentDueDays = 61))).toEqual([
      { path: 'fee.paymentDueDays', message: '支払期日は、フリーランス法第4条により納品から60日以内の日とします。支払期限は60日以下で入力してください' },
    ]);
    expect(problems('ja/tokyo-fixed', (i) => (i.fee.paymentDueDays = 120))).toHaveLength(1);
    expect(problems('ja/tokyo-fixed', (i) => (i.fee.paymentDueDays = 60))).toEqual([]);
  });

  it('an English contract still accepts 120 days', () => {
    const input = sampleInput('new-client-fixed');
    input.fee.paymentDueDays = 120;
    expect(answersSchema.safeParse(input).success).toBe(true);
  });
});

describe('a Japanese retainer ends on 30 days’ notice with reasons on request (Freelance Act art. 16)', () => {
  it('the client may not end it 「いつでも」: it gives the notice, and the reasons when asked', () => {
    const termination = clause(answers('ja/yokohama-retainer'), 'termination');
    expect(termination).not.toContain('いつでも');
    expect(termination).toContain('30日前までに受託者に書面で予告して');
    expect(termination).toContain('解除の理由の開示を求めたときは、委託者は、遅滞なくこれを開示する');
  });

  it('less than 30 days’ notice is refused, naming the field', () => {
    expect(problems('ja/yokohama-retainer', (i) => (i.fee.noticeDays = 10))).toEqual([
      { path: 'fee.noticeDays', message: '継続的な契約の解約の予告は、フリーランス法第16条により30日前までとします（6か月以上の契約）。予告期間は30日以上で入力してください' },
    ]);
  });

  it('a fixed-price project of six months or more is ended on 30 days’ notice too, with reasons on request', () => {
    // 2027-04-05 to 2027-10-04, both days counted: six months (民法第143条).
    const long = clause(answers('ja/tokyo-fixed', (i) => (i.project.endDate = '2027-10-04')), 'termination');
    expect(long).not.toContain('いつでも');
    expect(long).toContain('委託者は、30日前までに受託者に書面で予告して本契約を解除することができる（民法第641条）');
    expect(long).toContain('解除の理由の開示を求めたときは、委託者は、遅滞なくこれを開示する');
    // One day short (to 2027-10-03): the client may end at any time.
    expect(clause(answers('ja/tokyo-fixed', (i) => (i.project.endDate = '2027-10-03')), 'termination')).toContain('いつでも');
  });

  it('a fixed-price project may still be ended by the client at any time (民法641), paying what the contract says', () => {
    expect(clause(answers('ja/tokyo-fixed'), 'termination')).toContain('委託者は、いつでも受託者に書面で通知して本契約を解除することができる（民法第641条）');
  });
});

describe('the stamp duty when copyright is assigned (第1号の1文書, 通則3ロ)', () => {
  it('a fixed price of 1,200,000円 that assigns copyright needs 2,000円 (第1号), not 400円', () => {
    const a = answers('ja/tokyo-fixed');
    expect(computeJaFacts(a).stamp.amount).toBe('2,000円');
    expect(clause(a, 'signatures')).toContain('第1号の1文書');
    expect(clause(a, 'signatures')).toContain('2,000円の収入印紙');
  });

  it('3,000,000円 that assigns copyright needs 2,000円; 100,000円 needs 200円, 100,001円 400円', () => {
    const at = (total: number) => computeJaFacts(answers('ja/tokyo-fixed', (i) => (i.fee.total = total))).stamp.amount;
    expect(at(3_000_000)).toBe('2,000円');
    expect(at(100_000)).toBe('200円');
    expect(at(100_001)).toBe('400円');
    expect(at(500_001)).toBe('1,000円');
  });

  it('a fixed price that keeps the copyright stays a 第2号文書: 1,200,000円 needs 400円', () => {
    const a = answers('ja/tokyo-fixed', (i) => (i.ownership.copyright = 'retain-and-license'));
    expect(computeJaFacts(a).stamp.amount).toBe('400円');
    expect(clause(a, 'signatures')).toContain('第2号文書');
  });

  it('準委任 that assigns copyright is a 第1号の1文書 (200円), not 不要', () => {
    const a = answers('ja/osaka-hourly', (i) => (i.ownership.copyright = 'assign-to-client'));
    const signatures = clause(a, 'signatures');
    expect(signatures).not.toContain('収入印紙は不要である');
    expect(signatures).toContain('第1号の1文書');
    expect(signatures).toContain('200円の収入印紙');
  });

  it('準委任 that keeps the copyright needs no stamp', () => {
    expect(clause(answers('ja/osaka-hourly'), 'signatures')).toContain('収入印紙は不要である');
  });
});

describe('revisions in hourly and retainer work are paid work (issue 23 point 9)', () => {
  it('hourly: revisions are billed as working time, never free', () => {
    const revisions = clause(answers('ja/osaka-hourly'), 'revisions');
    expect(revisions).not.toContain('無償で応じる');
    expect(revisions).toContain('作業時間として');
  });

  it('retainer: revisions use the month’s hours, and the retainer defines 成果物', () => {
    const a = answers('ja/yokohama-retainer');
    expect(clause(a, 'revisions')).not.toContain('無償で応じる');
    expect(clause(a, 'revisions')).toContain('月額報酬に含まれる作業時間');
    expect(clause(a, 'scope')).toContain('（以下「成果物」という。）');
  });

  it('a fixed price keeps its free rounds', () => {
    expect(clause(answers('ja/tokyo-fixed'), 'revisions')).toContain('2回までの修正に無償で応じる');
  });
});

describe('Japanese form', () => {
  it('the 前文 comes before 第1条 and is not numbered: 第1条 is 目的', () => {
    const c = contract(answers('ja/tokyo-fixed'));
    expect((c.preamble ?? []).map(blockToText)).toEqual([
      '株式会社みどり商事（以下「委託者」という。）と花デザイン事務所こと 佐藤花子（以下「受託者」という。）は、「コーポレートサイトのリニューアル」に関する業務の委託について、次のとおり業務委託契約（以下「本契約」という。）を締結する。',
    ]);
    expect(c.sections[0]!.id).toBe('purpose');
    expect(sectionToText(c.sections[0]!)).not.toContain('（以下「委託者」という。）');
    expect(sectionToText(c.sections[0]!)).toContain('第2条に定める業務');
  });


  it('委託者 is defined by the company’s name, without its 代表取締役', () => {
    expect(whole(answers('ja/tokyo-fixed'))).toContain('株式会社みどり商事（以下「委託者」という。）');
    expect(whole(answers('ja/osaka-hourly'))).toContain('合同会社スズキ翻訳（以下「受託者」という。）');
  });

  it('an unregistered freelancer is not called 免税事業者', () => {
    const fees = clause(answers('ja/tokyo-fixed'), 'fees');
    expect(fees).toContain('受託者は、適格請求書発行事業者の登録を受けていない。');
    expect(fees).not.toContain('免税事業者');
  });

  it('a freelancer who charges no 消費税 (tax: null) is said to be 免税事業者, apart from the registration', () => {
    const fees = clause(answers('ja/tokyo-fixed', (i) => (i.fee.tax = null)), 'fees');
    expect(fees).toContain('受託者は、適格請求書発行事業者の登録を受けていない。受託者は消費税の免税事業者であり、報酬に消費税を加算しない。');
  });

  it('第2条2項 is a sentence, not the description alone', () => {
    const scope = contract(answers('ja/tokyo-fixed')).sections.find((section) => section.id === 'scope')!;
    const second = scope.blocks.filter((block) => block.type === 'paragraph')[1]!;
    expect(second.type === 'paragraph' && second.runs.map((run) => run.text).join('')).toBe(
      '本業務の内容は、「株式会社みどり商事のコーポレートサイトのデザイン及びコーディング」とする。',
    );
  });

  it('a ただし書 stays inside its 項: no paragraph starts with ただし', () => {
    for (const name of ['ja/tokyo-fixed', 'ja/osaka-hourly', 'ja/yokohama-retainer']) {
      const paragraphs = contract(answers(name)).sections.flatMap((section) => section.blocks.filter((block) => block.type === 'paragraph'));
      const starts = paragraphs.map((block) => (block.type === 'paragraph' ? block.runs[0]?.text ?? '' : ''));
      expect(starts.filter((text) => text.startsWith('ただし'))).toEqual([]);
    }
  });

  it('work stops for non-payment at 14 days, as in English', () => {
    const late = clause(answers('ja/tokyo-fixed'), 'late-payment');
    expect(late).toContain('支払期日から14日を経過しても支払がないときは');
    expect(late).not.toContain('30日を経過しても支払がないときは、受託者は、書面で通知して');
  });

  it('work starts on the start date, or when the deposit arrives if later', () => {
    const deposit = clause(answers('ja/tokyo-fixed'), 'deposit');
    expect(deposit).toContain('開始日（2027年4月5日）又は着手金の入金を確認した日のいずれか遅い日に本業務に着手する');
    expect(deposit).not.toContain('日程はその日から起算する');
  });

  it('rights pass when what is owed is paid, also after an early ending', () => {
    const ownership = clause(answers('ja/tokyo-fixed'), 'ownership');
    expect(ownership).toContain('本契約が中途で終了したときは');
    expect(ownership).toContain('終了時に支払うべき金額の全額を支払った時');
  });

  it('a claim for nonconformity (契約不適合) has a time limit', () => {
    expect(clause(answers('ja/tokyo-fixed'), 'acceptance')).toContain('検査完了日から1年以内');
  });
});

describe('the kind of work decides 源泉徴収 (所得税法204条1項1号)', () => {
  it('design, writing, translation and photography are withheld for an individual', () => {
    for (const kind of ['design', 'writing', 'translation', 'photography', 'illustration']) {
      expect(answers('ja/tokyo-fixed', (i) => (i.project.workCategory = kind)).fee.withholding).toBe(true);
    }
  });

  it('software development and maintenance, and consulting, are not', () => {
    for (const kind of ['software', 'consulting', 'other']) {
      const a = answers('ja/tokyo-fixed', (i) => (i.project.workCategory = kind));
      expect(a.fee.withholding).toBe(false);
      expect(clause(a, 'fees')).not.toContain('源泉徴収');
    }
  });

  it('a private client (client.kind consumer) never withholds, even for design', () => {
    const a = answers('ja/tokyo-fixed', (i) => {
      i.project.workCategory = 'design';
      i.client.kind = 'consumer';
    });
    expect(a.fee.withholding).toBe(false);
    expect(clause(a, 'fees')).not.toContain('源泉徴収');
  });

  it('a company freelancer is never withheld, whatever the work', () => {
    expect(answers('ja/osaka-hourly', (i) => (i.project.workCategory = 'translation')).fee.withholding).toBe(false);
  });

  it('a kind of work not in the list is refused, naming the field', () => {
    expect(problems('ja/tokyo-fixed', (i) => (i.project.workCategory = 'dance'))).toEqual([
      { path: 'project.workCategory', message: '業務の種類を一覧から選択してください' },
    ]);
  });
});
