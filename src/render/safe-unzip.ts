// Reads chosen entries of an untrusted zip (an uploaded Word file) with hard
// bounds on the work it can cause: entries walked, entries inflated, bytes
// inflated per entry and in all. Inflating is done by zlib with an output
// limit, so an entry that lies about its size stops at the size it claims
// instead of being inflated in full: a 1 MB upload cannot cost a gigabyte of
// inflation, in memory or in CPU time.
import { inflateRawSync } from 'node:zlib';

export interface SafeUnzipLimits {
  /** Entries the central directory may list; more and the zip is refused. */
  readonly maxEntries: number;
  /** Largest entry read, inflated size as declared (and enforced). */
  readonly maxEntryBytes: number;
  /** Inflated bytes in all over the entries read; entries past it are skipped. */
  readonly maxTotalBytes: number;
}

export interface SafeUnzipResult {
  /** The selected entries within the limits, in directory order. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** Some selected entry was skipped for its size or for the total. */
  readonly skippedTooLarge: boolean;
}

/** The zip is broken, forged or beyond the limits; the message is not for users. */
export class ZipRefusedError extends Error {
  override readonly name = 'ZipRefusedError';
}

const END_OF_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

function refuse(why: string): never {
  throw new ZipRefusedError(why);
}

/**
 * The entries whose name `select` accepts. Zip64 archives, encrypted entries
 * and compression other than stored or deflate are refused (a Word file made
 * by this app or saved by Word uses none of them at these sizes).
 */
export function safeUnzip(zip: Uint8Array, select: (name: string) => boolean, limits: SafeUnzipLimits): SafeUnzipResult {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end-of-directory record sits in the last 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) refuse('no end-of-directory record');
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  let offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) refuse('zip64');
  if (count > limits.maxEntries) refuse(`${count} entries`);
  if (offset + directorySize > end) refuse('directory outside the file');

  const files = new Map<string, Uint8Array>();
  let skippedTooLarge = false;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > end || bytes.readUInt32LE(offset) !== CENTRAL_HEADER) refuse('broken directory');
    const flags = bytes.readUInt16LE(offset + 8);
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const size = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localOffset = bytes.readUInt32LE(offset + 42);
    if (offset + 46 + nameLength > end) refuse('broken directory');
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;

    if (!select(name)) continue;
    if (size > limits.maxEntryBytes || total + size > limits.maxTotalBytes) {
      skippedTooLarge = true;
      continue;
    }
    if (flags & 1) refuse('encrypted entry');
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL_HEADER) refuse('broken local header');
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > bytes.length) refuse('entry outside the file');
    const data = bytes.subarray(dataStart, dataStart + compressedSize);

    let content: Uint8Array;
    if (method === STORED) {
      if (compressedSize !== size) refuse('stored entry with two sizes');
      content = new Uint8Array(data);
    } else if (method === DEFLATED) {
      try {
        // Past the declared size zlib stops and throws: the entry lied.
        content = inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
      } catch {
        refuse('entry does not inflate to its declared size');
      }
      if (content.length !== size) refuse('entry does not inflate to its declared size');
    } else {
      refuse(`compression method ${method}`);
    }
    total += size;
    files.set(name, content);
  }
  return { files, skippedTooLarge };
}
