import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type FileChild,
  type IBorderOptions,
  type IParagraphOptions,
} from 'docx';
import type { BlockNode, ParagraphNode, TableNode } from '../../model/body.js';
import type { Layout } from '../../model/layout.js';
import type { AssetResolver } from '../assets.js';
import { figureParagraphs } from './figure.js';
import { runFonts } from './fonts.js';
import { inlineRuns } from './inline.js';
import { listParagraphs, type ListNumbering } from './numbering.js';
import { twipsOfPt, type PageGeometry } from './units.js';

/** What turning body blocks into Word content needs besides the blocks. */
export interface BodyContext {
  layout: Layout;
  assets: AssetResolver;
  geometry: PageGeometry;
  numbering: ListNumbering;
}

/** A piece of Word content and the number of columns of the part of the page it stands in. */
export interface Placed {
  child: FileChild;
  columns: number;
}

type ElementFormat = ParagraphNode['format'];

const ALIGNMENT: Partial<Record<ElementFormat, (typeof AlignmentType)[keyof typeof AlignmentType]>> = {
  left: AlignmentType.LEFT,
  start: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  end: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** Direct alignment of a block the editor aligned; like the PDF, a centred or right-aligned paragraph loses its indent. */
function alignmentOf(format: ElementFormat): Pick<IParagraphOptions, 'alignment' | 'indent'> {
  const alignment = ALIGNMENT[format];
  if (!alignment) return {};
  if (alignment === AlignmentType.JUSTIFIED) return { alignment };
  return { alignment, indent: { firstLine: 0, firstLineChars: 0 } };
}

const CELL_BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '555555', space: 0 };

/** A table across the width it stands in, equal columns, thin borders; header cells bold on grey (as in the PDF). */
function tableOf(table: TableNode, ctx: BodyContext, width: number): Table {
  const columns = Math.max(1, ...table.children.map((row) => row.children.reduce((n, cell) => n + cell.colSpan, 0)));
  const columnWidth = Math.floor(width / columns);
  const headerRun = { bold: true, font: runFonts(ctx.layout.fonts.banner.family) };
  const padding = twipsOfPt(4);
  return new Table({
    width: { size: columnWidth * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => columnWidth),
    layout: TableLayoutType.FIXED,
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER, insideHorizontal: CELL_BORDER, insideVertical: CELL_BORDER },
    margins: { top: twipsOfPt(2), bottom: twipsOfPt(2), left: padding, right: padding },
    rows: table.children.map(
      (row, r) =>
        new TableRow({
          cantSplit: true,
          // Left out rather than off: mammoth takes any w:tblHeader, even off, as a header row.
          tableHeader: r === 0 && row.children.length > 0 && row.children.every((c) => (c.headerState & 1) !== 0) ? true : undefined,
          children: row.children.map((cell) => {
            const header = cell.headerState !== 0;
            const paragraphs = cell.children.map(
              (p) => new Paragraph({ style: 'TableText', ...alignmentOf(p.format), children: inlineRuns(p.children, header ? headerRun : {}) }),
            );
            return new TableCell({
              columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
              rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
              width: { size: columnWidth * cell.colSpan, type: WidthType.DXA },
              shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } : undefined,
              // A cell must hold a paragraph, even an empty one.
              children: paragraphs.length ? paragraphs : [new Paragraph({ style: 'TableText' })],
            });
          }),
        }),
    ),
  });
}

/** A horizontal rule: an empty paragraph with a thin bottom border across the middle half. */
function ruleParagraph(width: number): Paragraph {
  const quarter = Math.round(width / 4);
  return new Paragraph({
    indent: { left: quarter, right: quarter },
    spacing: { before: 120, after: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '777777', space: 1 } },
  });
}

/**
 * Word content of one body block standing in `columns` columns: paragraphs in 正文,
 * subheadings in heading 2–4, quotes, lists with numbering, tables, rules and figures.
 * `paragraphStyle` is the style of plain paragraphs (正文, or 图片新闻正文 in photo news).
 * A page-wide figure in a columned part stands across the page (`columns` 1).
 */
export function blockContent(block: BlockNode, ctx: BodyContext, columns: number, paragraphStyle = 'BodyText'): Placed[] {
  const width = columns === 1 ? ctx.geometry.textWidth : ctx.geometry.columnWidth;
  const here = (children: FileChild[], cols = columns): Placed[] => children.map((child) => ({ child, columns: cols }));
  switch (block.type) {
    case 'paragraph':
      // Like the PDF, an empty paragraph prints nothing.
      if (block.children.length === 0) return [];
      return here([new Paragraph({ style: paragraphStyle, ...alignmentOf(block.format), children: inlineRuns(block.children) })]);
    case 'heading': {
      const style = { h2: 'Heading2', h3: 'Heading3', h4: 'Heading4' }[block.tag];
      return here([new Paragraph({ style, ...alignmentOf(block.format), children: inlineRuns(block.children) })]);
    }
    case 'quote':
      return here([new Paragraph({ style: 'Quote', ...alignmentOf(block.format), children: inlineRuns(block.children) })]);
    case 'list':
      return here(listParagraphs(block, ctx.numbering));
    case 'table':
      return here([tableOf(block, ctx, width)]);
    case 'horizontalrule':
      return here([ruleParagraph(width)]);
    case 'figure': {
      const cols = block.width === 'page' ? 1 : columns;
      return here(figureParagraphs(block, ctx.assets, ctx.geometry, cols), cols);
    }
  }
}

/** Word content of a body's blocks, in order. */
export function bodyContent(blocks: readonly BlockNode[], ctx: BodyContext, columns: number, paragraphStyle = 'BodyText'): Placed[] {
  return blocks.flatMap((block) => blockContent(block, ctx, columns, paragraphStyle));
}
