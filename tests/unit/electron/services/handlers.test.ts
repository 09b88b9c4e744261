import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../shared/api/contract.js';
import type { Issue } from '../../../../shared/model/issue.js';
import { addArticle, addSection } from '../../../../shared/model/ops.js';
import { dispatch } from '../../../../electron/services/dispatch.js';
import { ChromiumPdfPrinter } from '../../../../electron/pdf/chromiumPrinter.js';
import { createHandlers } from '../../../../electron/services/handlers.js';
import { SettingsService } from '../../../../electron/services/settings.js';
import { useTempDirs } from '../../../helpers/tempDir.js';

const temp = useTempDirs();
const NOW = new Date(2024, 3, 20, 12, 0, 0);

/** The app's handlers over real services in a temp folder, called as the renderer does. */
async function app() {
  const root = await temp.make();
  const settings = new SettingsService(join(root, 'userData', 'settings.json'), {
    workspace: join(root, 'Default Workspace'),
    language: 'zh-CN',
  });
  const handlers = createHandlers({
    settings,
    // A real printer that starts Chromium only when something prints (nothing does here).
    printer: new ChromiumPdfPrinter(),
    platform: { chooseFolder: async () => join(root, 'Picked'), chooseFiles: async () => [], chooseSavePath: async (name) => join(root, name) },
    now: () => NOW,
  });
  const call = (channel: string, input: unknown = {}) => dispatch(handlers, channel, input);
  /** Calls and expects success; returns the value. */
  const ok = async <T = Record<string, unknown>>(channel: string, input: unknown = {}): Promise<T> => {
    const r: Result<unknown> = await call(channel, input);
    if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  return { root, call, ok };
}

const NEW = { template: 'bulletin', publicationName: '渝工简报', publisher: '市总工会', year: 2024, no: 3, serial: 186, date: '2024-03-15' };

describe('createHandlers over real services', () => {
  it('drives the whole flow: workspace → create → list → open → save → stale save refused', async () => {
    const { root, call, ok } = await app();
    const ws = join(root, '我的工作区');

    expect(await ok('settings:get')).toEqual({ workspace: join(root, 'Default Workspace'), language: 'zh-CN' });
    expect(await ok('settings:update', { workspace: ws })).toEqual({ workspace: ws, language: 'zh-CN' });
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
    const { root, ok } = await app();
    await ok('settings:update', { workspace: join(root, 'ws') });
    const { slug } = await ok<{ slug: string }>('issue:create', NEW);
    const opened = await ok<{ issue: Issue; stamp: string }>('issue:open', { slug });
    await ok('issue:save', { slug, issue: opened.issue, stamp: opened.stamp, checkpoint: true });
    expect(existsSync(join(root, 'ws', slug, 'history'))).toBe(true);
  });

  it('refuses a relative workspace with workspace.unavailable and keeps the old one', async () => {
    const { root, call, ok } = await app();
    const r = await call('settings:update', { workspace: 'relative/folder' });
    expect(r).toEqual({ ok: false, error: { code: 'workspace.unavailable', params: { path: 'relative/folder', detail: 'not an absolute path' } } });
    expect((await ok<{ workspace: string }>('settings:get')).workspace).toBe(join(root, 'Default Workspace'));
  });

  it('normalises an absolute workspace path', async () => {
    const { root, ok } = await app();
    const s = await ok<{ workspace: string }>('settings:update', { workspace: `${root}/a/../b/` });
    expect(s.workspace).toBe(join(root, 'b'));
  });

  it('lists the new workspace after the workspace changes', async () => {
    const { root, ok } = await app();
    await ok('settings:update', { workspace: join(root, 'one') });
    await ok('issue:create', NEW);
    await ok('settings:update', { workspace: join(root, 'two') });
    expect(await ok('library:list')).toEqual({ workspace: join(root, 'two'), entries: [] });
  });

  it('duplicates, renames, trashes and restores through the contract', async () => {
    const { root, ok } = await app();
    await ok('settings:update', { workspace: join(root, 'ws') });
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
    const { root, call, ok } = await app();
    await ok('settings:update', { workspace: join(root, 'ws') });
    const { slug } = await ok<{ slug: string }>('issue:create', NEW);
    await writeFile(join(root, 'ws', slug, 'issue.json'), '{"schemaVersion":1}');
    const r = await call('issue:open', { slug });
    expect(r).toMatchObject({ ok: false, error: { code: 'issue.corrupt' } });
    expect(await readFile(join(root, 'ws', slug, 'issue.json'), 'utf8')).toBe('{"schemaVersion":1}');
  });

  it('refuses path tricks at the boundary before any file is touched', async () => {
    const { root, call, ok } = await app();
    await ok('settings:update', { workspace: join(root, 'ws') });
    for (const slug of ['..', '../userData', 'a/../../x', '/etc']) {
      expect(await call('issue:open', { slug })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
      expect(await call('issue:trash', { slug })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    }
    expect(existsSync(join(root, 'userData', 'settings.json'))).toBe(true);
  });

  it('reports issue.notFound for an issue that is not there', async () => {
    const { root, call, ok } = await app();
    await ok('settings:update', { workspace: join(root, 'ws') });
    expect(await call('issue:open', { slug: 'nothing' })).toMatchObject({ ok: false, error: { code: 'issue.notFound' } });
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
