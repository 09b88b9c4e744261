import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssueSchema } from '../../shared/model/issue.js';
import { bodyText } from '../../shared/model/text.js';
import { launchChromium, openApp } from './harness.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/samples/yugong-2024-03.txt');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('importing a text draft in the app', () => {
  it('previews the sample, lets the editor correct it, and creates the issue', async () => {
    const app = await openApp(browser, { files: [SAMPLE] });
    const { page } = app;
    try {
      // File ▸ Import Text Draft (Ctrl+O) opens the same preview as the library's button.
      await page.getByText('工作区里还没有刊期。').waitFor();
      await app.menu('importText');
      const preview = page.getByRole('dialog', { name: '导入预览' });
      await preview.waitFor();
      expect(await preview.locator('.import-found').innerText()).toBe('4 个栏目 · 7 篇稿件 · 1 处图片');
      expect(await preview.innerText()).toContain('编码 UTF-8');
      await app.screenshot('import-preview');

      // The editor decides the photo-news paragraph needs a headline: split its first sentence off.
      const photoLine = preview.locator('.import-line').last();
      const text = photoLine.locator('textarea');
      await text.click();
      await text.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(12, 12)); // after 向阳草木青,明媚春光暖。
      await photoLine.getByRole('button', { name: '在光标处拆分' }).click();
      const headlineLine = preview.locator('.import-line').nth(-2);
      expect(await headlineLine.locator('textarea').inputValue()).toBe('向阳草木青,明媚春光暖。');
      await headlineLine.locator('textarea').focus();
      await page.keyboard.press('Alt+2');
      expect(await headlineLine.getAttribute('data-role')).toBe('headline');

      // Move the competition story into 渝工暖心.
      const story = preview.locator('.import-line', { has: page.locator('textarea', { hasText: '城口县首届' }) });
      await story.locator('select.import-move').selectOption({ label: '渝工暖心' });

      await preview.locator('input[name=publicationName]').fill('渝工');
      await preview.getByRole('button', { name: '创建这一期' }).click();
      await page.locator('.issue-view').waitFor();

      const slug = decodeURIComponent(page.url().split('#/issue/')[1]);
      const issue = IssueSchema.parse(JSON.parse(await readFile(join(app.workspace, slug, 'issue.json'), 'utf8')));
      expect(issue.publication.name).toBe('渝工');
      expect(issue.number).toMatchObject({ year: 2024, no: 3 });
      expect(issue.sections.map((s) => s.title)).toEqual(['渝工铸魂', '渝工建功', '渝工暖心', '图片新闻']);
      expect(issue.sections[2].articles.map((a) => a.headline)).toEqual([
        '璧山区总工会发布 62项“惠民强企”服务事项清单',
        '城口县首届“卓越杯” 电力行业职工劳动技能竞赛举办',
      ]);
      const photo = issue.sections[3].articles[0];
      expect(photo.kind).toBe('photo');
      expect(photo.headline).toBe('向阳草木青,明媚春光暖。');
      expect(bodyText(photo.body).startsWith('3月17日')).toBe(true);
      await page.locator('.tree-article', { hasText: '巾帼匠心筑梦' }).click();
      // The caption stands in the editor as the figure still waiting for its photo.
      await page.locator('.ed-figure-caption').first().waitFor();
      expect(await page.locator('.ed-figure-caption').first().inputValue()).toBe('巾帼劳模工匠大宣讲现场');
      await app.screenshot('imported-issue');
    } finally {
      await app.close();
    }
  });
});

describe('importing Word contributions in the app', () => {
  it('adds one article per file to the chosen section, reports the refused file, and keeps unsaved edits', async () => {
    const { contributionDocx, makePng } = await import('../fixtures/docx/build.js');
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'masthead-docx-'));
    const good = join(dir, '职工书屋.docx');
    await writeFile(
      good,
      await contributionDocx({
        title: '职工书屋建设再上新台阶',
        deck: '——全市已建成各级职工书屋三千余家',
        byline: '通讯员 李明',
        paragraphs: ['近日，市总工会命名了一批职工书屋示范点。', '书屋配备图书、期刊和电子阅读设备。'],
        photos: [{ after: 0, png: makePng(320, 240), caption: '职工在书屋阅读' }],
      }),
    );
    const bad = join(dir, '损坏.docx');
    await writeFile(bad, 'not a zip at all');
    const app = await openApp(browser, { files: [good, bad] });
    const { page } = app;
    try {
      const { slug } = await app.handlers['issue:create']({
        template: 'newsletter', publicationName: '工会通讯', publisher: '', year: 2024, no: 5, serial: null, date: '2024-05-01',
      });
      await page.goto(`${page.url().split('#')[0]}#/issue/${encodeURIComponent(slug)}`);
      await page.getByRole('button', { name: '＋ 添加栏目' }).click();
      await page.locator('input[name=sectionTitle]').fill('职工之家');
      // An edit still pending when the import starts must not be lost.
      await page.getByRole('button', { name: '导入 Word 来稿' }).click();
      const dialog = page.getByRole('dialog', { name: '导入 Word 来稿' });
      await dialog.waitFor();
      const text = await dialog.innerText();
      expect(text).toContain('已导入 1 篇，失败 1 个文件。');
      expect(text).toContain('✓ 职工书屋.docx：职工书屋建设再上新台阶（1 张图片）');
      expect(text).toContain('✗ 损坏.docx：未能导入。');
      await app.screenshot('import-docx-result');
      await dialog.getByRole('button', { name: '关闭' }).click();
      await page.locator('.tree-article', { hasText: '职工书屋建设再上新台阶' }).waitFor();

      const issue = IssueSchema.parse(JSON.parse(await readFile(join(app.workspace, slug, 'issue.json'), 'utf8')));
      expect(issue.sections.map((s) => s.title)).toEqual(['职工之家']);
      const [article] = issue.sections[0].articles;
      expect(article).toMatchObject({ headline: '职工书屋建设再上新台阶', deck: '——全市已建成各级职工书屋三千余家', byline: '通讯员 李明' });
      const figure = article.body.root.children.find((b) => b.type === 'figure');
      expect(figure).toMatchObject({ caption: '职工在书屋阅读' });
      expect(figure?.type === 'figure' && figure.assetId).toMatch(/^[0-9a-f]{64}\.png$/);
    } finally {
      await app.close();
    }
  });
});
