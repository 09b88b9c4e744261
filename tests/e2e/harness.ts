import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { CHANNELS, type Handlers, type Language, type MenuCommand } from '../../shared/api/contract.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { createHandlers } from '../../electron/services/handlers.js';
import { grantDroppedPaths, PathGrants } from '../../electron/services/pathGrants.js';
import { SettingsService } from '../../electron/services/settings.js';
import { CHROMIUM_ARGS, ChromiumPdfPrinter } from '../../electron/pdf/chromiumPrinter.js';

/** Where the built renderer is served from in tests (a made-up origin that never reaches the network). */
export const APP_ORIGIN = 'http://masthead.test';
const RENDERER_DIR = resolve(import.meta.dirname, '../../dist/renderer');
export const SCREENSHOT_DIR = resolve(import.meta.dirname, 'screenshots');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * The system Chromium, launched as DESIGN.md says (no downloads, no background network).
 * `extraArgs` is for benchmarks that change how frames are paced.
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

/** A running app: the built renderer in a Chromium page, `window.masthead` bound to the real services. */
export interface AppHarness {
  page: Page;
  workspace: string;
  dataDir: string;
  handlers: Handlers;
  /** What the open-file dialog answers from now on. */
  answerFileDialog(paths: string[]): void;
  /** The user picks `paths` in the open-file dialog (as import:chooseFiles): main may read them from then on. */
  pickFiles(paths: string[]): Promise<void>;
  /** The path Electron's webUtils gives for a file dropped on the page, by file name (a page has no file paths). */
  answerDroppedFilePaths(byName: Record<string, string>): void;
  /** The HTML on the system clipboard from now on (main reads the `file:` pictures it names on paste: images under os.tmpdir() or Word for Mac's folder). */
  answerClipboard(html: string): void;
  /** Sends an application-menu command, as the Electron menu would. */
  menu(command: MenuCommand): Promise<void>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Opens the built renderer (dist/renderer) in a new page. The page's API calls go
 * through the same `dispatch` (zod validation, error envelopes) and services as in
 * Electron, on a temporary workspace.
 */
export async function openApp(
  browser: Browser,
  options: { language?: Language; workspace?: string; dataDir?: string; files?: string[] } = {},
): Promise<AppHarness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build` first');
  }
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'masthead-e2e-')));
  const workspace = options.workspace ?? join(dataDir, 'Masthead');
  const settings = new SettingsService(join(dataDir, 'settings.json'), {
    workspace,
    language: options.language ?? 'zh-CN',
  });
  let files = options.files ?? [];
  let droppedFilePaths: Record<string, string> = {};
  let clipboard = '';
  const printer = new ChromiumPdfPrinter({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  // As in electron/main.ts: one store of granted paths for the handlers and the drop channel.
  const grants = new PathGrants();
  const handlers = createHandlers({
    settings,
    printer,
    grants,
    platform: {
      chooseFolder: async () => join(dataDir, 'Chosen'),
      // The file dialog answers with the files the test chose.
      chooseFiles: async () => files,
      // The save dialog answers with a file in the test's data folder.
      chooseSavePath: async (name) => {
        await mkdir(join(dataDir, 'exports'), { recursive: true });
        return join(dataDir, 'exports', name);
      },
      clipboardHtml: async () => clipboard,
    },
  });

  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.route(`${APP_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const path = normalize(join(RENDERER_DIR, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!path.startsWith(RENDERER_DIR + sep) || !existsSync(path)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, body: await readFile(path), contentType: MIME[extname(path)] ?? 'application/octet-stream' });
  });
  // Anything else (the network) is refused: the app must work offline.
  await page.route(/^(?!http:\/\/masthead\.test\/)/, (route) => route.abort());

  // The same sender check as electron/ipc.ts: only the app's own top-level page.
  const fromApp = (frame: Frame) => frame.url().startsWith(`${APP_ORIGIN}/`) && frame.parentFrame() === null;
  await page.exposeBinding('__mastheadInvoke', async (source, channel: string, input: unknown) => {
    if (!fromApp(source.frame)) return { ok: false, error: { code: 'ipc.forbiddenSender', params: {} } };
    return dispatch(handlers, channel, input);
  });
  // The preload's drop channel: webUtils' path of each dropped file (here: by name, as the test
  // says), granted and answered as electron/ipc.ts does.
  await page.exposeBinding('__mastheadDropped', async (source, names: string[]) => {
    if (!fromApp(source.frame)) return [];
    return grantDroppedPaths(grants, names.map((name) => droppedFilePaths[name] ?? ''));
  });
  await page.addInitScript((channels: string[]) => {
    type Listener = (command: string) => void;
    const w = window as unknown as {
      __mastheadInvoke(channel: string, input: unknown): Promise<unknown>;
      __mastheadDropped(names: string[]): Promise<string[]>;
      __menuListeners: Set<Listener>;
      masthead: unknown;
    };
    w.__menuListeners = new Set();
    w.masthead = {
      invoke: Object.fromEntries(channels.map((c) => [c, (input: unknown) => w.__mastheadInvoke(c, input)])),
      // A page has no file paths; Electron's preload gets them from webUtils and tells main.
      droppedPaths: (files: readonly File[]) => w.__mastheadDropped(files.map((f) => f.name)),
      onMenuCommand(listener: Listener) {
        w.__menuListeners.add(listener);
        return () => w.__menuListeners.delete(listener);
      },
    };
  }, CHANNELS as string[]);

  await page.goto(`${APP_ORIGIN}/index.html`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });

  return {
    page,
    workspace,
    dataDir,
    handlers,
    answerFileDialog(paths) {
      files = paths;
    },
    async pickFiles(paths) {
      files = paths;
      await handlers['import:chooseFiles']({ kind: 'text' });
    },
    answerDroppedFilePaths(byName) {
      droppedFilePaths = byName;
    },
    answerClipboard(html) {
      clipboard = html;
    },
    async menu(command) {
      await page.evaluate((c) => {
        const w = window as unknown as { __menuListeners: Set<(command: string) => void> };
        for (const l of w.__menuListeners) l(c);
      }, command);
    },
    async screenshot(name) {
      const file = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      await printer.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
