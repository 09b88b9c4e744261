import type { EditorState, SerializedEditorState, SerializedLexicalNode } from 'lexical';
import {
  BodySchema,
  ElementFormatSchema,
  figurePixels,
  FigureWidthSchema,
  TextFormat,
  type BlockNode,
  type Body,
  type FigureNode,
  type HeadingNode,
  type InlineNode,
  type ListItemNode,
  type ListNode,
  type ParagraphNode,
  type TableCellNode,
  type TableNode,
  type TableRowNode,
  type TextNode,
} from '../../shared/model/body.js';

/*
 * The bridge between Lexical's editor state and the article body of shared/model/body.ts.
 *
 * `toBody` maps the editor's JSON to Body key by key, so a field Lexical adds in some
 * release never reaches issue.json unnoticed. What it leaves out or changes, and why:
 * - paragraph `textFormat` / `textStyle`: Lexical's memory of the format for the next
 *   character typed into an empty paragraph; editing state, not content.
 * - table `colWidths`, `rowStriping`, `frozenColumnCount`, `frozenRowCount`; row
 *   `height`; cell `backgroundColor`, `width`, `verticalAlign`: layout belongs to the
 *   print template, not to the manuscript.
 * - list `checked` (check lists are not offered) and `listType: 'check'` → 'bullet';
 *   `tag` always follows `listType`.
 * - heading `h1` → `h2`, `h5`/`h6` → `h4` (the headline is the article's h1).
 * - text `format` keeps the bits of `TextFormat` (Lexical's case transforms, 256 and
 *   up, are dropped); a `tab` node becomes a text run holding `\t`; a style longer
 *   than the schema allows is dropped.
 * - a table cell holds paragraphs only: a heading, quote or list pasted into a cell
 *   becomes paragraphs with the same text.
 * - a figure's pixel size is kept only as two positive whole numbers with an asset;
 *   anything else becomes null (unknown).
 * - a root holding nothing but one empty, unformatted paragraph is the empty body:
 *   Lexical needs that paragraph to place the caret, `fromBody` puts it back.
 * Anything else (an unknown node from a paste) keeps its text as a paragraph.
 */

type Json = SerializedLexicalNode & Record<string, unknown>;

const KEPT_FORMAT_BITS = Object.values(TextFormat).reduce((bits, bit) => bits | bit, 0);
const FORMATS = new Set<string>(ElementFormatSchema.options);
const ASSET_ID = /^[0-9a-f]{64}\.(jpg|png|webp|gif)$/;
const MAX_STYLE = 2000;
const MAX_CAPTION = 2000;

function children(node: Json): Json[] {
  return Array.isArray(node.children) ? (node.children as Json[]) : [];
}

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

function int(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(min, Math.min(max, Math.trunc(value))) : fallback;
}

function elementFields(node: Json) {
  const direction: 'ltr' | 'rtl' | null = node.direction === 'ltr' || node.direction === 'rtl' ? node.direction : null;
  const format = typeof node.format === 'string' && FORMATS.has(node.format) ? node.format : '';
  return {
    version: 1 as const,
    direction,
    format: format as ParagraphNode['format'],
    indent: int(node.indent, 0, 20, 0),
  };
}

function textRun(node: Json, text: string): TextNode {
  const style = str(node.style);
  const mode = node.mode === 'token' || node.mode === 'segmented' ? node.mode : 'normal';
  return {
    type: 'text',
    version: 1,
    text,
    format: int(node.format, 0, 1023, 0) & KEPT_FORMAT_BITS,
    detail: int(node.detail, 0, Number.MAX_SAFE_INTEGER, 0),
    mode,
    style: style.length > MAX_STYLE ? '' : style,
  };
}

/** Inline content of any node: text runs and line breaks, with inline elements unwrapped. */
function inlines(nodes: readonly Json[]): InlineNode[] {
  return nodes.flatMap((node): InlineNode[] => {
    if (node.type === 'text') return [textRun(node, str(node.text))];
    if (node.type === 'tab') return [textRun(node, '\t')];
    if (node.type === 'linebreak') return [{ type: 'linebreak', version: 1 }];
    if (typeof node.text === 'string') return [textRun(node, node.text)];
    return inlines(children(node));
  });
}

function paragraph(node: Json, content: InlineNode[] = inlines(children(node))): ParagraphNode {
  return { type: 'paragraph', ...elementFields(node), children: content };
}

function headingTag(tag: unknown): HeadingNode['tag'] {
  if (tag === 'h3' || tag === 'h4') return tag;
  if (tag === 'h5' || tag === 'h6') return 'h4';
  return 'h2';
}

function listItem(node: Json): ListItemNode {
  const content = children(node).flatMap((child): ListItemNode['children'] =>
    child.type === 'list' ? [list(child)] : inlines([child]),
  );
  return { type: 'listitem', ...elementFields(node), value: int(node.value, 0, Number.MAX_SAFE_INTEGER, 1), children: content };
}

function list(node: Json): ListNode {
  const listType = node.listType === 'number' ? 'number' : 'bullet';
  return {
    type: 'list',
    ...elementFields(node),
    listType,
    start: int(node.start, 0, Number.MAX_SAFE_INTEGER, 1),
    tag: listType === 'number' ? 'ol' : 'ul',
    children: children(node).flatMap((child) => (child.type === 'listitem' ? [listItem(child)] : [])),
  };
}

/** Paragraphs carrying the text of any block (for table cells, which hold paragraphs only). */
function asParagraphs(node: Json): ParagraphNode[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      return [paragraph(node)];
    case 'list':
    case 'listitem':
    case 'table':
    case 'tablerow':
    case 'tablecell':
      return children(node).flatMap(asParagraphs);
    case 'figure':
      return str(node.caption) === '' ? [] : [paragraph({ type: 'paragraph', version: 1 }, [textRun({ type: 'text', version: 1 }, str(node.caption))])];
    default: {
      const content = inlines([node]);
      return content.length === 0 ? [] : [paragraph({ type: 'paragraph', version: 1 }, content)];
    }
  }
}

function tableCell(node: Json): TableCellNode {
  const content = children(node).flatMap(asParagraphs);
  return {
    type: 'tablecell',
    ...elementFields(node),
    headerState: int(node.headerState, 0, 3, 0),
    colSpan: int(node.colSpan, 1, 63, 1),
    rowSpan: int(node.rowSpan, 1, 1000, 1),
    // Lexical keeps at least one paragraph in a cell; so does the body.
    children: content.length === 0 ? [paragraph({ type: 'paragraph', version: 1 }, [])] : content,
  };
}

function tableRow(node: Json): TableRowNode {
  return { type: 'tablerow', ...elementFields(node), children: children(node).flatMap((c) => (c.type === 'tablecell' ? [tableCell(c)] : [])) };
}

function table(node: Json): TableNode {
  return { type: 'table', ...elementFields(node), children: children(node).flatMap((c) => (c.type === 'tablerow' ? [tableRow(c)] : [])) };
}

function figure(node: Json): FigureNode {
  const assetId = typeof node.assetId === 'string' && ASSET_ID.test(node.assetId) ? node.assetId : null;
  const width = FigureWidthSchema.safeParse(node.width);
  return {
    type: 'figure',
    version: 1,
    assetId,
    caption: str(node.caption).slice(0, MAX_CAPTION),
    width: width.success ? width.data : 'column',
    ...figurePixels(assetId === null ? null : { width: node.pixelWidth, height: node.pixelHeight }),
  };
}

function block(node: Json): BlockNode[] {
  switch (node.type) {
    case 'paragraph':
      return [paragraph(node)];
    case 'heading':
      return [{ type: 'heading', ...elementFields(node), tag: headingTag(node.tag), children: inlines(children(node)) }];
    case 'quote':
      return [{ type: 'quote', ...elementFields(node), children: inlines(children(node)) }];
    case 'list':
      return [list(node)];
    case 'table':
      return [table(node)];
    case 'horizontalrule':
      return [{ type: 'horizontalrule', version: 1 }];
    case 'figure':
      return [figure(node)];
    default:
      return asParagraphs(node);
  }
}

function isBlankParagraph(b: BlockNode): boolean {
  return b.type === 'paragraph' && b.children.length === 0 && b.format === '' && b.indent === 0;
}

/** The body of a serialized editor state (see the mapping rules above). */
export function serializedToBody(state: SerializedEditorState): Body {
  const root = state.root as unknown as Json;
  const blocks = children(root).flatMap(block);
  return {
    root: {
      type: 'root',
      ...elementFields(root),
      children: blocks.length === 1 && isBlankParagraph(blocks[0]) ? [] : blocks,
    },
  };
}

/** The article body an editor state holds. */
export function toBody(state: EditorState): Body {
  return serializedToBody(state.toJSON());
}

/**
 * The serialized editor state for a body, validated by BodySchema: the body is
 * already Lexical's JSON, so only the empty body needs its paragraph.
 */
export function fromBody(body: Body): SerializedEditorState {
  const valid = BodySchema.parse(body);
  const { root } = valid;
  const blocks: BlockNode[] =
    root.children.length > 0 ? root.children : [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [] }];
  return { root: { ...root, children: blocks } } as unknown as SerializedEditorState;
}
