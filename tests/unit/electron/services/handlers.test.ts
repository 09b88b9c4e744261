import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../shared/api/contract.js';
import type { Issue } from '../../../../shared/model/issue.js';
import { addArticle, addSection } from '../../../../shared/model/ops.js';
import { officeClipboardFolders } from '../../../../electron/services/clipboardPictures.js';
import { dispatch } from '../../../../electron/services/dispatch.js';
import { ChromiumPdfPrinter } from '../../../../electron/pdf/chromiumPrinter.js';
import { createHandlers } from '../../../../electron/services/handlers.js';
import { SettingsService } from '../../../../electron/services/settings.js';
import { MAX_UPLOADS } from '../../../../electron/services/uploads.js';
import { makePng } from '../../../fixtures/docx/build.js';
import { useTempDirs } from '../../../helpers/tempDir.js';

const temp = useTempDirs();
const NOW = new Date(2024, 3, 20, 12, 0, 0);

/**
 * The app's handlers over real services in a temp folder, called as the renderer does.
 * The OS side (dialogs, clipboard) answers what `os` holds; `now` is the clock. The system's
 * temp folder is `root/Temp` and the home folder `root/Home` (where Word clip images lie).
 */
async function app(options: { now?: () => Date } = {}) {
  const root = await temp.make();
  const settings = new SettingsService(join(root, 'userData', 'settings.json'), {
    workspace: join(root, 'Default Workspace'),
    language: 'zh-CN',
  });
  const os = { folder: join(root, 'Picked') as string | null, files: [] as string[], clipboard: '' };
  const handlers = createHandlers({
    settings,
    // A real printer that starts Chromium only when something prints (nothing does here).
    printer: new ChromiumPdfPrinter(),
    platform: {
      chooseFolder: async () => os.folder,
      chooseFiles: async () => os.files,
      chooseSavePath: async (name) => join(root, name),
      clipboardHtml: async () => os.clipboard,
    },
    now: options.now ?? (() => NOW),
    clipboardFolders: officeClipboardFolders(join(root, 'Temp'), join(root, 'Home')),
  });
  const call = (channel: string, input: unknown = {}) => dispatch(handlers, channel, input);
  /** Calls and expects success; returns the value. */
  const ok = async <T = Record<string, unknown>>(channel: string, input: unknown = {}): Promise<T> => {
    const r: Result<unknown> = await call(channel, input);
    if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  /** The user picks `folder` in the folder dialog, then the settings take it, as the settings dialog does. */
  const useWorkspace = async (folder: string, asTyped = folder) => {
    os.folder = folder;
    await ok('workspace:choose');
    return ok<{ workspace: string; language: string }>('settings:update', { workspace: asTyped });
  };
  /** The user picks `paths` in the open-file dialog. */
  const pickFiles = async (paths: string[]) => {
    os.files = paths;
    await ok('import:chooseFiles', { kind: 'text' });
  };
  return { root, os, call, ok, useWorkspace, pickFiles };
}

const NEW = { template: 'bulletin', publicationName: '渝工简报', publisher: '市总工会', year: 2024, no: 3, serial: 186, date: '2024-03-15' };

describe('createHandlers over real services', () => {
  it('drives the whole flow: workspace → create → list → open → save → stale save refused', async () => {
    const { root, call, ok, useWorkspace } = await app();
    const ws = join(root, '我的工作区');

    expect(await ok('settings:get')).toEqual({ workspace: join(root, 'Default Workspace'), language: 'zh-CN' });
    expect(await useWorkspace(ws)).toEqual({ workspace: ws, language: 'zh-CN' });
    expect(JSON.parse(await readFile(join(root, 'userData', 'settings.json'), 'utf8')).workspace).toBe(ws);

    const { slug } = await ok<{ slug: string }>('issue:create', NEW);
    expect(existsSync(join(ws, slug, 'issue.json'))).toBe(true);

    const listed = await ok<{ workspace: string; entries: { slug: string; status: string }[] }>('library:list');
    expect(listed.workspace).toBe(ws);
    expect(listed.entries.map((e) => [e.slug, e.status])).toEqual([[slug, 'ok']]);

    const opened = await ok<{ issue: Issue; stamp: string }>('issue:open', { slug });
    expect(opened.issue.publication.name).toBe('渝工简报');
    expect(opened.stamp).toMatch(/^[0-9a-f]{64}$/);

    const withSection = addSection(opened.issue, '渝工铸魂');
    const edited = addArticle(withSection.issue, withSection.section.id, '市总工会召开党组会议').issue;
    const saved = await ok<{ stamp: string; savedAt: string }>('issue:save', { slug, issue: edited, stamp: opened.stamp });
    expect(saved.stamp).not.toBe(opened.stamp);
    expect(saved.savedAt).toBe(NOW.toISOString());

    const reopened = await ok<{ issue: Issue; stamp: string }>('issue:open', { slug });
    expect(reopened.stamp).toBe(saved.stamp);
    expect(reopened.issue.sections[0].articles[0].headline).toBe('市总工会召开党组会议');

    const stale = await call('issue:save', { slug, issue: opened.issue, stamp: opened.stamp });
    expect(stale).toEqual({ ok: false, error: { code: 'issue.changedOnDisk', params: { path: join(ws, slug, 'issue.json') } } });
    expect((await ok<{ issue: Issue }>('issue:open', { slug })).issue.sections).toHaveLength(1);
  });

  it('keeps a history version on a checkpoint save', async () => {
    const { root, ok, useWorkspace } = await app();
    await useWorkspace(join(root, 'ws'));
    const { slug } = await ok<{ slug: string }>('issue:create', NEW);
    const opened = await ok<{ issue: Issue; stamp: string }>('issue:open', { slug });
    await ok('issue:save', { slug, issue: opened.issue, stamp: opened.stamp, checkpoint: true });
    expect(existsSync(join(root, 'ws', slug, 'history'))).toBe(true);
  });

  it('refuses a relative workspace with workspace.notAbsolute and keeps the old one', async () => {
    const { root, call, ok } = await app();
    const r = await call('settings:update', { workspace: 'relative/folder' });
    expect(r).toEqual({ ok: false, error: { code: 'workspace.notAbsolute', params: { path: 'relative/folder' } } });
    expect((await ok<{ workspace: string }>('settings:get')).workspace).toBe(join(root, 'Default Workspace'));
  });

  it('normalises an absolute workspace path', async () => {
    const { root, useWorkspace } = await app();
    const s = await useWorkspace(join(root, 'b'), `${root}/a/../b/`);
    expect(s.workspace).toBe(join(root, 'b'));
  });

  it('lists the new workspace after the workspace changes', async () => {
    const { root, ok, useWorkspace } = await app();
    await useWorkspace(join(root, 'one'));
    await ok('issue:create', NEW);
    await useWorkspace(join(root, 'two'));
    expect(await ok('library:list')).toEqual({ workspace: join(root, 'two'), entries: [] });
  });

  it('duplicates, renames, trashes and restores through the contract', async () => {
    const { root, ok, useWorkspace } = await app();
    await useWorkspace(join(root, 'ws'));
    const { slug } = await ok<{ slug: string }>('issue:create', NEW);
    const { slug: next } = await ok<{ slug: string }>('issue:duplicate', { slug });
    expect(next).toBe('渝工简报 2024年第4期');
    const { slug: renamed } = await ok<{ slug: string }>('issue:rename', { slug: next, title: '四月号' });
    expect(renamed).toBe('四月号');
    const { trashId } = await ok<{ trashId: string }>('issue:trash', { slug: renamed });
    expect((await ok<{ entries: { trashId: string }[] }>('library:trash')).entries.map((e) => e.trashId)).toEqual([trashId]);
    expect(await ok('issue:restore', { trashId })).toEqual({ slug: '四月号' });
    const entries = (await ok<{ entries: { slug: string }[] }>('library:list')).entries;
    expect(entries.map((e) => e.slug)).toEqual(['四月号', slug]);
  });

  it('answers workspace:choose from the platform', async () => {
    const { root, ok } = await app();
    expect(await ok('workspace:choose')).toEqual({ path: join(root, 'Picked') });
  });

  it('reports a damaged issue on open as issue.corrupt and leaves the file untouched', async () => {
    const { root, call, ok, useWorkspace } = await app();
    await useWorkspace(join(root, 'ws'));
    const { slug } = await ok<{ slug: string }>('issue:create', NEW);
    await writeFile(join(root, 'ws', slug, 'issue.json'), '{"schemaVersion":1}');
    const r = await call('issue:open', { slug });
    expect(r).toMatchObject({ ok: false, error: { code: 'issue.corrupt' } });
    expect(await readFile(join(root, 'ws', slug, 'issue.json'), 'utf8')).toBe('{"schemaVersion":1}');
  });

  it('refuses path tricks at the boundary before any file is touched', async () => {
    const { root, call, useWorkspace } = await app();
    await useWorkspace(join(root, 'ws'));
    for (const slug of ['..', '../userData', 'a/../../x', '/etc']) {
      expect(await call('issue:open', { slug })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
      expect(await call('issue:trash', { slug })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    }
    expect(existsSync(join(root, 'userData', 'settings.json'))).toBe(true);
  });

  it('reports issue.notFound for an issue that is not there', async () => {
    const { root, call, useWorkspace } = await app();
    await useWorkspace(join(root, 'ws'));
    expect(await call('issue:open', { slug: 'nothing' })).toMatchObject({ ok: false, error: { code: 'issue.notFound' } });
  });
});

describe('paths the user did not choose', () => {
  const notGranted = (path: string) => ({ ok: false, error: { code: 'path.notGranted', params: { path } } });

  it('takes as workspace only a folder from the folder dialog, or the current or the default one', async () => {
    const { root, os, call, ok, useWorkspace, pickFiles } = await app();
    const elsewhere = join(root, 'elsewhere');
    expect(await call('settings:update', { workspace: elsewhere })).toEqual(notGranted(elsewhere));
    expect(existsSync(elsewhere)).toBe(false);
    expect((await ok<{ workspace: string }>('settings:get')).workspace).toBe(join(root, 'Default Workspace'));

    await useWorkspace(join(root, 'ws'));
    expect(await ok('settings:update', { workspace: join(root, 'ws'), language: 'en' })).toEqual({ workspace: join(root, 'ws'), language: 'en' });
    expect(await ok('settings:update', { workspace: join(root, 'Default Workspace') })).toMatchObject({ workspace: join(root, 'Default Workspace') });
    // A folder picked earlier in the session stays allowed.
    expect(await ok('settings:update', { workspace: join(root, 'ws') })).toMatchObject({ workspace: join(root, 'ws') });

    // A cancelled dialog grants nothing, and a file picked for import is no workspace.
    os.folder = null;
    expect(await ok('workspace:choose')).toEqual({ path: null });
    await pickFiles([join(root, 'draft.txt')]);
    expect(await call('settings:update', { workspace: join(root, 'draft.txt') })).toEqual(notGranted(join(root, 'draft.txt')));
  });

  it('reads a text draft only once the user picked it', async () => {
    const { root, call, ok, pickFiles } = await app();
    const draft = join(root, 'yugong-2024-03.txt');
    await writeFile(draft, '## 市总工会召开党组会议\n会议传达学习了全国两会精神。\n');
    expect(await call('import:previewText', { path: draft })).toEqual(notGranted(draft));
    await pickFiles([draft]);
    expect(await ok('import:previewText', { path: draft })).toMatchObject({ fileName: 'yugong-2024-03.txt' });
    // A folder whose name looks like a draft is no file, in words of its own.
    const folder = join(root, '草稿.txt');
    await mkdir(folder);
    await pickFiles([folder]);
    expect(await call('import:previewText', { path: folder })).toEqual({ ok: false, error: { code: 'import.notAFile', params: { file: '草稿.txt' } } });
  });

  it('refuses a batch of Word files naming one the user did not pick, before reading any', async () => {
    const { root, call, ok, useWorkspace, pickFiles } = await app();
    await useWorkspace(join(root, 'ws'));
    const { slug } = await ok<{ slug: string }>('issue:create', NEW);
    const picked = join(root, '来稿.docx');
    const other = join(root, '别处.docx');
    await writeFile(picked, '只是一段文字');
    await writeFile(other, '只是一段文字');
    await pickFiles([picked]);
    expect(await call('import:docx', { slug, paths: [picked, other] })).toEqual(notGranted(other));
    // The picked file alone reaches the importer, which judges it on its own.
    const { results } = await ok<{ results: { ok: boolean; error?: { code: string } }[] }>('import:docx', { slug, paths: [picked] });
    expect(results.map((r) => r.error?.code)).toEqual(['import.notDocx']);
  });

  it("stores an image from disk only when picked, or a clip image in the temp folder while the clipboard's HTML names it (a paste from Word)", async () => {
    const { root, os, call, ok, useWorkspace, pickFiles } = await app();
    await useWorkspace(join(root, 'ws'));
    const { slug } = await ok<{ slug: string }>('issue:create', NEW);
    const clip = join(root, 'Temp', 'msohtmlclip1', '01', 'clip_image001.png');
    await mkdir(dirname(clip), { recursive: true });
    await writeFile(clip, makePng(30, 20));
    const photo = join(root, '照片.png');
    await writeFile(photo, makePng(40, 10));

    expect(await call('asset:addPath', { slug, path: clip })).toEqual(notGranted(clip));
    os.clipboard = `<p class=MsoNormal><img width=30 height=20 src="${pathToFileURL(clip).href}" v:shapes="_x0000_i1025"></p>`;
    expect(await ok('asset:addPath', { slug, path: clip })).toMatchObject({ width: 30, height: 20 });
    expect(await call('asset:addPath', { slug, path: photo })).toEqual(notGranted(photo));
    os.clipboard = '<p>别的内容</p>';
    expect(await call('asset:addPath', { slug, path: clip })).toEqual(notGranted(clip));

    await pickFiles([photo]);
    expect(await ok('asset:addPath', { slug, path: photo })).toMatchObject({ width: 40, height: 10 });
  });

  /** Word's clipboard HTML naming the `file:` URLs `urls` as its pictures. */
  const wordHtml = (...urls: string[]) => urls.map((u) => `<p class=MsoNormal><img width=30 height=20 src="${u}"></p>`).join('');

  it('refuses a picture the clipboard names outside the temp and Word folders as path.notGranted, whether or not it exists', async () => {
    const { root, os, call, ok, useWorkspace } = await app();
    await useWorkspace(join(root, 'ws'));
    const { slug } = await ok<{ slug: string }>('issue:create', NEW);
    const photo = join(root, 'Pictures', '身份证.png');
    await mkdir(dirname(photo), { recursive: true });
    await writeFile(photo, makePng(40, 10));
    const gone = join(root, 'Pictures', '不存在.png');
    const folder = join(root, 'Pictures', '相册.png');
    await mkdir(folder);
    // A symlink in the temp folder to a photo elsewhere is no clip image.
    const link = join(root, 'Temp', 'msohtmlclip1', '01', 'clip_image002.png');
    await mkdir(dirname(link), { recursive: true });
    await symlink(photo, link);
    // `..` cannot climb out of the temp folder.
    const climbing = `${join(root, 'Temp')}/../Pictures/身份证.png`;

    os.clipboard = wordHtml(...[photo, gone, folder, link].map((p) => pathToFileURL(p).href), `file://${climbing}`);
    // The same answer for a file, a missing one and a folder: a refusal tells nothing about the disk.
    for (const path of [photo, gone, folder, link, climbing]) {
      expect(await call('asset:addPath', { slug, path })).toEqual(notGranted(path));
    }
  });

  it('refuses a file in the temp folder that the clipboard names but that is no picture type the app imports', async () => {
    const { root, os, call, ok, useWorkspace } = await app();
    await useWorkspace(join(root, 'ws'));
    const { slug } = await ok<{ slug: string }>('issue:create', NEW);
    const clipDir = join(root, 'Temp', 'msohtmlclip1', '01');
    await mkdir(clipDir, { recursive: true });
    const files = ['clip_filelist.xml', 'clip_image001.emz', 'clip_image002.bmp', 'notes.txt'].map((name) => join(clipDir, name));
    for (const file of files) await writeFile(file, makePng(30, 20));
    const gone = join(clipDir, 'secret.key');
    os.clipboard = wordHtml(...[...files, gone].map((p) => pathToFileURL(p).href));
    for (const path of [...files, gone]) expect(await call('asset:addPath', { slug, path })).toEqual(notGranted(path));
  });

  it("stores a clip image from Word for Mac's folder; a named clip image gone from the temp folder is import.notFound", async () => {
    const { root, os, call, ok, useWorkspace } = await app();
    await useWorkspace(join(root, 'ws'));
    const { slug } = await ok<{ slug: string }>('issue:create', NEW);
    const mac = join(root, 'Home', 'Library', 'Group Containers', 'UBF8T346G9.Office', 'TemporaryItems', 'msohtmlclip', 'clip_image001.png');
    await mkdir(dirname(mac), { recursive: true });
    await writeFile(mac, makePng(24, 16));
    const gone = join(root, 'Temp', 'msohtmlclip1', '01', 'clip_image009.jpg');
    os.clipboard = wordHtml(pathToFileURL(mac).href, pathToFileURL(gone).href);
    expect(await ok('asset:addPath', { slug, path: mac })).toMatchObject({ width: 24, height: 16 });
    // Only once the path passed the rule and the clipboard names it may the answer say it is gone.
    expect(await call('asset:addPath', { slug, path: gone })).toEqual({ ok: false, error: { code: 'import.notFound', params: { file: 'clip_image009.jpg' } } });
  });

  it('grants no reading of the file an export was saved to', async () => {
    const { root, call, ok, useWorkspace } = await app();
    await useWorkspace(join(root, 'ws'));
    const { slug } = await ok<{ slug: string }>('issue:create', NEW);
    const { path } = await ok<{ path: string }>('export:docx', { slug });
    expect(path).toBe(join(root, '渝工简报 2024年第3期.docx'));
    expect(existsSync(path)).toBe(true);
    expect(await call('import:docx', { slug, paths: [path] })).toEqual(notGranted(path));
    expect(await call('import:previewText', { path })).toEqual(notGranted(path));
    expect(await call('asset:addPath', { slug, path })).toEqual(notGranted(path));
  });
});

describe('images sent in pieces (asset:put)', () => {
  it('drops an upload idle for more than two minutes, refuses its late pieces, and caps the uploads in flight', async () => {
    let now = NOW.getTime();
    const { root, call, ok, useWorkspace } = await app({ now: () => new Date(now) });
    await useWorkspace(join(root, 'ws'));
    const { slug } = await ok<{ slug: string }>('issue:create', NEW);
    const png = makePng(16, 12).toString('base64');
    const cut = Math.floor(png.length / 8) * 4; // pieces split on whole base64 quanta, as the renderer's 4 MB pieces are
    const put = (upload: string, data: string, done: boolean) => call('asset:put', { slug, upload, data, done });

    expect(await put('upload-a', png.slice(0, cut), false)).toEqual({ ok: true, value: { asset: null } });
    now += 2 * 60_000 + 1;
    expect(await put('upload-a', png.slice(cut), true)).toEqual({ ok: false, error: { code: 'asset.uploadExpired', params: { minutes: 2 } } });
    expect(await put('upload-b', png, true)).toMatchObject({ ok: true, value: { asset: { width: 16, height: 12 } } });

    for (let i = 0; i < MAX_UPLOADS; i++) await put(`slot-${i}`, png.slice(0, cut), false);
    expect(await put('one-more', png.slice(0, cut), false)).toEqual({ ok: false, error: { code: 'asset.tooManyUploads', params: { max: MAX_UPLOADS } } });
    expect(await put('slot-0', png.slice(cut), true)).toMatchObject({ ok: true, value: { asset: { width: 16, height: 12 } } });
    expect(await put('one-more', png.slice(0, cut), false)).toEqual({ ok: true, value: { asset: null } });
  });
});

describe('page preview requests', () => {
  it('prints only the newest of previews asked for in a row; the older ones answer export.superseded', async () => {
    const root = await mkdtemp(join(tmpdir(), 'masthead-preview-'));
    const printer = new ChromiumPdfPrinter();
    try {
      const settings = new SettingsService(join(root, 'settings.json'), { workspace: join(root, 'ws'), language: 'zh-CN' });
      const handlers = createHandlers({
        settings,
        printer,
        platform: { chooseFolder: async () => null, chooseFiles: async () => [], chooseSavePath: async () => null },
      });
      const { slug } = await handlers['issue:create']({
        template: 'bulletin', publicationName: '预览测试', publisher: '', year: 2024, no: 1, serial: null, date: '2024-01-01',
      });
      const { issue } = await handlers['issue:open']({ slug });
      const results = await Promise.all(
        [1, 2, 3].map((n) => dispatch(handlers, 'export:preview', { slug, issue: { ...issue, title: `第${n}稿` } })),
      );
      // All three wait for the printer together: only the newest is worth printing.
      expect(results.map((r) => (r.ok ? 'pdf' : r.error.code))).toEqual(['export.superseded', 'export.superseded', 'pdf']);
    } finally {
      await printer.close();
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);
});
