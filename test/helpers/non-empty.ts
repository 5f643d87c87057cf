// A loop over a computed list asserts nothing when the list is empty; a test
// that loops over one goes through nonEmpty() so that "no errors at all" or
// "no headings found" fails instead of passing silently.
import { expect } from 'vitest';

export function nonEmpty<T>(items: Iterable<T> | undefined | null, what = 'the list'): T[] {
  const list = [...(items ?? [])];
  expect(list.length, `${what} should not be empty`).toBeGreaterThan(0);
  return list;
}
