import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryEntry, NewIssueInput } from '../../../../shared/api/contract.js';
import { AppError } from '../../../../shared/api/errors.js';
import { IssueStore } from '../../../../electron/services/issueStore.js';
import { INDEX_FILE, Library, TRASH_DIR } from '../../../../electron/services/library.js';
import { filledIssue } from '../../../helpers/issues.js';
import { useTempDirs } from '../../../helpers/tempDir.js';

const temp = useTempDirs();
// Local noon, so the local date is 2024-04-20 in every time zone.
const NOW = new Date(2024, 3, 20, 12, 0, 0);

const input = (over: Partial<NewIssueInput> = {}): NewIssueInput => ({
  template: 'bulletin',
  publicationName: '渝工简报',
  publisher: '重庆市总工会办公室',
  year: 2024,
  no: 3,
  serial: 186,
  date: '2024-03-15',
  ...over,
});

async function workspace(now: () => Date = () => NOW) {
  const ws = join(await temp.make(), 'Masthead');
  const store = new IssueStore({ now });
  return { ws, store, lib: new Library(ws, store, now) };
}

/** Creates an issue through the library and fills it with filledIssue()'s sections. */
async function createFilled(lib: Library, over: Partial<NewIssueInput> = {}): Promise<string> {
  const slug = await lib.create(input(over));
  const { issue, stamp } = await lib.store.read(lib.dir(slug));
  await lib.store.save(lib.dir(slug), { ...issue, sections: filledIssue().sections }, stamp);
  return slug;
}

const slugsOf = (entries: LibraryEntry[]) => entries.map((e) => e.slug);
const readIndex = async (ws: string) => JSON.parse(await readFile(join(ws, INDEX_FILE), 'utf8'));

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('Library.list', () => {
  it('creates a missing workspace folder and lists nothing', async () => {
    const { ws, lib } = await workspace();
    expect(existsSync(ws)).toBe(false);
    expect(await lib.list()).toEqual([]);
    expect(existsSync(ws)).toBe(true);
  });

  it('lists a created issue with its summary', async () => {
    const { lib } = await workspace();
    const slug = await createFilled(lib);
    expect(slug).toBe('渝工简报 2024年第3期');
    const [entry] = await lib.list();
    expect(entry).toEqual({
      status: 'ok',
      slug,
      summary: {
        id: expect.stringMatching(/^[A-Za-z0-9]{12}$/),
        title: '',
        publication: '渝工简报',
        publisher: '重庆市总工会办公室',
        number: { year: 2024, no: 3, serial: 186 },
        date: '2024-03-15',
        sectionCount: 2,
        articleCount: 3,
        chars: 20,
        updatedAt: NOW.toISOString(),
      },
    });
  });

  it('lists newest date first; a damaged issue is listed, marked and last, and the others still list', async () => {
    const { ws, lib } = await workspace();
    const march = await lib.create(input());
    const may = await lib.create(input({ no: 5, date: '2024-05-10' }));
    const broken = await lib.create(input({ no: 4, date: '2024-04-10' }));
    await writeFile(join(ws, broken, 'issue.json'), '{"schemaVersion": 1, "id": ');
    const entries = await lib.list();
    expect(slugsOf(entries)).toEqual([may, march, broken]);
    expect(entries[2]).toEqual({ status: 'damaged', slug: broken, error: { code: 'issue.corrupt', params: { detail: expect.any(String) } } });
    expect(entries.slice(0, 2).every((e) => e.status === 'ok')).toBe(true);
  });

  it('leaves out the trash, dot-folders, loose files and folders without issue.json', async () => {
    const { ws, lib } = await workspace();
    const slug = await lib.create(input());
    await mkdir(join(ws, TRASH_DIR, 'x~1'), { recursive: true });
    await mkdir(join(ws, '.hidden'));
    await mkdir(join(ws, 'empty folder'));
    await writeFile(join(ws, 'notes.txt'), 'hello');
    expect(slugsOf(await lib.list())).toEqual([slug]);
  });
});

describe('Library index (library.json)', () => {
  it('writes the index with an entry per issue folder', async () => {
    const { ws, lib } = await workspace();
    const slug = await lib.create(input());
    const entries = await lib.list();
    const index = await readIndex(ws);
    expect(index.version).toBe(1);
    expect(Object.keys(index.entries)).toEqual([slug]);
    expect(index.entries[slug]).toEqual({ mtimeMs: expect.any(Number), size: expect.any(Number), entry: entries[0] });
  });

  it('serves an unchanged issue from the index without reading issue.json', async () => {
    const { ws, store, lib } = await workspace();
    const slug = await lib.create(input());
    await lib.list();
    // Mark the cached entry: if list() re-read issue.json the mark would vanish.
    const index = await readIndex(ws);
    index.entries[slug].entry.summary.title = 'from the index';
    await writeFile(join(ws, INDEX_FILE), JSON.stringify(index));
    const [entry] = await new Library(ws, store, () => NOW).list();
    expect(entry.status === 'ok' && entry.summary.title).toBe('from the index');
  });

  it('rebuilds a deleted index (fresh Library)', async () => {
    const { ws, store, lib } = await workspace();
    await lib.create(input());
    const first = await lib.list();
    await rm(join(ws, INDEX_FILE));
    expect(await new Library(ws, store, () => NOW).list()).toEqual(first);
    expect(Object.keys((await readIndex(ws)).entries)).toEqual(slugsOf(first));
  });

  it('rebuilds a deleted index when the same Library lists again (the app keeps one Library)', async () => {
    const { ws, lib } = await workspace();
    await lib.create(input());
    const first = await lib.list();
    await rm(join(ws, INDEX_FILE));
    expect(await lib.list()).toEqual(first);
    expect(existsSync(join(ws, INDEX_FILE))).toBe(true);
  });

  it.each([
    ['garbage bytes', Buffer.from([0xff, 0x00, 0x13, 0x37, 0x7b])],
    ['valid JSON of the wrong shape', Buffer.from('{"version": 2, "entries": []}')],
    ['an entry that is not a library entry', Buffer.from('{"version":1,"entries":{"x":{"mtimeMs":1,"size":1,"entry":{"status":"ok"}}}}')],
  ])('rebuilds an index holding %s', async (_what, bytes) => {
    const { ws, store, lib } = await workspace();
    await lib.create(input());
    const first = await lib.list();
    await writeFile(join(ws, INDEX_FILE), bytes);
    expect(await new Library(ws, store, () => NOW).list()).toEqual(first);
    expect(Object.keys((await readIndex(ws)).entries)).toEqual(slugsOf(first));
  });

  it('refreshes a stale entry when another program changed issue.json', async () => {
    const { ws, lib } = await workspace();
    const slug = await lib.create(input());
    await lib.list();
    const file = join(ws, slug, 'issue.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"title": ""', '"title": "外部程序改的名字"'));
    const [entry] = await lib.list();
    expect(entry.status === 'ok' && entry.summary.title).toBe('外部程序改的名字');
    expect((await readIndex(ws)).entries[slug].entry.summary.title).toBe('外部程序改的名字');
  });

  it('drops the entry of a folder removed behind its back', async () => {
    const { ws, lib } = await workspace();
    const keep = await lib.create(input());
    const gone = await lib.create(input({ no: 4 }));
    await lib.list();
    await rm(join(ws, gone), { recursive: true });
    expect(slugsOf(await lib.list())).toEqual([keep]);
    expect(Object.keys((await readIndex(ws)).entries)).toEqual([keep]);
  });
});

describe('Library.create', () => {
  it('gives a second issue with the same line its own folder', async () => {
    const { lib } = await workspace();
    expect(await lib.create(input())).toBe('渝工简报 2024年第3期');
    expect(await lib.create(input())).toBe('渝工简报 2024年第3期-2');
  });

  // A race shows only now and then, so the test gives it many chances: 10 rounds of 5.
  it('gives issues created at the same moment a folder each (no issue.exists race)', async () => {
    const errors: string[] = [];
    for (let round = 0; round < 10; round++) {
      const { lib } = await workspace();
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => lib.create(input())));
      errors.push(...results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).code] : [])));
      if (errors.length === 0) expect(slugsOf(await lib.list())).toHaveLength(5);
    }
    expect(errors).toEqual([]);
  });
});

describe('Library.duplicate (复制为下一期)', () => {
  it('creates the next issue: number + 1, date today, sections kept, articles emptied', async () => {
    const { ws, lib } = await workspace();
    const slug = await createFilled(lib);
    const next = await lib.duplicate(slug);
    expect(next).toBe('渝工简报 2024年第4期');
    const { issue } = await lib.store.read(join(ws, next));
    expect(issue.number).toEqual({ year: 2024, no: 4, serial: 187 });
    expect(issue.date).toBe('2024-04-20');
    expect(issue.createdAt).toBe(NOW.toISOString());
    expect(issue.sections.map((s) => [s.title, s.articles.length])).toEqual([['渝工铸魂', 0], ['图片新闻', 0]]);
    expect(issue.publication.publisher).toBe('重庆市总工会办公室');
    expect((await readdir(join(ws, next))).sort()).toEqual(['assets', 'history', 'issue.json']);
  });

  it('copies the masthead title image into the new issue', async () => {
    const { ws, lib } = await workspace();
    const slug = await lib.create(input());
    const asset = `${'ef'.repeat(32)}.png`;
    await writeFile(join(ws, slug, 'assets', asset), 'PNG bytes');
    const { issue, stamp } = await lib.store.read(lib.dir(slug));
    await lib.store.save(lib.dir(slug), { ...issue, masthead: { titleAssetId: asset } }, stamp);
    const next = await lib.duplicate(slug);
    expect(await readFile(join(ws, next, 'assets', asset), 'utf8')).toBe('PNG bytes');
  });

  it('restarts the number at 1 when today is in a new year', async () => {
    const { ws, lib } = await workspace(() => new Date(2025, 0, 6, 12));
    const next = await lib.duplicate(await lib.create(input()));
    expect((await lib.store.read(join(ws, next))).issue.number).toEqual({ year: 2025, no: 1, serial: 187 });
  });

  it('refuses to duplicate a damaged issue and creates nothing', async () => {
    const { ws, lib } = await workspace();
    const slug = await lib.create(input());
    await writeFile(join(ws, slug, 'issue.json'), 'not json');
    expect((await rejection(lib.duplicate(slug))).code).toBe('issue.corrupt');
    expect(await readdir(ws)).toEqual([slug]);
  });
});

describe('Library.rename', () => {
  it('sets the title and renames the folder to match', async () => {
    const { ws, lib } = await workspace();
    const slug = await lib.create(input());
    const renamed = await lib.rename(slug, '三月号/两会特刊');
    expect(renamed).toBe('三月号-两会特刊');
    expect(existsSync(join(ws, slug))).toBe(false);
    expect((await lib.store.read(join(ws, renamed))).issue.title).toBe('三月号/两会特刊');
    expect(slugsOf(await lib.list())).toEqual([renamed]);
  });

  it('keeps the folder when the title already gives its name', async () => {
    const { ws, lib } = await workspace();
    const slug = await lib.create(input());
    expect(await lib.rename(slug, slug)).toBe(slug);
    expect((await lib.store.read(join(ws, slug))).issue.title).toBe(slug);
  });

  it('does not take the folder of another issue', async () => {
    const { ws, lib } = await workspace();
    const a = await lib.create(input());
    const b = await lib.create(input({ no: 4 }));
    expect(await lib.rename(b, a)).toBe(`${a}-2`);
    expect((await lib.store.read(join(ws, a))).issue.number.no).toBe(3);
  });
});

describe('Library trash and restore', () => {
  it('moves an issue to the trash, lists it there, and restores it', async () => {
    const { ws, lib } = await workspace();
    const slug = await createFilled(lib);
    const trashId = await lib.trash(slug);
    expect(trashId).toBe(`${slug}~${NOW.getTime()}`);
    expect(existsSync(join(ws, TRASH_DIR, trashId, 'issue.json'))).toBe(true);
    expect(await lib.list()).toEqual([]);
    const trashed = await lib.trashed();
    expect(trashed).toEqual([
      { trashId, slug, trashedAt: NOW.toISOString(), summary: expect.objectContaining({ publication: '渝工简报', articleCount: 3 }) },
    ]);
    expect(await lib.restore(trashId)).toBe(slug);
    expect(slugsOf(await lib.list())).toEqual([slug]);
    expect(await lib.trashed()).toEqual([]);
  });

  it('restores under a new name when the old folder name is taken meanwhile', async () => {
    const { ws, lib } = await workspace();
    const slug = await lib.create(input());
    const trashId = await lib.trash(slug);
    expect(await lib.create(input())).toBe(slug);
    expect(await lib.restore(trashId)).toBe(`${slug}-2`);
    expect(slugsOf(await lib.list()).sort()).toEqual([slug, `${slug}-2`]);
    expect(existsSync(join(ws, TRASH_DIR, trashId))).toBe(false);
  });

  it('lists a damaged issue in the trash with no summary, most recent first', async () => {
    let t = NOW.getTime();
    const { ws, lib } = await workspace(() => new Date(t));
    const a = await lib.create(input());
    const b = await lib.create(input({ no: 4 }));
    await writeFile(join(ws, b, 'issue.json'), 'garbage');
    const idA = await lib.trash(a);
    t += 5000;
    const idB = await lib.trash(b);
    const trashed = await lib.trashed();
    expect(trashed.map((e) => [e.trashId, e.summary === null])).toEqual([[idB, true], [idA, false]]);
  });

  it('reports issue.notFound and trash.notFound for names that are not there', async () => {
    const { lib } = await workspace();
    await lib.list();
    expect((await rejection(lib.trash('nothing'))).code).toBe('issue.notFound');
    expect((await rejection(lib.restore('nothing~1'))).code).toBe('trash.notFound');
    expect(await lib.trashed()).toEqual([]);
  });
});

describe('Library refuses names outside the workspace', () => {
  it.each(['..', '../escape', '/etc', 'a/b', 'a\\b'])('%j → path.outsideWorkspace for dir, rename, trash and restore', async (slug) => {
    const { lib } = await workspace();
    await lib.list();
    expect(() => lib.dir(slug)).toThrow(expect.objectContaining({ code: 'path.outsideWorkspace' }));
    expect((await rejection(lib.rename(slug, 'x'))).code).toBe('path.outsideWorkspace');
    expect((await rejection(lib.trash(slug))).code).toBe('path.outsideWorkspace');
    expect((await rejection(lib.restore(slug))).code).toBe('path.outsideWorkspace');
  });
});
