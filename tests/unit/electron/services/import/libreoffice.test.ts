import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx, type DocxImport } from '../../../../../electron/services/import/docx.js';
import { assetIdOf } from '../../../../../electron/services/assets.js';
import { blockLines, bodyFigures } from '../../../../../shared/model/text.js';
import { contributionDocx, hasSoffice, makePng, sofficeConvert } from '../../../../fixtures/docx/build.js';
import { htmlContribution, odtContribution, PLAIN_TEXT_CONTRIBUTION } from '../../../../fixtures/docx/sources.js';

/**
 * Contributions as LibreOffice writes them: from plain text (Notepad), from an HTML
 * page with an embedded image and a table, from an .odt with a captioned picture frame,
 * and a legacy .doc. All conversions run once, in beforeAll, with a private profile.
 */
describe.skipIf(!hasSoffice())('readDocx on documents written by LibreOffice', () => {
  let dir: string;
  const png = makePng(120, 90, 3);
  const PNG_ID = assetIdOf(png, 'png');
  const read: Record<string, DocxImport> = {};
  let legacyDoc: Buffer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'masthead-lo-'));
    const profile = join(dir, 'profile');
    const src = join(dir, 'src');
    const out = join(dir, 'out');
    await mkdir(src);
    await writeFile(join(src, 'plain.txt'), PLAIN_TEXT_CONTRIBUTION);
    await writeFile(join(src, 'web.html'), htmlContribution(png.toString('base64')));
    await writeFile(join(src, 'frame.odt'), await odtContribution(png));
    await writeFile(join(src, 'modern.docx'), await contributionDocx({ title: '旧格式稿件', paragraphs: ['正文。'] }));
    const [plain] = await sofficeConvert([join(src, 'plain.txt')], out, profile, 'docx', 'Text (encoded):UTF8,LF,,,');
    const [web] = await sofficeConvert([join(src, 'web.html')], out, profile, 'docx:MS Word 2007 XML', 'HTML (StarWriter)');
    const [frame] = await sofficeConvert([join(src, 'frame.odt')], out, profile, 'docx');
    const [doc] = await sofficeConvert([join(src, 'modern.docx')], out, profile, 'doc');
    for (const [name, file] of Object.entries({ plain, web, frame })) read[name] = await readDocx(await readFile(file), `${name}.docx`);
    legacyDoc = await readFile(doc);
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('from plain text: headline, —— deck, byline and source line found without any styles', () => {
    const { article } = read.plain;
    expect(article).toMatchObject({
      headline: '关于开展春季劳动竞赛的情况报告',
      deck: '——全市12个区县参与',
      byline: '作者：李四 （供稿：市总工会办公室）',
    });
    expect(article.body.root.children.flatMap(blockLines)).toEqual([
      '各单位积极响应，为进一步 激发职工热情，市总工会于3月组织开展春季劳动竞赛。',
      '一、竞赛时间',
      '2024年3月至6月，历时三个月。',
    ]);
  });

  it('from HTML: the embedded image with its caption, the table and the emphasis', () => {
    const { article, images } = read.web;
    expect(article).toMatchObject({ headline: '职工书屋建设成效显著', deck: '——全市新建职工书屋120家', byline: '通讯员 张三' });
    expect(bodyFigures(article.body)).toEqual([{ assetId: images[0]?.assetId, caption: '图为职工在书屋阅读' }]);
    expect(images).toHaveLength(1);
    expect(images[0].assetId).toMatch(/^[0-9a-f]{64}\.png$/);
    const table = article.body.root.children.find((b) => b.type === 'table');
    expect(table && blockLines(table)).toEqual(['区县\t数量', '渝中区\t12', '江北区\t9']);
    const bold = article.body.root.children.flatMap((b) => (b.type === 'paragraph' ? b.children : [])).find((c) => c.type === 'text' && c.format === 1);
    expect(bold).toMatchObject({ text: '会议强调' });
  });

  it('from an .odt: Title/Subtitle styles, the framed picture with its LibreOffice caption, heading, table, list', () => {
    const { article, images } = read.frame;
    expect(article).toMatchObject({ headline: '春风行动暖人心', deck: '——市总工会开展送岗位活动', byline: '记者 王五' });
    expect(images.map((i) => i.assetId)).toEqual([PNG_ID]);
    expect(bodyFigures(article.body)).toEqual([{ assetId: PNG_ID, caption: '图 1: 招聘会现场' }]);
    expect(article.body.root.children.map((b) => `${b.type}${b.type === 'heading' ? ` ${b.tag}` : ''}`)).toEqual([
      'paragraph',
      'figure',
      'heading h2',
      'table',
      'list',
    ]);
  });

  it('a legacy .doc is refused as import.notDocx', async () => {
    await expect(readDocx(legacyDoc, 'old.doc')).rejects.toMatchObject({ code: 'import.notDocx', params: { file: 'old.doc' } });
  });
});
