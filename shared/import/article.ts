import { bodyOf, type BlockNode } from '../model/body.js';
import { createArticle } from '../model/factory.js';
import type { Article } from '../model/issue.js';
import { blockText, headingTagFor, type MarkedBlock } from './blocks.js';
import { isBoldOnly } from './inline.js';
import { isBylineText, isDateLine, isShortLine, startsWithDash } from './lines.js';

/**
 * Splits the blocks of one contribution into the parts of an article: kicker (引题),
 * headline (主题), deck (副题), byline (作者、通讯员、来源) and body (正文).
 */

/** The parts of an article found in a contribution. */
export interface ArticleParts {
  kicker: string;
  headline: string;
  deck: string;
  byline: string;
  body: BlockNode[];
}

/** Options of the split. */
export interface SplitOptions {
  /** The headline when the document shows none (e.g. the file name without extension). */
  fallbackHeadline?: string;
}

/** Schema limits of the article fields, in characters (see ArticleSchema). */
const LIMITS = { kicker: 200, headline: 300, deck: 300, byline: 300 } as const;
/** A bold-only or unstyled first line longer than this is body text, not a headline. */
const PLAIN_HEADLINE_MAX = 50;
/** How many short lines may stand before the headline (kicker, 内部资料, a date …). */
const LEADING_LINES_MAX = 3;
/** Bylines are looked for in this many blocks at the start and at the end of the body. */
const BYLINE_HEAD = 3;
const BYLINE_TAIL = 2;

function textOf(m: MarkedBlock | undefined): string | null {
  const t = m ? blockText(m.block) : null;
  return t === null ? null : t.trim();
}

function isParagraph(m: MarkedBlock): boolean {
  return m.block.type === 'paragraph';
}

/** An unstyled line that can only be a headline: short, no sentence inside, not ending like a salutation. */
function isPlainHeadline(text: string): boolean {
  return text.length <= PLAIN_HEADLINE_MAX && !text.includes('。') && !/[：:，,、；;]$/.test(text) && !isBylineText(text) && !isDateLine(text);
}

/** Index of the headline block: a Title-styled block, else the first heading or bold line among the opening lines. */
function findHeadline(blocks: readonly MarkedBlock[]): number {
  const fits = (m: MarkedBlock) => {
    const t = textOf(m);
    return t !== null && t !== '' && t.length <= LIMITS.headline;
  };
  const titled = blocks.findIndex((m) => m.role === 'title' && fits(m));
  if (titled >= 0) return titled;
  let seen = 0;
  for (let i = 0; i < blocks.length && seen < LEADING_LINES_MAX; i++) {
    const m = blocks[i];
    const text = textOf(m);
    if (text === null || text === '') continue; // a figure, list or table does not end the opening lines
    if (m.block.type === 'heading' && fits(m)) return i;
    if (m.block.type === 'paragraph' && isBoldOnly(m.block.children) && isPlainHeadline(text)) return i;
    if (!isShortLine(text)) break; // body text has started
    seen++;
  }
  const first = blocks.findIndex((m) => textOf(m) !== null);
  const text = textOf(blocks[first]);
  return first >= 0 && isParagraph(blocks[first]) && text !== null && isPlainHeadline(text) && blocks.length > 1 ? first : -1;
}

function isKicker(m: MarkedBlock | undefined): boolean {
  const t = textOf(m);
  return !!m && isParagraph(m) && t !== null && isShortLine(t) && !isBylineText(t) && !isDateLine(t) && !startsWithDash(t);
}

function isDeck(m: MarkedBlock | undefined): boolean {
  const t = textOf(m);
  if (!m || t === null || t === '' || t.length > LIMITS.deck) return false;
  if (m.role === 'subtitle') return true;
  if (startsWithDash(t)) return t.length <= 100;
  return (
    isParagraph(m) &&
    isShortLine(t) &&
    !/[：:，,、；;]$/.test(t) &&
    !isBylineText(t) &&
    !isDateLine(t) &&
    m.block.type === 'paragraph' &&
    !isBoldOnly(m.block.children)
  );
}

/** Removes byline paragraphs near the start and the end of `rest`; returns them joined. */
function takeBylines(rest: MarkedBlock[]): string {
  const picked: number[] = [];
  rest.forEach((m, i) => {
    const nearEdge = i < BYLINE_HEAD || i >= rest.length - BYLINE_TAIL;
    const t = textOf(m);
    if (nearEdge && isParagraph(m) && t !== null && isBylineText(t.replace(/\n/g, ' '))) picked.push(i);
  });
  const lines: string[] = [];
  let length = 0;
  for (const i of picked) {
    const line = (textOf(rest[i]) ?? '').replace(/\s*\n\s*/g, ' ');
    if (length + line.length + 1 > LIMITS.byline) break;
    lines.push(line);
    length += line.length + 1;
  }
  const taken = new Set(picked.slice(0, lines.length));
  const kept = rest.filter((_, i) => !taken.has(i));
  rest.splice(0, rest.length, ...kept);
  return lines.join(' ');
}

/** Subheadings renumbered so the highest level left in the body becomes h2. */
function normalizeHeadings(blocks: readonly MarkedBlock[]): BlockNode[] {
  const levels = blocks.filter((m) => m.block.type === 'heading').map((m) => m.level || 1);
  const top = levels.length > 0 ? Math.min(...levels) : 1;
  return blocks.map((m) =>
    m.block.type === 'heading' ? { ...m.block, tag: headingTagFor((m.level || 1) - top + 1) } : m.block,
  );
}

/**
 * Finds the parts of an article in its blocks: the headline (a Title-styled block, or
 * the first heading or short bold-only line among the opening lines, or an unstyled
 * short first line), the kicker (a short line right before it), the deck (a
 * Subtitle-styled line, a line starting with ——, or a short line right after it), the
 * byline (lines such as 通讯员 张三 or （供稿：…） in the first or last paragraphs);
 * everything else is the body, with its subheadings renumbered from h2.
 */
export function splitArticle(blocks: readonly MarkedBlock[], options: SplitOptions = {}): ArticleParts {
  const rest = [...blocks];
  let headline = '';
  let kicker = '';
  let deck = '';
  const h = findHeadline(rest);
  if (h >= 0) {
    headline = textOf(rest[h]) ?? '';
    const before = rest[h - 1];
    const after = rest[h + 1];
    const takeDeck = isDeck(after);
    const takeKicker = isKicker(before);
    if (takeDeck) deck = (textOf(after) ?? '').replace(/\s*\n\s*/g, ' ');
    if (takeKicker) kicker = (textOf(before) ?? '').slice(0, LIMITS.kicker);
    rest.splice(takeKicker ? h - 1 : h, 1 + (takeKicker ? 1 : 0) + (takeDeck ? 1 : 0));
  }
  if (headline === '') headline = (options.fallbackHeadline ?? '').trim().slice(0, LIMITS.headline);
  const byline = takeBylines(rest);
  return { kicker, headline, deck, byline, body: normalizeHeadings(rest) };
}

/** A new draft article (see createArticle) filled from the blocks of a contribution (see splitArticle). */
export function articleFromBlocks(blocks: readonly MarkedBlock[], options: SplitOptions = {}): Article {
  const parts = splitArticle(blocks, options);
  return {
    ...createArticle(parts.headline),
    kicker: parts.kicker,
    deck: parts.deck,
    byline: parts.byline,
    body: bodyOf(parts.body),
  };
}
