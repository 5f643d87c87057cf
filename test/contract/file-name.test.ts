// The name a downloaded file gets: made from the project name the user typed,
// in any script, but safe for a file system and a Content-Disposition header.
import { describe, expect, it } from 'vitest';
import { contentDisposition, safeFileStem } from '../../src/contract/file-name.ts';

describe('the file name made from the project name', () => {
  it('joins the words with dashes', () => {
    expect(safeFileStem('Harbor Coffee website redesign contract')).toBe('Harbor-Coffee-website-redesign-contract');
  });

  it('turns a run of spaces and punctuation into one dash, and drops them at either end', () => {
    expect(safeFileStem('  ***Logo / Brand: "v2"***  ')).toBe('Logo-Brand-v2');
    expect(safeFileStem('--Menu--')).toBe('Menu');
    expect(safeFileStem('a.b')).toBe('a-b');
  });

  it('keeps letters, accents and digits of every script', () => {
    expect(safeFileStem('Café Lumière 2027')).toBe('Café-Lumière-2027');
    expect(safeFileStem('花デザイン 業務委託契約書')).toBe('花デザイン-業務委託契約書');
    expect(safeFileStem('مقهى الميناء')).toBe('مقهى-الميناء');
    // A decomposed é (e + combining accent) is written as the one character a file system shows.
    expect(safeFileStem('Cafe\u0301')).toBe('Caf\u00e9');
  });

  it('never leaves a path separator, a dot or a quote in the name', () => {
    expect(safeFileStem('../../etc/passwd "x"')).toBe('etc-passwd-x');
    expect(safeFileStem('C:\\Users\\me')).toBe('C-Users-me');
  });

  it('is "contract" when nothing of the name is left', () => {
    expect(safeFileStem('')).toBe('contract');
    expect(safeFileStem(' -/-*- ')).toBe('contract');
  });

  it('keeps at most 80 characters, counting a character outside the BMP as one', () => {
    expect(safeFileStem('a'.repeat(80))).toBe('a'.repeat(80));
    expect(safeFileStem('a'.repeat(81))).toBe('a'.repeat(80));
    // 𝒜 (U+1D49C) is two UTF-16 units; 80 of them are kept, never half of one.
    expect(safeFileStem('𝒜'.repeat(90))).toBe('𝒜'.repeat(80));
    // The cut is measured after the leading dashes are dropped.
    expect(safeFileStem(`--${'b'.repeat(80)}`)).toBe('b'.repeat(80));
  });

  it('drops a dash left at the end by the cut', () => {
    expect(safeFileStem(`${'a'.repeat(79)} tail`)).toBe('a'.repeat(79));
  });
});

describe('the Content-Disposition header', () => {
  it('gives the same name in both forms when it is plain ASCII', () => {
    expect(contentDisposition('Harbor-Coffee-contract', 'docx')).toBe(
      `attachment; filename="Harbor-Coffee-contract.docx"; filename*=UTF-8''Harbor-Coffee-contract.docx`,
    );
  });

  it('writes accented letters without their accents in the ASCII name, and the UTF-8 name as typed', () => {
    expect(contentDisposition('Café-Lumière', 'pdf')).toBe(`attachment; filename="Cafe-Lumiere.pdf"; filename*=UTF-8''Caf%C3%A9-Lumi%C3%A8re.pdf`);
  });

  it('drops other scripts from the ASCII name, and falls back to "contract" when nothing is left', () => {
    expect(contentDisposition('Tokyo-業務委託契約書', 'docx')).toBe(
      `attachment; filename="Tokyo.docx"; filename*=UTF-8''Tokyo-${encodeURIComponent('業務委託契約書')}.docx`,
    );
    expect(contentDisposition('業務委託契約書', 'docx')).toMatch(/^attachment; filename="contract\.docx"; /);
  });

  it('never lets a quote, a space or a semicolon of the stem into the ASCII name', () => {
    expect(contentDisposition('a "b"; c~d', 'ics')).toBe(`attachment; filename="a-b-c-d.ics"; filename*=UTF-8''${encodeURIComponent('a "b"; c~d')}.ics`);
    expect(contentDisposition('-x\u007f-', 'ics')).toMatch(/^attachment; filename="x\.ics"; /);
  });
});
