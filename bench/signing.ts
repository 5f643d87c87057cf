// What signing costs: the client's "Sign" request, which appends the
// signature and `completed`, seals the record, renders the signed Word file
// and stores it, timed through app.inject over 15 engagements; and how much
// the certificate adds to the file. Run: npx tsx bench/signing.ts
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/web/app.ts';

const ROUNDS = 15;
const dir = mkdtempSync(join(tmpdir(), 'bench-signing-'));
const app = await buildApp({ dataDir: dir, rateLimitPerMinute: 0, logLevel: 'silent' });
const answers = JSON.parse(readFileSync(new URL('../test/fixtures/product-examples/new-client-fixed.json', import.meta.url), 'utf8')) as unknown;
const times: number[] = [];
let sizes = { contractBytes: 0, signedFileBytes: 0 };
try {
  for (let round = 0; round < ROUNDS; round++) {
    const sent = (await app.inject({ method: 'POST', url: '/api/engagements', payload: { answers, sign: { name: 'Freelancer Name' } } })).json() as { id: string; links: { client: string } };
    const path = new URL(sent.links.client).pathname;
    const page = await app.inject({ method: 'GET', url: path });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookie = page.cookies.map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const started = performance.now();
    const signed = await app.inject({
      method: 'POST',
      url: path,
      payload: new URLSearchParams({ _csrf: token, name: 'Client Name', title: 'Owner', authority: 'yes', agree: 'yes' }).toString(),
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    times.push(performance.now() - started);
    if (signed.statusCode !== 303) throw new Error(`signing answered ${signed.statusCode}`);
    const engagement = (await app.engagements.get(sent.id))!;
    sizes = { contractBytes: engagement.document.length, signedFileBytes: (await app.engagements.sealOf(sent.id))!.signedFile.length };
  }
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ rounds: ROUNDS, signAndSealMs: { min: Math.round(times[0]!), median: Math.round(times[Math.floor(ROUNDS / 2)]!), max: Math.round(times.at(-1)!) }, ...sizes }));
