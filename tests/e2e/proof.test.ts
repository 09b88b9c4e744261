// Proofreading in Chromium: the sample bulletin (135 half-width marks in its Chinese)
// in the 校对 tab, a hit shown in its article, one corrected, then all, with the open
// editor and issue.json following, and Ctrl+Z taking the whole correction back.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftLines, linesToSections } from '../../shared/import/text.js';
import { proofIssue } from '../../shared/proof/proofIssue.js';
import { launchChromium, openApp, type AppHarness } from './harness.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/samples/yugong-2024-03.txt');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A new issue holding the sample's sections, opened in the app; answers how many marks it has to correct. */
async function seedSample(app: AppHarness): Promise<{ slug: string; hits: number }> {
  const { slug } = await app.handlers['issue:create']({
    template: 'bulletin', publicationName: '渝工简报', publisher: '重庆市总工会办公室', year: 2024, no: 3, serial: 186, date: '2024-03-20',
  });
  const opened = await app.handlers['issue:open']({ slug });
  const text = await readFile(SAMPLE, 'utf8');
  let n = 0;
  const sections = linesToSections(draftLines(text)).map((s) => ({
    ...s,
    id: `section${++n}`,
    articles: s.articles.map((a) => ({ ...a, id: `article${++n}` })),
  }));
  const issue = { ...opened.issue, sections };
  await app.handlers['issue:save']({ slug, issue, stamp: opened.stamp, checkpoint: false });
  await app.page.goto(`${app.page.url().split('#')[0]}#/issue/${encodeURIComponent(slug)}`);
  await app.page.locator('.issue-view').waitFor();
  return { slug, hits: proofIssue(issue).length };
}

async function onDisk(app: AppHarness, slug: string, check: (json: string) => boolean): Promise<string> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const json = await readFile(join(app.workspace, slug, 'issue.json'), 'utf8');
    if (check(json)) return json;
    if (Date.now() > deadline) throw new Error('issue.json never matched');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const halfWidthInChinese = (json: string) => (json.match(/[\p{Script=Han}][,;:!]/gu) ?? []).length;
const summary = (page: Page) => page.locator('.proof-summary [role=status]').innerText();

describe('proofreading', () => {
  it('lists the sample’s punctuation, shows a hit in its article, corrects one and then all, and undoes in one step', async () => {
    const app = await openApp(browser);
    const { page } = app;
    try {
      const { slug, hits } = await seedSample(app);
      const before = await readFile(join(app.workspace, slug, 'issue.json'), 'utf8');
      expect(halfWidthInChinese(before)).toBeGreaterThan(100);

      // The page preview says there is punctuation to correct; F7 (as in Word) opens the tab.
      await expect
        .poll(() => page.locator('.preview-warnings').innerText().catch(() => ''), { timeout: 20_000 })
        .toContain(`有 ${hits} 处标点需要校对（按 F7 查看）。`);
      await page.keyboard.press('F7');
      await expect.poll(() => page.getByRole('tab', { name: '校对' }).getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => summary(page)).toBe(`共 ${hits} 处需要修正`);
      const groups = page.locator('.proof-group');
      expect(await groups.evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).toEqual(['halfWidth', 'parentheses']);
      // The application menu's Edit ▸ 标点校对 does the same from another tab.
      await page.getByRole('tab', { name: '版式' }).click();
      await app.menu('proofread');
      await expect.poll(() => page.getByRole('tab', { name: '校对' }).getAttribute('aria-selected')).toBe('true');

      // A hit opens its article and marks the comma in the editor.
      const first = page.locator('.proof-group[data-rule=halfWidth] .proof-hit').first();
      const context = await first.locator('.proof-context').innerText();
      expect(context).toMatch(/,，/);
      await first.locator('.proof-show').click();
      await expect.poll(() => page.locator('.article-pane').getAttribute('aria-label')).toBe('市总工会党组 学习贯彻全国两会精神');
      await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get('masthead-find') ?? [])][0]?.toString() ?? null)).toBe(',');
      await app.screenshot('proof');
      // ↓ and ↑ move between marks from the keyboard, showing each.
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.index)).toBe('1');
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.index)).toBe('0');
      await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get('masthead-find') ?? [])][0]?.toString() ?? null)).toBe(',');

      // Correct that one: the editor and the file follow, the count drops by one.
      await first.getByRole('button', { name: '修正', exact: true }).click();
      await expect.poll(() => summary(page)).toBe(`共 ${hits - 1} 处需要修正`);
      const editor = page.locator('.ed-content');
      await expect.poll(() => editor.innerText()).toContain('近日，市总工会召开党组会议');
      await onDisk(app, slug, (json) => json.includes('近日，市总工会召开党组会议'));
      // Ctrl+Enter corrects the mark in focus; the focus stays on the row now in its place.
      await page.locator('.proof-show[data-index="0"]').focus();
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => summary(page)).toBe(`共 ${hits - 2} 处需要修正`);
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.index)).toBe('0');

      // Correct all: nothing left, in the open editor or on disk; numbers untouched.
      await page.getByRole('button', { name: '全部修正' }).click();
      await expect.poll(() => summary(page)).toBe('未发现标点问题。');
      expect(await page.locator('.proof-fixed').innerText()).toBe(`已修正 ${hits - 2} 处，可以撤销。`);
      await expect.poll(() => editor.innerText()).not.toMatch(/[\p{Script=Han}],/u);
      const fixed = await onDisk(app, slug, (json) => halfWidthInChinese(json) === 0);
      expect(fixed).toContain('开（复）工');
      expect(fixed).toContain('1068.45万元');
      await app.screenshot('proof-fixed');

      // Ctrl+Z (outside a text field) takes back the whole correction, then the single ones.
      await page.locator('.proof-summary').click();
      await page.keyboard.press('Control+z');
      await expect.poll(() => summary(page)).toBe(`共 ${hits - 2} 处需要修正`);
      await onDisk(app, slug, (json) => halfWidthInChinese(json) === halfWidthInChinese(before) - 2);
      await page.keyboard.press('Control+z');
      await expect.poll(() => summary(page)).toBe(`共 ${hits - 1} 处需要修正`);
      await page.keyboard.press('Control+z');
      await expect.poll(() => summary(page)).toBe(`共 ${hits} 处需要修正`);
      await onDisk(app, slug, (json) => halfWidthInChinese(json) === halfWidthInChinese(before));
    } finally {
      await app.close();
    }
  });
});
