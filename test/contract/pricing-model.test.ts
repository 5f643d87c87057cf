// Issue 23, point 10: the boilerplate follows the pricing model. A retainer has no
// deliverables to complete, a price paid in full leaves no balance to invoice, and a
// retainer month's payment term is one rule the contract and its invoice both state.
import { describe, expect, it } from 'vitest';
import { assembleInvoice } from '../../src/invoices/assemble.ts';
import { renderInvoiceText } from '../../src/invoices/plain-text.ts';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import { sampleInput } from '../helpers/samples.ts';
import { clauseText, sampleContract, type LooseInput } from '../helpers/sample-contract.ts';

const contract = sampleContract;
const textOf = clauseText;
type Loose = LooseInput;
const invoice = (name: string, fields: Loose, change: (input: Loose) => void = () => {}) => {
  const answers = sampleInput(name);
  change(answers);
  return assembleInvoice(invoiceRequestSchema.parse({ answers, invoice: fields }));
};

describe('a retainer is not a project with an end', () => {
  it('the scope says the work runs month to month until the Agreement ends, not until deliverables are complete', () => {
    const scope = textOf(contract('retainer-prepaid'), 'scope');
    expect(scope).not.toContain('until the deliverables are complete');
    expect(scope).toContain('continues from month to month until this Agreement ends as clause 5 and clause 13 say.');
  });

  it('a fixed-price project without an end date still runs until its deliverables are complete', () => {
    const scope = textOf(contract('new-client-fixed', (i) => delete i.project.endDate), 'scope');
    expect(scope).toContain('continues until the deliverables are complete or this Agreement ends');
  });
});

describe('a price paid in full up front leaves no balance', () => {
  it('100% prepaid fixed price: nothing says the Freelancer "invoices the balance"', () => {
    const c = contract('new-client-fixed', (i) => (i.deposit.percent = 100));
    const fees = textOf(c, 'fees');
    expect(fees).not.toContain('invoices the balance');
    expect(fees).toContain('The whole price is paid in advance (clause 6), so there is no balance to invoice on delivery.');
    expect(c.sections.map((s) => textOf(c, s.id)).join('\n')).not.toMatch(/invoices? the balance/);
  });

  it('a 50% deposit still leaves a balance invoiced on delivery', () => {
    expect(textOf(contract('new-client-fixed'), 'fees')).toContain('The Freelancer invoices the balance when the deliverables are delivered.');
  });
});

describe("a retainer month's payment term is one rule in the contract and on its invoice", () => {
  const fifteen = (i: Loose) => (i.fee.paymentDueDays = 15);

  it('the contract: a month is due on its first day; the 15 days are for other invoices', () => {
    const fees = textOf(contract('retainer-prepaid', fifteen), 'fees');
    expect(fees).toContain('is due on the first day of that month (on the start date, in the first month), or on receipt if its invoice is sent later.');
    expect(fees).toContain('Any other invoice, for approved expenses or at an ending, is due within 15 days of its date.');
    expect(fees).not.toContain('Each invoice is due within 15 days');
  });

  it("the invoice sent 5 days before March is due on March 1, as the contract says, not 5 or 15 days after it", () => {
    const march = invoice('retainer-prepaid', { kind: 'retainer', number: 'R-3', issuedOn: '2027-02-24', month: '2027-03' }, fifteen);
    expect(march.figures.dueDate).toBe('2027-03-01');
    expect(renderInvoiceText(march)).toContain('by March 1, 2027, in advance of the month');
  });

  it('an invoice sent after the month has begun is due on receipt, as the contract says', () => {
    const late = invoice('retainer-prepaid', { kind: 'retainer', number: 'R-3', issuedOn: '2027-03-03', month: '2027-03' }, fifteen);
    expect(late.figures.dueDate).toBe('2027-03-03');
  });

  it('the Japanese contract and its invoice state the same rule: the first day of the month', () => {
    const c = contract('ja/yokohama-retainer');
    expect(textOf(c, 'fees')).toContain('各月の初日（初月は本業務の開始日）を支払期日とし');
    // Started 2027-07-01 with 10 days' payment term: August's invoice sent on July 27 is due on August 1.
    const august = invoice('ja/yokohama-retainer', { kind: 'retainer', number: 'R-2', issuedOn: '2027-07-27', month: '2027-08' });
    expect(august.figures.dueDate).toBe('2027-08-01');
  });
});

// Issue 23 (point 9 of the last review): the retainer example's notice against its silence period.
// Checked, no defect: the silence period (21 days) runs out before the notice period (30 days), so a
// silent client is paused before a notice could end the retainer, and an ending for silence is the
// Client's ending, whose kill fee (when there is one) is the notice the Client did not give.
describe('the retainer example: notice period and silence period agree', () => {
  it('21 days of silence pause the work; 30 days after the pause notice the Freelancer may end it as the Client\'s ending', () => {
    const c = contract('retainer-prepaid');
    expect(sampleInput('retainer-prepaid').killFee.unresponsiveDays).toBe(21);
    expect(textOf(c, 'fees')).toContain('by giving at least 30 days’ notice in writing');
    expect(textOf(c, 'responsiveness')).toContain('for 21 days counted from the day after the request was sent');
    expect(textOf(c, 'responsiveness')).toContain('If the Client is still silent 30 days after the pause notice, the Freelancer may end this Agreement by notice, as an ending caused by the Client under clause 13.');
    // Kill fee 0: nothing anywhere mentions a kill fee, so the silence ending cannot promise one.
    expect(c.sections.map((s) => textOf(c, s.id)).join('\n')).not.toMatch(/kill fee/i);
  });

  it('with a kill fee, an ending for silence owes the retainer for the notice not given, as the example works through', () => {
    const termination = textOf(contract('retainer-prepaid', (i) => (i.killFee.percentOfRemainingFee = 50)), 'termination');
    expect(termination).toContain('or the Freelancer ends it for non-payment, for the Client’s silence or for the Client’s breach, the Client owes:');
    expect(termination).toContain('which is the retainer for the part of the notice period in clause 5 that the Client did not give (a month counts as 30 days)');
  });
});
