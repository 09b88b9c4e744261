import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/api/errors.js';
import { inRanges, parseFontsourceCss, parseUnicodeRange, type FontsourceFace } from './fontsourceCss.js';
import { parseSubsettableFont, subsetFont, type SubsettableFont } from './subsetFont.js';

/**
 * The open-licensed CJK fonts Masthead bundles (so an issue prints the same on every
 * machine), and the `@font-face` CSS that puts them into a self-contained print HTML.
 */

/** Ids of the bundled fonts. */
export const BUNDLED_FONT_IDS = ['noto-serif-sc', 'noto-sans-sc', 'lxgw-wenkai'] as const;
/** A bundled font: 宋 (Noto Serif SC), 黑 (Noto Sans SC) or 楷 (LXGW WenKai). */
export type BundledFontId = (typeof BUNDLED_FONT_IDS)[number];
/** The CSS weights every bundled font offers: regular and bold. */
export type BundledWeight = 400 | 700;

/** What the catalogue knows of one bundled font. */
export interface BundledFont {
  id: BundledFontId;
  /** The CSS `font-family` name the print HTML uses ("Masthead Noto Serif SC"). */
  family: string;
  /** The npm package it comes from. */
  packageName: string;
  /** The package's file weight behind each CSS weight (LXGW WenKai ships 300/500/700; its 500 is the font's "Regular"). */
  fileWeights: Readonly<Record<BundledWeight, number>>;
  /** The PostScript name prefix the PDF shows for it (`pdffonts`). */
  postScriptPrefix: string;
  /** Generic CSS family at the end of its stacks. */
  generic: 'serif' | 'sans-serif';
}

/** The bundled fonts by id. All are SIL OFL 1.1, all TrueType outlines (embed as CID TrueType). */
export const BUNDLED_FONTS: Readonly<Record<BundledFontId, BundledFont>> = {
  'noto-serif-sc': {
    id: 'noto-serif-sc',
    family: 'Masthead Noto Serif SC',
    packageName: '@fontsource/noto-serif-sc',
    fileWeights: { 400: 400, 700: 700 },
    postScriptPrefix: 'NotoSerifSC',
    generic: 'serif',
  },
  'noto-sans-sc': {
    id: 'noto-sans-sc',
    family: 'Masthead Noto Sans SC',
    packageName: '@fontsource/noto-sans-sc',
    fileWeights: { 400: 400, 700: 700 },
    postScriptPrefix: 'NotoSansSC',
    generic: 'sans-serif',
  },
  'lxgw-wenkai': {
    id: 'lxgw-wenkai',
    family: 'Masthead LXGW WenKai',
    packageName: '@fontsource/lxgw-wenkai',
    fileWeights: { 400: 500, 700: 700 },
    postScriptPrefix: 'LXGWWenKai',
    generic: 'serif',
  },
};

/** One bundled font at one weight, as the print HTML uses it. `weight` is a CSS weight; 400/700 are offered. */
export interface FontUse {
  id: BundledFontId;
  weight: number;
}

/** Whether `value` names a bundled font by id. */
export function isBundledFontId(value: string): value is BundledFontId {
  return (BUNDLED_FONT_IDS as readonly string[]).includes(value);
}

/** The weight offered closest to a CSS weight: up to 550 regular, above it bold. */
export function bundledWeight(weight: number): BundledWeight {
  return weight > 550 ? 700 : 400;
}

/** The CSS font-family value of a bundled font with its generic fallback: `"Masthead Noto Serif SC", serif`. */
export function bundledFontStack(id: BundledFontId): string {
  return `"${BUNDLED_FONTS[id].family}", ${BUNDLED_FONTS[id].generic}`;
}

// Characters every face carries beside the text's own: the range of fontsource's
// `latin` subset (ASCII, Latin-1, general punctuation, €, ™, −), so digits, page
// numbers and Latin words never fall back to a system font.
const BASIC_RANGE = parseUnicodeRange(
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
);

let fontsDir: string | undefined;

/**
 * Reads the fonts from `dir` instead of node_modules: `<dir>/<name>/` laid out like the
 * package `@fontsource/<name>` (its CSS files and `files/`), as a packaged app ships
 * them in resources/fonts. `undefined` goes back to resolving the npm packages.
 */
export function setBundledFontsDir(dir: string | undefined): void {
  fontsDir = dir;
}

/** This module's own file: `__filename` in a CommonJS bundle, import.meta.url in ESM. */
function moduleFile(): string {
  return typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
}

function packageDir(font: BundledFont): string {
  if (fontsDir) return join(fontsDir, font.packageName.replace(/^@fontsource\//, ''));
  try {
    // Every fontsource package exports `./*.css`; index.css exists in all of them.
    return dirname(createRequire(moduleFile()).resolve(`${font.packageName}/index.css`));
  } catch (err) {
    throw new AppError('pdf.failed', { detail: `font.notInstalled ${font.packageName}` }, { cause: err });
  }
}

// Parsed CSS per file, parsed fonts per file and the last cut of each face, kept for
// the life of the process: a warm export reads nothing from disk, and after an edit
// only the faces whose characters changed are cut again.
const facesCache = new Map<string, Promise<FontsourceFace[]>>();
const fontCache = new Map<string, Promise<SubsettableFont>>();
const cutCache = new Map<string, { key: string; base64: string }>();

function remember<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let hit = cache.get(key);
  if (!hit) {
    hit = make();
    cache.set(key, hit);
    hit.catch(() => cache.delete(key)); // a failed read is retried next time
  }
  return hit;
}

/** The fontsource faces (all unicode-range subsets) of a bundled font at a CSS weight. */
export function bundledFaces(id: BundledFontId, weight: BundledWeight): Promise<FontsourceFace[]> {
  const font = BUNDLED_FONTS[id];
  const cssFile = join(packageDir(font), `${font.fileWeights[weight]}.css`);
  return remember(facesCache, cssFile, async () => {
    const css = await readFile(cssFile, 'utf8').catch((err: unknown) => {
      throw new AppError('pdf.failed', { detail: `font.notInstalled ${cssFile}` }, { cause: err });
    });
    const dir = dirname(cssFile);
    return parseFontsourceCss(css, (url) => join(dir, url)).filter((f) => f.style === 'normal');
  });
}

/** Drops every cached catalogue and font (tests; or to free ~20 MB per parsed LXGW weight). */
export function clearFontCaches(): void {
  facesCache.clear();
  fontCache.clear();
  cutCache.clear();
}

function codePointsOf(text: string): Set<number> {
  const cps = new Set<number>();
  for (const ch of text) cps.add(ch.codePointAt(0) as number);
  return cps;
}

function faceRule(family: string, weight: number, dataUrl: string, format: string, unicodeRange?: string): string {
  const range = unicodeRange ? `unicode-range:${unicodeRange};` : '';
  return `@font-face{font-family:"${family}";font-style:normal;font-weight:${weight};font-display:block;src:url(${dataUrl}) format("${format}");${range}}`;
}

/** Whether a face is fontsource's `latin` subset, or a whole font: both always carry BASIC_RANGE. */
function carriesBasic(face: FontsourceFace): boolean {
  return !face.ranges || /-latin-\d+-normal\.woff2$/.test(face.woff2);
}

/** The characters a face must hold: the text's within its range, and BASIC_RANGE where it belongs. */
function wantedIn(face: FontsourceFace, font: SubsettableFont, cps: Set<number>): number[] {
  const ranges = face.ranges;
  const basic = carriesBasic(face);
  const wanted = [...cps].filter((cp) => font.cmap.has(cp) && (!ranges || inRanges(ranges, cp)));
  if (basic) for (const cp of font.cmap.keys()) if (inRanges(BASIC_RANGE, cp)) wanted.push(cp);
  return [...new Set(wanted)].sort((a, b) => a - b);
}

/** Whether a subset face may hold a character of the text (before its font is read). */
function touches(face: FontsourceFace, cps: Set<number>): boolean {
  if (!face.ranges || carriesBasic(face)) return true;
  for (const cp of cps) if (inRanges(face.ranges, cp)) return true;
  return false;
}

/**
 * The @font-face rule of one face cut to the text, or null when the text needs nothing
 * from it. Every face is cut from its WOFF 1.0 twin: fontsource's WOFF2 files carry the
 * variable font's default-instance names ("NotoSerifSCExtraLight-Regular" for the 400
 * weight), which would show in pdffonts and a print shop's preflight; the WOFF files
 * are named right ("NotoSerifSC-Regular"). Cutting also makes the print HTML of the
 * sample issue 2.6× smaller than whole subsets would (1.5 MB, not 3.8 MB), and
 * Chromium prints it about 30% faster.
 */
async function faceRuleFor(family: string, weight: BundledWeight, face: FontsourceFace, cps: Set<number>): Promise<string | null> {
  if (!touches(face, cps)) return null;
  const source = face.woff;
  if (!source) throw new AppError('pdf.failed', { detail: `font.noWoff ${face.woff2}` });
  const font = await remember(fontCache, source, async () => parseSubsettableFont(await readFile(source)));
  const wanted = wantedIn(face, font, cps);
  if (wanted.length === 0) return null;
  const key = wanted.join(',');
  let cut = cutCache.get(source);
  if (cut?.key !== key) {
    cut = { key, base64: subsetFont(font, wanted).toString('base64') };
    cutCache.set(source, cut);
  }
  return faceRule(family, weight, `data:font/woff;base64,${cut.base64}`, 'woff', face.unicodeRange);
}

/**
 * Chinese quotation marks “ ” ‘ ’ are full-width in Chinese type, as every Chinese system
 * font (宋体, 仿宋, 楷体) draws them; LXGW WenKai draws them Latin-narrow, which sets
 * “十四五” tight against its neighbours. A Kai family takes its quotes from Noto Serif SC:
 * a face of the same family limited to the quotes, declared after the Kai face, wins
 * for those characters (CSS Fonts 4: among overlapping unicode-ranges the last defined
 * is tried first).
 */
const QUOTES = [0x2018, 0x2019, 0x201c, 0x201d];
const QUOTES_RANGE = 'U+2018-2019,U+201C-201D';
const QUOTES_FROM: Partial<Record<BundledFontId, BundledFontId>> = { 'lxgw-wenkai': 'noto-serif-sc' };

/** The quotes-only face `QUOTES_FROM` lends a family, cut to the quotes the text uses; null when it uses none. */
async function quotesRuleFor(family: string, donor: BundledFontId, weight: BundledWeight, cps: Set<number>): Promise<string | null> {
  const used = QUOTES.filter((cp) => cps.has(cp));
  if (used.length === 0) return null;
  const face = (await bundledFaces(donor, weight)).find((f) => carriesBasic(f));
  if (!face?.woff) return null;
  const source = face.woff;
  const font = await remember(fontCache, source, async () => parseSubsettableFont(await readFile(source)));
  const wanted = used.filter((cp) => font.cmap.has(cp));
  if (wanted.length === 0) return null;
  const cacheKey = `${source}#quotes`;
  const key = wanted.join(',');
  let cut = cutCache.get(cacheKey);
  if (cut?.key !== key) {
    cut = { key, base64: subsetFont(font, wanted).toString('base64') };
    cutCache.set(cacheKey, cut);
  }
  return faceRule(family, weight, `data:font/woff;base64,${cut.base64}`, 'woff', QUOTES_RANGE);
}

/** The rules of one font at one weight: each face the text touches, cut to the text (then any quotes it borrows). */
async function rulesFor(id: BundledFontId, weight: BundledWeight, cps: Set<number>): Promise<string[]> {
  const faces = await bundledFaces(id, weight);
  const family = BUNDLED_FONTS[id].family;
  const rules = await Promise.all(faces.map((face) => faceRuleFor(family, weight, face, cps)));
  const donor = QUOTES_FROM[id];
  if (donor) rules.push(await quotesRuleFor(family, donor, weight, cps));
  return rules.filter((r): r is string => r !== null);
}

/**
 * `@font-face` rules for the bundled fonts `uses` asks for, each `src` a data: URL so
 * the print HTML needs nothing beside it. Only what `text` needs goes in: of a font
 * split into unicode-range subsets (Noto), the subsets holding a character of `text`
 * plus the Latin one; of a font shipped whole (LXGW WenKai, 7 MB per weight), the one
 * face. Each is cut to the glyphs of `text` (all of Basic Latin, Latin-1 and general
 * punctuation stay) and embedded as WOFF 1.0, keeping its unicode-range.
 * `text` must hold every character the page shows, generated content (page numbers,
 * `第X期`) included: a character left out falls back to a system font, which may embed
 * as Type 3. Weights other than 400/700 are served by the closer of the two.
 */
export async function fontFaceCss(uses: ReadonlyArray<FontUse>, text: string): Promise<string> {
  const cps = codePointsOf(text);
  const wanted = new Map<string, { id: BundledFontId; weight: BundledWeight }>();
  for (const use of uses) {
    if (!isBundledFontId(use.id)) throw new AppError('pdf.failed', { detail: `font.unknown ${String(use.id)}` });
    const weight = bundledWeight(use.weight);
    wanted.set(`${use.id}/${weight}`, { id: use.id, weight });
  }
  const groups = await Promise.all([...wanted.values()].map((u) => rulesFor(u.id, u.weight, cps)));
  return groups.flat().join('\n');
}
