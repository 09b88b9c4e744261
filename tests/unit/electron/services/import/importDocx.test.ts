import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDocxBuffers, importDocxFiles } from '../../../../../electron/services/import/importDocx.js';
import { sha256 } from '../../../../../electron/services/durableFile.js';
import { IssueStore } from '../../../../../electron/services/issueStore.js';
import { addSection } from '../../../../../shared/model/ops.js';
import { bodyFigures } from '../../../../../shared/model/text.js';
import { contributionDocx, emptyDocx, makeJpeg, makePng } from '../../../../fixtures/docx/build.js';
import { oleFile } from '../../../../fixtures/docx/zip.js';
import { sampleIssue } from '../../../../helpers/issues.js';
import { useTempDirs } from '../../../../helpers/tempDir.js';

const temp = useTempDirs('masthead-import-docx-');
const png = makePng(80, 60, 11);
const jpeg = makeJpeg(3, 2);

interface Files {
  good1: Buffer;
  good2: Buffer;
  empty: Buffer;
}
let files: Files;

beforeAll(async () => {
  files = {
    good1: await contributionDocx({
      title: '春风行动暖人心',
      byline: '记者 王五',
      paragraphs: ['3月5日，春风行动在解放碑启动。'],
      photos: [{ after: 0, png, caption: '招聘会现场' }],
    }),
    good2: await contributionDocx({
      title: '职工书屋建设成效显著',
      paragraphs: ['今年以来，各区县共新建书屋120家。'],
      photos: [
        { after: 0, jpeg, caption: '图为书屋揭牌' },
        { after: 0, png, caption: '读书分享会' },
      ],
    }),
    empty: await emptyDocx(),
  };
});

/** A new issue folder, optionally with sections, and a folder of contributions. */
async function setup(sectionTitles: string[] = []) {
  const root = await temp.make();
  const issueDir = join(root, 'issue');
  const store = new IssueStore();
  let issue = sampleIssue();
  for (const title of sectionTitles) issue = addSection(issue, title).issue;
  await store.create(issueDir, issue);
  const inbox = join(root, 'inbox');
  await mkdir(inbox);
  const put = async (name: string, bytes: Uint8Array | string) => {
    const path = join(inbox, name);
    await writeFile(path, bytes);
    return path;
  };
  return { issueDir, store, inbox, put };
}

describe('importDocxFiles', () => {
  it('imports each good file and reports each bad one, in the order given, in one save', async () => {
    const { issueDir, store, inbox, put } = await setup(['渝工铸魂', '图片新闻']);
    const a = await put('春风行动.docx', files.good1);
    const b = await put('书屋.docx', files.good2);
    const text = await put('通知.docx', '这只是一段文字。');
    const truncated = await put('半截.docx', files.good1.subarray(0, 500));
    const missing = join(inbox, '不存在.docx');
    const historyBefore = await store.history(issueDir);

    const { results, section } = await importDocxFiles(issueDir, [a, text, missing, b, truncated, inbox], {}, store);

    expect(results.map((r) => (r.ok ? `ok ${r.headline} ${r.images}` : `${r.error.code} ${r.error.params.file}`))).toEqual([
      'ok 春风行动暖人心 1',
      'import.notDocx 通知.docx',
      'import.notFound 不存在.docx',
      'ok 职工书屋建设成效显著 2',
      'import.corrupt 半截.docx',
      'import.notAFile inbox',
    ]);
    expect(results.map((r) => r.file)).toEqual([a, text, missing, b, truncated, inbox]);
    expect(section?.title).toBe('图片新闻'); // the last section by default

    const { issue } = await store.read(issueDir);
    const target = issue.sections.find((s) => s.title === '图片新闻')!;
    expect(target.articles.map((x) => [x.headline, x.byline])).toEqual([
      ['春风行动暖人心', '记者 王五'],
      ['职工书屋建设成效显著', ''],
    ]);
    expect(target.articles.map((x) => x.id)).toEqual(results.flatMap((r) => (r.ok ? [r.articleId] : [])));
    expect(issue.sections.find((s) => s.title === '渝工铸魂')!.articles).toEqual([]);
    // One save, no checkpoint: at most one history version (the first autosave keeps one).
    expect((await store.history(issueDir)).length - historyBefore.length).toBeLessThanOrEqual(1);

    // Images land in assets/ named sha256.ext, once each, and the figures refer to them with their captions.
    const pngId = `${sha256(png)}.png`;
    const jpgId = `${sha256(jpeg)}.jpg`;
    expect((await readdir(join(issueDir, 'assets'))).sort()).toEqual([jpgId, pngId].sort());
    expect((await readFile(join(issueDir, 'assets', pngId))).equals(png)).toBe(true);
    expect(target.articles.map((x) => bodyFigures(x.body))).toEqual([
      [{ assetId: pngId, caption: '招聘会现场' }],
      [
        { assetId: jpgId, caption: '图为书屋揭牌' },
        { assetId: pngId, caption: '读书分享会' },
      ],
    ]);
  });

  it('leaves issue.json byte-identical and assets/ empty when every file fails', async () => {
    const { issueDir, store, put } = await setup(['渝工铸魂']);
    const before = await readFile(join(issueDir, 'issue.json'));
    const historyBefore = await store.history(issueDir);
    const paths = [
      await put('空白.docx', files.empty),
      await put('加密.docx', oleFile(['EncryptionInfo', 'EncryptedPackage'])),
      await put('零字节.docx', ''),
      await put('截断.docx', files.good2.subarray(0, files.good2.length - 30)),
    ];
    const { results, section } = await importDocxFiles(issueDir, paths, { section: '新栏目' }, store);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['import.empty', 'import.encrypted', 'import.empty', 'import.corrupt']);
    expect(section).toBeNull();
    expect((await readFile(join(issueDir, 'issue.json'))).equals(before)).toBe(true);
    expect(await store.history(issueDir)).toEqual(historyBefore);
    expect(await readdir(join(issueDir, 'assets'))).toEqual([]);
  });

  it('refuses a file larger than the package limit before reading it, giving its size and the limit in MB', async () => {
    const { issueDir, store, put } = await setup(['渝工铸魂']);
    const big = await put('大稿.docx', Buffer.alloc(1.5 * 1024 * 1024));
    const limits = { maxTotalBytes: 1024 * 1024, maxXmlPartBytes: 1024 * 1024, maxPartBytes: 1024 * 1024, maxEntries: 100 };
    const { results } = await importDocxFiles(issueDir, [big], { limits }, store);
    expect(results.map((r) => !r.ok && r.error)).toEqual([{ code: 'import.fileTooLarge', params: { file: '大稿.docx', megabytes: 2, limit: 1 } }]);
  });

  it('adds to the section named --section, creating it at the end when missing', async () => {
    const { issueDir, store, put } = await setup(['渝工铸魂', '渝工建功']);
    const a = await put('a.docx', files.good1);
    const first = await importDocxFiles(issueDir, [a], { section: '渝工铸魂' }, store);
    expect(first.section?.title).toBe('渝工铸魂');
    const second = await importDocxFiles(issueDir, [a], { section: ' 渝工暖心 ' }, store);
    expect(second.section?.title).toBe('渝工暖心');
    const { issue } = await store.read(issueDir);
    expect(issue.sections.map((s) => [s.title, s.articles.length])).toEqual([
      ['渝工铸魂', 1],
      ['渝工建功', 0],
      ['渝工暖心', 1],
    ]);
  });

  it('creates an untitled section when the issue has none', async () => {
    const { issueDir, store, put } = await setup();
    const { section } = await importDocxFiles(issueDir, [await put('a.docx', files.good1)], {}, store);
    const { issue } = await store.read(issueDir);
    expect(section).toEqual({ id: issue.sections[0].id, title: '' });
    expect(issue.sections.map((s) => s.articles.map((x) => x.headline))).toEqual([['春风行动暖人心']]);
  });

  it('fails the whole batch on an issue error, writing nothing', async () => {
    const { issueDir, store, put } = await setup();
    const a = await put('a.docx', files.good1);
    await expect(importDocxFiles(join(issueDir, 'nope'), [a], {}, store)).rejects.toMatchObject({ code: 'issue.notFound' });
    expect(existsSync(join(issueDir, 'nope'))).toBe(false);
  });
});

describe('importDocxBuffers', () => {
  it('imports contributions already in memory (dropped files)', async () => {
    const { issueDir, store } = await setup(['图片新闻']);
    const { results } = await importDocxBuffers(
      issueDir,
      [
        { file: '春风行动.docx', bytes: files.good1 },
        { file: 'x.docx', bytes: new Uint8Array([1, 2, 3]) },
      ],
      {},
      store,
    );
    expect(results.map((r) => (r.ok ? r.headline : r.error.code))).toEqual(['春风行动暖人心', 'import.notDocx']);
    expect((await store.read(issueDir)).issue.sections[0].articles).toHaveLength(1);
  });
});
