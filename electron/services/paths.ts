import { isAbsolute, join, relative, resolve } from 'node:path';
import { AppError } from '../../shared/api/errors.js';

/** The folder of `slug` inside `workspace`; refuses anything that would land outside it. */
export function issueDir(workspace: string, slug: string): string {
  if (slug === '' || slug === '.' || slug === '..' || /[/\\\0]/.test(slug) || isAbsolute(slug)) {
    throw new AppError('path.outsideWorkspace', { path: slug });
  }
  const root = resolve(workspace);
  const dir = resolve(root, slug);
  const rel = relative(root, dir);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.includes('/') || rel.includes('\\')) {
    throw new AppError('path.outsideWorkspace', { path: slug });
  }
  return join(root, rel);
}

// Characters Windows, macOS or Linux refuse in a file name, and control characters.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/** A folder name for an issue made from its display name: safe on every platform, never hidden. */
export function slugify(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(UNSAFE, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, '');
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned);
  const short = Array.from(cleaned).slice(0, 80).join('');
  return short === '' || reserved ? `issue-${short}` : short;
}

/** `base`, or `base-2`, `base-3` … whichever `taken` does not hold. */
export function uniqueName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) {
    const name = `${base}-${i}`;
    if (!taken(name)) return name;
  }
}
