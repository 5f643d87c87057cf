// Issue 25: an email split at its hyphen ("elena@rossi-" / "partners.example")
// reads as two things. Inside an email or web address the Word file writes each
// hyphen as a non-breaking hyphen; a hyphen anywhere else keeps its line break.
// (test/e2e/word-layout.libreoffice.test.ts prints such an address at a line end.)
import { describe, expect, it } from 'vitest';
import { answersSchema, type AnswersInput } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { splitAtAddressHyphens, splitBeforeAddresses } from '../../src/render/address-hyphens.ts';
import { CONTRACT_RENDERERS } from '../helpers/contract-renderers.ts';
import { findAll, findFirst, openDocx, textContent, W } from '../helpers/docx-reader.ts';
import { sampleInput } from '../helpers/samples.ts';

describe('the hyphens kept whole', () => {
  it('are the ones inside an email or a web address, and only those', () => {
    expect(splitAtAddressHyphens('Email: elena-maria@rossi-partners.example')).toEqual(['Email: elena', 'maria@rossi', 'partners.example']);
    expect(splitAtAddressHyphens('see https://rossi-partners.example/terms-of-use, 2027-03-01')).toEqual(['see https://rossi', 'partners.example/terms', 'of', 'use, 2027-03-01']);
    expect(splitAtAddressHyphens('連絡先：taro@yamada-design.jp まで')).toEqual(['連絡先：taro@yamada', 'design.jp まで']);
    // A web address ends where Japanese text follows it: the date after it keeps its breaks.
    expect(splitAtAddressHyphens('詳細はhttps://mi-do-ri.example/を参照（2027-03-01まで）')).toEqual(['詳細はhttps://mi', 'do', 'ri.example/を参照（2027-03-01まで）']);
    // No address: a date range, a compound name, a number keep their hyphen and its break.
    expect(splitAtAddressHyphens('Rossi-Bianchi, 2027-03-01 to 2027-04-01')).toBeUndefined();
    expect(splitAtAddressHyphens('an email without hyphens, elena@rossi.example - and a dash')).toBeUndefined();
  });
});

describe('the places a line may break before an address', () => {
  it('are before each address with a kept hyphen that follows a character other than a space', () => {
    expect(splitBeforeAddresses('電子メール：yama-da@mi-do-ri.example')).toEqual(['電子メール：', 'yama-da@mi-do-ri.example']);
    // Japanese letters joined to the address are not part of it; the break goes where the Latin starts.
    expect(splitBeforeAddresses('連絡先taro@yamada-design.jp まで')).toEqual(['連絡先', 'taro@yamada-design.jp まで']);
    expect(splitBeforeAddresses('(https://rossi-partners.example)')).toEqual(['(', 'https://rossi-partners.example)']);
    // After a space, at the start, or with no hyphen to keep: a reader breaks there already.
    expect(splitBeforeAddresses('Email: elena-maria@rossi-partners.example')).toBeUndefined();
    expect(splitBeforeAddresses('elena-maria@rossi-partners.example')).toBeUndefined();
    expect(splitBeforeAddresses('電子メール：taro@yamada.jp')).toBeUndefined();
  });
});

const library = loadContractLibrary();

describe.each(CONTRACT_RENDERERS)('a contract from $name', ({ render }) => {
  it('prints the client\'s email whole, its hyphens non-breaking, and the hyphen in a name as it was', async () => {
    const input = structuredClone(sampleInput('new-client-fixed')) as AnswersInput & { client: { email: string; business: string } };
    input.client.email = 'priya-n@harbor-coffee.example';
    input.client.business = 'Harbor-Side Coffee Co.';
    const docx = openDocx(await render(assembleContract(answersSchema.parse(input), library)));
    const withEmail = docx.paragraphs().filter((paragraph) => paragraph.text.includes('priya-n@harbor-coffee.example'));
    expect(withEmail.length).toBeGreaterThan(0);
    for (const paragraph of withEmail) expect(findAll(paragraph.element, W, 'noBreakHyphen')).toHaveLength(2);
    const withName = docx.paragraphs().filter((paragraph) => paragraph.text.includes('Harbor-Side Coffee Co.') && !paragraph.text.includes('@'));
    expect(withName.length).toBeGreaterThan(0);
    for (const paragraph of withName) expect(findAll(paragraph.element, W, 'noBreakHyphen')).toHaveLength(0);
  });

  it('puts a space too narrow to see (1 pt) before a Japanese contract\'s email where it follows 電子メール：, so LibreOffice can break there', async () => {
    const input = structuredClone(sampleInput('ja/tokyo-fixed')) as AnswersInput & { client: { email: string } };
    input.client.email = 'ya-ma-da@mi-do-ri.example';
    const docx = openDocx(await render(assembleContract(answersSchema.parse(input), library)));
    const notices = docx.paragraphs().filter((paragraph) => paragraph.text.includes('電子メール： ya-ma-da@mi-do-ri.example'));
    expect(notices.length).toBeGreaterThan(0);
    for (const paragraph of notices) {
      const runs = findAll(paragraph.element, W, 'r');
      const space = runs.findIndex((run) => findAll(run, W, 't').map(textContent).join('') === ' ');
      expect(space, 'a run holding only a space').toBeGreaterThan(0);
      expect(findFirst(runs[space]!, W, 'sz')?.attributes['w:val']).toBe('2');
      expect(textContent(findAll(runs[space + 1]!, W, 't')[0]!)).toBe('ya');
    }
  });
});
