import {
  figureNode,
  paragraphNode,
  type BlockNode,
  type FigureNode,
  type HeadingNode,
  type InlineNode,
  type ListItemNode,
  type ListNode,
  type ParagraphNode,
  type PixelSize,
  type TableCellNode,
  type TableRowNode,
} from '../model/body.js';
import { blockRole, cleanHtmlTree, isInlineNode, type BlockRole } from './cleanup.js';
import type { HtmlElement, HtmlNode } from './htmlTree.js';
import { collectInline, inlinePlainText, isBlankInline, isBoldOnly, normalizeInline, type InlinePiece } from './inline.js';
import { isBylineText, isCaptionText, isShortLine } from './lines.js';

/**
 * Turns a cleaned HTML tree into the body blocks of `shared/model/body.ts`: paragraphs,
 * subheadings, quotes, lists, tables and figures with their captions.
 */

/** An image of the source as stored in the assets: its asset id and, when its header could be read, its pixel size. */
export interface ResolvedImage {
  assetId: string;
  size: PixelSize | null;
}

/** Gives the stored image for an image `src`, or null when the image cannot be had. */
export type ImageResolver = (src: string) => ResolvedImage | null;

/**
 * A body block with what its source said about it: the role of its Word style
 * (title, subtitle, caption) and, for a heading, its level in the source (1 for h1 …
 * 6 for h6; 0 for anything else). The article split reads these.
 */
export interface MarkedBlock {
  block: BlockNode;
  role: BlockRole | null;
  level: number;
}

const ASSET_ID = /^[0-9a-f]{64}\.(jpg|png|webp|gif)$/;
/** The longest caption taken from the text under a photo, in characters (the schema's limit). */
const CAPTION_MAX = 2000;

const element = { version: 1 as const, direction: null, format: '' as const, indent: 0 };

/** The body heading tag for a source heading level: h1 → h2, h2 → h3, h3 and below → h4. */
export function headingTagFor(level: number): HeadingNode['tag'] {
  return level <= 1 ? 'h2' : level === 2 ? 'h3' : 'h4';
}

interface Context {
  resolveImage: ImageResolver;
  out: MarkedBlock[];
  /** Figures found inside a list or table, placed after it. */
  deferred: MarkedBlock[];
}

function figureFrom(ctx: Context, src: string): MarkedBlock {
  const image = ctx.resolveImage(src);
  const block = image !== null && ASSET_ID.test(image.assetId) ? figureNode('', image.assetId, image.size) : figureNode('');
  return { block, role: null, level: 0 };
}

/** Emits one paragraph-like block per run of text, and a figure for each image between them. */
function emitTextBlock(
  ctx: Context,
  children: readonly HtmlNode[],
  make: (inlines: InlineNode[]) => BlockNode,
  role: BlockRole | null,
  level: number,
): void {
  let run: InlinePiece[] = [];
  const flush = () => {
    const inlines = normalizeInline(run);
    run = [];
    if (!isBlankInline(inlines)) ctx.out.push({ block: make(inlines), role, level });
  };
  for (const piece of collectInline(children)) {
    if (piece.kind === 'image') {
      flush();
      ctx.out.push(figureFrom(ctx, piece.src));
    } else run.push(piece);
  }
  flush();
}

const paragraphOf = (children: InlineNode[]): ParagraphNode => ({ type: 'paragraph', ...element, children });
const quoteOf = (children: InlineNode[]): BlockNode => ({ type: 'quote', ...element, children });
const headingOf = (level: number) => (children: InlineNode[]): BlockNode => ({
  type: 'heading',
  ...element,
  tag: headingTagFor(level),
  children,
});

/** Inline nodes of `nodes`; images met on the way become figures placed after the current block. */
function inlineDeferringImages(ctx: Context, nodes: readonly HtmlNode[]): InlineNode[] {
  const pieces = collectInline(nodes);
  for (const p of pieces) if (p.kind === 'image') ctx.deferred.push(figureFrom(ctx, p.src));
  return normalizeInline(pieces);
}

function buildList(ctx: Context, el: HtmlElement): ListNode | null {
  const ordered = el.tag === 'ol';
  const startAttr = Number.parseInt(el.attrs.start ?? '1', 10);
  const start = ordered && Number.isInteger(startAttr) && startAttr >= 0 ? startAttr : 1;
  const items: ListItemNode[] = [];
  for (const child of el.children) {
    if (child.type === 'element' && (child.tag === 'ul' || child.tag === 'ol')) {
      // A list directly inside a list (common in pasted HTML) belongs to the item before it.
      const nested = buildList(ctx, child);
      if (!nested) continue;
      const last = items[items.length - 1];
      if (last) last.children.push(nested);
      else items.push({ type: 'listitem', ...element, value: 0, children: [nested] });
      continue;
    }
    const item = buildListItem(ctx, child.type === 'element' && child.tag === 'li' ? child.children : [child]);
    if (item) items.push(item);
  }
  if (items.length === 0) return null;
  items.forEach((item, i) => (item.value = start + i));
  return { type: 'list', ...element, listType: ordered ? 'number' : 'bullet', start, tag: ordered ? 'ol' : 'ul', children: items };
}

function buildListItem(ctx: Context, nodes: readonly HtmlNode[]): ListItemNode | null {
  const children: (InlineNode | ListNode)[] = [];
  let run: HtmlNode[] = [];
  const flush = () => {
    const inlines = inlineDeferringImages(ctx, run);
    run = [];
    if (isBlankInline(inlines)) return;
    if (children.length > 0) children.push({ type: 'linebreak', version: 1 });
    children.push(...inlines);
  };
  for (const node of nodes) {
    if (node.type === 'element' && (node.tag === 'ul' || node.tag === 'ol')) {
      flush();
      const nested = buildList(ctx, node);
      if (nested) children.push(nested);
    } else run.push(node);
  }
  flush();
  return children.length === 0 ? null : { type: 'listitem', ...element, value: 1, children };
}

/** The paragraphs a table cell holds; other blocks are flattened to text, figures go after the table. */
function cellParagraphs(ctx: Context, nodes: readonly HtmlNode[]): ParagraphNode[] {
  const inner: Context = { resolveImage: ctx.resolveImage, out: [], deferred: [] };
  walkBlocks(inner, nodes, false);
  const paragraphs: ParagraphNode[] = [];
  for (const { block } of attachCaptions(inner.out)) {
    if (block.type === 'figure') ctx.deferred.push({ block, role: null, level: 0 });
    else if (block.type === 'paragraph') paragraphs.push(block);
    else if (block.type === 'heading' || block.type === 'quote') paragraphs.push(paragraphOf(block.children));
    else if (block.type === 'list' || block.type === 'table') {
      for (const line of plainLines(block)) if (line.trim() !== '') paragraphs.push(paragraphNode(line));
    }
  }
  return paragraphs;
}

function plainLines(block: BlockNode): string[] {
  if (block.type === 'list') {
    return block.children.flatMap((item) =>
      item.children.flatMap((c) => (c.type === 'list' ? plainLines(c) : c.type === 'text' ? [c.text] : [])),
    );
  }
  if (block.type === 'table') {
    return block.children.map((row) => row.children.map((cell) => cell.children.map((p) => inlinePlainText(p.children)).join(' ')).join(' '));
  }
  return [];
}

function spanOf(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isInteger(n) ? Math.min(max, Math.max(1, n)) : 1;
}

function buildTable(ctx: Context, el: HtmlElement): void {
  const rows: TableRowNode[] = [];
  for (const child of el.children) {
    if (child.type !== 'element' || child.tag !== 'tr') {
      walkBlocks(ctx, [child], false); // a table caption or stray text: keep it before the table
      continue;
    }
    const cells: TableCellNode[] = [];
    for (const cell of child.children) {
      if (cell.type !== 'element' || (cell.tag !== 'td' && cell.tag !== 'th')) continue;
      const paragraphs = cellParagraphs(ctx, cell.children);
      cells.push({
        type: 'tablecell',
        ...element,
        headerState: cell.tag === 'th' ? 1 : 0,
        colSpan: spanOf(cell.attrs.colspan, 63),
        rowSpan: spanOf(cell.attrs.rowspan, 1000),
        children: paragraphs.length > 0 ? paragraphs : [paragraphNode('')],
      });
    }
    if (cells.length > 0) rows.push({ type: 'tablerow', ...element, children: cells });
  }
  // A table that only laid out photos and their captions has no text left: the figures stand alone.
  const hasText = rows.some((r) => r.children.some((c) => c.children.some((p) => !isBlankInline(p.children))));
  if (hasText) ctx.out.push({ block: { type: 'table', ...element, children: rows }, role: null, level: 0 });
}

function walkBlocks(ctx: Context, nodes: readonly HtmlNode[], inQuote: boolean): void {
  let loose: HtmlNode[] = [];
  const flushLoose = () => {
    if (loose.length > 0) emitTextBlock(ctx, loose, inQuote ? quoteOf : paragraphOf, null, 0);
    loose = [];
  };
  for (const node of nodes) {
    if (node.type === 'text' || isInlineNode(node)) {
      loose.push(node);
      continue;
    }
    flushLoose();
    const el = node;
    const heading = /^h([1-6])$/.exec(el.tag);
    if (el.tag === 'p') emitTextBlock(ctx, el.children, inQuote ? quoteOf : paragraphOf, blockRole(el), 0);
    else if (heading) emitTextBlock(ctx, el.children, headingOf(Number(heading[1])), blockRole(el), Number(heading[1]));
    else if (el.tag === 'blockquote') walkBlocks(ctx, el.children, true);
    else if (el.tag === 'hr') ctx.out.push({ block: { type: 'horizontalrule', version: 1 }, role: null, level: 0 });
    else if (el.tag === 'ul' || el.tag === 'ol') {
      const list = buildList(ctx, el);
      if (list) ctx.out.push({ block: list, role: null, level: 0 });
    } else if (el.tag === 'table') buildTable(ctx, el);
    else walkBlocks(ctx, el.children, inQuote); // a stray li, tr or cell: its content
    ctx.out.push(...ctx.deferred.splice(0));
  }
  flushLoose();
}

/** Plain text of a paragraph-like block (line breaks as `\n`), or null for other blocks. */
export function blockText(block: BlockNode): string | null {
  return block.type === 'paragraph' || block.type === 'heading' || block.type === 'quote' ? inlinePlainText(block.children) : null;
}

function isCaptionFor(next: MarkedBlock | undefined): next is MarkedBlock & { block: ParagraphNode } {
  if (!next || next.block.type !== 'paragraph') return false;
  const text = inlinePlainText(next.block.children).replace(/\n/g, ' ').trim();
  if (text.length > CAPTION_MAX) return false;
  if (next.role === 'caption' || isCaptionText(text)) return true;
  return isShortLine(text) && !isBylineText(text) && !isBoldOnly(next.block.children);
}

/**
 * Gives each figure without a caption the paragraph right after it when that paragraph
 * reads as a caption: a Caption-styled paragraph, a line starting 图为/图：, or a short
 * stand-alone line (≤ 40 characters, no 。！？, not a byline, not bold-only). The
 * paragraph is removed.
 */
export function attachCaptions(blocks: readonly MarkedBlock[]): MarkedBlock[] {
  const out: MarkedBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const { block } = blocks[i];
    const next = blocks[i + 1];
    if (block.type === 'figure' && block.caption === '' && isCaptionFor(next)) {
      const caption = inlinePlainText(next.block.children).replace(/\n/g, ' ').trim();
      out.push({ ...blocks[i], block: { ...block, caption } satisfies FigureNode });
      i++;
    } else out.push(blocks[i]);
  }
  return out;
}

/**
 * Cleans `tree` (see `cleanHtmlTree`) and turns it into body blocks with their source
 * marks. Each `<img>` becomes a figure whose asset id and pixel size come from
 * `resolveImage(src)`, captioned by the line after it (see `attachCaptions`); empty
 * paragraphs are dropped.
 */
export function htmlTreeToMarkedBlocks(tree: readonly HtmlNode[], resolveImage: ImageResolver): MarkedBlock[] {
  const ctx: Context = { resolveImage, out: [], deferred: [] };
  walkBlocks(ctx, cleanHtmlTree(tree), false);
  return attachCaptions(ctx.out);
}

/** Cleans `tree` and returns exactly the body blocks (see `htmlTreeToMarkedBlocks`). */
export function htmlTreeToBlocks(tree: readonly HtmlNode[], resolveImage: ImageResolver): BlockNode[] {
  return htmlTreeToMarkedBlocks(tree, resolveImage).map((m) => m.block);
}
