// The Electron main process: one window, the menu, and the IPC handlers over the
// plain-Node services. Everything with logic lives in electron/services (tested in Node).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, nativeImage, session, shell, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand, type Settings } from '../shared/api/contract.js';
import { languageFromLocale, translate } from '../shared/i18n/translate.js';
import { registerDroppedPaths, registerIpc, trustUrlPrefixes } from './ipc.js';
import { menuTemplate } from './menu.js';
import { ElectronPdfPrinter } from './pdf/electronPrinter.js';
import { setBundledFontsDir } from './services/print/fonts.js';
import { createHandlers } from './services/handlers.js';
import { PathGrants } from './services/pathGrants.js';
import { SettingsService } from './services/settings.js';

// `npm run dev:app` passes --dev-url to load the Vite dev server instead of the built files.
const devUrl = process.argv.find((a) => a.startsWith('--dev-url='))?.slice('--dev-url='.length);
const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = devUrl ?? pathToFileURL(rendererIndex).href;
const trustedPrefix = devUrl ? `${new URL(devUrl).origin}/` : pathToFileURL(join(__dirname, '..', 'renderer')).href + '/';

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f6f5f2',
    title: 'Masthead',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // Closing asks the page to save what is pending; the page closes the window when it is
  // done (or, if it hangs, the window goes after a few seconds anyway).
  let closing = false;
  win.on('close', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    win.webContents.send(MENU_CHANNEL, 'prepareClose');
    setTimeout(() => {
      if (!win.isDestroyed()) win.destroy();
    }, 5000);
  });
  void win.loadURL(rendererUrl);
  return win;
}

function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (url !== rendererUrl) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to the web open in the user's browser, never inside the app.
      if (/^https?:\/\//.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

async function main(): Promise<void> {
  lockDownContents();
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  const defaults: Settings = {
    workspace: join(app.getPath('documents'), 'Masthead'),
    language: languageFromLocale(app.getLocale()),
  };
  const settings = new SettingsService(join(app.getPath('userData'), 'settings.json'), defaults);
  const printer = new ElectronPdfPrinter();
  app.on('will-quit', () => void printer.close());
  // Fonts ship in resources/fonts in a packaged app; in development they come from node_modules.
  if (app.isPackaged) setBundledFontsDir(join(process.resourcesPath, 'fonts'));
  // The paths the user chose in a dialog or dropped on the window: the only ones the handlers read.
  const grants = new PathGrants();
  const handlers = createHandlers({
    settings,
    printer,
    grants,
    platform: {
      async chooseFolder() {
        const focused = BrowserWindow.getFocusedWindow();
        const options = { properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
        const result = focused ? await dialog.showOpenDialog(focused, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      async chooseFiles(kind) {
        const focused = BrowserWindow.getFocusedWindow();
        const { language } = await settings.get();
        const filters = {
          text: [{ name: translate(language, 'import.filterText'), extensions: ['txt', 'md'] }],
          docx: [{ name: translate(language, 'import.filterDocx'), extensions: ['docx'] }],
          image: [{ name: translate(language, 'import.filterImage'), extensions: ['jpg', 'jpeg', 'png', 'webp', 'gif'] }],
        }[kind];
        const options: OpenDialogOptions = {
          properties: kind === 'text' ? ['openFile'] : ['openFile', 'multiSelections'],
          filters,
        };
        const result = focused ? await dialog.showOpenDialog(focused, options) : await dialog.showOpenDialog(options);
        return result.canceled ? [] : result.filePaths;
      },
      async thumbnail(bytes) {
        const image = nativeImage.createFromBuffer(bytes);
        if (image.isEmpty()) return null;
        const { width } = image.getSize();
        return width > 1600 ? image.resize({ width: 1600, quality: 'good' }).toJPEG(85) : null;
      },
      async clipboardHtml() {
        for (const item of await clipboard.read()) {
          if (item.types.includes('text/html')) return (await item.getType('text/html')).text();
        }
        return '';
      },
      async chooseSavePath(defaultName, kind) {
        const focused = BrowserWindow.getFocusedWindow();
        const { language } = await settings.get();
        const options: SaveDialogOptions = {
          defaultPath: join(app.getPath('documents'), defaultName),
          filters: [{ name: translate(language, kind === 'pdf' ? 'export.filterPdf' : 'export.filterDocx'), extensions: [kind] }],
        };
        const result = focused ? await dialog.showSaveDialog(focused, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
    },
  });

  const applyMenu = async () => {
    const { language } = await settings.get();
    const send = (command: MenuCommand) => BrowserWindow.getFocusedWindow()?.webContents.send(MENU_CHANNEL, command);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(menuTemplate(language, send, { isMac: process.platform === 'darwin', dev: !!devUrl })),
    );
  };
  // The menu follows the UI language: rebuild it whenever the settings change.
  const update = handlers['settings:update'];
  handlers['settings:update'] = async (input) => {
    const next = await update(input);
    await applyMenu();
    return next;
  };
  const trusted = trustUrlPrefixes([trustedPrefix]);
  registerIpc(ipcMain, handlers, trusted);
  registerDroppedPaths(ipcMain, grants, trusted);
  await applyMenu();

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

void main();
