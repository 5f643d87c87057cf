// The signing settings (docs/settings.md), read by the real src/config.ts and
// shown at work on the app built from them: the key given in SIGNING_KEY is
// the one published and the one that seals, and ENGAGEMENT_RETENTION_YEARS
// sets how long a sent contract is kept.
import { readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { readConfig } from '../../src/config.ts';
import { newSigningKeyPem, signingKeyFromPem } from '../../src/engagements/seal.ts';
import { buildTestApp, tempDataDir } from '../helpers/test-app.ts';

const example = JSON.parse(readFileSync(new URL('../fixtures/product-examples/new-client-fixed.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const apps: FastifyInstance[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function appFrom(env: Record<string, string>) {
  const dataDir = tempDataDir('signing-settings');
  dirs.push(dataDir);
  const app = await buildTestApp({ ...readConfig(env), dataDir, rateLimitPerMinute: 0, logLevel: 'silent' });
  apps.push(app);
  return app;
}

describe('signing settings', () => {
  it('keeps a sent contract 7 years by default', async () => {
    expect(readConfig({}).engagementRetentionYears).toBe(7);
    expect(readConfig({}).signingKey).toBeUndefined();
  });

  it('ENGAGEMENT_RETENTION_YEARS sets how long a sent contract is kept', async () => {
    const app = await appFrom({ ENGAGEMENT_RETENTION_YEARS: '10' });
    const sent = await app.inject({ method: 'POST', url: '/api/engagements', payload: { answers: example } });
    const engagement = await app.engagements.get(sent.json().id);
    expect(new Date(engagement!.retainUntil).getUTCFullYear() - new Date(engagement!.createdAt).getUTCFullYear()).toBe(10);
  });

  it('refuses a retention that is not a whole number of years, naming the setting', () => {
    expect(() => readConfig({ ENGAGEMENT_RETENTION_YEARS: '0' })).toThrow(/ENGAGEMENT_RETENTION_YEARS must be a whole number of at least 1/);
    expect(() => readConfig({ ENGAGEMENT_RETENTION_YEARS: 'seven' })).toThrow(/ENGAGEMENT_RETENTION_YEARS/);
  });

  it('SIGNING_KEY, given on one line with \\n for its line breaks, is the key published', async () => {
    const pem = newSigningKeyPem();
    const app = await appFrom({ SIGNING_KEY: pem.replaceAll('\n', '\\n') });
    const published = (await app.inject({ method: 'GET', url: '/.well-known/contract-kit-keys.json' })).json();
    expect(published.keys[0].kid).toBe(signingKeyFromPem(pem).keyId);
  });

  it('without SIGNING_KEY, a key is made once and kept in DATA_DIR: a restart publishes the same one', async () => {
    const dataDir = tempDataDir('signing-key');
    dirs.push(dataDir);
    const kid = async () => {
      const app = await buildTestApp({ dataDir });
      const key = (await app.inject({ method: 'GET', url: '/.well-known/contract-kit-keys.json' })).json().keys[0].kid;
      await app.close();
      return key;
    };
    expect(await kid()).toBe(await kid());
  });

  it('refuses a SIGNING_KEY that is not an Ed25519 private key, naming the setting', () => {
    expect(() => readConfig({ SIGNING_KEY: 'not a key' })).toThrow(/^SIGNING_KEY: The signing key is not a PEM private key \(PKCS#8/);
  });
});
