import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssetStore, assetIdOf } from '../../../electron/services/assets.js';
import { IssueStore } from '../../../electron/services/issueStore.js';
import { draftLines, linesToSections } from '../../../shared/import/text.js';
import { figureNode, figurePixels, textNode, TextFormat, type BlockNode, type ListNode, type TableNode } from '../../../shared/model/body.js';
import { createIssue } from '../../../shared/model/factory.js';
import type { Issue } from '../../../shared/model/issue.js';
import type { TemplateId } from '../../../shared/layout/templates.js';
import { landscape, makeJpeg, makePng, poster } from './images.js';

/** The sample bulletin as text (resources/samples in the repository). */
export const SAMPLE_TEXT = readFileSync(new URL('../../../resources/samples/yugong-2024-03.txt', import.meta.url), 'utf8');

/** The two images the sample gets: a 800 × 500 PNG poster and a 640 × 480 JPEG photo. */
export function sampleImages(): { png: Buffer; jpeg: Buffer; pngId: string; jpegId: string } {
  if (!images) {
    const png = makePng(800, 500, poster);
    const jpeg = makeJpeg(640, 480, landscape);
    images = { png, jpeg, pngId: assetIdOf(png, 'png'), jpegId: assetIdOf(jpeg, 'jpg') };
  }
  return images;
}
let images: ReturnType<typeof sampleImages> | null = null;

const el = { version: 1 as const, direction: null, format: '' as const, indent: 0 };

function list(listType: ListNode['listType'], items: Array<string | [string, ListNode]>): ListNode {
  return {
    type: 'list',
    ...el,
    listType,
    start: 1,
    tag: listType === 'number' ? 'ol' : 'ul',
    children: items.map((item, i) => ({
      type: 'listitem',
      ...el,
      value: i + 1,
      children: typeof item === 'string' ? [textNode(item)] : [textNode(item[0]), item[1]],
    })),
  };
}

function table(rows: string[][]): TableNode {
  return {
    type: 'table',
    ...el,
    children: rows.map((cells, r) => ({
      type: 'tablerow',
      ...el,
      children: cells.map((text) => ({
        type: 'tablecell',
        ...el,
        headerState: r === 0 ? 1 : 0,
        colSpan: 1,
        rowSpan: 1,
        children: [{ type: 'paragraph', ...el, children: [textNode(text)] }],
      })),
    })),
  };
}

/**
 * The sample bulletin 渝工简报 2024年第3期 as an editor gets it from the text import, with
 * what the text cannot carry added: a PNG and a JPEG figure, a table, bullet and
 * numbered lists (one nested), a bold run, the 内部资料 line and a full colophon. One
 * imported caption keeps no photo (a figure waiting for its image).
 */
export function sampleIssue(template: TemplateId = 'bulletin'): Issue {
  const base = createIssue(
    { template, publicationName: '渝工简报', publisher: '重庆市总工会办公室', year: 2024, no: 3, serial: 186, date: '2024-03-20' },
    '2024-03-20T08:00:00.000Z',
  );
  const { pngId, jpegId } = sampleImages();
  let n = 0;
  const sections = linesToSections(draftLines(SAMPLE_TEXT)).map((s) => ({
    ...s,
    id: `section${++n}`,
    articles: s.articles.map((a) => ({ ...a, id: `article${++n}` })),
  }));
  const story = (headlineStart: string) => sections.flatMap((s) => s.articles).find((a) => a.headline.startsWith(headlineStart));
  const addBlocks = (headlineStart: string, at: number, blocks: BlockNode[]) => {
    const a = story(headlineStart);
    if (!a) throw new Error(`no article ${headlineStart} in the sample`);
    a.body.root.children.splice(at, 0, ...blocks);
  };
  const jpegSize = { width: 640, height: 480 };
  addBlocks('春风送暖', 1, [figureNode('任伟在绿水村宣讲全国两会精神', jpegId, jpegSize)]);
  addBlocks('最高奖励5万元', 2, [
    { ...figureNode('2024年重庆市网上劳动和技能竞赛海报', pngId, { width: 800, height: 500 }), width: 'half' },
    table([
      ['奖项', '数量', '最高奖励'],
      ['网上劳动竞赛先进集体', '100个', '5万元'],
      ['“安康杯”竞赛优胜奖先进集体', '20个', '5万元'],
      ['“五小”活动展示奖', '每月100个', '1000元'],
    ]),
    list('bullet', ['月度、季度、年度“劳动之星”“技能之星”', ['“创新之星”“安康之星”和“服务之星”', list('bullet', ['最高奖励5000元'])]]),
    list('number', ['登录“重庆市总工会职工服务网（官网）”报名', '区县总工会、产业工会审核', '获取网上竞赛登录账号']),
  ]);
  const first = sections[0]?.articles[0] ?? story('市总工会党组');
  const para = first?.body.root.children[0];
  if (para?.type === 'paragraph') para.children = [textNode('近日', TextFormat.bold), ...para.children.map((c) => (c.type === 'text' ? { ...c, text: c.text.replace(/^近日/, '') } : c))];
  for (const block of sections.flatMap((s) => s.articles).filter((a) => a.kind === 'photo').flatMap((a) => a.body.root.children)) {
    if (block.type === 'figure') Object.assign(block, { assetId: jpegId, ...figurePixels(jpegSize) });
  }
  const photoNews = sections.find((s) => s.title === '图片新闻');
  const photo = photoNews?.articles[0];
  if (photo && !photo.body.root.children.some((b) => b.type === 'figure')) {
    photo.body.root.children.unshift(figureNode('', jpegId, jpegSize));
  }
  return {
    ...base,
    id: `issue-${template}`,
    publication: { ...base.publication, internal: true, permit: '渝内资准字（2024）第001号' },
    sections,
    colophon: {
      distribution: [
        { label: '报', text: '全国总工会，市委、市人大常委会、市政府、市政协' },
        { label: '送', text: '市级有关部门，各区县（自治县）党委' },
        { label: '发', text: '各区县总工会，各市级产业（局）工会' },
      ],
      editor: '李明',
      reviewer: '王芳',
      approver: '张伟',
      copies: 300,
    },
  };
}

/** Writes the sample issue and its two images into `workspace/<slug>` through the real stores; returns the folder. */
export async function writeSampleIssue(workspace: string, template: TemplateId = 'bulletin'): Promise<string> {
  const dir = join(workspace, `yugong-${template}`);
  await new IssueStore().create(dir, sampleIssue(template));
  const { png, jpeg } = sampleImages();
  const assets = new AssetStore(dir);
  await assets.put(png);
  await assets.put(jpeg);
  return dir;
}
