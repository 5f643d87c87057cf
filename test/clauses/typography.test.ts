// The clause library's own straight quotes print as typographic ones; a value
// printed into a clause (what a user typed) keeps its quotes as typed.
import { describe, expect, it } from 'vitest';
import { compileTemplate, renderClause } from '../../src/clauses/template.ts';
import { typographicQuotes } from '../../src/clauses/typography.ts';
import type { Block } from '../../src/contract/tree.ts';

const render = (source: string, data: object = {}) =>
  renderClause(compileTemplate(source), data, {}).map((block: Block) => (block.type === 'paragraph' ? block.runs.map((run) => run.text).join('') : block.type));

describe('typographic quotes in the wording', () => {
  it.each([
    ['(the "Agreement")', '(the “Agreement”)'],
    ["the Client's address", 'the Client’s address'],
    ["30 days' notice", '30 days’ notice'],
    ["'Deliverables' means", '‘Deliverables’ means'],
    ['"lost profits" or', '“lost profits” or'],
    ['—"quoted"', '—“quoted”'],
    ['no quotes at all', 'no quotes at all'],
  ])('%s prints as %s', (typed, printed) => {
    expect(typographicQuotes(typed, '')).toBe(printed);
  });

  it('opens or closes a quote by what is printed before it, a value counting as a word', () => {
    expect(render('the project "<%= it.name %>" (the "Project")', { name: 'Harbor' })).toEqual(['the project “Harbor” (the “Project”)']);
    expect(render("<%= it.name %>'s studio", { name: 'Lee' })).toEqual(['Lee’s studio']);
  });

  it('leaves what a user typed as typed, straight quotes and apostrophes included', () => {
    expect(render('Client: "<%= it.name %>"', { name: 'Joe\'s "Best" Café' })).toEqual(['Client: “Joe\'s "Best" Café”']);
  });

  it('makes bold wording typographic too', () => {
    const [paragraph] = renderClause(compileTemplate('**"Work Product"** means'), {}, {});
    expect(paragraph).toEqual({ type: 'paragraph', runs: [{ text: '“Work Product”', bold: true }, { text: ' means' }] });
  });
});
