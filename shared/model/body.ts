import { z } from 'zod';

/**
 * The article body (正文) as Lexical's serialized editor state. Every converter (print
 * HTML, DOCX, word count, search) walks this JSON; the Lexical node classes in
 * `renderer/editor` serialize to exactly these shapes.
 */

/** Text format bits, the same values as Lexical's `IS_BOLD` … `IS_SUPERSCRIPT`. */
export const TextFormat = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
  highlight: 128,
} as const;

/** Horizontal alignment of a block; '' means the style's default (justified body). */
export const ElementFormatSchema = z.enum(['', 'left', 'start', 'center', 'right', 'end', 'justify']);

const elementFields = {
  version: z.literal(1).default(1),
  direction: z.enum(['ltr', 'rtl']).nullable().default(null),
  format: ElementFormatSchema.default(''),
  indent: z.number().int().min(0).max(20).default(0),
};

/** A run of text with format bits (bold, italic …). */
export const TextNodeSchema = z.object({
  type: z.literal('text'),
  version: z.literal(1).default(1),
  text: z.string(),
  format: z.number().int().min(0).max(1023).default(0),
  detail: z.number().int().min(0).default(0),
  mode: z.enum(['normal', 'token', 'segmented']).default('normal'),
  style: z.string().max(2000).default(''),
});
export type TextNode = z.infer<typeof TextNodeSchema>;

/** A forced line break inside a block (Shift+Enter). */
export const LineBreakNodeSchema = z.object({
  type: z.literal('linebreak'),
  version: z.literal(1).default(1),
});

/** What may stand inside a paragraph, heading, quote or list item. */
export const InlineNodeSchema = z.discriminatedUnion('type', [TextNodeSchema, LineBreakNodeSchema]);
export type InlineNode = z.infer<typeof InlineNodeSchema>;

/** A body paragraph (段落). */
export const ParagraphNodeSchema = z.object({
  type: z.literal('paragraph'),
  ...elementFields,
  children: z.array(InlineNodeSchema),
});
export type ParagraphNode = z.infer<typeof ParagraphNodeSchema>;

/** An in-article subheading (小标题); h2 is the first level. */
export const HeadingNodeSchema = z.object({
  type: z.literal('heading'),
  ...elementFields,
  tag: z.enum(['h2', 'h3', 'h4']),
  children: z.array(InlineNodeSchema),
});
export type HeadingNode = z.infer<typeof HeadingNodeSchema>;

/** A block quotation (引文). */
export const QuoteNodeSchema = z.object({
  type: z.literal('quote'),
  ...elementFields,
  children: z.array(InlineNodeSchema),
});
export type QuoteNode = z.infer<typeof QuoteNodeSchema>;

interface ElementFields {
  version: 1;
  direction: 'ltr' | 'rtl' | null;
  format: z.infer<typeof ElementFormatSchema>;
  indent: number;
}

/** One item of a list; a nested list may follow its text. */
export interface ListItemNode extends ElementFields {
  type: 'listitem';
  value: number;
  children: (InlineNode | ListNode)[];
}

/** An ordered or bulleted list. */
export interface ListNode extends ElementFields {
  type: 'list';
  listType: 'bullet' | 'number';
  start: number;
  tag: 'ul' | 'ol';
  children: ListItemNode[];
}

// Lists nest, so their schemas are recursive and typed by hand (zod cannot infer a cycle).
export const ListItemNodeSchema: z.ZodType<ListItemNode, unknown> = z.lazy(() =>
  z.object({
    type: z.literal('listitem'),
    ...elementFields,
    value: z.number().int().min(0).default(1),
    children: z.array(z.union([InlineNodeSchema, ListNodeSchema])),
  }),
);

export const ListNodeSchema: z.ZodType<ListNode, unknown> = z.lazy(() =>
  z.object({
    type: z.literal('list'),
    ...elementFields,
    listType: z.enum(['bullet', 'number']),
    start: z.number().int().min(0).default(1),
    tag: z.enum(['ul', 'ol']),
    children: z.array(ListItemNodeSchema),
  }),
);

/** A table cell; `headerState` follows Lexical (0 none, 1 row, 2 column, 3 both). */
export const TableCellNodeSchema = z.object({
  type: z.literal('tablecell'),
  ...elementFields,
  headerState: z.number().int().min(0).max(3).default(0),
  colSpan: z.number().int().min(1).max(63).default(1),
  rowSpan: z.number().int().min(1).max(1000).default(1),
  children: z.array(ParagraphNodeSchema),
});
export type TableCellNode = z.infer<typeof TableCellNodeSchema>;

export const TableRowNodeSchema = z.object({
  type: z.literal('tablerow'),
  ...elementFields,
  children: z.array(TableCellNodeSchema),
});
export type TableRowNode = z.infer<typeof TableRowNodeSchema>;

/** A simple table (表格). */
export const TableNodeSchema = z.object({
  type: z.literal('table'),
  ...elementFields,
  children: z.array(TableRowNodeSchema),
});
export type TableNode = z.infer<typeof TableNodeSchema>;

/** A horizontal rule (分隔线). */
export const HorizontalRuleNodeSchema = z.object({
  type: z.literal('horizontalrule'),
  version: z.literal(1).default(1),
});

/** How wide a figure prints: one column, half a column, or across the page. */
export const FigureWidthSchema = z.enum(['column', 'half', 'page']);
export type FigureWidth = z.infer<typeof FigureWidthSchema>;

/** A pixel count of an image side (px); any positive whole number an image header can give. */
export const PixelCountSchema = z.number().int().positive();

/**
 * A photo or picture with its caption (图片与图注). `assetId` names a file in the issue's
 * `assets/` folder (SHA-256 of its bytes plus extension); null while the figure still
 * waits for its image (an imported caption without a photo). `pixelWidth` × `pixelHeight`
 * is the image's size in px as displayed (EXIF orientation applied), recorded when the
 * image was placed; null when unknown (no image, a pasted caption, a file older than the
 * field — the defaults keep those valid without a schema version bump).
 */
export const FigureNodeSchema = z.object({
  type: z.literal('figure'),
  version: z.literal(1).default(1),
  assetId: z
    .string()
    .regex(/^[0-9a-f]{64}\.(jpg|png|webp|gif)$/)
    .nullable(),
  caption: z.string().max(2000).default(''),
  width: FigureWidthSchema.default('column'),
  pixelWidth: PixelCountSchema.nullable().default(null),
  pixelHeight: PixelCountSchema.nullable().default(null),
});
export type FigureNode = z.infer<typeof FigureNodeSchema>;

/** An image's size in px as displayed (EXIF orientation applied), as the asset services answer it. */
export interface PixelSize {
  width: number;
  height: number;
}

/**
 * The `pixelWidth`/`pixelHeight` fields for a size: both set when both sides are positive
 * whole numbers, both null otherwise (unknown, a header that gave 0, a hand-edited
 * value), so a figure never holds half a size or one the schema would refuse.
 */
export function figurePixels(size: { width: unknown; height: unknown } | null | undefined): Pick<FigureNode, 'pixelWidth' | 'pixelHeight'> {
  const width = PixelCountSchema.safeParse(size?.width);
  const height = PixelCountSchema.safeParse(size?.height);
  return width.success && height.success ? { pixelWidth: width.data, pixelHeight: height.data } : { pixelWidth: null, pixelHeight: null };
}

/** Any block that may stand directly in the body. */
export const BlockNodeSchema = z.union([
  ParagraphNodeSchema,
  HeadingNodeSchema,
  QuoteNodeSchema,
  ListNodeSchema,
  TableNodeSchema,
  HorizontalRuleNodeSchema,
  FigureNodeSchema,
]);
export type BlockNode = z.infer<typeof BlockNodeSchema>;

/** The root of the body. */
export const RootNodeSchema = z.object({
  type: z.literal('root'),
  ...elementFields,
  children: z.array(BlockNodeSchema),
});
export type RootNode = z.infer<typeof RootNodeSchema>;

/** An article body: Lexical's `SerializedEditorState`. */
export const BodySchema = z.object({ root: RootNodeSchema });
export type Body = z.infer<typeof BodySchema>;

/** A text run with no formatting. */
export function textNode(text: string, format = 0): TextNode {
  return { type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' };
}

/** A plain paragraph holding `text` (empty text gives an empty paragraph). */
export function paragraphNode(text: string, format = 0): ParagraphNode {
  return {
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: text === '' ? [] : [textNode(text, format)],
  };
}

/**
 * A figure waiting for, or holding, an image; `size` is the image's pixel size when
 * known (kept only with an asset: a figure waiting for its photo has no size).
 */
export function figureNode(caption: string, assetId: string | null = null, size: PixelSize | null = null): FigureNode {
  return { type: 'figure', version: 1, assetId, caption, width: 'column', ...figurePixels(assetId === null ? null : size) };
}

/** A body made of the given blocks. */
export function bodyOf(children: BlockNode[]): Body {
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } };
}

/** An empty body. */
export function emptyBody(): Body {
  return bodyOf([]);
}
