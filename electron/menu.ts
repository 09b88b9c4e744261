import type { MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand } from '../shared/api/contract.js';
import { translate } from '../shared/i18n/translate.js';

/** The application menu in `lang`; `send` forwards a command to the focused window. */
export function menuTemplate(
  lang: Language,
  send: (command: MenuCommand) => void,
  options: { isMac: boolean; dev: boolean },
): MenuItemConstructorOptions[] {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      { label: t('menu.newIssue'), accelerator: 'CmdOrCtrl+N', click: () => send('newIssue') },
      { label: t('menu.library'), accelerator: 'CmdOrCtrl+Shift+L', click: () => send('showLibrary') },
      { type: 'separator' },
      { label: t('menu.importText'), accelerator: 'CmdOrCtrl+O', click: () => send('importText') },
      { label: t('menu.importDocx'), accelerator: 'CmdOrCtrl+Shift+O', click: () => send('importDocx') },
      { type: 'separator' },
      { label: t('menu.save'), accelerator: 'CmdOrCtrl+S', click: () => send('save') },
      { label: t('export.pdf'), accelerator: 'CmdOrCtrl+P', click: () => send('exportPdf') },
      { label: t('export.docx'), accelerator: 'CmdOrCtrl+Shift+E', click: () => send('exportDocx') },
      { type: 'separator' },
      { label: t('menu.settings'), accelerator: 'CmdOrCtrl+,', click: () => send('settings') },
      ...(options.isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const, label: t('menu.quit') }]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { role: 'undo', label: t('menu.undo') },
      { role: 'redo', label: t('menu.redo') },
      { type: 'separator' },
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      { role: 'selectAll', label: t('menu.selectAll') },
      { type: 'separator' },
      { label: t('menu.find'), accelerator: 'CmdOrCtrl+F', click: () => send('find') },
      { label: t('menu.replace'), accelerator: options.isMac ? 'Cmd+Alt+F' : 'Ctrl+H', click: () => send('replace') },
      { label: t('menu.proofread'), accelerator: 'F7', click: () => send('proofread') },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      { role: 'resetZoom', label: t('menu.resetZoom') },
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('menu.fullscreen') },
      ...(options.dev ? [{ role: 'toggleDevTools' as const }, { role: 'reload' as const }] : []),
    ],
  };
  const app: MenuItemConstructorOptions[] = options.isMac ? [{ role: 'appMenu' }] : [];
  return [...app, file, edit, view, { role: 'windowMenu', label: t('menu.window') }];
}
