import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors.js';
import { IssueSchema, type Issue } from '../../../../shared/model/issue.js';
import { addSection } from '../../../../shared/model/ops.js';
import { sha256 } from '../../../../electron/services/durableFile.js';
import { historyName, IssueStore } from '../../../../electron/services/issueStore.js';
import { filledIssue, sampleIssue } from '../../../helpers/issues.js';
import { useTempDirs } from '../../../helpers/tempDir.js';

const temp = useTempDirs();

/** A clock the test moves by hand. */
function clock(start = '2024-03-15T08:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** Every file under `dir`, recursively, dot-files included. */
async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

async function newIssueDir(store = new IssueStore(), issue: Issue = filledIssue()) {
  const dir = join(await temp.make(), '渝工简报 2024年第3期');
  const stamp = await store.create(dir, issue);
  return { dir, stamp, store, issue };
}

describe('IssueStore create and read', () => {
  it('reads back exactly the issue it created, with the stamp of the bytes on disk', async () => {
    const { dir, stamp, store, issue } = await newIssueDir();
    const read = await store.read(dir);
    expect(read.issue).toEqual(issue);
    expect(read.stamp).toBe(stamp);
    expect(stamp).toBe(sha256(await readFile(join(dir, 'issue.json'))));
  });

  it('writes issue.json as readable, pretty JSON carrying schemaVersion, beside assets/ and history/', async () => {
    const { dir } = await newIssueDir();
    const text = await readFile(join(dir, 'issue.json'), 'utf8');
    const json = JSON.parse(text);
    expect(json.schemaVersion).toBe(1);
    expect(json.sections.map((s: { title: string }) => s.title)).toEqual(['渝工铸魂', '图片新闻']);
    expect(text).toContain('\n  "schemaVersion": 1');
    expect(text.endsWith('\n')).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['assets', 'history', 'issue.json']);
  });

  it('refuses to create over an existing folder (issue.exists) and leaves it alone', async () => {
    const { dir, store } = await newIssueDir();
    const before = await readFile(join(dir, 'issue.json'));
    const err = await rejection(store.create(dir, sampleIssue()));
    expect(err.code).toBe('issue.exists');
    expect(await readFile(join(dir, 'issue.json'))).toEqual(before);
  });

  it('reports issue.notFound for a folder without issue.json', async () => {
    const dir = await temp.make();
    expect((await rejection(new IssueStore().read(dir))).code).toBe('issue.notFound');
    expect((await rejection(new IssueStore().read(join(dir, 'missing')))).code).toBe('issue.notFound');
  });

  it('reads a file that starts with a UTF-8 byte order mark (as Windows editors save it)', async () => {
    const { dir, issue } = await newIssueDir();
    const text = await readFile(join(dir, 'issue.json'), 'utf8');
    await writeFile(join(dir, 'issue.json'), `\uFEFF${text}`);
    expect((await new IssueStore().read(dir)).issue).toEqual(issue);
  });

  it('reads afresh every time, so an edit by another program is seen', async () => {
    const { dir, store } = await newIssueDir();
    await store.read(dir);
    const json = JSON.parse(await readFile(join(dir, 'issue.json'), 'utf8'));
    json.title = '外部修改';
    await writeFile(join(dir, 'issue.json'), JSON.stringify(json));
    expect((await store.read(dir)).issue.title).toBe('外部修改');
  });
});

describe('IssueStore save', () => {
  it('writes the issue, stamps updatedAt from the clock and returns the new stamp', async () => {
    const c = clock();
    const { dir, stamp, store, issue } = await newIssueDir(new IssueStore({ now: c.now }));
    c.advance(60_000);
    const saved = await store.save(dir, { ...issue, title: '三月号' }, stamp);
    expect(saved.stamp).not.toBe(stamp);
    expect(saved.stamp).toBe(sha256(await readFile(join(dir, 'issue.json'))));
    expect(saved.issue.updatedAt).toBe('2024-03-15T08:01:00.000Z');
    expect((await store.read(dir)).issue).toEqual(saved.issue);
  });

  it('leaves no temporary files behind after create and many saves', async () => {
    const { dir, store, issue } = await newIssueDir();
    let { stamp } = await store.read(dir);
    for (let i = 0; i < 5; i++) stamp = (await store.save(dir, { ...issue, title: `v${i}` }, stamp, { checkpoint: true })).stamp;
    const files = await allFiles(dir);
    expect(files.filter((f) => f.endsWith('.tmp') || f.startsWith('.'))).toEqual([]);
    expect(await readdir(join(dir, '..'))).toEqual(['渝工简报 2024年第3期']);
  });

  it('refuses a stale stamp after another program changed issue.json, and leaves its bytes as they are', async () => {
    const { dir, store } = await newIssueDir();
    const { issue, stamp } = await store.read(dir);
    const theirs = (await readFile(join(dir, 'issue.json'), 'utf8')).replace('"title": ""', '"title": "他们的修改"');
    await writeFile(join(dir, 'issue.json'), theirs);
    const err = await rejection(store.save(dir, { ...issue, title: '我的修改' }, stamp));
    expect(err.code).toBe('issue.changedOnDisk');
    expect(await readFile(join(dir, 'issue.json'), 'utf8')).toBe(theirs);
  });

  it('refuses a made-up stamp and leaves the file byte-identical', async () => {
    const { dir, store, issue } = await newIssueDir();
    const before = await readFile(join(dir, 'issue.json'));
    const err = await rejection(store.save(dir, { ...issue, title: 'x' }, 'f'.repeat(64)));
    expect(err.code).toBe('issue.changedOnDisk');
    expect(await readFile(join(dir, 'issue.json'))).toEqual(before);
  });

  it('refuses to save an issue that fails the schema, leaving the file as it was', async () => {
    const { dir, store, stamp, issue } = await newIssueDir();
    const before = await readFile(join(dir, 'issue.json'));
    const bad = { ...issue, number: { ...issue.number, no: 0 } };
    await expect(store.save(dir, bad, stamp)).rejects.toThrow();
    expect(await readFile(join(dir, 'issue.json'))).toEqual(before);
  });

  it('reports issue.notFound when the folder was removed', async () => {
    const store = new IssueStore();
    const dir = join(await temp.make(), 'gone');
    expect((await rejection(store.save(dir, sampleIssue(), 'a'.repeat(64)))).code).toBe('issue.notFound');
  });

  it('serializes concurrent saves: of two saves from the same version exactly one wins', async () => {
    const { dir, store, stamp, issue } = await newIssueDir();
    const results = await Promise.allSettled([
      store.save(dir, { ...issue, title: '甲' }, stamp),
      store.save(dir, { ...issue, title: '乙' }, stamp),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(((results[1] as PromiseRejectedResult).reason as AppError).code).toBe('issue.changedOnDisk');
    expect((await store.read(dir)).issue.title).toBe('甲');
  });

  it('queues a read behind a save in flight, so the read sees the saved version', async () => {
    const { dir, store, stamp, issue } = await newIssueDir();
    const saving = store.save(dir, addSection(issue, '新栏目').issue, stamp);
    const reading = store.read(dir);
    const [saved, read] = await Promise.all([saving, reading]);
    expect(read.stamp).toBe(saved.stamp);
    expect(read.issue.sections.map((s) => s.title)).toEqual(['渝工铸魂', '图片新闻', '新栏目']);
  });

  it('runs ten saves fired at once one after another: one wins, nine see the change, the file stays valid', async () => {
    const { dir, store, stamp, issue } = await newIssueDir();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => store.save(dir, { ...issue, title: `第${i}版` }, stamp)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).code] : []));
    expect(codes).toEqual(Array(9).fill('issue.changedOnDisk'));
    const onDisk = IssueSchema.parse(JSON.parse(await readFile(join(dir, 'issue.json'), 'utf8')));
    expect(onDisk.title).toBe('第0版');
  });
});

describe('IssueStore with a damaged issue.json', () => {
  const cases: [string, (valid: string) => string, string][] = [
    ['bad JSON', (valid) => valid.slice(0, valid.length / 2), 'issue.corrupt'],
    ['valid JSON that fails the schema', (valid) => valid.replace('"no": 3', '"no": "three"'), 'issue.corrupt'],
    ['no schemaVersion', (valid) => valid.replace('"schemaVersion": 1,', ''), 'issue.corrupt'],
    ['a JSON array', () => '[1,2,3]', 'issue.corrupt'],
    ['schemaVersion 99', (valid) => valid.replace('"schemaVersion": 1', '"schemaVersion": 99'), 'issue.tooNew'],
  ];

  it.each(cases)('%s: throws %s, keeps the original bytes and a copy in history/', async (_what, damage, code) => {
    const { dir } = await newIssueDir();
    const file = join(dir, 'issue.json');
    const damaged = damage(await readFile(file, 'utf8'));
    await writeFile(file, damaged);
    const err = await rejection(new IssueStore().read(dir));
    expect(err.code).toBe(code);
    expect(await readFile(file, 'utf8')).toBe(damaged);
    const copies = (await readdir(join(dir, 'history'))).filter((n) => /^damaged-[0-9a-f]{16}\.json$/.test(n));
    expect(copies).toHaveLength(1);
    expect(await readFile(join(dir, 'history', copies[0]), 'utf8')).toBe(damaged);
  });

  it('reports the version of a too-new file so the message can name it', async () => {
    const { dir } = await newIssueDir();
    const file = join(dir, 'issue.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"schemaVersion": 1', '"schemaVersion": 99'));
    expect((await rejection(new IssueStore().read(dir))).params).toEqual({ version: 99 });
  });

  it('keeps one copy per damaged content however often it is read, and creates history/ if missing', async () => {
    const dir = join(await temp.make(), 'hand-made');
    await mkdir(dir);
    await writeFile(join(dir, 'issue.json'), '{ not json');
    const store = new IssueStore();
    for (let i = 0; i < 3; i++) await rejection(store.read(dir));
    expect(await readdir(join(dir, 'history'))).toEqual([`damaged-${sha256('{ not json').slice(0, 16)}.json`]);
  });

  it('does not count the damaged copy as a history version', async () => {
    const { dir, store } = await newIssueDir();
    await writeFile(join(dir, 'issue.json'), 'garbage');
    await rejection(store.read(dir));
    expect(await store.history(dir)).toEqual([]);
  });
});

describe('IssueStore history', () => {
  it('keeps a version on each checkpoint save, equal to what was saved', async () => {
    const c = clock();
    const { dir, store, stamp, issue } = await newIssueDir(new IssueStore({ now: c.now, historyLimit: 10 }));
    c.advance(1000);
    const s1 = await store.save(dir, { ...issue, title: '一' }, stamp, { checkpoint: true });
    c.advance(1000);
    await store.save(dir, { ...s1.issue, title: '二' }, s1.stamp, { checkpoint: true });
    const versions = await store.history(dir);
    expect(versions).toEqual([historyName(new Date('2024-03-15T08:00:01.000Z')), historyName(new Date('2024-03-15T08:00:02.000Z'))]);
    const newest = JSON.parse(await readFile(join(dir, 'history', versions[1]), 'utf8'));
    expect(newest.title).toBe('二');
  });

  it('bounds history by historyLimit, dropping the oldest first', async () => {
    const c = clock();
    const { dir, store, stamp: first, issue } = await newIssueDir(new IssueStore({ now: c.now, historyLimit: 3 }));
    let stamp = first;
    for (let i = 1; i <= 6; i++) {
      c.advance(1000);
      stamp = (await store.save(dir, { ...issue, title: `v${i}` }, stamp, { checkpoint: true })).stamp;
    }
    const versions = await store.history(dir);
    expect(versions).toHaveLength(3);
    const titles = await Promise.all(versions.map(async (v) => JSON.parse(await readFile(join(dir, 'history', v), 'utf8')).title));
    expect(titles).toEqual(['v4', 'v5', 'v6']);
  });

  it('keeps an autosave version only when the newest one is older than historyIntervalMs', async () => {
    const c = clock();
    const store = new IssueStore({ now: c.now, historyIntervalMs: 60_000 });
    const { dir, stamp: s0, issue } = await newIssueDir(store);
    const save = async (stamp: string, title: string) => (await store.save(dir, { ...issue, title }, stamp)).stamp;
    let stamp = await save(s0, 'a'); // no history yet: keeps one
    expect(await store.history(dir)).toHaveLength(1);
    c.advance(30_000);
    stamp = await save(stamp, 'b'); // 30 s later: too soon
    expect(await store.history(dir)).toHaveLength(1);
    c.advance(31_000);
    await save(stamp, 'c'); // 61 s after the last version: keeps one
    expect(await store.history(dir)).toHaveLength(2);
  });

  it('names history versions by a sortable, file-name-safe timestamp', () => {
    const name = historyName(new Date('2024-03-15T08:09:10.123Z'));
    expect(name).toBe('2024-03-15T08-09-10-123Z.json');
    expect(name).not.toMatch(/[:\\/]/);
  });
});
