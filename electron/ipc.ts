import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type Handlers, type Result } from '../shared/api/contract.js';
import { dispatch } from './services/dispatch.js';

/** Decides whether a frame may call the API (only the app's own top-level page may). */
export type SenderCheck = (frameUrl: string | null, isTopFrame: boolean) => boolean;

/** A sender check that trusts only top-level pages whose URL starts with one of `prefixes`. */
export function trustUrlPrefixes(prefixes: readonly string[]): SenderCheck {
  return (url, isTopFrame) => isTopFrame && url !== null && prefixes.some((p) => url.startsWith(p));
}

/**
 * Registers one `ipcMain.handle` per channel of the contract. Each call checks its
 * sender frame, then `dispatch` parses the input with zod and runs the handler.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers, isTrusted: SenderCheck): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      const frame = event.senderFrame;
      if (!isTrusted(frame?.url ?? null, frame !== null && frame.parent === null)) {
        return { ok: false, error: { code: 'ipc.forbiddenSender', params: {} } };
      }
      return dispatch(handlers, channel, input);
    });
  }
}
