// One of the product's compiled modules, as `npm start` runs them: the
// JavaScript in dist/ (built by `prebench`), not the TypeScript that tsx
// transpiles on the fly for the bench's own scripts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../test/helpers/server-process.ts';

export async function distModule<T>(path: string): Promise<T> {
  const file = join(ROOT, 'dist', path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first (npm run bench does)`);
  return (await import(pathToFileURL(file).href)) as T;
}
