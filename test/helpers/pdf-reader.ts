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
