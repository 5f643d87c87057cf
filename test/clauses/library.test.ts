import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conditionHolds, ClauseTemplateError } from '../../src/clauses/load.ts';
import { renderClause } from '../../src/clauses/template.ts';
import { assembleContract, CONTRACT_DIRECTIVES, crossReferences } from '../../src/contract/assemble.ts';
import { computeFacts } from '../../src/contract/facts.ts';
import { loadContractLibrary } from '../../src/contract/library.ts';
import { blockToText } from '../../src/contract/plain-text.ts';
import type { Block } from '../../src/contract/tree.ts';
import { expectGolden } from '../helpers/golden.ts';
import { SAMPLE_NAMES, sampleAnswers } from '../helpers/samples.ts';

const library = loadContractLibrary();

// Directive blocks are covered by the assembly tests; here they show as a marker.
const markers = Object.fromEntries(
  CONTRACT_DIRECTIVES.map((name) => [name, (): Block => ({ type: 'paragraph', runs: [{ text: `[${name}]` }] })]),
);

describe('golden samples: every clause renders as its sample file shows', () => {
  // UPDATE_GOLDEN=<sample name> npm test rewrites a sample after a deliberate wording change (refused when CI is set).
  for (const clause of library.clauses) {
    it(`${clause.file}`, () => {
      const candidates = clause.sample ? [clause.sample] : SAMPLE_NAMES;
      const name = candidates.find((n) => conditionHolds(clause.when, computeFacts(sampleAnswers(n))));
      expect(name, `no sample answers make ${clause.file} apply; name one with "sample:"`).toBeDefined();
      // Cross-references numbered as in the whole contract for those answers.
      const answers = sampleAnswers(name!);
      const refs = crossReferences(assembleContract(answers, library).sections.map((section) => section.id));
      const text = renderClause(clause.template, computeFacts(answers, refs), markers).map(blockToText).join('\n\n');
      const goldenFile = join(library.dir, clause.file.replace(/^.*clauses\/contract\//, '').replace(/\.eta$/, '.sample.txt'));
      const golden = `(rendered from clauses/samples/${name}.json)\n\n${text}\n`;
      expectGolden(goldenFile, golden);
    });
  }
});

describe('the loader names the file at fault', () => {
  function libraryWith(files: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'clauses-'));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return () => loadContractLibrary(dir);
  }
  const header = (extra = '') => `---\nid: sample\ntitle: Sample\norder: 1\nnote: Why it is there.\n${extra}---\n`;

  it.each([
    ['an unknown variable', `${header()}Hello <%= it.client.nickname %>`, /01-sample\/sample\.eta: uses unknown variable "it\.client\.nickname"/],
    ['a condition on an unknown fact', `${header('when:\n  fee.kind: fixed\n')}Hi`, /condition on unknown fact "fee\.kind"/],
    ['a condition of the wrong type', `${header('when:\n  deposit.inFull: "yes"\n')}Hi`, /compares a boolean/],
    ['unescaped output', `${header()}<%~ it.client.name %>`, /unescaped output/],
    ['a template that does not compile', `${header()}<% if (it.client.name { %>x<% } %>`, /does not compile/],
    ['an unknown block', `${header()}::table-of-contents`, /unknown block "::table-of-contents"/],
    ['missing front matter', 'Just text', /front matter block/],
    ['a front matter field missing', '---\nid: sample\norder: 1\nnote: x\n---\nHi', /front matter field "title"/],
  ])('%s', (_what, content, message) => {
    const load = libraryWith({ '01-sample/sample.eta': content });
    expect(load).toThrow(ClauseTemplateError);
    expect(load).toThrow(message);
  });

  it('two variants of one clause with different orders', () => {
    const load = libraryWith({
      'a/one.eta': `---\nid: x\nvariant: one\ntitle: X\norder: 1\nnote: n\n---\nA`,
      'a/two.eta': `---\nid: x\nvariant: two\ntitle: X\norder: 2\nnote: n\n---\nB`,
    });
    expect(load).toThrow(/must share one order/);
  });
});

describe('template markup', () => {
  it('keeps a printed value at the end of a line apart from the next line', () => {
    const facts = computeFacts(sampleAnswers('new-client-fixed'));
    const scope = library.clauses.find((c) => c.id === 'scope')!;
    const text = renderClause(scope.template, facts, markers).map(blockToText).join('\n\n');
    expect(text).toContain('- Responsive front-end build\n- Two weeks');
  });
});
