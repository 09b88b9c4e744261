import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssueSchema, type Issue } from '../../shared/model/issue.js';
import { launchChromium, openApp } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function readIssue(dir: string): Promise<Issue> {
  return IssueSchema.parse(JSON.parse(await readFile(join(dir, 'issue.json'), 'utf8')));
}

/** Waits until the save indicator says everything is on disk. */
async function waitSaved(page: Page): Promise<void> {
  await page.locator('.save-status[data-state="saved"]').waitFor();
}

async function createIssue(page: Page, name: string, publisher: string): Promise<void> {
  await page.getByRole('button', { name: '新建一期' }).first().click();
  const dialog = page.getByRole('dialog', { name: '新建一期' });
  await dialog.locator('input[name=publicationName]').fill(name);
  await dialog.locator('input[name=publisher]').fill(publisher);
  await dialog.locator('input[name=year]').fill('2024');
  await dialog.locator('input[name=no]').fill('3');
  await dialog.locator('input[name=serial]').fill('186');
  await dialog.locator('input[name=date]').fill('2024-03-20');
  await dialog.getByRole('button', { name: '创建' }).click();
  await page.locator('.issue-view').waitFor();
}

describe('the library and issue views in Chromium', () => {
  it('creates an issue, builds sections and articles, and finds them again after a reload', async () => {
    const app = await openApp(browser);
    const { page } = app;
    try {
      await page.getByText('工作区里还没有刊期。').waitFor();
      await app.screenshot('library-empty');
      await createIssue(page, '渝工简报', '重庆市总工会办公室');
      expect(page.url()).toContain('#/issue/');

      // Two sections, renamed through the section pane.
      for (const title of ['渝工铸魂', '渝工建功']) {
        await page.getByRole('button', { name: '＋ 添加栏目' }).click();
        const input = page.locator('input[name=sectionTitle]');
        await input.fill(title);
      }
      // Three articles: two in the first section, one in the second.
      const addTo = (section: string) => page.getByRole('button', { name: `添加稿件：${section}` });
      await addTo('渝工铸魂').click();
      await page.locator('textarea[name=headline]').fill('市总工会党组 学习贯彻全国两会精神');
      await addTo('渝工铸魂').click();
      await page.locator('textarea[name=headline]').fill('巾帼匠心筑梦 强国复兴有我');
      await page.locator('input[name=deck]').fill('市总工会举办巾帼劳模工匠大宣讲活动');
      await addTo('渝工建功').click();
      await page.locator('textarea[name=headline]').fill('城口县首届“卓越杯”电力行业职工劳动技能竞赛举办');
      await page.locator('select[name=status]').selectOption('edited');

      // Move the second article of 渝工铸魂 into 渝工建功 with the section picker.
      await page.locator('.tree-article', { hasText: '巾帼匠心筑梦' }).click();
      const target = await page.locator('select[name=moveToSection] option', { hasText: '渝工建功' }).getAttribute('value');
      await page.locator('select[name=moveToSection]').selectOption(target ?? '');
      // And up above the competition story by keyboard (Alt+↑).
      await page.locator('.tree-article', { hasText: '巾帼匠心筑梦' }).click();
      await page.keyboard.press('Alt+ArrowUp');
      await waitSaved(page);
      await app.screenshot('issue-structure');

      const dir = join(app.workspace, decodeURIComponent(page.url().split('#/issue/')[1]));
      const onDisk = await readIssue(dir);
      expect(onDisk.sections.map((s) => s.title)).toEqual(['渝工铸魂', '渝工建功']);
      expect(onDisk.sections.map((s) => s.articles.map((a) => a.headline))).toEqual([
        ['市总工会党组 学习贯彻全国两会精神'],
        ['巾帼匠心筑梦 强国复兴有我', '城口县首届“卓越杯”电力行业职工劳动技能竞赛举办'],
      ]);
      expect(onDisk.sections[1].articles[0].deck).toBe('市总工会举办巾帼劳模工匠大宣讲活动');
      expect(onDisk.sections[1].articles[1].status).toBe('edited');

      // A reload comes back to the same issue, read from disk.
      await page.reload();
      await page.locator('.issue-view').waitFor();
      const tree = await page.locator('.tree-section').allInnerTexts();
      expect(tree[0]).toContain('渝工铸魂');
      expect(tree[0]).toContain('市总工会党组 学习贯彻全国两会精神');
      expect(tree[1]).toContain('巾帼匠心筑梦 强国复兴有我');

      // Ctrl+S keeps a history version.
      await page.keyboard.press('Control+s');
      await page.locator('.save-status', { hasText: '已保存并留存历史版本' }).waitFor();
      const history = await app.handlers['issue:open']({ slug: dir.split('/').pop() ?? '' });
      expect(history.issue.sections).toHaveLength(2);

      // Back in the library the card shows the counts.
      await page.getByRole('button', { name: '← 期刊库' }).click();
      const card = page.locator('.issue-card').first();
      await card.waitFor();
      const text = await card.innerText();
      expect(text).toContain('渝工简报');
      expect(text).toContain('2024年第3期');
      expect(text).toContain('总第186期');
      expect(text).toContain('2 个栏目');
      expect(text).toContain('3 篇稿件');
      await app.screenshot('library-one-issue');
    } finally {
      await app.close();
    }
  });

  it('deletes with confirmation, and undoes with Ctrl+Z', async () => {
    const app = await openApp(browser);
    const { page } = app;
    try {
      await createIssue(page, '工会通讯', '');
      await page.getByRole('button', { name: '＋ 添加栏目' }).click();
      await page.locator('input[name=sectionTitle]').fill('要闻');
      await page.getByRole('button', { name: '删除栏目' }).click();
      await page.getByRole('dialog').getByText('删除栏目“要闻”及其中的 0 篇稿件？').waitFor();
      await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
      expect(await page.locator('.tree-section').count()).toBe(0);
      await page.locator('body').click();
      await page.keyboard.press('Control+z');
      await page.locator('.tree-section', { hasText: '要闻' }).waitFor();
      await waitSaved(page);
      const slug = decodeURIComponent(page.url().split('#/issue/')[1]);
      expect((await readIssue(join(app.workspace, slug))).sections.map((s) => s.title)).toEqual(['要闻']);
    } finally {
      await app.close();
    }
  });

  it('duplicates, renames, trashes and restores issues; a damaged file is shown, not touched', async () => {
    const app = await openApp(browser);
    const { page } = app;
    try {
      await createIssue(page, '渝工简报', '重庆市总工会');
      await page.getByRole('button', { name: '＋ 添加栏目' }).click();
      await page.locator('input[name=sectionTitle]').fill('渝工暖心');
      await waitSaved(page);
      await page.getByRole('button', { name: '← 期刊库' }).click();

      await page.getByRole('button', { name: '复制为下一期' }).click();
      await page.locator('.issue-card').nth(1).waitFor();
      const cards = await page.locator('.issue-card').allInnerTexts();
      expect(cards.some((c) => c.includes('2024年第4期') || c.includes('第1期'))).toBe(true);

      const damagedDir = join(app.workspace, 'broken-issue');
      await (await import('node:fs/promises')).mkdir(damagedDir);
      await writeFile(join(damagedDir, 'issue.json'), '{"schemaVersion": 1, "id": tru');
      await page.getByRole('button', { name: '刷新' }).click();
      const damaged = page.locator('.issue-card.damaged');
      await damaged.waitFor();
      expect(await damaged.innerText()).toContain('刊期文件已损坏');
      expect(await readFile(join(damagedDir, 'issue.json'), 'utf8')).toBe('{"schemaVersion": 1, "id": tru');
      await app.screenshot('library-with-damaged');

      const original = page.locator('.issue-card', { hasText: '2024年第3期' });
      await original.getByRole('button', { name: '重命名' }).click();
      await page.getByRole('dialog').locator('input[name=text]').fill('三月特刊');
      await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
      await page.locator('.issue-card', { hasText: '三月特刊' }).waitFor();

      await page.locator('.issue-card', { hasText: '三月特刊' }).getByRole('button', { name: '移到废纸篓' }).click();
      await page.locator('.issue-card', { hasText: '三月特刊' }).waitFor({ state: 'detached' });
      await page.getByRole('button', { name: '废纸篓', exact: true }).click();
      await page.getByRole('button', { name: '恢复' }).click();
      await page.getByText('废纸篓是空的。').waitFor();
      await page.getByRole('button', { name: '← 返回期刊库' }).click();
      await page.locator('.issue-card', { hasText: '三月特刊' }).waitFor();
    } finally {
      await app.close();
    }
  });

  it('switches the whole UI to English and remembers it', async () => {
    const app = await openApp(browser);
    const { page } = app;
    try {
      await page.getByRole('radio', { name: 'EN' }).click();
      await page.getByText('There are no issues in this workspace yet.').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.reload();
      await page.getByRole('button', { name: 'New issue' }).first().waitFor();
      const settings = JSON.parse(await readFile(join(app.dataDir, 'settings.json'), 'utf8')) as { language: string };
      expect(settings.language).toBe('en');
      await page.getByRole('button', { name: 'New issue' }).first().click();
      await page.getByRole('dialog', { name: 'New issue' }).locator('input[name=publicationName]').fill('Union News');
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByRole('button', { name: '＋ Add section' }).click();
      await page.locator('.issue-view').getByText('Section title').waitFor();
      await app.screenshot('issue-english');
      // No Chinese UI text is left on the English screen (the content itself may be Chinese).
      // (The issue line 2026年第1期 is document text and the 中文 switch names its language; both stay.)
      const ui = await page.locator('.topbar .btn, .save-status, .tree-head, .pane-toolbar, .sidebar-foot, .field-label').allInnerTexts();
      expect(ui.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
    } finally {
      await app.close();
    }
  });
});
