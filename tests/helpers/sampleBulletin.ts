// The sample bulletin (resources/samples/yugong-2024-03.txt) as a whole Issue, imported
// as the text importer would, with a filled colophon (报、送、发, editors, copies), in
// either built-in template: what the PDF tests and the benchmark print.
import { readFileSync } from 'node:fs';
import type { TemplateId } from '../../shared/layout/templates.js';
import { draftLines, linesToSections } from '../../shared/import/text.js';
import { chineseDate } from '../../shared/export/print/document.js';
import { createIssue } from '../../shared/model/factory.js';
import type { Issue } from '../../shared/model/issue.js';

/** The sample draft as plain text. */
export const SAMPLE_DRAFT = readFileSync(new URL('../../resources/samples/yugong-2024-03.txt', import.meta.url), 'utf8');

/** 渝工简报 2024年第3期 from the sample draft, laid out with `template`, its colophon filled in. */
export function sampleBulletin(template: TemplateId = 'bulletin'): Issue {
  const issue = createIssue(
    { template, publicationName: '渝工简报', publisher: '重庆市总工会办公室', year: 2024, no: 3, serial: 186, date: '2024-03-20' },
    '2024-03-20T08:00:00.000Z',
  );
  return {
    ...issue,
    sections: linesToSections(draftLines(SAMPLE_DRAFT)),
    colophon: {
      distribution: [
        { label: '报', text: '全国总工会办公厅，市委办公厅，市政府办公厅' },
        { label: '送', text: '各区县（自治县）总工会，市级产业工会' },
        { label: '发', text: '市总工会各部门、直属单位' },
      ],
      editor: '李明',
      reviewer: '王芳',
      approver: '张强',
      copies: 300,
    },
  };
}

/** The colophon's own text as pdftotext gives it, whitespace squashed, to tell it from the articles'. */
export function colophonTexts(issue: Issue): string[] {
  const c = issue.colophon;
  return [
    ...c.distribution.map((l) => `${l.label}：${l.text}`),
    issue.publication.publisher,
    `${chineseDate(issue.date)}印发`,
    `责任编辑：${c.editor}`,
    `审核：${c.reviewer}`,
    `签发：${c.approver}`,
    `共印${c.copies}份`,
  ].map((s) => s.replace(/\s+/g, ''));
}
