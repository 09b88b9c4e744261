import { extname, isAbsolute, resolve } from 'node:path';
import { DroppedPathsSchema } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';

/**
 * What a granted path may be used for: a `folder` the user chose in the folder dialog may
 * become the workspace; a `file` the user picked in a dialog or dropped on the window may
 * be read by the import and image calls.
 */
export type GrantKind = 'folder' | 'file';

/** Paths remembered per kind; past this the oldest grant is forgotten (a session picks a few dozen). */
export const MAX_GRANTS = 1000;

/** Files a drop may grant: the text drafts, Word documents and images the app imports. */
const DROPPABLE = /^\.(txt|md|markdown|text|docx|jpe?g|png|webp|gif)$/i;

/**
 * The paths the main process handed to the renderer, so that a call naming a path can be
 * checked against what the user actually chose: the answers of the app's own dialogs and
 * the files dropped on the window. The renderer cannot add to it through the contract.
 */
export class PathGrants {
  private readonly granted: Record<GrantKind, Set<string>> = { folder: new Set(), file: new Set() };

  /** Remembers `paths` (absolute ones only) for `kind`. */
  grant(kind: GrantKind, paths: readonly string[]): void {
    const set = this.granted[kind];
    for (const path of paths) {
      if (!isAbsolute(path)) continue;
      const key = resolve(path);
      set.delete(key); // re-granting makes it the newest
      set.add(key);
      const oldest = set.values().next();
      if (set.size > MAX_GRANTS && !oldest.done) set.delete(oldest.value);
    }
  }

  /** True when `path` (normalised) was granted for `kind`. */
  has(kind: GrantKind, path: string): boolean {
    return isAbsolute(path) && this.granted[kind].has(resolve(path));
  }

  /** Throws `path.notGranted` unless `path` was granted for `kind`. */
  require(kind: GrantKind, path: string): void {
    if (!this.has(kind, path)) throw new AppError('path.notGranted', { path });
  }
}

/** True when `a` and `b` name the same place once normalised (`/a/../b/` is `/b`). */
export function samePath(a: string, b: string): boolean {
  return isAbsolute(a) && isAbsolute(b) && resolve(a) === resolve(b);
}

/**
 * Grants the files of a drop, as the preload reports them, and answers the ones granted
 * (in order): absolute paths with an extension the app imports; anything else, or input
 * that is not a list of paths, grants nothing.
 */
export function grantDroppedPaths(grants: PathGrants, raw: unknown): string[] {
  const parsed = DroppedPathsSchema.safeParse(raw);
  if (!parsed.success) return [];
  const paths = parsed.data.filter((p) => isAbsolute(p) && DROPPABLE.test(extname(p)));
  grants.grant('file', paths);
  return paths;
}
