// The README is the front door and docs/ the reference behind it: a newcomer who
// follows a link must land on a file that exists and, for a link to a section,
// on that section; and every reference page must be reachable from the README.
// Links are read with a real Markdown lexer (marked), anchors made the way GitHub
// makes them (github-slugger), so the test reads the documents as GitHub shows them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { nonEmpty } from '../helpers/non-empty.js';

const root = resolve(import.meta.dirname, '../..');

/** Every Markdown file a reader is sent to: the README, docs/ and the folder READMEs. */
function documents(): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(root, 'docs', name));
  const folderReadmes = ['test', 'clauses', 'messages', 'src/language', 'src/web/plugins', 'src/web/wizard', 'src/invoices']
    .map((folder) => join(root, folder, 'README.md'))
    .filter((path) => existsSync(path));
  return [join(root, 'README.md'), ...docs, ...folderReadmes];
}

function tokensOf(path: string): Token[] {
  return new Lexer({ gfm: true }).lex(readFileSync(path, 'utf8'));
}

function linksIn(path: string): string[] {
  const hrefs: string[] = [];
  const walk = (tokens: readonly Token[]): void => {
    for (const token of tokens) {
      if (token.type === 'link') hrefs.push((token as Tokens.Link).href);
      const nested = token as { tokens?: Token[]; items?: Token[]; header?: { tokens: Token[] }[]; rows?: { tokens: Token[] }[][] };
      if (nested.tokens) walk(nested.tokens);
      if (nested.items) walk(nested.items);
      for (const cell of nested.header ?? []) walk(cell.tokens);
      for (const row of nested.rows ?? []) for (const cell of row) walk(cell.tokens);
    }
  };
  walk(tokensOf(path));
  return hrefs;
}

function anchorsIn(path: string): Set<string> {
  const slugger = new GithubSlugger();
  return new Set(
    tokensOf(path)
      .filter((token): token is Tokens.Heading => token.type === 'heading')
      .map((heading) => slugger.slug(heading.text)),
  );
}

const isExternal = (href: string): boolean => /^[a-z][a-z+.-]*:/i.test(href);

describe('documentation links', () => {
  it('every relative link in the README and docs/ leads to a file, and to a section that exists', () => {
    const broken: string[] = [];
    for (const document of nonEmpty(documents(), 'the documents')) {
      for (const href of linksIn(document)) {
        if (isExternal(href)) continue;
        const [pathPart = '', anchor] = href.split('#', 2);
        const target = pathPart === '' ? document : resolve(dirname(document), decodeURI(pathPart));
        const from = relative(root, document);
        if (!existsSync(target)) {
          broken.push(`${from}: ${href} (no such file)`);
        } else if (anchor !== undefined && target.endsWith('.md') && !anchorsIn(target).has(anchor)) {
          broken.push(`${from}: ${href} (no such section)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('the README links every reference page in docs/, so none is an orphan', () => {
    const linked = new Set(
      linksIn(join(root, 'README.md'))
        .filter((href) => !isExternal(href))
        .map((href) => resolve(root, decodeURI(href.split('#', 1)[0] ?? ''))),
    );
    const orphans = documents()
      .filter((path) => relative(root, path).startsWith('docs/'))
      .filter((path) => !linked.has(path))
      .map((path) => relative(root, path));
    expect(orphans).toEqual([]);
  });

  it('the README stays a front door a newcomer reads to the end: under 150 lines', () => {
    const lines = readFileSync(join(root, 'README.md'), 'utf8').split('\n').length;
    expect(lines).toBeLessThan(150);
  });

  it('the README says how to start the app and run the tests on a fresh machine', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
