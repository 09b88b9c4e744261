import { deflateSync } from 'node:zlib';

/**
 * Real PNG and JPEG files for the DOCX tests, drawn from a function of the pixel
 * position, so no binary fixture is checked in. The JPEG is a true baseline DCT JPEG
 * (4:4:4, fixed-length Huffman codes), which Word, LibreOffice and poppler decode.
 */

/** A pixel colour as [r, g, b], 0…255. */
export type Rgb = [number, number, number];
/** Draws the pixel at (x, y) of a width × height picture. */
export type Painter = (x: number, y: number, width: number, height: number) => Rgb;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGB PNG of the painted picture. */
export function makePng(width: number, height: number, paint: Painter): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) raw.set(paint(x, y, width, height), row + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter method, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49,
  56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];
// Huffman tables with fixed-length codes: 12 DC categories in 4 bits, the 162 AC symbols in 8 bits.
const DC_SYMBOLS = Array.from({ length: 12 }, (_, i) => i);
const AC_SYMBOLS = [0x00, 0xf0, ...Array.from({ length: 160 }, (_, i) => ((i / 10) << 4) | ((i % 10) + 1))];
const COS = Array.from({ length: 64 }, (_, i) => Math.cos(((2 * (i >> 3) + 1) * (i & 7) * Math.PI) / 16));

class BitWriter {
  private readonly out: number[] = [];
  private acc = 0;
  private bits = 0;
  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.bits === 8) this.flushByte();
    }
  }
  private flushByte(): void {
    this.out.push(this.acc);
    if (this.acc === 0xff) this.out.push(0); // byte stuffing
    this.acc = 0;
    this.bits = 0;
  }
  end(): number[] {
    while (this.bits !== 0) this.write(1, 1); // pad with ones
    return this.out;
  }
}

function magnitude(v: number): [number, number] {
  const size = v === 0 ? 0 : Math.floor(Math.log2(Math.abs(v))) + 1;
  return [size, v >= 0 ? v : v + (1 << size) - 1];
}

function segment(marker: number, body: number[]): number[] {
  return [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
}

/** A baseline JPEG of the painted picture; `q` is the (flat) quantizer step, 1…255. */
export function makeJpeg(width: number, height: number, paint: Painter, q = 6): Buffer {
  const bits = new BitWriter();
  const prevDc = [0, 0, 0];
  const block = new Float64Array(64);
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      const ycc = Array.from({ length: 3 }, () => new Float64Array(64));
      for (let i = 0; i < 64; i++) {
        const [r, g, b] = paint(Math.min(width - 1, bx + (i & 7)), Math.min(height - 1, by + (i >> 3)), width, height);
        ycc[0][i] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
        ycc[1][i] = -0.1687 * r - 0.3313 * g + 0.5 * b;
        ycc[2][i] = 0.5 * r - 0.4187 * g - 0.0813 * b;
      }
      for (let c = 0; c < 3; c++) {
        for (let v = 0; v < 8; v++) {
          for (let u = 0; u < 8; u++) {
            let sum = 0;
            for (let i = 0; i < 64; i++) sum += ycc[c][i] * COS[((i & 7) << 3) | u] * COS[((i >> 3) << 3) | v];
            block[v * 8 + u] = (sum * (u === 0 ? Math.SQRT1_2 : 1) * (v === 0 ? Math.SQRT1_2 : 1)) / 4;
          }
        }
        const coef = ZIGZAG.map((z) => Math.round(block[z] / q));
        const [dcSize, dcBits] = magnitude(coef[0] - prevDc[c]);
        prevDc[c] = coef[0];
        bits.write(dcSize, 4);
        bits.write(dcBits, dcSize);
        let run = 0;
        for (let k = 1; k < 64; k++) {
          if (coef[k] === 0) {
            run++;
            continue;
          }
          for (; run > 15; run -= 16) bits.write(AC_SYMBOLS.indexOf(0xf0), 8);
          const [size, value] = magnitude(coef[k]);
          bits.write(AC_SYMBOLS.indexOf((run << 4) | size), 8);
          bits.write(value, size);
          run = 0;
        }
        if (run > 0) bits.write(AC_SYMBOLS.indexOf(0x00), 8);
      }
    }
  }
  const counts = (length: number, n: number) => Array.from({ length: 16 }, (_, i) => (i === length - 1 ? n : 0));
  const dht = (cls: number, id: number, length: number, symbols: number[]) => [(cls << 4) | id, ...counts(length, symbols.length), ...symbols];
  const header = [
    0xff, 0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // JFIF 1.1, no density unit
    ...segment(0xdb, [0, ...Array.from({ length: 64 }, () => q)]),
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]),
    ...segment(0xc4, [...dht(0, 0, 4, DC_SYMBOLS), ...dht(1, 0, 8, AC_SYMBOLS)]),
    ...segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]),
  ];
  return Buffer.from([...header, ...bits.end(), 0xff, 0xd9]);
}

/** A landscape at dusk: sky gradient, a sun, hills; looks like a photo at a glance. */
export const landscape: Painter = (x, y, w, h) => {
  const sky = y / h;
  const sun = Math.hypot(x - w * 0.7, y - h * 0.35) < h * 0.12;
  const hill = y > h * (0.62 + 0.08 * Math.sin((x / w) * 7));
  if (hill) return [40 + 60 * sky, 110 - 40 * sky, 50];
  if (sun) return [250, 210, 90];
  return [90 + 140 * sky, 140 + 60 * sky, 220 - 60 * sky];
};

/** A poster: a red band with white stripes on a light field, and a grey frame. */
export const poster: Painter = (x, y, w, h) => {
  if (x < 6 || y < 6 || x >= w - 6 || y >= h - 6) return [120, 120, 120];
  if (y > h * 0.3 && y < h * 0.55) return (x >> 4) % 5 === 0 ? [255, 255, 255] : [200, 22, 29];
  return [245 - (y / h) * 40, 240 - (x / w) * 30, 230];
};
