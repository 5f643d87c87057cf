// One fixed example for each class of character at the edges of what XML 1.0
// can carry. Two layers apply the rule (the answers' cleaning,
// src/answers/text.ts, and the renderers' own pass, src/render/text-scan.ts),
// and both are held to the same table.

/** "U+1F3A8" for each code point of `text`, to name a character in a failure. */
export const hex = (text: string) => [...text].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

/** Characters no XML 1.0 document may contain: each must be removed. */
export const XML_FORBIDDEN: readonly (readonly [name: string, character: string])[] = [
  ['NUL', '\u0000'],
  ['SOH', '\u0001'],
  ['BEL', '\u0007'],
  ['backspace (last before tab)', '\u0008'],
  ['vertical tab', '\u000B'],
  ['form feed', '\u000C'],
  ['shift out (first after carriage return)', '\u000E'],
  ['escape', '\u001B'],
  ['unit separator (last C0)', '\u001F'],
  ['noncharacter U+FFFE', '\uFFFE'],
  ['noncharacter U+FFFF', '\uFFFF'],
  ['a lone high surrogate', '\uD800'],
  ['a lone high surrogate at the top of its range', '\uDBFF'],
  ['a lone low surrogate', '\uDC00'],
  ['a lone low surrogate at the top of its range', '\uDFFF'],
];

/** Characters at the edges of those ranges that XML 1.0 carries: each must be kept as it is. */
export const XML_KEPT: readonly (readonly [name: string, character: string])[] = [
  ['tab', '\t'],
  ['line feed', '\n'],
  ['space (first after the C0 controls)', ' '],
  ['DEL', '\u007F'],
  ['a C1 control (legal in XML 1.0)', '\u0085'],
  ['the last character before the surrogates', '\uD7FF'],
  ['the first private-use character after them', '\uE000'],
  ['the replacement character, just below U+FFFE', '\uFFFD'],
  ['an emoji (a surrogate pair)', '🎨'],
  ['U+10000, the first pair', '\uD800\uDC00'],
  ['U+10FFFF, the last pair', '\uDBFF\uDFFF'],
];
