import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/extension';
import { HistoryExtension } from '@lexical/history';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useExtensionSignalValue } from '@lexical/react/useExtensionSignalValue';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type ElementFormatType,
  type LexicalEditor,
} from 'lexical';
import type { MouseEvent, ReactNode } from 'react';
import { INSERT_FIGURE_COMMAND } from '../../bodyExtension.js';
import { icons } from '../../icons.js';
import type { MessageKey as EditorMessageKey } from '../../../../shared/i18n/zh-CN.js';
import { useEditorT } from '../../messages.js';
import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
} from '@lexical/table';
import { useToolbarState, type BlockStyle, type ToggledFormat } from './useToolbarState.js';

// Keeps the editor's selection: a toolbar click must not move focus out of the text.
const keepFocus = (e: MouseEvent) => e.preventDefault();

interface ToolButtonProps {
  label: string;
  onClick(): void;
  active?: boolean;
  disabled?: boolean;
  children: ReactNode;
  name: string;
}

// Growing or shrinking the table the cursor stands in.
const TABLE_EDITS = [
  ['rowBelow', 'editor.table.rowBelow', () => void $insertTableRowAtSelection(true)],
  ['columnRight', 'editor.table.columnRight', () => void $insertTableColumnAtSelection(true)],
  ['deleteRow', 'editor.table.deleteRow', () => $deleteTableRowAtSelection()],
  ['deleteColumn', 'editor.table.deleteColumn', () => $deleteTableColumnAtSelection()],
] as const satisfies readonly [string, EditorMessageKey, () => void][];

function ToolButton({ label, onClick, active, disabled, children, name }: ToolButtonProps) {
  return (
    <button
      type="button"
      className={active ? 'ed-tool active' : 'ed-tool'}
      title={label}
      aria-label={label}
      aria-pressed={active}
      data-tool={name}
      disabled={disabled}
      onMouseDown={keepFocus}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

const FORMAT_GLYPHS: Record<ToggledFormat, ReactNode> = {
  bold: <b className="ed-glyph">B</b>,
  italic: <i className="ed-glyph ed-glyph-italic">I</i>,
  underline: <u className="ed-glyph">U</u>,
  strikethrough: <s className="ed-glyph">S</s>,
  superscript: (
    <span className="ed-glyph">
      x<sup>2</sup>
    </span>
  ),
  subscript: (
    <span className="ed-glyph">
      x<sub>2</sub>
    </span>
  ),
};

const ALIGNMENTS = [
  ['left', 'editor.alignLeft', icons.alignLeft],
  ['center', 'editor.alignCenter', icons.alignCenter],
  ['right', 'editor.alignRight', icons.alignRight],
  ['justify', 'editor.alignJustify', icons.alignJustify],
] as const satisfies readonly [ElementFormatType, EditorMessageKey, ReactNode][];

const BLOCK_STYLES = ['paragraph', 'h2', 'h3', 'h4', 'quote'] as const;
type SettableBlock = (typeof BLOCK_STYLES)[number];

function setBlock(editor: LexicalEditor, style: SettableBlock): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    $setBlocksType(selection, () =>
      style === 'paragraph' ? $createParagraphNode() : style === 'quote' ? $createQuoteNode() : $createHeadingNode(style),
    );
  });
  editor.focus();
}

/** Tools that belong together; the toolbar wraps between groups, never inside one. */
function Group({ children }: { children: ReactNode }) {
  return <div className="ed-group">{children}</div>;
}

/**
 * The editor's toolbar: character formats, alignment, paragraph styles (正文, 小标题,
 * 引文), lists, table, rule, figure, undo and redo. It shows the state of the selection.
 */
export function ToolbarPlugin() {
  const [editor] = useLexicalComposerContext();
  const t = useEditorT();
  const state = useToolbarState(editor);
  const canUndo = useExtensionSignalValue(HistoryExtension, 'canUndo');
  const canRedo = useExtensionSignalValue(HistoryExtension, 'canRedo');
  const blockValue: BlockStyle = state.inList ? 'paragraph' : state.block;

  const toggleList = (type: 'bullet' | 'number') => {
    if (state.block === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
  };

  return (
    <div className="ed-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <Group>
        <ToolButton name="undo" label={t('editor.undo')} disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
          {icons.undo}
        </ToolButton>
        <ToolButton name="redo" label={t('editor.redo')} disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
          {icons.redo}
        </ToolButton>
      </Group>
      <Group>
        <select
          className="ed-block-select"
          name="blockStyle"
          aria-label={t('editor.blockType')}
          title={t('editor.blockType')}
          value={BLOCK_STYLES.includes(blockValue as SettableBlock) ? blockValue : 'paragraph'}
          disabled={state.inTable}
          onChange={(e) => {
            const style = BLOCK_STYLES.find((s) => s === e.target.value);
            if (style) setBlock(editor, style);
          }}
        >
          {BLOCK_STYLES.map((s) => (
            <option key={s} value={s}>
              {t(`editor.block.${s}`)}
            </option>
          ))}
        </select>
      </Group>
      <Group>
        {(Object.keys(FORMAT_GLYPHS) as ToggledFormat[]).map((format) => (
          <ToolButton
            key={format}
            name={format}
            label={t(`editor.${format}`)}
            active={state.formats[format]}
            onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}
          >
            {FORMAT_GLYPHS[format]}
          </ToolButton>
        ))}
      </Group>
      <Group>
        {ALIGNMENTS.map(([align, key, icon]) => (
          <ToolButton
            key={align}
            name={`align-${align}`}
            label={t(key)}
            active={state.align === align}
            // Clicking the active alignment goes back to the style's own (justified body).
            onClick={() => editor.dispatchCommand(FORMAT_ELEMENT_COMMAND, state.align === align ? '' : align)}
          >
            {icon}
          </ToolButton>
        ))}
      </Group>
      <Group>
        <ToolButton name="bullet" label={t('editor.bulletList')} active={state.block === 'bullet'} onClick={() => toggleList('bullet')}>
          {icons.bulletList}
        </ToolButton>
        <ToolButton name="number" label={t('editor.numberList')} active={state.block === 'number'} onClick={() => toggleList('number')}>
          {icons.numberList}
        </ToolButton>
        <ToolButton name="outdent" label={t('editor.outdent')} disabled={!state.inList} onClick={() => editor.dispatchCommand(OUTDENT_CONTENT_COMMAND, undefined)}>
          {icons.outdent}
        </ToolButton>
        <ToolButton name="indent" label={t('editor.indent')} disabled={!state.inList} onClick={() => editor.dispatchCommand(INDENT_CONTENT_COMMAND, undefined)}>
          {icons.indent}
        </ToolButton>
      </Group>
      <Group>
        <ToolButton
          name="table"
          label={t('editor.insertTable')}
          disabled={state.inTable}
          onClick={() => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } })}
        >
          {icons.table}
        </ToolButton>
        <ToolButton name="rule" label={t('editor.insertRule')} disabled={state.inTable} onClick={() => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)}>
          {icons.rule}
        </ToolButton>
        <ToolButton name="figure" label={t('editor.insertFigure')} onClick={() => editor.dispatchCommand(INSERT_FIGURE_COMMAND, {})}>
          {icons.figure}
          <span className="ed-tool-text">{t('editor.figure')}</span>
        </ToolButton>
      </Group>
      {state.inTable && (
        <Group>
          {TABLE_EDITS.map(([name, key, edit]) => (
            <ToolButton key={name} name={name} label={t(key)} onClick={() => editor.update(edit)}>
              <span className="ed-tool-text">{t(key)}</span>
            </ToolButton>
          ))}
        </Group>
      )}
    </div>
  );
}
