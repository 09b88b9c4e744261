import { DraggableBlockPlugin_EXPERIMENTAL } from '@lexical/react/LexicalDraggableBlockPlugin';
import { useRef } from 'react';
import { useEditorT } from '../../messages.js';

const HANDLE = 'ed-drag-handle';

/**
 * Arranging the article by dragging: a grip appears beside the block under the mouse
 * (paragraph, subheading, list, table, figure…) and drags that block to another place,
 * shown by a line while dragging. Lexical's draggable-block plugin does the work.
 */
export function DragBlockPlugin({ anchor }: { anchor: HTMLElement }) {
  const t = useEditorT();
  const menuRef = useRef<HTMLDivElement>(null);
  const lineRef = useRef<HTMLDivElement>(null);
  return (
    <DraggableBlockPlugin_EXPERIMENTAL
      anchorElem={anchor}
      menuRef={menuRef}
      targetLineRef={lineRef}
      menuComponent={
        <div ref={menuRef} className={HANDLE} title={t('editor.dragBlock')} aria-hidden="true">
          <svg viewBox="0 0 10 16" width="10" height="16" focusable="false">
            {[3, 8, 13].flatMap((y) => [2.5, 7.5].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.3" fill="currentColor" />))}
          </svg>
        </div>
      }
      targetLineComponent={<div ref={lineRef} className="ed-drop-line" />}
      isOnMenu={(element) => element.closest(`.${HANDLE}`) !== null}
    />
  );
}
