import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import {
  LibraryEntrySchema,
  type IssueSummary,
  type LibraryEntry,
  type NewIssueInput,
  type TrashEntry,
} from '../../shared/api/contract.js';
import { AppError, toErrorData } from '../../shared/api/errors.js';
import { createIssue, nextIssue } from '../../shared/model/factory.js';
import type { Issue, Section } from '../../shared/model/issue.js';
import { formatIssueLine } from '../../shared/model/issueLine.js';
import { issueChars } from '../../shared/model/text.js';
import { DurableJsonFile, KeyedQueue } from './durableFile.js';
import { ASSETS_DIR, ISSUE_FILE, IssueStore } from './issueStore.js';
import { localIsoDate } from '../../shared/model/dates.js';
import { issueDir, slugify, uniqueName } from './paths.js';

/** The workspace index file and trash folder names. */
export const INDEX_FILE = 'library.json';
export const TRASH_DIR = '.trash';

const IndexSchema = z.object({
  version: z.literal(1),
  entries: z.record(
    z.string(),
    z.object({ mtimeMs: z.number(), size: z.number(), entry: LibraryEntrySchema }),
  ),
});
type LibraryIndex = z.infer<typeof IndexSchema>;

/** What the library lists of an issue. */
export function summarizeIssue(issue: Issue): IssueSummary {
  return {
    id: issue.id,
    title: issue.title,
    publication: issue.publication.name,
    publisher: issue.publication.publisher,
    number: issue.number,
    date: issue.date,
    sectionCount: issue.sections.length,
    articleCount: issue.sections.reduce((n, s) => n + s.articles.length, 0),
    chars: issueChars(issue),
    updatedAt: issue.updatedAt,
  };
}

/** Runs `f` over `items` with at most `limit` at a time. */
async function mapLimited<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * The issues of one workspace folder: listing (through a cached index that is rebuilt
 * by scanning when missing, stale or corrupt), creating, duplicating, renaming,
 * trash and restore.
 */
export class Library {
  private readonly index: Low<LibraryIndex>;
  private readonly naming = new KeyedQueue();

  constructor(
    readonly workspace: string,
    readonly store: IssueStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    const decode = (text: string) => IndexSchema.parse(JSON.parse(text));
    this.index = new Low(new DurableJsonFile<LibraryIndex>(join(workspace, INDEX_FILE), decode), {
      version: 1,
      entries: {},
    });
  }

  /** The folder of an issue in this workspace. */
  dir(slug: string): string {
    return issueDir(this.workspace, slug);
  }

  private async ensureWorkspace(): Promise<void> {
    try {
      await mkdir(this.workspace, { recursive: true });
    } catch (err) {
      throw new AppError('workspace.unavailable', {
        path: this.workspace,
        detail: (err as NodeJS.ErrnoException).code ?? String(err),
      });
    }
  }

  private async loadIndex(): Promise<LibraryIndex> {
    // lowdb keeps the old data when the file is missing: start empty so a deleted index is rebuilt.
    this.index.data = { version: 1, entries: {} };
    try {
      await this.index.read();
    } catch {
      // Missing fields, bad JSON, unreadable: start afresh; the scan rebuilds it.
      this.index.data = { version: 1, entries: {} };
    }
    return this.index.data;
  }

  /** Every issue folder of the workspace, damaged ones included, newest date first. */
  async list(): Promise<LibraryEntry[]> {
    await this.ensureWorkspace();
    const dirents = await readdir(this.workspace, { withFileTypes: true });
    const slugs = dirents.filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name);
    const index = await this.loadIndex();
    let changed = Object.keys(index.entries).some((slug) => !slugs.includes(slug));
    const fresh: LibraryIndex['entries'] = {};
    const rows = await mapLimited(slugs, 32, async (slug) => {
      const file = join(this.workspace, slug, ISSUE_FILE);
      const st = await stat(file).catch(() => null);
      if (!st) return null;
      const cached = index.entries[slug];
      if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) {
        fresh[slug] = cached;
        return cached.entry;
      }
      changed = true;
      const entry = await this.readEntry(slug);
      fresh[slug] = { mtimeMs: st.mtimeMs, size: st.size, entry };
      return entry;
    });
    if (changed || Object.keys(fresh).length !== Object.keys(index.entries).length) {
      this.index.data = { version: 1, entries: fresh };
      // The index is a cache: failing to write it (read-only workspace) must not fail the listing.
      await this.index.write().catch(() => undefined);
    }
    return rows.filter((r): r is LibraryEntry => r !== null).sort(compareEntries);
  }

  private async readEntry(slug: string): Promise<LibraryEntry> {
    try {
      const { issue } = await this.store.read(this.dir(slug));
      return { status: 'ok', slug, summary: summarizeIssue(issue) };
    } catch (err) {
      return { status: 'damaged', slug, error: toErrorData(err) };
    }
  }

  /**
   * Picks a free folder name from `base` and lets `use` take it, one at a time: two
   * issues created at the same moment never pick the same name.
   */
  private claim<T>(base: string, use: (slug: string) => Promise<T>): Promise<T> {
    return this.naming.run('names', async () => {
      await this.ensureWorkspace();
      return use(uniqueName(slugify(base), (name) => existsSync(join(this.workspace, name))));
    });
  }

  /** Creates an issue from a template, with `sections` when given; returns its folder name. */
  async create(input: NewIssueInput, sections: Section[] = []): Promise<string> {
    const issue = { ...createIssue(input, this.now().toISOString()), sections };
    return this.claim(defaultSlugBase(issue), async (slug) => {
      await this.store.create(this.dir(slug), issue);
      return slug;
    });
  }

  /** Creates the next issue after `slug`: number + 1, date today, sections and layout kept, no articles. */
  async duplicate(slug: string): Promise<string> {
    const source = this.dir(slug);
    const { issue } = await this.store.read(source);
    const now = this.now();
    const next = nextIssue(issue, localIsoDate(now), now.toISOString());
    const newSlug = await this.claim(defaultSlugBase(next), async (slug) => {
      await this.store.create(this.dir(slug), next);
      return slug;
    });
    const target = this.dir(newSlug);
    if (next.masthead.titleAssetId) {
      const asset = next.masthead.titleAssetId;
      await copyFile(join(source, ASSETS_DIR, asset), join(target, ASSETS_DIR, asset)).catch(() => undefined);
    }
    return newSlug;
  }

  /** Gives an issue its own name and moves its folder to match; returns the new folder name. */
  async rename(slug: string, title: string): Promise<string> {
    const dir = this.dir(slug);
    const { issue, stamp } = await this.store.read(dir);
    await this.store.save(dir, { ...issue, title }, stamp);
    const base = slugify(title);
    if (base === slug) return slug;
    return this.claim(title, async (newSlug) => {
      await moveFolder(dir, this.dir(newSlug));
      return newSlug;
    });
  }

  /** Moves an issue folder into the workspace trash; returns its id there. */
  async trash(slug: string): Promise<string> {
    const dir = this.dir(slug);
    // Only issue folders (damaged ones included) move to the trash, never any other folder.
    if (!existsSync(join(dir, ISSUE_FILE))) throw new AppError('issue.notFound', { slug });
    const trashRoot = join(this.workspace, TRASH_DIR);
    await mkdir(trashRoot, { recursive: true });
    const trashId = `${slug}~${this.now().getTime()}`;
    await moveFolder(dir, join(trashRoot, trashId));
    return trashId;
  }

  /** Everything in the trash, most recently trashed first. */
  async trashed(): Promise<TrashEntry[]> {
    const trashRoot = join(this.workspace, TRASH_DIR);
    const names = await readdir(trashRoot).catch(() => [] as string[]);
    const entries = await mapLimited(names.filter((n) => /~\d+$/.test(n)), 16, async (trashId) => {
      const at = trashId.lastIndexOf('~');
      const slug = trashId.slice(0, at);
      const trashedAt = new Date(Number(trashId.slice(at + 1))).toISOString();
      const summary = await this.store
        .read(join(trashRoot, trashId))
        .then(({ issue }) => summarizeIssue(issue))
        .catch(() => null);
      return { trashId, slug, trashedAt, summary };
    });
    return entries.sort((a, b) => b.trashedAt.localeCompare(a.trashedAt));
  }

  /** Moves an issue back from the trash; returns its folder name (renamed if the old one is taken). */
  async restore(trashId: string): Promise<string> {
    const from = issueDir(join(this.workspace, TRASH_DIR), trashId);
    if (!existsSync(from)) throw new AppError('trash.notFound', { trashId });
    return this.claim(trashId.slice(0, trashId.lastIndexOf('~')) || trashId, async (slug) => {
      await moveFolder(from, this.dir(slug));
      return slug;
    });
  }
}

/** Moves an issue folder; a refusal (a file held open on Windows, permissions) says which folder. */
async function moveFolder(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (err) {
    throw new AppError('issue.unwritable', { path: from, detail: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
}

function defaultSlugBase(issue: Issue): string {
  return `${issue.publication.name} ${formatIssueLine({ ...issue.number, serial: null })}`;
}

function compareEntries(a: LibraryEntry, b: LibraryEntry): number {
  const key = (e: LibraryEntry) => (e.status === 'ok' ? `${e.summary.date}|${e.summary.updatedAt}` : '');
  return key(b).localeCompare(key(a)) || a.slug.localeCompare(b.slug);
}
