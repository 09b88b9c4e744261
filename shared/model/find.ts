import type { Body, BlockNode, InlineNode, ListItemNode, ListNode } from './body.js';
import type { Article, Issue } from './issue.js';

/**
 * Find and replace (查找和替换) across an issue's articles: the kicker, headline, deck and
 * byline of each article, its body text and its figure captions, in print order.
 *
 * Offsets are UTF-16 code units (JavaScript string indexes) into the plain text of one
 * place: a header field, a caption, or one text block of the body, where a line break
 * counts as `\n`. A query is one line, so a match never crosses a line break or a block.
 *
 * Whole word (全字匹配): a match is a whole word unless a letter or digit of a
 * space-separated script (Latin, Greek, Cyrillic, Hangul …) runs on from its first
 * character backwards or from its last character forwards: `art` is a whole word in
 * `art, 艺术` and in `AI赋能`, not in `artist` or `4art`. Chinese and Japanese are
 * written without spaces, so every CJK character is a word boundary: searching 工会
 * whole-word finds it in 市总工会 too (a dictionary would be needed to do better, and
 * an editor replacing 工会 means every 工会). A query that starts or ends with a space
 * or a punctuation mark is bounded there by that character.
 */

/** Where a match can stand in an article, in print order. */
export type FindField = 'kicker' | 'headline' | 'deck' | 'byline' | 'caption' | 'body';

/** What to look for. */
export interface FindQuery {
  /** The text to find, taken literally (no patterns); '' or a text with a line break finds nothing. */
  text: string;
  /** Match whole words only (see the module comment for what a word is in CJK text). */
  wholeWord: boolean;
  /** Tell upper from lower case (Latin, Greek, Cyrillic …); false by default. */
  matchCase?: boolean;
}

/** One occurrence of the query. */
export interface Match {
  articleId: string;
  field: FindField;
  /**
   * For `body` and `caption`: the child indexes from the body's root down to the block
   * holding the text (`[2]` the third block; `[1, 0]` the first item of a list that is
   * the second block; `[3, 0, 1, 0]` table 3, row 0, cell 1, paragraph 0). `[]` for the
   * header fields.
   */
  path: number[];
  /** Start of the match in the place's plain text (UTF-16 code units, inclusive). */
  start: number;
  /** End of the match (exclusive). */
  end: number;
  /** The text matched, as it stands in the issue (its case may differ from the query). */
  text: string;
}

const HEADER_FIELDS = ['kicker', 'headline', 'deck', 'byline'] as const;

// Letters and digits of scripts that separate words with spaces; CJK (Han, kana, and
// the iteration and prolonged sound marks) is excluded, so each CJK character stands alone.
const SPACED_WORD_CHAR = /^[\p{L}\p{N}\p{M}_]$/u;
const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u30FC]$/u;

function isSpacedWordChar(ch: string | undefined): boolean {
  return ch !== undefined && SPACED_WORD_CHAR.test(ch) && !CJK_CHAR.test(ch);
}

/** The code point that ends just before `index` (a surrogate pair kept whole). */
function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text[index - 1];
}

/** The code point that starts at `index`. */
function charAt(text: string, index: number): string | undefined {
  const cp = text.codePointAt(index);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

function isWholeWord(text: string, start: number, end: number): boolean {
  const first = charAt(text, start);
  const last = charBefore(text, end);
  if (isSpacedWordChar(first) && isSpacedWordChar(charBefore(text, start))) return false;
  if (isSpacedWordChar(last) && isSpacedWordChar(charAt(text, end))) return false;
  return true;
}

type Ranges = { start: number; end: number }[];

/** Finds the query's non-overlapping occurrences in one text, left to right; null when the query finds nothing anywhere. */
function compileQuery(query: FindQuery): ((text: string) => Ranges) | null {
  if (query.text === '' || /[\n\r]/.test(query.text)) return null;
  const source = query.text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  const flags = query.matchCase ? 'gu' : 'giu';
  return (text) => {
    const re = new RegExp(source, flags);
    const found: Ranges = [];
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!query.wholeWord || isWholeWord(text, start, end)) {
        found.push({ start, end });
      } else {
        // A rejected candidate may hide a whole word that starts inside it ("aa a").
        re.lastIndex = start + 1;
      }
    }
    return found;
  };
}

/* ----- Walking the body: every place that holds text, rebuilt only where it changed ----- */

type InlineOrList = InlineNode | ListNode;

/** Decides what happens to one place's text: given its plain text, returns new inline children or the same array. */
interface PlaceVisitor {
  inlines<T extends InlineOrList>(path: number[], children: T[]): T[];
  caption(path: number[], caption: string): string;
}

/** Maps `items` with `f`, returning the same array when no item changed. */
function mapSame<T>(items: T[], f: (item: T, index: number) => T): T[] {
  let changed = false;
  const next = items.map((item, i) => {
    const mapped = f(item, i);
    if (mapped !== item) changed = true;
    return mapped;
  });
  return changed ? next : items;
}

/** Plain text of inline children; a line break, or a list nested in a list item, is `\n`. */
function placeText(children: readonly InlineOrList[]): string {
  return children.map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

function mapList(list: ListNode, path: number[], v: PlaceVisitor): ListNode {
  const items = mapSame(list.children, (item, i) => mapListItem(item, [...path, i], v));
  return items === list.children ? list : { ...list, children: items };
}

function mapListItem(item: ListItemNode, path: number[], v: PlaceVisitor): ListItemNode {
  // The item's own text first, then its nested lists: the order they print in.
  const own = v.inlines(path, item.children);
  const children = mapSame(own, (child, k) => (child.type === 'list' ? mapList(child, [...path, k], v) : child));
  return children === item.children ? item : { ...item, children };
}

function mapBlock(block: BlockNode, path: number[], v: PlaceVisitor): BlockNode {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote': {
      const children = v.inlines(path, block.children);
      return children === block.children ? block : { ...block, children };
    }
    case 'list':
      return mapList(block, path, v);
    case 'table': {
      const rows = mapSame(block.children, (row, r) => {
        const cells = mapSame(row.children, (cell, c) => {
          const paragraphs = mapSame(cell.children, (p, k) => {
            const children = v.inlines([...path, r, c, k], p.children);
            return children === p.children ? p : { ...p, children };
          });
          return paragraphs === cell.children ? cell : { ...cell, children: paragraphs };
        });
        return cells === row.children ? row : { ...row, children: cells };
      });
      return rows === block.children ? block : { ...block, children: rows };
    }
    case 'figure': {
      // Only the caption is text; the asset id is never looked at.
      const caption = v.caption(path, block.caption);
      return caption === block.caption ? block : { ...block, caption };
    }
    case 'horizontalrule':
      return block;
  }
}

function mapBody(body: Body, v: PlaceVisitor): Body {
  const blocks = mapSame(body.root.children, (b, i) => mapBlock(b, [i], v));
  return blocks === body.root.children ? body : { ...body, root: { ...body.root, children: blocks } };
}

/* ----- Editing text ----- */

/** `text` with each range replaced by `replacement` (ranges ascending, not overlapping). */
function replaceRanges(text: string, ranges: Ranges, replacement: string): string {
  let out = '';
  let pos = 0;
  for (const r of ranges) {
    out += text.slice(pos, r.start) + replacement;
    pos = r.end;
  }
  return out + text.slice(pos);
}

/**
 * Inline children with the ranges (offsets into their plain text) replaced. The
 * replacement takes the format of the run the match starts in; the matched characters
 * are cut from the runs that follow, and a run left empty by that is dropped.
 */
function replaceInRuns<T extends InlineOrList>(children: T[], ranges: Ranges, replacement: string): T[] {
  const next: T[] = [];
  let offset = 0;
  for (const child of children) {
    if (child.type !== 'text') {
      next.push(child);
      offset += 1; // a line break or nested list, `\n` in the plain text
      continue;
    }
    const runStart = offset;
    const runEnd = runStart + child.text.length;
    offset = runEnd;
    let text = '';
    let pos = runStart;
    let touched = false;
    for (const r of ranges) {
      if (r.end <= runStart || r.start >= runEnd) continue;
      touched = true;
      text += child.text.slice(pos - runStart, Math.max(r.start, runStart) - runStart);
      if (r.start >= runStart) text += replacement;
      pos = Math.min(r.end, runEnd);
    }
    if (!touched) {
      next.push(child);
      continue;
    }
    text += child.text.slice(pos - runStart);
    if (text !== '') next.push({ ...child, text });
  }
  return next;
}

/* ----- The issue ----- */

/** What a walk over the issue does at each place: the ranges it keeps (for find) or replaces. */
type PlaceHandler = (articleId: string, field: FindField, path: number[], text: string) => Ranges;

/** Rebuilds the issue, handing every place to `handle`; returns the same objects where nothing was replaced. */
function walkIssue(issue: Issue, handle: PlaceHandler, replacement: string | null): { issue: Issue; count: number } {
  let count = 0;
  const apply = (ranges: Ranges): boolean => {
    count += ranges.length;
    return replacement !== null && ranges.length > 0;
  };
  const mapArticle = (article: Article): Article => {
    const patch: Partial<Article> = {};
    for (const field of HEADER_FIELDS) {
      const ranges = handle(article.id, field, [], article[field]);
      if (apply(ranges)) patch[field] = replaceRanges(article[field], ranges, replacement ?? '');
    }
    const body = mapBody(article.body, {
      inlines(path, children) {
        const ranges = handle(article.id, 'body', path, placeText(children));
        return apply(ranges) ? replaceInRuns(children, ranges, replacement ?? '') : children;
      },
      caption(path, caption) {
        const ranges = handle(article.id, 'caption', path, caption);
        return apply(ranges) ? replaceRanges(caption, ranges, replacement ?? '') : caption;
      },
    });
    if (body !== article.body) patch.body = body;
    return Object.keys(patch).length === 0 ? article : { ...article, ...patch };
  };
  const sections = mapSame(issue.sections, (section) => {
    const articles = mapSame(section.articles, mapArticle);
    return articles === section.articles ? section : { ...section, articles };
  });
  return { issue: sections === issue.sections ? issue : { ...issue, sections }, count };
}

/**
 * Every occurrence of the query in the issue's articles, in print order: section by
 * section, article by article; in each article the kicker, headline, deck, byline,
 * then the body block by block with each figure's caption where the figure stands.
 * Section titles, the masthead and the colophon are not searched.
 */
export function findInIssue(issue: Issue, query: FindQuery): Match[] {
  const find = compileQuery(query);
  if (!find) return [];
  const matches: Match[] = [];
  walkIssue(
    issue,
    (articleId, field, path, text) => {
      for (const r of find(text)) matches.push({ articleId, field, path, ...r, text: text.slice(r.start, r.end) });
      return [];
    },
    null,
  );
  return matches;
}

function samePlace(m: Match, articleId: string, field: FindField, path: readonly number[]): boolean {
  return m.articleId === articleId && m.field === field && m.path.length === path.length && m.path.every((p, i) => p === path[i]);
}

/**
 * Replaces every occurrence of the query (`'all'`) or one match found earlier by
 * `findInIssue`, and returns a new issue with the number of replacements; the given
 * issue is never changed. A match that no longer stands where it was found (the text
 * changed since) is not replaced. With nothing replaced, the same issue object comes
 * back (count 0), so the caller can tell there is nothing to undo. In the body the
 * replacement takes the format (bold …) of the run where the match starts; figures
 * keep their images, only captions change.
 */
export function replaceInIssue(
  issue: Issue,
  query: FindQuery,
  replacement: string,
  which: 'all' | Match,
): { issue: Issue; count: number } {
  const find = compileQuery(query);
  if (!find) return { issue, count: 0 };
  return walkIssue(
    issue,
    (articleId, field, path, text) => {
      const ranges = find(text);
      if (which === 'all') return ranges;
      if (!samePlace(which, articleId, field, path)) return [];
      return ranges.filter((r) => r.start === which.start && r.end === which.end);
    },
    replacement,
  );
}
