import type { Body, BlockNode, InlineNode, ListItemNode, ListNode } from './body.js';
import type { Article, Issue } from './issue.js';

/**
 * The places of an issue that hold text — an article's kicker, headline, deck and byline,
 * each text block of its body, each figure caption — visited in print order and edited
 * without touching anything else. Find and replace and the proofreading checks work on
 * these places.
 *
 * Offsets are UTF-16 code units (JavaScript string indexes) into the plain text of one
 * place, where a line break (or a list nested in a list item) counts as `\n`.
 */

/** Where text can stand in an article, in print order. */
export type TextField = 'kicker' | 'headline' | 'deck' | 'byline' | 'caption' | 'body';

/** Replace `[start, end)` of a place's plain text with `replacement`. */
export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
}

const HEADER_FIELDS = ['kicker', 'headline', 'deck', 'byline'] as const;

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

/** `text` with each edit made (edits ascending, not overlapping). */
function editText(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let pos = 0;
  for (const r of edits) {
    out += text.slice(pos, r.start) + r.replacement;
    pos = r.end;
  }
  return out + text.slice(pos);
}

/**
 * Inline children with the edits (offsets into their plain text) made. A replacement
 * takes the format of the run its range starts in; the replaced characters are cut
 * from the runs that follow, and a run left empty by that is dropped.
 */
function editRuns<T extends InlineOrList>(children: T[], edits: readonly TextEdit[]): T[] {
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
    for (const r of edits) {
      if (r.end <= runStart || r.start >= runEnd) continue;
      touched = true;
      text += child.text.slice(pos - runStart, Math.max(r.start, runStart) - runStart);
      if (r.start >= runStart) text += r.replacement;
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

/**
 * Decides what happens at one place of an article: given where it is and its plain text,
 * returns the edits to make there (ascending, not overlapping; none leaves it as it is).
 */
export type PlaceHandler = (articleId: string, field: TextField, path: number[], text: string) => readonly TextEdit[];

/**
 * Hands every place of the issue's articles to `handle`, in print order (section by
 * section, article by article; kicker, headline, deck, byline, then the body block by
 * block with each figure's caption where the figure stands), and makes the edits it
 * returns. The given issue is never changed: the same objects come back where nothing
 * was edited, and the same issue when nothing was, with the number of edits made.
 * Section titles, the masthead and the colophon are not visited.
 */
export function editIssue(issue: Issue, handle: PlaceHandler): { issue: Issue; count: number } {
  let count = 0;
  const visit = (articleId: string, field: TextField, path: number[], text: string): readonly TextEdit[] => {
    const edits = handle(articleId, field, path, text);
    count += edits.length;
    return edits;
  };
  const mapArticle = (article: Article): Article => {
    const patch: Partial<Article> = {};
    for (const field of HEADER_FIELDS) {
      const edits = visit(article.id, field, [], article[field]);
      if (edits.length > 0) patch[field] = editText(article[field], edits);
    }
    const body = mapBody(article.body, {
      inlines(path, children) {
        const edits = visit(article.id, 'body', path, placeText(children));
        return edits.length > 0 ? editRuns(children, edits) : children;
      },
      caption(path, caption) {
        const edits = visit(article.id, 'caption', path, caption);
        return edits.length > 0 ? editText(caption, edits) : caption;
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
