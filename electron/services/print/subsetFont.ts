import { binarySearchHeader, readFontTables, sfntToWoff, writeSfnt, type SfntTables } from './sfnt.js';

/**
 * Cuts a TrueType-outline font down to the glyphs a text needs, keeping glyph ids
 * ("retain-gids", as fontTools' subsetter offers): unused glyphs become empty outlines,
 * so GSUB, GPOS, hmtx and vmtx stay valid untouched; `cmap` maps only the kept
 * characters, so any other character falls back to the next font in the CSS stack
 * instead of printing blank. Used for fonts that npm ships whole (LXGW WenKai, 7 MB of
 * WOFF2 per weight): a few hundred KB reach the page instead.
 * Spec: OpenType 1.9 — cmap formats 4 and 12, glyf composite glyphs, GSUB lookup types
 * 1–4, 7 and 8.
 */

/** A parsed font, kept in memory between prints: tables, glyph count, character map. */
export interface SubsettableFont {
  sfnt: SfntTables;
  numGlyphs: number;
  /** Unicode code point → glyph id, from the font's best Unicode cmap subtable. */
  cmap: Map<number, number>;
  /** Glyph data boundaries from `loca`: glyph g spans [loca[g], loca[g + 1]) in `glyf`. */
  loca: Uint32Array;
  /** For each glyph, the glyphs GSUB may turn it into (all lookups, contexts ignored). */
  substitutions: Map<number, number[]>;
}

/** Parses a WOFF 1.0 or TrueType font once; throws on CFF outlines or a missing table. */
export function parseSubsettableFont(bytes: Uint8Array): SubsettableFont {
  const sfnt = readFontTables(bytes);
  const need = (tag: string): Buffer => {
    const t = sfnt.tables.get(tag);
    if (!t) throw new Error(`font has no '${tag}' table (only TrueType outlines are subset)`);
    return t;
  };
  const head = need('head');
  const numGlyphs = need('maxp').readUInt16BE(4);
  const locaTable = need('loca');
  const long = head.readInt16BE(50) === 1;
  const loca = new Uint32Array(numGlyphs + 1);
  for (let g = 0; g <= numGlyphs; g++) loca[g] = long ? locaTable.readUInt32BE(g * 4) : locaTable.readUInt16BE(g * 2) * 2;
  need('glyf');
  const gsub = sfnt.tables.get('GSUB');
  return { sfnt, numGlyphs, cmap: readCmap(need('cmap')), loca, substitutions: gsub ? readGsubEdges(gsub) : new Map() };
}

/** Code point → glyph id from the (3,10)/(0,4) format 12 subtable, else (3,1)/(0,3) format 4. */
function readCmap(t: Buffer): Map<number, number> {
  const map = new Map<number, number>();
  const count = t.readUInt16BE(2);
  let f12 = -1;
  let f4 = -1;
  for (let i = 0; i < count; i++) {
    const platform = t.readUInt16BE(4 + i * 8);
    const encoding = t.readUInt16BE(6 + i * 8);
    const offset = t.readUInt32BE(8 + i * 8);
    const format = t.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && format === 12) f12 = offset;
    if (unicode && format === 4) f4 = offset;
  }
  if (f12 >= 0) {
    const groups = t.readUInt32BE(f12 + 12);
    for (let i = 0; i < groups; i++) {
      const at = f12 + 16 + i * 12;
      const start = t.readUInt32BE(at);
      const end = t.readUInt32BE(at + 4);
      const gid = t.readUInt32BE(at + 8);
      for (let cp = start; cp <= end; cp++) map.set(cp, gid + cp - start);
    }
    return map;
  }
  if (f4 < 0) throw new Error('font has no Unicode cmap');
  const segs = t.readUInt16BE(f4 + 6) / 2;
  const ends = f4 + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const rangeOffsets = deltas + segs * 2;
  for (let s = 0; s < segs; s++) {
    const end = t.readUInt16BE(ends + s * 2);
    const start = t.readUInt16BE(starts + s * 2);
    const delta = t.readUInt16BE(deltas + s * 2);
    const ro = t.readUInt16BE(rangeOffsets + s * 2);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let gid: number;
      if (ro === 0) gid = (cp + delta) & 0xffff;
      else {
        const raw = t.readUInt16BE(rangeOffsets + s * 2 + ro + (cp - start) * 2);
        gid = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (gid !== 0) map.set(cp, gid);
    }
  }
  return map;
}

/** The glyphs listed by a Coverage table (format 1 list or format 2 ranges), in coverage order. */
function coverage(t: Buffer, at: number): number[] {
  const format = t.readUInt16BE(at);
  const count = t.readUInt16BE(at + 2);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    if (format === 1) out.push(t.readUInt16BE(at + 4 + i * 2));
    else {
      const r = at + 4 + i * 6;
      for (let g = t.readUInt16BE(r); g <= t.readUInt16BE(r + 2); g++) out.push(g);
    }
  }
  return out;
}

/**
 * Every input → output glyph edge of GSUB lookup types 1 (single), 2 (multiple),
 * 3 (alternate), 4 (ligature) and 8 (reverse chaining single), through type 7
 * (extension). Contextual lookups (5, 6) only call other lookups, which are read here on their own, so the closure
 * over these edges is a safe over-approximation of what shaping can produce.
 */
function readGsubEdges(t: Buffer): Map<number, number[]> {
  const edges = new Map<number, number[]>();
  const add = (from: number, to: number) => {
    const list = edges.get(from);
    if (list) list.push(to);
    else edges.set(from, [to]);
  };
  const readSubtable = (type: number, at: number): void => {
    if (type === 7) {
      readSubtable(t.readUInt16BE(at + 2), at + t.readUInt32BE(at + 4));
      return;
    }
    const covered = (type >= 1 && type <= 4) || type === 8 ? coverage(t, at + t.readUInt16BE(at + 2)) : [];
    if (type === 8) {
      // reverse chaining single: skip the backtrack and lookahead coverages to the substitutes
      const backtrack = t.readUInt16BE(at + 4);
      const lookahead = at + 6 + backtrack * 2;
      const substitutes = lookahead + 2 + t.readUInt16BE(lookahead) * 2;
      covered.forEach((g, i) => add(g, t.readUInt16BE(substitutes + 2 + i * 2)));
      return;
    }
    if (covered.length === 0) return;
    const format = t.readUInt16BE(at);
    if (type === 1) {
      covered.forEach((g, i) => add(g, format === 1 ? (g + t.readInt16BE(at + 4)) & 0xffff : t.readUInt16BE(at + 6 + i * 2)));
      return;
    }
    covered.forEach((g, i) => {
      const set = at + t.readUInt16BE(at + 6 + i * 2);
      const n = t.readUInt16BE(set);
      for (let k = 0; k < n; k++) {
        if (type !== 4) {
          add(g, t.readUInt16BE(set + 2 + k * 2));
          continue;
        }
        const lig = set + t.readUInt16BE(set + 2 + k * 2);
        add(g, t.readUInt16BE(lig)); // the ligature glyph, reachable when its first component is kept
      }
    });
  };
  const lookupList = t.readUInt16BE(8);
  const lookups = t.readUInt16BE(lookupList);
  for (let l = 0; l < lookups; l++) {
    const lookup = lookupList + t.readUInt16BE(lookupList + 2 + l * 2);
    const type = t.readUInt16BE(lookup);
    const subtables = t.readUInt16BE(lookup + 4);
    for (let s = 0; s < subtables; s++) readSubtable(type, lookup + t.readUInt16BE(lookup + 6 + s * 2));
  }
  return edges;
}

/** The component glyph ids of a composite glyph (empty for a simple or empty glyph). */
function components(glyf: Buffer, start: number, end: number): number[] {
  if (end - start < 10 || glyf.readInt16BE(start) >= 0) return [];
  const out: number[] = [];
  let at = start + 10;
  for (;;) {
    const flags = glyf.readUInt16BE(at);
    out.push(glyf.readUInt16BE(at + 2));
    at += 4 + (flags & 0x0001 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
    if (flags & 0x0008) at += 2; // WE_HAVE_A_SCALE
    else if (flags & 0x0040) at += 4; // WE_HAVE_AN_X_AND_Y_SCALE
    else if (flags & 0x0080) at += 8; // WE_HAVE_A_TWO_BY_TWO
    if (!(flags & 0x0020)) return out; // MORE_COMPONENTS
  }
}

/** The glyph ids to keep for `codePoints`: .notdef, the mapped glyphs, their GSUB and composite closure. */
export function glyphClosure(font: SubsettableFont, codePoints: Iterable<number>): Set<number> {
  const keep = new Set<number>([0]);
  for (const cp of codePoints) {
    const gid = font.cmap.get(cp);
    if (gid !== undefined && gid < font.numGlyphs) keep.add(gid);
  }
  const glyf = font.sfnt.tables.get('glyf') as Buffer;
  const queue = [...keep];
  while (queue.length > 0) {
    const g = queue.pop() as number;
    const next = [...(font.substitutions.get(g) ?? []), ...components(glyf, font.loca[g], font.loca[g + 1])];
    for (const n of next) {
      if (n < font.numGlyphs && !keep.has(n)) {
        keep.add(n);
        queue.push(n);
      }
    }
  }
  return keep;
}

/** A cmap with a (3,1) format 4 subtable for the BMP and a (3,10) format 12 one for all. */
function buildCmap(pairs: Array<[number, number]>): Buffer {
  // Runs of consecutive code points with consecutive glyph ids share one segment/group.
  const runs: Array<{ start: number; end: number; gid: number }> = [];
  for (const [cp, gid] of pairs) {
    const last = runs[runs.length - 1];
    if (last && cp === last.end + 1 && gid === last.gid + (cp - last.start)) last.end = cp;
    else runs.push({ start: cp, end: cp, gid });
  }
  const bmp = runs.filter((r) => r.end < 0xffff);
  const segs = bmp.length + 1;
  const f4 = Buffer.alloc(16 + segs * 8);
  f4.writeUInt16BE(4, 0);
  f4.writeUInt16BE(f4.length, 2);
  const [range, selector, shift] = binarySearchHeader(segs, 2);
  f4.writeUInt16BE(segs * 2, 6);
  f4.writeUInt16BE(range, 8);
  f4.writeUInt16BE(selector, 10);
  f4.writeUInt16BE(shift, 12);
  const seg = (i: number, start: number, end: number, delta: number) => {
    f4.writeUInt16BE(end, 14 + i * 2);
    f4.writeUInt16BE(start, 16 + segs * 2 + i * 2);
    f4.writeUInt16BE(delta & 0xffff, 16 + segs * 4 + i * 2);
    // idRangeOffset stays 0: glyph = (code point + idDelta) mod 65536
  };
  bmp.forEach((r, i) => seg(i, r.start, r.end, r.gid - r.start));
  seg(bmp.length, 0xffff, 0xffff, 1); // the required final segment, mapping U+FFFF to glyph 0
  const f12 = Buffer.alloc(16 + runs.length * 12);
  f12.writeUInt16BE(12, 0);
  f12.writeUInt32BE(f12.length, 4);
  f12.writeUInt32BE(runs.length, 12);
  runs.forEach((r, i) => {
    f12.writeUInt32BE(r.start, 16 + i * 12);
    f12.writeUInt32BE(r.end, 20 + i * 12);
    f12.writeUInt32BE(r.gid, 24 + i * 12);
  });
  const header = Buffer.alloc(4 + 2 * 8);
  header.writeUInt16BE(2, 2);
  header.writeUInt16BE(3, 4);
  header.writeUInt16BE(1, 6);
  header.writeUInt32BE(header.length, 8);
  header.writeUInt16BE(3, 12);
  header.writeUInt16BE(10, 14);
  header.writeUInt32BE(header.length + f4.length, 16);
  return Buffer.concat([header, f4, f12]);
}

/**
 * A WOFF 1.0 font holding only what `codePoints` need: the kept glyphs' outlines, a
 * cmap of the kept characters, `post` reduced to format 3 (no glyph names) and no
 * DSIG; every other table as it was.
 */
export function subsetFont(font: SubsettableFont, codePoints: Iterable<number>): Buffer {
  const cps = [...new Set(codePoints)].filter((cp) => font.cmap.has(cp)).sort((a, b) => a - b);
  const keep = glyphClosure(font, cps);
  const glyf = font.sfnt.tables.get('glyf') as Buffer;
  const parts: Buffer[] = [];
  const loca = Buffer.alloc((font.numGlyphs + 1) * 4);
  let offset = 0;
  for (let g = 0; g < font.numGlyphs; g++) {
    loca.writeUInt32BE(offset, g * 4);
    if (!keep.has(g)) continue;
    const data = glyf.subarray(font.loca[g], font.loca[g + 1]);
    parts.push(data);
    offset += data.length;
    if (offset % 4 !== 0) {
      parts.push(Buffer.alloc(4 - (offset % 4)));
      offset += 4 - (offset % 4);
    }
  }
  loca.writeUInt32BE(offset, font.numGlyphs * 4);
  const head = Buffer.from(font.sfnt.tables.get('head') as Buffer);
  head.writeInt16BE(1, 50); // indexToLocFormat: long offsets
  const tables = new Map(font.sfnt.tables);
  tables.delete('DSIG'); // a signature over the original bytes no longer holds
  tables.set('head', head);
  tables.set('glyf', parts.length > 0 ? Buffer.concat(parts) : Buffer.alloc(0));
  tables.set('loca', loca);
  tables.set('cmap', buildCmap(cps.map((cp) => [cp, font.cmap.get(cp) as number])));
  const post = tables.get('post');
  if (post && post.length >= 16) {
    const v3 = Buffer.alloc(32);
    post.copy(v3, 0, 0, 16);
    v3.writeUInt32BE(0x00030000, 0);
    tables.set('post', v3);
  }
  return sfntToWoff(writeSfnt({ flavor: font.sfnt.flavor, tables }), 1);
}
