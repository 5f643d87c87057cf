// The Japanese clause library (clauses/contract-ja/): checked by the same
// loader as the English one, and every clause has a golden sample rendered
// from the Japanese sample answers (clauses/samples/ja/).
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { conditionHolds } from '../../src/clauses/load.ts';
import { renderClause } from '../../src/clauses/template.ts';
import { assembleContract, crossReferences } from '../../src/contract/assemble.ts';
import { computeJaFacts } from '../../src/contract/facts-ja.ts';
import { JA_DIRECTIVES, japaneseContractEdition } from '../../src/contract/edition-ja.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { blocksToText, blockToText, sectionToText } from '../../src/contract/plain-text.ts';
import { numberPoints } from '../../src/contract/points.ts';
import type { Block, Contract } from '../../src/contract/tree.ts';
import { expectGolden } from '../helpers/golden.ts';
import { JA_SAMPLE_NAMES, sampleAnswers } from '../helpers/samples.ts';

const edition = japaneseContractEdition();
const english = loadContractLibrary();
const markers = Object.fromEntries(JA_DIRECTIVES.map((name) => [name, (): Block => ({ type: 'paragraph', runs: [{ text: `[${name}]` }] })]));

describe('Japanese golden samples: every clause renders as its sample file shows', () => {
  for (const clause of edition.library.clauses) {
    it(clause.file, () => {
      const candidates = clause.sample ? [clause.sample] : JA_SAMPLE_NAMES;
      const name = candidates.find((n) => conditionHolds(clause.when, computeJaFacts(sampleAnswers(n))));
      expect(name, `no Japanese sample answers make ${clause.file} apply; name one with "sample:"`).toBeDefined();
      const answers = sampleAnswers(name!);
      const refs = crossReferences(assembleContract(answers, english).sections.map((section) => section.id), edition.clauseNumber);
      // Items (号) numbered (1), (2) as the Word file numbers them, restarting after each numbered 項.
      const text = blocksToText(numberPoints(renderClause(clause.template, computeJaFacts(answers, refs), markers)), 'ja');
      const goldenFile = join(edition.library.dir, clause.file.replace(/^.*clauses\/contract-ja\//, '').replace(/\.eta$/, '.sample.txt'));
      expectGolden(goldenFile, `(rendered from clauses/samples/${name}.json)\n\n${text}\n`);
    });
  }
});

describe('the Tokyo contract (issue 12, Done when)', () => {
  // Built before each test, not as the file is collected: a mutant is on only while tests run (test/README.md).
  let contract!: Contract;
  beforeEach(() => {
    contract = assembleContract(sampleAnswers('ja/tokyo-fixed'), english);
  });
  let text!: string;
  beforeEach(() => {
    text = [...(contract.preamble ?? []).map(blockToText), ...contract.sections.map((section) => `${section.title}\n${blocksToText(section.blocks, 'ja')}`)].join('\n\n');
  });

  it('is a 業務委託契約書 whose clauses Word numbers 第1条, 第2条 …', () => {
    expect(contract.title).toBe('業務委託契約書');
    expect(contract.meta.language).toBe('ja');
    expect(contract.sections[0]!.title).toBe('（目的）');
    // Cross-references use the numbers Word gives the headings.
    const termination = contract.sections.findIndex((section) => section.id === 'termination') + 1;
    expect(text).toContain(`キャンセル料（第${termination}条）に充当する限りにおいて、返還しない`);
  });

  it('names the parties as a Japanese contract does', () => {
    expect(text).toContain('株式会社みどり商事（以下「委託者」という。）と花デザイン事務所こと 佐藤花子（以下「受託者」という。）');
  });

  it('states the fee before tax, 消費税 120,000円, and withholding on the deposit with what is transferred', () => {
    expect(text).toContain('金1,200,000円（消費税別）');
    expect(text).toContain('消費税（10%）: 120,000円');
    expect(text).toContain('源泉徴収税額61,260円を差し引いた振込額は598,740円');
    expect(text).toContain('源泉徴収税額: −61,260円\n　差引振込額: 598,740円');
  });

  it('puts the transfer fee on the client and the payment on a fixed day within 60 days of delivery', () => {
    expect(text).toContain('振込手数料は委託者の負担');
    expect(text).toContain('委託者が成果物の納入を受けた日から起算して30日目の日を残金の支払期日とし');
  });

  it('names the courts built from the place, and small claims within ¥600,000', () => {
    expect(text).toContain('東京地方裁判所又は東京簡易裁判所を第一審の専属的合意管轄裁判所とする');
    expect(text).toContain('600,000円以下の金銭の支払の請求については、東京簡易裁判所に少額訴訟');
  });

  it('assigns copyright with arts. 27 and 28 and a promise not to exercise moral rights', () => {
    expect(text).toContain('著作権法第27条及び第28条に規定する権利を含む');
    expect(text).toContain('著作者人格権を行使しない');
  });

  it('ends with the closing sentence, seal lines and the revenue stamp for ¥1,200,000 with copyright assigned (第1号の1文書)', () => {
    expect(text).toContain('本契約の成立を証するため、本書2通を作成し、委託者及び受託者が記名押印の上、各1通を保有する。');
    expect(text).toContain('代表取締役 山田太郎　　　　　　印');
    expect(text).toContain('氏名　佐藤花子　　　　　　印');
    expect(text).toContain('2,000円の収入印紙');
  });

  it('names the Freelance Act only for a freelancer without employees', () => {
    expect(text).toContain('フリーランス・事業者間取引適正化等法');
    const osaka = assembleContract(sampleAnswers('ja/osaka-hourly'), english);
    expect(osaka.sections.map(sectionToText).join('\n')).not.toContain('フリーランス・事業者間取引適正化等法');
  });
});

describe('every Japanese sample assembles with its numbers in order', () => {
  it.each(JA_SAMPLE_NAMES)('%s', (name) => {
    const contract = assembleContract(sampleAnswers(name), english);
    expect(contract.sections.length).toBeGreaterThan(15);
    const text = contract.sections.map(sectionToText).join('\n');
    // No English wording leaks into a Japanese contract.
    expect(text).not.toMatch(/\b(the|Client|Freelancer|clause)\b/);
  });
});
