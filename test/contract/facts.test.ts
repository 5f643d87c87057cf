// The English facts: every value a clause prints, written the way the contract
// shows it. Fixed examples at each rule's edge (one and two, zero days, an
// hour with decimals, a place that takes "the"), seen in the contract's text
// where a reader would notice them.
import { describe, expect, it } from 'vitest';
import { answersSchema, type Answers } from '../../src/answers/schema.ts';
import { assembleContract } from '../../src/contract/assemble.ts';
import { money } from '../../src/answers/money.ts';
import { computeFacts, computeFigures, daysText, noticeText } from '../../src/contract/facts.ts';
import { venueInWords } from '../../src/jurisdictions/place-for.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { sectionToText } from '../../src/contract/plain-text.ts';
import { sampleInput } from '../helpers/samples.ts';

const library = loadContractLibrary();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function answers(name: string, change: (input: any) => void = () => {}): Answers {
  const input = sampleInput(name);
  change(input);
  return answersSchema.parse(input);
}
const clause = (a: Answers, id: string) => sectionToText(assembleContract(a, library).sections.find((section) => section.id === id)!);

describe('days and notice', () => {
  it('one day, two days, and the possessive of notice', () => {
    expect(daysText(1)).toBe('1 day');
    expect(daysText(0)).toBe('0 days');
    expect(daysText(2)).toBe('2 days');
    expect(noticeText(1)).toBe('1 day’s notice');
    expect(noticeText(2)).toBe('2 days’ notice');
  });

  it('a retainer of 1 day’s notice reads so in the fees clause', () => {
    const a = answers('retainer-prepaid', (i) => (i.fee.noticeDays = 1));
    expect(computeFacts(a).fee).toMatchObject({ noticeDays: 1, noticeDaysText: '1 day', noticeText: '1 day’s notice' });
    expect(clause(a, 'fees')).toContain('at least 1 day’s notice in writing');
  });

  it('the acceptance period and the silence before a pause, in days', () => {
    const a = answers('new-client-fixed', (i) => {
      i.project.acceptanceDays = 1;
      i.killFee.unresponsiveDays = 1;
    });
    const facts = computeFacts(a);
    expect(facts.project.acceptanceDaysText).toBe('1 day');
    expect(facts.killFee.unresponsiveDaysText).toBe('1 day');
    expect(clause(a, 'acceptance')).toContain('Within 1 day of each delivery');
  });

  it('invoices due in 1 day, and on receipt at 0', () => {
    expect(computeFacts(answers('new-client-fixed', (i) => (i.fee.paymentDueDays = 1))).fee).toMatchObject({
      paymentDueText: 'within 1 day of its date',
      isDueOnReceipt: false,
    });
    expect(computeFacts(answers('new-client-fixed', (i) => (i.fee.paymentDueDays = 0))).fee).toMatchObject({ paymentDueText: 'on receipt', isDueOnReceipt: true });
  });

  it('models without a notice period have none', () => {
    expect(computeFacts(answers('new-client-fixed')).fee).toMatchObject({ noticeDays: 0, noticeDaysText: '', noticeText: '' });
  });
});

describe('rounds of revisions in words', () => {
  // Every number written as a word, one by one: the words are a table, and a word lost from it
  // would print "7 rounds" in one contract among many.
  it.each([
    [0, 'no rounds'],
    [1, 'one round'],
    [2, 'two rounds'],
    [3, 'three rounds'],
    [4, 'four rounds'],
    [5, 'five rounds'],
    [6, 'six rounds'],
    [7, 'seven rounds'],
    [8, 'eight rounds'],
    [9, 'nine rounds'],
    [10, 'ten rounds'],
    [11, '11 rounds'],
    [20, '20 rounds'],
  ])('%i reads "%s"', (rounds, text) => {
    const a = answers('new-client-fixed', (i) => (i.project.revisionRounds = rounds));
    expect(computeFacts(a).project.revisionRoundsText).toBe(text);
    if (rounds > 0) expect(clause(a, 'revisions')).toContain(`The fee includes ${text} of revisions`);
  });
});

describe('hours', () => {
  it('an estimate with decimals is written to two places, with thousands separated', () => {
    const a = answers('returning-client-hourly', (i) => {
      i.fee.rate = 100;
      i.fee.estimatedHours = 12.345;
    });
    expect(computeFacts(a).fee).toMatchObject({ rate: '£100.00', estimatedHours: '12.35', estimate: '£1,234.50', total: '£1,234.50' });
    expect(computeFacts(answers('returning-client-hourly', (i) => (i.fee.estimatedHours = 1500))).fee.estimatedHours).toBe('1,500');
  });

  it('the retainer’s hours a month, and no hourly figures for it', () => {
    const a = answers('retainer-prepaid', (i) => (i.fee.hoursPerMonth = 7.5));
    expect(computeFacts(a).fee).toMatchObject({ monthly: '$2,500.00', hoursPerMonth: '7.5', rate: '', estimatedHours: '', estimate: '' });
    expect(clause(a, 'fees')).toContain('which reserves up to 7.5 hours');
  });

  it('a fixed price has no rate, estimate, retainer or hours', () => {
    expect(computeFacts(answers('new-client-fixed')).fee).toMatchObject({ total: '$12,000.00', rate: '', estimatedHours: '', estimate: '', monthly: '', hoursPerMonth: '' });
  });
});

describe('the parties', () => {
  it('a business is the legal name; a person without one is named', () => {
    const a = answers('new-client-fixed', (i) => {
      delete i.client.business;
      delete i.client.title;
    });
    const facts = computeFacts(a);
    expect(facts.freelancer).toMatchObject({ name: 'Jordan Lee', business: 'Lee Studio LLC', hasBusiness: true, legalName: 'Lee Studio LLC' });
    expect(facts.client).toMatchObject({ name: 'Priya Natarajan', business: '', hasBusiness: false, legalName: 'Priya Natarajan', title: '' });
    expect(facts.client.relationship).toBe('new');
    expect(facts.client.isReturning).toBe(false);
    expect(computeFacts(answers('returning-client-hourly')).client.isReturning).toBe(true);
  });
});

describe('the deposit', () => {
  it('is a share of the total price, the estimate, or the first month’s retainer', () => {
    expect(computeFacts(answers('new-client-fixed')).deposit).toMatchObject({ basis: 'the total price', noun: 'deposit', percent: '50%', inFull: false });
    expect(computeFacts(answers('returning-client-hourly')).deposit).toMatchObject({ basis: 'the estimated fee', noun: 'deposit' });
    expect(computeFacts(answers('retainer-prepaid')).deposit).toMatchObject({ basis: 'the first month’s retainer', noun: 'advance payment', inFull: true });
  });

  it('with 20% VAT: the deposit’s and the balance’s tax and what each comes to with it', () => {
    const a = answers('new-client-fixed', (i) => {
      i.fee.tax = { label: 'VAT', percent: 20 };
      i.deposit.percent = 25;
    });
    expect(computeFacts(a).deposit).toMatchObject({
      percent: '25%',
      amount: '$3,000.00',
      tax: '$600.00',
      gross: '$3,600.00',
      balance: '$9,000.00',
      balanceTax: '$1,800.00',
      balanceGross: '$10,800.00',
    });
    expect(computeFacts(a).fee).toMatchObject({ hasTax: true, taxLabel: 'VAT', taxPercent: '20%', totalTax: '$2,400.00', totalGross: '$14,400.00' });
  });

  it('without a tax, every tax is nothing and every gross figure is the net one', () => {
    const facts = computeFacts(answers('new-client-fixed'));
    expect(facts.fee).toMatchObject({ hasTax: false, taxLabel: '', taxPercent: '', totalTax: '$0.00', totalGross: '$12,000.00' });
    expect(facts.deposit).toMatchObject({ tax: '$0.00', gross: '$6,000.00', balanceTax: '$0.00', balanceGross: '$6,000.00' });
  });
});

describe('late fee, payment method and the kill fee switched off', () => {
  it('a 0% late fee and no kill fee are absent, not printed as 0%', () => {
    const a = answers('new-client-fixed', (i) => {
      i.fee.lateFeePercentPerMonth = 0;
      i.killFee.percentOfRemainingFee = 0;
      delete i.fee.paymentMethod;
    });
    expect(computeFacts(a).fee).toMatchObject({ hasLateFee: false, lateFeePercent: '0%', hasPaymentMethod: false, paymentMethod: '' });
    expect(computeFacts(a).killFee.hasKillFee).toBe(false);
  });

  it('the smallest late fee and kill fee are there', () => {
    const a = answers('new-client-fixed', (i) => {
      i.fee.lateFeePercentPerMonth = 0.5;
      i.killFee.percentOfRemainingFee = 1;
      i.fee.paymentMethod = 'Cheque';
    });
    expect(computeFacts(a).fee).toMatchObject({ hasLateFee: true, lateFeePercent: '0.5%', hasPaymentMethod: true, paymentMethod: 'Cheque' });
    expect(computeFacts(a).killFee).toMatchObject({ hasKillFee: true, percent: '1%' });
  });
});

describe('the worked example of an ending', () => {
  it('fixed price: work done, the kill fee on the rest, and the deposit that covers it', () => {
    expect(computeFacts(answers('new-client-fixed')).killFee.example).toEqual({
      workDone: '$2,400.00',
      hours: '',
      noticeGiven: '',
      noticeMissing: '',
      feeNotEarned: '$9,600.00',
      killFee: '$2,400.00',
      earned: '$4,800.00',
      deposit: '$6,000.00',
      depositCredited: '$4,800.00',
      hasDeposit: true,
      owed: '$0.00',
      owesNothing: true,
      refund: '$1,200.00',
      hasRefund: true,
    });
  });

  it('hourly: the hours worked, and a refundable deposit refunded', () => {
    const a = answers('returning-client-hourly', (i) => {
      i.killFee.percentOfRemainingFee = 10;
      i.deposit.nonRefundable = false;
    });
    const example = computeFacts(a).killFee.example;
    expect(example).toMatchObject({ hours: '12', workDone: '£1,020.00', noticeGiven: '', noticeMissing: '' });
    expect(example.hasRefund).toBe(true);
    expect(clause(a, 'termination')).toContain(`after 12 hours of work, worth £1,020.00`);
    expect(clause(a, 'termination')).toContain(`and the remaining ${example.refund} of it is refunded`);
  });

  it('a small deposit does not cover the ending: the rest is still to pay', () => {
    const a = answers('new-client-fixed', (i) => (i.deposit.percent = 10));
    expect(computeFacts(a).killFee.example).toMatchObject({ deposit: '$1,200.00', owed: '$3,600.00', owesNothing: false, hasDeposit: true, hasRefund: false });
    expect(clause(a, 'termination')).toContain('$4,800.00 in all; less the deposit of $1,200.00, $3,600.00 is still to pay.');
  });

  it('retainer: the notice given and the notice missing, with no work-done figure', () => {
    const a = answers('retainer-prepaid', (i) => (i.killFee.percentOfRemainingFee = 50));
    const example = computeFacts(a).killFee.example;
    expect(example).toMatchObject({ workDone: '', hours: '', noticeGiven: '10 days’ notice', noticeMissing: '20 days', feeNotEarned: '$1,666.67', hasDeposit: false });
    expect(clause(a, 'termination')).toContain(
      `if the Client ends this Agreement with 10 days’ notice, the kill fee is 50% of the retainer for the 20 days of notice not given ($1,666.67), which is ${example.killFee}`,
    );
  });
});

describe('the law and the courts', () => {
  it.each([
    ['State of Oregon', 'the laws of the State of Oregon'],
    ['Commonwealth of Massachusetts', 'the laws of the Commonwealth of Massachusetts'],
    ['Province of Ontario', 'the laws of the Province of Ontario'],
    ['United States', 'the laws of the United States'],
    ['United Kingdom', 'the laws of the United Kingdom'],
    ['United Arab Emirates', 'the laws of the United Arab Emirates'],
    ['Grand Duchy of Luxembourg', 'the laws of the Grand Duchy of Luxembourg'],
    ['state of new york', 'the laws of the state of new york'],
    ['Netherlands', 'the laws of the Netherlands'],
    ['Philippines', 'the laws of the Philippines'],
    ['England and Wales', 'the laws of England and Wales'],
    ['Japan', 'the laws of Japan'],
    // Only a name that starts with the word takes "the".
    ['Sonoma County, State of California', 'the laws of Sonoma County, State of California'],
    ['Statesboro', 'the laws of Statesboro'],
    ['Netherlands Antilles', 'the laws of the Netherlands Antilles'],
    ['Philippines, Metro Manila', 'the laws of the Philippines, Metro Manila'],
    ['Amsterdam, Netherlands', 'the laws of Amsterdam, Netherlands'],
    ['Manila, Philippines', 'the laws of Manila, Philippines'],
    ['Republican River Valley', 'the laws of Republican River Valley'],
  ])('%s: "%s"', (law, phrase) => {
    const a = answers('new-client-fixed', (i) => (i.jurisdiction.governingLaw = law));
    expect(computeFacts(a).jurisdiction.lawPhrase).toBe(phrase);
    expect(clause(a, 'governing-law')).toContain(`This Agreement is governed by ${phrase}.`);
  });

  // A venue that names courts keeps its words; a place the data does not hold is "the courts of" it.
  it.each([
    ['the courts in Paris', 'the courts in Paris'],
    ['Courts for Kent', 'the courts for Kent'],
    ['The Courts of the State of Oregon', 'the courts of the State of Oregon'],
    ['courts of State of Oregon', 'the courts of the State of Oregon'],
    ['The High Court of Justice', 'the High Court of Justice'],
    ['the\tHigh Court', 'the High Court'],
    // "the" inside a court's name is not its article.
    ['Supreme Court of the United Kingdom', 'the Supreme Court of the United Kingdom'],
    ['Theatre District Court', 'the Theatre District Court'],
    ['Tribunal de Paris', 'the Tribunal de Paris'],
    ['Amtsgericht München', 'the Amtsgericht München'],
    ['Landgericht Berlin', 'the Landgericht Berlin'],
    ['Juzgado de Madrid', 'the Juzgado de Madrid'],
    ['東京地方裁判所', 'the 東京地方裁判所'],
    ['State of Oregon', 'the courts of the State of Oregon'],
    ['Theodore County', 'the courts of Theodore County'],
    ['Courtenay, British Columbia', 'the courts of Courtenay, British Columbia'],
  ])('%s: "%s"', (venue, courts) => {
    expect(venueInWords(venue)).toBe(courts);
  });
});

describe('the figures the API returns beside the contract', () => {
  it('the price, the deposit and the balance as amounts of money', () => {
    expect(computeFigures(answers('new-client-fixed', (i) => (i.deposit.percent = 33)))).toEqual({
      base: money(12_000, 'USD'),
      deposit: money(3_960, 'USD'),
      balance: money(8_040, 'USD'),
    });
  });
});

describe('the project', () => {
  it('dates written out, and no end date when none was given', () => {
    expect(computeFacts(answers('new-client-fixed')).project).toMatchObject({ startDate: expect.any(String), hasEndDate: true });
    expect(computeFacts(answers('retainer-prepaid')).project).toMatchObject({ startDate: 'January 4, 2027', endDate: '', hasEndDate: false });
  });
});

describe('ownership', () => {
  it('an exclusive licence is said to be one', () => {
    expect(computeFacts(answers('retainer-prepaid', (i) => (i.ownership.licence = 'exclusive'))).ownership).toMatchObject({ licence: 'exclusive', isExclusive: true });
    expect(computeFacts(answers('retainer-prepaid')).ownership).toMatchObject({ licence: 'non-exclusive', isExclusive: false });
  });
});
