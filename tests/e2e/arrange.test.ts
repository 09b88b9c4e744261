// Arranging an issue in the tree, in Chromium with the real services: articles dragged
// within and across sections (into an empty one too), sections dragged, the same by
// keyboard; every drop lands on disk as one undo step; Word files from the desktop still
// drop onto a section.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssueSchema, type Issue } from '../../shared/model/issue.js';
import { addArticle, addSection } from '../../shared/model/ops.js';
import { APP_ORIGIN, launchChromium, openApp, type AppHarness } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Makes an issue through the services with these sections (title → headlines) and opens it. */
async function seedIssue(app: AppHarness, sections: [string, string[]][]): Promise<string> {
  const { slug } = await app.handlers['issue:create']({
    template: 'bulletin',
    publicationName: '渝工简报',
    publisher: '重庆市总工会办公室',
    year: 2024,
    no: 3,
    serial: 186,
    date: '2024-03-20',
  });
  const opened = await app.handlers['issue:open']({ slug });
  let issue = opened.issue;
  for (const [title, headlines] of sections) {
    const made = addSection(issue, title);
    issue = made.issue;
    for (const headline of headlines) issue = addArticle(issue, made.section.id, headline).issue;
  }
  await app.handlers['issue:save']({ slug, issue, stamp: opened.stamp, checkpoint: false });
  await app.page.goto(`${APP_ORIGIN}/index.html#/issue/${encodeURIComponent(slug)}`);
  await app.page.locator('.issue-view').waitFor();
  return slug;
}

async function readIssue(app: AppHarness, slug: string): Promise<Issue> {
  return IssueSchema.parse(JSON.parse(await readFile(join(app.workspace, slug, 'issue.json'), 'utf8')));
}

/** The issue's structure as titles and headlines, the way the tests state it. */
function outline(issue: Issue): [string, string[]][] {
  return issue.sections.map((s) => [s.title, s.articles.map((a) => a.headline)]);
}

/** What the tree shows, read from the page. */
async function treeOutline(page: Page): Promise<[string, string[]][]> {
  return page.locator('.tree-section').evaluateAll((sections) =>
    sections.map((s): [string, string[]] => [
      s.querySelector('.banner-chip')?.textContent ?? '',
      Array.from(s.querySelectorAll('.tree-article-headline'), (h) => h.textContent ?? ''),
    ]),
  );
}

/** Waits until the save indicator says everything is on disk, then reads the file. */
async function savedOutline(app: AppHarness, slug: string): Promise<[string, string[]][]> {
  await app.page.locator('.save-status[data-state="saved"]').waitFor();
  return outline(await readIssue(app, slug));
}

const article = (page: Page, headline: string) => page.locator('.tree-article', { hasText: headline });
const sectionHead = (page: Page, title: string) => page.locator('.tree-section-head', { hasText: title });
const sectionItem = (page: Page, title: string) => page.locator('.tree-section', { has: page.locator('.banner-chip', { hasText: title }) });

async function centre(locator: Locator): Promise<{ x: number; y: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, height: box.height };
}

/**
 * Drags `from` with the mouse to `dy` px below the centre of `to` (as measured before the
 * drag), moving in small steps as a hand does. `during` runs before the button is let go.
 */
async function drag(page: Page, from: Locator, to: Locator, dy = 0, during?: () => Promise<void>): Promise<void> {
  const start = await centre(from);
  const end = await centre(to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // Past the activation distance first: until then it is still a click.
  await page.mouse.move(start.x, start.y + (end.y > start.y ? 8 : -8), { steps: 4 });
  await page.locator('.tree-overlay .tree-overlay-row').waitFor();
  await page.mouse.move(end.x, end.y + dy, { steps: 16 });
  await page.mouse.move(end.x + 4, end.y + dy, { steps: 2 });
  await during?.();
  await page.mouse.up();
  await page.locator('.tree.is-dragging').waitFor({ state: 'detached' });
}

/**
 * Lifts the focused row with Space and waits until dnd-kit hears the arrows: its keyboard
 * sensor starts listening one timer task after the lift, and screen readers are told.
 */
async function lift(page: Page, announced: string): Promise<void> {
  await page.keyboard.press('Space');
  await expect.poll(() => page.locator('[id^="DndLiveRegion"]').textContent()).toBe(announced);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
}

describe('arranging the issue in the tree', () => {
  it('drags articles within and across sections and a section above another; Ctrl+Z undoes one drag; a reload keeps the order', async () => {
    const app = await openApp(browser);
    const { page } = app;
    try {
      const slug = await seedIssue(app, [
        ['要闻', ['甲 两会精神宣讲', '乙 劳模工匠大宣讲', '丙 职工书屋建设']],
        ['渝工建功', ['丁 电力技能竞赛']],
        ['渝工暖心', []],
      ]);

      // A click still selects (the drag waits for the pointer to travel 5 px).
      await article(page, '乙 劳模工匠大宣讲').click();
      expect(await page.locator('textarea[name=headline]').inputValue()).toBe('乙 劳模工匠大宣讲');

      // Within a section: the third article up onto the first takes its place.
      await drag(page, article(page, '丙 职工书屋建设'), article(page, '甲 两会精神宣讲'));
      expect(await savedOutline(app, slug)).toEqual([
        ['要闻', ['丙 职工书屋建设', '甲 两会精神宣讲', '乙 劳模工匠大宣讲']],
        ['渝工建功', ['丁 电力技能竞赛']],
        ['渝工暖心', []],
      ]);
      // The drag did not select the row it started on.
      expect(await page.locator('textarea[name=headline]').inputValue()).toBe('乙 劳模工匠大宣讲');

      // Into another section, below its article; the screenshot is taken mid-drag.
      await drag(page, article(page, '甲 两会精神宣讲'), article(page, '丁 电力技能竞赛'), 10, async () => {
        const placeholder = sectionItem(page, '渝工建功').locator('.tree-article-item.is-dragging');
        await placeholder.waitFor();
        expect(await sectionItem(page, '渝工建功').locator('.tree-count').first().innerText()).toBe('2 篇');
        await page.waitForTimeout(300); // let the rows finish sliding, for the picture only
        await app.screenshot('arrange-drag');
      });
      expect(await savedOutline(app, slug)).toEqual([
        ['要闻', ['丙 职工书屋建设', '乙 劳模工匠大宣讲']],
        ['渝工建功', ['丁 电力技能竞赛', '甲 两会精神宣讲']],
        ['渝工暖心', []],
      ]);

      // Into the empty section, dropped on its “no articles” line.
      await drag(page, article(page, '乙 劳模工匠大宣讲'), sectionItem(page, '渝工暖心').locator('.tree-empty'));
      const afterArticles: [string, string[]][] = [
        ['要闻', ['丙 职工书屋建设']],
        ['渝工建功', ['丁 电力技能竞赛', '甲 两会精神宣讲']],
        ['渝工暖心', ['乙 劳模工匠大宣讲']],
      ];
      expect(await savedOutline(app, slug)).toEqual(afterArticles);

      // A section by its head, above the first one; its article goes along.
      await drag(page, sectionHead(page, '渝工暖心'), sectionHead(page, '要闻'), -6);
      expect(await savedOutline(app, slug)).toEqual([afterArticles[2], afterArticles[0], afterArticles[1]]);
      expect(await treeOutline(page)).toEqual([afterArticles[2], afterArticles[0], afterArticles[1]]);

      // Ctrl+Z takes back exactly the last drag.
      await page.keyboard.press('Control+z');
      await expect.poll(() => treeOutline(page)).toEqual(afterArticles);
      expect(await savedOutline(app, slug)).toEqual(afterArticles);

      // A reload reads the same order from disk.
      await page.reload();
      await page.locator('.issue-view').waitFor();
      await page.locator('.tree-article').first().waitFor();
      expect(await treeOutline(page)).toEqual(afterArticles);
    } finally {
      await app.close();
    }
  });

  it('moves articles and sections by keyboard: Space lifts, arrows move, Space drops, Esc cancels; screen readers hear where', async () => {
    const app = await openApp(browser);
    const { page } = app;
    const live = page.locator('[id^="DndLiveRegion"]');
    try {
      const slug = await seedIssue(app, [
        ['要闻', ['甲 两会精神宣讲', '乙 劳模工匠大宣讲']],
        ['渝工建功', ['丁 电力技能竞赛']],
      ]);

      // 甲 down past 乙, into the next section (first there), then past 丁.
      await article(page, '甲 两会精神宣讲').focus();
      await lift(page, '已拿起“甲 两会精神宣讲”。');
      await page.locator('.tree.is-keyboard-drag').waitFor();
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => live.textContent()).toBe('“甲 两会精神宣讲”：栏目“要闻”第 2 篇，共 2 篇。');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => live.textContent()).toBe('“甲 两会精神宣讲”：栏目“渝工建功”第 1 篇，共 2 篇。');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => live.textContent()).toBe('“甲 两会精神宣讲”：栏目“渝工建功”第 2 篇，共 2 篇。');
      await page.keyboard.press('Space');
      expect(await savedOutline(app, slug)).toEqual([
        ['要闻', ['乙 劳模工匠大宣讲']],
        ['渝工建功', ['丁 电力技能竞赛', '甲 两会精神宣讲']],
      ]);
      // Focus comes back to the moved row, so the next move can start from it.
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('甲 两会精神宣讲');

      // Esc puts a lifted article back where it was.
      await article(page, '乙 劳模工匠大宣讲').focus();
      await lift(page, '已拿起“乙 劳模工匠大宣讲”。');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => live.textContent()).toBe('“乙 劳模工匠大宣讲”：栏目“渝工建功”第 1 篇，共 3 篇。');
      await page.keyboard.press('Escape');
      await expect.poll(() => live.textContent()).toBe('已取消，“乙 劳模工匠大宣讲”回到原处。');
      expect(await treeOutline(page)).toEqual([
        ['要闻', ['乙 劳模工匠大宣讲']],
        ['渝工建功', ['丁 电力技能竞赛', '甲 两会精神宣讲']],
      ]);

      // A section up above the first, by its title.
      await page.locator('.tree-section-title', { hasText: '渝工建功' }).focus();
      await lift(page, '已拿起“渝工建功”。');
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => live.textContent()).toBe('栏目“渝工建功”：第 1 个，共 2 个。');
      await page.keyboard.press('Space');
      expect(await savedOutline(app, slug)).toEqual([
        ['渝工建功', ['丁 电力技能竞赛', '甲 两会精神宣讲']],
        ['要闻', ['乙 劳模工匠大宣讲']],
      ]);
      // Enter still selects the focused row, as a click does.
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('input[name=sectionTitle]').inputValue()).toBe('渝工建功');

      await page.keyboard.press('Control+z');
      expect(await savedOutline(app, slug)).toEqual([
        ['要闻', ['乙 劳模工匠大宣讲']],
        ['渝工建功', ['丁 电力技能竞赛', '甲 两会精神宣讲']],
      ]);
    } finally {
      await app.close();
    }
  });

  it('still takes Word files dragged from the desktop onto a section', async () => {
    const { contributionDocx } = await import('../fixtures/docx/build.js');
    const dir = await mkdtemp(join(tmpdir(), 'masthead-arrange-'));
    const file = join(dir, '职工书屋.docx');
    await writeFile(file, await contributionDocx({ title: '职工书屋建设再上新台阶', paragraphs: ['近日，市总工会命名了一批职工书屋示范点。'] }));
    const app = await openApp(browser);
    const { page } = app;
    try {
      const slug = await seedIssue(app, [
        ['要闻', ['甲 两会精神宣讲']],
        ['渝工暖心', []],
      ]);
      // A page has no file paths; Electron's webUtils gives this one for the dropped file.
      app.answerDroppedFilePaths({ '职工书屋.docx': file });
      const target = sectionItem(page, '渝工暖心');
      await target.evaluate((section) => {
        const data = new DataTransfer();
        data.items.add(new File(['docx'], '职工书屋.docx'));
        for (const type of ['dragenter', 'dragover']) section.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      });
      await page.locator('.tree-section.drop-target', { hasText: '渝工暖心' }).waitFor();
      expect(await page.locator('.tree.is-dragging').count()).toBe(0);
      await target.evaluate((section) => {
        const data = new DataTransfer();
        data.items.add(new File(['docx'], '职工书屋.docx'));
        section.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      });
      const dialog = page.getByRole('dialog', { name: '导入 Word 来稿' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: '关闭' }).click();
      await sectionItem(page, '渝工暖心').locator('.tree-article', { hasText: '职工书屋建设再上新台阶' }).waitFor();
      expect(await savedOutline(app, slug)).toEqual([
        ['要闻', ['甲 两会精神宣讲']],
        ['渝工暖心', ['职工书屋建设再上新台阶']],
      ]);
    } finally {
      await app.close();
    }
  });
});
