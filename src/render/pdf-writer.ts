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
 * Bytes written one after another into a buffer that grows: a page's
 * content, a whole file. Text is latin1 (a byte a character: PDF syntax and
 * glyph codes). Short text and whole numbers are written byte by byte in
 * JavaScript: a document writes thousands of them (`/P <</MCID 12>> BDC`,
 * `12 0 R`), and building each as a string to copy it in was a tenth of a
 * PDF's allocations.
 */
export class ByteSink {
  length = 0;

  constructor(public bytes: Buffer) {}

  /** Room for `extra` more bytes: the buffer, grown (doubled) when it is short. */
  room(extra: number): Buffer {
    if (this.length + extra <= this.bytes.length) return this.bytes;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + extra));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
    return grown;
  }

  /** Text, a byte a character. */
  text(text: string): void {
    const count = text.length;
    const bytes = this.room(count);
    if (count > 32) {
      this.length += bytes.write(text, this.length, 'latin1');
      return;
    }
    let at = this.length;
    for (let index = 0; index < count; index++) bytes[at++] = text.charCodeAt(index);
    this.length = at;
  }

  /** A whole number, not negative, in decimal. */
  int(value: number): void {
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    const bytes = this.room(digits);
    let at = this.length + digits;
    this.length = at;
    let rest = value;
    do {
      bytes[--at] = 0x30 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  /** Bytes made elsewhere, copied in. */
  put(data: Uint8Array): void {
    this.room(data.length).set(data, this.length);
    this.length += data.length;
  }
}

/** The rest of an object's cross-reference entry after its offset: generation 0, in use. */
const IN_USE = Buffer.from(' 00000 n \n', 'latin1');

/** About the size of the last file written: the next one starts with room for it, so it rarely grows. */
let lastFileSize = 64 * 1024;

/**
 * The file: objects are numbered when reserved and written in any order,
 * each once; `finish` writes the cross-reference table with each object's
 * byte offset and the trailer. Everything goes straight into one buffer
 * (a ByteSink), which `finish` hands back as the file.
 */
export class PdfWriter {
  private readonly out = new ByteSink(Buffer.allocUnsafe(lastFileSize + (lastFileSize >> 3)));
  private readonly offsets: number[] = [];
  private finished = false;

  /** `%PDF-1.7` and a comment of four bytes above 127, which marks the file as binary (PDF/A asks for both). */
  constructor(version = '1.7') {
    this.out.text(`%PDF-${version}\n%\xff\xff\xff\xff\n`);
  }

  /** A number for an object written later (a page's parent, a font named on pages before it is embedded). */
  reserve(): number {
    this.offsets.push(-1);
    return this.offsets.length;
  }

  /** An object whose body (a dictionary, an array) is PDF syntax. */
  object(id: number, body: string): void {
    this.begin(id).text(body);
    this.end();
  }

  /** An object whose body the caller writes into the sink it gets (a structure element, written piece by piece), then `end`s. */
  begin(id: number): ByteSink {
    this.start(id);
    this.out.int(id);
    this.out.text(' 0 obj\n');
    return this.out;
  }

  end(): void {
    this.out.text('\nendobj\n');
  }

  /** A stream: its dictionary's entries with /Length added, then its bytes as they are (already deflated when /Filter says so). */
  stream(id: number, entries: Entries, data: Uint8Array): void {
    this.begin(id).text(`${dictionary({ ...entries, Length: String(data.length) })}\nstream\n`);
    this.out.put(data);
    this.out.text('\nendstream\nendobj\n');
  }

  /** An object's body kept as bytes from an earlier document (`streamBody`): the same stream, under this document's number. */
  raw(id: number, body: Uint8Array): void {
    this.begin(id).put(body);
    this.out.text('endobj\n');
  }

  /** The cross-reference table and trailer, and the whole file. */
  finish(trailer: { readonly root: number; readonly info: number; readonly id: Uint8Array }): Buffer {
    if (this.finished) throw new Error('The PDF was already finished');
    const missing = this.offsets.findIndex((offset) => offset < 0);
    if (missing >= 0) throw new Error(`Object ${missing + 1} was reserved but never written`);
    this.finished = true;
    const { out } = this;
    const start = out.length;
    out.text(`xref\n0 ${this.offsets.length + 1}\n0000000000 65535 f \n`);
    // Each entry is 20 bytes: the offset in ten digits, zero-padded.
    const bytes = out.room(20 * this.offsets.length);
    let at = out.length;
    for (const offset of this.offsets) {
      let rest = offset;
      for (let digit = 9; digit >= 0; digit--) {
        bytes[at + digit] = 0x30 + (rest % 10);
        rest = Math.floor(rest / 10);
      }
      for (let index = 0; index < 10; index++) bytes[at + 10 + index] = IN_USE[index]!;
      at += 20;
    }
    out.length = at;
    const id = hexString(trailer.id);
    out.text(`trailer\n${dictionary({ Size: String(this.offsets.length + 1), Root: reference(trailer.root), Info: reference(trailer.info), ID: `[${id} ${id}]` })}\nstartxref\n${start}\n%%EOF\n`);
    lastFileSize = out.length;
    return out.bytes.subarray(0, out.length);
  }

  private start(id: number): void {
    if (this.offsets[id - 1] !== -1) throw new Error(`Object ${id} was not reserved, or was written twice`);
    this.offsets[id - 1] = this.out.length;
  }
}

/** A stream object's body (its dictionary and data, without `N 0 obj`), for `PdfWriter.raw`: made once, written in every document. */
export function streamBody(entries: Entries, data: Uint8Array): Buffer {
  const head = Buffer.from(`${dictionary({ ...entries, Length: String(data.length) })}\nstream\n`, 'latin1');
  return Buffer.concat([head, data, Buffer.from('\nendstream\n', 'latin1')]);
}
