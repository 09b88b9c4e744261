import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { importDocxFiles } from '../../electron/services/import/importDocx.js';
import { IssueStore } from '../../electron/services/issueStore.js';
import { contributionDocx, makePng } from '../fixtures/docx/build.js';
import { bulletinParagraph } from '../fixtures/docx/sources.js';
import { sampleIssue } from '../helpers/issues.js';

/**
 * Importing 20 typical contributions into one issue: 2–5 pages of text each (about
 * 1 000 characters a page, with subheadings, a list and a table) and 2–3 photos of
 * 200–500 KB (PNG noise, which does not compress, like a photo). Target: under 5 s.
 */

const CONTRIBUTIONS = 20;
const root = await mkdtemp(join(tmpdir(), 'masthead-bench-docx-'));
const inbox = join(root, 'inbox');
await mkdir(inbox);

const files: string[] = [];
let totalBytes = 0;
for (let i = 0; i < CONTRIBUTIONS; i++) {
  const pages = 2 + (i % 4);
  const paragraphs: string[] = [];
  for (let p = 0; p < pages * 5; p++) {
    if (p > 0 && p % 6 === 0) paragraphs.push(`## ${['一', '二', '三', '四'][(p / 6 - 1) % 4]}、工作成效`);
    paragraphs.push(bulletinParagraph(200, i + p));
  }
  const photos = Array.from({ length: 2 + (i % 2) }, (_, k) => {
    const side = 260 + ((i * 3 + k * 7) % 7) * 20; // 260–380 px square: 200–430 KB
    return { after: k * 3, png: makePng(side, side, i * 10 + k + 1), caption: `活动现场${i + 1}-${k + 1}` };
  });
  const bytes = await contributionDocx({
    title: `第${i + 1}篇 市总工会开展职工服务活动`,
    deck: '——为职工办实事',
    byline: '通讯员 张三',
    paragraphs,
    photos,
    bullets: ['走访慰问困难职工', '开展技能培训'],
    table: [
      ['项目', '人数'],
      ['走访', String(100 + i)],
    ],
    source: '（供稿：市总工会办公室）',
  });
  const file = join(inbox, `contribution-${i + 1}.docx`);
  await writeFile(file, bytes);
  files.push(file);
  totalBytes += bytes.length;
}

let run = 0;
afterAll(() => rm(root, { recursive: true, force: true }));

describe(`import ${CONTRIBUTIONS} .docx contributions (${(totalBytes / 1024 / 1024).toFixed(1)} MB)`, () => {
  bench(
    'importDocxFiles into one issue',
    async () => {
      const store = new IssueStore();
      const issueDir = join(root, `issue-${run++}`);
      await store.create(issueDir, sampleIssue());
      const start = performance.now();
      const { results } = await importDocxFiles(issueDir, files, { section: '渝工建功' }, store);
      const ms = performance.now() - start;
      const failed = results.filter((r) => !r.ok);
      if (failed.length > 0) throw new Error(`${failed.length} contributions failed: ${JSON.stringify(failed[0])}`);
      console.log(`imported ${results.length} contributions (${(totalBytes / 1024 / 1024).toFixed(1)} MB) in ${ms.toFixed(0)} ms (target < 5000 ms)`);
    },
    { iterations: 5, warmupIterations: 1, time: 0, warmupTime: 0 },
  );
});
