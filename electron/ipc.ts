import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, DROPPED_PATHS_CHANNEL, type Handlers, type Result } from '../shared/api/contract.js';
import { dispatch } from './services/dispatch.js';
import { grantDroppedPaths, type PathGrants } from './services/pathGrants.js';

/** Decides whether a frame may call the API (only the app's own top-level page may). */
export type SenderCheck = (frameUrl: string | null, isTopFrame: boolean) => boolean;

/** A sender check that trusts only top-level pages whose URL starts with one of `prefixes`. */
export function trustUrlPrefixes(prefixes: readonly string[]): SenderCheck {
  return (url, isTopFrame) => isTopFrame && url !== null && prefixes.some((p) => url.startsWith(p));
}

function fromTrustedFrame(event: IpcMainInvokeEvent, isTrusted: SenderCheck): boolean {
  const frame = event.senderFrame;
  return isTrusted(frame?.url ?? null, frame !== null && frame.parent === null);
}

/**
 * Registers one `ipcMain.handle` per channel of the contract. Each call checks its
 * sender frame, then `dispatch` parses the input with zod and runs the handler.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers, isTrusted: SenderCheck): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      if (!fromTrustedFrame(event, isTrusted)) return { ok: false, error: { code: 'ipc.forbiddenSender', params: {} } };
      return dispatch(handlers, channel, input);
    });
  }
}

/**
 * Registers the preload's drop channel: the paths of dropped files, granted in `grants`
 * (the store the handlers check) and answered. An untrusted sender grants nothing.
 */
export function registerDroppedPaths(ipcMain: Pick<IpcMain, 'handle'>, grants: PathGrants, isTrusted: SenderCheck): void {
  ipcMain.handle(DROPPED_PATHS_CHANNEL, (event: IpcMainInvokeEvent, paths: unknown): string[] => {
    if (!fromTrustedFrame(event, isTrusted)) return [];
    return grantDroppedPaths(grants, paths);
  });
}
