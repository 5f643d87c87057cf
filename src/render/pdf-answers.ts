// The answers a PDF made by this app carries as its attached answers.json
// (render/pdf.ts), read back for "Continue from a file". The reader trusts
// nothing in the upload: it looks only at embedded-file streams, at most a
// few of them, each inflated to at most MAX_ANSWERS_PART_BYTES, and what it
// returns is checked against the answers schema by the caller, like the
// answers of a Word file. It reads the files this app writes (and copies of
// them); a PDF rewritten by another program into compressed object streams
// is refused with a sentence saying so.
import { inflateSync } from 'node:zlib';
import { MAX_ANSWERS_PART_BYTES } from './embedded-answers.ts';

const NOT_OURS = 'This PDF was not made by this app, or its answers were removed.';

export class PdfAnswersError extends Error {
  override readonly name = 'PdfAnswersError';
  constructor(message: string = NOT_OURS, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A PDF this app makes starts with %PDF- (an answers file that mentions it further on is still JSON). */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && Buffer.from(bytes.buffer, bytes.byteOffset, 5).toString('latin1') === '%PDF-';
}

/** Embedded files looked at before giving up: ours is the only one in a PDF this app makes. */
const MAX_EMBEDDED_FILES = 8;
const EMBEDDED_FILE = '/Type /EmbeddedFile';

function streamData(pdf: Buffer, text: string, at: number): Buffer | undefined {
  const start = text.lastIndexOf(' obj', at);
  const keyword = text.indexOf('stream', at);
  if (start < 0 || keyword < 0 || keyword - start > 4096) return undefined;
  const dictionary = text.slice(start, keyword);
  const length = /\/Length (\d{1,9})(?! \d+ R)/.exec(dictionary);
  if (!length) return undefined;
  let from = keyword + 'stream'.length;
  if (text.charCodeAt(from) === 0x0d) from++;
  if (text.charCodeAt(from) === 0x0a) from++;
  const data = pdf.subarray(from, from + Number(length[1]));
  if (!dictionary.includes('/Filter')) return data.length <= MAX_ANSWERS_PART_BYTES ? data : undefined;
  if (!/\/Filter \/FlateDecode\s*(?:\/|>)/.test(dictionary)) return undefined;
  try {
    return inflateSync(data, { maxOutputLength: MAX_ANSWERS_PART_BYTES });
  } catch {
    return undefined;
  }
}

/** The answers attached to an uploaded PDF, as parsed JSON, or a PdfAnswersError saying why not. */
export function readPdfAnswers(bytes: Uint8Array): unknown {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  // latin1 maps each byte to one character, so offsets in the text are offsets in the file.
  const text = pdf.toString('latin1');
  let at = text.indexOf(EMBEDDED_FILE);
  for (let seen = 0; at >= 0 && seen < MAX_EMBEDDED_FILES; seen++, at = text.indexOf(EMBEDDED_FILE, at + 1)) {
    // "/Type /EmbeddedFiles" would be a name tree, not a file.
    if (text.charAt(at + EMBEDDED_FILE.length) === 's') continue;
    const data = streamData(pdf, text, at);
    if (!data) continue;
    try {
      const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
    } catch {
      // Not our JSON: look at the next one.
    }
  }
  throw new PdfAnswersError();
}
