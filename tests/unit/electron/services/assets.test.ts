import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AssetStore, imageSize, sniffImageType } from '../../../../electron/services/assets.js';
import { makeJpeg, makePng } from '../../../fixtures/docx/build.js';

/** A JPEG with an EXIF APP1 segment giving `orientation`, inserted after SOI (as cameras write it). */
function withOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // first IFD right after the header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('image sizes', () => {
  it('reads PNG and JPEG sizes from their headers', () => {
    expect(imageSize(makePng(321, 123))).toEqual({ width: 321, height: 123 });
    expect(imageSize(makeJpeg(4, 2))).toEqual({ width: 32, height: 16 });
  });

  it('applies the EXIF orientation: a photo turned a quarter shows with its sides swapped', () => {
    const jpeg = makeJpeg(4, 2);
    expect(imageSize(withOrientation(jpeg, 1))).toEqual({ width: 32, height: 16 });
    expect(imageSize(withOrientation(jpeg, 3))).toEqual({ width: 32, height: 16 });
    expect(imageSize(withOrientation(jpeg, 6))).toEqual({ width: 16, height: 32 });
    expect(imageSize(withOrientation(jpeg, 8))).toEqual({ width: 16, height: 32 });
  });

  it('gives null for what is not an image, or a truncated header', () => {
    expect(imageSize(Buffer.from('hello'))).toBeNull();
    expect(imageSize(makePng(10, 10).subarray(0, 12))).toBeNull();
    expect(sniffImageType(Buffer.from('GIF89a'))).toBe('gif');
  });
});

describe('AssetStore', () => {
  it('names assets by content hash, stores the same bytes once, and refuses non-images and foreign ids', async () => {
    dir = await mkdtemp(join(tmpdir(), 'masthead-assets-'));
    const store = new AssetStore(dir);
    const png = makePng(20, 10);
    const a = await store.put(png);
    const b = await store.put(png);
    expect(a).toEqual(b);
    expect(a.assetId).toMatch(/^[0-9a-f]{64}\.png$/);
    expect(await readdir(join(dir, 'assets'))).toEqual([a.assetId]);
    expect(await store.read(a.assetId)).toEqual(png);
    await expect(store.put(Buffer.from('text'))).rejects.toMatchObject({ code: 'asset.notImage' });
    expect(() => store.path('../issue.json')).toThrow(expect.objectContaining({ code: 'path.outsideWorkspace' }));
    await expect(store.read(`${'0'.repeat(64)}.png`)).rejects.toMatchObject({ code: 'asset.missing' });
  });
});
