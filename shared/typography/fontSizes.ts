/**
 * Chinese type sizes (字号) in points, as Word and WPS name them. Source: the sizes
 * editors know from GB/T 9704-2012 and the 字号 table in DOMAIN.md.
 */
export const CHINESE_FONT_SIZES = [
  { name: '初号', pt: 42 },
  { name: '小初', pt: 36 },
  { name: '一号', pt: 26 },
  { name: '小一', pt: 24 },
  { name: '二号', pt: 22 },
  { name: '小二', pt: 18 },
  { name: '三号', pt: 16 },
  { name: '小三', pt: 15 },
  { name: '四号', pt: 14 },
  { name: '小四', pt: 12 },
  { name: '五号', pt: 10.5 },
  { name: '小五', pt: 9 },
  { name: '六号', pt: 7.5 },
  { name: '小六', pt: 6.5 },
  { name: '七号', pt: 5.5 },
  { name: '八号', pt: 5 },
] as const;

/** A Chinese size name such as 三号. */
export type ChineseFontSizeName = (typeof CHINESE_FONT_SIZES)[number]['name'];

/** Points (pt) for a Chinese size name. */
export function ptOfSizeName(name: ChineseFontSizeName): number {
  const found = CHINESE_FONT_SIZES.find((s) => s.name === name);
  if (!found) throw new Error(`unknown size name ${name}`);
  return found.pt;
}

/** The Chinese size name for exactly `pt` points, or null when it has none. */
export function sizeNameOfPt(pt: number): ChineseFontSizeName | null {
  return CHINESE_FONT_SIZES.find((s) => s.pt === pt)?.name ?? null;
}
