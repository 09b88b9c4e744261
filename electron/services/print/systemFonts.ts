import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { BUNDLED_FONTS, BUNDLED_FONT_IDS, bundledFontStack, type BundledFontId, type BundledWeight } from './fonts.js';

/**
 * Fonts chosen by name (宋体, 仿宋_GB2312, 方正小标宋简体 …): whether this machine has
 * them, and the bundled font that prints instead when it has not — the user is told
 * which (DOMAIN.md: fall back visibly, never silently).
 */

/** A Chinese system font an editor may name, with the names it goes by and its stand-in. */
export interface SystemFont {
  /** The name editors use: 宋体, 仿宋, 黑体, 楷体, 方正小标宋简体. */
  name: string;
  /** Every family name it is installed under (Chinese and English), first the most common. */
  aliases: readonly string[];
  /** Font files it comes as on Windows and macOS (lower case), for the file probe. */
  files: readonly string[];
  /** The bundled font printed when it is missing, and at which weight (小标宋 → bold Noto Serif). */
  replacement: BundledFontId;
  replacementWeight?: BundledWeight;
}

/**
 * The system fonts Masthead knows by name (GB/T 9704 roles and their usual Windows
 * files). 仿宋_GB2312 and 仿宋 (FangSong), 楷体_GB2312 and 楷体 (KaiTi), are one design
 * each from the same foundry, the _GB2312 ones covering fewer characters; as WPS and
 * Word do, either stands for the other.
 */
export const SYSTEM_FONTS: readonly SystemFont[] = [
  { name: '宋体', aliases: ['宋体', 'SimSun', '新宋体', 'NSimSun'], files: ['simsun.ttc', 'simsun.ttf'], replacement: 'noto-serif-sc' },
  {
    name: '仿宋',
    aliases: ['仿宋', 'FangSong', '仿宋_GB2312', 'FangSong_GB2312'],
    files: ['simfang.ttf', 'fs_gb2312.ttf', '仿宋_gb2312.ttf'],
    replacement: 'lxgw-wenkai',
  },
  { name: '黑体', aliases: ['黑体', 'SimHei'], files: ['simhei.ttf'], replacement: 'noto-sans-sc' },
  {
    name: '楷体',
    aliases: ['楷体', 'KaiTi', '楷体_GB2312', 'KaiTi_GB2312'],
    files: ['simkai.ttf', 'kt_gb2312.ttf', '楷体_gb2312.ttf'],
    replacement: 'lxgw-wenkai',
  },
  {
    name: '方正小标宋简体',
    aliases: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05'],
    files: ['fzxbsjw.ttf', 'fzxbsk.ttf', '方正小标宋简体.ttf'],
    replacement: 'noto-serif-sc',
    replacementWeight: 700,
  },
];

/** Answers whether a font family is installed. */
export interface SystemFontProbe {
  isInstalled(font: Pick<SystemFont, 'name' | 'aliases' | 'files'>): boolean;
}

/**
 * Linux and other Unix: `fc-list :family=NAME` for each alias (fontconfig knows the
 * Chinese and English names of a face). A missing fc-list counts as not installed.
 */
export function fontconfigProbe(run: (args: string[]) => string = defaultFcList): SystemFontProbe {
  return {
    isInstalled: (font) =>
      font.aliases.some((alias) => {
        try {
          // A family name may hold '-' or ':' which fontconfig patterns treat specially.
          return run([`:family=${alias.replace(/([\\:=,-])/g, '\\$1')}`, 'family']).trim() !== '';
        } catch {
          return false;
        }
      }),
  };
}

function defaultFcList(args: string[]): string {
  return execFileSync('fc-list', args, { encoding: 'utf8', timeout: 5_000, stdio: ['ignore', 'pipe', 'ignore'] });
}

/**
 * Windows and macOS, best effort: the font's usual file names in the system and user
 * font folders (Windows: %WINDIR%\Fonts, %LOCALAPPDATA%\Microsoft\Windows\Fonts; macOS:
 * /System/Library/Fonts[/Supplemental], /Library/Fonts[/Microsoft], ~/Library/Fonts).
 * A font installed under another file name is reported missing, which prints the
 * bundled stand-in: a visible, safe mistake. Fonts with an unknown file name are
 * always reported missing on these platforms.
 */
export function fontFileProbe(dirs: readonly string[], exists: (path: string) => boolean = existsSync): SystemFontProbe {
  return {
    isInstalled: (font) =>
      font.files.some((file) =>
        dirs.some((dir) => {
          const join = dir.includes('\\') ? win32.join : posix.join; // Windows folders may be probed from tests anywhere
          return exists(join(dir, file)) || exists(join(dir, file.toUpperCase()));
        }),
      ),
  };
}

/** The font folders `fontFileProbe` searches: Windows' for win32, else macOS'. */
export function fontDirs(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'win32') {
    const dirs = [win32.join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts')];
    if (env.LOCALAPPDATA) dirs.push(win32.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
    return dirs;
  }
  const home = env.HOME ?? homedir();
  return ['/System/Library/Fonts', '/System/Library/Fonts/Supplemental', '/Library/Fonts', '/Library/Fonts/Microsoft', posix.join(home, 'Library', 'Fonts')];
}

/** Caches a probe's answers by font name (fc-list costs tens of ms; fonts rarely change while the app runs). */
export function cachedProbe(probe: SystemFontProbe): SystemFontProbe {
  const answers = new Map<string, boolean>();
  return {
    isInstalled(font) {
      let answer = answers.get(font.name);
      if (answer === undefined) {
        answer = probe.isInstalled(font);
        answers.set(font.name, answer);
      }
      return answer;
    },
  };
}

let defaultProbe: SystemFontProbe | undefined;

/** The probe for this platform (fontconfig on Linux, font files on Windows and macOS), cached. */
export function systemFontProbe(): SystemFontProbe {
  defaultProbe ??= cachedProbe(process.platform === 'win32' || process.platform === 'darwin' ? fontFileProbe(fontDirs()) : fontconfigProbe());
  return defaultProbe;
}

/** A font family resolved for the print CSS. */
export interface ResolvedFontFamily {
  /** The CSS `font-family` value, with the bundled font and a generic family as fallbacks. */
  css: string;
  /** The bundled font `css` relies on (as the font itself, or as the fallback): the print HTML needs its fontFaceCss. */
  bundled?: BundledFontId;
  /** The weight to print the bundled font at when it stands in for a heavier face (小标宋 → 700). */
  weight?: BundledWeight;
  /** Set when the requested system font is not installed: what was asked for and what prints instead. */
  missing?: { requested: string; replacement: BundledFontId };
}

const quote = (family: string) => `"${family.replace(/["\\]/g, '')}"`;

/** The known system font a name refers to (any alias, any case), if any. */
export function findSystemFont(family: string): SystemFont | undefined {
  const want = family.trim().toLowerCase();
  return SYSTEM_FONTS.find((f) => f.aliases.some((a) => a.toLowerCase() === want));
}

/** The bundled font a family name denotes by id or by name ("noto-serif-sc", "Noto Serif SC", "Masthead Noto Serif SC"). */
function bundledByName(family: string): BundledFontId | undefined {
  const want = family.trim().toLowerCase().replace(/^masthead\s+/, '');
  return BUNDLED_FONT_IDS.find((id) => id === want || BUNDLED_FONTS[id].family.toLowerCase() === `masthead ${want}`);
}

/** For a family Masthead does not know: 黑/Hei/Sans → Noto Sans, 楷/仿/Kai/Fang → WenKai, else Noto Serif. */
function guessReplacement(family: string): BundledFontId {
  if (/黑|hei|sans|gothic|yahei/i.test(family)) return 'noto-sans-sc';
  if (/楷|仿|kai|fang/i.test(family)) return 'lxgw-wenkai';
  return 'noto-serif-sc';
}

/**
 * Resolves a family an issue's layout names: a bundled font (by id or name), a known
 * system font (宋体/SimSun, 仿宋/仿宋_GB2312/FangSong, 黑体/SimHei, 楷体/KaiTi,
 * 方正小标宋简体) or any other installed family. An installed system font comes first
 * in `css`, followed by its bundled stand-in for the characters it lacks; a missing one
 * is left out of `css` entirely (so nothing else is matched by name) and reported in
 * `missing` with the bundled font that prints instead.
 */
export function resolveFontFamily(family: string, probe: SystemFontProbe = systemFontProbe()): ResolvedFontFamily {
  const bundled = bundledByName(family);
  if (bundled) return { css: bundledFontStack(bundled), bundled };
  const known = findSystemFont(family);
  const font = known ?? { name: family.trim(), aliases: [family.trim()], files: [] };
  const replacement = known?.replacement ?? guessReplacement(family);
  const weight = known?.replacementWeight;
  if (probe.isInstalled(font)) {
    // The requested name first, then the font's other names, so the same choice works on
    // a machine that lists only the English (or only the Chinese) name.
    const requested = family.trim();
    const names = [requested, ...font.aliases.filter((a) => a.toLowerCase() !== requested.toLowerCase())];
    return { css: [...names.map(quote), bundledFontStack(replacement)].join(', '), bundled: replacement };
  }
  return {
    css: bundledFontStack(replacement),
    bundled: replacement,
    ...(weight ? { weight } : {}),
    missing: { requested: family.trim(), replacement },
  };
}
