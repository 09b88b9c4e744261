import { BANNER_LABEL_STYLE, DOCX_READBACK_STYLE_MAP, DOCX_STYLE_NAMES, type DocxStyleId } from '../export/docx/styles.js';
import { bodyOf, figureNode, TextFormat, type BlockNode, type FigureNode, type TableNode } from '../model/body.js';
import { createArticle, createSection } from '../model/factory.js';
import { IsoDateSchema, type Article, type IssueNumber, type Section } from '../model/issue.js';
import { htmlTreeToMarkedBlocks, type ImageResolver } from './blocks.js';
import { textContent, type HtmlElement, type HtmlNode } from './htmlTree.js';
import { collectInline, inlinePlainText, normalizeInline } from './inline.js';

/**
 * Reads back a whole issue (期) that Masthead exported as DOCX. mammoth turns the file
 * into HTML with ISSUE_DOCX_STYLE_MAP, so each paragraph says by its class which of
 * Masthead's named styles it had; `issueFromHtmlTree` then walks the top-level elements
 * in order: banners (栏目) open sections, headlines open articles, kicker (引题), deck
 * (副题) and byline fill them, a picture and its caption (图注) make a figure, and the
 * rest is body. The masthead (报头) and colophon (报尾) give publication, issue number
 * and date. The file reading and the images live in
 * electron/services/import/importIssueDocx.ts.
 */

const S = DOCX_STYLE_NAMES;

/**
 * mammoth's style map for a Masthead issue: DOCX_READBACK_STYLE_MAP, preceded by the
 * rules that tell apart what it reads alike (the masthead lines, the picture paragraphs
 * of 图片, photo-news text in 图片新闻正文, each banner label of a banner row) — mammoth
 * takes the first rule that matches — and followed by underline.
 */
export const ISSUE_DOCX_STYLE_MAP: readonly string[] = [
  `p[style-name='${S.MastheadNote}'] => p.masthead.masthead-note:fresh`,
  `p[style-name='${S.MastheadTitle}'] => p.masthead.masthead-title:fresh`,
  `p[style-name='${S.MastheadSubtitle}'] => p.masthead.masthead-subtitle:fresh`,
  `p[style-name='${S.IssueLine}'] => p.masthead.issue-line:fresh`,
  `p[style-name='${S.MastheadMeta}'] => p.masthead.masthead-meta:fresh`,
  `p[style-name='${S.PhotoText}'] => p.photo-text:fresh`,
  `p[style-name='${S.Figure}'] => p.figure:fresh`,
  `r[style-name='${BANNER_LABEL_STYLE.name}'] => span.banner-label`,
  ...DOCX_READBACK_STYLE_MAP,
  'u => u',
];

/**
 * Paragraph style ids (`w:styleId` in word/styles.xml) that only a Masthead issue
 * defines together: the masthead title, the issue line, the banner and the headline.
 */
export const MASTHEAD_ISSUE_STYLE_IDS = ['MastheadTitle', 'IssueLine', 'Banner', 'Headline'] as const satisfies readonly DocxStyleId[];

/** True when a styles part (the XML text of word/styles.xml) defines every style of MASTHEAD_ISSUE_STYLE_IDS. */
export function definesMastheadStyles(stylesXml: string): boolean {
  const ids = new Set<string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?style\b[^>]*?\s(?:\w+:)?styleId="([^"]*)"/g)) ids.add(m[1]);
  return MASTHEAD_ISSUE_STYLE_IDS.every((id) => ids.has(id));
}

/** The issue number of an issue line such as 2024年第3期（总第186期） or 2024年第3期; null when there is none. */
export function parseIssueLine(text: string): IssueNumber | null {
  const m = /(\d{4})\s*年\s*第\s*(\d{1,3})\s*期(?:\s*[（(]\s*总\s*第\s*(\d{1,5})\s*期\s*[）)])?/.exec(text);
  if (!m) return null;
  const [year, no] = [Number(m[1]), Number(m[2])];
  const serial = m[3] === undefined ? null : Number(m[3]);
  if (year < 1900 || year > 2999 || no < 1 || (serial !== null && serial < 1)) return null;
  return { year, no, serial };
}

/** The date (YYYY-MM-DD) of a Chinese date such as 2024年3月20日, or null when there is none or it does not exist. */
export function parseChineseDate(text: string): string | null {
  const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  const iso = `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return IsoDateSchema.safeParse(iso).success ? iso : null;
}

/** What a Masthead issue DOCX gives back: its sections and, where the masthead or colophon shows them, publication, number and date. */
export interface IssueDocxContent {
  sections: Section[];
  publication?: { name: string; publisher: string };
  number?: IssueNumber;
  /** YYYY-MM-DD */
  date?: string;
}

type HeadPart = 'kicker' | 'headline' | 'deck' | 'byline';
/** The order the export writes an article's head in. */
const HEAD_ORDER: Readonly<Record<HeadPart, number>> = { kicker: 0, headline: 1, deck: 2, byline: 3 };
/** Schema limits, in characters (ArticleSchema, SectionSchema). */
const LIMITS = { kicker: 200, headline: 300, deck: 300, byline: 300, section: 100 } as const;

type MastheadRole = 'note' | 'title' | 'subtitle' | 'issueLine' | 'meta';
const MASTHEAD_ROLES: ReadonlyArray<[string, MastheadRole]> = [
  ['masthead-note', 'note'],
  ['masthead-title', 'title'],
  ['masthead-subtitle', 'subtitle'],
  ['issue-line', 'issueLine'],
  ['masthead-meta', 'meta'],
];

/** One top-level paragraph (or list, table …) of the document, read for what it is. */
type Item =
  | { kind: 'banner'; titles: string[] }
  | { kind: 'head'; part: HeadPart; text: string }
  | { kind: 'photoHeadline'; text: string }
  | { kind: 'figure'; figure: FigureNode }
  | { kind: 'photoText' | 'body'; blocks: BlockNode[] }
  | { kind: 'masthead'; role: MastheadRole; text: string }
  | { kind: 'colophon'; text: string };

function classesOf(el: HtmlElement): Set<string> {
  return new Set((el.attrs.class ?? '').split(/\s+/).filter(Boolean));
}

/** The text of a paragraph as the model keeps it: whitespace tidied, a line break as `\n`, trimmed. */
function plainText(el: HtmlElement): string {
  return inlinePlainText(normalizeInline(collectInline(el.children))).trim();
}

/**
 * The section titles of a banner row. The export writes each title as a label run
 * (◆ and the title between ideographic spaces) and separates labels with an unlabelled
 * space; without label spans, runs of two or more ideographic spaces separate them.
 */
export function bannerTitles(el: HtmlElement): string[] {
  const clean = (t: string) => t.replace(/◆/g, '').trim();
  const isLabel = (n: HtmlNode) => n.type === 'element' && classesOf(n).has('banner-label');
  if (!el.children.some(isLabel)) return textContent(el.children).split(/\u3000{2,}|◆/).map(clean).filter(Boolean);
  const titles: string[] = [];
  let current = '';
  for (const child of [...el.children, null]) {
    if (child && isLabel(child)) {
      current += textContent([child]);
      continue;
    }
    if (clean(current)) titles.push(clean(current));
    current = '';
  }
  return titles;
}

/** Table header cells: the export sets their runs bold, so bold that covers a whole header cell is the export's, not the text's. */
function unboldHeaderCells(table: TableNode): TableNode {
  const children = table.children.map((row) => ({
    ...row,
    children: row.children.map((cell) => {
      if (cell.headerState === 0) return cell;
      const texts = cell.children.flatMap((p) => p.children).filter((n) => n.type === 'text' && n.text.trim() !== '');
      if (!texts.every((n) => n.type === 'text' && (n.format & TextFormat.bold) !== 0)) return cell;
      const paragraphs = cell.children.map((p) => ({
        ...p,
        children: p.children.map((n) => (n.type === 'text' ? { ...n, format: n.format & ~TextFormat.bold } : n)),
      }));
      return { ...cell, children: paragraphs };
    }),
  }));
  return { ...table, children };
}

/** Body blocks of one element through the contribution import's clean-up; subheadings keep the level the export gave them. */
function bodyBlocks(nodes: readonly HtmlNode[], resolveImage: ImageResolver): BlockNode[] {
  return htmlTreeToMarkedBlocks(nodes, resolveImage).map(({ block, level }) => {
    if (block.type === 'heading') return { ...block, tag: level >= 4 ? 'h4' : level === 3 ? 'h3' : 'h2' };
    return block.type === 'table' ? unboldHeaderCells(block) : block;
  });
}

/** The figures of a picture paragraph: one per image, or one waiting for its photo when the paragraph is an empty frame. */
function pictureFigures(el: HtmlElement, resolveImage: ImageResolver): FigureNode[] {
  const figures = bodyBlocks([el], resolveImage).filter((b): b is FigureNode => b.type === 'figure');
  return figures.length > 0 ? figures : [figureNode('')];
}

/** What a styled paragraph is, or null for anything that is body content. */
function styledItem(el: HtmlElement, classes: Set<string>): Item | null {
  const text = () => plainText(el);
  if (classes.has('masthead')) {
    const role = MASTHEAD_ROLES.find(([cls]) => classes.has(cls))?.[1] ?? 'note';
    return { kind: 'masthead', role, text: textContent(el.children).trim() };
  }
  if (classes.has('colophon')) return { kind: 'colophon', text: textContent(el.children).trim() };
  if (classes.has('banner')) return { kind: 'banner', titles: bannerTitles(el) };
  if (classes.has('headline')) return el.tag === 'h2' ? { kind: 'photoHeadline', text: text() } : { kind: 'head', part: 'headline', text: text() };
  for (const part of ['kicker', 'deck', 'byline'] as const) if (classes.has(part)) return { kind: 'head', part, text: text() };
  return null;
}

/** Reads the top-level elements into items; a caption joins the picture right before it, or stands as a figure without a photo. */
function readItems(tree: readonly HtmlNode[], resolveImage: ImageResolver): Item[] {
  const items: Item[] = [];
  let afterPicture = false;
  for (const node of tree) {
    const el = node.type === 'element' ? node : null;
    const classes = el ? classesOf(el) : new Set<string>();
    const picture = afterPicture;
    afterPicture = el !== null && classes.has('figure');
    if (el && afterPicture) {
      items.push(...pictureFigures(el, resolveImage).map((figure): Item => ({ kind: 'figure', figure })));
    } else if (el && classes.has('caption')) {
      const caption = plainText(el);
      const last = items.at(-1);
      if (picture && last?.kind === 'figure') last.figure = { ...last.figure, caption };
      else items.push({ kind: 'figure', figure: figureNode(caption) });
    } else {
      const item = el ? styledItem(el, classes) : null;
      const kind = el && classes.has('photo-text') ? 'photoText' : 'body';
      const blocks = item ? [] : bodyBlocks([node], resolveImage);
      if (item && !(item.kind === 'banner' && item.titles.length === 0)) items.push(item);
      else if (blocks.length > 0) items.push({ kind, blocks });
    }
  }
  return items;
}

const clip = (text: string, max: number) => text.slice(0, max);

/** Builds sections and articles from the items in document order. */
class SectionsBuilder {
  private readonly sections: Section[] = [];
  private section: Section | null = null;
  private article: Article | null = null;
  private blocks: BlockNode[] = [];
  /** The last head part filled while the article has no body yet; -1 for none. */
  private stage = -1;

  /** A banner row: one section per title, in order; the articles that follow go to the last one. */
  banner(titles: readonly string[]): void {
    this.finishArticle();
    for (const title of titles) {
      this.section = createSection(clip(title, LIMITS.section));
      this.sections.push(this.section);
    }
  }

  /** A head part joins the story being opened when it comes after the parts already there; otherwise it opens the next story. */
  head(part: HeadPart, text: string): void {
    const open = this.article;
    const joins = open !== null && open.kind === 'story' && this.blocks.length === 0 && this.stage < HEAD_ORDER[part];
    const article = joins ? open : this.start('story');
    article[part] = clip(text, LIMITS[part]);
    this.stage = HEAD_ORDER[part];
  }

  /** A photo-news headline follows its photos: it names the photo item they opened, else opens one. */
  photoHeadline(text: string): void {
    const open = this.article;
    const joins = open !== null && open.kind === 'photo' && open.headline === '' && this.blocks.every((b) => b.type === 'figure');
    (joins ? open : this.start('photo')).headline = clip(text, LIMITS.headline);
  }

  /** The photos that open a photo-news item. */
  photos(figures: readonly FigureNode[]): void {
    this.start('photo');
    this.blocks.push(...figures);
  }

  /** Photo-news text: the open photo item's, else a new item's. */
  photoText(blocks: readonly BlockNode[]): void {
    if (this.article?.kind !== 'photo') this.start('photo');
    this.blocks.push(...blocks);
  }

  /** Body blocks of the open article (a story without a head when none is open). */
  body(blocks: readonly BlockNode[]): void {
    if (!this.article) this.start('story');
    this.blocks.push(...blocks);
  }

  finish(): Section[] {
    this.finishArticle();
    return this.sections;
  }

  private start(kind: Article['kind']): Article {
    this.finishArticle();
    if (!this.section) {
      this.section = createSection('');
      this.sections.push(this.section);
    }
    this.article = { ...createArticle(''), kind };
    this.stage = -1;
    return this.article;
  }

  private finishArticle(): void {
    const article = this.article;
    if (article && this.section) {
      let blocks = this.blocks;
      // The export stands an empty frame in for the photos of a photo item that has none: not a figure of its own.
      const figures = blocks.filter((b) => b.type === 'figure');
      if (article.kind === 'photo' && figures.length === 1 && figures[0].assetId === null && figures[0].caption === '') {
        blocks = blocks.filter((b) => b !== figures[0]);
      }
      this.section.articles.push({ ...article, body: bodyOf(blocks) });
    }
    this.article = null;
    this.blocks = [];
    this.stage = -1;
  }
}

function buildSections(items: readonly Item[]): Section[] {
  const builder = new SectionsBuilder();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'figure') {
      // A run of pictures opens a photo-news item when its headline or text comes next; else it is body.
      const figures: FigureNode[] = [];
      let j = i;
      for (let next = items[j]; next?.kind === 'figure'; next = items[++j]) figures.push(next.figure);
      const after = items[j]?.kind;
      if (after === 'photoHeadline' || after === 'photoText') builder.photos(figures);
      else builder.body(figures);
      i = j - 1;
    } else if (item.kind === 'banner') builder.banner(item.titles);
    else if (item.kind === 'head') builder.head(item.part, item.text);
    else if (item.kind === 'photoHeadline') builder.photoHeadline(item.text);
    else if (item.kind === 'photoText') builder.photoText(item.blocks);
    else if (item.kind === 'body') builder.body(item.blocks);
  }
  return builder.finish();
}

/** Publisher and date of a `publisher<TAB>2024年3月20日` line (the masthead's last line; the colophon's ends with 印发). */
function publisherAndDate(text: string): { publisher: string; date: string | null } {
  const tab = text.lastIndexOf('\t');
  const date = parseChineseDate(tab >= 0 ? text.slice(tab + 1) : text);
  return { publisher: tab >= 0 ? text.slice(0, tab).trim() : '', date };
}

/** Publication name and publisher, issue number and date from the masthead, the colophon's 印发 line standing in. */
function readMasthead(items: readonly Item[]): Omit<IssueDocxContent, 'sections'> {
  const line = (role: MastheadRole) => items.find((i): i is Item & { kind: 'masthead' } => i.kind === 'masthead' && i.role === role)?.text ?? '';
  const name = line('title').replace(/\s+/g, ' ').trim();
  const number = parseIssueLine(line('issueLine'));
  const meta = publisherAndDate(line('meta'));
  const printed = items.find((i): i is Item & { kind: 'colophon' } => i.kind === 'colophon' && /印发\s*$/.test(i.text));
  const colophon = printed ? publisherAndDate(printed.text) : { publisher: '', date: null };
  const publisher = meta.publisher || colophon.publisher;
  const date = meta.date ?? colophon.date;
  return {
    ...(name ? { publication: { name: clip(name, 100), publisher: clip(publisher, 200) } } : {}),
    ...(number ? { number } : {}),
    ...(date ? { date } : {}),
  };
}

/**
 * The sections, articles and masthead fields of a Masthead issue, from the HTML tree
 * mammoth made of it with ISSUE_DOCX_STYLE_MAP (and empty paragraphs kept, so that a
 * frame waiting for a photo is seen). `resolveImage` gives the asset id and pixel size
 * of an image `src`. Articles come in document order: in each section the stories, then the photo
 * news, as the export writes them. New ids are given to every section and article.
 */
export function issueFromHtmlTree(tree: readonly HtmlNode[], resolveImage: ImageResolver): IssueDocxContent {
  const items = readItems(tree, resolveImage);
  return { sections: buildSections(items), ...readMasthead(items) };
}
