import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../../electron/services/export/docx.js';
import { createIssueFromDocx, isMastheadIssueDocx, type IssueFromDocx } from '../../../electron/services/import/importIssueDocx.js';
import { IssueStore } from '../../../electron/services/issueStore.js';
import { Library } from '../../../electron/services/library.js';
import { AssetStore } from '../../../electron/services/assets.js';
import { bodyOf, figureNode, paragraphNode, textNode, TextFormat, type BlockNode } from '../../../shared/model/body.js';
import { createArticle, createSection } from '../../../shared/model/factory.js';
import type { Issue } from '../../../shared/model/issue.js';
import { bodyFigures, bodyText } from '../../../shared/model/text.js';
import type { TemplateId } from '../../../shared/layout/templates.js';
import { sampleImages, sampleIssue, writeSampleIssue } from './sampleIssue.js';

// The requirement: a DOCX exported by Masthead and imported again gives back the same
// headlines, decks, captions and paragraphs. The sample bulletin goes out through the
// real export and comes back through the real import into a fresh workspace, then the
// two issues are compared part by part (and once through the built command line).

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'dist/cli/masthead.mjs');
const TEMPLATES: TemplateId[] = ['bulletin', 'newsletter'];

let temp = '';
const exported: Record<string, string> = {};

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'masthead-roundtrip-'));
  for (const template of TEMPLATES) {
    const dir = await writeSampleIssue(temp, template);
    exported[template] = join(temp, `${template}.docx`);
    expect((await exportDocx(dir, exported[template])).missingAssets).toEqual([]);
  }
}, 60_000);

afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

/** What an editor compares of an article: its kind, head, figures (caption and image) and text. */
function articleParts(a: Issue['sections'][number]['articles'][number]) {
  return {
    kind: a.kind,
    kicker: a.kicker,
    headline: a.headline,
    deck: a.deck,
    byline: a.byline,
    figures: bodyFigures(a.body),
    text: bodyText(a.body),
  };
}

/** Body blocks without what a DOCX does not carry back: the drawn width of figures. */
function comparableBlocks(blocks: readonly BlockNode[]): unknown[] {
  return blocks.map((b) => (b.type === 'figure' ? { ...b, width: 'column' } : b));
}

describe.each(TEMPLATES)('a %s issue exported to DOCX and imported again', (template) => {
  const source = sampleIssue(template);
  let issue: Issue;
  let created: IssueFromDocx;
  let dir = '';

  beforeAll(async () => {
    const library = new Library(await mkdtemp(join(temp, 'ws-')), new IssueStore());
    created = await createIssueFromDocx(library, exported[template], {}, { now: new Date('2030-01-01T00:00:00Z') });
    dir = library.dir(created.slug);
    issue = (await new IssueStore().read(dir)).issue;
  }, 60_000);

  it('is recognised as a whole Masthead issue', async () => {
    expect(await isMastheadIssueDocx(await readFile(exported[template]))).toBe(true);
    expect(created.wholeIssue).toBe(true);
    expect(created.warnings).toEqual([]);
  });

  it('has the same sections in order, the empty one sharing a banner row included', () => {
    expect(issue.sections.map((s) => s.title)).toEqual(source.sections.map((s) => s.title));
    expect(issue.sections.map((s) => s.articles.length)).toEqual(source.sections.map((s) => s.articles.length));
    expect(source.sections.some((s) => s.articles.length === 0)).toBe(true);
  });

  it('has every article with the same kind, kicker, headline, deck, byline, figure captions and paragraphs', () => {
    const got = issue.sections.flatMap((s) => s.articles.map(articleParts));
    const want = source.sections.flatMap((s) => s.articles.map(articleParts));
    expect(got).toEqual(want);
    expect(want.some((a) => a.kind === 'photo')).toBe(true);
    expect(want.flatMap((a) => a.figures).filter((f) => f.caption !== '').length).toBeGreaterThanOrEqual(3);
  });

  it('has the same body blocks: emphasis, table, lists and figures waiting for a photo included', () => {
    const got = issue.sections.flatMap((s) => s.articles.map((a) => comparableBlocks(a.body.root.children)));
    const want = source.sections.flatMap((s) => s.articles.map((a) => comparableBlocks(a.body.root.children)));
    expect(got).toEqual(want);
  });

  it('brings the photos back byte for byte: the export embeds the original files, so the asset ids (SHA-256) are the same', async () => {
    const { png, jpeg, pngId, jpegId } = sampleImages();
    const ids = issue.sections.flatMap((s) => s.articles.flatMap((a) => bodyFigures(a.body).map((f) => f.assetId)));
    expect(new Set(ids.filter((id) => id !== null))).toEqual(new Set([pngId, jpegId]));
    expect(ids).toContain(null); // the caption whose photo never came stays a figure waiting for one
    expect(await readFile(join(dir, 'assets', pngId))).toEqual(png);
    expect(await readFile(join(dir, 'assets', jpegId))).toEqual(jpeg);
    expect(created.images).toBe(2);
  });

  it('takes publication, publisher, issue number and date from the masthead', () => {
    expect(issue.publication).toMatchObject({ name: source.publication.name, publisher: source.publication.publisher });
    expect(issue.number).toEqual(source.number);
    expect(issue.date).toBe(source.date);
    expect(issue.layout.template).toBe('bulletin');
  });
});

/**
 * The sample with what it lacks added, so that every part the export writes is read
 * back: kicker, byline and a two-line headline; subheadings of three levels, a quote,
 * inline formats and a line break; a figure without caption; photo news with a
 * headline, two photos and two paragraphs, and one still without photos; and a banner
 * row at the end whose sections have no articles yet.
 */
function richIssue(): Issue {
  const issue = sampleIssue('bulletin');
  const { pngId, jpegId } = sampleImages();
  // The pixel sizes the import reads from the embedded images and records on the figures.
  const PNG_SIZE = { width: 800, height: 500 };
  const JPEG_SIZE = { width: 640, height: 480 };
  const stories = issue.sections.flatMap((s) => s.articles).filter((a) => a.kind === 'story');
  Object.assign(stories[0], { kicker: '学习贯彻全国两会精神', headline: '市总工会党组\n学习贯彻全国两会精神', byline: '通讯员 张三 李四' });
  const inline = (text: string, format = 0) => ({ ...textNode(text), format });
  const el = { version: 1 as const, direction: null, format: '' as const, indent: 0 };
  stories.at(-1)!.body.root.children.push(
    { type: 'heading', ...el, tag: 'h2', children: [textNode('一、主要做法')] },
    { type: 'heading', ...el, tag: 'h3', children: [textNode('（一）服务基层')] },
    { type: 'heading', ...el, tag: 'h4', children: [textNode('1. 送服务上门')] },
    { type: 'quote', ...el, children: [textNode('“把更多资源向基层倾斜。”')] },
    {
      type: 'paragraph',
      ...el,
      children: [
        inline('强调', TextFormat.italic),
        inline('、下划线', TextFormat.underline),
        inline('、删除', TextFormat.strikethrough),
        inline('、m'),
        inline('2', TextFormat.superscript),
        inline('与H'),
        inline('2', TextFormat.subscript),
        inline('O。'),
        { type: 'linebreak', version: 1 },
        inline('换行之后的一句。'),
      ],
    },
    figureNode('', pngId, PNG_SIZE),
  );
  const photos = issue.sections.find((s) => s.title === '图片新闻')!;
  photos.articles[0].headline = '职工趣味运动会';
  photos.articles.push(
    {
      ...createArticle('春日健步行'),
      kind: 'photo',
      body: bodyOf([figureNode('健步行出发', jpegId, JPEG_SIZE), figureNode('沿江步道', pngId, PNG_SIZE), paragraphNode('3月16日，职工健步行活动举行。'), paragraphNode('全程约5公里。')]),
    },
    { ...createArticle('照片待补'), kind: 'photo', body: bodyOf([paragraphNode('图片新闻的文字先到了，照片还没有。')]) },
  );
  issue.sections.push(createSection('工会动态'), createSection('基层风采'));
  return issue;
}

describe('an issue with every part the export writes, exported and imported again', () => {
  const source = richIssue();
  let issue: Issue;

  beforeAll(async () => {
    const sourceDir = join(temp, 'rich');
    await new IssueStore().create(sourceDir, source);
    const { png, jpeg } = sampleImages();
    await new AssetStore(sourceDir).put(png);
    await new AssetStore(sourceDir).put(jpeg);
    const file = join(temp, 'rich.docx');
    expect((await exportDocx(sourceDir, file)).missingAssets).toEqual([]);
    const library = new Library(await mkdtemp(join(temp, 'ws-')), new IssueStore());
    issue = (await new IssueStore().read(library.dir((await createIssueFromDocx(library, file)).slug))).issue;
  }, 60_000);

  it('has the same sections, the trailing banner row of empty sections included', () => {
    expect(issue.sections.map((s) => [s.title, s.articles.length])).toEqual(source.sections.map((s) => [s.title, s.articles.length]));
  });

  it('has the same heads, photo news and body blocks', () => {
    expect(issue.sections.flatMap((s) => s.articles.map(articleParts))).toEqual(source.sections.flatMap((s) => s.articles.map(articleParts)));
    const got = issue.sections.flatMap((s) => s.articles.map((a) => comparableBlocks(a.body.root.children)));
    expect(got).toEqual(source.sections.flatMap((s) => s.articles.map((a) => comparableBlocks(a.body.root.children))));
  });
});

describe('a Word file that is not a Masthead issue', () => {
  it('is not taken for one, and becomes a new issue with one article', async () => {
    const file = join(temp, '渝工来稿-2024-5.docx');
    const paragraphs = ['职工书屋建设成效显著', '本报讯 近日，全市新建职工书屋120家，覆盖各区县。'].map((text) => new Paragraph(text));
    await writeFile(file, await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
    expect(await isMastheadIssueDocx(await readFile(file))).toBe(false);
    const library = new Library(await mkdtemp(join(temp, 'ws-')), new IssueStore());
    const created = await createIssueFromDocx(library, file, {}, { now: new Date('2030-06-01T00:00:00Z') });
    const { issue } = await new IssueStore().read(library.dir(created.slug));
    expect(created.wholeIssue).toBe(false);
    expect(issue.sections.map((s) => [s.title, s.articles.map((a) => a.headline)])).toEqual([['', ['职工书屋建设成效显著']]]);
    expect(issue.publication.name).toBe('渝工来稿');
    expect(issue.number).toEqual({ year: 2024, no: 5, serial: null });
    expect(issue.date).toBe('2030-06-01');
  });
});

/** Newest modification time of the .ts sources the binary is bundled from. */
function newestSource(): number {
  let newest = 0;
  for (const dir of ['electron/cli', 'electron/services', 'shared']) {
    for (const name of readdirSync(join(ROOT, dir), { recursive: true }) as string[]) {
      if (name.endsWith('.ts')) newest = Math.max(newest, statSync(join(ROOT, dir, name)).mtimeMs);
    }
  }
  return newest;
}

describe('the built command line', () => {
  beforeAll(async () => {
    // Build when the binary is missing or older than its sources, so the test runs today's code.
    if (!existsSync(BIN) || statSync(BIN).mtimeMs < newestSource()) await run('npm', ['run', 'build:cli'], { cwd: ROOT });
  }, 120_000);

  it('imports an exported issue into a new issue (masthead import OUT.docx --workspace W) that shows the same structure', async () => {
    const workspace = await mkdtemp(join(temp, 'cli-'));
    const env = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', NODE_OPTIONS: '' };
    const imported = await run(process.execPath, [BIN, 'import', exported.bulletin, '--workspace', workspace], { env, cwd: ROOT });
    const folder = imported.stdout.trim();
    expect(folder).toBe(join(workspace, '渝工简报 2024年第3期'));
    const articles = sampleIssue('bulletin').sections.reduce((n, s) => n + s.articles.length, 0);
    expect(imported.stderr).toBe(`${articles} imported, 0 failed.\n`);

    const shown = await run(process.execPath, [BIN, 'show', folder, '--json'], { env, cwd: ROOT });
    const structure = JSON.parse(shown.stdout) as {
      publication: string;
      issueLine: string;
      date: string;
      sections: Array<{ title: string; articles: Array<Record<string, unknown>> }>;
    };
    const source = sampleIssue('bulletin');
    expect({ publication: structure.publication, issueLine: structure.issueLine, date: structure.date }).toEqual({
      publication: '渝工简报',
      issueLine: '2024年第3期（总第186期）',
      date: '2024-03-20',
    });
    expect(
      structure.sections.map((s) => ({
        title: s.title,
        articles: s.articles.map(({ kind, kicker, headline, deck, byline, figures, text }) => ({ kind, kicker, headline, deck, byline, figures, text })),
      })),
    ).toEqual(source.sections.map((s) => ({ title: s.title, articles: s.articles.map(articleParts) })));
  }, 60_000);
});
