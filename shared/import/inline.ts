import { TextFormat, textNode, type InlineNode } from '../model/body.js';
import type { HtmlNode } from './htmlTree.js';
import { INLINE_FORMAT_TAGS } from './cleanup.js';

/**
 * Inline content of a cleaned tree as body nodes: text runs with format bits and line
 * breaks, whitespace tidied. Images found on the way are reported as pieces of their
 * own, so a paragraph can be split around them.
 */

/** A piece of inline content in reading order. `soft` marks a block boundary met inside inline content. */
export type InlinePiece =
  | { kind: 'text'; text: string; format: number }
  | { kind: 'break'; soft: boolean }
  | { kind: 'image'; src: string };

// Block tags met where only inline content is expected (a <p> inside an <li>, a table in a cell …):
// their text is kept, on a line of its own.
const BLOCK_IN_INLINE: ReadonlySet<string> = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'tr', 'table', 'blockquote', 'ul', 'ol', 'hr',
]);

/** The inline pieces of `nodes` in reading order, with `format` bits inherited from outside. */
export function collectInline(nodes: readonly HtmlNode[], format = 0, out: InlinePiece[] = []): InlinePiece[] {
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push({ kind: 'text', text: node.text, format });
      continue;
    }
    const bit = INLINE_FORMAT_TAGS[node.tag];
    if (bit !== undefined) collectInline(node.children, format | bit, out);
    else if (node.tag === 'br') out.push({ kind: 'break', soft: false });
    else if (node.tag === 'img') out.push({ kind: 'image', src: node.attrs.src ?? '' });
    else if (BLOCK_IN_INLINE.has(node.tag)) {
      out.push({ kind: 'break', soft: true });
      collectInline(node.children, format, out);
      out.push({ kind: 'break', soft: true });
    } else collectInline(node.children, format, out);
  }
  return out;
}

const CJK = '[\\u2E80-\\u2FDF\\u3000-\\u303F\\u3040-\\u30FF\\u3100-\\u312F\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF]';
// A line break in HTML source between two CJK characters is no space at all (CSS Text 3
// segment-break transformation); elsewhere it is one space.
const CJK_SEGMENT_BREAK = new RegExp(`(${CJK})[ \\t]*[\\r\\n][ \\t\\r\\n]*(?=${CJK})`, 'gu');

/**
 * Tidies the whitespace of one text run: no-break spaces and source line breaks become
 * spaces (or nothing between CJK characters), and runs of ASCII spaces collapse to one.
 * Punctuation is never touched.
 */
export function tidySpaces(text: string): string {
  return text
    .replace(/\u00A0/g, ' ')
    .replace(CJK_SEGMENT_BREAK, '$1')
    .replace(/[\t\n\r\f\v]+/g, ' ')
    .replace(/ {2,}/g, ' ');
}

type Token = { kind: 'text'; text: string; format: number } | { kind: 'break'; soft: boolean };

/** Soft breaks stand only between two pieces of content, and never beside another break. */
function resolveSoftBreaks(tokens: Token[]): Token[] {
  const out: Token[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'text' || !t.soft) {
      out.push(t);
      return;
    }
    const prev = out[out.length - 1];
    const next = tokens.slice(i + 1).find((n) => n.kind === 'text' ? n.text.trim() !== '' : true);
    if (prev && prev.kind === 'text' && next && next.kind === 'text') out.push({ kind: 'break', soft: false });
  });
  return out;
}

// Indentation typed with spaces (ASCII or ideographic U+3000) at the start or end of a line is layout, not text.
function trimLineEdges(tokens: Token[], fromEnd: boolean): void {
  const order = tokens.map((_, i) => i);
  if (fromEnd) order.reverse();
  let atEdge = true;
  for (const i of order) {
    const t = tokens[i];
    if (t.kind === 'break') {
      atEdge = true;
    } else if (atEdge) {
      t.text = fromEnd ? t.text.replace(/[ \u3000]+$/, '') : t.text.replace(/^[ \u3000]+/, '');
      if (t.text !== '') atEdge = false;
    }
  }
}

/**
 * Body inline nodes from text and break pieces: whitespace tidied, spaces and U+3000 at line
 * edges trimmed, neighbouring runs with the same format merged, breaks at the start or
 * end dropped. Image pieces are ignored (split them out first).
 */
export function normalizeInline(pieces: readonly InlinePiece[]): InlineNode[] {
  const tokens = resolveSoftBreaks(
    pieces.flatMap((p): Token[] => (p.kind === 'image' ? [] : p.kind === 'text' ? [{ ...p, text: tidySpaces(p.text) }] : [p])),
  );
  // One space where two runs meet with a space on each side.
  let prevText: Token | null = null;
  for (const t of tokens) {
    if (t.kind === 'break') prevText = null;
    else {
      if (prevText?.kind === 'text' && prevText.text.endsWith(' ') && t.text.startsWith(' ')) t.text = t.text.slice(1);
      if (t.text !== '') prevText = t;
    }
  }
  trimLineEdges(tokens, false);
  trimLineEdges(tokens, true);
  const out: InlineNode[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (t.kind === 'break') {
      if (out.length > 0) out.push({ type: 'linebreak', version: 1 });
    } else if (t.text !== '') {
      if (last?.type === 'text' && last.format === t.format) last.text += t.text;
      else out.push(textNode(t.text, t.format));
    }
  }
  while (out.length > 0 && out[out.length - 1].type === 'linebreak') out.pop();
  return out;
}

/** Plain text of inline nodes; a line break becomes `\n`. */
export function inlinePlainText(nodes: readonly InlineNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

/** True when inline nodes hold some text and all of it is bold. */
export function isBoldOnly(nodes: readonly InlineNode[]): boolean {
  const texts = nodes.filter((n) => n.type === 'text' && n.text.trim() !== '');
  return texts.length > 0 && texts.every((n) => n.type === 'text' && (n.format & TextFormat.bold) !== 0);
}

/** True when inline nodes hold no visible text. */
export function isBlankInline(nodes: readonly InlineNode[]): boolean {
  return !nodes.some((n) => n.type === 'text' && n.text.trim() !== '');
}
