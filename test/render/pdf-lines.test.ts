// Issue 25: an email split at its hyphen ("elena@rossi-" / "partners.example")
// reads as an address ending at the hyphen. The PDF's line breaker (UAX #14)
// may break after a hyphen or a slash; inside an email or web address it
// does not, in either language: the address moves to the next line whole,
// unless it is wider than a line, when it is cut between characters.
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/answers/schema.ts';
import { breakLines } from '../../src/render/pdf-lines.ts';

const lineTexts = (text: string, width: number, language: Language) =>
  breakLines([{ text }], { size: 11 }, width, language).map((line) => line.pieces.map((piece) => piece.text).join(''));

const CASES: { language: Language; before: string; address: string; after: string }[] = [
  { language: 'en', before: 'Notices go by email to ', address: 'elena-maria@rossi-partners.example', after: ' or by post.' },
  { language: 'en', before: 'The terms are at ', address: 'https://rossi-partners.example/terms-of-use', after: ' today.' },
  { language: 'ja', before: '電子メール：', address: 'yama-da-ta-ro@ya-ma-da-k.example', after: '　電話：03-1234-5678' },
  { language: 'ja', before: '詳細は', address: 'https://mi-do-ri.example/ke-i-ya-ku', after: 'を参照する。' },
];

describe.each(CASES)('a $language paragraph holding $address', ({ language, before, address, after }) => {
  it('prints the address whole on one line wherever the line end falls, and moves it to the next line when it does not fit', () => {
    let moved = 0;
    // Longer and longer text in front walks the line end through every character of the address.
    for (let words = 0; words < 40; words++) {
      const text = `${(language === 'ja' ? '本契約' : 'the contract ').repeat(words)}${before}${address}${after}`;
      const lines = lineTexts(text, 240, language);
      // Every line holding a piece of the address: its first four characters or its last six.
      const holding = lines.filter((line) => line.includes(address.slice(0, 4)) || line.includes(address.slice(-6)));
      expect(holding, `${text}: ${JSON.stringify(lines)}`).toHaveLength(1);
      expect(holding[0]).toContain(address);
      if (lines.indexOf(holding[0]!) > 0 && holding[0]!.startsWith(address)) moved++;
    }
    expect(moved, 'times the address went to the next line whole').toBeGreaterThan(0);
  });

  it('is cut between characters only when wider than a line, every character kept', () => {
    const lines = lineTexts(`${before}${address}${after}`, 60, language);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('').replace(/\s/g, '')).toBe(`${before}${address}${after}`.replace(/\s/g, ''));
  });
});
