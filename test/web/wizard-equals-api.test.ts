// The wizard and the API make the same Word file, byte for byte in every part but
// the two timestamps: asked on samples that set every optional answer (a tax, A4
// paper on a dollar contract, an exclusive licence, no small claims, a retainer's
// notice, a Japanese company freelancer with employees and a registration number),
// so an answer the wizard drops or adds on its way to the file shows up as a
// part that differs. Comparing the text alone let A4 pages pass as Letter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/answers/schema.ts';
import { buildApp } from '../../src/web/app.ts';
import { answersToForm } from '../../src/web/wizard/engine.ts';
import { stepsIn } from '../../src/web/wizard/steps.ts';
import { InjectVisitor, type Fields } from '../helpers/inject-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** Every optional answer of an English fixed-price contract set, most away from its default. */
function everyOptionFixed(): Loose {
  const input: Loose = sampleInput('new-client-fixed');
  input.language = 'en';
  input.freelancer.title = 'Principal';
  input.client.title = 'Owner';
  input.client.relationship = 'returning';
  input.client.troubleBefore = true;
  input.project.revisionRounds = 3;
  input.project.acceptanceDays = 7;
  input.fee.paymentMethod = 'Bank transfer to Lee Studio LLC, account 0012 3456';
  input.fee.tax = { label: 'Sales tax', percent: 8.25 };
  input.deposit = { percent: 40, nonRefundable: false };
  input.killFee.percentOfRemainingFee = 30;
  input.jurisdiction.smallClaims = false;
  input.ownership = { transferOn: 'full-payment', copyright: 'retain-and-license', portfolioUse: false, licence: 'exclusive' };
  input.paperSize = 'a4';
  return input;
}

/** A retainer with its notice, in pounds on US Letter paper, with no end date. */
function everyOptionRetainer(): Loose {
  const input: Loose = sampleInput('retainer-prepaid');
  input.fee.currency = 'GBP';
  input.fee.noticeDays = 45;
  input.fee.paymentMethod = 'https://pay.example/lee';
  input.fee.tax = { label: 'VAT', percent: 20 };
  input.paperSize = 'letter';
  delete input.project.endDate;
  return input;
}

/** A Japanese company freelancer with employees, registered for qualified invoices, no withholding. */
function everyOptionJapanese(): Loose {
  const input: Loose = sampleInput('ja/tokyo-fixed');
  input.freelancer.entity = 'company';
  input.freelancer.business = '株式会社花デザイン';
  input.freelancer.title = '代表取締役';
  input.freelancer.hasEmployees = true;
  input.freelancer.invoiceRegistrationNumber = 'T8000012010038';
  input.fee.withholding = false;
  input.fee.paymentMethod = 'みずほ銀行 世田谷支店 普通 1234567 カ）ハナデザイン';
  input.project.revisionRounds = 1;
  input.project.acceptanceDays = 14;
  input.deposit = { percent: 30, nonRefundable: true };
  input.paperSize = 'letter';
  // What the Japanese wizard writes for a 管轄 question it asks as a place: the answers the API is given are the ones the wizard saves.
  input.jurisdiction = { ...input.jurisdiction, governingLaw: '日本法', venue: '東京' };
  return input;
}

const SAMPLES: [string, () => Loose][] = [
  ['every option, fixed price', everyOptionFixed],
  ['every option, retainer', everyOptionRetainer],
  ['every option, Japanese', everyOptionJapanese],
];

let app: FastifyInstance;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wizard-equals-api-'));
  app = await buildApp({ dataDir, logLevel: 'silent', rateLimitPerMinute: 0 });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Walks every step of the wizard in the answers' language with the form a person would fill from `input`; returns the draft's base path. */
async function walk(input: Loose): Promise<{ visitor: InjectVisitor; base: string }> {
  const visitor = new InjectVisitor(app);
  const language = input.language === 'ja' ? 'ja' : 'en';
  await visitor.get(`/?lang=${language}`);
  const started = await visitor.post('/wizard', { lang: language });
  expect(started.statusCode).toBe(303);
  let url = String(started.headers.location);
  const base = url.split('/').slice(0, 3).join('/');
  for (const step of stepsIn(language)) {
    expect(url).toBe(`${base}/${step.id}`);
    await visitor.get(url);
    const response = await visitor.post(url, answersToForm(step, input) as Fields);
    expect(response.statusCode, `${step.id}: ${response.body.slice(0, 400)}`).toBe(303);
    url = String(response.headers.location);
  }
  expect(url).toBe(`${base}/review`);
  return { visitor, base };
}

/**
 * The package's parts, less what is made fresh for each file: the creation and
 * modification times, and the answers part's item id (a new GUID each time).
 */
function partsOf(file: Uint8Array): Record<string, string> {
  const fresh = (name: string, xml: string) =>
    name === 'docProps/core.xml'
      ? xml.replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, '')
      : name.startsWith('customXml/itemProps')
        ? xml.replace(/ds:itemID="\{[0-9A-F-]+\}"/, 'ds:itemID=""')
        : xml;
  return Object.fromEntries(Object.entries(unzipSync(file)).map(([name, bytes]) => [name, fresh(name, strFromU8(bytes))]));
}

describe('the wizard makes the same Word file as the API, part for part', () => {
  it.each(SAMPLES)('%s', async (_name, make) => {
    const input = make();
    expect(answersSchema.safeParse(input).success).toBe(true);
    const { visitor, base } = await walk(input);
    const fromWizard = partsOf((await visitor.get(`${base}/contract.docx`)).rawPayload);
    const fromApi = partsOf(
      (await app.inject({ method: 'POST', url: '/api/contracts', payload: input, headers: { 'content-type': 'application/json' } })).rawPayload,
    );
    expect(Object.keys(fromWizard).sort()).toEqual(Object.keys(fromApi).sort());
    for (const name of Object.keys(fromApi)) expect(fromWizard[name], name).toBe(fromApi[name]);
  });
});
