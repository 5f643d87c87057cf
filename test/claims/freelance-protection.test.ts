// Which US freelancer-protection statute covers an engagement, checked against
// the statutes' own thresholds and dates (written out here from the statutes).
import { describe, expect, it } from 'vitest';
import { formatMoney, money } from '../../src/answers/money.ts';
import { freelanceProtection, statutoryDamages, type Engagement } from '../../src/claims/freelance-protection.ts';
import { freelanceStatuteFor, loadStatuteBook } from '../../src/jurisdictions/statutes.ts';

const engagement = (overrides: Partial<Engagement> = {}): Engagement => ({
  value: money(6000, 'USD'),
  effectiveDate: '2026-01-10',
  soloFreelancer: true,
  clientKind: 'business',
  ...overrides,
});

function check(place: string, overrides: Partial<Engagement> = {}) {
  const statute = freelanceStatuteFor(place, loadStatuteBook());
  if (!statute) throw new Error(`no freelance statute for ${place}`);
  return freelanceProtection(statute, engagement(overrides));
}

describe('which freelancer-protection statute covers the contract', () => {
  it.each([
    ['us-ny', "This Agreement is the written contract that New York's Freelance Isn't Free Act (General Business Law article 44-A) requires."],
    ['us-ca', "This Agreement is the written contract that California's Freelance Worker Protection Act (Business and Professions Code section 18100 and following) requires."],
    ['us-il', 'This Agreement is the written contract that the Illinois Freelance Worker Protection Act (820 ILCS 193) requires.'],
  ])('a 6,000-dollar contract in %s gets the sentence naming the statute, and 30 days to pay by default', (place, sentence) => {
    expect(check(place)).toMatchObject({ status: 'applies', sentence, paymentDefaultDays: 30 });
  });

  it.each([
    // GBL art. 44-A: $800 or more.
    ['us-ny', 799.99, 'not-applicable'],
    ['us-ny', 800, 'applies'],
    // Bus. & Prof. Code 18101: $250 or more.
    ['us-ca', 249.99, 'not-applicable'],
    ['us-ca', 250, 'applies'],
    // 820 ILCS 193/5: $500 or more.
    ['us-il', 499.99, 'not-applicable'],
    ['us-il', 500, 'applies'],
  ])('%s: a contract of $%d alone is %s', (place, value, status) => {
    expect(check(place, { value: money(value, 'USD') })).toMatchObject({ status });
  });

  it('a contract below the threshold says so, since other contracts with the client in 120 days may still reach it', () => {
    expect(check('us-ny', { value: money(500, 'USD') })).toMatchObject({ reasons: ['below-threshold'] });
  });

  it.each([
    ['us-ny', '2024-08-27', '2024-08-28'],
    ['us-ca', '2024-12-31', '2025-01-01'],
    ['us-il', '2024-06-30', '2024-07-01'],
  ])('%s: a contract made on %s, before the statute took effect, is not covered; one made on %s is', (place, before, on) => {
    expect(check(place, { effectiveDate: before })).toMatchObject({ status: 'not-applicable', reasons: ['before-in-force'] });
    expect(check(place, { effectiveDate: on })).toMatchObject({ status: 'applies' });
  });

  it('California: a person hiring for themselves or their family is not a hiring party (Bus. & Prof. Code 18101)', () => {
    expect(check('us-ca', { clientKind: 'consumer' })).toMatchObject({ status: 'not-applicable', reasons: ['consumer-client'] });
  });

  it('New York and Illinois cover individual clients too', () => {
    expect(check('us-ny', { clientKind: 'consumer' })).toMatchObject({ status: 'applies' });
    expect(check('us-il', { clientKind: 'consumer' })).toMatchObject({ status: 'applies' });
  });

  it('a studio with employees is not a freelance worker under any of the three', () => {
    for (const place of ['us-ny', 'us-ca', 'us-il']) expect(check(place, { soloFreelancer: false })).toMatchObject({ reasons: ['not-solo'] });
  });

  it('New York: an unpaid $6,000 can be claimed as double damages, $12,000 (GBL 1414)', () => {
    const statute = freelanceStatuteFor('us-ny', loadStatuteBook())!;
    expect(formatMoney(statutoryDamages(statute, money(6000, 'USD')))).toBe('$12,000.00');
  });
});
