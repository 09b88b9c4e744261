import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, FootnoteReferenceRun, Packer, Paragraph, TextRun } from 'docx';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx, type DocxImport } from '../../../../../electron/services/import/docx.js';
import { assetIdOf } from '../../../../../electron/services/assets.js';
import { TextFormat, type BlockNode } from '../../../../../shared/model/body.js';
import { bodyFigures, bodyText, blockLines } from '../../../../../shared/model/text.js';
import { contributionDocx, emptyDocx, linkFirstImage, makeJpeg, makePng, replacePart } from '../../../../fixtures/docx/build.js';

const png = makePng(64, 48, 7);
const jpeg = makeJpeg(4, 3);
const PNG_ID = assetIdOf(png, 'png');
const JPG_ID = assetIdOf(jpeg, 'jpg');

/** One line per block: `type[ tag]: text`, figures as `figure <asset>: caption`. */
function outline(blocks: readonly BlockNode[]): string[] {
  return blocks.map((b) => {
    if (b.type === 'figure') return `figure ${b.assetId === PNG_ID ? 'png' : b.assetId === JPG_ID ? 'jpg' : String(b.assetId)}: ${b.caption}`;
    if (b.type === 'heading') return `heading ${b.tag}: ${blockLines(b).join('|')}`;
    if (b.type === 'list') return `list ${b.listType}: ${blockLines(b).join('|')}`;
    return `${b.type}: ${blockLines(b).join('|')}`;
  });
}

describe('readDocx on a contribution written with the docx package', () => {
  let result: DocxImport;
  beforeAll(async () => {
    const bytes = await contributionDocx({
      title: '职工书屋建设成效显著',
      deck: '——全市新建职工书屋120家',
      byline: '通讯员 张三',
      paragraphs: [
        '本报讯 近日，市总工会召开会议，【会议强调】，要〔持续〕推进职工书屋建设。',
        '## 一、建设情况',
        '今年以来，各区县共新建书屋120家。',
      ],
      photos: [
        { after: 0, png, caption: '职工在书屋阅读' },
        { after: 2, jpeg, caption: '图为书屋揭牌仪式现场，劳模代表为书屋揭牌。' },
      ],
      bullets: ['渝中区新建12家', '江北区新建9家'],
      numbered: ['扩大覆盖面', '丰富藏书'],
      table: [
        ['区县', '数量'],
        ['渝中区', '12'],
      ],
      source: '（供稿：市总工会宣传部）',
    });
    result = await readDocx(bytes, '职工书屋.docx');
  });

  it('finds the headline, deck and byline', () => {
    expect(result.article).toMatchObject({
      kind: 'story',
      status: 'draft',
      kicker: '',
      headline: '职工书屋建设成效显著',
      deck: '——全市新建职工书屋120家',
      byline: '通讯员 张三 （供稿：市总工会宣传部）',
    });
  });

  it('keeps the body: emphasis, subheadings, lists, a table and captioned figures', () => {
    const blocks = result.article.body.root.children;
    expect(outline(blocks)).toEqual([
      'paragraph: 本报讯 近日，市总工会召开会议，会议强调，要持续推进职工书屋建设。',
      'figure png: 职工在书屋阅读',
      'heading h2: 一、建设情况',
      'paragraph: 今年以来，各区县共新建书屋120家。',
      'figure jpg: 图为书屋揭牌仪式现场，劳模代表为书屋揭牌。',
      'list bullet: 渝中区新建12家|江北区新建9家',
      'list number: 扩大覆盖面|丰富藏书',
      'table: 区县\t数量|渝中区\t12',
    ]);
    const first = blocks[0];
    expect(first.type === 'paragraph' && first.children.map((c) => (c.type === 'text' ? [c.text, c.format] : ['\n', 0]))).toEqual([
      ['本报讯 近日，市总工会召开会议，', 0],
      ['会议强调', TextFormat.bold],
      ['，要', 0],
      ['持续', TextFormat.italic],
      ['推进职工书屋建设。', 0],
    ]);
    const tableBlock = blocks.find((b) => b.type === 'table');
    expect(tableBlock?.type === 'table' && tableBlock.children[0].children.map((c) => c.headerState)).toEqual([1, 1]);
  });

  it('holds each image once, named by content hash, and the figures refer to them', () => {
    expect(result.images.map((i) => i.assetId).sort()).toEqual([JPG_ID, PNG_ID].sort());
    expect(Buffer.from(result.images.find((i) => i.assetId === PNG_ID)!.bytes).equals(png)).toBe(true);
    expect(bodyFigures(result.article.body).map((f) => f.assetId)).toEqual([PNG_ID, JPG_ID]);
    expect(result.warnings).toEqual([]);
  });

  it('records on each figure the pixel size of its image, read from the image itself (not from Word\'s drawn size)', () => {
    const figures = result.article.body.root.children.flatMap((b) => (b.type === 'figure' ? [[b.assetId, b.pixelWidth, b.pixelHeight]] : []));
    expect(figures).toEqual([
      [PNG_ID, 64, 48],
      [JPG_ID, 32, 24], // makeJpeg(4, 3): 4 × 3 blocks of 8 px
    ]);
  });
});

describe('readDocx on documents with nothing to import, or a broken body', () => {
  it('refuses an empty document and an empty file: import.empty', async () => {
    await expect(readDocx(await emptyDocx(), 'blank.docx')).rejects.toMatchObject({ code: 'import.empty', params: { file: 'blank.docx' } });
    await expect(readDocx(new Uint8Array(0), 'zero.docx')).rejects.toMatchObject({ code: 'import.empty', params: { file: 'zero.docx' } });
  });

  it('refuses garbage in word/document.xml: import.corrupt', async () => {
    const good = await contributionDocx({ title: '标题', paragraphs: ['正文。'] });
    const garbage = await replacePart(good, 'word/document.xml', '这不是 XML <w:document><<<\u0000');
    await expect(readDocx(garbage, 'garbage.docx')).rejects.toMatchObject({ code: 'import.corrupt', params: { file: 'garbage.docx' } });
  });

  it('uses the file name as headline when the document shows none', async () => {
    const bytes = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('近日，市总工会召开党组会议，深入学习贯彻全国两会精神，研究部署下一阶段工作。')] }] }),
    );
    const { article } = await readDocx(bytes, '党组会议.DOCX');
    expect(article.headline).toBe('党组会议');
    expect(bodyText(article.body)).toBe('近日，市总工会召开党组会议，深入学习贯彻全国两会精神，研究部署下一阶段工作。');
  });

  it('drops the back-links of footnotes but keeps the notes', async () => {
    const bytes = await Packer.toBuffer(
      new Document({
        footnotes: { 1: { children: [new Paragraph('数据来源：市统计局。')] } },
        sections: [{ children: [new Paragraph({ children: [new TextRun('全年增长8%'), new FootnoteReferenceRun(1), new TextRun('。')] })] }],
      }),
    );
    const { article } = await readDocx(bytes, '脚注.docx');
    const text = bodyText(article.body);
    expect(text).toContain('数据来源：市统计局。');
    expect(text).not.toContain('↑');
  });

  it('skips images in formats an issue cannot hold (EMF, WMF …) with a warning', async () => {
    const good = await contributionDocx({ title: '标题', paragraphs: ['正文。'], photos: [{ after: 0, png, caption: '说明文字' }] });
    const emf = Buffer.alloc(128);
    emf.writeUInt32LE(1, 0);
    emf.write(' EMF', 40, 'latin1');
    const bytes = await replacePart(good, 'word/media/image1.png', emf);
    const result = await readDocx(bytes, 'emf.docx');
    expect(result.images).toEqual([]);
    expect(bodyFigures(result.article.body)).toEqual([]);
    expect(result.warnings).toEqual([{ kind: 'imageUnsupported', contentType: 'image/png' }]);
  });
});

describe('readDocx never reads a linked (external) image', () => {
  let dir: string;
  let secret: Buffer;
  let linked: Buffer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'masthead-external-'));
    secret = makePng(16, 16, 99);
    await writeFile(join(dir, 'secret.png'), secret);
    const bytes = await contributionDocx({ title: '外链图片', paragraphs: ['正文。'], photos: [{ after: 0, png, caption: '说明文字' }] });
    linked = await linkFirstImage(bytes, pathToFileURL(join(dir, 'secret.png')).href);
    await writeFile(join(dir, 'linked.docx'), linked);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('the fixture really links the file: a reader allowed to follow links reads it', async () => {
    let read: Buffer | null = null;
    await mammoth.convertToHtml(
      { path: join(dir, 'linked.docx') },
      { externalFileAccess: true, convertImage: mammoth.images.imgElement(async (image) => ((read = await image.read()), { src: '' })) },
    );
    expect(read !== null && Buffer.from(read).equals(secret)).toBe(true);
  });

  it('keeps a figure waiting for its photo, with its caption, and a warning', async () => {
    const result = await readDocx(linked, 'linked.docx');
    expect(bodyFigures(result.article.body)).toEqual([{ assetId: null, caption: '说明文字' }]);
    expect(result.images).toEqual([]);
    expect(result.images.some((i) => Buffer.from(i.bytes).equals(secret))).toBe(false);
    expect(result.warnings).toEqual([{ kind: 'imageExternal' }]);
  });
});
