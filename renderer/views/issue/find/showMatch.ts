import type { Match } from '../../../../shared/model/find.js';

/*
 * Shows the current match in the open article: body text is painted with the CSS
 * Custom Highlight API (no change to Lexical's DOM, so the editor never sees an edit);
 * a header field or a caption, which are form fields, gets a `data-find-hit` outline.
 * Both are looked up from the model's path, then checked against the match's text, so
 * a DOM that does not (yet) hold the match shows nothing rather than the wrong words.
 */

const HIGHLIGHT = 'masthead-find';
const HIT = 'data-find-hit';
/** How many frames to wait for the article's editor to show the body. */
const MAX_FRAMES = 20;

function clear(): void {
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(HIGHLIGHT);
  for (const el of document.querySelectorAll(`[${HIT}]`)) el.removeAttribute(HIT);
}

/** The element of the body block at `path`: Lexical renders one element per node, rows straight in the table. */
function blockElement(content: Element, path: readonly number[]): Element | null {
  let el: Element | null = content;
  for (const index of path) {
    if (!el) return null;
    const table: Element | null = el.tagName === 'TABLE' ? el : el.querySelector(':scope > table');
    const children: Element[] = table && el !== content ? [...table.children].filter((c) => c.tagName === 'TR') : [...el.children];
    el = children[index] ?? null;
  }
  return el;
}

/** A range over `[start, end)` of the block's text, counting a line break or a nested list as one character. */
function textRange(block: Element, start: number, end: number): Range | null {
  const range = document.createRange();
  let offset = 0;
  let started = false;
  const visit = (node: Node): boolean => {
    if (node.nodeType === Node.TEXT_NODE) {
      const length = node.textContent?.length ?? 0;
      if (!started && start < offset + length) {
        range.setStart(node, start - offset);
        started = true;
      }
      if (started && end <= offset + length) {
        range.setEnd(node, end - offset);
        return true;
      }
      offset += length;
      return false;
    }
    if (node instanceof Element && (node.tagName === 'BR' || node.tagName === 'UL' || node.tagName === 'OL')) {
      offset += 1;
      return false;
    }
    for (const child of node.childNodes) if (visit(child)) return true;
    return false;
  };
  return visit(block) ? range : null;
}

function locate(match: Match): { range: Range } | { field: HTMLElement } | null {
  const pane = document.querySelector('.article-pane');
  if (!pane) return null;
  if (match.field !== 'body' && match.field !== 'caption') {
    const field = pane.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${match.field}"]`);
    return field && field.value.slice(match.start, match.end) === match.text ? { field } : null;
  }
  const content = pane.querySelector('.ed-content');
  const block = content && blockElement(content, match.path);
  if (!block) return null;
  if (match.field === 'caption') {
    const caption = block.querySelector<HTMLInputElement>('.ed-figure-caption');
    return caption && caption.value.slice(match.start, match.end) === match.text ? { field: caption } : null;
  }
  const range = textRange(block, match.start, match.end);
  return range && range.toString() === match.text ? { range } : null;
}

/**
 * Marks `match` in the open article (none: clears the mark), waiting a few frames for
 * the article to render; with `scroll`, brings it into view. Returns a cancel function.
 */
export function showMatch(match: Match | null, scroll: boolean): () => void {
  clear();
  if (!match) return () => {};
  let frame = 0;
  let handle = 0;
  const attempt = () => {
    const found = locate(match);
    if (!found) {
      if (++frame < MAX_FRAMES) handle = requestAnimationFrame(attempt);
      return;
    }
    if ('range' in found) {
      if ('highlights' in CSS) CSS.highlights.set(HIGHLIGHT, new Highlight(found.range));
      if (scroll) found.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    } else {
      found.field.setAttribute(HIT, '');
      if (scroll) found.field.scrollIntoView({ block: 'center' });
    }
  };
  attempt();
  return () => cancelAnimationFrame(handle);
}

/** Removes any mark left by `showMatch`. */
export function clearMatch(): void {
  clear();
}
