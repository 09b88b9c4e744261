// The preload only forwards: one function per channel of the contract, and the menu
// subscription. It holds no logic. Built as CommonJS (a sandboxed preload cannot load ESM).
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  CHANNELS,
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
  pathForFile: (file: File) => webUtils.getPathForFile(file),
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
