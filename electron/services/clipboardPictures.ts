import { realpath } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../../shared/api/errors.js';
import { filePicturePaths } from '../../shared/import/pastedPictures.js';
import { samePath } from './pathGrants.js';

/*
 * Which `file:` pictures of a paste from Word main may read.
 *
 * Word and WPS do not put a copied picture's bytes in the clipboard's HTML: they save it in a
 * temp folder and write `<img src="file:///…/clip_image001.png">`. The renderer can put HTML
 * on the clipboard itself (a copy event, execCommand('copy')), so "the clipboard names it"
 * says nothing about what the user meant; the path must also be one an office suite writes:
 *  - a picture type the app imports (.png .jpg .jpeg .gif .webp; Word's .emz/.wmz copies are
 *    not), and
 *  - strictly inside a folder where office suites save clipboard pictures: the temp folder
 *    (Word/WPS on Windows: %TEMP%\msohtmlclip1\01\clip_image001.png; LibreOffice and WPS on
 *    Linux: /tmp/…) or Word for Mac's ~/Library/Group Containers/UBF8T346G9.Office/
 *    TemporaryItems/ (…/msohtmlclip/clip_image001.png).
 * Both are decided on the path's text before the file is touched, so a refusal
 * (`path.notGranted`) tells nothing about what exists. Once the clipboard is found to name the
 * path, its symlinks are resolved and the real file must pass again: a link in /tmp to a photo
 * in the user's home is no clip (a link swapped in between that check and the read is
 * not caught; making one takes a local process, not just the renderer). What stays open is an
 * image already lying in those folders; a folder-name rule (`msohtmlclip*` only) would be
 * tighter but would refuse the pastes of LibreOffice and WPS, whose temp names differ.
 */

/** The picture types an office suite saves beside its clipboard HTML that the app imports (those assets.ts sniffs). */
const CLIP_PICTURE = /^\.(png|jpe?g|gif|webp)$/i;

/**
 * The folders office suites save clipboard pictures in: the temp folder, and Word for Mac's
 * group container. Tests pass their own `temp` and `home`.
 */
export function officeClipboardFolders(temp = tmpdir(), home = homedir()): string[] {
  return [temp, join(home, 'Library', 'Group Containers', 'UBF8T346G9.Office', 'TemporaryItems')];
}

/**
 * True when `path` may be a clipboard picture by its text alone: absolute, a picture type the
 * app imports, strictly inside one of `folders` once normalised (`..` cannot climb out).
 */
export function mayBeClipboardPicture(path: string, folders: readonly string[]): boolean {
  return isAbsolute(path) && CLIP_PICTURE.test(extname(path)) && folders.some((folder) => isInside(folder, path));
}

/**
 * The file to read for `path`, a `file:` picture the renderer says was pasted: `path` itself,
 * or its real path once symlinks are resolved. Throws `path.notGranted` unless `path` passes
 * `mayBeClipboardPicture` (checked before the file is touched), the clipboard's HTML names
 * it, and its real path passes too. A path that cannot be resolved (gone) comes back as is,
 * for the reader to report.
 */
export async function pastedPictureFile(
  path: string,
  clipboardHtml: () => Promise<string>,
  folders: readonly string[],
): Promise<string> {
  const notGranted = () => new AppError('path.notGranted', { path });
  // The folders as given and as the disk spells them (macOS: /var/folders/… is
  // /private/var/folders/…); this looks at the folders only, never at `path`.
  const places = [...folders, ...(await Promise.all(folders.map((folder) => realpath(folder).catch(() => folder))))];
  if (!mayBeClipboardPicture(path, places)) throw notGranted();
  if (!filePicturePaths(await clipboardHtml()).some((p) => samePath(p, path))) throw notGranted();
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return path;
  }
  if (!mayBeClipboardPicture(real, places)) throw notGranted();
  return real;
}

/** True when `path` lies strictly inside `folder` (both absolute; case as the platform compares it). */
function isInside(folder: string, path: string): boolean {
  if (!isAbsolute(folder)) return false;
  const rel = relative(resolve(folder), resolve(path));
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
