import { AppError } from '../../shared/api/errors.js';

/** An upload with no piece for this long is dropped (the renderer sends its pieces back to back). */
export const UPLOAD_IDLE_MS = 2 * 60 * 1000;
/** Uploads in flight at once: the editor sends one image at a time; a few pastes may overlap. */
export const MAX_UPLOADS = 4;
/** Ids of dropped uploads remembered, so a late piece is refused rather than taken as a new image. */
const REMEMBERED_EXPIRED = 64;

interface Pending {
  bytes: number;
  chunks: Buffer[];
  /** When the last piece came, ms on the `now` clock. */
  touched: number;
}

/**
 * Images arriving in pieces (`asset:put`), by upload id, until their last piece. Bounded
 * three ways so an abandoned or hostile upload cannot hold memory until restart: at most
 * `maxUploads` at once, at most `maxBytes` each, and an upload idle for `idleMs` is dropped
 * when the next piece of any upload arrives (no timer keeps the process alive).
 */
export class PendingUploads {
  private readonly pending = new Map<string, Pending>();
  private readonly expired = new Set<string>();
  private readonly now: () => number;
  private readonly idleMs: number;
  private readonly maxUploads: number;
  private readonly maxBytes: number;

  constructor(options: { maxBytes: number; now?: () => number; idleMs?: number; maxUploads?: number }) {
    this.maxBytes = options.maxBytes;
    this.now = options.now ?? Date.now;
    this.idleMs = options.idleMs ?? UPLOAD_IDLE_MS;
    this.maxUploads = options.maxUploads ?? MAX_UPLOADS;
  }

  /** Uploads in flight (for tests and diagnostics). */
  get size(): number {
    return this.pending.size;
  }

  /**
   * Adds the next piece of `upload`; answers all its bytes when `done`, else null. Throws
   * `asset.tooLarge`, `asset.tooManyUploads`, or `asset.uploadExpired` for a piece of an
   * upload that was dropped for idling.
   */
  add(upload: string, chunk: Buffer, done: boolean): Buffer | null {
    const now = this.now();
    this.dropIdle(now);
    if (this.expired.has(upload)) {
      throw new AppError('asset.uploadExpired', { minutes: Math.round(this.idleMs / 60_000) });
    }
    let parts = this.pending.get(upload);
    if (!parts) {
      if (this.pending.size >= this.maxUploads) throw new AppError('asset.tooManyUploads', { max: this.maxUploads });
      parts = { bytes: 0, chunks: [], touched: now };
    }
    parts.bytes += chunk.length;
    parts.chunks.push(chunk);
    parts.touched = now;
    if (parts.bytes > this.maxBytes) {
      this.pending.delete(upload);
      throw new AppError('asset.tooLarge', { limit: Math.round(this.maxBytes / 1048576) });
    }
    if (!done) {
      this.pending.set(upload, parts);
      return null;
    }
    this.pending.delete(upload);
    return Buffer.concat(parts.chunks);
  }

  private dropIdle(now: number): void {
    for (const [id, parts] of this.pending) {
      if (now - parts.touched <= this.idleMs) continue;
      this.pending.delete(id);
      this.expired.add(id);
      const oldest = this.expired.values().next();
      if (this.expired.size > REMEMBERED_EXPIRED && !oldest.done) this.expired.delete(oldest.value);
    }
  }
}
