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
