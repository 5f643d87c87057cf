// Each follow-up letter as a user meets it: the Word file opened by
// LibreOffice, printed to PDF, and read back with pdftotext. The figures must
// survive the trip. Needs soffice and pdftotext (see test/e2e/libreoffice.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleLetter } from '../../src/letters/assemble.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { LETTER_KINDS, type LetterKind } from '../../src/letters/request.ts';
import { renderLetterDocx } from '../../src/render/docx.ts';
import { letterInput, letterRequest } from '../helpers/letters.ts';
import { libreOfficePrinter, type Printer } from '../helpers/libreoffice.ts';

let printer: Printer;

beforeAll(async () => {
  printer = await libreOfficePrinter('letters-e2e-');
});
afterAll(async () => {
  await printer?.close();
});
const printedText = (docx: Buffer, name: string) => printer.printedText(docx, name);

const library = loadLetterLibrary();

const FIGURES: Record<LetterKind, string[]> = {
  'final-check-in': ['Final check-in: Harbor Coffee website redesign', 'last check-in', 'Dear Priya Natarajan'],
  'work-paused': ['Work paused', 'April 26, 2027', '14 days', '25%', '+1 503 555 0142'],
  'payment-reminder': ['INV-2027-014', '$6,000.00', 'March 12, 2027', '45 days', '$90.00', '$6,090.00'],
  'late-notice': ['INV-2027-014', '45 days late', '$90.00', '$6,090.00', 'legal action', 'Enclosure: a copy of invoice INV-2027-014'],
  'final-notice': ['INV-2027-014', '45 days late', '$6,090.00', 'March 12, 2027', '10 days, by May 6, 2027', 'jordan@leestudio.example', '+1 503 555 0142', 'small claims'],
};

describe('each letter opens in LibreOffice with its figures', () => {
  it.each(LETTER_KINDS)('%s', async (kind) => {
    const letter = assembleLetter(kind, letterRequest(kind, letterInput()), library);
    const text = await printedText(await renderLetterDocx(letter), kind);
    expect(text).toContain('Jordan Lee');
    expect(text).toContain('Harbor Coffee Co.');
    for (const figure of FIGURES[kind]) expect(text).toContain(figure);
  });

  it('a yen final notice keeps the yen figures', async () => {
    const input = letterInput('retainer-prepaid');
    input.answers.fee = { ...input.answers.fee, currency: 'JPY', monthly: 300_000, lateFeePercentPerMonth: 1.5 };
    input.letter = { date: '2027-04-15', invoice: { number: '請求-7', amount: 600_000, issuedOn: '2027-01-04', dueDate: '2027-01-10' }, deadlineDays: 30 };
    const letter = assembleLetter('final-notice', letterRequest('final-notice', input), library);
    const text = await printedText(await renderLetterDocx(letter), 'final-notice-jpy');
    expect(text).toContain('¥627,000');
    expect(text).toContain('95 days late');
    expect(text).toContain('May 15, 2027');
  });
});
