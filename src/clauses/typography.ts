// Typographic quotes for the clause library's own wording. Authors type
// straight quotes (" and '); the contract prints “ ” ‘ ’, as a typeset
// document does. Only the templates' words pass through here, when a
// template's markup is read: a value printed into a template (a name, a
// description, anything a user typed) is never touched, so a client called
// "Joe's" stays exactly as typed.

/** Characters after which a quote opens: the start of the text, a space, an opening bracket or a dash. */
const OPENS_AFTER = /[\s([{\u2014\u2013/-]/u;

/**
 * `text` with its straight quotes made typographic. `before` is the
 * character printed just before it ('' at the start of a paragraph; a
 * printed value counts as a letter, since it ends a word).
 */
export function typographicQuotes(text: string, before: string): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  let out = '';
  let previous = before;
  for (const character of text) {
    let printed = character;
    if (character === '"' || character === "'") {
      const opens = previous === '' || OPENS_AFTER.test(previous);
      if (character === '"') printed = opens ? '\u201C' : '\u201D';
      // An apostrophe (the Client's, 30 days') is the closing single quote.
      else printed = opens ? '\u2018' : '\u2019';
    }
    out += printed;
    previous = character;
  }
  return out;
}
