import { deflateSync, inflateSync } from 'node:zlib';

/**
 * Reading and writing the container of an OpenType font: the table directory of a
 * plain sfnt (.ttf/.otf) and WOFF 1.0 (the same tables, each zlib-compressed).
 * Spec: OpenType 1.9 "Organization of an OpenType font"; W3C WOFF 1.0 (2012) §3–§5.
 */

/** An sfnt font as its tables, by four-character tag ('glyf', 'cmap' …). */
export interface SfntTables {
  /** 0x00010000 for TrueType outlines, 'OTTO' (0x4f54544f) for CFF. */
  flavor: number;
  tables: Map<string, Buffer>;
}

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads a WOFF 1.0 file or a plain sfnt into its tables (decompressing WOFF tables). */
export function readFontTables(bytes: Uint8Array): SfntTables {
  const buf = asBuffer(bytes);
  const tables = new Map<string, Buffer>();
  if (buf.readUInt32BE(0) === WOFF_SIGNATURE) {
    const flavor = buf.readUInt32BE(4);
    const count = buf.readUInt16BE(12);
    for (let i = 0; i < count; i++) {
      const at = WOFF_HEADER + i * WOFF_ENTRY;
      const tag = buf.toString('latin1', at, at + 4);
      const offset = buf.readUInt32BE(at + 4);
      const compLength = buf.readUInt32BE(at + 8);
      const origLength = buf.readUInt32BE(at + 12);
      const stored = buf.subarray(offset, offset + compLength);
      tables.set(tag, compLength < origLength ? inflateSync(stored) : stored);
    }
    return { flavor, tables };
  }
  const flavor = buf.readUInt32BE(0);
  if (flavor !== 0x00010000 && flavor !== 0x4f54544f && flavor !== 0x74727565) {
    throw new Error('not a WOFF 1.0 or sfnt font (WOFF2 is not read here)');
  }
  const count = buf.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = SFNT_HEADER + i * SFNT_ENTRY;
    const tag = buf.toString('latin1', at, at + 4);
    const offset = buf.readUInt32BE(at + 8);
    const length = buf.readUInt32BE(at + 12);
    tables.set(tag, buf.subarray(offset, offset + length));
  }
  return { flavor, tables };
}

/** The OpenType table checksum: the sum of big-endian uint32s, the tail zero-padded. */
export function tableChecksum(data: Buffer): number {
  let sum = 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + data.readUInt32BE(i)) >>> 0;
  if (whole < data.length) {
    const tail = Buffer.alloc(4);
    data.copy(tail, 0, whole);
    sum = (sum + tail.readUInt32BE(0)) >>> 0;
  }
  return sum;
}

const pad4 = (n: number) => (n + 3) & ~3;

/** searchRange, entrySelector and rangeShift of a binary-search header (sfnt, cmap 4). */
export function binarySearchHeader(count: number, unit: number): [number, number, number] {
  let selector = 0;
  while (2 ** (selector + 1) <= count) selector++;
  const range = 2 ** selector * unit;
  return [range, selector, count * unit - range];
}

/**
 * Writes tables as a plain sfnt, tables sorted by tag and 4-byte aligned, with every
 * checksum and `head.checkSumAdjustment` computed.
 */
export function writeSfnt(font: SfntTables): Buffer {
  const tags = [...font.tables.keys()].sort();
  const dirSize = SFNT_HEADER + SFNT_ENTRY * tags.length;
  const size = tags.reduce((n, t) => n + pad4(font.tables.get(t)?.length ?? 0), dirSize);
  const out = Buffer.alloc(size);
  out.writeUInt32BE(font.flavor, 0);
  out.writeUInt16BE(tags.length, 4);
  const [range, selector, shift] = binarySearchHeader(tags.length, 16);
  out.writeUInt16BE(range, 6);
  out.writeUInt16BE(selector, 8);
  out.writeUInt16BE(shift, 10);
  let offset = dirSize;
  let headOffset = -1;
  tags.forEach((tag, i) => {
    const data = Buffer.from(font.tables.get(tag) ?? Buffer.alloc(0));
    if (tag === 'head') {
      data.writeUInt32BE(0, 8); // checkSumAdjustment is computed over the font with it zero
      headOffset = offset;
    }
    const at = SFNT_HEADER + i * SFNT_ENTRY;
    out.write(tag, at, 4, 'latin1');
    out.writeUInt32BE(tableChecksum(data), at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(data.length, at + 12);
    data.copy(out, offset);
    offset += pad4(data.length);
  });
  if (headOffset >= 0) out.writeUInt32BE((0xb1b0afba - tableChecksum(out)) >>> 0, headOffset + 8);
  return out;
}

/**
 * Wraps a plain sfnt (as `writeSfnt` gives) in WOFF 1.0: each table zlib-compressed
 * when that makes it smaller. `level` is zlib's 1 (fast) … 9 (small).
 */
export function sfntToWoff(sfnt: Buffer, level = 6): Buffer {
  const count = sfnt.readUInt16BE(4);
  const entries: Array<{ tag: string; checksum: number; origLength: number; stored: Buffer }> = [];
  for (let i = 0; i < count; i++) {
    const at = SFNT_HEADER + i * SFNT_ENTRY;
    const offset = sfnt.readUInt32BE(at + 8);
    const origLength = sfnt.readUInt32BE(at + 12);
    const data = sfnt.subarray(offset, offset + origLength);
    const packed = deflateSync(data, { level });
    entries.push({
      tag: sfnt.toString('latin1', at, at + 4),
      checksum: sfnt.readUInt32BE(at + 4),
      origLength,
      stored: packed.length < origLength ? packed : data,
    });
  }
  const dirEnd = WOFF_HEADER + WOFF_ENTRY * count;
  const length = entries.reduce((n, e) => n + pad4(e.stored.length), dirEnd);
  const out = Buffer.alloc(length);
  out.writeUInt32BE(WOFF_SIGNATURE, 0);
  out.writeUInt32BE(sfnt.readUInt32BE(0), 4);
  out.writeUInt32BE(length, 8);
  out.writeUInt16BE(count, 12);
  out.writeUInt32BE(sfnt.length, 16); // totalSfntSize: writeSfnt pads every table already
  out.writeUInt16BE(1, 20); // majorVersion of the font data, informational
  let offset = dirEnd;
  entries.forEach((e, i) => {
    const at = WOFF_HEADER + i * WOFF_ENTRY;
    out.write(e.tag, at, 4, 'latin1');
    out.writeUInt32BE(offset, at + 4);
    out.writeUInt32BE(e.stored.length, at + 8);
    out.writeUInt32BE(e.origLength, at + 12);
    out.writeUInt32BE(e.checksum, at + 16);
    e.stored.copy(out, offset);
    offset += pad4(e.stored.length);
  });
  return out;
}
