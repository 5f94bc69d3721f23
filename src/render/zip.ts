/**
 * A zip of already deflated entries, laid out byte for byte as `fflate.zipSync` lays it out (the
 * reference .docx is zipped that way): the constant parts of a .docx are deflated once and cached,
 * so a report deflates only what it writes itself.
 */
import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';

export interface ZipEntry {
  /** the entry's name as UTF-8 */
  name: Uint8Array;
  crc: number;
  /** uncompressed size */
  size: number;
  /** the raw DEFLATE stream */
  data: Uint8Array;
}

/**
 * An entry of `bytes`, deflated at level 6 as zipSync does. fflate is pure JavaScript, so the same
 * input gives the same bytes on every Node version (zlib's output may change with its version).
 */
export function deflatedEntry(name: string, bytes: Uint8Array): ZipEntry {
  return { name: utf8.encode(name), crc: crc32(bytes) >>> 0, size: bytes.length, data: deflateSync(bytes, { level: 6 }) };
}

const utf8 = new TextEncoder();

/** Little-endian, as fflate's wbytes writes it (stops at the value's last non-zero byte). */
function put(out: Uint8Array, at: number, value: number): void {
  for (; value; ++at) {
    out[at] = value;
    value >>>= 8;
  }
}

/** The MS-DOS time and date of a zip entry, from local time, as fflate computes it. */
export function dosTime(mtime: Date): number {
  const year = mtime.getFullYear() - 1980;
  if (year < 0 || year > 119) throw new RangeError(`a zip cannot hold the year ${mtime.getFullYear()}`);
  return (
    (year << 25) |
    ((mtime.getMonth() + 1) << 21) |
    (mtime.getDate() << 16) |
    (mtime.getHours() << 11) |
    (mtime.getMinutes() << 5) |
    (mtime.getSeconds() >> 1)
  );
}

/** Entries in the given order, each a local header and its data, then the central directory. */
export function zipEntries(entries: ZipEntry[], mtime: Date): Uint8Array {
  const time = dosTime(mtime);
  let local = 0;
  let central = 0;
  for (const e of entries) {
    local += 30 + e.name.length + e.data.length;
    central += 46 + e.name.length;
  }
  const out = new Uint8Array(local + central + 22);
  let at = 0;
  let dir = local;
  for (const e of entries) {
    const offset = at;
    // local file header
    put(out, at, 0x04034b50);
    out[at + 4] = 20; // version needed
    out[at + 8] = 8; // deflate
    put(out, at + 10, time);
    put(out, at + 14, e.crc);
    put(out, at + 18, e.data.length);
    put(out, at + 22, e.size);
    put(out, at + 26, e.name.length);
    out.set(e.name, at + 30);
    at += 30 + e.name.length;
    out.set(e.data, at);
    at += e.data.length;
    // central directory record
    put(out, dir, 0x02014b50);
    out[dir + 4] = 20; // version made by (MS-DOS)
    out[dir + 6] = 20; // version needed
    out[dir + 10] = 8;
    put(out, dir + 12, time);
    put(out, dir + 16, e.crc);
    put(out, dir + 20, e.data.length);
    put(out, dir + 24, e.size);
    put(out, dir + 28, e.name.length);
    put(out, dir + 42, offset);
    out.set(e.name, dir + 46);
    dir += 46 + e.name.length;
  }
  // end of central directory
  put(out, dir, 0x06054b50);
  put(out, dir + 8, entries.length);
  put(out, dir + 10, entries.length);
  put(out, dir + 12, central);
  put(out, dir + 16, local);
  return out;
}
