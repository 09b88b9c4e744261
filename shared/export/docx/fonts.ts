import type { IFontAttributesProperties } from 'docx';
import type { Layout } from '../../model/layout.js';
import { isBundledFont, standInFor, type BundledFontId } from '../print/fonts.js';

/**
 * Fonts in the DOCX. Every run style names one family in all four `w:rFonts` slots
 * (ascii, hAnsi, eastAsia, cs) with `w:hint="eastAsia"`, so quotes and dashes, which
 * Word could take from either slot, come from the CJK font as in the PDF.
 *
 * Naming decision: a bundled font is named by its real family ("Noto Serif SC"), so a
 * machine that has the open font installed shows exactly the PDF's faces. Most
 * recipients (a leader's or a print shop's Windows with Word or WPS) do not have it;
 * for them the font table (`word/fontTable.xml`, see `fontTableXml`) gives each
 * bundled font the Windows font of the same role as `w:altName` with its PANOSE and
 * the GB2312 charset, which is what Word substitutes by: Noto Serif SC → 宋体,
 * Noto Sans SC → 黑体, LXGW WenKai → 楷体. System fonts (宋体, 仿宋_GB2312 …) keep their
 * names and get their English names (SimSun, FangSong_GB2312 …) as `w:altName`, as
 * Word itself writes them.
 */

/** The family name each bundled font carries (what Word, WPS and LibreOffice look for). */
export const BUNDLED_FONT_FAMILIES: Readonly<Record<BundledFontId, string>> = {
  'noto-serif-sc': 'Noto Serif SC',
  'noto-sans-sc': 'Noto Sans SC',
  'lxgw-wenkai': 'LXGW WenKai',
};

/** The family name a layout font family gets in the DOCX: a bundled id becomes its family name, a system name stays. */
export function docxFontName(family: string): string {
  return isBundledFont(family) ? BUNDLED_FONT_FAMILIES[family] : family;
}

/** `w:rFonts` for a layout font family: the same family for Latin, East Asian and complex script text. */
export function runFonts(family: string): IFontAttributesProperties {
  const name = docxFontName(family);
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
}

/** What `w:font` in the font table says of one family, so Word can find it or a stand-in. */
export interface FontTableEntry {
  name: string;
  /** Another name of the font, or the Windows font to use when it is missing. */
  altName: string | null;
  /** PANOSE-1 classification as 20 hex digits; null when unknown. */
  panose: string | null;
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'auto';
  pitch: 'fixed' | 'variable';
}

// The Windows fonts of each role, as Word 2016+ lists them in fontTable.xml.
const SONG = { altName: 'SimSun', panose: '02010600030101010101', family: 'auto', pitch: 'variable' } as const;
const HEI = { altName: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' } as const;
const KAI = { altName: 'KaiTi', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' } as const;

const SYSTEM_FONTS: Readonly<Record<string, Omit<FontTableEntry, 'name'>>> = {
  宋体: SONG,
  黑体: HEI,
  楷体: KAI,
  仿宋: { ...KAI, altName: 'FangSong' },
  仿宋_GB2312: { ...KAI, altName: 'FangSong_GB2312', panose: '02010609030101010101' },
  楷体_GB2312: { ...KAI, altName: 'KaiTi_GB2312', panose: '02010609030101010101' },
  微软雅黑: { altName: 'Microsoft YaHei', panose: '020B0503020204020204', family: 'swiss', pitch: 'variable' },
  方正小标宋简体: { altName: 'FZXiaoBiaoSong-B05S', panose: null, family: 'auto', pitch: 'variable' },
};

const BUNDLED_STAND_INS: Readonly<Record<BundledFontId, Omit<FontTableEntry, 'name'>>> = {
  'noto-serif-sc': { ...SONG, altName: '宋体' },
  'noto-sans-sc': { ...HEI, altName: '黑体' },
  'lxgw-wenkai': { ...KAI, altName: '楷体' },
};

/** The font table entry of a layout font family. */
export function fontTableEntry(family: string): FontTableEntry {
  if (isBundledFont(family)) return { name: BUNDLED_FONT_FAMILIES[family], ...BUNDLED_STAND_INS[family] };
  const known = SYSTEM_FONTS[family];
  if (known) return { name: family, ...known };
  // An unknown system font: no other name, but the classification of its role's stand-in.
  const role = BUNDLED_STAND_INS[standInFor(family)];
  return { name: family, altName: null, panose: role.panose, family: role.family, pitch: role.pitch };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * `word/fontTable.xml` naming every font family the layout uses, with its alternative
 * name, PANOSE, GB2312 charset (86), family and pitch (CT_Font order). The `docx`
 * package writes an empty table unless fonts are embedded; `packDocx` puts this one in.
 */
export function fontTableXml(layout: Layout): string {
  const families = [...new Set(Object.values(layout.fonts).map((f) => f.family))];
  const entries = [...new Map(families.map((f) => fontTableEntry(f)).map((e) => [e.name, e])).values()];
  const fonts = entries
    .map(
      (e) =>
        `<w:font w:name="${escapeXml(e.name)}">` +
        (e.altName ? `<w:altName w:val="${escapeXml(e.altName)}"/>` : '') +
        (e.panose ? `<w:panose1 w:val="${e.panose}"/>` : '') +
        `<w:charset w:val="86"/><w:family w:val="${e.family}"/><w:pitch w:val="${e.pitch}"/></w:font>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${W}" xmlns:r="${R}">${fonts}</w:fonts>`;
}
