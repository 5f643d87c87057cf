// The letters' template library as the server meets it at start-up
// (src/letters/library.ts): the five letters load, and a folder holding a
// letter the product does not send, a letter with variants or a condition, or
// missing one of the five stops the server with the file (or folder) named.
// Each load happens inside its test, so the mutation run sees these checks
// (a library loaded in a describe body is loaded before a mutant is on).
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLAUSES_ROOT, ClauseTemplateError } from '../../src/clauses/load.ts';
import { loadJapaneseLetterLibrary } from '../../src/letters/edition-ja.ts';
import { assembleLetter } from '../../src/letters/assemble.ts';
import { loadLetterLibrary } from '../../src/letters/library.ts';
import { letterRequest } from '../helpers/letters.ts';
import { PROJECT_ROOT } from '../../src/project-root.ts';

const LETTERS = join(CLAUSES_ROOT, 'letters');
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A copy of the letters' folder (or `source`) with one file changed by `edit` (or removed when it returns undefined). */
function lettersWith(file: string, edit: (text: string) => string | undefined, source = LETTERS): string {
  const folder = mkdtempSync(join(tmpdir(), 'letters-'));
  folders.push(folder);
  cpSync(source, folder, { recursive: true });
  const path = join(folder, file);
  const edited = edit(readFileSync(path, 'utf8'));
  if (edited === undefined) unlinkSync(path);
  else writeFileSync(path, edited);
  return folder;
}

/** The file a template error names (the loader names it from the project's root, as a person reads it), in full. */
const namedFile = (error: ClauseTemplateError) => resolve(PROJECT_ROOT, error.file);

/** The error loading `folder` throws: a ClauseTemplateError, as the server prints it. */
function loadError(folder: string): ClauseTemplateError {
  try {
    loadLetterLibrary(folder);
  } catch (error) {
    if (error instanceof ClauseTemplateError) return error;
    throw error;
  }
  throw new Error(`${folder} loaded without an error`);
}

describe('the letters library', () => {
  it('loads the five letters the product sends, one template each, in the order they are sent', () => {
    const library = loadLetterLibrary();
    expect(library.clauses.map((letter) => letter.id)).toEqual(['final-check-in', 'work-paused', 'payment-reminder', 'late-notice', 'final-notice']);
    expect(library.clauses.map((letter) => letter.title)).toEqual(['Final check-in', 'Work paused', 'Payment reminder', 'Late payment notice', 'Final notice']);
  });

  it('refuses a letter the product does not send, naming its file and the letters it knows', () => {
    const folder = lettersWith('final-check-in.eta', (text) => text.replace('id: final-check-in', 'id: thank-you'));
    const error = loadError(folder);
    expect(namedFile(error)).toBe(join(folder, 'final-check-in.eta'));
    expect(error.message).toContain('id "thank-you" is not a letter the product sends (known: final-check-in, work-paused, payment-reminder, late-notice, final-notice)');
  });

  it('refuses a letter with a variant of its own: one file per letter', () => {
    const folder = lettersWith('work-paused.eta', (text) => text.replace('id: work-paused', 'id: work-paused\nvariant: polite'));
    const error = loadError(folder);
    expect(namedFile(error)).toBe(join(folder, 'work-paused.eta'));
    expect(error.message).toContain('letters have no variants: one file per letter');
  });

  it('refuses a letter sent only under a condition: letters always apply', () => {
    const folder = lettersWith('late-notice.eta', (text) => text.replace('id: late-notice', 'id: late-notice\nwhen:\n  fee.currency: USD'));
    const error = loadError(folder);
    expect(namedFile(error)).toBe(join(folder, 'late-notice.eta'));
    expect(error.message).toContain('letters always apply: remove "when"');
  });

  it('refuses a folder missing a letter, naming the folder and the letter', () => {
    const folder = lettersWith('final-notice.eta', () => undefined);
    const error = loadError(folder);
    expect(namedFile(error)).toBe(folder);
    expect(error.message).toContain('no template for "final-notice"');
  });

  it('names every letter missing, not only the first', () => {
    const folder = lettersWith('final-notice.eta', () => undefined);
    unlinkSync(join(folder, 'payment-reminder.eta'));
    expect(loadError(folder).message).toContain('no template for "payment-reminder", "final-notice"');
  });

  it('checks the names a letter reads against the letter facts: a misspelt one stops it', () => {
    const folder = lettersWith('payment-reminder.eta', (text) => text.replace(/it\.letter\.invoice\.number/, 'it.letter.invoice.numbr'));
    const error = loadError(folder);
    expect(namedFile(error)).toBe(join(folder, 'payment-reminder.eta'));
    expect(error.message).toContain('it.letter.invoice.numbr');
  });
});

describe('the Japanese letters library (clauses/letters-ja)', () => {
  it('refuses a folder missing a letter, naming the folder and every letter missing', () => {
    const folder = lettersWith('final-notice.eta', () => undefined, join(CLAUSES_ROOT, 'letters-ja'));
    unlinkSync(join(folder, 'work-paused.eta'));
    let error: unknown;
    try {
      loadJapaneseLetterLibrary(folder);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ClauseTemplateError);
    expect(namedFile(error as ClauseTemplateError)).toBe(folder);
    expect((error as ClauseTemplateError).message).toContain('no template for "work-paused", "final-notice"');
  });
});

describe('a letter asked of a library without it', () => {
  it('stops with the letter and the folder named, rather than writing an empty letter', () => {
    const library = loadLetterLibrary();
    const withoutLateNotice = { ...library, clauses: library.clauses.filter((letter) => letter.id !== 'late-notice') };
    expect(() => assembleLetter('late-notice', letterRequest('late-notice'), withoutLateNotice)).toThrow(`letters: no template for "late-notice" in ${library.dir}`);
  });

  it('an English letter is marked English, so its Word file is', () => {
    expect(assembleLetter('final-check-in', letterRequest('final-check-in'), loadLetterLibrary()).meta.language).toBe('en');
  });
});
