import { HorizontalRuleExtension } from '@lexical/extension';
import { $isListItemNode, ListExtension } from '@lexical/list';
import { HeadingNode, RichTextExtension } from '@lexical/rich-text';
import { $isTableCellNode, TableExtension } from '@lexical/table';
import { $findMatchingParent, $insertNodeToNearestRoot } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootNode,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  configExtension,
  createCommand,
  defineExtension,
  INDENT_CONTENT_COMMAND,
  KEY_TAB_COMMAND,
  mergeRegister,
  OUTDENT_CONTENT_COMMAND,
  type LexicalCommand,
  type LexicalNode,
} from 'lexical';
import { $createFigureNode, FigureNode, type FigurePayload } from './nodes/FigureNode/FigureNode.js';
import { editorTheme } from './theme.js';

/** Inserts a figure after the block holding the selection (an empty paragraph gives its place). */
export const INSERT_FIGURE_COMMAND: LexicalCommand<FigurePayload> = createCommand('INSERT_FIGURE_COMMAND');

/** The block directly under the root that holds `node` (table cells included). */
function $topLevelBlock(node: LexicalNode): LexicalNode | null {
  return $findMatchingParent(node, (n) => $isRootNode(n.getParent()));
}

/** Inserts a figure where the selection is; figures stand between blocks, never inside a table or list. */
export function $insertFigure(payload: FigurePayload): FigureNode {
  const figure = $createFigureNode(payload);
  const selection = $getSelection();
  const anchor = $isRangeSelection(selection) ? selection.anchor.getNode() : $isNodeSelection(selection) ? selection.getNodes()[0] : null;
  const top = anchor ? $topLevelBlock(anchor) : null;
  if (top && $isParagraphNode(top) && top.isEmpty()) {
    top.replace(figure);
  } else if (top && anchor && ($findMatchingParent(anchor, $isTableCellNode) || $findMatchingParent(anchor, $isListItemNode))) {
    top.insertAfter(figure);
  } else {
    $insertNodeToNearestRoot(figure);
  }
  // Typing goes on in the paragraph after the figure.
  const next = figure.getNextSibling();
  if ($isParagraphNode(next)) next.selectStart();
  else figure.insertAfter($createParagraphNode()).selectStart();
  return figure;
}

/**
 * The article body as Lexical nodes and behaviour, without any UI: rich text with
 * subheadings (h2–h4 only), quotes, lists, simple tables, rules and figures. The app's
 * editor and the headless round-trip tests build from this same extension.
 */
export const BodyExtension = defineExtension({
  name: '@masthead/body',
  namespace: 'masthead-body',
  theme: editorTheme,
  nodes: () => [FigureNode],
  dependencies: [
    RichTextExtension,
    ListExtension,
    // Simple tables fit the column: no scroll wrapper, no cell colours, no tables in tables.
    configExtension(TableExtension, { hasCellBackgroundColor: false, hasHorizontalScroll: false, hasNestedTables: false }),
    HorizontalRuleExtension,
  ],
  register: (editor) =>
    mergeRegister(
      // The headline is the article's h1: a pasted h1 becomes the first subheading level.
      editor.registerNodeTransform(HeadingNode, (node) => {
        const tag = node.getTag();
        if (tag === 'h1') node.setTag('h2');
        else if (tag === 'h5' || tag === 'h6') node.setTag('h4');
      }),
      editor.registerCommand(
        INSERT_FIGURE_COMMAND,
        (payload) => {
          $insertFigure(payload);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      // Tab in a list item nests it (Shift+Tab lifts it); elsewhere Tab leaves the editor.
      editor.registerCommand(
        KEY_TAB_COMMAND,
        (event) => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection) || !$findMatchingParent(selection.anchor.getNode(), $isListItemNode)) return false;
          event.preventDefault();
          return editor.dispatchCommand(event.shiftKey ? OUTDENT_CONTENT_COMMAND : INDENT_CONTENT_COMMAND, undefined);
        },
        COMMAND_PRIORITY_LOW,
      ),
    ),
});
