// The preload only forwards: one function per channel of the contract, and the menu
// subscription. It holds no logic. Built as CommonJS (a sandboxed preload cannot load ESM).
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  CHANNELS,
  DROPPED_PATHS_CHANNEL,
  MENU_CHANNEL,
  MenuCommandSchema,
  type Bridge,
  type MastheadWindowApi,
  type MenuCommand,
} from '../shared/api/contract.js';

const invoke = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]),
) as Bridge;

const api: MastheadWindowApi = {
  invoke,
  // A File has a path only when it came from the disk (a drop, a file picker): only those
  // grant anything, and page scripts cannot reach this channel but through here.
  droppedPaths: (files: readonly File[]): Promise<string[]> =>
    ipcRenderer.invoke(DROPPED_PATHS_CHANNEL, files.map((f) => webUtils.getPathForFile(f))),
  onMenuCommand(listener: (command: MenuCommand) => void) {
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      const parsed = MenuCommandSchema.safeParse(command);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('masthead', api);
