/**
 * Reading the `@font-face` rules of an @fontsource package's CSS (`400.css` …): one
 * rule per unicode-range subset, each naming a WOFF2 file and a WOFF 1.0 twin.
 */

/** An inclusive range of Unicode code points. */
export type CodePointRange = readonly [start: number, end: number];

/** One `@font-face` rule of a fontsource CSS file. */
export interface FontsourceFace {
  weight: number;
  style: string;
  /** Absolute path of the WOFF2 file. */
  woff2: string;
  /** Absolute path of the WOFF 1.0 file, when the rule lists one. */
  woff?: string;
  /** The `unicode-range` as sorted ranges; absent when the file covers the whole font. */
  ranges?: CodePointRange[];
  /** The unicode-range text as written, to copy into the print CSS. */
  unicodeRange?: string;
}

/**
 * Parses a CSS `unicode-range` value (`U+4E00-9FFF,U+3000,U+4??`) into sorted ranges.
 * Throws on anything else, so a changed package format is noticed, not half-read.
 */
export function parseUnicodeRange(value: string): CodePointRange[] {
  const ranges = value.split(',').map((part): CodePointRange => {
    const m = /^\s*U\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?\s*$/i.exec(part);
    if (!m) throw new Error(`bad unicode-range part '${part}'`);
    if (m[1].includes('?')) return [parseInt(m[1].replace(/\?/g, '0'), 16), parseInt(m[1].replace(/\?/g, 'f'), 16)];
    const start = parseInt(m[1], 16);
    return [start, m[2] ? parseInt(m[2], 16) : start];
  });
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Whether `cp` lies in one of the sorted `ranges` (binary search). */
export function inRanges(ranges: readonly CodePointRange[], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[mid][0]) hi = mid - 1;
    else if (cp > ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * The faces of a fontsource CSS file. `resolveFile` turns a `./files/x.woff2` URL
 * into an absolute path (the CSS file's folder joined with it).
 */
export function parseFontsourceCss(css: string, resolveFile: (relativeUrl: string) => string): FontsourceFace[] {
  const faces: FontsourceFace[] = [];
  for (const [, body] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const prop = (name: string) => new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`, 'i').exec(body)?.[1].trim();
    const src = prop('src') ?? '';
    const url = (format: string) => new RegExp(`url\\(\\s*['"]?([^'")]+)['"]?\\s*\\)\\s*format\\(\\s*['"]?${format}['"]?\\s*\\)`, 'i').exec(src)?.[1];
    const woff2 = url('woff2');
    if (!woff2) throw new Error('fontsource @font-face without a woff2 source');
    const woff = url('woff');
    const unicodeRange = prop('unicode-range');
    faces.push({
      weight: Number(prop('font-weight') ?? 400),
      style: prop('font-style') ?? 'normal',
      woff2: resolveFile(woff2),
      ...(woff ? { woff: resolveFile(woff) } : {}),
      ...(unicodeRange ? { ranges: parseUnicodeRange(unicodeRange), unicodeRange } : {}),
    });
  }
  return faces;
}
