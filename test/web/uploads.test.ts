// "Continue from a file" meets hostile files: zip bombs, a zip directory of
// thousands of entries, a file over the size limit, a file that only pretends
// to be a Word file. Each gets a plain sentence on the home page, quickly,
// and the server goes on serving.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWERS_NAMESPACE, ANSWERS_UNZIP_LIMITS, isCustomXmlItem, MAX_ANSWERS_PART_BYTES } from '../../src/render/embedded-answers.ts';
import { safeUnzip } from '../../src/render/safe-unzip.ts';
import { buildApp } from '../../src/web/app.ts';
import { InjectVisitor } from '../helpers/inject-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';
import { rawZip, spacesDeflated } from '../helpers/zip-bombs.ts';

const MB = 1024 * 1024;
let dataDir: string;
let app: FastifyInstance;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'uploads-'));
  app = await buildApp({ dataDir, rateLimitPerMinute: 0 });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Uploads a file from the home page; expects the home page again with a plain message. */
async function expectRefused(fileName: string, content: Uint8Array | string, message: RegExp) {
  const visitor = new InjectVisitor(app);
  await visitor.get('/');
  const posted = await visitor.upload(fileName, content);
  // Post/Redirect/Get: the home page's GET says why, so Back and reload never send the file again.
  expect(posted.statusCode).toBe(303);
  expect(posted.headers.location).toBe('/#upload');
  const response = await visitor.get('/');
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('text/html');
  expect(response.body).toContain('That file could not be used');
  expect(response.body).toMatch(message);
  expect(response.body).toContain('Start a new contract');
  expect(response.body).not.toMatch(/node_modules|\.ts:\d+|\n\s+at |ZipRefused|RangeError/);
  // The server is still up and still serves the wizard.
  expect((await new InjectVisitor(app).get('/')).statusCode).toBe(200);
}

const NOT_OURS = /not made by this app/;
const answersItem = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><answers xmlns="${ANSWERS_NAMESPACE}" version="1">${body}</answers>`;

describe('an uploaded Word file is read safely', () => {
  it('a custom XML part that inflates beyond the bound is refused, not inflated', async () => {
    // 1 kB a megabyte: 8 MB of spaces in our answers element, honestly declared.
    const inflated = 8 * MB;
    const data = await spacesDeflated(8);
    const zip = rawZip([{ name: 'customXml/item1.xml', data, claimedSize: inflated }]);
    expect(inflated).toBeGreaterThan(MAX_ANSWERS_PART_BYTES);
    await expectRefused('contract.docx', zip, /a part too large/);
  });

  it('a part that claims 64 bytes but inflates to 500 MB is stopped at 64', async () => {
    const zip = rawZip([{ name: 'customXml/item1.xml', data: await spacesDeflated(500), claimedSize: 64 }]);
    expect(zip.length).toBeLessThan(MB);
    await expectRefused('contract.docx', zip, NOT_OURS);
  }, 20_000);

  it('hundreds of parts each just under the bound cost no more than the bound in all', async () => {
    // 400 parts of the bound each: 100 MB from a small upload if each part were read.
    const size = MAX_ANSWERS_PART_BYTES; // each part is within the per-part bound
    const data = await spacesDeflated(size / MB);
    expect(size).toBeLessThanOrEqual(MAX_ANSWERS_PART_BYTES);
    const zip = rawZip(Array.from({ length: 400 }, (_, i) => ({ name: `customXml/item${i + 1}.xml`, data, claimedSize: size })));
    expect(zip.length).toBeLessThan(MB);
    await expectRefused('contract.docx', zip, /a part too large/);
    // What the reader inflates, counted exactly (not the process's memory, which the GC blurs):
    // two parts, twice the bound, then every other part is skipped unread.
    const read = safeUnzip(zip, isCustomXmlItem, ANSWERS_UNZIP_LIMITS);
    expect(read.skippedTooLarge).toBe(true);
    expect([...read.files.values()].reduce((sum, part) => sum + part.length, 0)).toBe(2 * size);
    expect(2 * size).toBeLessThanOrEqual(ANSWERS_UNZIP_LIMITS.maxTotalBytes);
  });

  it('a zip of thousands of entries is walked only to a bound', async () => {
    const files: Zippable = {};
    for (let i = 0; i < 11_000; i++) files[i.toString(36)] = new Uint8Array();
    const zip = zipSync(files, { level: 0 });
    expect(zip.length).toBeLessThan(MB);
    await expectRefused('contract.docx', zip, NOT_OURS);
  });

  it('thousands of entries within the bound do not stop a real answers part from being read', async () => {
    const files: Zippable = { 'customXml/item1.xml': strToU8(answersItem(JSON.stringify(sampleInput('new-client-fixed')))) };
    for (let i = 0; i < 5_000; i++) files[`junk/${i}`] = new Uint8Array();
    const visitor = new InjectVisitor(app);
    await visitor.get('/');
    const response = await visitor.upload('contract.docx', zipSync(files));
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/^\/wizard\/[A-Za-z0-9_-]+\/review$/);
  });

  it('a file over the upload limit gets the size in words', async () => {
    const big = Buffer.alloc(MB + 200_000, 0x41);
    big.write('PK\u0003\u0004', 0, 'latin1');
    await expectRefused('contract.docx', big, /larger than 1 MB/);
  });

  it('a file that is not a zip but is named .docx', async () => {
    // A PDF is read for the answers a PDF from this app carries; this one has none.
    await expectRefused('contract.docx', '%PDF-1.7\n%\u00e2\u00e3 not a Word file', /This PDF was not made by this app/);
    await expectRefused('contract.docx', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x80, 0x81]), /neither an answers file nor a Word file/);
    // Starts like a zip and then is not one.
    await expectRefused('contract.docx', Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(4096, 7)]), NOT_OURS);
  });
});

describe('the upload limit a user is told', () => {
  it('follows BODY_LIMIT_BYTES', async () => {
    const small = await buildApp({ dataDir: mkdtempSync(join(tmpdir(), 'uploads-limit-')), rateLimitPerMinute: 0, bodyLimitBytes: 256 * 1024 });
    const visitor = new InjectVisitor(small);
    expect((await visitor.get('/')).body).toContain('256 kB');
    const refused = await visitor.sendFile('contract.docx', Buffer.alloc(300 * 1024, 1));
    expect(refused.body).toContain('larger than 256 kB');
    await small.close();
  });
});

describe('the upload form itself is bounded', () => {
  it('a text field beyond 1,024 characters is refused with a plain sentence, not buffered or read as a shorter value', async () => {
    const visitor = new InjectVisitor(app);
    await visitor.get('/');
    // The home page's form sends only the token and the file; a browser never sends this field.
    const response = await visitor.upload('answers.json', JSON.stringify(sampleInput('new-client-fixed')), { fields: { note: 'x'.repeat(1025) } });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('longer than 1,024 characters');
    expect(response.body).not.toMatch(/node_modules|\.ts:\d+|\n\s+at |FST_/);
    expect((await new InjectVisitor(app).get('/')).statusCode).toBe(200);
  });
});

describe('the upload form sends its token and one file, nothing more', () => {
  const BOUNDARY = '----limits';
  const part = (name: string, value: string, fileName?: string) =>
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${fileName ? `; filename="${fileName}"\r\nContent-Type: application/json` : ''}\r\n\r\n${value}\r\n`;
  const answersFile = JSON.stringify(sampleInput('new-client-fixed'));

  /** Posts hand-made multipart parts to /import with a fresh visitor's cookie; `token` is that visitor's CSRF token. */
  async function postParts(parts: (token: string) => string[]) {
    const visitor = new InjectVisitor(app);
    await visitor.get('/');
    return app.inject({
      method: 'POST',
      url: '/import',
      payload: `${parts(visitor.token).join('')}--${BOUNDARY}--\r\n`,
      headers: { cookie: visitor.cookieHeader, accept: 'text/html', 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    });
  }

  it('the home page form as a browser sends it is read', async () => {
    const response = await postParts((token) => [part('_csrf', token), part('file', answersFile, 'answers.json')]);
    expect(response.statusCode).toBe(303);
  });

  it.each([
    ['a second file', (token: string) => [part('_csrf', token), part('file', answersFile, 'a.json'), part('file', answersFile, 'b.json')]],
    ['a field after the file', (token: string) => [part('_csrf', token), part('file', answersFile, 'a.json'), part('note', 'x')]],
    ['two more fields before the file', (token: string) => [part('_csrf', token), part('a', '1'), part('b', '2'), part('file', answersFile, 'a.json')]],
    ['fifty parts', (token: string) => [part('_csrf', token), ...Array.from({ length: 50 }, (_, index) => part(`f${index}`, 'x')), part('file', answersFile, 'a.json')]],
  ])('%s: refused with 413 and a plain sentence, no draft made', async (_what, parts) => {
    const response = await postParts(parts);
    expect(response.statusCode).toBe(413);
    expect(response.headers.location).toBeUndefined();
    expect(response.body).toContain('more than its token and one file');
    expect(response.body).not.toMatch(/node_modules|\.ts:\d+|\n\s+at |FST_/);
    expect((await new InjectVisitor(app).get('/')).statusCode).toBe(200);
  });
});

describe('an invoice made here, which holds no answers', () => {
  const made = async (url: string, payload: object) => (await app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } })).rawPayload;

  it('an invoice made here is named as an invoice, not "not made by this app"', async () => {
    const invoice = await made('/api/invoices', { answers: sampleInput('new-client-fixed'), invoice: { kind: 'deposit', number: 'INV-2026-001', issuedOn: '2026-12-01' } });
    await expectRefused('invoice.docx', invoice, /This is an invoice made here: invoices hold no answers to continue from\./);
    const visitor = new InjectVisitor(app);
    await visitor.get('/');
    expect((await visitor.sendFile('invoice.docx', invoice)).body).not.toContain('not made by this app');
  });
});

describe('answers with far too many keys (issue 24, finding 3)', () => {
  // 20,000 unknown keys fit easily under the 256 kB part bound; validated, they
  // cost seconds and a page of problems as long as the file.
  const manyKeys = () => {
    const answers: Record<string, unknown> = { ...sampleInput('new-client-fixed') };
    for (let i = 0; i < 20_000; i++) answers[`k${i}`] = 0;
    return JSON.stringify(answers);
  };
  const TOO_MANY = /more than 100 keys or a list of more than 1,?000 items/;

  it('an answers file (.json) is refused before validation, with a sentence and no list of problems', async () => {
    const text = manyKeys();
    expect(text.length).toBeLessThan(MAX_ANSWERS_PART_BYTES);
    await expectRefused('answers.json', text, TOO_MANY);
    const visitor = new InjectVisitor(app);
    await visitor.get('/');
    expect((await visitor.upload('answers.json', text)).body).not.toMatch(/k19999|need fixing/);
  });

  it('so are the answers inside a Word file', async () => {
    const files: Zippable = { 'customXml/item1.xml': strToU8(answersItem(manyKeys())) };
    await expectRefused('contract.docx', zipSync(files), TOO_MANY);
  });

  it('a list of two thousand deliverables is refused the same way', async () => {
    const answers = { ...sampleInput('new-client-fixed'), deliverables: Array.from({ length: 2_000 }, () => 'x') };
    await expectRefused('answers.json', JSON.stringify(answers), TOO_MANY);
  });
});
