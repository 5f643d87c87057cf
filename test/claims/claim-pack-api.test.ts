// POST /api/claim-pack: one zip with every document, each Word part parsing strictly.
import { unzipSync } from 'fflate';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimPackRequest, ENGLAND_BALANCE, englandAnswers, oregonLetter, oregonPack } from '../helpers/claim-packs.ts';
import { openDocx } from '../helpers/docx-reader.ts';
import { sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp({ rateLimitPerMinute: 0 });
});
afterAll(async () => {
  await app.close();
});

const post = (payload: unknown, target: FastifyInstance = app) =>
  target.inject({ method: 'POST', url: '/api/claim-pack', payload: payload as object, headers: { 'content-type': 'application/json' } });

const oregonReminded = () => oregonPack([oregonLetter('payment-reminder', '2027-03-13'), oregonLetter('final-notice', '2027-04-25')]);

describe('the claim pack download', () => {
  it('is one zip holding the contract, each invoice and letter with its date, the chronology and the statement', async () => {
    const response = await post(oregonReminded());
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename=".*claim-pack-2027-05-12\.zip"/);
    expect(response.headers['cache-control']).toBe('no-store');
    const files = unzipSync(response.rawPayload);
    expect(Object.keys(files)).toEqual([
      expect.stringMatching(/^1 Contract\/.+\.docx$/),
      '2 Invoices/01 2026-12-01 INV-001.docx',
      '2 Invoices/02 2027-02-26 INV-002.docx',
      '3 Letters/01 2027-03-13 payment-reminder.docx',
      '3 Letters/02 2027-04-25 final-notice.docx',
      '4 Chronology.docx',
      '5 Statement-of-Account.docx',
    ]);
    // Every Word file parses strictly, part by part.
    const documents = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, openDocx(bytes)]));
    expect(documents['2 Invoices/02 2027-02-26 INV-002.docx']!.text()).toContain('$6,000.00');
    const statement = documents['5 Statement-of-Account.docx']!.text();
    expect(statement).toContain('Statement of Account');
    expect(statement).toMatch(/Total claimed\s*\$5,150\.00/);
    const chronology = documents['4 Chronology.docx']!.text();
    expect(chronology).toContain('Payment of $1,000.00 received against invoice INV-002');
    expect(chronology).toContain('No answer to the last letter: 17 days');
  });

  it('a Japanese contract gives its folders, chronology and statement in Japanese', async () => {
    const response = await post({ answers: sampleInput('ja/tokyo-fixed'), asOf: '2027-08-30', invoices: [{ kind: 'balance', number: 'R-002', issuedOn: '2027-06-30' }] });
    expect(response.statusCode).toBe(200);
    const names = Object.keys(unzipSync(response.rawPayload));
    expect(names).toContain('2 請求書/01 2027-06-30 R-002.docx');
    expect(names).toContain('5 請求金額計算書.docx');
    const statement = openDocx(unzipSync(response.rawPayload)['5 請求金額計算書.docx']!).text();
    expect(statement).toContain('請求総額');
  });

  it('a Japanese final demand comes with its 内容証明 copies beside the letter', async () => {
    const letter = { date: '2027-08-30', invoice: { number: 'INV-2027-031', amount: 660000, issuedOn: '2027-06-30', dueDate: '2027-07-30' } };
    const response = await post({
      answers: sampleInput('ja/tokyo-fixed'),
      asOf: '2027-08-30',
      invoices: [{ kind: 'balance', number: 'INV-2027-031', issuedOn: '2027-06-30' }],
      letters: [{ kind: 'final-notice', letter }],
    });
    expect(response.statusCode).toBe(200);
    const files = unzipSync(response.rawPayload);
    expect(Object.keys(files).filter((name) => name.startsWith('3 書面/')).sort()).toEqual(['3 書面/01 2027-08-30 final-notice 内容証明.docx', '3 書面/01 2027-08-30 final-notice.docx']);
    const naiyo = openDocx(files['3 書面/01 2027-08-30 final-notice 内容証明.docx']!).text();
    expect(naiyo.split('\n')[0]).toBe('最終催告書');
    expect(naiyo).toContain('差出人　花デザイン事務所　佐藤花子');
  });

  it('refuses a payment for an invoice not in the pack with problem+json naming the field', async () => {
    const pack = oregonReminded();
    pack.payments[1]!.invoice = 'INV-009';
    const response = await post(pack);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().errors).toEqual([{ path: 'payments.1.invoice', message: 'No invoice in the pack has the number INV-009: enter the number of one of its invoices' }]);
  });

  it('reports a letter\'s own mistake at that letter\'s field', async () => {
    const pack = oregonReminded();
    pack.letters[1]!.letter.date = '2027-03-01';
    const response = await post(pack);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { path: string }) => error.path)).toContain('letters.1.letter.date');
  });

  it('draws on the one documents budget the contract and letters share', async () => {
    const limited = await buildTestApp({ rateLimitPerMinute: 2 });
    try {
      expect((await limited.inject({ method: 'POST', url: '/api/contracts', payload: sampleInput('new-client-fixed'), headers: { 'content-type': 'application/json' } })).statusCode).toBe(200);
      expect((await post(oregonReminded(), limited)).statusCode).toBe(200);
      expect((await post(oregonReminded(), limited)).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

/** England: £3,570 balance due 15 Jan 2026, unpaid on 16 Mar 2026 (the worked example of test/claims/claim-routes.test.ts). */
function englandPack(client: { kind?: 'business' | 'consumer'; business?: string } = {}) {
  const answers = englandAnswers();
  Object.assign(answers.client, client);
  return claimPackRequest(answers, '2026-03-16', [ENGLAND_BALANCE]);
}

describe('the claim pack in England and Wales', () => {
  it('adds the pre-action letter to the letters and the Money Claim Online figures to the statement', async () => {
    const response = await post(englandPack({ kind: 'consumer', business: undefined }));
    expect(response.statusCode).toBe(200);
    const files = unzipSync(response.rawPayload);
    expect(Object.keys(files)).toContain('3 Letters/01 2026-03-16 letter-of-claim.docx');
    const letter = openDocx(files['3 Letters/01 2026-03-16 letter-of-claim.docx']!).text();
    expect(letter).toContain('Pre-Action Protocol for Debt Claims');
    expect(letter).toContain('Reply Form');
    const statement = openDocx(files['5 Statement-of-Account.docx']!).text();
    expect(statement).toContain('The figures Money Claim Online asks for (England and Wales)');
  });

  it('gives the figures as JSON with Accept: application/json', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/claim-pack', payload: englandPack(), headers: { 'content-type': 'application/json', accept: 'application/json' } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    // 3,570 + £70 (s. 5A) + £68.95 interest (11.75%, 60 days) = £3,708.95; fee band £3,000.01 to £5,000: £205.
    expect(body.statement.claimed).toEqual({ minor: 370_895, currency: 'GBP' });
    expect(body.moneyClaim).toMatchObject({
      amountClaimed: { minor: 364_000, currency: 'GBP' },
      interestClaimed: { minor: 6895, currency: 'GBP' },
      dailyRate: { minor: 115, currency: 'GBP' },
      totalClaim: { minor: 370_895, currency: 'GBP' },
      courtFee: { minor: 20_500, currency: 'GBP' },
      courtFeeBand: '£3,000.01 to £5,000',
      online: true,
    });
    expect(body.moneyClaim.interest[0]).toMatchObject({ basis: 'late-payment-act', percent: 11.75, days: 60 });
    // The sample client is Rossi & Partners Ltd, a company: the 14-day letter before action, not the Protocol's.
    expect(body.preActionLetter).toBe('letter-before-action');
  });

  it('writes the letter before action for a company as Word or PDF, and refuses answers of another place', async () => {
    const url = '/api/claim-pack/pre-action-letter';
    const headers = { 'content-type': 'application/json' };
    const word = await app.inject({ method: 'POST', url, payload: englandPack({ business: 'Harbour Goods Ltd' }), headers });
    expect(word.statusCode).toBe(200);
    expect(word.headers['content-disposition']).toMatch(/letter-before-action\.docx"/);
    expect(openDocx(word.rawPayload).text()).toContain('within 14 days, that is by March 30, 2026');
    const pdf = await app.inject({ method: 'POST', url: `${url}?format=pdf`, payload: englandPack(), headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const oregon = await app.inject({ method: 'POST', url, payload: oregonReminded(), headers });
    expect(oregon.statusCode).toBe(422);
    expect(oregon.json().title).toBe('Not a claim in England and Wales');
  });
});
