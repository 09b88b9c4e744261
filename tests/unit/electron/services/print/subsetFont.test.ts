// The font cutter on the real bundled fonts: glyph ids kept, unused outlines emptied,
// GSUB and composite closures kept (a vertical or half-width punctuation form, an
// accented letter's parts), and the container written with valid checksums.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledFaces } from '../../../../../electron/services/print/fonts.js';
import { readFontTables, tableChecksum, writeSfnt } from '../../../../../electron/services/print/sfnt.js';
import { glyphClosure, parseSubsettableFont, subsetFont, type SubsettableFont } from '../../../../../electron/services/print/subsetFont.js';

async function wenkai(): Promise<SubsettableFont> {
  const [face] = await bundledFaces('lxgw-wenkai', 400);
  return parseSubsettableFont(readFileSync(face.woff as string));
}

async function notoLatin(): Promise<SubsettableFont> {
  const face = (await bundledFaces('noto-serif-sc', 400)).find((f) => /-latin-400-normal/.test(f.woff2));
  return parseSubsettableFont(readFileSync(face?.woff as string));
}

const cp = (ch: string) => ch.codePointAt(0) as number;
const outlineLength = (font: SubsettableFont, gid: number) => font.loca[gid + 1] - font.loca[gid];

describe('sfnt container', () => {
  it('writes tables back with each checksum right and the whole font summing to 0xB1B0AFBA', async () => {
    const font = await notoLatin();
    const sfnt = writeSfnt(font.sfnt);
    expect(tableChecksum(sfnt)).toBe(0xb1b0afba);
    const back = readFontTables(sfnt);
    expect([...back.tables.keys()].sort()).toEqual([...font.sfnt.tables.keys()].sort());
    for (const [tag, data] of font.sfnt.tables) {
      if (tag !== 'head') expect(back.tables.get(tag)?.equals(data), tag).toBe(true);
    }
    for (let i = 0; i < sfnt.readUInt16BE(4); i++) {
      const at = 12 + i * 16;
      const tag = sfnt.toString('latin1', at, at + 4);
      const data = sfnt.subarray(sfnt.readUInt32BE(at + 8), sfnt.readUInt32BE(at + 8) + sfnt.readUInt32BE(at + 12));
      if (tag !== 'head') expect(sfnt.readUInt32BE(at + 4), tag).toBe(tableChecksum(data));
    }
  });

  it('refuses WOFF2 and other non-sfnt bytes', () => {
    expect(() => readFontTables(Buffer.from('wOF2\0\0\0\0\0\0\0\0'))).toThrow(/not a WOFF 1\.0 or sfnt/);
  });
});

describe('subsetFont', () => {
  it('keeps glyph ids, the wanted outlines and a cmap of just the wanted characters', async () => {
    const font = await wenkai();
    const text = '渝工铸魂A';
    const cut = parseSubsettableFont(subsetFont(font, [...text].map(cp)));
    expect(cut.numGlyphs).toBe(font.numGlyphs);
    expect([...cut.cmap.keys()].sort((a, b) => a - b)).toEqual([...text].map(cp).sort((a, b) => a - b));
    for (const ch of text) {
      const gid = font.cmap.get(cp(ch)) as number;
      expect(cut.cmap.get(cp(ch))).toBe(gid);
      expect(outlineLength(cut, gid)).toBe(outlineLength(font, gid));
    }
    const dropped = font.cmap.get(cp('劳')) as number;
    expect(outlineLength(font, dropped)).toBeGreaterThan(0);
    expect(outlineLength(cut, dropped)).toBe(0);
    expect(cut.sfnt.tables.get('glyf')?.length).toBeLessThan(20_000);
  });

  it('keeps what GSUB can turn a kept glyph into (vertical and half-width punctuation)', async () => {
    const font = await wenkai();
    const comma = font.cmap.get(cp('，')) as number;
    const forms = font.substitutions.get(comma) ?? [];
    expect(forms.length).toBeGreaterThan(0);
    const keep = glyphClosure(font, [cp('，')]);
    for (const g of forms) expect(keep.has(g)).toBe(true);
    const cut = parseSubsettableFont(subsetFont(font, [cp('，')]));
    for (const g of forms) expect(outlineLength(cut, g)).toBe(outlineLength(font, g));
  });

  it('keeps the parts of a composite glyph', async () => {
    const font = await wenkai();
    const glyf = font.sfnt.tables.get('glyf') as Buffer;
    // a character whose outline is a composite (numberOfContours < 0); WenKai has a few
    const composite = [...'−∕¨ˊ'].map(cp).find((c) => {
      const g = font.cmap.get(c);
      return g !== undefined && outlineLength(font, g) > 0 && glyf.readInt16BE(font.loca[g]) < 0;
    });
    expect(composite).toBeDefined();
    const gid = font.cmap.get(composite as number) as number;
    const firstPart = glyf.readUInt16BE(font.loca[gid] + 12);
    const cut = parseSubsettableFont(subsetFont(font, [composite as number]));
    expect(cut.cmap.size).toBe(1);
    expect(outlineLength(font, firstPart)).toBeGreaterThan(0);
    expect(outlineLength(cut, firstPart)).toBe(outlineLength(font, firstPart));
  });

  it('drops glyph names and the digital signature, and keeps the font named as before', async () => {
    const font = await wenkai();
    expect(font.sfnt.tables.get('post')?.readUInt32BE(0)).toBe(0x00020000);
    const cut = readFontTables(subsetFont(font, [cp('简')]));
    expect(cut.tables.get('post')?.readUInt32BE(0)).toBe(0x00030000);
    expect(cut.tables.has('DSIG')).toBe(false);
    expect(cut.tables.get('name')?.equals(font.sfnt.tables.get('name') as Buffer)).toBe(true);
    expect(cut.tables.get('head')?.readInt16BE(50)).toBe(1); // long loca offsets
  });
});
