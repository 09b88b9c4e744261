import { describe, expect, it } from 'vitest';
import { AppError, type AppErrorData } from '../../../../shared/api/errors.js';
import { PendingUploads, UPLOAD_IDLE_MS } from '../../../../electron/services/uploads.js';

/** The error data `work` throws (or null). */
function thrown(work: () => unknown): AppErrorData | null {
  try {
    work();
  } catch (err) {
    if (err instanceof AppError) return err.toData();
    throw err;
  }
  return null;
}

/** Uploads on a clock the test moves. */
function setup(options: { maxBytes?: number; maxUploads?: number } = {}) {
  const clock = { now: 1_000_000 };
  const uploads = new PendingUploads({ maxBytes: options.maxBytes ?? 1024, maxUploads: options.maxUploads, now: () => clock.now });
  return { clock, uploads };
}

const bytes = (text: string) => Buffer.from(text);

describe('PendingUploads', () => {
  it('answers the pieces of one upload joined in order on its last piece, and forgets it', () => {
    const { uploads } = setup();
    expect(uploads.add('up-1', bytes('图片'), false)).toBeNull();
    expect(uploads.add('up-1', bytes('数据'), false)).toBeNull();
    expect(uploads.add('up-1', bytes('!'), true)?.toString()).toBe('图片数据!');
    expect(uploads.size).toBe(0);
  });

  it('keeps an upload idle for exactly the limit, drops one idle longer, and refuses its late pieces', () => {
    const { clock, uploads } = setup();
    uploads.add('slow', bytes('a'), false);
    uploads.add('late', bytes('a'), false);
    clock.now += UPLOAD_IDLE_MS;
    uploads.add('slow', bytes('b'), false); // just in time: the idle clock starts again
    clock.now += 1;
    // Any put looks for idle uploads: this one drops 'late' (idle 2 min + 1 ms), not 'slow'.
    expect(uploads.add('other', bytes('x'), true)?.toString()).toBe('x');
    expect(uploads.size).toBe(1);
    expect(thrown(() => uploads.add('late', bytes('b'), true))).toEqual({ code: 'asset.uploadExpired', params: { minutes: 2 } });
    expect(uploads.add('slow', bytes('c'), true)?.toString()).toBe('abc');
  });

  it('caps the uploads in flight; a finished or refused one frees its place', () => {
    const { uploads } = setup({ maxUploads: 2, maxBytes: 4 });
    uploads.add('one', bytes('a'), false);
    uploads.add('two', bytes('a'), false);
    expect(thrown(() => uploads.add('three', bytes('a'), false))).toEqual({ code: 'asset.tooManyUploads', params: { max: 2 } });
    // Pieces of an upload already in flight still come in.
    expect(uploads.add('two', bytes('b'), true)?.toString()).toBe('ab');
    expect(uploads.add('three', bytes('a'), false)).toBeNull();
    expect(thrown(() => uploads.add('one', bytes('bcde'), false))?.code).toBe('asset.tooLarge');
    expect(uploads.size).toBe(1);
  });

  it('refuses an upload past its size with asset.tooLarge (the limit in MB) and keeps nothing of it', () => {
    const { uploads } = setup({ maxBytes: 64 * 1024 * 1024 });
    const piece = Buffer.alloc(32 * 1024 * 1024);
    uploads.add('big', piece, false);
    uploads.add('big', piece, false);
    expect(thrown(() => uploads.add('big', bytes('1'), false))).toEqual({ code: 'asset.tooLarge', params: { limit: 64 } });
    expect(uploads.size).toBe(0);
  });
});
