// Sending a contract for signature and signing it, through HTTP as the
// freelancer, the client and a verifier see it: links that open the right
// page and nothing else, a record of every view and signature, one signed
// file for both, and a check that accepts it and refuses a changed byte.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { main as verifyCommand } from '../../src/engagements/verify-command.ts';
import { readEmbeddedAnswers } from '../../src/render/embedded-answers.ts';
import { loggedPath } from '../../src/web/log-redaction.ts';
import { InjectVisitor } from '../helpers/inject-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';
import { buildTestApp, tempDataDir } from '../helpers/test-app.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const example = JSON.parse(readFileSync(new URL('../fixtures/product-examples/new-client-fixed.json', import.meta.url), 'utf8')) as Record<string, any>;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let app: FastifyInstance;
let dataDir: string;
beforeEach(async () => {
  dataDir = tempDataDir('engagements');
  app = await buildTestApp({ dataDir });
});
afterEach(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const textOf = (docx: Uint8Array) => strFromU8(unzipSync(docx)['word/document.xml']!).replace(/<[^>]+>/g, '');

const FREELANCER = example.freelancer.name as string;
const CLIENT = example.client.name as string;

async function send(answers: Record<string, unknown> = example, sign: Record<string, string> | undefined = { name: FREELANCER, title: 'Owner' }) {
  const response = await app.inject({ method: 'POST', url: '/api/engagements', payload: { answers, ...(sign ? { sign } : {}) }, headers: { 'user-agent': 'freelancer-script/1.0' } });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json() as { id: string; links: { client: string; freelancer: string }; documentHash: string; status: { state: string } };
  return { ...body, clientPath: new URL(body.links.client).pathname, ownerPath: new URL(body.links.freelancer).pathname };
}

async function clientSigns(clientPath: string, fields: Record<string, string> = {}) {
  const client = new InjectVisitor(app, { 'user-agent': 'client-browser/2.0' });
  const page = await client.get(clientPath);
  expect(page.statusCode).toBe(200);
  const signed = await client.post(clientPath, { name: CLIENT, title: 'Owner', authority: 'yes', agree: 'yes', ...fields });
  return { client, page, signed };
}

describe('sending a contract for signature', () => {
  it('answers with two unguessable links, the document hash and the freelancer already signed', async () => {
    const sent = await send();
    expect(sent.clientPath).toMatch(/^\/sign\/[\w-]{32}$/);
    expect(sent.ownerPath).toMatch(/^\/engagements\/[\w-]{32}$/);
    expect(sent.documentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(sent.status.state).toBe('sent');
    const owner = await app.inject({ method: 'GET', url: sent.ownerPath, headers: { accept: 'text/html' } });
    expect(owner.body).toContain(`/s/ ${FREELANCER}, Owner`);
    // Without JavaScript the link is a read-only box to select; the Copy button waits, hidden, for the script.
    expect(owner.body).toMatch(/<input[^>]*id="client-link"[^>]*readonly/);
    expect(owner.body).toMatch(/<button[^>]*data-copy="client-link"[^>]*data-copied="Copied the link."[^>]*hidden>Copy the link<\/button>/);
    expect(owner.body).toContain('<script src="/assets/wizard.js" defer></script>');
  });

  it('refuses answers that are not valid with a problem naming the field', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/engagements', payload: { answers: { ...example, client: { ...example.client, email: 'nope' } } } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors.map((error: { path: string }) => error.path)).toContain('answers.client.email');
  });

  it('refuses a signature with no name, naming the field', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/engagements', payload: { answers: example, sign: { name: '  ' } } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: 'sign.name', message: 'Type your full name to sign.' }]);
  });

  it('opens nothing with a guessed or wrong-kind link, and never lists engagements', async () => {
    const sent = await send();
    for (const url of ['/sign/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', `/sign/${sent.id}`, `/sign/${sent.ownerPath.split('/')[2]}`, `/engagements/${sent.clientPath.split('/')[2]}`, '/engagements', '/api/engagements']) {
      const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(404);
    }
  });

  it('never writes a link into the logs', () => {
    expect(loggedPath('/sign/abcdefghijklmnopqrstuvwxyz012345?x=1')).toBe('/sign/…');
    expect(loggedPath('/engagements/abcdefghijklmnopqrstuvwxyz012345/signed.docx')).toBe('/engagements/…/signed.docx');
    expect(loggedPath('//%73ign/abcdefghijklmnopqrstuvwxyz012345')).toBe('/sign/…');
  });

  it('publishes the public key as a JSON Web Key set', async () => {
    const response = await app.inject({ method: 'GET', url: '/.well-known/contract-kit-keys.json' });
    expect(response.statusCode).toBe(200);
    expect(response.json().keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: expect.any(String), x: expect.any(String) })]);
  });
});

describe('the client signs', () => {
  it('shows the whole contract, the exact file to download and the consent sentence', async () => {
    const sent = await send();
    const client = new InjectVisitor(app);
    const page = await client.get(sent.clientPath);
    expect(page.body).toContain('Freelance Services Agreement');
    expect(page.body).toContain('I agree to sign this contract electronically');
    expect(page.body).toContain(sent.documentHash);
    const file = await client.get(`${sent.clientPath}/contract.docx`);
    expect(file.headers['content-type']).toBe(DOCX);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(sent.documentHash);
  });

  it('asks again beside the field when the name is missing or the consent not ticked', async () => {
    const sent = await send();
    const client = new InjectVisitor(app);
    await client.get(sent.clientPath);
    const response = await client.post(sent.clientPath, { name: '' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Type your full name to sign.');
    expect(response.body).toContain('Tick the box to agree to sign electronically.');
    expect(response.body).toContain('href="#sign-name"');
  });

  it('asks the signer to confirm they may sign for the business', async () => {
    const sent = await send();
    const { signed } = await clientSigns(sent.clientPath, { authority: '' });
    expect(signed.statusCode).toBe(400);
    expect(signed.body).toContain('Confirm that you may sign for Harbor Coffee Co.');
  });

  it('refuses a form without its CSRF token', async () => {
    const sent = await send();
    const client = new InjectVisitor(app);
    await client.get(sent.clientPath);
    expect((await client.post(sent.clientPath, { name: CLIENT, title: 'Owner', authority: 'yes', agree: 'yes' }, { token: null })).statusCode).toBe(403);
  });

  it('gives both parties the same signed file, with both "/s/" lines and the certificate with the document hash', async () => {
    const sent = await send();
    const { client, signed } = await clientSigns(sent.clientPath);
    expect(signed.statusCode).toBe(303);
    const page = await client.get(String(signed.headers.location));
    expect(page.body).toContain('Signed by both');
    const clientFile = (await client.get(`${sent.clientPath}/signed.docx`)).rawPayload;
    const ownerFile = (await app.inject({ method: 'GET', url: `${sent.ownerPath}/signed.docx` })).rawPayload;
    expect(Buffer.compare(clientFile, ownerFile)).toBe(0);
    const text = textOf(clientFile);
    expect(text).toContain(`/s/ ${FREELANCER}`);
    expect(text).toContain(`/s/ ${CLIENT}`);
    expect(text).toContain('signed electronically');
    expect(text).toContain('Signature certificate');
    expect(text).toContain(sent.documentHash);
    // Its answers still load back into the wizard.
    expect(readEmbeddedAnswers(clientFile)).toMatchObject({ client: { name: CLIENT } });
  });

  it('gives both parties the signed contract as PDF too, once both have signed, beside the Word file, and records the download', async () => {
    const sent = await send();
    const early = await app.inject({ method: 'GET', url: `${sent.ownerPath}/signed.pdf` });
    expect(early.statusCode).toBe(404);
    const { client } = await clientSigns(sent.clientPath);
    const clientPage = await client.get(sent.clientPath);
    expect(clientPage.body).toContain(`<a class="button" href="${sent.clientPath}/signed.docx" download>Download the signed contract (Word)</a>`);
    expect(clientPage.body).toContain(`<a class="button button-secondary" href="${sent.clientPath}/signed.pdf" download>Download the signed contract (PDF)</a>`);
    const ownerPage = await app.inject({ method: 'GET', url: sent.ownerPath });
    expect(ownerPage.body).toContain(`<a href="${sent.ownerPath}/signed.pdf" download>Download the signed contract (PDF)</a>`);
    for (const pdf of [await client.get(`${sent.clientPath}/signed.pdf`), await app.inject({ method: 'GET', url: `${sent.ownerPath}/signed.pdf` })]) {
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(String(pdf.headers['content-disposition'])).toMatch(/-signed\.pdf"/);
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    const record = (await app.inject({ method: 'GET', url: `${sent.ownerPath}/certificate.json` })).json() as { events: { type: string; data: { party?: string; file?: string } }[] };
    expect(record.events.filter((event) => event.data.file === 'signed-pdf').map((event) => event.data.party)).toEqual(['client', 'freelancer']);
    const certificatePage = await app.inject({ method: 'GET', url: `${sent.ownerPath}/certificate` });
    expect(certificatePage.body).toContain('Client downloaded the signed contract as PDF');
  });

  it('lets the client ask for changes, which the freelancer sees', async () => {
    const sent = await send();
    const client = new InjectVisitor(app);
    await client.get(sent.clientPath);
    const asked = await client.post(`${sent.clientPath}/changes`, { message: 'Please make the deposit 30%.' });
    expect(asked.statusCode).toBe(303);
    const owner = await app.inject({ method: 'GET', url: sent.ownerPath, headers: { accept: 'text/html' } });
    expect(owner.body).toContain('Please make the deposit 30%.');
    expect(owner.body).toContain('Changes asked');
  });

  it('counts the client\'s views for the freelancer', async () => {
    const sent = await send();
    const client = new InjectVisitor(app);
    await client.get(sent.clientPath);
    await client.get(sent.clientPath);
    const record = (await app.inject({ method: 'GET', url: `${sent.ownerPath}/certificate.json` })).json() as { events: { type: string; data: { userAgent?: string } }[] };
    expect(record.events.filter((event) => event.type === 'viewed')).toHaveLength(2);
  });
});

describe('verification', () => {
  async function signedFile() {
    const sent = await send();
    const { client } = await clientSigns(sent.clientPath);
    return { sent, file: (await client.get(`${sent.clientPath}/signed.docx`)).rawPayload };
  }

  it('accepts the signed file and names its engagement and events', async () => {
    const { sent, file } = await signedFile();
    const response = await app.inject({ method: 'POST', url: '/api/verify', payload: file, headers: { 'content-type': DOCX } });
    expect(response.statusCode).toBe(200);
    const verdict = response.json();
    expect(verdict).toMatchObject({ valid: true, sealed: true, problems: [], engagement: sent.id });
    expect(verdict.certificate.events.map((event: { type: string }) => event.type)).toEqual(['created', 'signed', 'viewed', 'signed', 'completed']);
  });

  it('Continue from a file, given the signed file, says which signed engagement it is and that changes make a new contract', async () => {
    const { sent, file } = await signedFile();
    const visitor = new InjectVisitor(app);
    await visitor.get('/');
    const uploaded = await visitor.upload('signed.docx', file);
    expect(uploaded.statusCode).toBe(303);
    expect(String(uploaded.headers.location)).toMatch(new RegExp(`/review\\?signed=${sent.id}$`));
    const review = await visitor.get(String(uploaded.headers.location));
    expect(review.body).toContain('This is a signed contract');
    expect(review.body).toContain(`the contract signed by both parties in engagement ${sent.id} (version 1)`);
    expect(review.body).toContain('Harbor Coffee website redesign');
    // The query alone tells nothing: a draft with other answers does not show another engagement.
    const other = await app.drafts.create({ ...example, project: { ...example.project, name: 'Another site' } });
    const probe = await new InjectVisitor(app).get(`/wizard/${other.id}/review?signed=${sent.id}`);
    expect(probe.statusCode).toBe(200);
    expect(probe.body).not.toContain('This is a signed contract');
  });

  it('Continue from a file in Japanese names the engagement in Japanese', async () => {
    const japanese = sampleInput('ja/tokyo-fixed') as Record<string, any>;
    const sent = await send(japanese, { name: japanese.freelancer.name });
    const client = new InjectVisitor(app, { 'user-agent': 'client-browser/2.0' });
    await client.get(sent.clientPath);
    const signed = await client.post(sent.clientPath, { name: japanese.client.name, title: '代表取締役', authority: 'yes', agree: 'yes' });
    expect(signed.statusCode, signed.body).toBe(303);
    const file = (await client.get(`${sent.clientPath}/signed.docx`)).rawPayload;
    const visitor = new InjectVisitor(app);
    await visitor.get('/?lang=ja');
    const uploaded = await visitor.upload('signed.docx', file);
    const review = await visitor.get(String(uploaded.headers.location));
    expect(review.body).toContain('署名済みの契約書です');
    expect(review.body).toContain(`案件${sent.id}（第1版）で双方が署名した契約書です`);
  });

  it('refuses a copy with one changed byte, saying so', async () => {
    const { file } = await signedFile();
    const changed = Buffer.from(file);
    changed[Math.floor(changed.length / 2)]! ^= 0x01;
    const verdict = (await app.inject({ method: 'POST', url: '/api/verify', payload: changed, headers: { 'content-type': DOCX } })).json();
    expect(verdict.valid).toBe(false);
    expect(verdict.problems.join(' ')).toMatch(/not exactly the signed file|differs|not the signed file|no signature record/);
  });

  it('refuses a file whose record was edited in the database, naming the event', async () => {
    const { sent, file } = await signedFile();
    const db = new Database(join(dataDir, 'engagements.sqlite'));
    db.exec('DROP TRIGGER engagement_events_insert_only');
    db.prepare("UPDATE engagement_events SET data = replace(data, 'Harbor Coffee', 'Someone Else') WHERE engagement_id = ? AND type = 'signed'").run(sent.id);
    db.close();
    const verdict = (await app.inject({ method: 'POST', url: '/api/verify', payload: file, headers: { 'content-type': DOCX } })).json();
    expect(verdict.valid).toBe(false);
    expect(verdict.problems).toContain('In the record this server keeps: Event 4 (signed) was changed after it was recorded: its contents no longer match its hash.');
  });

  it('the verification page accepts the signed file and refuses one changed byte', async () => {
    const { file } = await signedFile();
    const visitor = new InjectVisitor(app);
    await visitor.get('/verify');
    const accepted = await visitor.upload('signed.docx', file, { url: '/verify' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.body).toContain('This is the signed file');
    const changed = Buffer.from(file);
    changed[100]! ^= 0x01;
    await visitor.get('/verify');
    const refused = await visitor.upload('signed.docx', changed, { url: '/verify' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('This file does not pass the check');
  });

  it('says why a file fails in the language of the page or of Accept-Language', async () => {
    const { file } = await signedFile();
    const changed = Buffer.from(file);
    changed[100]! ^= 0x01;
    const visitor = new InjectVisitor(app);
    await visitor.get('/verify?lang=ja');
    const refused = await visitor.upload('signed.docx', changed, { url: '/verify' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('このファイルは確認に通りませんでした');
    expect(refused.body).toMatch(/このファイルは署名されたファイルそのものではありません。SHA-256は[0-9a-f]{64}で、封印されたものは[0-9a-f]{64}です。少なくとも1バイトが変更されています。/);
    const api = (await app.inject({ method: 'POST', url: '/api/verify', payload: changed, headers: { 'content-type': DOCX, 'accept-language': 'ja' } })).json();
    expect(api.valid).toBe(false);
    expect(api.problems[0]).toMatch(/^このファイルは署名されたファイルそのものではありません。/);
    const english = (await app.inject({ method: 'POST', url: '/api/verify', payload: changed, headers: { 'content-type': DOCX } })).json();
    expect(english.problems[0]).toMatch(/^This file is not exactly the signed file: its SHA-256 is [0-9a-f]{64}, the sealed one is [0-9a-f]{64}\. At least one byte was changed\.$/);
  });

  it('names an edited event in Japanese on the Japanese page', async () => {
    const { sent, file } = await signedFile();
    const db = new Database(join(dataDir, 'engagements.sqlite'));
    db.exec('DROP TRIGGER engagement_events_insert_only');
    db.prepare("UPDATE engagement_events SET data = replace(data, 'Harbor Coffee', 'Someone Else') WHERE engagement_id = ? AND type = 'signed'").run(sent.id);
    db.close();
    const visitor = new InjectVisitor(app);
    await visitor.get('/verify?lang=ja');
    const refused = await visitor.upload('signed.docx', file, { url: '/verify' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('このサーバーが保管する記録：記録の4番目のイベント（署名）は記録された後に変更されています。内容がハッシュ値と一致しません。');
  });

  it('refuses a body that is not a Word file with a problem', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/verify', payload: { a: 1 } });
    expect(response.statusCode).toBe(415);
  });

  it('npm run verify accepts the signed file offline from the published key, and refuses the record once one event was edited in the database', async () => {
    const { sent, file } = await signedFile();
    const dir = mkdtempSync(join(tmpdir(), 'verify-command-'));
    const lines: string[] = [];
    const out = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    try {
      const keys = (await app.inject({ method: 'GET', url: '/.well-known/contract-kit-keys.json' })).body;
      writeFileSync(join(dir, 'keys.json'), keys);
      writeFileSync(join(dir, 'signed.docx'), file);
      expect(await verifyCommand([join(dir, 'signed.docx'), '--keys', join(dir, 'keys.json')], out)).toBe(0);
      expect(lines.at(-1)).toBe('OK: this is exactly the signed file, its record is whole and its seal holds.');
      // The client's typed name edited in the database itself: the server hands out the edited record, and the offline check names the event.
      const db = new Database(join(dataDir, 'engagements.sqlite'));
      db.exec('DROP TRIGGER engagement_events_insert_only');
      db.prepare("UPDATE engagement_events SET data = replace(data, ?, 'Someone Else') WHERE engagement_id = ? AND type = 'signed' AND data LIKE '%\"client\"%'").run(CLIENT, sent.id);
      db.close();
      const certificate = (await app.inject({ method: 'GET', url: `${sent.ownerPath}/certificate.json` })).json();
      expect(certificate.events[3].data.name).toBe('Someone Else');
      writeFileSync(join(dir, 'certificate.json'), JSON.stringify(certificate));
      expect(await verifyCommand([join(dir, 'certificate.json'), '--keys', join(dir, 'keys.json')], out)).toBe(1);
      expect(lines).toContain('FAILED: Event 4 (signed) was changed after it was recorded: its contents no longer match its hash.');
      const changed = Buffer.from(file);
      changed[200]! ^= 0x01;
      writeFileSync(join(dir, 'changed.docx'), changed);
      expect(await verifyCommand([join(dir, 'changed.docx'), '--keys', join(dir, 'keys.json')], out)).toBe(1);
      expect(lines.at(-1)).toMatch(/^FAILED: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the signature certificate as a page', () => {
  it('shows parties, every event with its time, the document hash, the seal and how to check, to the freelancer and to the client after signing', async () => {
    const sent = await send();
    const client = new InjectVisitor(app, { 'user-agent': 'client-browser/2.0' });
    const before = await client.get(`${sent.clientPath}/certificate`);
    expect(before.statusCode).toBe(303);
    await client.get(sent.clientPath);
    await client.post(sent.clientPath, { name: CLIENT, title: 'Owner', authority: 'yes', agree: 'yes' });
    const clientPage = await client.get(sent.clientPath);
    expect(clientPage.body).toContain(`href="${sent.clientPath}/certificate"`);
    const owner = await app.inject({ method: 'GET', url: sent.ownerPath });
    expect(owner.body).toContain(`href="${sent.ownerPath}/certificate"`);
    for (const page of [await client.get(`${sent.clientPath}/certificate`), await app.inject({ method: 'GET', url: `${sent.ownerPath}/certificate` })]) {
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<h1 class="heading-l">Signature certificate</h1>');
      expect(page.body).toContain(`<code class="hash" id="certificate-hash">${sent.documentHash}</code>`);
      expect(page.body).toContain(`/s/ ${FREELANCER}, Owner`);
      expect(page.body).toContain(`/s/ ${CLIENT}, Owner`);
      expect(page.body).toMatch(/Sealed at \d{4}-\d\d-\d\dT[\d:.]+Z with the server&#39;s Ed25519 key/);
      expect(page.body).toContain('href="/verify"');
      // A header row, then created, signed (freelancer), viewed, signed (client), completed, and the view after signing.
      expect(page.body.split('id="certificate-events"')[1]!.split('</table>')[0]!.match(/<tr>/g)).toHaveLength(7);
    }
  });

  it('is written in Japanese for a Japanese contract', async () => {
    const japanese = sampleInput('ja/tokyo-fixed') as Record<string, any>;
    const sent = await send(japanese, { name: japanese.freelancer.name });
    const page = await app.inject({ method: 'GET', url: `${sent.ownerPath}/certificate` });
    expect(page.body).toContain('<html lang="ja">');
    expect(page.body).toContain('確認の方法');
    expect(page.body).toContain(`/s/ ${japanese.freelancer.name}`);
  });
});

describe('a new version', () => {
  it('an old link says it was replaced, and by which version; the draft links to the latest', async () => {
    const visitor = new InjectVisitor(app);
    // Two sendings from one draft make versions 1 and 2.
    const draft = await app.drafts.create(example);
    await visitor.get(`/wizard/${draft.id}/review`);
    const first = await visitor.post(`/wizard/${draft.id}/send`, { name: FREELANCER });
    expect(first.statusCode).toBe(303);
    const firstOwner = String(first.headers.location);
    const firstEngagement = (await app.engagements.byOwnerKey(firstOwner.split('/')[2]!))!;
    await app.drafts.save(draft.id, { ...example, project: { ...example.project, name: 'Changed site' } });
    await visitor.get(`/wizard/${draft.id}/review`);
    const second = await visitor.post(`/wizard/${draft.id}/send`, { name: FREELANCER });
    expect(second.statusCode).toBe(303);
    const review = await visitor.get(`/wizard/${draft.id}/review`);
    expect(review.body).toContain('Version 2 was sent for signature');
    const oldPage = await new InjectVisitor(app).get(`/sign/${firstEngagement.clientKey}`);
    expect(oldPage.body).toContain('This version was replaced');
    expect(oldPage.body).toContain('version 2 replaces this one');
    expect(oldPage.body).not.toContain('name="agree"');
  });
});

describe('the record\'s time zone', () => {
  const sendWith = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/engagements', payload: { answers: example, ...payload } });
  const certificateOf = async (freelancerLink: string) =>
    (await app.inject({ method: 'GET', url: `${new URL(freelancerLink).pathname}/certificate.json` })).json() as { timeZone: string; timeZoneOffset: string; events: { type: string; data: { timeZone?: string } }[] };

  it('is the governing law\'s place\'s when the API is given none: Oregon is America/Los_Angeles, sealed in the first event', async () => {
    const response = await sendWith({});
    expect(response.statusCode).toBe(201);
    expect(response.json().timeZone).toBe('America/Los_Angeles');
    const certificate = await certificateOf(response.json().links.freelancer);
    expect(certificate.timeZone).toBe('America/Los_Angeles');
    // Pacific time is UTC-8, or UTC-7 in summer.
    expect(certificate.timeZoneOffset).toMatch(/^UTC-0[78]:00$/);
    expect(certificate.events[0]).toMatchObject({ type: 'created', data: { timeZone: 'America/Los_Angeles' } });
  });

  it('is Asia/Tokyo for a Japanese contract, printed with its offset on the certificate page', async () => {
    const japanese = sampleInput('ja/tokyo-fixed') as Record<string, any>;
    const sent = await send(japanese, { name: japanese.freelancer.name });
    const page = await app.inject({ method: 'GET', url: `${sent.ownerPath}/certificate` });
    expect(page.body).toContain('<p id="certificate-time-zone">日時は協定世界時（UTC）及び当事者の時間帯 Asia/Tokyo（送付時 UTC+09:00。各日時にその時点の時差を付記）で示す。</p>');
    expect(page.body).toMatch(/Asia\/Tokyo \(UTC\+09:00\)/);
  });

  it('takes the zone the API names, spelt as IANA spells it, and keeps a zone\'s other IANA name', async () => {
    const london = await sendWith({ timeZone: 'europe/london' });
    expect(london.statusCode).toBe(201);
    expect(london.json().timeZone).toBe('Europe/London');
    const described = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(described.paths['/api/engagements'].post.requestBody.content['application/json'].schema.properties)).toContain('timeZone');
    const kolkata = await sendWith({ timeZone: 'Asia/Kolkata' });
    expect(kolkata.json().timeZone).toBe('Asia/Kolkata');
    expect((await certificateOf(kolkata.json().links.freelancer)).timeZoneOffset).toBe('UTC+05:30');
  });

  it('refuses a zone that is not an IANA name with a problem naming the field', async () => {
    for (const timeZone of ['Mars/Olympus', '+05:00', 'Tokyo', '', 42]) {
      const response = await sendWith({ timeZone });
      expect(response.statusCode, String(timeZone)).toBe(400);
      expect(response.json().errors, String(timeZone)).toEqual([{ path: 'timeZone', message: 'Choose a time zone by its IANA name, such as America/New_York, Europe/London or Asia/Tokyo.' }]);
    }
  });

  it('is a field of the send form, set to the place\'s zone; the chosen zone is printed with its offset in the certificate and the signed Word file', async () => {
    const visitor = new InjectVisitor(app);
    const draft = await app.drafts.create(example);
    const review = await visitor.get(`/wizard/${draft.id}/review`);
    expect(review.body).toContain('<label class="label" for="send-time-zone">Time zone for the record</label>');
    expect(review.body).toContain('<option selected>America/Los_Angeles</option>');
    expect(review.body).toContain('<option>Asia/Tokyo</option>');
    const sentForm = await visitor.post(`/wizard/${draft.id}/send`, { name: FREELANCER, timeZone: 'Asia/Tokyo' });
    expect(sentForm.statusCode).toBe(303);
    const ownerPath = String(sentForm.headers.location);
    const engagement = (await app.engagements.byOwnerKey(ownerPath.split('/')[2]!))!;
    const client = new InjectVisitor(app);
    await client.get(`/sign/${engagement.clientKey}`);
    await client.post(`/sign/${engagement.clientKey}`, { name: CLIENT, title: 'Owner', authority: 'yes', agree: 'yes' });
    const sentence = "Times are in UTC and in the parties' time zone, Asia/Tokyo (UTC+09:00 when the contract was sent; each time shows its own offset).";
    const page = await app.inject({ method: 'GET', url: `${ownerPath}/certificate` });
    expect(page.body).toContain(sentence.replace("'", '&#39;'));
    const word = textOf((await app.inject({ method: 'GET', url: `${ownerPath}/signed.docx` })).rawPayload);
    expect(word).toContain(sentence);
    expect(word).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d Asia\/Tokyo \(UTC\+09:00\)/);
  });

  it('refuses a zone typed into the send form by hand, naming the field', async () => {
    const visitor = new InjectVisitor(app);
    const draft = await app.drafts.create(example);
    await visitor.get(`/wizard/${draft.id}/review`);
    const refused = await visitor.post(`/wizard/${draft.id}/send`, { name: FREELANCER, timeZone: 'Nowhere/Land' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Time zone for the record: Choose a time zone by its IANA name');
  });
});
