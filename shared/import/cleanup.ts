import { TextFormat } from '../model/body.js';
import { htmlElement, htmlText, type HtmlElement, type HtmlNode } from './htmlTree.js';

/**
 * The clean-up rules for HTML that comes from Word: mammoth's output on import, and
 * (later) the clipboard on paste. Only structure and emphasis survive; spans, fonts,
 * colours, classes, styles, comments and links (their text stays) go. The result is
 * a tree that holds nothing but the tags below, ready for `htmlTreeToBlocks`.
 */

/** Block-level tags that survive clean-up (img and br also stand inside paragraphs). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li',
  'table', 'tr', 'td', 'th', 'img', 'br', 'hr',
]);

/** Inline tags that survive clean-up, with the TextFormat bit each one sets. */
export const INLINE_FORMAT_TAGS: Readonly<Record<string, number>> = {
  b: TextFormat.bold,
  strong: TextFormat.bold,
  i: TextFormat.italic,
  em: TextFormat.italic,
  u: TextFormat.underline,
  s: TextFormat.strikethrough,
  strike: TextFormat.strikethrough,
  del: TextFormat.strikethrough,
  sub: TextFormat.subscript,
  sup: TextFormat.superscript,
};

/** Tags dropped together with everything inside them (metadata, scripts, embeds, Office XML islands). */
export const DROPPED_TAGS: ReadonlySet<string> = new Set([
  'head', 'title', 'style', 'script', 'noscript', 'template', 'meta', 'link', 'base', 'xml',
  'iframe', 'frame', 'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'audio', 'video',
  'source', 'track', 'map', 'select', 'option', 'textarea', 'button', 'input', 'colgroup', 'col',
]);

/**
 * Containers whose content is kept as blocks of its own (a `<div>` is a paragraph
 * boundary, not glue): loose text in them becomes a paragraph.
 */
const CONTAINER_TAGS: ReadonlySet<string> = new Set([
  'html', 'body', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav',
  'center', 'address', 'figure', 'form', 'fieldset', 'details', 'summary', 'dl', 'dt', 'dd',
  'pre', 'caption', 'hgroup', 'legend',
]);

/** The meaning a paragraph carries from its Word style, kept through clean-up as its class. */
export type BlockRole = 'title' | 'subtitle' | 'caption';

// mammoth's style map writes title/subtitle/caption; Word's clipboard writes MsoTitle … .
const ROLE_CLASSES: Readonly<Record<string, BlockRole>> = {
  title: 'title',
  msotitle: 'title',
  subtitle: 'subtitle',
  msosubtitle: 'subtitle',
  caption: 'caption',
  msocaption: 'caption',
};

/** The role a cleaned `p`/`h1`… carries in its class, or null. */
export function blockRole(el: HtmlElement): BlockRole | null {
  for (const token of (el.attrs.class ?? '').toLowerCase().split(/\s+/)) {
    const role = ROLE_CLASSES[token];
    if (role) return role;
  }
  return null;
}

const TEXT_BLOCKS: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** True for nodes that flow inside a paragraph: text, emphasis, line breaks and images. */
export function isInlineNode(node: HtmlNode): boolean {
  return node.type === 'text' || node.tag in INLINE_FORMAT_TAGS || node.tag === 'br' || node.tag === 'img';
}

function isDropped(el: HtmlElement): boolean {
  if (DROPPED_TAGS.has(el.tag)) return true;
  // Office's XML islands in clipboard HTML: <o:p>&nbsp;</o:p>, VML shapes with their own image copies.
  if (el.tag.startsWith('o:') || el.tag.startsWith('v:')) return true;
  const style = el.attrs.style ?? '';
  // Word's list bullets and numbers as text (mso-list:Ignore) and hidden text.
  return /mso-list\s*:\s*ignore|display\s*:\s*none|mso-hide\s*:\s*all|visibility\s*:\s*hidden/i.test(style);
}

function pick(attrs: Record<string, string>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) if (attrs[n] !== undefined) out[n] = attrs[n];
  return out;
}

function roleAttrs(el: HtmlElement): Record<string, string> {
  const role = blockRole(el);
  return role ? { class: role } : {};
}

function isBlankText(node: HtmlNode): boolean {
  return node.type === 'text' && node.text.trim() === '';
}

/**
 * Wraps runs of loose inline content among blocks into paragraphs, so that every
 * container holds either blocks or nothing. Whitespace-only runs are dropped.
 */
function wrapLooseInline(nodes: HtmlNode[]): HtmlNode[] {
  if (nodes.every(isInlineNode)) return nodes.every(isBlankText) ? [] : [htmlElement('p', {}, nodes)];
  const out: HtmlNode[] = [];
  let run: HtmlNode[] = [];
  const flush = () => {
    if (run.some((n) => !isBlankText(n))) out.push(htmlElement('p', {}, run));
    run = [];
  };
  for (const node of nodes) {
    if (isInlineNode(node)) run.push(node);
    else {
      flush();
      out.push(node);
    }
  }
  flush();
  return out;
}

function cleanNodes(nodes: readonly HtmlNode[]): HtmlNode[] {
  return nodes.flatMap(cleanNode);
}

function cleanNode(node: HtmlNode): HtmlNode[] {
  if (node.type === 'text') return node.text === '' ? [] : [htmlText(node.text)];
  const { tag } = node;
  if (isDropped(node)) return [];
  // Google Docs wraps a whole paste in <b style="font-weight:normal">: not bold at all.
  if (tag === 'b' && /font-weight\s*:\s*(?:normal|[1-4]00)\b/i.test(node.attrs.style ?? '')) return cleanNodes(node.children);
  if (tag in INLINE_FORMAT_TAGS) return [htmlElement(tag, {}, cleanNodes(node.children))];
  if (tag === 'br' || tag === 'hr') return [htmlElement(tag)];
  if (tag === 'img') return [htmlElement('img', pick(node.attrs, ['src', 'alt']))];
  if (TEXT_BLOCKS.has(tag)) return [htmlElement(tag, roleAttrs(node), cleanNodes(node.children))];
  if (tag === 'figcaption') return [htmlElement('p', { class: 'caption' }, cleanNodes(node.children))];
  if (tag === 'li') return [htmlElement('li', {}, cleanNodes(node.children))];
  if (tag === 'blockquote') return [htmlElement('blockquote', {}, wrapLooseInline(cleanNodes(node.children)))];
  if (tag === 'td' || tag === 'th') {
    return [htmlElement(tag, pick(node.attrs, ['colspan', 'rowspan']), wrapLooseInline(cleanNodes(node.children)))];
  }
  if (tag === 'ul' || tag === 'ol') {
    const attrs = tag === 'ol' ? pick(node.attrs, ['start']) : {};
    return [htmlElement(tag, attrs, cleanNodes(node.children).filter((n) => !isBlankText(n)))];
  }
  if (tag === 'table' || tag === 'tr') return [htmlElement(tag, {}, cleanNodes(node.children).filter((n) => !isBlankText(n)))];
  if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') return cleanNodes(node.children).filter((n) => !isBlankText(n));
  if (CONTAINER_TAGS.has(tag)) return wrapLooseInline(cleanNodes(node.children));
  // span, font, a, abbr, small, mark, w:sdt … : the element goes, its content stays.
  return cleanNodes(node.children);
}

/**
 * Applies the clean-up rules to a tree: keeps only BLOCK_TAGS and INLINE_FORMAT_TAGS,
 * the attributes that carry meaning (img src/alt, td/th colspan/rowspan, ol start, a
 * title/subtitle/caption role as class), drops DROPPED_TAGS with their content,
 * unwraps every other element, and wraps loose text among blocks into paragraphs.
 * Text is left as it is (whitespace is handled when blocks are built).
 */
export function cleanHtmlTree(nodes: readonly HtmlNode[]): HtmlNode[] {
  return wrapLooseInline(cleanNodes(nodes));
}
