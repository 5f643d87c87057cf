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
    ['US-NY', "This Agreement is the written contract that New York's Freelance Isn't Free Act (General Business Law article 44-A) requires."],
    ['US-CA', "This Agreement is the written contract that California's Freelance Worker Protection Act (Business and Professions Code section 18100 and following) requires."],
    ['US-IL', 'This Agreement is the written contract that the Illinois Freelance Worker Protection Act (820 ILCS 193) requires.'],
  ])('a 6,000-dollar contract in %s gets the sentence naming the statute, and 30 days to pay by default', (place, sentence) => {
    expect(check(place)).toMatchObject({ status: 'applies', sentence, paymentDefaultDays: 30 });
  });

  it.each([
    // GBL art. 44-A: $800 or more.
    ['US-NY', 799.99, 'not-applicable'],
    ['US-NY', 800, 'applies'],
    // Bus. & Prof. Code 18101: $250 or more.
    ['US-CA', 249.99, 'not-applicable'],
    ['US-CA', 250, 'applies'],
    // 820 ILCS 193/5: $500 or more.
    ['US-IL', 499.99, 'not-applicable'],
    ['US-IL', 500, 'applies'],
  ])('%s: a contract of $%d alone is %s', (place, value, status) => {
    expect(check(place, { value: money(value, 'USD') })).toMatchObject({ status });
  });

  it('a contract below the threshold says so, since other contracts with the client in 120 days may still reach it', () => {
    expect(check('US-NY', { value: money(500, 'USD') })).toMatchObject({ reasons: ['below-threshold'] });
  });

  it.each([
    ['US-NY', '2024-08-27', '2024-08-28'],
    ['US-CA', '2024-12-31', '2025-01-01'],
    ['US-IL', '2024-06-30', '2024-07-01'],
  ])('%s: a contract made on %s, before the statute took effect, is not covered; one made on %s is', (place, before, on) => {
    expect(check(place, { effectiveDate: before })).toMatchObject({ status: 'not-applicable', reasons: ['before-in-force'] });
    expect(check(place, { effectiveDate: on })).toMatchObject({ status: 'applies' });
  });

  it('California: a person hiring for themselves or their family is not a hiring party (Bus. & Prof. Code 18101)', () => {
    expect(check('US-CA', { clientKind: 'consumer' })).toMatchObject({ status: 'not-applicable', reasons: ['consumer-client'] });
  });

  it('New York and Illinois cover individual clients too', () => {
    expect(check('US-NY', { clientKind: 'consumer' })).toMatchObject({ status: 'applies' });
    expect(check('US-IL', { clientKind: 'consumer' })).toMatchObject({ status: 'applies' });
  });

  it('a studio with employees is not a freelance worker under any of the three', () => {
    for (const place of ['US-NY', 'US-CA', 'US-IL']) expect(check(place, { soloFreelancer: false })).toMatchObject({ reasons: ['not-solo'] });
  });

  it('New York: an unpaid $6,000 can be claimed as double damages, $12,000 (GBL 1414)', () => {
    const statute = freelanceStatuteFor('US-NY', loadStatuteBook())!;
    expect(formatMoney(statutoryDamages(statute, money(6000, 'USD')))).toBe('$12,000.00');
  });
});
