// The bundled font catalogue and the @font-face CSS of a print: only the faces a text
// needs, each cut to its glyphs, self-contained as data: URLs. Cut fonts are read back
// by fontconfig's fc-query (FreeType), not only by our own parser.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/api/errors.js';
import {
  BUNDLED_FONTS,
  BUNDLED_FONT_IDS,
  bundledFaces,
  bundledFontStack,
  bundledWeight,
  fontFaceCss,
} from '../../../../../electron/services/print/fonts.js';
import { inRanges } from '../../../../../electron/services/print/fontsourceCss.js';
import { parseSubsettableFont } from '../../../../../electron/services/print/subsetFont.js';
import { useTempDirs } from '../../../../helpers/tempDir.js';

const temp = useTempDirs();
const SHORT = '渝工简报';

/** The @font-face rules of a CSS string: family, weight, format, decoded bytes, unicode-range. */
function rules(css: string) {
  return [...css.matchAll(/@font-face\{([^}]*)\}/g)].map(([, body]) => {
    const src = /src:url\(data:font\/(woff2?);base64,([A-Za-z0-9+/=]+)\) format\("(woff2?)"\)/.exec(body);
    if (!src) throw new Error(`rule without a data: URL src: ${body.slice(0, 120)}`);
    return {
      family: /font-family:"([^"]+)"/.exec(body)?.[1],
      weight: Number(/font-weight:(\d+)/.exec(body)?.[1]),
      format: src[3],
      bytes: Buffer.from(src[2], 'base64'),
      unicodeRange: /unicode-range:([^;]+);/.exec(body)?.[1],
    };
  });
}

/** What FreeType (through fc-query) finds in a font file: its family names and characters. */
function fcQuery(bytes: Buffer, dir: string): { family: string; chars: Set<number> } {
  const file = join(dir, 'cut.woff');
  writeFileSync(file, bytes);
  const out = execFileSync('fc-query', ['--format=%{family}\n%{charset}\n', file], { encoding: 'utf8' });
  const [family, charset] = out.split('\n');
  const chars = new Set<number>();
  for (const part of charset.trim().split(/\s+/)) {
    const [a, b] = part.split('-').map((h) => parseInt(h, 16));
    for (let cp = a; cp <= (b ?? a); cp++) chars.add(cp);
  }
  return { family, chars };
}

describe('bundled font catalogue', () => {
  it.each(BUNDLED_FONT_IDS.flatMap((id) => ([400, 700] as const).map((w) => [id, w] as const)))('%s %i has its faces in the package', async (id, weight) => {
    const faces = await bundledFaces(id, weight);
    expect(faces.length).toBeGreaterThan(0);
    for (const face of faces) {
      expect(face.weight).toBe(BUNDLED_FONTS[id].fileWeights[weight]);
      expect(statSync(face.woff2).size).toBeGreaterThan(0);
      expect(face.woff && statSync(face.woff).size).toBeGreaterThan(0);
    }
  });

  it('knows LXGW WenKai ships 300/500/700, one whole-font file each, and takes its 500 as regular', async () => {
    expect(BUNDLED_FONTS['lxgw-wenkai'].fileWeights).toEqual({ 400: 500, 700: 700 });
    const faces = await bundledFaces('lxgw-wenkai', 400);
    expect(faces).toHaveLength(1);
    expect(faces[0].ranges).toBeUndefined();
    // the font itself says so (name ID 6, the PostScript name)
    const font = parseSubsettableFont(readFileSync(faces[0].woff as string));
    expect(font.sfnt.tables.get('name')?.toString('latin1').replace(/\0/g, '')).toContain('LXGWWenKai-Regular');
  });

  it('gives CSS stacks and snaps weights to regular or bold', () => {
    expect(bundledFontStack('noto-serif-sc')).toBe('"Masthead Noto Serif SC", serif');
    expect(bundledFontStack('noto-sans-sc')).toBe('"Masthead Noto Sans SC", sans-serif');
    expect([100, 400, 500, 550, 600, 700, 900].map(bundledWeight)).toEqual([400, 400, 400, 400, 700, 700, 700]);
  });
});

describe('fontFaceCss', () => {
  it('includes only the Noto subsets holding a character of the text, plus Latin', async () => {
    const css = await fontFaceCss([{ id: 'noto-serif-sc', weight: 400 }], SHORT);
    const faces = await bundledFaces('noto-serif-sc', 400);
    const cps = [...SHORT].map((c) => c.codePointAt(0) as number);
    const needed = faces.filter((f) => f.ranges && (cps.some((cp) => inRanges(f.ranges ?? [], cp)) || /-latin-400-/.test(f.woff2)));
    const got = rules(css);
    expect(got).toHaveLength(needed.length);
    expect(got.length).toBeLessThanOrEqual(cps.length + 1);
    expect(got.map((r) => r.unicodeRange).sort()).toEqual(needed.map((f) => f.unicodeRange).sort());
    for (const r of got) expect(r).toMatchObject({ family: 'Masthead Noto Serif SC', weight: 400, format: 'woff' });
  });

  it('is far smaller for a short text than the subsets the package ships', async () => {
    const css = await fontFaceCss([{ id: 'noto-serif-sc', weight: 400 }], SHORT);
    const faces = await bundledFaces('noto-serif-sc', 400);
    const allSubsets = faces.reduce((n, f) => n + statSync(f.woff2).size, 0);
    expect(allSubsets).toBeGreaterThan(2_000_000);
    expect(css.length).toBeLessThan(allSubsets / 20);
    expect(css.length).toBeLessThan(150_000);
  });

  it('cuts the whole-font LXGW WenKai (7 MB per weight) to the text and Latin', async ({ task }) => {
    const css = await fontFaceCss([{ id: 'lxgw-wenkai', weight: 700 }], `${SHORT}——`);
    const [rule, ...rest] = rules(css);
    expect(rest).toHaveLength(0);
    expect(rule).toMatchObject({ family: 'Masthead LXGW WenKai', weight: 700, format: 'woff', unicodeRange: undefined });
    expect(rule.bytes.length).toBeLessThan(200_000);
    const seen = fcQuery(rule.bytes, await temp.make());
    expect(seen.family).toContain('LXGW WenKai');
    for (const ch of `${SHORT}—AZaz09`) expect(seen.chars.has(ch.codePointAt(0) as number), `${task.name}: ${ch}`).toBe(true);
    expect(seen.chars.has('劳'.codePointAt(0) as number)).toBe(false);
  });

  it('lends LXGW WenKai the full-width quotes of Noto Serif SC, in a face of its own family declared after it', async () => {
    const css = await fontFaceCss([{ id: 'lxgw-wenkai', weight: 400 }], '“十四五”‘规划’');
    const [kai, quotes, ...rest] = rules(css);
    expect(rest).toHaveLength(0);
    expect(kai).toMatchObject({ family: 'Masthead LXGW WenKai', unicodeRange: undefined });
    expect(quotes).toMatchObject({ family: 'Masthead LXGW WenKai', weight: 400, unicodeRange: 'U+2018-2019,U+201C-201D' });
    const seen = fcQuery(quotes.bytes, await temp.make());
    expect(seen.family).toContain('Noto Serif SC');
    for (const ch of '“”‘’') expect(seen.chars.has(ch.codePointAt(0) as number)).toBe(true);
    expect(seen.chars.has('十'.codePointAt(0) as number)).toBe(false);
    // No quotes in the text: nothing borrowed.
    expect(rules(await fontFaceCss([{ id: 'lxgw-wenkai', weight: 400 }], SHORT))).toHaveLength(1);
  });

  it('keeps exactly the text’s characters in a cut CJK subset', async () => {
    const css = await fontFaceCss([{ id: 'noto-sans-sc', weight: 700 }], SHORT);
    const dir = await temp.make();
    const cjk = rules(css).filter((r) => !/U\+0000-00FF/i.test(r.unicodeRange ?? ''));
    const inSubsets = new Set<number>();
    for (const r of cjk) {
      const font = parseSubsettableFont(r.bytes);
      for (const cp of font.cmap.keys()) inSubsets.add(cp);
      const seen = fcQuery(r.bytes, dir);
      expect(seen.family).toContain('Noto Sans SC');
      for (const cp of font.cmap.keys()) expect(seen.chars.has(cp)).toBe(true);
    }
    expect([...inSubsets].sort()).toEqual([...SHORT].map((c) => c.codePointAt(0)).sort());
  });

  it('serves several fonts and weights at once, one set of rules per font and weight', async () => {
    const css = await fontFaceCss(
      [
        { id: 'noto-serif-sc', weight: 400 },
        { id: 'noto-serif-sc', weight: 500 }, // the same face as 400
        { id: 'noto-sans-sc', weight: 700 },
        { id: 'lxgw-wenkai', weight: 400 },
      ],
      '简',
    );
    const keys = new Set(rules(css).map((r) => `${r.family}/${r.weight}`));
    expect([...keys].sort()).toEqual(['Masthead LXGW WenKai/400', 'Masthead Noto Sans SC/700', 'Masthead Noto Serif SC/400']);
    expect(css).not.toMatch(/url\((?!data:)/);
  });

  it('gives the same CSS for the same text (cached cuts), and new cuts for new characters', async () => {
    const a = await fontFaceCss([{ id: 'noto-serif-sc', weight: 700 }], '第一期');
    expect(await fontFaceCss([{ id: 'noto-serif-sc', weight: 700 }], '第一期')).toBe(a);
    const b = await fontFaceCss([{ id: 'noto-serif-sc', weight: 700 }], '第一期鑫');
    expect(b).not.toBe(a);
    expect(b.length).toBeGreaterThan(a.length);
  });

  it('refuses an unknown font id', async () => {
    const err = await fontFaceCss([{ id: 'comic-sans' as 'noto-serif-sc', weight: 400 }], SHORT).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).params.detail).toMatch(/^font\.unknown/);
  });
});
