import { createInflateRaw } from 'node:zlib';

/**
 * Zip bomb guard for uploaded XLSX files (issue 7 item 6: a 1.18 MB workbook of 4 million rows took 125 s
 * and 3.5 GB). Before any spreadsheet code sees the file:
 *  1. the central directory is read (no inflating): at most MAX_ENTRIES entries, and the sizes they
 *     DECLARE add up to at most `maxBytes` uncompressed;
 *  2. every entry is inflated as a stream, output counted and discarded, and refused as soon as it grows
 *     past what it declared (a lying header) — so the declared sizes checked in 1 are the real ones.
 * Inflating runs in zlib's thread pool, chunk by chunk: the event loop keeps answering meanwhile.
 */
export const XLSX_MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 2_000;

export class ZipRefused extends Error {
  constructor(readonly reason: 'not_zip' | 'too_large') {
    super(reason);
  }
}

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function centralDirectory(buf: Buffer): Entry[] {
  // end of central directory: 22 bytes + a comment of at most 65,535 bytes, at the end of the file
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new ZipRefused('not_zip');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipRefused('too_large'); // zip64: never an import
  if (count > MAX_ENTRIES) throw new ZipRefused('too_large');
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw new ZipRefused('not_zip');
    entries.push({
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    });
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

/** Inflates one entry, counting (not keeping) its output; rejects past `limit` bytes. */
function inflatedSize(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        inflate.destroy();
        reject(new ZipRefused('too_large'));
      }
    });
    inflate.on('end', () => resolve(total));
    inflate.on('error', () => reject(new ZipRefused('not_zip')));
    inflate.end(data);
  });
}

/** Refuses a zip whose real uncompressed content exceeds `maxBytes` (see above). */
export async function assertZipWithin(buf: Buffer, maxBytes = XLSX_MAX_UNCOMPRESSED_BYTES): Promise<void> {
  const entries = centralDirectory(buf);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > maxBytes) throw new ZipRefused('too_large');
  for (const e of entries) {
    const at = e.localOffset;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) throw new ZipRefused('not_zip');
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      if (e.compressedSize > e.size) throw new ZipRefused('too_large');
    } else if (e.method === 8) await inflatedSize(data, e.size);
    else throw new ZipRefused('not_zip');
  }
}
