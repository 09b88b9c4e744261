// Fonts chosen by name: an installed one is printed (with the bundled font behind it),
// a missing one is reported with the bundled font that prints instead — never silently.
import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import {
  SYSTEM_FONTS,
  cachedProbe,
  findSystemFont,
  fontDirs,
  fontFileProbe,
  fontconfigProbe,
  resolveFontFamily,
  type SystemFontProbe,
} from '../../../../../electron/services/print/systemFonts.js';

const nothingInstalled: SystemFontProbe = { isInstalled: () => false };
const allInstalled: SystemFontProbe = { isInstalled: () => true };

const hasFcList = (() => {
  try {
    execFileSync('fc-list', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('resolveFontFamily', () => {
  it.each([
    ['宋体', 'noto-serif-sc', undefined],
    ['SimSun', 'noto-serif-sc', undefined],
    ['仿宋', 'lxgw-wenkai', undefined],
    ['仿宋_GB2312', 'lxgw-wenkai', undefined],
    ['FangSong', 'lxgw-wenkai', undefined],
    ['黑体', 'noto-sans-sc', undefined],
    ['SimHei', 'noto-sans-sc', undefined],
    ['楷体', 'lxgw-wenkai', undefined],
    ['KaiTi', 'lxgw-wenkai', undefined],
    ['方正小标宋简体', 'noto-serif-sc', 700],
  ])('reports %s missing and names %s (weight %s) instead', (family, replacement, weight) => {
    const resolved = resolveFontFamily(family, nothingInstalled);
    expect(resolved.missing).toEqual({ requested: family, replacement });
    expect(resolved.bundled).toBe(replacement);
    expect(resolved.weight).toBe(weight);
    // a missing font is not named in the CSS, so nothing else is matched by its name
    expect(resolved.css).not.toContain(family);
    expect(resolved.css).toMatch(/^"Masthead [^"]+", (serif|sans-serif)$/);
  });

  it('puts an installed font first, its other names next, and the bundled stand-in last', () => {
    const resolved = resolveFontFamily('仿宋_GB2312', allInstalled);
    expect(resolved.missing).toBeUndefined();
    expect(resolved.bundled).toBe('lxgw-wenkai');
    expect(resolved.css).toBe('"仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "Masthead LXGW WenKai", serif');
  });

  it('takes a bundled font by id or name without asking the system', () => {
    const probe = { isInstalled: vi.fn(() => false) };
    for (const name of ['noto-serif-sc', 'Noto Serif SC', 'Masthead Noto Serif SC']) {
      expect(resolveFontFamily(name, probe)).toEqual({ css: '"Masthead Noto Serif SC", serif', bundled: 'noto-serif-sc' });
    }
    expect(resolveFontFamily('LXGW WenKai', probe).bundled).toBe('lxgw-wenkai');
    expect(probe.isInstalled).not.toHaveBeenCalled();
  });

  it('guesses a stand-in for a family it does not know, and reports it missing', () => {
    expect(resolveFontFamily('Microsoft YaHei', nothingInstalled).missing).toEqual({ requested: 'Microsoft YaHei', replacement: 'noto-sans-sc' });
    expect(resolveFontFamily('华文仿宋', nothingInstalled).missing?.replacement).toBe('lxgw-wenkai');
    expect(resolveFontFamily('华文中宋', nothingInstalled).missing?.replacement).toBe('noto-serif-sc');
    expect(resolveFontFamily('Some "Font"', allInstalled).css).toBe('"Some Font", "Masthead Noto Serif SC", serif');
  });

  it('finds a known font by any alias, in any case', () => {
    expect(findSystemFont('simhei')?.name).toBe('黑体');
    expect(findSystemFont(' KaiTi_GB2312 ')?.name).toBe('楷体');
    expect(findSystemFont('Arial')).toBeUndefined();
  });
});

describe('system font probes', () => {
  it('asks fontconfig for each alias, escaping its pattern characters', () => {
    const asked: string[][] = [];
    const probe = fontconfigProbe((args) => {
      asked.push(args);
      return args[0] === ':family=FZXiaoBiaoSong\\-B05S' ? '方正小标宋简体\n' : '';
    });
    expect(probe.isInstalled(SYSTEM_FONTS[4])).toBe(true);
    expect(asked.map((a) => a[0])).toEqual([':family=方正小标宋简体', ':family=FZXiaoBiaoSong\\-B05S']);
    expect(fontconfigProbe(() => '').isInstalled(SYSTEM_FONTS[0])).toBe(false);
    const broken = fontconfigProbe(() => {
      throw new Error('spawn fc-list ENOENT');
    });
    expect(broken.isInstalled(SYSTEM_FONTS[0])).toBe(false);
  });

  it.skipIf(!hasFcList)('tells an installed family from a missing one on this machine (fc-list)', () => {
    const installed = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' }).split('\n')[0].split(',')[0].trim();
    expect(installed).not.toBe('');
    const probe = fontconfigProbe();
    expect(probe.isInstalled({ name: installed, aliases: [installed], files: [] })).toBe(true);
    expect(probe.isInstalled({ name: 'Masthead No Such Font', aliases: ['Masthead No Such Font'], files: [] })).toBe(false);
    const resolved = resolveFontFamily('Masthead No Such Font 宋', probe);
    expect(resolved.missing).toEqual({ requested: 'Masthead No Such Font 宋', replacement: 'noto-serif-sc' });
  });

  it('looks for the usual font files in Windows and macOS font folders', () => {
    const env = { WINDIR: 'C:\\Windows', LOCALAPPDATA: 'C:\\Users\\编辑\\AppData\\Local' };
    const winDirs = fontDirs('win32', env);
    expect(winDirs).toEqual(['C:\\Windows\\Fonts', 'C:\\Users\\编辑\\AppData\\Local\\Microsoft\\Windows\\Fonts']);
    const files = new Set(['C:\\Windows\\Fonts\\simhei.ttf', 'C:\\Users\\编辑\\AppData\\Local\\Microsoft\\Windows\\Fonts\\FZXBSJW.TTF']);
    const probe = fontFileProbe(winDirs, (p) => files.has(p));
    const installed = SYSTEM_FONTS.filter((f) => probe.isInstalled(f)).map((f) => f.name);
    expect(installed).toEqual(['黑体', '方正小标宋简体']);

    const macDirs = fontDirs('darwin', { HOME: '/Users/bianji' });
    expect(macDirs).toContain('/Library/Fonts/Microsoft');
    const mac = fontFileProbe(macDirs, (p) => p === '/Users/bianji/Library/Fonts/simkai.ttf');
    expect(SYSTEM_FONTS.filter((f) => mac.isInstalled(f)).map((f) => f.name)).toEqual(['楷体']);
  });

  it('asks the underlying probe once per font', () => {
    const inner = { isInstalled: vi.fn(() => true) };
    const probe = cachedProbe(inner);
    for (let i = 0; i < 3; i++) resolveFontFamily('宋体', probe);
    resolveFontFamily('SimSun', probe);
    expect(inner.isInstalled).toHaveBeenCalledTimes(1);
  });
});
