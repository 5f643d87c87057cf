// A PDF read back without a PDF library: its objects as text, each deflated
// stream inflated in place, so a test can look for the dictionaries that make
// a file PDF/A, tagged and searchable (what qpdf, pdffonts and pdftotext check
// in the e2e tier, which has poppler; the unit tier needs only Node).
import { inflateSync } from 'node:zlib';

export function pdfText(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  let out = '';
  let at = 0;
  // A stream follows its dictionary's closing >> (and "endstream" is not one).
  for (let keyword = text.indexOf('>>\nstream\n', at); keyword >= 0; keyword = text.indexOf('>>\nstream\n', at)) {
    const start = keyword + '>>\nstream\n'.length;
    const end = text.indexOf('\nendstream', start);
    const dictionary = text.slice(text.lastIndexOf(' obj', keyword), keyword);
    out += text.slice(at, start);
    const data = pdf.subarray(start, end);
    out += dictionary.includes('/FlateDecode') ? inflateSync(data).toString('latin1') : data.toString('latin1');
    at = end;
  }
  return out + text.slice(at);
}

/** The dictionaries of one /Type, as text. */
export function objectsOfType(text: string, type: string): string[] {
  const objects: string[] = [];
  for (const match of text.matchAll(/\d+ 0 obj\n([\s\S]*?)\nendobj/g)) if (match[1]!.includes(`/Type /${type}\n`)) objects.push(match[1]!);
  return objects;
}

/** Each page's content stream, inflated, in page order (the Pages' Kids order is the order written). */
export function pageContents(pdf: Buffer): string[] {
  const text = pdfText(pdf);
  return objectsOfType(text, 'Page').map((page) => {
    const id = /\/Contents (\d+) 0 R/.exec(page)![1];
    const stream = new RegExp(`(?:^|\\n)${id} 0 obj\\n<<[\\s\\S]*?>>\\nstream\\n([\\s\\S]*?)\\nendstream`).exec(text);
    return stream![1]!;
  });
}

/** A text string shown on a page (Tj), with the font, size and fill colour the graphics state held for it. */
export interface ShownText {
  /** The string's bytes, escapes undone: the text itself where every glyph is printable ASCII (a one-byte code). */
  readonly bytes: string;
  readonly font: string | undefined;
  readonly size: number | undefined;
  readonly color: string | undefined;
}

/**
 * The strings a page's content shows, in order, each with the font (Tf) and
 * fill colour (rg) in force: state a content stream carries from one text
 * object to the next, as a reader interprets it. Enough of the operators
 * the renderer writes; anything else is skipped.
 */
export function shownTexts(content: string): ShownText[] {
  const shown: ShownText[] = [];
  let font: string | undefined;
  let size: number | undefined;
  let color: string | undefined;
  const operands: string[] = [];
  const token = /\((?:[^\\()]|\\[\s\S])*\)|\/[^\s/<>[\]()]+|<<|>>|[^\s/<>[\]()]+/g;
  for (const [word] of content.matchAll(token)) {
    if (word.startsWith('(')) operands.push(word.slice(1, -1).replace(/\\([\s\S])/g, (_, escaped: string) => (escaped === 'r' ? '\r' : escaped)));
    else if (word === 'Tf') [font, size] = [operands.at(-2), Number(operands.at(-1))];
    else if (word === 'rg') color = operands.slice(-3).join(' ');
    else if (word === 'Tj') shown.push({ bytes: operands.at(-1)!, font, size, color });
    if (/^[a-zA-Z'"*]+$/.test(word) && !word.startsWith('/')) operands.length = 0;
    else if (!word.startsWith('(')) operands.push(word);
  }
  return shown;
}
