// Hostile zips, made by hand so that they are cheap to send: megabytes of
// spaces deflate to kilobytes, one compressed entry can be listed many times,
// and the headers say what a test wants them to say, true or not.
import { createDeflateRaw } from 'node:zlib';

export interface RawEntry {
  readonly name: string;
  /** Deflated bytes (method 8). */
  readonly data: Uint8Array;
  /** The inflated size the headers claim. */
  readonly claimedSize: number;
}

/**
 * One raw deflate stream that inflates to `megabytes` MB of spaces, about
 * 1 kB a megabyte (deflate's best ratio). One stream, not pieces joined, so a
 * reader meets it exactly as it would meet a real bomb.
 */
export async function spacesDeflated(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9, memLevel: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  const megabyte = Buffer.alloc(1024 * 1024, 0x20);
  // A fraction of a megabyte is written as such: 0.25 is 256 kB.
  for (let left = Math.round(megabytes * megabyte.length); left > 0; left -= megabyte.length) {
    if (!deflate.write(megabyte.subarray(0, Math.min(left, megabyte.length)))) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return Buffer.concat(chunks);
}

/** A zip of deflated entries with the sizes given (CRCs left at 0: readers that check them refuse it anyway). */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.claimedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.claimedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
