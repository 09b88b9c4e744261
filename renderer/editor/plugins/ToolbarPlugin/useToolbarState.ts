import { $isListNode, ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $isTableCellNode } from '@lexical/table';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import {
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  type ElementFormatType,
  type LexicalEditor,
  type TextFormatType,
} from 'lexical';
import { useEffect, useState } from 'react';

/** The paragraph style the toolbar shows for the selection. */
export type BlockStyle = 'paragraph' | 'h2' | 'h3' | 'h4' | 'quote' | 'bullet' | 'number' | 'other';

export const TOGGLED_FORMATS = ['bold', 'italic', 'underline', 'strikethrough', 'superscript', 'subscript'] as const satisfies readonly TextFormatType[];
export type ToggledFormat = (typeof TOGGLED_FORMATS)[number];

/** What the selection looks like, as the toolbar shows it. */
export interface ToolbarState {
  formats: Record<ToggledFormat, boolean>;
  block: BlockStyle;
  align: ElementFormatType;
  inList: boolean;
  inTable: boolean;
}

const INITIAL: ToolbarState = {
  formats: { bold: false, italic: false, underline: false, strikethrough: false, superscript: false, subscript: false },
  block: 'paragraph',
  align: '',
  inList: false,
  inTable: false,
};

function $readToolbarState(): ToolbarState | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const top =
    anchor.getKey() === 'root'
      ? anchor
      : ($findMatchingParent(anchor, (n) => {
          const parent = n.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        }) ?? anchor.getTopLevelElementOrThrow());
  let block: BlockStyle = 'other';
  if ($isListNode(top)) block = ($getNearestNodeOfType(anchor, ListNode) ?? top).getListType() === 'number' ? 'number' : 'bullet';
  else if ($isHeadingNode(top)) block = top.getTag() === 'h3' || top.getTag() === 'h4' ? (top.getTag() as 'h3' | 'h4') : 'h2';
  else if ($isQuoteNode(top)) block = 'quote';
  else if (top.getType() === 'paragraph') block = 'paragraph';
  const element = $findMatchingParent(anchor, (n) => $isElementNode(n) && !n.isInline());
  const formats = { ...INITIAL.formats };
  for (const f of TOGGLED_FORMATS) formats[f] = selection.hasFormat(f);
  return {
    formats,
    block,
    align: $isElementNode(element) ? element.getFormatType() : '',
    inList: block === 'bullet' || block === 'number',
    inTable: $findMatchingParent(anchor, $isTableCellNode) !== null,
  };
}

function same(a: ToolbarState, b: ToolbarState): boolean {
  return (
    a.block === b.block &&
    a.align === b.align &&
    a.inList === b.inList &&
    a.inTable === b.inTable &&
    TOGGLED_FORMATS.every((f) => a.formats[f] === b.formats[f])
  );
}

/** The toolbar's view of the selection, kept current on every update (re-rendering only when it changes). */
export function useToolbarState(editor: LexicalEditor): ToolbarState {
  const [state, setState] = useState(INITIAL);
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read($readToolbarState, { editor });
        if (next) setState((prev) => (same(prev, next) ? prev : next));
      }),
    [editor],
  );
  return state;
}
