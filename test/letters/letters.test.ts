import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClauseTemplateError } from '../../src/clauses/load.ts';
import { assembleLetter } from '../../src/letters/assemble.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { renderLetterText } from '../../src/letters/plain-text.ts';
import { LETTER_KINDS, letterRequestSchemas, type LetterKind } from '../../src/letters/request.ts';
import { expectGolden } from '../helpers/golden.ts';
import { LETTERS_DIR, letterFixture, letterInput, letterRequest } from '../helpers/letters.ts';

const library = loadLetterLibrary();
const email = (kind: LetterKind, input = letterInput()) => renderLetterText(assembleLetter(kind, letterRequest(kind, input), library));

describe('golden samples: every letter renders as its sample file shows', () => {
  // UPDATE_GOLDEN=<sample name> npm test rewrites one after a deliberate wording change (refused when CI is set).
  const fixture = letterFixture();
  it('the library has exactly one template per letter the product sends', () => {
    expect(library.clauses.map((letter) => letter.id)).toEqual([...LETTER_KINDS]);
  });
  for (const letter of library.clauses) {
    it(letter.file, () => {
      const golden = `(rendered from clauses/samples/${fixture.answers}.json and clauses/letters/sample-letter.json)\n\n${email(letter.id as LetterKind)}`;
      const goldenFile = join(LETTERS_DIR, `${letter.id}.sample.txt`);
      expectGolden(goldenFile, golden);
    });
  }
});

describe("each letter says what the article's letter says, with the right figures", () => {
  it('final check-in: thanks them, says they seem busy, last check-in, get in touch when ready', () => {
    const text = email('final-check-in');
    expect(text.split('\n')[0]).toBe('Subject: Final check-in: Harbor Coffee website redesign');
    expect(text).toContain('Dear Priya Natarajan,');
    expect(text).toContain('Thank you for reaching out to me about your project, Harbor Coffee website redesign.');
    expect(text).toMatch(/busy.*last check-in/);
    expect(text).toMatch(/get in touch whenever you are ready/);
    expect(text).not.toMatch(/invoice/i);
  });

  it('work paused: the date of the pause, the contract\'s silence period, no kill fee for a pause, how to resume', () => {
    const text = email('work-paused');
    expect(text).toContain('as of April 26, 2027 I am pausing all work');
    expect(text).toContain('unanswered for 14 days');
    expect(text).toContain('A pause is not an ending of our agreement, and it costs you no kill fee.');
    // The kill fee is only named for an ending, 30 days on.
    expect(text).toContain('as an ending caused by you, with the kill fee of 25% of the fee not yet earned that it sets for that case');
    expect(text).toContain('To resume, simply reply to this email or call me at +1 503 555 0142');
  });

  it('work paused mentions a phone call only when the freelancer gives its date', () => {
    expect(email('work-paused')).not.toMatch(/called you|by phone/);
    const input = letterInput();
    input.letter.calledOn = '2027-04-22';
    expect(email('work-paused', input)).toContain('and when I called you on April 22, 2027 I could not reach you');
  });

  it('payment reminder: deliverables arrived?, the invoice, its due date, the late fee once it applies', () => {
    const text = email('payment-reminder');
    expect(text).toContain('everything I delivered reached you');
    expect(text).toContain('INV-2027-014 for $6,000.00, dated February 26, 2027, was due on March 12, 2027 and is now 45 days past due');
    expect(text).toContain('$90.00 for one full 30-day period, which brings the balance due to $6,090.00');
    expect(text.trimEnd().split('\n').at(-1)).toBe('Enclosure: a copy of invoice INV-2027-014');
  });

  it('payment reminder before the due date: no lateness, no fee', () => {
    const input = letterInput();
    input.letter.date = '2027-03-05';
    const text = email('payment-reminder', input);
    expect(text).toContain('is due on March 12, 2027.');
    expect(text).not.toMatch(/late fee|past due/);
  });

  it('late notice: firm but polite, invoice enclosed, days late, late fee, new balance, legal action', () => {
    const text = email('late-notice');
    expect(text).toContain('This letter is my first late-payment notice for invoice INV-2027-014');
    expect(text).toContain('is now 45 days late');
    expect(text).toContain('A copy of the invoice is enclosed.');
    expect(text).toContain('Late fee (1.5% for each full 30 days: one full 30-day period): $90.00');
    // Worded as the contract words it, never "each month".
    expect(text).toContain('a late fee of 1.5% of the unpaid amount applies for each full 30 days the invoice remains unpaid after its due date');
    expect(text).not.toMatch(/each month|per month/);
    // A deadline, ten days after the letter by default.
    expect(text).toContain('Please pay the balance by May 6, 2027');
    expect(text).toContain('Balance due: $6,090.00');
    expect(text).toContain('the late fee is $90.00, which brings the balance due to $6,090.00');
    expect(text).toContain('I intend to take legal action');
    expect(text).toMatch(/please reply to this letter or call me/);
  });

  it('late notice at 90 days: three periods of late fee', () => {
    const input = letterInput();
    input.letter.date = '2027-06-10';
    const text = email('late-notice', input);
    expect(text).toContain('is now 90 days late');
    expect(text).toContain('my third late-payment notice');
    expect(text).toContain('the late fee is $270.00, which brings the balance due to $6,270.00');
  });

  it.each([
    ['2027-03-20', 'first'],
    ['2027-05-10', 'first'],
    ['2027-05-11', 'second'],
    ['2027-06-09', 'second'],
    ['2027-06-10', 'third'],
  ])('a late notice dated %s is the %s', (date, ordinal) => {
    const input = letterInput();
    input.letter.date = date;
    expect(email('late-notice', input)).toContain(`my ${ordinal} late-payment notice`);
  });

  it('a late notice before any late fee has accrued says when the first one is due', () => {
    const input = letterInput();
    input.letter.date = '2027-03-20';
    const text = email('late-notice', input);
    expect(text).toContain('the first on April 11, 2027');
    expect(text).not.toMatch(/Late fee \(/);
  });

  it('final notice: project, invoice number, days late, balance, original due date, deadline with its date, how to pay, email and phone, small claims', () => {
    const input = letterInput();
    input.letter.deadlineDays = 14;
    input.letter.howToPay = 'Bank transfer to Lee Studio LLC\nIBAN US00 1234 5678';
    const text = email('final-notice', input);
    expect(text).toContain('invoice INV-2027-014 for Harbor Coffee website redesign is 45 days late');
    expect(text).toContain('The outstanding balance for this project is $6,090.00');
    expect(text).toContain('originally due on March 12, 2027');
    expect(text).toContain('within 14 days, by May 10, 2027');
    expect(text).toContain('starting with a claim in the small claims department of the Oregon Circuit Court in Multnomah County, as our agreement allows');
    expect(text).toContain('You can send payment as follows: Bank transfer to Lee Studio LLC\nIBAN US00 1234 5678');
    expect(text).toContain('You can reach me at jordan@leestudio.example or +1 503 555 0142.');
    expect(text).toContain('This is my final letter regarding this invoice.');
  });

  it('final notice in yen and pounds shows each currency as its users write it', () => {
    const yen = letterInput('retainer-prepaid');
    yen.answers.fee = { ...yen.answers.fee, currency: 'JPY', monthly: 300_000 };
    yen.letter.invoice = { number: '請求-7', amount: 600_000, issuedOn: '2027-01-04', dueDate: '2027-01-10' };
    yen.letter.date = '2027-04-15';
    yen.answers.fee.lateFeePercentPerMonth = 1.5;
    expect(email('final-notice', yen)).toMatch(/balance for this project is ¥627,000 \(the invoice’s ¥600,000 and a late fee of ¥27,000\)/);
    const pounds = letterInput('returning-client-hourly');
    pounds.letter.invoice = { number: 'GB-1', amount: 1530, issuedOn: '2027-05-01', dueDate: '2027-05-31' };
    pounds.letter.date = '2027-07-31';
    pounds.answers.fee.lateFeePercentPerMonth = 2;
    expect(email('late-notice', pounds)).toContain('Balance due: £1,591.20');
  });
});

describe('the paper a letter is printed on', () => {
  it('is the contract answers\' paper: US Letter for dollars, A4 for pounds, or what the answers name', () => {
    const meta = (input: ReturnType<typeof letterInput>) => assembleLetter('final-notice', letterRequest('final-notice', input), library).meta;
    expect(meta(letterInput('new-client-fixed')).paperSize).toBe('letter');
    const pounds = letterInput('returning-client-hourly');
    pounds.letter.invoice = { number: 'GB-1', amount: 1530, issuedOn: '2027-03-16', dueDate: '2027-04-15' };
    expect(meta(pounds).paperSize).toBe('a4');
    const chosen = letterInput('new-client-fixed');
    chosen.answers.paperSize = 'a4';
    expect(meta(chosen).paperSize).toBe('a4');
  });
});

describe('the email text', () => {
  it('starts with a one-line subject even when the invoice number was typed with a line break', () => {
    const input = letterInput();
    input.letter.invoice.number = 'INV\n42\r\nBcc: x@example.com';
    const text = email('late-notice', input);
    expect(text.split('\n')[0]).toBe('Subject: Late payment notice: invoice INV 42 Bcc: x@example.com, Harbor Coffee website redesign');
    expect(text.split('\n')[1]).toBe('');
  });

  it('keeps what a user typed as text and drops characters XML forbids, keeping \\n', () => {
    const input = letterInput();
    input.answers.client.name = '**Acme** <b>&</b>\u0007';
    input.letter.howToPay = 'Line one\u0000\nLine two';
    const text = email('final-notice', input);
    expect(text).toContain('Dear **Acme** <b>&</b>,');
    expect(text).toContain('Line one\nLine two');
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('signs with the business under the name, and with the name alone when there is none', () => {
    expect(email('final-check-in')).toContain('\nJordan Lee\nLee Studio LLC\njordan@leestudio.example | +1 503 555 0142\n');
    const input = letterInput();
    delete input.answers.freelancer.business;
    expect(email('final-check-in', input)).toContain('\nJordan Lee\njordan@leestudio.example | +1 503 555 0142\n');
  });
});

describe('the letter request', () => {
  const parse = (kind: LetterKind, input: object) => letterRequestSchemas[kind].safeParse(input);
  const paths = (result: ReturnType<typeof parse>) => (result.success ? [] : result.error.issues.map((issue) => issue.path.join('.')));

  it.each(['payment-reminder', 'late-notice', 'final-notice'] as const)('%s needs the invoice, each of its fields named', (kind) => {
    const input = letterInput();
    delete input.letter.invoice;
    expect(paths(parse(kind, input))).toEqual(['letter.invoice.number', 'letter.invoice.amount', 'letter.invoice.issuedOn', 'letter.invoice.dueDate']);
  });

  it.each(['final-check-in', 'work-paused'] as const)('%s needs no invoice', (kind) => {
    const input = letterInput();
    delete input.letter.invoice;
    expect(parse(kind, input).success).toBe(true);
  });

  it('a late notice dated on or before the due date is refused at letter.date', () => {
    const input = letterInput();
    input.letter.date = '2027-03-12';
    expect(paths(parse('late-notice', input))).toEqual(['letter.date']);
  });

  it.each([4, 31, 7.5])('the final notice refuses a deadline of %s days (5 to 30)', (days) => {
    const input = letterInput();
    input.letter.deadlineDays = days;
    expect(paths(parse('final-notice', input))).toEqual(['letter.deadlineDays']);
  });

  it('a yen invoice with decimals is refused at letter.invoice.amount', () => {
    const input = letterInput('retainer-prepaid');
    input.answers.fee = { ...input.answers.fee, currency: 'JPY', monthly: 300_000 };
    input.letter.invoice.amount = 1000.5;
    expect(paths(parse('late-notice', input))).toEqual(['letter.invoice.amount']);
  });

  it('a due date before the invoice date, and an unknown field, are named', () => {
    const input = letterInput();
    input.letter.invoice.dueDate = '2027-01-01';
    input.letter.note = 'hi';
    expect(paths(parse('payment-reminder', input)).sort()).toEqual(['letter', 'letter.invoice.dueDate']);
  });
});

describe('the letter library is checked at start-up like the clauses', () => {
  function libraryWith(change: (dir: string) => void) {
    const dir = mkdtempSync(join(tmpdir(), 'letters-'));
    cpSync(LETTERS_DIR, dir, { recursive: true });
    change(dir);
    return () => loadLetterLibrary(dir);
  }

  it('names the file that uses an unknown letter fact', () => {
    const load = libraryWith((dir) => {
      const file = join(dir, 'final-notice.eta');
      writeFileSync(file, readFileSync(file, 'utf8').replace('it.letter.deadlineDate', 'it.letter.deadline'));
    });
    expect(load).toThrow(ClauseTemplateError);
    expect(load).toThrow(/final-notice\.eta: uses unknown variable "it\.letter\.deadline"/);
  });

  it('refuses a letter the product does not send, and a missing one', () => {
    const unknown = libraryWith((dir) => writeFileSync(join(dir, 'thank-you.eta'), '---\nid: thank-you\ntitle: Thanks\norder: 9\nnote: n\n---\nThanks'));
    expect(unknown).toThrow(/thank-you\.eta: id "thank-you" is not a letter/);
    const missing = libraryWith((dir) => rmSync(join(dir, 'work-paused.eta')));
    expect(missing).toThrow(/no template for "work-paused"/);
  });

  it('refuses a letter with a variant or a condition: each letter is one file that always applies', () => {
    const addToFrontMatter = (line: string) => (dir: string) => {
      const file = join(dir, 'final-notice.eta');
      writeFileSync(file, readFileSync(file, 'utf8').replace('id: final-notice\n', `id: final-notice\n${line}\n`));
    };
    expect(libraryWith(addToFrontMatter('variant: short'))).toThrow(/final-notice\.eta: letters have no variants: one file per letter/);
    expect(libraryWith(addToFrontMatter('when:\n  client.isReturning: true'))).toThrow(/final-notice\.eta: letters always apply: remove "when"/);
    expect(libraryWith(() => {})().clauses).toHaveLength(LETTER_KINDS.length);
  });

  it('names the letters the product sends when refusing another', () => {
    const unknown = libraryWith((dir) => writeFileSync(join(dir, 'thank-you.eta'), '---\nid: thank-you\ntitle: Thanks\norder: 9\nnote: n\n---\nThanks'));
    expect(unknown).toThrow(`id "thank-you" is not a letter the product sends (known: ${LETTER_KINDS.join(', ')})`);
    const twoMissing = libraryWith((dir) => {
      rmSync(join(dir, 'work-paused.eta'));
      rmSync(join(dir, 'final-notice.eta'));
    });
    expect(twoMissing).toThrow(/no template for "work-paused", "final-notice"$/);
  });
});

describe('the final notice threatens only what the contract provides', () => {
  it('without small claims in the contract, it names the contract\'s court and no small claims', () => {
    const input = letterInput();
    input.answers.jurisdiction.smallClaims = false;
    const text = email('final-notice', input);
    expect(text).not.toMatch(/small claims/i);
    expect(text).toContain('to recover it in the Oregon Circuit Court for Multnomah County, where our agreement places any dispute');
  });

  it('a Tokyo venue reads as a court, not "the courts of Tokyo District Court"', () => {
    const input = letterInput();
    input.answers.jurisdiction.governingLaw = 'Japan';
    input.answers.jurisdiction.venue = 'Tokyo District Court';
    const text = email('final-notice', input);
    // A dollar balance cannot be set against the yen limit of 少額訴訟: the ordinary court is named.
    expect(text).toContain('to recover it in the Tokyo District Court, where our agreement places any dispute');
    expect(text).not.toContain('courts of Tokyo District Court');
  });

  // Issue 23, point 8: the final notice named small claims for $60,000 in Oregon (limit $10,000).
  it('a balance above the place\'s small-claims limit goes to the ordinary court, one within it to small claims', () => {
    const above = letterInput();
    above.letter.invoice!.amount = 60_000;
    const aboveText = email('final-notice', above);
    expect(aboveText).not.toMatch(/small claims/i);
    expect(aboveText).toContain('to recover it in the Oregon Circuit Court for Multnomah County, where our agreement places any dispute');
    const within = letterInput();
    within.letter.invoice!.amount = 9_000;
    expect(email('final-notice', within)).toContain('starting with a claim in the small claims department of the Oregon Circuit Court in Multnomah County');
  });

  it('a place the data does not hold names no small-claims court in the final notice', () => {
    const input = letterInput();
    input.answers.jurisdiction.governingLaw = 'Ruritania';
    input.answers.jurisdiction.venue = 'Strelsau';
    const text = email('final-notice', input);
    expect(text).not.toMatch(/small claims/i);
    expect(text).toContain('to recover it in the courts of Strelsau, where our agreement places any dispute');
  });

  it('England: without a deadline asked for, the final notice gives the 14 days of the pre-action practice direction', () => {
    const input = letterInput();
    input.answers.jurisdiction.governingLaw = 'England and Wales';
    input.answers.jurisdiction.venue = 'the courts of England and Wales sitting in London';
    input.answers.fee.currency = 'GBP';
    delete input.letter.deadlineDays;
    const text = email('final-notice', input);
    expect(text).toContain('within 14 days, by May 10, 2027');
    expect(text).toContain('starting with a claim in the small claims track of the County Court');
  });

  it('with kill fee 0 the pause letter does not promise "no kill fee"', () => {
    const input = letterInput();
    input.answers.killFee.percentOfRemainingFee = 0;
    const text = email('work-paused', input);
    expect(text).toContain('A pause is not an ending of our agreement.');
    expect(text).not.toMatch(/kill fee/);
  });

  it('takes the contract\'s payment method when the letter gives none', () => {
    const input = letterInput();
    input.answers.fee.paymentMethod = 'ACH to Lee Studio LLC, routing 123456789';
    expect(email('final-notice', input)).toContain('You can send payment as follows: ACH to Lee Studio LLC, routing 123456789');
  });
});
