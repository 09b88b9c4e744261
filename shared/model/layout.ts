import { z } from 'zod';

/**
 * Print layout settings stored in each issue (版式): page, margins, columns, a font for
 * each role, leading, colours, running header and page numbers. Lengths are in mm,
 * font sizes in pt.
 */

/** The typographic roles that each get a font and a size. */
export const FONT_ROLES = [
  'masthead',
  'banner',
  'kicker',
  'headline',
  'deck',
  'byline',
  'body',
  'caption',
  'colophon',
] as const;
export const FontRoleSchema = z.enum(FONT_ROLES);
export type FontRole = z.infer<typeof FontRoleSchema>;

/**
 * A font choice. `family` is a bundled font id (`noto-serif-sc`, `noto-sans-sc`,
 * `lxgw-wenkai`) or the name of a system font (宋体, 仿宋_GB2312 …); `sizePt` in pt.
 */
export const FontSpecSchema = z.object({
  family: z.string().min(1).max(100),
  sizePt: z.number().min(4).max(200),
  bold: z.boolean().default(false),
});
export type FontSpec = z.infer<typeof FontSpecSchema>;

const mm = z.number().min(0).max(2000);

export const PageNumberStyleSchema = z.enum(['dash', 'chinese', 'plain', 'none']);
/** `dash` prints — 1 —, `chinese` 第1页, `plain` 1. */
export type PageNumberStyle = z.infer<typeof PageNumberStyleSchema>;

export const LayoutSchema = z.object({
  /** The template this layout started from (a template id). */
  template: z.string().min(1).max(100),
  page: z.object({
    preset: z.enum(['A4', 'A3', 'B5', 'K16', 'K16Large', 'custom']),
    widthMm: z.number().min(50).max(2000),
    heightMm: z.number().min(50).max(2000),
  }),
  margins: z.object({ topMm: mm, bottomMm: mm, leftMm: mm, rightMm: mm }),
  columns: z.number().int().min(1).max(3),
  gutterMm: mm,
  fonts: z.record(FontRoleSchema, FontSpecSchema),
  /** Line height of body text as a multiple of its size. */
  leading: z.number().min(0.8).max(4),
  /** Accent colour (masthead title, rules, banners) as #rrggbb. */
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  header: z.object({ show: z.boolean(), text: z.string().max(200) }),
  pageNumbers: z.object({ style: PageNumberStyleSchema, first: z.number().int().min(1).max(9999) }),
  /** How many pages the editor means the issue to fill; null when not set. */
  targetPages: z.number().int().min(1).max(999).nullable(),
  /**
   * Body characters per line (Word's document grid, 每行字数): the body's letter spacing
   * is set so exactly this many fit a column; null keeps the font's natural width.
   */
  charsPerLine: z.number().int().min(5).max(80).nullable().default(null),
});
export type Layout = z.infer<typeof LayoutSchema>;
