import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/api/errors.js';
import { writeFileDurably, sha256 } from './durableFile.js';
import { ASSETS_DIR } from './issueStore.js';

/** The image formats an issue can hold. */
export type ImageType = 'jpg' | 'png' | 'gif' | 'webp';

/** The image type of `bytes` from its signature (magic bytes), or null. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'gif';
  if (
    b.length >= 12 &&
    b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 &&
    b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50
  ) {
    return 'webp';
  }
  return null;
}

/** The asset id of an image: SHA-256 of its bytes plus its extension (a safe, deduplicating file name). */
export function assetIdOf(bytes: Uint8Array, type: ImageType): string {
  return `${sha256(bytes)}.${type}`;
}

/** The images of one issue folder, in `assets/`, named by content hash. */
export class AssetStore {
  constructor(readonly issueDir: string) {}

  /** The file of an asset. Refuses ids that are not content hashes (no path can escape `assets/`). */
  path(assetId: string): string {
    if (!/^[0-9a-f]{64}\.(jpg|png|webp|gif)$/.test(assetId)) throw new AppError('path.outsideWorkspace', { path: assetId });
    return join(this.issueDir, ASSETS_DIR, assetId);
  }

  /** Stores an image (once: the same bytes give the same id) and returns its id. */
  async put(bytes: Uint8Array): Promise<{ assetId: string; type: ImageType }> {
    const type = sniffImageType(bytes);
    if (!type) throw new AppError('asset.notImage', {});
    const assetId = assetIdOf(bytes, type);
    const file = this.path(assetId);
    if (!existsSync(file)) {
      await mkdir(join(this.issueDir, ASSETS_DIR), { recursive: true });
      await writeFileDurably(file, bytes);
    }
    return { assetId, type };
  }

  /** The bytes of an asset; `asset.missing` when the file is gone. */
  async read(assetId: string): Promise<Buffer> {
    try {
      return await readFile(this.path(assetId));
    } catch {
      throw new AppError('asset.missing', { assetId });
    }
  }
}

/** Pixel size as displayed (EXIF orientation applied), read from an image's header (PNG IHDR, JPEG SOFn, GIF screen, WebP VP8/VP8L/VP8X); null when unreadable. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const type = sniffImageType(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    switch (type) {
      case 'png':
        return { width: view.getUint32(16), height: view.getUint32(20) };
      case 'gif':
        return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
      case 'webp':
        return webpSize(bytes, view);
      case 'jpg':
        return jpegSize(bytes, view);
      default:
        return null;
    }
  } catch {
    return null; // a truncated header
  }
}

function webpSize(bytes: Uint8Array, view: DataView): { width: number; height: number } | null {
  const chunk = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]);
  if (chunk === 'VP8X') {
    const w = 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16));
    const h = 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16));
    return { width: w, height: h };
  }
  if (chunk === 'VP8L') {
    const b = view.getUint32(21, true);
    return { width: (b & 0x3fff) + 1, height: ((b >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  return null;
}

/** The EXIF orientation (1–8) in a JPEG APP1 segment starting at `at`, or 1. */
function exifOrientation(view: DataView, at: number, length: number): number {
  const start = at + 4;
  if (length < 16 || view.getUint32(start) !== 0x45786966) return 1; // "Exif"
  const tiff = start + 6;
  const little = view.getUint16(tiff) === 0x4949;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  const entries = view.getUint16(ifd, little);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (view.getUint16(entry, little) === 0x0112) return view.getUint16(entry + 8, little);
  }
  return 1;
}

function jpegSize(bytes: Uint8Array, view: DataView): { width: number; height: number } | null {
  let at = 2;
  let orientation = 1;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    const length = view.getUint16(at + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker === 0xe1) orientation = exifOrientation(view, at, length);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const width = view.getUint16(at + 7);
      const height = view.getUint16(at + 5);
      // Orientations 5–8 turn the picture a quarter: it shows (and prints) with sides swapped.
      return orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
    }
    at += 2 + length;
  }
  return null;
}
