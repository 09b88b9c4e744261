import type { Layout } from '../model/layout.js';
import { PAGE_SIZES } from './pageSizes.js';

/**
 * Built-in layout templates. They are data: an issue copies one into its own `layout`
 * and the editor changes what they like.
 */
export const TEMPLATE_IDS = ['bulletin', 'newsletter'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** 简报 after GB/T 9704-2012: A4, type area 156 × 225 mm, 三号 body, 22 lines × 28 characters. */
const bulletin: Layout = {
  template: 'bulletin',
  page: { preset: 'A4', ...PAGE_SIZES.A4 },
  // GB/T 9704-2012 §5.2.1: top margin 37 mm, left 28 mm, type area 156 × 225 mm
  margins: { topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26 },
  columns: 1,
  gutterMm: 0,
  fonts: {
    masthead: { family: 'noto-serif-sc', sizePt: 42, bold: true }, // 初号
    banner: { family: 'noto-sans-sc', sizePt: 16, bold: true }, // 三号 黑体
    kicker: { family: 'lxgw-wenkai', sizePt: 16, bold: false },
    headline: { family: '方正小标宋简体', sizePt: 22, bold: true }, // 二号 小标宋
    deck: { family: 'lxgw-wenkai', sizePt: 16, bold: false }, // 三号 楷体
    byline: { family: 'lxgw-wenkai', sizePt: 14, bold: false },
    body: { family: '仿宋', sizePt: 16, bold: false }, // 三号 仿宋 (a bundled stand-in prints where it is missing, and says so)
    caption: { family: 'lxgw-wenkai', sizePt: 14, bold: false },
    colophon: { family: 'noto-serif-sc', sizePt: 14, bold: false }, // 四号
  },
  // 22 lines in 225 mm at 16 pt: 225 mm / 22 = 10.23 mm = 29 pt line pitch ≈ 1.81 × 16 pt
  leading: 1.81,
  accentColor: '#c8161d',
  header: { show: true, text: '' },
  pageNumbers: { style: 'dash', first: 1 },
  targetPages: null,
  charsPerLine: 28, // GB/T 9704-2012 §5.2.2: 28 characters a line
};

/** 报刊式 newsletter: A4, two columns, 五号 宋体 body, banners. */
const newsletter: Layout = {
  template: 'newsletter',
  page: { preset: 'A4', ...PAGE_SIZES.A4 },
  margins: { topMm: 20, bottomMm: 20, leftMm: 18, rightMm: 18 },
  columns: 2,
  gutterMm: 6,
  fonts: {
    masthead: { family: 'noto-serif-sc', sizePt: 42, bold: true },
    banner: { family: 'noto-sans-sc', sizePt: 12, bold: true },
    kicker: { family: 'lxgw-wenkai', sizePt: 10.5, bold: false },
    headline: { family: 'noto-sans-sc', sizePt: 18, bold: true }, // 小二 黑体
    deck: { family: 'lxgw-wenkai', sizePt: 12, bold: false },
    byline: { family: 'lxgw-wenkai', sizePt: 9, bold: false },
    body: { family: 'noto-serif-sc', sizePt: 10.5, bold: false }, // 五号 宋体
    caption: { family: 'lxgw-wenkai', sizePt: 9, bold: false },
    colophon: { family: 'noto-serif-sc', sizePt: 9, bold: false },
  },
  leading: 1.7,
  accentColor: '#c8161d',
  header: { show: true, text: '' },
  pageNumbers: { style: 'dash', first: 1 },
  targetPages: null,
  charsPerLine: null,
};

const TEMPLATES: Record<TemplateId, Layout> = { bulletin, newsletter };

/** A fresh copy of a built-in template's layout. */
export function templateLayout(id: TemplateId): Layout {
  return JSON.parse(JSON.stringify(TEMPLATES[id])) as Layout;
}
