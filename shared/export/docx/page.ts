import {
  Footer,
  Header,
  NumberFormat,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  TextRun,
  type ISectionOptions,
  type ISectionPropertiesOptions,
} from 'docx';
import type { Layout, PageNumberStyle } from '../../model/layout.js';
import { textRuns } from './inline.js';
import { twipsOfMm } from './units.js';

/**
 * Page setup of each Word section: size, orientation, margins, columns; and on the
 * first section the running header (from page 2 on, as in the PDF), the page-number
 * footer and the first page number. Later sections inherit header and footer and carry
 * the page numbers on.
 */

/** The footer text around the PAGE field: — 1 —, 第1页, or the bare number. */
export function pageNumberRuns(style: PageNumberStyle): TextRun[] {
  const around: Record<Exclude<PageNumberStyle, 'none'>, [string, string]> = {
    dash: ['— ', ' —'],
    chinese: ['第', '页'],
    plain: ['', ''],
  };
  if (style === 'none') return [];
  const [before, after] = around[style];
  return [new TextRun({ children: [before, PageNumber.CURRENT, after].filter((c) => c !== '') })];
}

/** Page size, orientation and margins of a layout; header and footer distances sit where the PDF prints them. */
function pageOf(layout: Layout): NonNullable<ISectionPropertiesOptions['page']> {
  const { page, margins: m } = layout;
  const width = twipsOfMm(page.widthMm);
  const height = twipsOfMm(page.heightMm);
  // docx swaps width and height of a landscape page itself, so it takes the portrait pair.
  const landscape = page.widthMm > page.heightMm;
  return {
    size: landscape
      ? { width: height, height: width, orientation: PageOrientation.LANDSCAPE }
      : { width, height, orientation: PageOrientation.PORTRAIT },
    margin: {
      top: twipsOfMm(m.topMm),
      bottom: twipsOfMm(m.bottomMm),
      left: twipsOfMm(m.leftMm),
      right: twipsOfMm(m.rightMm),
      // The PDF's header sits just above the type area, its page number 4 mm below it.
      header: twipsOfMm(Math.max(5, m.topMm - 12)),
      footer: twipsOfMm(Math.max(5, m.bottomMm - 11)),
      gutter: 0,
    },
  };
}

/** Header and footer of the first section; page 1 (the masthead) has no running header. */
function headersAndFooters(layout: Layout, headerText: string): Pick<ISectionOptions, 'headers' | 'footers'> {
  const running = layout.header.show && headerText.trim() !== '';
  const numbers = pageNumberRuns(layout.pageNumbers.style);
  const footer = () => new Footer({ children: [new Paragraph({ style: 'Footer', children: numbers })] });
  return {
    headers: {
      default: new Header({ children: [running ? new Paragraph({ style: 'Header', children: textRuns(headerText) }) : new Paragraph({})] }),
      first: new Header({ children: [new Paragraph({})] }),
    },
    footers: numbers.length ? { default: footer(), first: footer() } : undefined,
  };
}

/**
 * One Word section of `columns` columns holding `children`. The first (`first` true)
 * starts the document and carries header, footer and page-number start; the others
 * follow it on the same page (continuous section break).
 */
export function sectionOf(
  layout: Layout,
  columns: number,
  children: ISectionOptions['children'],
  first: { headerText: string } | null,
): ISectionOptions {
  const column = columns > 1 ? { count: columns, space: twipsOfMm(layout.gutterMm), separate: true, equalWidth: true } : { count: 1 };
  if (first) {
    return {
      properties: {
        page: { ...pageOf(layout), pageNumbers: { start: layout.pageNumbers.first, formatType: NumberFormat.DECIMAL } },
        titlePage: true,
        column,
      },
      ...headersAndFooters(layout, first.headerText),
      children,
    };
  }
  return { properties: { type: SectionType.CONTINUOUS, page: pageOf(layout), column }, children };
}
