import { describe, expect, it } from 'vitest';
import { CHINESE_FONT_SIZES, ptOfSizeName, sizeNameOfPt } from '../../../../shared/typography/fontSizes.js';

describe('Chinese font sizes (字号)', () => {
  it.each([
    ['初号', 42],
    ['二号', 22],
    ['三号', 16],
    ['四号', 14],
    ['五号', 10.5],
    ['小五', 9],
  ] as const)('%s is %d pt', (name, pt) => {
    expect(ptOfSizeName(name)).toBe(pt);
    expect(sizeNameOfPt(pt)).toBe(name);
  });

  it('round-trips every size name and runs from largest to smallest', () => {
    for (const { name } of CHINESE_FONT_SIZES) expect(sizeNameOfPt(ptOfSizeName(name))).toBe(name);
    const pts = CHINESE_FONT_SIZES.map((s) => s.pt);
    expect([...pts].sort((a, b) => b - a)).toEqual(pts);
    expect(new Set(pts).size).toBe(pts.length);
  });

  it('gives null for a size without a Chinese name', () => {
    expect(sizeNameOfPt(11)).toBeNull();
  });
});
