// One rule for text (issue 24, findings 1 and 7): every string a request can
// carry is refused over its raw cap before any cleaning or normalisation runs,
// with the same cap in the API, the wizard and uploads. Each case here was a
// way around it: the registration number (NFKC turns one U+FDFA into 18
// characters, then a pass walks them all), the invoice's and the letters'
// fields cleaned before their size was checked (half a million "\r" cleaned
// away to nothing, then accepted), and an uploaded answers part of megabytes.
import type { FastifyInstance } from 'fastify';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answersSchema, LIMITS, rawTextLimit, TEXT_LIMITS } from '../../src/answers/schema.ts';
import { invoiceRequestSchema } from '../../src/invoices/request.ts';
import { LETTER_KINDS, letterRequestSchemas } from '../../src/letters/request.ts';
import { answersPartXml, MAX_ANSWERS_PART_BYTES } from '../../src/render/embedded-answers.ts';
import { scheduleRequestSchema } from '../../src/schedule/request.ts';
import { STEPS } from '../../src/web/wizard/steps.ts';
import { InjectVisitor } from '../helpers/inject-visitor.ts';
import { letterInput } from '../helpers/letters.ts';
import { nonEmpty } from '../helpers/non-empty.ts';
import { JA_SAMPLE_NAMES, sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  // Room for the bodies of these cases: the caps must refuse them, not the body limit.
  app = await buildTestApp({ bodyLimitBytes: 4 * 1_048_576 });
});
afterAll(async () => {
  await app.close();
});

const post = (url: string, body: unknown) => app.inject({ method: 'POST', url, payload: body as object, headers: { accept: 'application/json' } });
const errorsOf = (response: { json: () => { errors?: { path: string; message: string }[] } }) => response.json().errors ?? [];

describe('the API refuses a string over its raw cap before cleaning it', () => {
  it('a registration number of 60,000 × U+FDFA is refused unread, naming the field', async () => {
    const answers = { ...sampleInput(JA_SAMPLE_NAMES[0]!) } as Record<string, any>;
    answers.freelancer = { ...answers.freelancer, invoiceRegistrationNumber: '\uFDFA'.repeat(60_000) };
    const response = await post('/api/contracts', answers);
    expect(response.statusCode).toBe(400);
    expect(errorsOf(response)).toEqual([{ path: 'freelancer.invoiceRegistrationNumber', message: 'Enter the invoice registration number as T followed by 13 digits, like T9234567890123' }]);
  });

  it('a registration number typed with spaces and hyphens, or in full-width characters, is still read', async () => {
    for (const typed of ['T 9234-5678-9012-3', 'Ｔ９２３４５６７８９０１２３']) {
      const answers = { ...sampleInput(JA_SAMPLE_NAMES[0]!) } as Record<string, any>;
      answers.freelancer = { ...answers.freelancer, invoiceRegistrationNumber: typed };
      const response = await post('/api/contracts', answers);
      expect(response.statusCode, typed).toBe(200);
    }
  });

  it('an invoice whose "how to pay" is 515,000 carriage returns is refused, not cleaned to nothing and accepted', async () => {
    const response = await post('/api/invoices', {
      answers: sampleInput('new-client-fixed'),
      invoice: { kind: 'deposit', number: 'INV-1', issuedOn: '2027-03-01', howToPay: '\r'.repeat(515_000) },
    });
    expect(response.statusCode).toBe(400);
    expect(errorsOf(response)).toEqual([{ path: 'invoice.howToPay', message: expect.stringMatching(/1,000 characters or fewer/) }]);
  });

  it('carriage returns up to the raw cap are cleaned away and the invoice made; one more is refused unread', async () => {
    const invoiceWith = (howToPay: string) => post('/api/invoices', {
      answers: sampleInput('new-client-fixed'),
      invoice: { kind: 'deposit', number: 'INV-1', issuedOn: '2027-03-01', howToPay },
    });
    expect((await invoiceWith('\r'.repeat(rawTextLimit(LIMITS.paymentMethod)))).statusCode).toBe(200);
    expect((await invoiceWith('\r'.repeat(rawTextLimit(LIMITS.paymentMethod) + 1))).statusCode).toBe(400);
  });

  it('an invoice number or an expense of a megabyte of blanks is refused as too long', async () => {
    const blanks = ' \t'.repeat(300_000);
    const response = await post('/api/invoices', {
      answers: sampleInput('new-client-fixed'),
      invoice: { kind: 'balance', number: `A${blanks}`, issuedOn: '2027-03-01', expenses: [{ description: `B${blanks}`, amount: 10 }] },
    });
    expect(response.statusCode).toBe(400);
    expect(errorsOf(response).map((error) => error.path).sort()).toEqual(['invoice.expenses.0.description', 'invoice.number']);
    for (const error of errorsOf(response)) expect(error.message).toMatch(/characters or fewer/);
  });

  it('a letter whose "how to pay" or invoice number is half a million carriage returns is refused', async () => {
    const input = letterInput();
    input.letter = { ...input.letter, howToPay: '\r'.repeat(515_000), invoice: { ...input.letter.invoice, number: `A${'\r\n'.repeat(200_000)}` } };
    const response = await post('/api/letters/final-notice', input);
    expect(response.statusCode).toBe(400);
    expect(errorsOf(response).map((error) => error.path).sort()).toEqual(['letter.howToPay', 'letter.invoice.number']);
  });
});

type JsonSchema = { type?: string | string[]; maxLength?: number; enum?: unknown[]; const?: unknown; format?: string; pattern?: string };

/** Every string a schema takes, with its JSON Schema: the published contract of the API. */
function stringLeaves(schema: z.ZodType): { path: string; node: JsonSchema }[] {
  const root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, any>;
  const found: { path: string; node: JsonSchema }[] = [];
  const visit = (node: Record<string, any>, path: string[], seen: ReadonlySet<string>) => {
    if (node.$ref) {
      const name = String(node.$ref).replace(/^#\/\$defs\//, '');
      if (!seen.has(name)) visit(root.$defs[name], path, new Set([...seen, name]));
      return;
    }
    for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) visit(branch, path, seen);
    if (node.items) visit(node.items, [...path, '0'], seen);
    for (const [key, child] of Object.entries(node.properties ?? {})) visit(child as Record<string, any>, [...path, key], seen);
    if (node.type === 'string') found.push({ path: path.join('.'), node });
  };
  visit(root, [], new Set());
  return found;
}

describe('every string field has a cap chosen for what it holds', () => {
  const schemas: [string, z.ZodType][] = [
    ['answers', answersSchema],
    ['invoice request', invoiceRequestSchema],
    ['schedule request', scheduleRequestSchema],
    ...LETTER_KINDS.map((kind): [string, z.ZodType] => [`${kind} letter request`, letterRequestSchemas[kind]]),
  ];

  it('each free-text string of every request publishes a maxLength; the rest are choices, dates or patterns', () => {
    for (const [name, schema] of schemas) {
      for (const { path, node } of nonEmpty(stringLeaves(schema))) {
        const bounded = node.maxLength !== undefined || node.enum !== undefined || node.const !== undefined || node.format === 'date' || node.pattern !== undefined;
        expect(bounded, `${name}: ${path} has no cap`).toBe(true);
      }
    }
  });

  it('the wizard holds every text answer to the schema\'s own cap, the registration number included', () => {
    const asked = STEPS.flatMap((step) => step.fields).filter((field) => ['text', 'textarea', 'email', 'tel', 'list'].includes(field.kind));
    for (const field of nonEmpty(asked)) {
      if (field.name.startsWith('wizard.')) continue;
      expect(TEXT_LIMITS, field.name).toHaveProperty([field.name]);
    }
    expect(TEXT_LIMITS['freelancer.invoiceRegistrationNumber']).toBe(LIMITS.registrationNumber);
  });

  it('the wizard refuses a 130-character registration number before the draft keeps it', async () => {
    const visitor = new InjectVisitor(app);
    await visitor.get('/?lang=ja');
    const first = String((await visitor.post('/wizard', { lang: 'ja' })).headers.location);
    await visitor.get(first);
    const huge = '\uFDFA'.repeat(rawTextLimit(LIMITS.registrationNumber) + 1);
    const response = await visitor.post(first, { 'freelancer.invoiceRegistrationNumber': huge, 'freelancer.name': 'Aiko' });
    expect(response.statusCode).toBe(400);
    const draft = await app.drafts.get(first.split('/')[2]!);
    expect(JSON.stringify(draft!.answers)).not.toContain('\uFDFA');
  });
});

describe('an uploaded answers part over the cap is refused unread', () => {
  const importOf = async (fileName: string, content: Uint8Array) => {
    const visitor = new InjectVisitor(app);
    await visitor.get('/');
    return visitor.sendFile(fileName, content);
  };

  it('the largest valid answers, in three-byte characters, fit under the cap', () => {
    const answers = sampleInput('new-client-fixed') as Record<string, any>;
    const fill = (max: number) => '日'.repeat(max);
    answers.project.description = fill(LIMITS.description);
    answers.project.deliverables = Array.from({ length: LIMITS.deliverables }, () => fill(LIMITS.deliverable));
    answers.fee.paymentMethod = fill(LIMITS.paymentMethod);
    for (const who of ['freelancer', 'client']) answers[who].address = fill(LIMITS.address);
    expect(answersSchema.safeParse(answers).success).toBe(true);
    expect(Buffer.byteLength(answersPartXml(answers))).toBeLessThan(MAX_ANSWERS_PART_BYTES);
  });

  it('a 3 kB Word file whose answers part inflates to 2 MB of U+FDFA is refused with a sentence', async () => {
    const part = answersPartXml({ ...sampleInput('new-client-fixed'), freelancer: { ...sampleInput('new-client-fixed').freelancer, invoiceRegistrationNumber: '\uFDFA'.repeat(698_000) } });
    const zip = zipSync({ 'customXml/item1.xml': strToU8(part) }, { level: 9 });
    expect(zip.length).toBeLessThan(10_000);
    const response = await importOf('contract.docx', zip);
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/too large|not made by this app/);
  });

  it('an answers file over the cap is refused before it is decoded', async () => {
    const answers = { ...sampleInput('new-client-fixed'), padding: ' a=""'.repeat(Math.ceil(MAX_ANSWERS_PART_BYTES / 5)) };
    const response = await importOf('answers.json', strToU8(JSON.stringify(answers)));
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('too large');
  });
});
