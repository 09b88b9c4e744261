import { describe, expect, it } from 'vitest';
import {
  BodySchema,
  bodyOf,
  emptyBody,
  figureNode,
  figurePixels,
  paragraphNode,
  textNode,
  type Body,
} from '../../../../shared/model/body.js';
import { ASSET_ID } from '../../../helpers/issues.js';

/** A body in the raw shape Lexical writes, with only the fields a file may leave out omitted. */
function root(children: unknown[]): unknown {
  return { root: { type: 'root', children } };
}

const nestedList = {
  type: 'list',
  listType: 'number',
  tag: 'ol',
  children: [
    {
      type: 'listitem',
      value: 1,
      children: [
        { type: 'text', text: '第一条' },
        {
          type: 'list',
          listType: 'bullet',
          tag: 'ul',
          children: [{ type: 'listitem', children: [{ type: 'text', text: '细则' }, { type: 'linebreak' }] }],
        },
      ],
    },
  ],
};

const table = {
  type: 'table',
  children: [
    {
      type: 'tablerow',
      children: [
        { type: 'tablecell', headerState: 1, children: [{ type: 'paragraph', children: [{ type: 'text', text: '单位' }] }] },
        { type: 'tablecell', colSpan: 2, children: [{ type: 'paragraph', children: [] }] },
      ],
    },
  ],
};

describe('BodySchema accepts what the editor writes', () => {
  it('accepts a list nested two levels inside a list item', () => {
    const parsed = BodySchema.parse(root([nestedList]));
    const list = parsed.root.children[0];
    expect(list.type).toBe('list');
    if (list.type !== 'list') return;
    const inner = list.children[0].children[1];
    expect(inner).toMatchObject({ type: 'list', listType: 'bullet', tag: 'ul' });
    if (inner.type !== 'list') return;
    expect(inner.children[0].children).toEqual([
      expect.objectContaining({ type: 'text', text: '细则' }),
      { type: 'linebreak', version: 1 },
    ]);
  });

  it('accepts a table with header and spanned cells', () => {
    const parsed = BodySchema.parse(root([table]));
    const t = parsed.root.children[0];
    if (t.type !== 'table') throw new Error('expected a table');
    expect(t.children[0].children.map((c) => [c.headerState, c.colSpan, c.rowSpan])).toEqual([
      [1, 1, 1],
      [0, 2, 1],
    ]);
  });

  it('accepts figures with an asset, and without one while the photo is missing', () => {
    const parsed = BodySchema.parse(
      root([
        { type: 'figure', assetId: ASSET_ID, caption: '现场', width: 'page' },
        { type: 'figure', assetId: null },
      ]),
    );
    expect(parsed.root.children).toEqual([
      { type: 'figure', version: 1, assetId: ASSET_ID, caption: '现场', width: 'page', pixelWidth: null, pixelHeight: null },
      { type: 'figure', version: 1, assetId: null, caption: '', width: 'column', pixelWidth: null, pixelHeight: null },
    ]);
  });

  it('keeps a figure\'s recorded pixel size', () => {
    const parsed = BodySchema.parse(root([{ type: 'figure', assetId: ASSET_ID, pixelWidth: 3000, pixelHeight: 2000 }]));
    expect(parsed.root.children[0]).toMatchObject({ pixelWidth: 3000, pixelHeight: 2000 });
  });

  it('fills the defaults Lexical may omit (version, format, indent, direction, text mode)', () => {
    const parsed = BodySchema.parse(root([{ type: 'paragraph', children: [{ type: 'text', text: '正文' }] }]));
    expect(parsed).toEqual(bodyOf([paragraphNode('正文')]));
  });

  it('accepts headings, quotes and rules', () => {
    const body = root([
      { type: 'heading', tag: 'h3', children: [{ type: 'text', text: '小标题', format: 1 }] },
      { type: 'quote', children: [] },
      { type: 'horizontalrule' },
    ]);
    expect(BodySchema.safeParse(body).success).toBe(true);
  });

  it('round-trips the helper builders unchanged', () => {
    const body: Body = bodyOf([paragraphNode('粗体', 1), figureNode('图注', ASSET_ID), paragraphNode('')]);
    expect(BodySchema.parse(JSON.parse(JSON.stringify(body)))).toEqual(body);
    expect(BodySchema.parse(emptyBody())).toEqual({ root: expect.objectContaining({ type: 'root', children: [] }) });
    expect(textNode('x', 3)).toMatchObject({ text: 'x', format: 3 });
  });
});

describe('BodySchema rejects nodes the converters could not walk', () => {
  it.each([
    ['an unknown block type', root([{ type: 'youtube', videoID: 'x' }])],
    ['an unknown inline type', root([{ type: 'paragraph', children: [{ type: 'mention', text: '@a' }] }])],
    ['an uppercase-hex asset id', root([{ type: 'figure', assetId: `${'AB'.repeat(32)}.jpg` }])],
    ['an asset id that is a path', root([{ type: 'figure', assetId: `../${'ab'.repeat(32)}.jpg` }])],
    ['an asset id with a bad extension', root([{ type: 'figure', assetId: `${'ab'.repeat(32)}.svg` }])],
    ['an asset id of the wrong length', root([{ type: 'figure', assetId: `${'ab'.repeat(31)}.png` }])],
    ['a figure width that does not exist', root([{ type: 'figure', assetId: null, width: 'double' }])],
    ['a pixel width of zero', root([{ type: 'figure', assetId: ASSET_ID, pixelWidth: 0, pixelHeight: 10 }])],
    ['a fractional pixel height', root([{ type: 'figure', assetId: ASSET_ID, pixelWidth: 10, pixelHeight: 2.5 }])],
    ['a pixel size given as text', root([{ type: 'figure', assetId: ASSET_ID, pixelWidth: '3000', pixelHeight: 2000 }])],
    ['a heading level outside h2–h4', root([{ type: 'heading', tag: 'h1', children: [] }])],
    ['a list item directly in the body', root([{ type: 'listitem', children: [] }])],
    ['a table cell holding a list', root([{ type: 'table', children: [{ type: 'tablerow', children: [{ type: 'tablecell', children: [nestedList] }] }] }])],
    ['a text node without text', root([{ type: 'paragraph', children: [{ type: 'text' }] }])],
    ['format bits out of range', root([{ type: 'paragraph', children: [{ type: 'text', text: 'a', format: 4096 }] }])],
    ['a negative indent', root([{ type: 'paragraph', indent: -1, children: [] }])],
    ['a nested list with a bad tag', root([{ ...nestedList, tag: 'dl' }])],
    ['a root that is not a root', { root: { type: 'paragraph', children: [] } }],
    ['no root at all', {}],
  ])('rejects %s', (_what, body) => {
    expect(BodySchema.safeParse(body).success).toBe(false);
  });
});

describe('figure pixel sizes', () => {
  it('builds a figure with its image size, or with none while it waits for its photo', () => {
    expect(figureNode('现场', ASSET_ID, { width: 3000, height: 2000 })).toEqual({
      type: 'figure', version: 1, assetId: ASSET_ID, caption: '现场', width: 'column', pixelWidth: 3000, pixelHeight: 2000,
    });
    expect(figureNode('现场', ASSET_ID)).toMatchObject({ pixelWidth: null, pixelHeight: null });
    // A size without an image means nothing: it is not kept.
    expect(figureNode('待补', null, { width: 3000, height: 2000 })).toMatchObject({ assetId: null, pixelWidth: null, pixelHeight: null });
  });

  it.each([
    ['a real size', { width: 640, height: 480 }, { pixelWidth: 640, pixelHeight: 480 }],
    ['no size', null, { pixelWidth: null, pixelHeight: null }],
    ['a side of 0 (a header that gave none)', { width: 0, height: 480 }, { pixelWidth: null, pixelHeight: null }],
    ['a fraction', { width: 640.5, height: 480 }, { pixelWidth: null, pixelHeight: null }],
    ['text', { width: '640', height: '480' }, { pixelWidth: null, pixelHeight: null }],
    ['NaN', { width: Number.NaN, height: 480 }, { pixelWidth: null, pixelHeight: null }],
  ])('figurePixels of %s', (_what, size, want) => {
    expect(figurePixels(size)).toEqual(want);
  });
});
