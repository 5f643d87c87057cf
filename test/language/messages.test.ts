// The message catalogues are checked at start-up like the clause library: a
// translation that misses a key, has one English does not, or uses a
// placeholder English does not fill stops the server with the file named.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/answers/schema.ts';
import { loadCatalogues, MESSAGES_DIR, messagesFor } from '../../src/language/messages.ts';
import { UNKNOWN_KEY_PARTS } from '../../src/language/unknown-keys.ts';
import { buildTestApp } from '../helpers/test-app.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of messages/ with ja.json changed. */
function catalogueWith(change: (ja: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'messages-'));
  dirs.push(dir);
  cpSync(MESSAGES_DIR, dir, { recursive: true });
  const ja = JSON.parse(readFileSync(join(dir, 'ja.json'), 'utf8'));
  change(ja);
  writeFileSync(join(dir, 'ja.json'), JSON.stringify(ja));
  return dir;
}

describe('the catalogues shipped', () => {
  it('load: Japanese has every key English has, and no other', () => {
    const catalogues = loadCatalogues();
    expect(catalogues.ja.t('step.you.title')).toBe('あなた（受託者）について');
    expect(catalogues.en.t('step.you.title')).toBe('About you');
  });

  it('fill placeholders and choose plural forms', () => {
    const en = messagesFor('en');
    expect(en.t('answers.unit.days', { count: 1 })).toBe('1 day');
    expect(en.t('answers.unit.days', { count: 14 })).toBe('14 days');
    expect(messagesFor('ja').t('answers.unit.days', { count: 1 })).toBe('1日');
    expect(en.t('step.caption', { number: 2, count: 9 })).toBe('Step 2 of 9');
  });

  it('an unknown key in the code is an error, not a blank on a page', () => {
    expect(() => messagesFor('ja').t('no.such.key')).toThrow(/No message "no.such.key" in the ja catalogue/);
  });
});

/** Every sentence of a catalogue file whose key starts with one of `prefixes`, plural forms each on their own. */
function sentencesOf(language: string, prefixes: readonly string[]): [string, string][] {
  const catalogue = JSON.parse(readFileSync(join(MESSAGES_DIR, `${language}.json`), 'utf8')) as Record<string, string | Record<string, string>>;
  return Object.entries(catalogue)
    .filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix)))
    .flatMap(([key, value]) => (typeof value === 'string' ? [[key, value] as [string, string]] : Object.values(value).map((text) => [key, text] as [string, string])));
}

/**
 * English left in a sentence: two English words in a row, once placeholders,
 * quoted field names ("deposit", 「answers」) and JSON examples are set aside.
 * Single code words a client types (kind, final: true, JSON) are allowed.
 */
function englishIn(text: string): string | undefined {
  const bare = text
    .replace(/\{[A-Za-z]+\}/g, ' ')
    .replace(/\{ ".*?\}/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/「[^」]*」/g, ' ');
  return /[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}/.exec(bare)?.[0];
}

describe('the letters\', invoices\' and calendar\'s field messages are Japanese in ja.json', () => {
  const PREFIXES = ['letterRequest.', 'invoiceRequest.', 'scheduleRequest.'];

  it('every sentence is Japanese: Japanese characters, and no English words left in it', () => {
    const sentences = sentencesOf('ja', PREFIXES);
    expect(sentences.length).toBeGreaterThan(100);
    for (const [key, text] of sentences) {
      expect({ key, japanese: /[\u3040-\u30ff\u4e00-\u9fff]/.test(text) }).toEqual({ key, japanese: true });
      expect({ key, english: englishIn(text) }).toEqual({ key, english: undefined });
    }
  });

  it('the check finds the English ones (it would catch a sentence left untranslated)', () => {
    expect.hasAssertions();
    for (const [key, text] of sentencesOf('en', PREFIXES)) expect({ key, english: englishIn(text) }).not.toEqual({ key, english: undefined });
  });

  it('each part\'s sentence for an unknown field is its own, in every language, so the edge can tell them apart', () => {
    expect.hasAssertions();
    for (const language of LANGUAGES) {
      const sentences = UNKNOWN_KEY_PARTS.map((part) => messagesFor(language).t(`${part}.unknownField`));
      expect(new Set(sentences).size).toBe(UNKNOWN_KEY_PARTS.length);
    }
  });
});

describe('a broken catalogue stops start-up with the file and key named', () => {
  it('a key missing from ja.json', async () => {
    const dir = catalogueWith((ja) => delete ja['step.you.title']);
    expect(() => loadCatalogues(dir)).toThrow(/ja\.json: missing the key "step\.you\.title"/);
    await expect(buildTestApp({ messagesDir: dir })).rejects.toThrow(/ja\.json: missing the key "step\.you\.title"/);
  });

  it('a key English does not have (a misspelling)', () => {
    const dir = catalogueWith((ja) => {
      ja['step.you.titel'] = 'あなたについて';
    });
    expect(() => loadCatalogues(dir)).toThrow(/ja\.json: unknown key "step\.you\.titel"/);
  });

  it('a placeholder English does not fill', () => {
    const dir = catalogueWith((ja) => {
      ja['step.caption'] = 'ステップ {numbr}／{count}';
    });
    expect(() => loadCatalogues(dir)).toThrow(/"step\.caption" uses \{numbr\}/);
  });

  it('a value that is not a sentence', () => {
    const dir = catalogueWith((ja) => {
      ja['common.yes'] = 1;
    });
    expect(() => loadCatalogues(dir)).toThrow(/"common\.yes" must be a sentence/);
  });

  it('a language without its file', () => {
    const dir = catalogueWith(() => {});
    rmSync(join(dir, 'ja.json'));
    expect(() => loadCatalogues(dir)).toThrow(/ja\.json: the catalogue for "ja" is missing/);
  });
});
