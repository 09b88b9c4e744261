import {
  FrameAnchorType,
  FrameWrap,
  HorizontalPositionAlign,
  Paragraph,
  ShadingType,
  Tab,
  TextRun,
  VerticalPositionAlign,
  type IFrameOptions,
} from 'docx';
import type { Issue } from '../../model/issue.js';
import { COLOPHON_GAP_MM } from '../print/colophon.js';
import { chineseDate } from '../print/document.js';
import { textRuns } from './inline.js';
import { exactLine } from './styles.js';
import { twipsOfMm, twipsOfPt, type PageGeometry } from './units.js';

/*
 * The colophon (报尾 / 版记) that closes the issue. GB/T 9704-2012 §7.4.1 puts it at the
 * foot of the last page, its last rule on the bottom edge of the type area. A one-column
 * issue gets it there as the PDF does: in a frame (`w:framePr`) standing on the bottom
 * edge of the type area of the page where the issue ends. With columns it follows the last
 * article: LibreOffice 7.4 lays a frame out badly among column sections (it stops
 * balancing earlier columns, or pushes the end of the issue on to a page of its own).
 */

/** Thickness of the colophon's rules, pt: thick first and last, thin between (GB/T 9704-2012 §7.4.1; the PDF's 1 pt and 0.5 pt). */
const RULE_PT = { thick: 1, thin: 0.5 } as const;

/** Where the colophon stands: in a frame at the foot of the last page, or right after the last article. */
export type ColophonPlacement = 'foot' | 'flow';

/**
 * The colophon's frame: as wide as the type area and on its bottom edge; text keeps
 * COLOPHON_GAP_MM above it and never runs beside it. Consecutive paragraphs with the same
 * `w:framePr` make one frame (Word, WPS, LibreOffice), on the page of the paragraph that
 * follows them.
 */
function footFrame(geometry: PageGeometry): IFrameOptions {
  return {
    type: 'alignment',
    alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
    anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
    width: geometry.textWidth,
    space: { horizontal: 0, vertical: twipsOfMm(COLOPHON_GAP_MM) },
    wrap: FrameWrap.NOT_BESIDE,
  };
}

/**
 * An empty 报尾 paragraph 1 pt high (the issue import reads it as an empty colophon
 * line), `before` twips below what precedes it: the paragraph the frame is anchored to,
 * or the gap above a colophon that follows the last article.
 */
function blankParagraph(before: number, keepNext: boolean): Paragraph {
  return new Paragraph({ style: 'Colophon', keepNext, keepLines: false, spacing: { before, after: 0, ...exactLine(1) }, run: { size: 2 } });
}

/**
 * A rule across the type area: an empty paragraph exactly `pt` high, shaded. Not a
 * paragraph border: LibreOffice turns the borders of framed paragraphs into the frame's
 * own, and drops the frame when they differ from paragraph to paragraph.
 */
function ruleParagraph(pt: number, frame: IFrameOptions | undefined, keepNext: boolean): Paragraph {
  return new Paragraph({
    style: 'Colophon',
    frame,
    keepNext,
    indent: { left: 0, right: 0 },
    spacing: { before: 0, after: 0, ...exactLine(pt) },
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: '111111' },
    run: { size: 2 },
  });
}

/** The text lines: 报/送/发 (those filled in), the publisher with the date of printing, and the editors and copies when set. */
function colophonLines(issue: Issue): { distribution: TextRun[][]; printed: TextRun[][] } {
  const c = issue.colophon;
  const distribution = c.distribution
    .filter((l) => l.text.trim() !== '')
    .map((l) => [new TextRun({ text: `${l.label}：`, bold: true }), ...textRuns(l.text.trim())]);
  const people = [
    c.editor ? `责任编辑：${c.editor}` : '',
    c.reviewer ? `审核：${c.reviewer}` : '',
    c.approver ? `签发：${c.approver}` : '',
  ].filter(Boolean);
  const printed = [[new TextRun({ children: [issue.publication.publisher, new Tab(), `${chineseDate(issue.date)}印发`] })]];
  if (people.length || c.copies !== null) {
    printed.push([new TextRun({ children: [people.join('\u3000'), new Tab(), c.copies !== null ? `共印${c.copies}份` : ''] })]);
  }
  return { distribution, printed };
}

/**
 * The colophon (报尾) between two thick rules: the 报/送/发 lines, a thin rule, the
 * publisher with the date of printing, and the editors and number of copies when set.
 * At the `foot`, all in one frame on the bottom edge of the type area, followed by the
 * blank paragraph it is anchored to; in the `flow`, kept together after the last article.
 */
export function colophonParagraphs(issue: Issue, geometry: PageGeometry, placement: ColophonPlacement): Paragraph[] {
  const frame = placement === 'foot' ? footFrame(geometry) : undefined;
  const { distribution, printed } = colophonLines(issue);
  // A line's text sits at the foot of its exact line height (so LibreOffice sets it): the
  // line before a rule gets as much room below it as a rule leaves above the next line.
  const beforeRule = twipsOfPt(issue.layout.fonts.colophon.sizePt * 0.4);
  const lines = (rows: TextRun[][]) =>
    rows.map(
      (children, i) => new Paragraph({ style: 'Colophon', frame, spacing: i === rows.length - 1 ? { after: beforeRule } : undefined, children }),
    );
  const body = [
    ruleParagraph(RULE_PT.thick, frame, true),
    ...(distribution.length ? [...lines(distribution), ruleParagraph(RULE_PT.thin, frame, true)] : []),
    ...lines(printed),
    ruleParagraph(RULE_PT.thick, frame, placement === 'foot'),
  ];
  return placement === 'foot' ? [...body, blankParagraph(0, false)] : [blankParagraph(twipsOfMm(COLOPHON_GAP_MM), true), ...body];
}
