// Every body node type survives the trip body → Lexical editor → body unchanged, in a
// headless editor built from the very extension the app uses; and what Lexical itself
// exports differs from the body schema only by the keys serialize.ts documents.
import { HeadlessExtension } from '@lexical/headless';
import { buildEditorFromExtensions } from '@lexical/extension';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { $createHeadingNode } from '@lexical/rich-text';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  defineExtension,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  KEY_TAB_COMMAND,
  type LexicalEditor,
  type RangeSelection,
  type SerializedEditorState,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  BodySchema,
  bodyOf,
  emptyBody,
  figureNode,
  paragraphNode,
  TextFormat,
  textNode,
  type BlockNode,
  type Body,
  type HeadingNode,
  type InlineNode,
  type ListItemNode,
  type ListNode,
  type TableCellNode,
} from '../../../../shared/model/body.js';
import { BodyExtension, INSERT_FIGURE_COMMAND } from '../../../../renderer/editor/bodyExtension.js';
import { $createFigureNode } from '../../../../renderer/editor/nodes/FigureNode/FigureNode.js';
import { fromBody, serializedToBody, toBody } from '../../../../renderer/editor/serialize.js';

const ASSET = `${'c3'.repeat(32)}.png`;

/** Just enough of a KeyboardEvent for command handlers in Node (no DOM here). */
class KeyboardEventStub {
  shiftKey = false;
  defaultPrevented = false;
  constructor(readonly key: string) {}
  preventDefault() {
    this.defaultPrevented = true;
  }
}

function headlessEditor(): LexicalEditor {
  return buildEditorFromExtensions(
    defineExtension({ name: 'test', dependencies: [BodyExtension, HeadlessExtension], onError: (e: Error) => { throw e; } }),
  );
}

/** Loads a body, then reads it back the way the app saves it. */
function roundTrip(body: Body): { back: Body; raw: SerializedEditorState } {
  const editor = headlessEditor();
  editor.setEditorState(editor.parseEditorState(fromBody(body)));
  return { back: toBody(editor.getEditorState()), raw: editor.getEditorState().toJSON() };
}

/** Runs `steps` one by one, each committed before the next (as keystrokes are). */
function edit(...steps: ((editor: LexicalEditor) => void)[]): Body {
  const editor = headlessEditor();
  editor.update(() => $getRoot().clear().append($createParagraphNode()).selectStart(), { discrete: true });
  for (const step of steps) editor.update(() => step(editor), { discrete: true });
  return toBody(editor.getEditorState());
}

const typeText = (text: string) => () => {
  const selection = $getSelection();
  if ($isRangeSelection(selection)) selection.insertText(text);
};

// Keys Lexical writes that the body leaves out on purpose (see serialize.ts).
const LEXICAL_INTERNAL: Record<string, readonly string[]> = {
  paragraph: ['textFormat', 'textStyle'],
  table: ['colWidths', 'rowStriping', 'frozenColumnCount', 'frozenRowCount'],
  tablerow: ['height'],
  tablecell: ['backgroundColor', 'width', 'verticalAlign'],
};

function withoutInternal(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutInternal);
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  const drop = LEXICAL_INTERNAL[String(record.type)] ?? [];
  return Object.fromEntries(Object.entries(record).filter(([k]) => !drop.includes(k)).map(([k, v]) => [k, withoutInternal(v)]));
}

const el = { version: 1 as const, direction: null, format: '' as const, indent: 0 };
const heading = (tag: 'h2' | 'h3' | 'h4', text: string): HeadingNode => ({ type: 'heading', ...el, tag, children: [textNode(text)] });
const item = (value: number, children: ListItemNode['children'], indent = 0): ListItemNode => ({ type: 'listitem', ...el, indent, value, children });
const list = (listType: 'bullet' | 'number', children: ListItemNode[], start = 1): ListNode => ({
  type: 'list',
  ...el,
  listType,
  start,
  tag: listType === 'number' ? 'ol' : 'ul',
  children,
});
const cell = (text: string, headerState = 0): TableCellNode => ({
  type: 'tablecell',
  ...el,
  headerState,
  colSpan: 1,
  rowSpan: 1,
  children: [paragraphNode(text)],
});
const row = (...cells: TableCellNode[]): BlockNode & object => ({ type: 'tablerow', ...el, children: cells }) as unknown as BlockNode;
const table = (...rows: unknown[]): BlockNode => ({ type: 'table', ...el, children: rows }) as BlockNode;
const runs = (...children: InlineNode[]) => ({ type: 'paragraph' as const, ...el, children });

const CASES: [string, Body][] = [
  ['an empty body', emptyBody()],
  ['a paragraph of Chinese text', bodyOf([paragraphNode('会议指出，今年全国两会是在全面建设社会主义现代化国家开局之年召开的重要会议。')])],
  ['an empty paragraph between two', bodyOf([paragraphNode('甲'), paragraphNode(''), paragraphNode('乙')])],
  [
    'every text format bit, alone and combined',
    bodyOf([
      runs(
        ...Object.entries(TextFormat).map(([name, bit]) => textNode(`${name}文字`, bit)),
        textNode('加粗倾斜下划线', TextFormat.bold | TextFormat.italic | TextFormat.underline),
        textNode('H'),
        textNode('2', TextFormat.subscript),
        textNode('O 与 m'),
        textNode('2', TextFormat.superscript),
      ),
    ]),
  ],
  ['a styled run and a line break', bodyOf([runs({ ...textNode('红字'), style: 'color: #c8161d;' }, { type: 'linebreak', version: 1 }, textNode('下一行'))])],
  [
    'every alignment and an indent',
    bodyOf(
      (['left', 'center', 'right', 'justify', 'start', 'end'] as const).map((format, i) => ({ ...paragraphNode(format), format, indent: i % 2 })),
    ),
  ],
  ['subheadings h2, h3, h4, one centred', bodyOf([heading('h2', '一、总体要求'), heading('h3', '（一）指导思想'), { ...heading('h4', '1. 基本原则'), format: 'center' }])],
  ['a block quote', bodyOf([{ type: 'quote', ...el, children: [textNode('“劳动最光荣，劳动最崇高。”')] }])],
  ['a bulleted list', bodyOf([list('bullet', [item(1, [textNode('第一项')]), item(2, [textNode('第二项')])])])],
  ['a numbered list starting at 3', bodyOf([list('number', [item(3, [textNode('三')]), item(4, [textNode('四')])], 3)])],
  [
    'nested lists (bullets under numbers)',
    bodyOf([
      list('number', [
        item(1, [textNode('一')]),
        item(2, [list('bullet', [item(1, [textNode('一之一')], 1), item(2, [textNode('一之二')], 1)])]),
        item(2, [textNode('二')]),
      ]),
    ]),
  ],
  [
    'a table with a header row and a header column',
    bodyOf([
      table(
        row(cell('单位', 3), cell('人数', 1), cell('占比', 1)),
        row(cell('一车间', 2), cell('120'), cell('40%')),
        row(cell('二车间', 2), cell(''), cell('60%')),
      ),
    ]),
  ],
  ['a table cell spanning two columns', bodyOf([table(row({ ...cell('合计'), colSpan: 2 }), row(cell('甲'), cell('乙')))])],
  ['a horizontal rule', bodyOf([paragraphNode('上'), { type: 'horizontalrule', version: 1 }, paragraphNode('下')])],
  [
    'figures: with an image, waiting for one, each width',
    bodyOf([
      { ...figureNode('劳模座谈会现场', ASSET), width: 'page' },
      figureNode('待补图片'),
      { ...figureNode('', ASSET), width: 'half' },
      paragraphNode('图为座谈会。'),
    ]),
  ],
  [
    'figures with the pixel size of their image',
    bodyOf([
      figureNode('劳模座谈会现场', ASSET, { width: 3000, height: 2000 }),
      { ...figureNode('', ASSET, { width: 1, height: 65535 }), width: 'page' },
    ]),
  ],
];

describe('toBody / fromBody round trip in a headless editor', () => {
  it.each(CASES)('%s', (_name, body) => {
    expect(BodySchema.parse(body)).toEqual(body);
    const { back, raw } = roundTrip(body);
    expect(back).toEqual(body);
    // What Lexical exports is the body itself once the documented internal keys are gone…
    const exported = body.root.children.length === 0 ? raw : withoutInternal(raw);
    if (body.root.children.length > 0) expect(exported).toEqual(body);
    // …and the schema takes the saved body as it is.
    expect(BodySchema.parse(back)).toEqual(back);
  });
});

describe('bodies made by editing, as a user would', () => {
  it('formats text with the format commands and aligns with the element command', () => {
    const steps = (['bold', 'italic', 'underline', 'strikethrough', 'superscript', 'subscript'] as const).flatMap((format) => [
      (editor: LexicalEditor) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format),
      typeText(format.slice(0, 3)),
      (editor: LexicalEditor) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format),
    ]);
    const body = edit(...steps, (editor) => editor.dispatchCommand(FORMAT_ELEMENT_COMMAND, 'center'));
    expect(body).toEqual(
      bodyOf([
        {
          ...runs(
            textNode('bol', TextFormat.bold),
            textNode('ita', TextFormat.italic),
            textNode('und', TextFormat.underline),
            textNode('str', TextFormat.strikethrough),
            textNode('sup', TextFormat.superscript),
            textNode('sub', TextFormat.subscript),
          ),
          format: 'center',
        },
      ]),
    );
  });

  it('makes lists with the list commands, and nests an item with Tab', () => {
    const numbered = edit(typeText('第一条'), (editor) => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined));
    expect(numbered).toEqual(bodyOf([list('number', [item(1, [textNode('第一条')])])]));
    const nested = edit(
      (editor) => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined),
      typeText('甲'),
      () => ($getSelection() as RangeSelection).insertParagraph(),
      typeText('乙'),
      (editor) => editor.dispatchCommand(KEY_TAB_COMMAND, new KeyboardEventStub('Tab') as unknown as KeyboardEvent),
    );
    expect(nested).toEqual(bodyOf([list('bullet', [item(1, [textNode('甲')]), item(2, [list('bullet', [item(1, [textNode('乙')], 1)])])])]));
  });

  it('inserts a 3×3 table with a header row', () => {
    const body = edit((editor) => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } }));
    const t = body.root.children.find((b) => b.type === 'table');
    expect(t?.type === 'table' && t.children.map((r) => r.children.map((c) => c.headerState))).toEqual([
      [1, 1, 1],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(BodySchema.parse(body)).toEqual(body);
  });

  it('inserts a figure in place of an empty paragraph, with a paragraph after it to type on', () => {
    const body = edit((editor) => editor.dispatchCommand(INSERT_FIGURE_COMMAND, {}), typeText('正文'));
    expect(body).toEqual(bodyOf([figureNode(''), paragraphNode('正文')]));
  });

  it('inserts a figure after a list, never inside it', () => {
    const body = edit(
      typeText('条目'),
      (editor) => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined),
      (editor) => editor.dispatchCommand(INSERT_FIGURE_COMMAND, { caption: '图注', width: 'half' }),
    );
    expect(body.root.children.map((b) => b.type)).toEqual(['list', 'figure', 'paragraph']);
    expect(body.root.children[1]).toEqual({ ...figureNode('图注'), width: 'half' });
  });

  it('inserts a figure with the pixel size the image services answered', () => {
    const body = edit((editor) => editor.dispatchCommand(INSERT_FIGURE_COMMAND, { assetId: ASSET, caption: '', size: { width: 640, height: 480 } }));
    expect(body.root.children[0]).toEqual(figureNode('', ASSET, { width: 640, height: 480 }));
  });

  it('turns an h1 into the first subheading level (the headline is the h1)', () => {
    const body = edit(() => {
      $getRoot().clear().append($createHeadingNode('h1').append($createTextNode('标题')), $createHeadingNode('h6').append($createTextNode('小')));
    });
    expect(body).toEqual(bodyOf([heading('h2', '标题'), heading('h4', '小')]));
  });

  it('serializes a figure node to exactly the FigureNode of the body schema', () => {
    const editor = headlessEditor();
    editor.update(
      () =>
        $getRoot()
          .clear()
          .append(
            $createFigureNode({ assetId: ASSET, caption: '图注', width: 'page', size: { width: 3000, height: 2000 } }),
            $createFigureNode({ caption: '待补' }),
          ),
      { discrete: true },
    );
    const [json, waiting] = editor.getEditorState().toJSON().root.children;
    expect(json).toEqual({ type: 'figure', version: 1, assetId: ASSET, caption: '图注', width: 'page', pixelWidth: 3000, pixelHeight: 2000 });
    expect(waiting).toEqual({ type: 'figure', version: 1, assetId: null, caption: '待补', width: 'column', pixelWidth: null, pixelHeight: null });
    expect(BodySchema.shape.root.shape.children.element.parse(json)).toEqual(json);
  });
});

describe('serializedToBody maps what the body has no place for', () => {
  const state = (children: unknown[]) => ({ root: { type: 'root', ...el, children } }) as unknown as SerializedEditorState;

  it('keeps only the TextFormat bits, and a tab as a text run', () => {
    const body = serializedToBody(
      state([{ type: 'paragraph', ...el, textFormat: 1, children: [{ ...textNode('大写'), format: 1 | 512 }, { ...textNode(''), type: 'tab' }] }]),
    );
    expect(body).toEqual(bodyOf([runs(textNode('大写', 1), textNode('\t'))]));
  });

  it('makes a check list a bulleted list and drops `checked`', () => {
    const body = serializedToBody(
      state([{ type: 'list', ...el, listType: 'check', start: 1, tag: 'ul', children: [{ ...item(1, [textNode('待办')]), checked: true }] }]),
    );
    expect(body).toEqual(bodyOf([list('bullet', [item(1, [textNode('待办')])])]));
  });

  it('flattens a heading or list inside a table cell to paragraphs', () => {
    const inCell = { ...cell(''), backgroundColor: '#ff0', children: [heading('h2', '标题'), list('bullet', [item(1, [textNode('项')])])] };
    const body = serializedToBody(state([{ type: 'table', ...el, colWidths: [92], children: [{ type: 'tablerow', ...el, height: 30, children: [inCell] }] }]));
    expect(body).toEqual(bodyOf([table(row({ ...cell(''), children: [paragraphNode('标题'), paragraphNode('项')] }))]));
  });

  it('keeps the text of an unknown inline element or block', () => {
    const link = { type: 'link', ...el, url: 'https://example.com', children: [textNode('链接')] };
    const body = serializedToBody(state([{ type: 'paragraph', ...el, children: [link] }, { type: 'code', ...el, children: [textNode('x = 1')] }]));
    expect(body).toEqual(bodyOf([paragraphNode('链接'), paragraphNode('x = 1')]));
  });

  it('refuses a bad asset id and width rather than saving them', () => {
    const body = serializedToBody(state([{ type: 'figure', version: 1, assetId: '../../etc/passwd', caption: '图', width: 'huge' }]));
    expect(body).toEqual(bodyOf([figureNode('图')]));
  });

  it('keeps a pixel size only as two positive whole numbers with an image', () => {
    const figure = (fields: Record<string, unknown>) => ({ type: 'figure', version: 1, assetId: ASSET, caption: '', width: 'column', ...fields });
    const body = serializedToBody(
      state([
        figure({ pixelWidth: 640, pixelHeight: 480 }),
        figure({ pixelWidth: 640 }),
        figure({ pixelWidth: -640, pixelHeight: 480 }),
        figure({ pixelWidth: '640', pixelHeight: 480 }),
        figure({ assetId: null, pixelWidth: 640, pixelHeight: 480 }),
      ]),
    );
    expect(body.root.children.map((b) => b.type === 'figure' && [b.pixelWidth, b.pixelHeight])).toEqual([
      [640, 480],
      [null, null],
      [null, null],
      [null, null],
      [null, null],
    ]);
  });

  it('reads the lone empty paragraph of a new editor as the empty body', () => {
    expect(serializedToBody(state([paragraphNode('')]))).toEqual(emptyBody());
    expect(serializedToBody(state([{ ...paragraphNode(''), format: 'center' }])).root.children).toHaveLength(1);
  });
});
