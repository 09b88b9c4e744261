import { $insertGeneratedNodes } from '@lexical/clipboard';
import {
  $getEditor,
  $getSelection,
  $parseSerializedNode,
  COMMAND_PRIORITY_LOW,
  defineExtension,
  PASTE_COMMAND,
  type LexicalNode,
  type SerializedLexicalNode,
} from 'lexical';
import { htmlTreeToBlocks, type ImageResolver } from '../../../../shared/import/blocks.js';
import { parseHtml } from '../../../../shared/import/htmlTree.js';
import { paragraphNode, type BlockNode } from '../../../../shared/model/body.js';

// What Lexical puts on the clipboard when copying inside an editor: pasted back as it is.
const LEXICAL_CLIPBOARD = 'application/x-lexical-editor';

function $nodesOf(blocks: readonly BlockNode[]): LexicalNode[] {
  return blocks.map((block) => $parseSerializedNode(block as SerializedLexicalNode));
}

/**
 * The body blocks of pasted HTML (Word, WPS, web pages, WeChat), cleaned by the same
 * rules as a Word import (shared/import): structure and emphasis stay, fonts, colours,
 * classes and spans go. Images become figures waiting for their photo (no file yet).
 */
export function $nodesFromHtml(html: string, resolveImage: ImageResolver = () => null): LexicalNode[] {
  return $nodesOf(htmlTreeToBlocks(parseHtml(html), resolveImage));
}

/** One paragraph per non-blank line; the typed indent (spaces, ideographic spaces) goes, the editor indents. */
export function $nodesFromPlainText(text: string): LexicalNode[] {
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
  return $nodesOf(lines.filter((l) => l !== '').map((l) => paragraphNode(l)));
}

/**
 * Inserts pasted HTML (or, without HTML, plain text) at the selection; false when there
 * is nothing to insert. `resolveImage` gives the asset id and pixel size of an image already stored.
 */
export function $pasteClean(html: string, text: string, resolveImage?: ImageResolver): boolean {
  const selection = $getSelection();
  if (!selection) return false;
  const nodes = html.trim() !== '' ? $nodesFromHtml(html, resolveImage) : $nodesFromPlainText(text);
  if (nodes.length === 0) return false;
  $insertGeneratedNodes($getEditor(), nodes, selection);
  return true;
}

/**
 * Paste that brings content, not its formatting junk: HTML and plain text from outside
 * go through the import clean-up into body blocks. A copy made inside the editor is
 * left to Lexical (it pastes its own nodes exactly), and so is a paste of files alone.
 */
export const CleanPasteExtension = defineExtension({
  name: '@masthead/clean-paste',
  register: (editor) =>
    editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        if (!(event instanceof ClipboardEvent) || !event.clipboardData) return false;
        const data = event.clipboardData;
        if (data.types.includes(LEXICAL_CLIPBOARD)) return false;
        const html = data.getData('text/html');
        const text = data.getData('text/plain');
        if (html.trim() === '' && text === '') return false;
        event.preventDefault();
        editor.update(() => {
          $pasteClean(html, text);
        });
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
});
