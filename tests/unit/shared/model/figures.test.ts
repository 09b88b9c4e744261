import { describe, expect, it } from 'vitest';
import { figureNode, type FigureWidth } from '../../../../shared/model/body.js';
import {
  effectivePpi,
  figurePrintWidthMm,
  figureResolution,
  figureWidthShare,
  LOW_RESOLUTION_PPI,
  type FigureLayout,
} from '../../../../shared/model/figures.js';
import { templateLayout } from '../../../../shared/layout/templates.js';
import { ASSET_ID } from '../../../helpers/issues.js';

// A4 with 20 mm side margins: a text width of 170 mm; two columns with a 6 mm gutter are 82 mm each.
const twoColumns: FigureLayout = {
  page: { preset: 'A4', widthMm: 210, heightMm: 297 },
  margins: { topMm: 20, bottomMm: 20, leftMm: 20, rightMm: 20 },
  columns: 2,
  gutterMm: 6,
};
const oneColumn: FigureLayout = { ...twoColumns, columns: 1, gutterMm: 0 };

const photo = (width: FigureWidth, pixelWidth: number) => ({ ...figureNode('', ASSET_ID, { width: pixelWidth, height: 1000 }), width });

describe('figurePrintWidthMm: as wide as the print stylesheet draws a figure', () => {
  it.each([
    ['page', twoColumns, 170],
    ['column', twoColumns, 82],
    ['half', twoColumns, 82 * 0.6],
    ['page', oneColumn, 170],
    ['column', oneColumn, 170 * 0.75],
    ['half', oneColumn, 170 * 0.45],
  ] as const)('a %s figure, %o', (width, layout, mm) => {
    expect(figurePrintWidthMm(width, layout)).toBeCloseTo(mm, 6);
  });

  it('sizes photo news by the cell of the photo grid (two a row, 5 mm apart), not the page', () => {
    expect(figurePrintWidthMm('column', twoColumns, 'photo')).toBeCloseTo(82.5, 6);
    expect(figurePrintWidthMm('page', twoColumns, 'photo')).toBeCloseTo(82.5, 6);
    expect(figurePrintWidthMm('half', twoColumns, 'photo')).toBeCloseTo(82.5 * 0.6, 6);
    expect(figurePrintWidthMm('column', oneColumn, 'photo')).toBeCloseTo(170 * 0.75, 6);
    expect(figurePrintWidthMm('column', { ...twoColumns, columns: 3 }, 'photo')).toBeCloseTo(82.5, 6);
  });

  it('gives the built-in templates their type areas: 简报 156 mm, newsletter 174 mm in two 84 mm columns', () => {
    expect(figurePrintWidthMm('page', templateLayout('bulletin'))).toBeCloseTo(156, 6);
    expect(figurePrintWidthMm('column', templateLayout('bulletin'))).toBeCloseTo(117, 6);
    expect(figurePrintWidthMm('page', templateLayout('newsletter'))).toBeCloseTo(174, 6);
    expect(figurePrintWidthMm('column', templateLayout('newsletter'))).toBeCloseTo(84, 6);
  });

  it('takes the same shares as the DOCX export', () => {
    expect([figureWidthShare('page', 2), figureWidthShare('column', 2), figureWidthShare('half', 2)]).toEqual([1, 1, 0.6]);
    expect([figureWidthShare('page', 1), figureWidthShare('column', 1), figureWidthShare('half', 1)]).toEqual([1, 0.75, 0.45]);
  });
});

describe('figureResolution: pixels per inch on paper', () => {
  it('divides the pixel width by the printed width in inches', () => {
    expect(effectivePpi(300, 25.4)).toBe(300);
    expect(effectivePpi(3000, 254)).toBe(300);
  });

  it('finds a 3000 px photo sharp at any width of the page', () => {
    expect(figureResolution(photo('page', 3000), twoColumns)).toEqual({ widthMm: 170, ppi: 448, low: false });
  });

  it('warns of a 640 px photo printed across the page (96 ppi) but not in one column (198 ppi)', () => {
    expect(figureResolution(photo('page', 640), twoColumns)).toMatchObject({ ppi: 96, low: true });
    expect(figureResolution(photo('column', 640), twoColumns)).toMatchObject({ ppi: 198, low: false });
  });

  it(`warns below ${LOW_RESOLUTION_PPI} ppi as shown (rounded), never at "about 150"`, () => {
    // 82 mm wide: 150 ppi takes 484.25 px.
    expect(figureResolution(photo('column', 485), twoColumns)).toMatchObject({ ppi: 150, low: false });
    expect(figureResolution(photo('column', 484), twoColumns)).toMatchObject({ ppi: 150, low: false });
    expect(figureResolution(photo('column', 482), twoColumns)).toMatchObject({ ppi: 149, low: true });
  });

  it('tells nothing without an image, without a recorded size, or with no width left to print in', () => {
    expect(figureResolution({ ...photo('column', 640), assetId: null }, twoColumns)).toBeNull();
    expect(figureResolution(figureNode('', ASSET_ID), twoColumns)).toBeNull();
    const noRoom = { ...twoColumns, margins: { ...twoColumns.margins, leftMm: 105, rightMm: 105 } };
    expect(figureResolution(photo('page', 640), noRoom)).toBeNull();
  });
});
