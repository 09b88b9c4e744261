// The only place the renderer touches `window.masthead` (the preload's bridge).
import type {
  Channel,
  Input,
  MastheadWindowApi,
  MenuCommand,
  Output,
  Result,
} from '../shared/api/contract.js';
import type { AppErrorData } from '../shared/api/errors.js';

declare global {
  interface Window {
    masthead?: MastheadWindowApi;
  }
}

/** An error from the main process, carrying its code and params for i18n. */
export class ApiError extends Error {
  constructor(readonly data: AppErrorData) {
    super(data.code);
    this.name = 'ApiError';
  }
}

function bridge(): MastheadWindowApi {
  if (!window.masthead) throw new ApiError({ code: 'internal', params: { detail: 'window.masthead is missing' } });
  return window.masthead;
}

/** Calls the main process; resolves with the output or rejects with an ApiError. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  // The per-channel union cannot be narrowed by TS from a generic key; the bridge is built from the same contract.
  const fn = bridge().invoke[channel] as unknown as (input: Input<C>) => Promise<Result<Output<C>>>;
  const result = await fn(input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as Output<C>;
}

/** Subscribes to application menu commands; returns the unsubscribe function. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return bridge().onMenuCommand(listener);
}

/** The error data of anything thrown by `call`. */
export function errorData(err: unknown): AppErrorData {
  if (err instanceof ApiError) return err.data;
  return { code: 'internal', params: { detail: err instanceof Error ? err.message : String(err) } };
}

/**
 * Paths of the files in a drop whose name matches `extension`, once the main process may
 * read them (Electron only; an empty list in a plain browser). Call it during the drop
 * event: the files are taken before it returns.
 */
export async function droppedPaths(files: FileList, extension: RegExp): Promise<string[]> {
  const api = window.masthead;
  const wanted = Array.from(files).filter((f) => extension.test(f.name));
  return api && wanted.length > 0 ? api.droppedPaths(wanted) : [];
}
