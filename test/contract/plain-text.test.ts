// The contract as plain text: what the JSON API returns as each clause's text.
// Each block is written out as a reader of that text would expect it.
import { describe, expect, it } from 'vitest';
import { blocksToText, blockToText, sectionToText } from '../../src/contract/plain-text.ts';

describe('each block as plain text', () => {
  it('a paragraph is its runs joined, bold or not', () => {
    expect(blockToText({ type: 'paragraph', runs: [{ text: 'The ' }, { text: 'kill fee', bold: true }, { text: ' is 25%.' }] })).toBe('The kill fee is 25%.');
  });

  it('a list is one "- " line per item', () => {
    expect(blockToText({ type: 'list', items: [[{ text: 'Logo' }], [{ text: 'Menu ' }, { text: 'board', italic: true }]] })).toBe('- Logo\n- Menu board');
  });

  it('a table is its caption, then "label: value" a line', () => {
    const table = { type: 'table', caption: 'Fees (USD)', header: ['Item', 'Amount'], rows: [{ label: 'Deposit', value: '$6,000.00' }, { label: 'Total price', value: '$12,000.00', emphasis: true }] } as const;
    expect(blockToText(table)).toBe('Fees (USD)\nDeposit: $6,000.00\nTotal price: $12,000.00');
  });

  it('the parties: role and name (with the business after a comma when there is one), address, email and phone, a blank line between them', () => {
    const text = blockToText({
      type: 'parties',
      parties: [
        { role: 'Freelancer', name: 'Jordan Lee', business: 'Lee Studio LLC', address: '12 Alder St, Portland', email: 'jordan@example.com', phone: '+1 503 555 0142' },
        { role: 'Client', name: 'Priya Natarajan', address: '88 Pike St, Seattle', email: 'priya@example.com', phone: '+1 206 555 0199' },
      ],
    });
    expect(text).toBe(
      'Freelancer: Jordan Lee, Lee Studio LLC\n12 Alder St, Portland\nEmail: jordan@example.com\nPhone: +1 503 555 0142\n\n' +
        'Client: Priya Natarajan\n88 Pike St, Seattle\nEmail: priya@example.com\nPhone: +1 206 555 0199',
    );
  });

  it('the signatures: the lines of the Word file, a Name line for whoever signs for a company, blank lines to fill', () => {
    const text = blockToText({
      type: 'signatures',
      parties: [
        { role: 'Freelancer', name: 'Jordan Lee', business: 'Lee Studio LLC', title: 'Owner' },
        { role: 'Client', name: 'Harbor Coffee Co.' },
      ],
    });
    expect(text).toBe(
      'Freelancer\nLee Studio LLC\nSignature: ____________________\nName: Jordan Lee\nTitle: Owner\nDate: ____________________\n\n' +
        'Client\nHarbor Coffee Co.\nSignature: ____________________\nName: ____________________\nTitle: ____________________\nDate: ____________________',
    );
  });
});

describe('the lines only some contracts have', () => {
  it('a party with a VAT number has it on a line of its own, after the phone', () => {
    const text = blockToText({
      type: 'parties',
      parties: [{ role: 'Freelancer', name: 'Jordan Lee', address: '1 High St, London', email: 'jordan@example.com', phone: '+44 20 7946 0000', vatNumber: 'GB123456789' }],
    });
    expect(text).toBe('Freelancer: Jordan Lee\n1 High St, London\nEmail: jordan@example.com\nPhone: +44 20 7946 0000\nVAT number: GB123456789');
  });

  it('a party that signed online has its mark, how it signed and the date where the blanks were', () => {
    const text = blockToText({
      type: 'signatures',
      parties: [{ role: 'Client', name: 'Priya Natarajan', title: 'Director', signed: { mark: '/s/ Priya Natarajan', date: 'March 3, 2027', method: 'signed electronically' } }],
    });
    expect(text).toBe('Client\nPriya Natarajan\nSignature: /s/ Priya Natarajan (signed electronically)\nName: ____________________\nTitle: Director\nDate: March 3, 2027');
  });
});

describe('a clause as plain text', () => {
  it('is its blocks with a blank line between them', () => {
    expect(sectionToText({ blocks: [{ type: 'paragraph', runs: [{ text: 'Between:' }] }, { type: 'list', items: [[{ text: 'A' }]] }] })).toBe('Between:\n\n- A');
    expect(sectionToText({ blocks: [] })).toBe('');
  });
});

describe('lists numbered as the Word file numbers them (issue 23)', () => {
  const para = (text: string, point?: number) => ({ type: 'paragraph' as const, runs: [{ text }], ...(point === undefined ? {} : { point }) });
  const list = (...items: string[]) => ({ type: 'list' as const, items: items.map((text) => [{ text }]) });

  it('Japanese items (号) print "(1)　", "(2)　" as Word prints them, not bullets', () => {
    expect(blocksToText([para('次の金額を支払う。', 1), list('作業の対価', 'キャンセル料')], 'ja')).toBe('次の金額を支払う。\n\n(1)\u3000作業の対価\n(2)\u3000キャンセル料');
  });

  it('Japanese items restart at (1) after each numbered 項, as Word restarts the third level under the second', () => {
    const blocks = [para('第1項', 1), list('a', 'b'), para('第2項', 2), list('c')];
    expect(blocksToText(blocks, 'ja')).toBe('第1項\n\n(1)\u3000a\n(2)\u3000b\n\n第2項\n\n(1)\u3000c');
  });

  it('two lists under the unnumbered first 項 count on, as Word does with no numbered 項 between them', () => {
    const blocks = [para('第1項', 1), list('a'), para('続き'), list('b')];
    expect(blocksToText(blocks, 'ja')).toBe('第1項\n\n(1)\u3000a\n\n続き\n\n(2)\u3000b');
  });

  it('English lists stay bullets ("- " for Word\'s •): the English Word file does not number them', () => {
    expect(blocksToText([para('Deliver:'), list('Logo', 'Menu')], 'en')).toBe('Deliver:\n\n- Logo\n- Menu');
  });
});
