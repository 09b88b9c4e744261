import { AppError } from '../../../shared/api/errors.js';
import { toPrintHtml } from '../../../shared/export/print/document.js';
import { BUNDLED_FONTS as BUNDLED_FONT_LABELS } from '../../../shared/export/print/fonts.js';
import type { Issue } from '../../../shared/model/issue.js';
import { formatIssueLine } from '../../../shared/model/issueLine.js';
import { FONT_ROLES, type Layout } from '../../../shared/model/layout.js';
import type { PdfPrinter } from '../../pdf/printer.js';
import { colophonReviser, lastPageFill, type ColophonPlace } from '../print/colophonPlacement.js';
import { finishPdf } from '../print/finishPdf.js';
import { fontFaceCss, type FontUse } from '../print/fonts.js';
import { resolveFontFamily, type ResolvedFontFamily } from '../print/systemFonts.js';
import { loadIssueAssets } from './assetResolver.js';

/** A system font the layout asks for that this machine lacks, and the bundled font printing instead. */
export interface MissingFont {
  requested: string;
  replacement: string;
}

/** The print HTML of an issue with what it could not honour. */
export interface PrintDocument {
  html: string;
  missingAssets: string[];
  missingFonts: MissingFont[];
}

// Characters the page shows through CSS `content` and never as text: page numbers in
// every style, the running header's separator. The fonts must carry them too.
const GENERATED = '— 第页0123456789 　';

function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

/** Options of `printDocument`. */
export interface PrintDocumentOptions {
  /** Adds the colophon's measuring marks, for a print with `colophonReviser` (which hides them again; any other print keeps them as links). */
  colophonMarks?: boolean;
}

/**
 * Builds the print HTML of an issue in Node: images from its `assets/`, fonts resolved
 * (an installed system font, else its bundled stand-in, reported), and only the glyphs
 * the issue shows embedded. `layout` overrides the issue's own (export with a template).
 */
export async function printDocument(
  issueDir: string,
  issue: Issue,
  layout: Layout = issue.layout,
  options: PrintDocumentOptions = {},
): Promise<PrintDocument> {
  const laidOut = { ...issue, layout };
  const { resolver, missing } = await loadIssueAssets(issueDir, laidOut);
  const resolved = new Map<string, ResolvedFontFamily>();
  const uses: FontUse[] = [];
  for (const role of FONT_ROLES) {
    const spec = layout.fonts[role];
    let r = resolved.get(spec.family);
    if (!r) {
      r = resolveFontFamily(spec.family);
      resolved.set(spec.family, r);
    }
    if (r.bundled) uses.push({ id: r.bundled, weight: r.weight ?? (spec.bold ? 700 : 400) });
  }
  // Subheadings and table heads are bold in the banner font; page numbers use the colophon font.
  const banner = resolved.get(layout.fonts.banner.family)?.bundled;
  if (banner) uses.push({ id: banner, weight: 700 });
  const familyCss = (family: string) => resolved.get(family)?.css ?? resolveFontFamily(family).css;
  const bare = toPrintHtml(laidOut, { fontCss: '', familyCss }, resolver);
  const header = layout.header.text || `${issue.publication.name}${formatIssueLine(issue.number)}`;
  const fontCss = await fontFaceCss(uses, visibleText(bare) + header + GENERATED);
  const html = toPrintHtml(laidOut, { fontCss, familyCss, colophonMarks: options.colophonMarks }, resolver);
  // Reported with the bundled font's own name (思源宋体 Noto Serif SC), as the inspector lists it.
  const missingFonts = [...resolved.values()].flatMap((r) =>
    r.missing ? [{ requested: r.missing.requested, replacement: BUNDLED_FONT_LABELS[r.missing.replacement].label }] : [],
  );
  return { html, missingAssets: missing, missingFonts };
}

/** Options of a PDF export. */
export interface PdfExportOptions {
  printer: PdfPrinter;
  /** Bleed in mm on each side, with crop marks (3 is what print shops ask for). */
  bleedMm?: number;
  /** Use this layout instead of the issue's own. */
  layout?: Layout;
  /** Fixed creation date (reproducible files in tests). */
  creationDate?: Date;
  /** Checked right before printing: true skips the print with `export.superseded`. */
  skipIf?: () => boolean;
}

/** A finished PDF with what the export could not honour. */
export interface IssuePdf {
  pdf: Uint8Array;
  missingAssets: string[];
  missingFonts: MissingFont[];
  /** How full the last page is with articles, 0–1, the colophon at its foot not counted (`lastPageFill`); null if not measured. */
  lastPageFill: number | null;
}

/**
 * Prints an issue to a press-ready PDF: the colophon at the foot of the last page (one
 * more Chromium pass, `colophonReviser`), metadata, TrimBox, optional bleed with crop
 * marks; and, from the measuring pass, how full the last page is with articles.
 */
export async function issuePdf(issueDir: string, issue: Issue, options: PdfExportOptions): Promise<IssuePdf> {
  const layout = options.layout ?? issue.layout;
  const doc = await printDocument(issueDir, issue, layout, { colophonMarks: true });
  if (options.skipIf?.()) throw new AppError('export.superseded', {});
  const colophon: { place?: ColophonPlace } = {};
  const printed = await options.printer.print(doc.html, { revise: colophonReviser(layout, (place) => (colophon.place = place)) });
  const line = formatIssueLine(issue.number);
  const pdf = await finishPdf(
    printed,
    {
      title: `${issue.publication.name} ${line}`,
      author: issue.publication.publisher,
      subject: issue.title || `${issue.publication.name} ${line}`,
      keywords: issue.sections.map((s) => s.title).filter(Boolean),
      creationDate: options.creationDate,
    },
    { bleedMm: options.bleedMm, pageSizeMm: { width: layout.page.widthMm, height: layout.page.heightMm } },
  );
  return {
    pdf,
    missingAssets: doc.missingAssets,
    missingFonts: doc.missingFonts,
    lastPageFill: colophon.place ? lastPageFill(colophon.place, layout) : null,
  };
}
