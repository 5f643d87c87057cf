// Signing across instances: two app processes on one throwaway PostgreSQL,
// each with a DATA_DIR of its own, so the record, the signing key and the
// signed file can only be shared through the database. Sent on one, signed
// on the other, the same signed file from both, verified on either; the
// zone chosen on one is the zone the other's certificate prints, and a PDF
// downloaded from one is in the record the other shows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpVisitor } from '../helpers/http-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';
import { startServer, stopServer, type ServerProcess } from '../helpers/server-process.ts';
import { startPostgres, type ThrowawayPostgres } from '../helpers/throwaway-servers.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
let postgres: ThrowawayPostgres;
let instances: ServerProcess[] = [];
const dataDirs: string[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  const databaseUrl = await postgres.createDatabase('signing');
  const env = () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'scale-signing-'));
    dataDirs.push(dataDir);
    // No rate limit: this file is about where the record lives, not about budgets.
    return { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' };
  };
  // Started at once: one of them makes the signing key, both use it.
  instances = await Promise.all([startServer(env(), { build: 'compiled' }), startServer(env(), { build: 'compiled' })]);
});
afterAll(async () => {
  await Promise.all(instances.map((instance) => stopServer(instance)));
  await postgres?.stop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

const path = (url: string) => new URL(url).pathname;

describe('signing on two instances that share one PostgreSQL', () => {
  it('publishes the same key on both', async () => {
    const keys = await Promise.all(instances.map(async (instance) => (await fetch(`${instance.url}/.well-known/contract-kit-keys.json`)).json()));
    expect(keys[0]).toEqual(keys[1]);
  });

  it('a contract sent on one instance is signed on the other, and the signed file verifies on either', async () => {
    const answers = sampleInput('new-client-fixed') as { freelancer: { name: string }; client: { name: string } };
    const sent = await fetch(`${instances[0]!.url}/api/engagements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers, sign: { name: answers.freelancer.name, title: 'Owner' }, timeZone: 'Europe/Berlin' }),
    });
    expect(sent.status).toBe(201);
    const { links, documentHash } = (await sent.json()) as { links: { client: string; freelancer: string }; documentHash: string };

    const client = new HttpVisitor(instances[1]!.url);
    expect((await client.get(path(links.client))).status).toBe(200);
    const signed = await client.post(path(links.client), { name: answers.client.name, title: 'Owner', authority: 'yes', agree: 'yes' });
    expect(signed.status, signed.body.slice(0, 300)).toBe(303);

    const files = await Promise.all(instances.map(async (instance) => Buffer.from(await (await fetch(`${instance.url}${path(links.freelancer)}/signed.docx`)).arrayBuffer())));
    expect(Buffer.compare(files[0]!, files[1]!)).toBe(0);
    for (const instance of instances) {
      const verdict = await fetch(`${instance.url}/api/verify`, { method: 'POST', headers: { 'content-type': DOCX }, body: files[0] });
      expect(await verdict.json()).toMatchObject({ valid: true, sealed: true, problems: [], certificate: { documentHash, timeZone: 'Europe/Berlin' } });
    }

    const pdf = await fetch(`${instances[0]!.url}${path(links.client)}/signed.pdf`);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const record = (await (await fetch(`${instances[1]!.url}${path(links.freelancer)}/certificate.json`)).json()) as { timeZone: string; events: { type: string; data: { file?: string } }[] };
    expect(record.timeZone).toBe('Europe/Berlin');
    expect(record.events.at(-1)).toMatchObject({ type: 'downloaded', data: { file: 'signed-pdf' } });
  });
});
