// Issue 23, "English gaps every anchor fills": a warranty that the work is original (client
// materials excepted), force majeure that never excuses paying or the silence rule, and for a
// UK place the moral right to be identified, asserted (CDPA 1988 ss. 77-78).
import { beforeEach, describe, expect, it } from 'vitest';
import { sectionToText } from '../../src/contract/plain-text.ts';
import type { Contract } from '../../src/contract/tree.ts';
import { clauseText, sampleContract } from '../helpers/sample-contract.ts';

const contract = sampleContract;
const textOf = clauseText;
const wholeText = (c: Contract) => c.sections.map((s) => sectionToText(s)).join('\n');

describe('originality warranty', () => {
  it.each(['new-client-fixed', 'returning-client-hourly', 'retainer-prepaid'])('%s: the Freelancer warrants original work, the Client Materials excepted', (name) => {
    const copyright = textOf(contract(name), 'copyright');
    expect(copyright).toContain('Original work. The Freelancer warrants that the deliverables are the Freelancer’s own original work');
    expect(copyright).toContain('This does not cover the Client Materials, for which the Client answers under clause 9, nor third-party materials');
  });
});

describe('force majeure', () => {
  // Built before each test, not as the file is collected: a mutant is on only while tests run (test/README.md).
  let forceMajeure!: string;
  beforeEach(() => {
    forceMajeure = textOf(contract('new-client-fixed'), 'force-majeure');
  });

  it('never excuses or postpones a payment', () => {
    expect(forceMajeure).toContain('Such an event never excuses or postpones a payment: the fees for work done, approved expenses and every other amount owed under this Agreement remain due when they fall due.');
  });

  it('keeps the silence rule: an event the Client has not told the Freelancer of does not excuse its silence', () => {
    expect(forceMajeure).toContain('An event the Client has not told the Freelancer of in writing does not excuse the Client’s silence under clause 8.');
  });

  it('an ending for a long event owes the work done without a kill fee; any other ending by the Client keeps the kill fee', () => {
    expect(forceMajeure).toContain('the Client then owes the work done up to the ending and the approved expenses, but no kill fee, and anything paid in advance beyond that is refunded within 14 days.');
    expect(forceMajeure).toContain('An ending the Client gives for any other reason is an ending by the Client under clause 13.');
  });

  it('a retainer owes the months begun, not "work done"', () => {
    expect(textOf(contract('retainer-prepaid'), 'force-majeure')).toContain('the Client then owes the retainer for every month begun before the ending and the approved expenses');
  });
});

describe('moral rights for a UK place', () => {
  it('England: the Freelancer asserts the right to be identified, and may name themselves in the portfolio', () => {
    const copyright = textOf(contract('returning-client-hourly'), 'copyright');
    expect(copyright).toContain('Moral rights. The Freelancer asserts the right to be identified as the author of the deliverables under sections 77 and 78 of the Copyright, Designs and Patents Act 1988, and so may name themselves as their author where they show them in their portfolio.');
    expect(copyright).toContain('will not name anyone else as their author');
    expect(copyright).toContain('consents to changes the Client makes to the deliverables after acceptance (section 87)');
  });

  it('Scotland and Northern Ireland too (the Act is UK-wide), with copyright assigned', () => {
    for (const law of ['Scotland', 'Northern Ireland']) {
      const c = contract('new-client-fixed', (i) => {
        i.jurisdiction = { governingLaw: law, venue: `Capital City, ${law}`, smallClaims: false };
        i.fee.currency = 'GBP';
      });
      expect(textOf(c, 'copyright')).toContain('asserts the right to be identified');
    }
  });

  it('Oregon and Illinois: no Copyright, Designs and Patents Act', () => {
    expect(wholeText(contract('new-client-fixed'))).not.toContain('Moral rights');
    expect(wholeText(contract('retainer-prepaid'))).not.toContain('Copyright, Designs and Patents Act');
  });
});
