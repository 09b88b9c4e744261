import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Low } from 'lowdb';
import { AppError, describeZodError } from '../../shared/api/errors.js';
import { IssueSchema, type Issue } from '../../shared/model/issue.js';
import { migrateIssue } from '../../shared/model/migrations.js';
import { DurableJsonFile, KeyedQueue, sha256 } from './durableFile.js';

/** The file names inside an issue folder. */
export const ISSUE_FILE = 'issue.json';
export const ASSETS_DIR = 'assets';
export const HISTORY_DIR = 'history';

/** An issue as read from disk, with the stamp (SHA-256) of the bytes it came from. */
export interface StoredIssue {
  issue: Issue;
  stamp: string;
}

export interface IssueStoreOptions {
  /** How many history versions to keep per issue (oldest go first). */
  historyLimit?: number;
  /** Autosaves keep a history version when the newest one is older than this (ms). */
  historyIntervalMs?: number;
  now?: () => Date;
}

function errnoCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
}

/** The file name of a history version saved at `time`: a sortable, portable timestamp. */
export function historyName(time: Date): string {
  return `${time.toISOString().replace(/[:.]/g, '-')}.json`;
}

function historyTime(name: string): number {
  const iso = name.replace(/^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z.*$/, '$1T$2:$3:$4.$5Z');
  return Date.parse(iso) || 0;
}

/**
 * Turns the text of `issue.json` into a valid Issue: JSON, then migrations, then zod.
 * Throws `issue.corrupt` or `issue.tooNew`.
 */
export function decodeIssue(text: string): Issue {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AppError('issue.corrupt', { detail: err instanceof Error ? err.message : 'JSON' });
  }
  const migrated = migrateIssue(raw);
  if (!migrated.ok) {
    if (migrated.problem === 'tooNew') throw new AppError('issue.tooNew', { version: migrated.version ?? 0 });
    throw new AppError('issue.corrupt', { detail: `schemaVersion: ${migrated.problem}` });
  }
  const parsed = IssueSchema.safeParse(migrated.doc);
  if (!parsed.success) throw new AppError('issue.corrupt', { detail: describeZodError(parsed.error) });
  return parsed.data;
}

/**
 * Reads and writes issue folders: `issue.json` through lowdb with durable writes, one
 * writer per file, a stamp check against changes made by other programs, and a
 * bounded `history/`. A file that cannot be read is never written over.
 */
export class IssueStore {
  private readonly dbs = new Map<string, Low<Issue | null>>();
  private readonly queue = new KeyedQueue();
  private readonly historyLimit: number;
  private readonly historyIntervalMs: number;
  private readonly now: () => Date;

  constructor(options: IssueStoreOptions = {}) {
    this.historyLimit = options.historyLimit ?? 30;
    this.historyIntervalMs = options.historyIntervalMs ?? 10 * 60 * 1000;
    this.now = options.now ?? (() => new Date());
  }

  private db(dir: string): Low<Issue | null> {
    const file = join(dir, ISSUE_FILE);
    let db = this.dbs.get(file);
    if (!db) {
      db = new Low<Issue | null>(new DurableJsonFile<Issue | null>(file, decodeIssue), null);
      this.dbs.set(file, db);
    }
    return db;
  }

  private adapter(db: Low<Issue | null>): DurableJsonFile<Issue | null> {
    return db.adapter as DurableJsonFile<Issue | null>;
  }

  /** Reads an issue folder. A damaged file is copied into `history/` and left as it is. */
  read(dir: string): Promise<StoredIssue> {
    return this.queue.run(dir, () => this.readNow(dir));
  }

  private async readNow(dir: string): Promise<StoredIssue> {
    const db = this.db(dir);
    const file = join(dir, ISSUE_FILE);
    db.data = null;
    try {
      await db.read();
    } catch (err) {
      if (err instanceof AppError) {
        await this.keepDamagedCopy(dir, this.adapter(db).stamp);
        throw err;
      }
      throw new AppError('issue.unreadable', { path: file, detail: errnoCode(err) }, { cause: err });
    }
    const stamp = this.adapter(db).stamp;
    const issue = db.data;
    db.data = null; // the caller owns the issue now; the store keeps no copy
    if (issue === null || stamp === null) throw new AppError('issue.notFound', { slug: basename(dir) });
    return { issue, stamp };
  }

  private async keepDamagedCopy(dir: string, stamp: string | null): Promise<void> {
    if (stamp === null) return;
    const target = join(dir, HISTORY_DIR, `damaged-${stamp.slice(0, 16)}.json`);
    try {
      await mkdir(join(dir, HISTORY_DIR), { recursive: true });
      await copyFile(join(dir, ISSUE_FILE), target, 1 /* COPYFILE_EXCL: keep the first copy */);
    } catch {
      // Already copied, or the folder is read-only: the original stays untouched either way.
    }
  }

  /** The stamp of `issue.json` as it is on disk now; null when there is no file. */
  async diskStamp(dir: string): Promise<string | null> {
    try {
      return sha256(await readFile(join(dir, ISSUE_FILE)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new AppError('issue.unreadable', { path: join(dir, ISSUE_FILE), detail: errnoCode(err) });
    }
  }

  /** Creates a new issue folder (which must not exist yet) with `assets/` and `history/`. */
  create(dir: string, issue: Issue): Promise<string> {
    return this.queue.run(dir, async () => {
      try {
        await mkdir(dir, { recursive: false });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('issue.exists', { slug: basename(dir) });
        throw new AppError('issue.unwritable', { path: dir, detail: errnoCode(err) });
      }
      await mkdir(join(dir, ASSETS_DIR));
      await mkdir(join(dir, HISTORY_DIR));
      return this.writeNow(dir, IssueSchema.parse(issue));
    });
  }

  /**
   * Saves an issue over the version it was read as (`expectedStamp`). When the file
   * on disk has changed since, nothing is written: `issue.changedOnDisk`.
   * `checkpoint` (an explicit save) also keeps a history version.
   */
  save(dir: string, issue: Issue, expectedStamp: string, options: { checkpoint?: boolean } = {}): Promise<StoredIssue> {
    return this.queue.run(dir, async () => {
      const onDisk = await this.diskStamp(dir);
      if (onDisk === null) throw new AppError('issue.notFound', { slug: basename(dir) });
      if (onDisk !== expectedStamp) throw new AppError('issue.changedOnDisk', { path: join(dir, ISSUE_FILE) });
      const next = IssueSchema.parse({ ...issue, updatedAt: this.now().toISOString() });
      const stamp = await this.writeNow(dir, next);
      try {
        await this.keepHistory(dir, options.checkpoint ?? false);
      } catch (err) {
        // The issue itself is saved; a history copy that fails (disk full) must not make
        // the caller keep the old stamp and then see its own write as a foreign change.
        console.warn(`[masthead] history version not kept for ${dir}:`, err);
      }
      return { issue: next, stamp };
    });
  }

  private async writeNow(dir: string, issue: Issue): Promise<string> {
    const db = this.db(dir);
    db.data = issue;
    try {
      await db.write();
      db.data = null;
    } catch (err) {
      throw new AppError('issue.unwritable', { path: join(dir, ISSUE_FILE), detail: errnoCode(err) }, { cause: err });
    }
    const stamp = this.adapter(db).stamp;
    if (stamp === null) throw new AppError('internal', { detail: 'no stamp after write' });
    return stamp;
  }

  /** The history versions of an issue, oldest first (file names). */
  async history(dir: string): Promise<string[]> {
    try {
      const names = await readdir(join(dir, HISTORY_DIR));
      return names.filter((n) => /^\d{4}-.*\.json$/.test(n)).sort();
    } catch {
      return [];
    }
  }

  private async keepHistory(dir: string, checkpoint: boolean): Promise<void> {
    const versions = await this.history(dir);
    const newest = versions.at(-1);
    if (!checkpoint && newest) {
      const age = this.now().getTime() - historyTime(newest);
      if (age < this.historyIntervalMs) return;
    }
    const name = historyName(this.now());
    await mkdir(join(dir, HISTORY_DIR), { recursive: true });
    await copyFile(join(dir, ISSUE_FILE), join(dir, HISTORY_DIR, name));
    const all = [...new Set([...versions, name])].sort();
    for (const old of all.slice(0, Math.max(0, all.length - this.historyLimit))) {
      await rm(join(dir, HISTORY_DIR, old), { force: true });
    }
  }
}
