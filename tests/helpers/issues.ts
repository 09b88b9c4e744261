import { bodyOf, figureNode, paragraphNode } from '../../shared/model/body.js';
import { createIssue, type NewIssueFields } from '../../shared/model/factory.js';
import type { Issue } from '../../shared/model/issue.js';
import { addArticle, addSection, updateArticle } from '../../shared/model/ops.js';

/** A fixed creation time so documents compare equal across runs. */
export const CREATED_AT = '2024-03-15T08:00:00.000Z';

/** A new empty issue of 渝工简报 2024年第3期（总第186期）. */
export function sampleIssue(fields: Partial<NewIssueFields> = {}): Issue {
  return createIssue(
    {
      template: 'bulletin',
      publicationName: '渝工简报',
      publisher: '重庆市总工会办公室',
      year: 2024,
      no: 3,
      serial: 186,
      date: '2024-03-15',
      ...fields,
    },
    CREATED_AT,
  );
}

/** A 64-hex asset id as the schema wants it. */
export const ASSET_ID = `${'ab'.repeat(32)}.jpg`;

/**
 * An issue with two sections (渝工铸魂 with two stories, 图片新闻 with one photo
 * article holding two figures), built through the ops as the UI would.
 */
export function filledIssue(): Issue {
  let issue = sampleIssue();
  const a = addSection(issue, '渝工铸魂');
  issue = a.issue;
  const b = addSection(issue, '图片新闻');
  issue = b.issue;
  const s1 = addArticle(issue, a.section.id, '市总工会召开党组会议');
  issue = updateArticle(s1.issue, s1.article.id, {
    kicker: '学习贯彻全国两会精神',
    deck: '研究部署下一阶段工作',
    byline: '本报记者 张三',
    body: bodyOf([paragraphNode('会议指出，今年全国两会。'), paragraphNode(''), paragraphNode('Hello world')]),
    status: 'edited',
  });
  const s2 = addArticle(issue, a.section.id, '第二篇');
  issue = s2.issue;
  const p = addArticle(issue, b.section.id, '职工风采');
  issue = updateArticle(p.issue, p.article.id, {
    kind: 'photo',
    body: bodyOf([figureNode('劳模座谈会现场', ASSET_ID), paragraphNode('图为座谈会。'), figureNode('待补图片')]),
  });
  return issue;
}
