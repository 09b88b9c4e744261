import { describe, expect, it } from 'vitest';
import { articleFromBlocks, splitArticle } from '../../../../shared/import/article.js';
import { htmlTreeToMarkedBlocks } from '../../../../shared/import/blocks.js';
import { parseHtml } from '../../../../shared/import/htmlTree.js';
import { ArticleSchema } from '../../../../shared/model/issue.js';
import { blockLines } from '../../../../shared/model/text.js';

const A = `${'a'.repeat(64)}.png`;
const marked = (html: string) => htmlTreeToMarkedBlocks(parseHtml(html), (src) => (src === 'a.png' ? { assetId: A, size: null } : null));
const split = (html: string, fallbackHeadline?: string) => {
  const parts = splitArticle(marked(html), { fallbackHeadline });
  return { ...parts, body: parts.body.map((b) => `${b.type === 'heading' ? `${b.tag} ` : ''}${b.type === 'figure' ? `[${b.caption}]` : blockLines(b).join('|')}`) };
};

describe('splitArticle', () => {
  const cases: Array<{ name: string; html: string; fallback?: string; want: ReturnType<typeof split> }> = [
    {
      name: 'Title and Subtitle styles, byline at the top, source at the end',
      html: `<h1 class="title">职工书屋建设成效显著</h1><p class="subtitle">全市新建职工书屋120家</p><p>通讯员 张三</p><p>本报讯 近日，市总工会召开会议。</p><p>（供稿：市总工会办公室）</p>`,
      want: {
        kicker: '',
        headline: '职工书屋建设成效显著',
        deck: '全市新建职工书屋120家',
        byline: '通讯员 张三 （供稿：市总工会办公室）',
        body: ['本报讯 近日，市总工会召开会议。'],
      },
    },
    {
      name: 'kicker above a Heading 1 headline, plain deck below it',
      html: `<p>学习贯彻全国两会精神</p><h1>市总工会召开党组会议</h1><p>研究部署下一阶段工作</p><p>本报记者 李四</p><p>会议指出，今年全国两会意义重大。</p>`,
      want: {
        kicker: '学习贯彻全国两会精神',
        headline: '市总工会召开党组会议',
        deck: '研究部署下一阶段工作',
        byline: '本报记者 李四',
        body: ['会议指出，今年全国两会意义重大。'],
      },
    },
    {
      name: 'first short bold-only line as headline, —— deck, subheadings renumbered from h2',
      html: `<p><strong>巾帼匠心筑梦 强国复兴有我</strong></p><p>——市总工会举办巾帼劳模工匠大宣讲活动</p><p>3月15日，宣讲活动举行。</p><h3>一、宣讲内容</h3><p>四位嘉宾分享了奋斗故事。</p><h4>（一）细节</h4>`,
      want: {
        kicker: '',
        headline: '巾帼匠心筑梦 强国复兴有我',
        deck: '——市总工会举办巾帼劳模工匠大宣讲活动',
        byline: '',
        body: ['3月15日，宣讲活动举行。', 'h2 一、宣讲内容', '四位嘉宾分享了奋斗故事。', 'h3 （一）细节'],
      },
    },
    {
      name: 'unstyled text: first short line is the headline, a short line under it the deck',
      html: `<p>市总工会党组 学习贯彻全国两会精神</p><p>市总工会举办巾帼劳模工匠大宣讲活动</p><p><img src="a.png"></p><p>巾帼劳模工匠大宣讲现场</p><p>3月15日，市总工会举办活动。</p><p>文/王五 图/赵六</p>`,
      want: {
        kicker: '',
        headline: '市总工会党组 学习贯彻全国两会精神',
        deck: '市总工会举办巾帼劳模工匠大宣讲活动',
        byline: '文/王五 图/赵六',
        body: ['[巾帼劳模工匠大宣讲现场]', '3月15日，市总工会举办活动。'],
      },
    },
    {
      name: 'a document that starts with body text has no headline: the fallback is used',
      html: `<p>近日，市总工会召开党组会议，深入学习贯彻全国两会精神。</p><h2>一、会议内容</h2><p>记者从会上获悉，今年将开展十件实事。</p>`,
      fallback: '党组会议',
      want: {
        kicker: '',
        headline: '党组会议',
        deck: '',
        byline: '',
        body: ['近日，市总工会召开党组会议，深入学习贯彻全国两会精神。', 'h2 一、会议内容', '记者从会上获悉，今年将开展十件实事。'],
      },
    },
    {
      name: 'a salutation or a date under the headline is not a deck',
      html: `<h1>关于开展劳动竞赛的通知</h1><p>各区县总工会：</p><p>现将有关事项通知如下。</p><p>2024年3月15日</p>`,
      want: {
        kicker: '',
        headline: '关于开展劳动竞赛的通知',
        deck: '',
        byline: '',
        body: ['各区县总工会：', '现将有关事项通知如下。', '2024年3月15日'],
      },
    },
    {
      name: 'a headline split by a line break keeps it as \\n',
      html: `<h1 class="title">渝工铸魂<br>奋进新征程</h1><p>正文。</p>`,
      want: { kicker: '', headline: '渝工铸魂\n奋进新征程', deck: '', byline: '', body: ['正文。'] },
    },
  ];

  it.each(cases)('$name', ({ html, fallback, want }) => {
    expect(split(html, fallback)).toEqual(want);
  });
});

describe('articleFromBlocks', () => {
  it('gives a valid draft story', () => {
    const article = articleFromBlocks(marked('<h1 class="title">标题</h1><p>记者 张三</p><p>正文。</p>'));
    expect(ArticleSchema.parse(article)).toEqual(article);
    expect(article).toMatchObject({ kind: 'story', status: 'draft', headline: '标题', byline: '记者 张三', kicker: '', deck: '' });
    expect(article.body.root.children).toHaveLength(1);
  });
});
