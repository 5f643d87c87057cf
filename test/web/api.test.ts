import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/test-app.ts';
import { SAMPLE_NAMES, sampleInput } from '../helpers/samples.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp({ rateLimitPerMinute: 0 });
});
afterAll(async () => {
  await app.close();
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const post = (payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/contracts', payload: payload as object, headers: { 'content-type': 'application/json', ...headers } });

describe('POST /api/contracts', () => {
  it.each(SAMPLE_NAMES)('turns %s into a Word file named after the project', async (name) => {
    const response = await post(sampleInput(name));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(DOCX);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[A-Za-z0-9-]+-contract\.docx"; filename\*=UTF-8''/);
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // It holds both parties' names, addresses and phones: no cache keeps a copy.
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('with a tax, the JSON figures carry it and the amounts with it, as the fee table prints them', async () => {
    const input = sampleInput('new-client-fixed');
    input.fee.tax = { label: 'VAT', percent: 20 };
    const body = (await post(input, { accept: 'application/json' })).json();
    expect(body.figures.tax).toEqual({ label: 'VAT', percent: 20 });
    expect(body.figures.withTax.deposit).toEqual({ amount: 7200, formatted: '$7,200.00' });
    expect(body.figures.withTax.base.formatted).toBe('$14,400.00');
  });

  it('gives the assembled contract as JSON when asked', async () => {
    const response = await post(sampleInput('new-client-fixed'), { accept: 'application/json' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.figures.deposit).toEqual({ percent: 50, amount: 6000, formatted: '$6,000.00' });
    expect(body.figures.tax).toBeNull();
    const silence = body.clauses.find((c: { id: string }) => c.id === 'responsiveness');
    expect(silence).toMatchObject({ number: 8, title: 'Client responsiveness' });
    expect(silence.text).toContain('for 14 days counted from the day after the request was sent');
    expect(silence.note).toMatch(/silent/);
    const termination = body.clauses.find((c: { id: string }) => c.id === 'termination');
    expect(termination).toMatchObject({ number: 13, title: 'Termination and kill fee' });
    expect(body.fileName).toBe('Harbor-Coffee-website-redesign-contract.docx');
  });

  it('gives an HTML preview when asked, with every value escaped', async () => {
    const input = sampleInput('new-client-fixed');
    input.client.business = '<script>alert("x")</script> & Co';
    const response = await post(input, { accept: 'text/html' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('Priya Natarajan');
    expect(response.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(response.body).not.toContain('<script>');
  });

  it('fills in the article\'s deposit for a returning client who gives none', async () => {
    const input = sampleInput('returning-client-hourly');
    delete input.deposit;
    const response = await post(input, { accept: 'application/json' });
    expect(response.json().figures.deposit.formatted).toBe('£1,530.00');
  });

  it('keeps a non-ASCII project name in the UTF-8 file name', async () => {
    const input = sampleInput('new-client-fixed');
    input.project.name = 'Café Ōsaka: 新しいサイト';
    const response = await post(input);
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Café-Ōsaka-新しいサイト-contract.docx')}`);
    expect(response.headers['content-disposition']).toContain('filename="Cafe-Osaka-contract.docx"');
  });
});

describe('bad input gets a 4xx problem naming the field, never a 500', () => {
  const expectProblem = (response: Awaited<ReturnType<typeof post>>, status: number) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String), type: expect.any(String) });
    expect(response.body).not.toMatch(/at .*\.ts:\d+|node_modules|stack/);
    return body;
  };

  it('an out-of-range deposit names deposit.percent', async () => {
    const input = sampleInput('new-client-fixed');
    input.deposit.percent = 150;
    const body = expectProblem(await post(input), 400);
    expect(body.errors).toEqual([{ path: 'deposit.percent', message: 'Deposit must be between 1% and 100%' }]);
  });

  it('an unknown fee model names fee.model', async () => {
    const input = sampleInput('new-client-fixed');
    input.fee.model = 'weekly';
    expect(expectProblem(await post(input), 400).errors[0].path).toBe('fee.model');
  });

  it('a missing phone names client.phone', async () => {
    const input = sampleInput('new-client-fixed');
    delete input.client.phone;
    expect(expectProblem(await post(input), 400).errors).toEqual([{ path: 'client.phone', message: "Enter your client's phone number" }]);
  });

  it('several problems are all listed', async () => {
    const input = sampleInput('new-client-fixed');
    input.client.email = 'not-an-email';
    input.killFee.unresponsiveDays = 0;
    const body = expectProblem(await post(input), 400);
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['client.email', 'killFee.unresponsiveDays']);
    expect(body.detail).toBe('2 answers need fixing.');
  });

  it('a misspelt field is named at its own path', async () => {
    const input = sampleInput('new-client-fixed');
    input.deposit.percnt = 40;
    expect(expectProblem(await post(input), 400).errors).toEqual([
      { path: 'deposit.percnt', message: '"percnt" is not part of the answers; check its spelling or remove it.' },
    ]);
  });

  it.each([['null', null], ['an array', []], ['a string', 'hello'], ['a number', 42]])('%s as the body', async (_what, payload) => {
    const response = await app.inject({ method: 'POST', url: '/api/contracts', payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });
    expectProblem(response, 400);
  });

  it('malformed JSON', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/contracts', payload: '{"effectiveDate": ', headers: { 'content-type': 'application/json' } });
    expect(expectProblem(response, 400).title).toBe('Malformed JSON');
  });

  it('an empty body', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/contracts', headers: { 'content-type': 'application/json' } });
    expectProblem(response, 400);
    expect(response.json().detail).toBe('The request body is empty: send the answers as a JSON object.');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml'])('%s is 415', async (type) => {
    const response = await app.inject({ method: 'POST', url: '/api/contracts', payload: 'a=b', headers: { 'content-type': type } });
    expectProblem(response, 415);
  });

  it('a body over the limit is 413', async () => {
    const small = await buildTestApp({ rateLimitPerMinute: 0, bodyLimitBytes: 4096 });
    const input = sampleInput('new-client-fixed');
    input.project.description = 'x'.repeat(10_000);
    const response = await small.inject({ method: 'POST', url: '/api/contracts', payload: input, headers: { 'content-type': 'application/json' } });
    await small.close();
    expectProblem(response, 413);
  });

  it('an unknown API path is a 404 problem', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expectProblem(response, 404);
  });
});

describe('describing the API', () => {
  it('GET /api/clauses lists every clause with when it applies and why it is there', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/clauses' });
    expect(response.statusCode).toBe(200);
    const { clauses } = response.json();
    const ids = [...new Set(clauses.map((c: { id: string }) => c.id))];
    expect(ids).toHaveLength(20);
    expect(clauses.find((c: { variant: string }) => c.variant === 'hourly')).toMatchObject({
      id: 'fees', title: 'Fees and payment', appliesWhen: 'fee.model is hourly',
    });
    expect(clauses.find((c: { id: string }) => c.id === 'responsiveness')).toMatchObject({ appliesWhen: 'always', note: expect.stringMatching(/silent/) });
  });

  it('GET /api/schema is the JSON Schema of the answers, with defaults optional', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/schema' });
    expect(response.statusCode).toBe(200);
    const schema = response.json();
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['freelancer', 'client', 'project', 'fee', 'killFee', 'jurisdiction', 'ownership']));
    expect(schema.required).not.toContain('deposit');
    expect(schema.properties.client.required).toContain('phone');
    expect(schema.properties.deposit.properties.percent).toMatchObject({ minimum: 1, maximum: 100 });
    expect(schema.required).not.toContain('paperSize');
    expect(schema.properties.paperSize).toMatchObject({ enum: ['letter', 'a4'] });
  });

  it('GET /api/schema offers the money-and-endings answers, all optional', async () => {
    const schema = (await app.inject({ method: 'GET', url: '/api/schema' })).json();
    const project = schema.properties.project;
    expect(project.properties.acceptanceDays).toMatchObject({ minimum: 1, maximum: 60 });
    expect(project.required).not.toContain('acceptanceDays');
    const fees = schema.properties.fee.oneOf ?? schema.properties.fee.anyOf;
    const byModel = (model: string) => fees.find((variant: { properties: { model: { const: string } } }) => variant.properties.model.const === model);
    for (const model of ['fixed', 'hourly', 'retainer']) {
      // A rate, or null for none (turning off the 消費税 a Japanese contract adds by default).
      const tax = byModel(model).properties.tax.anyOf;
      expect(tax.find((variant: { type: string }) => variant.type === 'object').properties).toMatchObject({ label: { type: 'string' }, percent: { type: 'number' } });
      expect(tax).toContainEqual({ type: 'null' });
      expect(byModel(model).properties.paymentMethod).toMatchObject({ type: 'string' });
      expect(byModel(model).required).not.toContain('tax');
    }
    expect(byModel('retainer').properties.noticeDays).toMatchObject({ minimum: 1, maximum: 180 });
    expect(byModel('fixed').properties.noticeDays).toBeUndefined();
    expect(schema.properties.ownership.properties.licence).toMatchObject({ enum: ['non-exclusive', 'exclusive'] });
  });

  it('GET /openapi.json describes POST /api/contracts with the answers body', async () => {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    const operation = doc.paths['/api/contracts'].post;
    expect(operation.requestBody.content['application/json'].schema.properties.fee).toBeDefined();
    expect(doc.paths['/api/clauses']).toBeDefined();
  });

  it('GET /docs serves the interactive documentation', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('malformed JSON says what is wrong', () => {
  const raw = (payload: string) =>
    app.inject({ method: 'POST', url: '/api/contracts', payload, headers: { 'content-type': 'application/json' } });

  it('a syntax error says where it is', async () => {
    const response = await raw('{"effectiveDate": "2026-12-01",}');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ title: 'Malformed JSON', detail: expect.stringMatching(/position \d+/) });
  });

  it('a "__proto__" key is refused by name, not called a syntax error', async () => {
    const body = JSON.stringify(sampleInput('new-client-fixed')).replace('{', '{"__proto__": {"polluted": true}, ');
    const response = await raw(body);
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain('"__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
