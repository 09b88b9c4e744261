import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** SHA-256 of bytes as hex: the stamp that tells whether a file changed. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `file` with `bytes` so that a crash leaves either the old or the new file,
 * never a mix: write a temp file beside it, fsync it, rename it over, fsync the folder.
 * (lowdb's own writer renames but does not fsync.)
 */
export async function writeFileDurably(file: string, bytes: Uint8Array | string): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  await fsyncDir(dir);
}

/**
 * A lowdb adapter for a JSON file that is written durably (see writeFileDurably) and
 * read through `decode`, which validates and may throw. It remembers the SHA-256 of
 * the bytes last read or written, so a store can tell when another program changed
 * the file.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  /** SHA-256 of the bytes last read or written; null before either. */
  stamp: string | null = null;

  constructor(
    readonly file: string,
    private readonly decode: (text: string) => T,
  ) {}

  /** The decoded file, or null when it does not exist. */
  async read(): Promise<T | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    this.stamp = sha256(bytes);
    return this.decode(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  }

  async write(data: T): Promise<void> {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    await writeFileDurably(this.file, text);
    this.stamp = sha256(text);
  }
}

/** Runs tasks with the same key one after another (one writer per file). */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<R>(key: string, task: () => Promise<R>): Promise<R> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
