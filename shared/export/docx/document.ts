import { Document, Packer, Paragraph, type FileChild } from 'docx';
import { figureNode } from '../../model/body.js';
import type { Article, Issue, Section } from '../../model/issue.js';
import { formatIssueLine } from '../../model/issueLine.js';
import type { AssetResolver } from '../assets.js';
import { bodyContent, type BodyContext, type Placed } from './body.js';
import { embeddableImage, figureParagraphs } from './figure.js';
import { docxFontName, fontTableXml } from './fonts.js';
import { textRuns } from './inline.js';
import { colophonParagraphs } from './colophon.js';
import { bannerParagraph, mastheadParagraphs } from './masthead.js';
import { ListNumbering } from './numbering.js';
import { sectionOf } from './page.js';
import { docxStyles } from './styles.js';
import { pageGeometry, twipsOfMm } from './units.js';

/**
 * The issue as a Word document. Page 1 opens with the masthead across the page; with
 * more than one column, each article's head (kicker, headline, deck, byline), the banners
 * and page-wide figures stand across the page and its body runs in columns, joined by
 * continuous section breaks (what an editor does by hand in Word); photo news stands in
 * two columns at most, as in the PDF's grid. The colophon closes it (colophon.ts).
 */

const across = (children: readonly FileChild[]): Placed[] => children.map((child) => ({ child, columns: 1 }));

/** Kicker, headline, deck and byline, centred; `opening` when the head follows a banner directly. */
function articleHead(a: Article, opening: boolean): Paragraph[] {
  const parts: Array<[string, string]> = [
    ['Kicker', a.kicker],
    ['Headline', a.headline],
    ['Deck', a.deck],
    ['Byline', a.byline],
  ];
  const present = parts.filter(([, text]) => text.trim() !== '');
  return present.map(([style, text], i) => {
    const before = i === 0 && opening ? twipsOfMm(1.5) : style === 'Headline' && i > 0 ? 0 : undefined;
    const after = i === present.length - 1 ? twipsOfMm(3.5) : undefined;
    const spacing = before !== undefined || after !== undefined ? { before, after } : undefined;
    return new Paragraph({ style, spacing, children: textRuns(style === 'Headline' ? text.split('\n').map((l) => l.trim()).join('\n') : text.trim()) });
  });
}

function storyContent(a: Article, ctx: BodyContext, opening: boolean): Placed[] {
  return [...across(articleHead(a, opening)), ...bodyContent(a.body.root.children, ctx, ctx.layout.columns)];
}

/** A photo-news item: its photos (a marked frame while none is placed), headline, and text in 图片新闻正文. */
function photoContent(a: Article, ctx: BodyContext, columns: number): Placed[] {
  const blocks = a.body.root.children;
  const figures = blocks.filter((b) => b.type === 'figure');
  const photos = (figures.length ? figures : [figureNode('')]).flatMap((f) => figureParagraphs(f, ctx.assets, ctx.geometry, columns));
  const headline = a.headline.trim() ? [new Paragraph({ style: 'PhotoHeadline', children: textRuns(a.headline.trim()) })] : [];
  const text = bodyContent(
    blocks.filter((b) => b.type !== 'figure'),
    ctx,
    columns,
    'PhotoText',
  );
  return [...[...photos, ...headline].map((child) => ({ child, columns })), ...text];
}

/** Sections in print order; a section with no articles shares its banner row with the next one. */
function sectionsContent(sections: readonly Section[], ctx: BodyContext): Placed[] {
  const out: Placed[] = [];
  let pending: string[] = [];
  for (const section of sections) {
    if (section.title.trim()) pending.push(section.title);
    if (section.articles.length === 0) continue;
    const opening = pending.length > 0;
    if (opening) out.push(...across([bannerParagraph(pending, docxFontName(ctx.layout.fonts.banner.family))]));
    pending = [];
    const stories = section.articles.filter((a) => a.kind !== 'photo');
    const photos = section.articles.filter((a) => a.kind === 'photo');
    stories.forEach((a, i) => out.push(...storyContent(a, ctx, opening && i === 0)));
    const photoColumns = Math.max(1, Math.min(2, ctx.layout.columns));
    photos.forEach((a) => out.push(...photoContent(a, ctx, photoColumns)));
  }
  if (pending.length) out.push(...across([bannerParagraph(pending, docxFontName(ctx.layout.fonts.banner.family))]));
  return out;
}

/** Consecutive content of the same column count, as one Word section each. */
function groupByColumns(placed: readonly Placed[]): Array<{ columns: number; children: FileChild[] }> {
  const groups: Array<{ columns: number; children: FileChild[] }> = [];
  for (const { child, columns } of placed) {
    const last = groups.at(-1);
    if (last && last.columns === columns) last.children.push(child);
    else groups.push({ columns, children: [child] });
  }
  return groups;
}

/** Title, author, subject, keywords and description of the file (File → Properties in Word). */
function documentProperties(issue: Issue) {
  const line = formatIssueLine(issue.number);
  const headlines = issue.sections.flatMap((s) => s.articles.map((a) => a.headline.replace(/\s+/g, ' ').trim())).filter(Boolean);
  return {
    title: `${issue.publication.name} ${line}`,
    creator: issue.publication.publisher || issue.publication.name,
    lastModifiedBy: issue.publication.publisher || issue.publication.name,
    subject: issue.title || `${issue.publication.name}${issue.publication.subtitle ? ` ${issue.publication.subtitle}` : ''}`,
    keywords: [...new Set(issue.sections.map((s) => s.title.trim()).filter(Boolean))].join('，'),
    description: headlines.join('；').slice(0, 1000),
  };
}

/**
 * The issue as a `docx` Document: masthead on page 1, banners, articles, photo news and
 * colophon in named styles (see styles.ts), page size, margins, columns, running header
 * and page numbers from the layout, images from `assets`. Pure. Pack it with
 * `packDocx`, which also writes the font table with the fonts' stand-ins.
 * Created and modified dates are the time of packing.
 */
export function toDocx(issue: Issue, assets: AssetResolver): Document {
  const layout = issue.layout;
  const geometry = pageGeometry(layout);
  const numbering = new ListNumbering(layout.fonts.body.sizePt);
  const ctx: BodyContext = { layout, assets, geometry, numbering };
  const placed = [
    ...across(mastheadParagraphs(issue, assets, geometry)),
    ...sectionsContent(issue.sections, ctx),
    // GB/T 9704-2012 §7.4.1: at the foot of the last page, where LibreOffice can lay it out (colophon.ts)
    ...across(colophonParagraphs(issue, geometry, layout.columns === 1 ? 'foot' : 'flow')),
  ];
  const headerText = layout.header.text || `${issue.publication.name}\u3000${formatIssueLine(issue.number)}`;
  const sections = groupByColumns(placed).map((g, i) => sectionOf(layout, g.columns, g.children, i === 0 ? { headerText } : null));
  return new Document({
    ...documentProperties(issue),
    styles: docxStyles(layout),
    numbering: numbering.options(),
    sections,
  });
}

/** A part of the package written instead of the one `docx` makes (path inside the zip, XML text). */
export interface DocxPartOverride {
  path: string;
  data: string;
}

/** The parts `packDocx` replaces: the font table naming each font's stand-in (see fonts.ts). */
export function docxOverrides(issue: Issue): DocxPartOverride[] {
  return [{ path: 'word/fontTable.xml', data: fontTableXml(issue.layout) }];
}

/** The issue as .docx bytes: `toDocx` packed with `docxOverrides`. */
export function packDocx(issue: Issue, assets: AssetResolver): Promise<Uint8Array> {
  return Packer.pack(toDocx(issue, assets), 'uint8array', false, docxOverrides(issue));
}

/** The figure images of an issue that the DOCX cannot hold (missing file, unknown size, or WebP), in order, once each. */
export function imagesLeftOut(issue: Issue, assets: AssetResolver): string[] {
  const ids = [
    ...(issue.masthead.titleAssetId ? [issue.masthead.titleAssetId] : []),
    ...issue.sections.flatMap((s) =>
      s.articles.flatMap((a) => a.body.root.children.flatMap((b) => (b.type === 'figure' && b.assetId ? [b.assetId] : []))),
    ),
  ];
  return [...new Set(ids)].filter((id) => embeddableImage(id, assets) === null);
}
