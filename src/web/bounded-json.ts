// JSON from a client, refused when its shape is far beyond any request this
// app takes: an object of 95,000 unknown keys once cost 1 to 4.6 s of
// validation and a 9.5 MB list of problems (issue 24, finding 3). The answers'
// largest object has about a dozen keys and their longest list 50 items, so
// the bounds leave ample room for a client that adds a few of its own.

/** Keys in one object, items in one list: past these the body is refused before validation. */
export const MAX_KEYS_PER_OBJECT = 100;
export const MAX_ITEMS_PER_LIST = 1_000;

/** Thrown by boundedShape: the request's sentence is written by whoever catches it. */
export class TooManyKeysError extends Error {
  override readonly name = 'TooManyKeysError';
}

/**
 * A JSON.parse reviver that refuses an object or a list past the bounds. The
 * reviver sees each value once, bottom-up, so the check adds a linear pass.
 */
export function boundedShape(_key: string, value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length > MAX_ITEMS_PER_LIST) throw new TooManyKeysError(`a list of ${value.length} items`);
  } else if (typeof value === 'object' && value !== null) {
    let keys = 0;
    for (const key in value) {
      if (Object.hasOwn(value, key) && ++keys > MAX_KEYS_PER_OBJECT) throw new TooManyKeysError('an object of too many keys');
    }
  }
  return value;
}

/**
 * The same bounds on a value already parsed (answers read from a Word file or
 * a PDF, whose parsers take no reviver), walked with a list rather than by
 * recursion so that deep nesting cannot overflow the stack.
 */
export function checkBoundedShape(value: unknown): void {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null) continue;
    boundedShape('', next);
    for (const child of Object.values(next)) if (typeof child === 'object' && child !== null) pending.push(child);
  }
}
