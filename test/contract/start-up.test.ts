// What the server meets at start-up: the contract's modules load, with their
// clause libraries and the data they read as they load (the shape answers the
// loader checks names against, Japan's small-claims limit). Each module is
// imported inside its test, never at the top of this file: code that throws as
// a module loads fails the test here, where a file that fails to import has no
// test to fail (the mutation run counts such a break as unnoticed).
import { describe, expect, it } from 'vitest';
import { sampleAnswers } from '../helpers/samples.ts';

describe('the contract at start-up', () => {
  it('the English library loads its twenty clauses, in the order of PRODUCT.md', async () => {
    const { loadContractLibrary } = await import('../../src/contract/library.ts');
    expect([...new Set(loadContractLibrary().clauses.map((clause) => clause.id))]).toEqual([
      'parties', 'scope', 'revisions', 'acceptance', 'fees', 'deposit', 'late-payment', 'responsiveness', 'client-materials', 'ownership',
      'copyright', 'communication', 'termination', 'independent-contractor', 'confidentiality', 'liability', 'force-majeure', 'governing-law', 'general', 'signatures',
    ]);
  });

  it('the Japanese edition loads its 前文 and twenty articles, 業務委託契約書 by title', async () => {
    const { japaneseContractEdition } = await import('../../src/contract/edition-ja.ts');
    const edition = japaneseContractEdition();
    expect(edition.title).toBe('業務委託契約書');
    expect([...new Set(edition.library.clauses.map((clause) => clause.id))]).toEqual([
      'preamble', 'purpose', 'scope', 'revisions', 'acceptance', 'fees', 'deposit', 'late-payment', 'responsiveness', 'client-materials', 'ownership',
      'copyright', 'termination', 'subcontracting', 'confidentiality', 'liability', 'antisocial-forces', 'notices', 'governing-law', 'consultation', 'signatures',
    ]);
  });

  it('a contract is assembled in each language once the modules have loaded', async () => {
    const { assembleContract } = await import('../../src/contract/assemble.ts');
    const { loadContractLibrary } = await import('../../src/contract/library.ts');
    const english = assembleContract(sampleAnswers('new-client-fixed'), loadContractLibrary());
    expect(english.title).toBe('Freelance Services Agreement');
    const japanese = assembleContract(sampleAnswers('ja/tokyo-fixed'), loadContractLibrary());
    expect(japanese.title).toBe('業務委託契約書');
  });
});
