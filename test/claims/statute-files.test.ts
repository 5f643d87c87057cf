// The statute files are checked when the server starts: a wrong file stops it with the file and field named.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadStatuteBook, STATUTES_ROOT } from '../../src/jurisdictions/statutes.ts';
import { nonEmpty } from '../helpers/non-empty.ts';
import { buildTestApp } from '../helpers/test-app.ts';

let copies: string[] = [];
afterEach(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  copies = [];
});

/** A copy of jurisdictions/statutes/ with one file changed. */
function withChange(file: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'statutes-'));
  copies.push(dir);
  cpSync(STATUTES_ROOT, dir, { recursive: true });
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describe('statute files', () => {
  it('every statute and rate table in the repository loads, each fact with a source and a date checked', () => {
    const book = loadStatuteBook();
    for (const statute of nonEmpty(book.statutes)) {
      const facts = statute.kind === 'late-payment'
        ? [statute.clients, statute.interest, statute.contractRate, ...(statute.compensation ? [statute.compensation] : [])]
        : statute.kind === 'freelance-protection'
          ? [statute.inForceFrom, statute.threshold, statute.soloFreelancerOnly, statute.businessClientsOnly, statute.paymentDefaultDays, statute.damagesMultiplier, statute.sentence]
          : statute.kind === 'city-ordinance'
            ? [statute.appliesBy, statute.inForceFrom, statute.threshold, statute.soloFreelancerOnly, statute.businessClientsOnly, ...(statute.paymentDefaultDays ? [statute.paymentDefaultDays] : []), statute.sentence]
            : [statute.inForceFrom, statute.paymentDays, statute.soloFreelancerOnly, statute.businessClientsOnly, ...statute.complaintRoutes, statute.hotline, statute.hotline.phone];
      for (const fact of facts) expect(fact.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(book.rates.size).toBe(4);
  });

  it('a fact without its source stops the start, naming the file and the field', async () => {
    const dir = withChange('de-bgb-288.yaml', (text) => text.replace(/^ {2}source: "BGB § 288\(5\): Pauschale.*$/m, ''));
    expect(() => loadStatuteBook(dir)).toThrow(/de-bgb-288\.yaml: compensation\.source/);
    await expect(buildTestApp({ statutesDir: dir })).rejects.toThrow(/de-bgb-288\.yaml: compensation\.source/);
  });

  it('a rate table whose dates go backwards stops the start', () => {
    const dir = withChange('rates/de-basiszinssatz.yaml', (text) => text.replace('from: 2025-07-01', 'from: 2024-02-01'));
    expect(() => loadStatuteBook(dir)).toThrow(/rates\/de-basiszinssatz\.yaml: entries\.3\.from must come after/);
  });

  it('a statute that names a rate table that does not exist stops the start', () => {
    const dir = withChange('nl-bw-6-119a.yaml', (text) => text.replace('reference: ecb-main-refinancing-rate-by-half-year', 'reference: ecb-rate'));
    expect(() => loadStatuteBook(dir)).toThrow(/nl-bw-6-119a\.yaml: interest\.reference names no rate table in rates\/ \(ecb-rate\)/);
  });

  it('two late-payment statutes for one place stop the start, so a debt never gets two interests', () => {
    const dir = withChange('fr-code-de-commerce-l441-10.yaml', (text) => text.replace('places: [fr]', 'places: [fr, de]'));
    expect(() => loadStatuteBook(dir)).toThrow(/places lists de, which de-bgb-288 already covers/);
  });

  it('compensation bands out of order stop the start', () => {
    const dir = withChange('gb-late-payment-act-1998.yaml', (text) => text.replace('below: 10000', 'below: 500'));
    expect(() => loadStatuteBook(dir)).toThrow(/gb-late-payment-act-1998\.yaml: compensation\.bands\.1\.below must be higher/);
  });

  it('a date that is not in the calendar stops the start', () => {
    const dir = withChange('us-ny-freelance-isnt-free-act.yaml', (text) => text.replace('value: 2024-08-28', 'value: 2024-02-30'));
    expect(() => loadStatuteBook(dir)).toThrow(/us-ny-freelance-isnt-free-act\.yaml: inForceFrom\.value is not a calendar date/);
  });
});
