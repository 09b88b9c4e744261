/**
 * Pictures that pasted HTML carries with it: `data:` URLs (web pages, WPS) or `file:`
 * URLs of copies beside it on disk (Word puts clip_image001.png in a temp folder). The
 * editor stores both kinds; the main process reads a `file:` picture only when the
 * clipboard's HTML names it, found with these same functions, and it is an image where
 * office suites save such copies (electron/services/clipboardPictures.ts).
 */

// The src of every <img> whose picture travels with the HTML or lies beside it on disk.
const PICTURE_SRC = /<img\b[^>]*\bsrc\s*=\s*["']((?:data:image\/|file:)[^"']+)["']/gi;

/** The `src` of each picture in pasted HTML that is a `data:image/…` or `file:` URL, in order. */
export function pictureSources(html: string): string[] {
  return [...html.matchAll(PICTURE_SRC)].map((m) => m[1]);
}

/**
 * The file path of a `file:` URL as the editor asks for it: `file:///C:/Users/a%20b/x.png`
 * gives `C:/Users/a b/x.png`, `file:///home/x.png` gives `/home/x.png`; null when the
 * URL's escapes are malformed.
 */
export function pathOfFileUrl(url: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url.replace(/^file:\/\//i, ''));
  } catch {
    return null;
  }
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}

/** The paths of the `file:` pictures that pasted HTML points at. */
export function filePicturePaths(html: string): string[] {
  return pictureSources(html)
    .filter((src) => /^file:/i.test(src))
    .flatMap((src) => pathOfFileUrl(src) ?? []);
}
