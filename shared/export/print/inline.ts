import { TextFormat, type InlineNode } from '../../model/body.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const WRAPPERS: Array<[number, string]> = [
  [TextFormat.bold, 'strong'],
  [TextFormat.italic, 'em'],
  [TextFormat.underline, 'u'],
  [TextFormat.strikethrough, 's'],
  [TextFormat.superscript, 'sup'],
  [TextFormat.subscript, 'sub'],
  [TextFormat.code, 'code'],
];

/** HTML of inline nodes: text runs with their format bits as elements, line breaks as <br>. */
export function inlineHtml(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'linebreak') return '<br>';
      let html = escapeHtml(node.text);
      for (const [bit, tag] of WRAPPERS) {
        if (node.format & bit) html = `<${tag}>${html}</${tag}>`;
      }
      return html;
    })
    .join('');
}
