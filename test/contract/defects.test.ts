// Issue 10's list of contradictions, one test each: every one of these read
// differently (and wrongly) in the wording before the money-and-endings model.
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { sectionToText } from '../../src/contract/plain-text.ts';
import type { Contract, Table } from '../../src/contract/tree.ts';
import { sampleInput } from '../helpers/samples.ts';

const library = loadContractLibrary();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function contract(name: string, change: (input: any) => void = () => {}): Contract {
  const input = sampleInput(name);
  change(input);
  return assembleContract(answersSchema.parse(input), library);
}
const textOf = (c: Contract, id: string) => sectionToText(c.sections.find((s) => s.id === id)!);
const numberOf = (c: Contract, id: string) => c.sections.findIndex((s) => s.id === id) + 1;

describe('the kill fee no longer punishes a pause the client can undo', () => {
  it('a pause costs no kill fee; the kill fee belongs to the endings clause', () => {
    const c = contract('new-client-fixed');
    expect(textOf(c, 'responsiveness')).toContain('A pause is not an ending: it costs no kill fee.');
    expect(textOf(c, 'responsiveness')).not.toContain('kill fee of');
    expect(textOf(c, 'termination')).toContain('a kill fee of 25% of the fee not yet earned');
  });

  it('"the fee not yet earned" is defined for hourly and retainer work too', () => {
    expect(textOf(contract('returning-client-hourly', (i) => (i.killFee.percentOfRemainingFee = 20)), 'termination'))
      .toContain('which is the estimated fee less the hours worked at the hourly rate');
    expect(textOf(contract('retainer-prepaid', (i) => (i.killFee.percentOfRemainingFee = 50)), 'termination'))
      .toContain('which is the retainer for the part of the notice period in clause 5 that the Client did not give');
  });
});

describe('deposit and kill fee reconcile', () => {
  it('$12,000, 50% deposit, paused at 20% done: the contract works the arithmetic through', () => {
    expect(textOf(contract('new-client-fixed'), 'termination')).toContain(
      'it owes $2,400.00 plus a kill fee of 25% of $9,600.00 ($2,400.00), $4,800.00 in all. The deposit of $6,000.00 covers it, so nothing more is owed and the remaining $1,200.00 of it is refunded.',
    );
  });
});

describe('the freelancer cannot quit on day 1 and keep a prepayment', () => {
  it('no ending for convenience; cause means a breach not cured in 14 days; what the freelancer causes is refunded', () => {
    const text = textOf(contract('new-client-fixed'), 'termination');
    expect(text).toContain('The Freelancer may not end this Agreement for its own convenience.');
    expect(text).toContain('material breach of it and does not put it right within 14 days');
    expect(text).toContain('anything paid in advance beyond it, the deposit included, is refunded within 14 days');
    expect(text).not.toContain('Either Party may end this Agreement by written notice to the other.');
  });
});

describe('acceptance happens even when the client goes silent', () => {
  it('deemed acceptance after the acceptance period, and copyright passes on what is accepted under it', () => {
    const c = contract('new-client-fixed', (i) => (i.project.acceptanceDays = 7));
    expect(textOf(c, 'acceptance')).toContain('when no written objection reaches the Freelancer within 7 days of delivery');
    expect(textOf(c, 'copyright')).toContain(`accepted under clause ${numberOf(c, 'acceptance')}`);
  });
});

describe('late payment does not make the freelancer wait 90 days', () => {
  it('pause while more than 14 days overdue, end at 30 days, as the endings clause says', () => {
    const c = contract('new-client-fixed');
    const text = textOf(c, 'late-payment');
    expect(text).toContain('While any invoice is more than 14 days overdue, the Freelancer may pause the work');
    expect(text).toContain(`still unpaid 30 days after its due date, the Freelancer may end this Agreement for non-payment (clause ${numberOf(c, 'termination')})`);
    expect(text).not.toContain('After the final notice the Freelancer may pause');
  });
});

describe('the silence trigger is precise', () => {
  it('which messages, counted from when, a phone attempt, and auto-replies are not answers', () => {
    const text = textOf(contract('new-client-fixed'), 'responsiveness');
    expect(text).toContain('has not answered a written request from the Freelancer, sent by email to the Client’s address in clause 1');
    expect(text).toContain('counted from the day after the request was sent');
    expect(text).toContain('tried at least once in that time to reach the Client by phone');
    expect(text).toContain('Automatic replies (such as out-of-office messages) are not answers.');
  });
});

describe('the venue and small-claims sentences name courts that exist (issue 23, point 8)', () => {
  // Before: "the small claims court for the area the County Court at Bristol serves",
  // "... for Amsterdam", "... for the area the Tokyo District Court serves".
  it.each([
    ['England and Wales', 'the County Court at Bristol', 'the County Court at Bristol', 'the small claims track of the County Court'],
    ['England and Wales', 'Bristol', 'the courts of England and Wales sitting in Bristol', 'the small claims track of the County Court'],
    ['Netherlands', 'Amsterdam', 'the Rechtbank Amsterdam (district court)', 'the kantonrechter (subdistrict judge) of the Rechtbank Amsterdam'],
    ['Netherlands', 'Utrecht', 'the Rechtbank Midden-Nederland (district court)', 'the kantonrechter (subdistrict judge) of the Rechtbank Midden-Nederland'],
    ['Japan', 'Tokyo', 'the Tokyo District Court or the Tokyo Summary Court (according to the amount)', 'the small claims procedure (shōgaku soshō) of the Tokyo Summary Court'],
    ['Japan', 'Tokyo District Court', 'the Tokyo District Court', 'the small claims procedure (shōgaku soshō) of a summary court'],
    ['State of Oregon', 'Multnomah County, Oregon', 'the Oregon Circuit Court for Multnomah County', 'the small claims department of the Oregon Circuit Court in Multnomah County'],
    ['State of Oregon', 'Portland', 'the Oregon Circuit Court for the county that includes Portland', 'the small claims department of the Oregon Circuit Court in Portland'],
    // A place the data does not hold: no court is named that may not exist.
    ['Ruritania', 'Strelsau', 'the courts of Strelsau', 'any small-claims procedure the courts of Strelsau offer'],
  ])('%s, venue %s', (law, venue, courts, smallClaims) => {
    const text = textOf(contract('new-client-fixed', (i) => {
      i.jurisdiction.governingLaw = law;
      i.jurisdiction.venue = venue;
    }), 'governing-law');
    expect(text).toContain(`brought in ${courts}, and each Party`);
    expect(text).toContain(`within the small-claims limit in ${smallClaims}.`);
    expect(text).not.toMatch(/small claims court for/);
  });
});

describe('taxes, expenses, payment method and the liability carve-out', () => {
  it('prices exclude tax; with 20% VAT the fee table adds VAT to the price its parts make up, and the deposit clause includes VAT', () => {
    const c = contract('new-client-fixed', (i) => {
      i.fee.tax = { label: 'VAT', percent: 20 };
      i.fee.paymentMethod = 'Bank transfer: sort code 12-34-56, account 12345678';
    });
    const fees = textOf(c, 'fees');
    expect(fees).toContain('The prices in this Agreement do not include VAT, sales tax, consumption tax or any similar tax. VAT at 20% is added to each invoice');
    expect(fees).toContain('The Client will pay as follows: Bank transfer: sort code 12-34-56, account 12345678');
    expect(fees).toContain('billed at cost, and only when the Client has approved them in writing before they are incurred');
    expect(fees).toMatch(/fonts, stock images or plug-ins\) are bought in the Client’s name or billed to the Client at cost/);
    const table = c.sections.flatMap((s) => s.blocks).find((b): b is Table => b.type === 'table')!;
    expect(table.rows.map((r) => [r.label, r.value])).toEqual([
      ['Deposit (50%, non-refundable, due before work starts)', '$6,000.00'],
      ['Balance due on completion', '$6,000.00'],
      ['Total price, before VAT', '$12,000.00'],
      ['VAT at 20%', '$2,400.00'],
      ['Total price, with VAT', '$14,400.00'],
    ]);
    expect(table.rows.at(-1)!.emphasis).toBe(true);
    expect(textOf(c, 'deposit')).toContain('$6,000.00 plus VAT of $1,200.00, $7,200.00 in all');
  });

  it('fees, the kill fee and late fees owed are never “lost profits” or capped', () => {
    expect(textOf(contract('new-client-fixed'), 'liability')).toContain(
      'the fees, the kill fee, late fees and approved expenses are not “lost profits” or consequential loss, and are not capped',
    );
  });
});

describe('the retainer', () => {
  it('runs month to month until the notice, and a pause does not bill prepaid work again', () => {
    const c = contract('retainer-prepaid', (i) => (i.fee.noticeDays = 45));
    expect(textOf(c, 'fees')).toContain('until either Party ends it by giving at least 45 days’ notice in writing');
    expect(textOf(c, 'responsiveness')).toContain('covered by the retainer already invoiced and is not billed again');
    expect(textOf(c, 'responsiveness')).not.toContain('at the rates');
  });
});

describe('the slips', () => {
  it('0 days to pay reads "on receipt", with no "of its date"', () => {
    const text = textOf(contract('new-client-fixed', (i) => (i.fee.paymentDueDays = 0)), 'fees');
    expect(text).toContain('Each invoice is due on receipt.');
    expect(text).not.toContain('on receipt of its date');
  });

  it('0 rounds of revisions means every change is quoted, not unlimited revisions', () => {
    const text = textOf(contract('new-client-fixed', (i) => (i.project.revisionRounds = 0)), 'revisions');
    expect(text).toContain('No rounds of revisions are included: every change to a deliverable is quoted in writing before it is made.');
    expect(text).not.toContain('does not include revisions after a deliverable is approved');
  });

  it('"the Freelancer" and "the Client" are defined, and each signatory confirms authority to sign', () => {
    const c = contract('new-client-fixed');
    expect(textOf(c, 'parties')).toContain('Lee Studio LLC, represented by Jordan Lee (the “Freelancer”)');
    expect(textOf(c, 'parties')).toContain('Harbor Coffee Co., represented by Priya Natarajan (the “Client”)');
    expect(textOf(c, 'general')).toContain('Each person who signs for a business confirms that they are authorised to sign for it.');
  });

  it('the licence to the client covers its printers and developers, and can be exclusive', () => {
    const text = textOf(contract('retainer-prepaid', (i) => (i.ownership.licence = 'exclusive')), 'copyright');
    expect(text).toContain('an exclusive, perpetual, worldwide licence');
    expect(text).toContain('to let its own service providers (such as printers, web hosts and developers) do so for the Client');
    expect(text).toContain('The licence is exclusive: the Freelancer will not license the final deliverables to anyone else');
  });

  it('a returning client\'s earlier contracts and the entire-agreement clause agree', () => {
    const c = contract('returning-client-hourly');
    expect(textOf(c, 'parties')).not.toContain('replaces nothing');
    expect(textOf(c, 'parties')).toContain('earlier agreements between the Parties continue to govern the work done under them');
    expect(textOf(c, 'general')).toContain('replaces any earlier proposal or understanding about it; it does not change any earlier agreement between the Parties about other work');
  });
});

describe('today\'s examples still make a contract, with the new answers defaulted', () => {
  it.each(['new-client-fixed', 'returning-client-hourly', 'retainer-prepaid'])('%s', (name) => {
    const answers = answersSchema.parse(sampleInput(name));
    expect(answers.project.acceptanceDays).toBe(10);
    expect(answers.ownership.licence).toBe('non-exclusive');
    expect(answers.fee.tax).toBeUndefined();
    if (answers.fee.model === 'retainer') expect(answers.fee.noticeDays).toBe(30);
    expect(assembleContract(answers, library).sections).toHaveLength(20);
  });
});
