import type { BlockNode, Body, InlineNode, ListItemNode } from './body.js';
import type { Article, Issue } from './issue.js';

/** Plain text of inline nodes; a line break becomes `\n`. */
function inlineText(nodes: readonly InlineNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

function listItemLines(item: ListItemNode): string[] {
  const own: InlineNode[] = [];
  const nested: string[] = [];
  for (const child of item.children) {
    if (child.type === 'list') nested.push(...child.children.flatMap(listItemLines));
    else own.push(child);
  }
  return [inlineText(own), ...nested];
}

/** The text lines (paragraphs) a block contributes, in reading order; a figure gives its caption. */
export function blockLines(block: BlockNode): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      return [inlineText(block.children)];
    case 'list':
      return block.children.flatMap(listItemLines);
    case 'table':
      return block.children.map((row) =>
        row.children.map((cell) => cell.children.map((p) => inlineText(p.children)).join(' ')).join('\t'),
      );
    case 'figure':
      return block.caption === '' ? [] : [block.caption];
    case 'horizontalrule':
      return [];
  }
}

/**
 * The body as plain text, paragraphs joined by `\n`. Figure captions are left out
 * (they are listed with the figures); empty paragraphs are dropped.
 */
export function bodyText(body: Body): string {
  return body.root.children
    .filter((b) => b.type !== 'figure')
    .flatMap(blockLines)
    .filter((l) => l.trim() !== '')
    .join('\n');
}

/** The figures of a body in order, with caption and asset id (null while no image). */
export function bodyFigures(body: Body): { caption: string; assetId: string | null }[] {
  return body.root.children.flatMap((b) => (b.type === 'figure' ? [{ caption: b.caption, assetId: b.assetId }] : []));
}

// CJK ideographs, kana, hangul and full-width punctuation each count as one character.
const CJK_CHAR =
  /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u3190-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u2014\u2026\u2018\u2019\u201C\u201D\u00B7]|[\uD840-\uD87F][\uDC00-\uDFFF]/g;
const LATIN_WORD = /[A-Za-z0-9\u00C0-\u024F]+(?:[.'’-][A-Za-z0-9\u00C0-\u024F]+)*/g;

/**
 * The count an editor calls 字数, as Word and WPS count it: each CJK character or
 * full-width punctuation mark is one, each Latin word or number is one; spaces and
 * half-width punctuation are not counted.
 */
export function countChars(text: string): number {
  const cjk = text.match(CJK_CHAR)?.length ?? 0;
  const latin = text.replace(CJK_CHAR, ' ').match(LATIN_WORD)?.length ?? 0;
  return cjk + latin;
}

/** 字数 of an article: its body text (what an editor measures a manuscript by). */
export function articleChars(article: Article): number {
  return countChars(bodyText(article.body));
}

/** 字数 of a whole issue. */
export function issueChars(issue: Issue): number {
  return issue.sections.reduce((sum, s) => sum + s.articles.reduce((a, art) => a + articleChars(art), 0), 0);
}
