/**
 * Font families for print: the bundled open fonts (embedded in every PDF, so an issue
 * prints the same everywhere) and system fonts chosen by name.
 */
export const BUNDLED_FONTS = {
  'noto-serif-sc': { css: 'Masthead Noto Serif SC', label: '思源宋体 Noto Serif SC', role: 'song' },
  'noto-sans-sc': { css: 'Masthead Noto Sans SC', label: '思源黑体 Noto Sans SC', role: 'hei' },
  'lxgw-wenkai': { css: 'Masthead LXGW WenKai', label: '霞鹜文楷 LXGW WenKai', role: 'kai' },
} as const;

/** Id of a bundled font. */
export type BundledFontId = keyof typeof BUNDLED_FONTS;

/** Whether a layout font family names a bundled font. */
export function isBundledFont(family: string): family is BundledFontId {
  return Object.hasOwn(BUNDLED_FONTS, family);
}

// The bundled font that stands in for a system font of the same style (宋/黑/楷/仿宋/小标宋).
const STAND_INS: Array<[RegExp, BundledFontId]> = [
  [/黑|hei|sans|雅黑/i, 'noto-sans-sc'],
  [/楷|kai/i, 'lxgw-wenkai'],
  [/仿宋|fangsong/i, 'lxgw-wenkai'],
  [/宋|song|serif|ming|标宋/i, 'noto-serif-sc'],
];

/** The bundled font that replaces a system font when it is not installed. */
export function standInFor(family: string): BundledFontId {
  if (isBundledFont(family)) return family;
  return STAND_INS.find(([re]) => re.test(family))?.[1] ?? 'noto-serif-sc';
}

function quote(name: string): string {
  return `"${name.replace(/["\\]/g, '')}"`;
}

/**
 * The CSS `font-family` list for a layout family: a bundled font alone, or a system
 * font followed by its bundled stand-in (so a missing system font never falls back to
 * whatever the machine has).
 */
export function fontStack(family: string): string {
  if (isBundledFont(family)) return quote(BUNDLED_FONTS[family].css);
  return `${quote(family)}, ${quote(BUNDLED_FONTS[standInFor(family)].css)}`;
}

/** System fonts an editor may choose by name (present on most Chinese Windows machines). */
export const SYSTEM_FONTS = ['宋体', '仿宋_GB2312', '仿宋', '黑体', '楷体_GB2312', '楷体', '方正小标宋简体', '微软雅黑'] as const;
