// The late and final letters carry the statute's interest and compensation as lines of their own,
// naming the statute, and never add them to the contract's own late fee.
import { describe, expect, it } from 'vitest';
import { assembleLetter } from '../../src/letters/assemble.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { renderLetterText } from '../../src/letters/plain-text.ts';
import type { LetterKind } from '../../src/letters/request.ts';
import { letterInput, letterRequest } from '../helpers/letters.ts';

/** The England sample, made in December 2025 so the Bank Rate table covers its invoice; £5,000 due 15 January 2026. */
function englandLetter(kind: LetterKind, lateFeePercentPerMonth: number, date = '2026-03-16', governingLaw?: string) {
  const input = letterInput('returning-client-hourly');
  if (governingLaw) input.answers.jurisdiction.governingLaw = governingLaw;
  input.answers.effectiveDate = '2025-12-01';
  input.answers.project.startDate = '2025-12-08';
  input.answers.fee.lateFeePercentPerMonth = lateFeePercentPerMonth;
  input.letter = { date, invoice: { number: 'INV-2026-001', amount: 5000, issuedOn: '2025-12-16', dueDate: '2026-01-15' }, deadlineDays: 14 };
  return renderLetterText(assembleLetter(kind, letterRequest(kind, input), loadLetterLibrary()));
}

describe('statutory interest in the letters (England: Late Payment of Commercial Debts (Interest) Act 1998)', () => {
  it('the late notice adds the Act\'s interest and £70 compensation, each naming the Act, to a contract without a late fee', () => {
    // £5,000 due 15 Jan 2026, 60 days to 16 Mar 2026 at 11.75%: £96.58; s. 5A: £70. Balance £5,166.58.
    const text = englandLetter('late-notice', 0);
    expect(text).toContain('Under the Late Payment of Commercial Debts (Interest) Act 1998, statutory interest of £96.58 (11.75% a year from January 16, 2026) and fixed compensation of £70.00 for recovery costs are added, which brings the balance due to £5,166.58.');
    expect(text).toMatch(/Statutory interest under the Late Payment of Commercial Debts \(Interest\) Act 1998 \(11\.75% a year from January 16, 2026\): £96\.58/);
    expect(text).toMatch(/Fixed compensation for recovery costs under the Late Payment of Commercial Debts \(Interest\) Act 1998: £70\.00/);
  });

  it('under Scots law the late and final notices claim the same Act\'s interest and compensation: the Act applies in Scotland', () => {
    // SSI 2002/336 and SSI 2002/335: the same formula and bands. £5,000 due 15 Jan 2026; Bank Rate 3.75% on 31 Dec 2025
    // + 8 = 11.75%; 16 Jan - 16 Mar 2026 = 60 days; 5,000 x 0.1175 x 60 / 365 = 96.5753 -> £96.58; s. 5A: £70.
    const text = englandLetter('late-notice', 0, '2026-03-16', 'Scotland');
    expect(text).toMatch(/Statutory interest under the Late Payment of Commercial Debts \(Interest\) Act 1998 \(11\.75% a year from January 16, 2026\): £96\.58/);
    expect(text).toMatch(/Fixed compensation for recovery costs under the Late Payment of Commercial Debts \(Interest\) Act 1998: £70\.00/);
    // The final notice asks for the same total: £5,000 + £96.58 + £70.
    expect(englandLetter('final-notice', 0, '2026-03-16', 'Scotland')).toContain('The outstanding balance for this project is £5,166.58');
  });

  it('a late fee below the statutory rate (0.5% a month) is replaced by the Act\'s interest, never added to it', () => {
    // The contract's fee would be 2 x 0.5% of £5,000 = £50 for two full 30-day periods; it is not charged.
    const text = englandLetter('final-notice', 0.5);
    expect(text).toContain('The outstanding balance for this project is £5,166.58, which was originally due on January 15, 2026.');
    expect(text).toContain("instead of our agreement's late fee");
    expect(text).not.toContain('£50.00');
  });

  it('a late fee of 2% a month, likely a substantial remedy, stays the only late charge: no statutory line', () => {
    // 2 full periods x 2% of £5,000 = £200; balance £5,200.
    const text = englandLetter('late-notice', 2);
    expect(text).not.toMatch(/Act 1998/);
    expect(text).toContain('the late fee is £200.00, which brings the balance due to £5,200.00');
  });

  it('a contract under a law the data has no statute for (Oregon) reads as before', () => {
    const input = letterInput();
    const text = renderLetterText(assembleLetter('late-notice', letterRequest('late-notice', input), loadLetterLibrary()));
    expect(text).not.toMatch(/statutory/i);
  });
});
