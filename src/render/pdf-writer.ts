// A PDF file's objects written straight to bytes: numbered objects, streams,
// the cross-reference table and the trailer, and the syntax they are made of
// (names, text strings, dictionaries, numbers). render/pdf-document.ts builds
// the document's objects (pages, fonts, structure tree, PDF/A parts) with it.
//
// Why not pdfkit's document: pdfkit turns every object into a dictionary of
// JavaScript objects (PDFObject.convert) and every structure element into a
// reference with its own bookkeeping; for a contract of a few hundred
// paragraphs that was most of a PDF's time and allocations (docs/pdf.md).
// Here an object is a string made once, or bytes kept from an earlier
// document (the sRGB profile), and the file is assembled in one buffer.

/** A dictionary's entries, each value already PDF syntax (`undefined`: left out). */
export type Entries = Readonly<Record<string, string | undefined>>;

/**
 * `<<\n/Key value\n...\n>>`: one entry a line, as pdfkit wrote them (the
 * tests and the upload reader look for `/Type /Font\n`).
 */
export function dictionary(entries: Entries): string {
  let out = '<<\n';
  for (const key in entries) {
    const value = entries[key];
    if (value !== undefined) out += `/${key} ${value}\n`;
  }
  return `${out}>>`;
}

export const reference = (id: number): string => `${id} 0 R`;

/** A PDF name: characters outside the printable ASCII range, delimiters and `#` written as #xx. */
export function name(value: string): string {
  let out = '/';
  for (const byte of Buffer.from(value, 'utf8')) {
    const delimiter = byte === 0x23 || byte === 0x2f || byte === 0x28 || byte === 0x29 || byte === 0x3c || byte === 0x3e || byte === 0x5b || byte === 0x5d || byte === 0x7b || byte === 0x7d || byte === 0x25;
    out += byte < 0x21 || byte > 0x7e || delimiter ? `#${byte.toString(16).padStart(2, '0')}` : String.fromCharCode(byte);
  }
  return out;
}

/**
 * A text string (a title, an author, a language tag): printable ASCII as a
 * literal string with `\`, `(` and `)` escaped; anything else as UTF-16BE
 * with its byte-order mark in hex, which holds only hex digits. Either way
 * the text ends where the string ends and can never become an operator.
 */
export function textString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, '\\$&')})`;
  let hex = '<FEFF';
  for (let index = 0; index < value.length; index++) hex += value.charCodeAt(index).toString(16).padStart(4, '0');
  return `${hex}>`;
}

/** Bytes as a hex string (a file identifier, a checksum). */
export const hexString = (bytes: Uint8Array): string => `<${Buffer.from(bytes).toString('hex')}>`;

/** A number as PDF writes it: at most four decimals, no exponent, no `-0`. */
export function number(value: number): string {
  const rounded = Math.round(value * 10000) / 10000;
  return rounded === 0 ? '0' : String(rounded);
}

/** `D:YYYYMMDDHHmmSSZ`, a PDF date in UTC. */
export function pdfDate(date: Date): string {
  return `(D:${date.toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z)`;
}

/**
 * The file: objects are numbered when reserved and written in any order,
 * each once; `finish` writes the cross-reference table with each object's
 * byte offset and the trailer. Strings are binary (one byte a character,
 * latin1); a stream's data are bytes.
 */
export class PdfWriter {
  private readonly parts: (string | Uint8Array)[] = [];
  /** Strings written since the last bytes, joined into one when bytes come: the file is then made of a few dozen parts, not one per object. */
  private pending: string[] = [];
  private readonly offsets: number[] = [];
  private length = 0;
  private finished = false;

  /** `%PDF-1.7` and a comment of four bytes above 127, which marks the file as binary (PDF/A asks for both). */
  constructor(version = '1.7') {
    this.put(`%PDF-${version}\n%\xff\xff\xff\xff\n`);
  }

  /** A number for an object written later (a page's parent, a font named on pages before it is embedded). */
  reserve(): number {
    this.offsets.push(-1);
    return this.offsets.length;
  }

  /** An object whose body (a dictionary, an array) is PDF syntax. */
  object(id: number, body: string): void {
    this.start(id);
    this.put(`${id} 0 obj\n`);
    this.put(body);
    this.put('\nendobj\n');
  }

  /** A stream: its dictionary's entries with /Length added, then its bytes as they are (already deflated when /Filter says so). */
  stream(id: number, entries: Entries, data: Uint8Array): void {
    this.start(id);
    this.put(`${id} 0 obj\n${dictionary({ ...entries, Length: String(data.length) })}\nstream\n`);
    this.put(data);
    this.put('\nendstream\nendobj\n');
  }

  /** An object's body kept as bytes from an earlier document (`streamBody`): the same stream, under this document's number. */
  raw(id: number, body: Uint8Array): void {
    this.start(id);
    this.put(`${id} 0 obj\n`);
    this.put(body);
    this.put('endobj\n');
  }

  /** The cross-reference table and trailer, and the whole file as one buffer. */
  finish(trailer: { readonly root: number; readonly info: number; readonly id: Uint8Array }): Buffer {
    if (this.finished) throw new Error('The PDF was already finished');
    const missing = this.offsets.findIndex((offset) => offset < 0);
    if (missing >= 0) throw new Error(`Object ${missing + 1} was reserved but never written`);
    this.finished = true;
    const start = this.length;
    let table = `xref\n0 ${this.offsets.length + 1}\n0000000000 65535 f \n`;
    for (const offset of this.offsets) table += `${String(offset).padStart(10, '0')} 00000 n \n`;
    const id = hexString(trailer.id);
    table += `trailer\n${dictionary({ Size: String(this.offsets.length + 1), Root: reference(trailer.root), Info: reference(trailer.info), ID: `[${id} ${id}]` })}\nstartxref\n${start}\n%%EOF\n`;
    this.put(table);
    this.parts.push(this.pending.join(''));
    const file = Buffer.allocUnsafe(this.length);
    let at = 0;
    for (const part of this.parts) at += typeof part === 'string' ? file.write(part, at, 'latin1') : (file.set(part, at), part.length);
    return file;
  }

  private start(id: number): void {
    if (this.offsets[id - 1] !== -1) throw new Error(`Object ${id} was not reserved, or was written twice`);
    this.offsets[id - 1] = this.length;
  }

  private put(part: string | Uint8Array): void {
    if (typeof part === 'string') this.pending.push(part);
    else {
      this.parts.push(this.pending.join(''), part);
      this.pending = [];
    }
    this.length += part.length;
  }
}

/** A stream object's body (its dictionary and data, without `N 0 obj`), for `PdfWriter.raw`: made once, written in every document. */
export function streamBody(entries: Entries, data: Uint8Array): Buffer {
  const head = Buffer.from(`${dictionary({ ...entries, Length: String(data.length) })}\nstream\n`, 'latin1');
  return Buffer.concat([head, data, Buffer.from('\nendstream\n', 'latin1')]);
}
