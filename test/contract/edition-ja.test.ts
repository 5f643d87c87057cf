// The Japanese edition's own words: 業務委託契約書, the project as subtitle,
// clauses named 第N条 under headings in brackets, and the Word file's
// properties naming both parties.
//
// One test on purpose: the edition is built once, on first use, and kept
// (japaneseContractEdition), so the test that builds it must be the one that
// reads its properties, or a change to them would go unseen by the mutation run.
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract, editionFor } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { sampleInput } from '../helpers/samples.ts';

describe('the Japanese edition', () => {
  it('業務委託契約書 with the project as subtitle, 第N条 and （見出し）, and file properties naming both parties', () => {
    const english = loadContractLibrary();
    const contract = assembleContract(answersSchema.parse(sampleInput('ja/osaka-hourly')), english);
    expect(contract.title).toBe('業務委託契約書');
    expect(contract.subtitle).toBe('製品マニュアルの英訳');
    expect(contract.meta).toEqual({
      title: '業務委託契約書（製品マニュアルの英訳）',
      subject: '株式会社なにわ出版と合同会社スズキ翻訳の業務委託契約書',
      author: '合同会社スズキ翻訳',
      fileStem: '製品マニュアルの英訳-業務委託契約書',
      keywords: '業務委託契約書, フリーランス, 着手金, キャンセル料',
      projectName: '製品マニュアルの英訳',
      paperSize: 'a4',
      language: 'ja',
    });
    expect(contract.sections[0]!.title).toBe('（目的）');
    const edition = editionFor('ja', english);
    expect(edition.language).toBe('ja');
    expect(edition.title).toBe('業務委託契約書');
    expect(edition.clauseNumber(12)).toBe('第12条');
    expect(edition.heading('報酬')).toBe('（報酬）');
  });
});
