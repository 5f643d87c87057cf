// How assembly chooses and numbers the clauses, shown on small clause
// libraries written for each rule: a clause whose wording comes out empty is
// left out and the numbers close up; a library whose conditions overlap, or a
// clause that cites one this contract leaves out, stops with the file named.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleContract, crossReferences, editionFor } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { sectionToText } from '../../src/contract/plain-text.ts';
import { sampleAnswers } from '../helpers/samples.ts';

function libraryWith(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'contract-clauses-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return loadContractLibrary(dir);
}
const clause = (id: string, order: number, body: string, extra = '') => `---\nid: ${id}\ntitle: Title ${id}\norder: ${order}\nnote: Why ${id} is there.\n${extra}---\n${body}\n`;

// A fixed price, no tax: the sample the article follows.
const fixed = sampleAnswers('new-client-fixed');

describe('a clause whose wording is empty for these answers', () => {
  const library = libraryWith({
    '1-a/a.eta': clause('first', 1, 'See <%= it.ref.last %>.'),
    '2-b/b.eta': clause('hourly-only', 2, "<% if (it.fee.model === 'hourly') { %>Hours are logged weekly.<% } %>"),
    '3-c/c.eta': clause('middle', 3, 'Middle text.'),
    '4-d/d.eta': clause('last', 4, 'Last text, after <%= it.ref.middle %>.'),
  });

  it('is left out, and the clauses after it are numbered without it', () => {
    const contract = assembleContract(fixed, library);
    expect(contract.sections.map((section) => section.id)).toEqual(['first', 'middle', 'last']);
    expect(contract.sections.map(sectionToText)).toEqual(['See clause 3.', 'Middle text.', 'Last text, after clause 2.']);
  });

  it('is kept where the answers give it words', () => {
    const contract = assembleContract(sampleAnswers('returning-client-hourly'), library);
    expect(contract.sections.map(sectionToText)).toEqual(['See clause 4.', 'Hours are logged weekly.', 'Middle text.', 'Last text, after clause 3.']);
  });
});

describe('a library that cannot make this contract', () => {
  it('two variants of one clause that both apply: the second one named', () => {
    const library = libraryWith({
      '1-a/a.eta': clause('opening', 1, 'Opening.'),
      '2-fee/one.eta': clause('fee', 2, 'One.', "variant: one\nwhen:\n  fee.model: fixed\n"),
      '2-fee/two.eta': clause('fee', 2, 'Two.', "variant: two\nwhen:\n  deposit.inFull: false\n"),
      '2-fee/three.eta': clause('fee', 2, 'Three.', 'variant: three\nwhen:\n  fee.model: hourly\n'),
    });
    // One variant applying is fine.
    expect(assembleContract(sampleAnswers('retainer-prepaid'), library).sections.map(sectionToText)).toEqual(['Opening.']);
    expect(() => assembleContract(fixed, library)).toThrow(/^clauses fee: more than one variant applies \(.*2-fee\/two\.eta\)$/);
  });

  it('a clause citing one that does not apply to these answers', () => {
    const library = libraryWith({
      '1-a/a.eta': clause('opening', 1, 'Opening.'),
      '2-b/b.eta': clause('pay', 2, 'Pay as in <%= it.ref.hours %>.'),
      '3-c/c.eta': clause('hours', 3, 'Hours.', 'when:\n  fee.model: hourly\n'),
    });
    expect(assembleContract(sampleAnswers('returning-client-hourly'), library).sections.map(sectionToText)).toEqual(['Opening.', 'Pay as in clause 3.', 'Hours.']);
    expect(() => assembleContract(fixed, library)).toThrow(/^clauses pay: refers to "hours", which this contract does not include \(.*2-b\/b\.eta\)$/);
  });
});

describe('cross-references and the contract around the clauses', () => {
  it('"clause N" by the order the clauses apply in, or as an edition names them', () => {
    expect(crossReferences(['parties', 'late-payment', 'kill-fee'])).toEqual({ parties: 'clause 1', latePayment: 'clause 2', killFee: 'clause 3' });
    expect(crossReferences(['purpose', 'fees'], (n) => `第${n}条`)).toEqual({ purpose: '第1条', fees: '第2条' });
  });

  it('the English title, subtitle and file properties', () => {
    const contract = assembleContract(fixed, loadContractLibrary());
    expect(contract.title).toBe('Freelance Services Agreement');
    expect(contract.subtitle).toBe('Harbor Coffee website redesign: between Lee Studio LLC and Harbor Coffee Co., effective December 1, 2026');
    expect(contract.meta).toEqual({
      title: 'Freelance Services Agreement: Harbor Coffee website redesign',
      subject: 'Contract between Lee Studio LLC and Harbor Coffee Co.',
      author: 'Lee Studio LLC',
      fileStem: 'Harbor-Coffee-website-redesign-contract',
      keywords: 'contract, freelance, deposit, kill fee',
      projectName: 'Harbor Coffee website redesign',
      paperSize: fixed.paperSize,
      language: 'en',
    });
    expect(contract.answers).toBe(fixed);
  });

  it('the parties and signature blocks: each side with its role, every way to reach it, and its title', () => {
    const blocks = assembleContract(fixed, loadContractLibrary()).sections.flatMap((section) => section.blocks);
    expect(blocks.find((block) => block.type === 'parties')).toEqual({
      type: 'parties',
      parties: [
        { role: 'Freelancer', name: 'Jordan Lee', business: 'Lee Studio LLC', address: fixed.freelancer.address, email: fixed.freelancer.email, phone: '+1 503 555 0142' },
        { role: 'Client', name: 'Priya Natarajan', business: 'Harbor Coffee Co.', address: fixed.client.address, email: 'priya@harborcoffee.example', phone: '+1 206 555 0199' },
      ],
    });
    expect(blocks.find((block) => block.type === 'signatures')).toEqual({
      type: 'signatures',
      parties: [
        { role: 'Freelancer', name: 'Jordan Lee', business: 'Lee Studio LLC', title: fixed.freelancer.title },
        { role: 'Client', name: 'Priya Natarajan', business: 'Harbor Coffee Co.', title: fixed.client.title },
      ],
    });
  });

  it('the English edition names a clause "clause N" and keeps its heading as written', () => {
    const edition = editionFor('en', loadContractLibrary());
    expect(edition.clauseNumber(13)).toBe('clause 13');
    expect(edition.heading('Fees and payment')).toBe('Fees and payment');
  });

  it('the signatures are kept on one page and never divided into points; other clauses are', () => {
    const contract = assembleContract(fixed, loadContractLibrary());
    const signatures = contract.sections.find((section) => section.id === 'signatures')!;
    expect(signatures.keepTogether).toBe(true);
    expect(signatures.blocks.some((block) => block.type === 'paragraph' && block.point !== undefined)).toBe(false);
    const late = contract.sections.find((section) => section.id === 'late-payment')!;
    expect('keepTogether' in late).toBe(false);
    expect(late.blocks.filter((block) => block.type === 'paragraph').map((block) => block.type === 'paragraph' && block.point)).toEqual([1, 2, 3]);
  });
});
