// Find and replace across the issue in Chromium: the imported sample, Ctrl+F with a
// count, moving between matches (which opens their articles), Ctrl+H replace one and
// replace all with the open editor and issue.json following, Ctrl+Z undoing a replace
// all in one step, and whole-word search on a Latin term.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphNode } from '../../shared/model/body.js';
import { updateArticle } from '../../shared/model/ops.js';
import { launchChromium, openApp, type AppHarness } from './harness.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/samples/yugong-2024-03.txt');
const LATIN = 'AI 赋能工会工作，AIGC 与 OpenAI 不算，ai 算。';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** The sample imported as an issue, with a Latin sentence added to its first article's body. */
async function importSample(app: AppHarness): Promise<{ slug: string; firstHeadline: string; articlesWithTerm: number }> {
  await app.pickFiles([SAMPLE]);
  const draft = await app.handlers['import:previewText']({ path: SAMPLE });
  const { slug } = await app.handlers['import:createFromLines']({
    lines: draft.lines,
    fields: { ...draft.fields, publicationName: '渝工简报', publisher: '重庆市总工会办公室', template: 'bulletin', serial: 186 },
  });
  const opened = await app.handlers['issue:open']({ slug });
  const first = opened.issue.sections.flatMap((s) => s.articles)[0];
  const body = { root: { ...first.body.root, children: [...first.body.root.children, paragraphNode(LATIN)] } };
  const issue = updateArticle(opened.issue, first.id, { body });
  await app.handlers['issue:save']({ slug, issue, stamp: opened.stamp, checkpoint: false });
  await app.page.goto(`${app.page.url().split('#')[0]}#/issue/${encodeURIComponent(slug)}`);
  await app.page.locator('.issue-view').waitFor();
  const articles = issue.sections.flatMap((s) => s.articles);
  return { slug, firstHeadline: first.headline, articlesWithTerm: articles.filter((a) => JSON.stringify(a).includes('劳模')).length };
}

/** Waits until issue.json (as text) satisfies `check`: autosave lands within about a second. */
async function onDisk(app: AppHarness, slug: string, check: (json: string) => boolean): Promise<string> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const json = await readFile(join(app.workspace, slug, 'issue.json'), 'utf8');
    if (check(json)) return json;
    if (Date.now() > deadline) throw new Error(`issue.json never matched (劳模 ×${occurrences(json, '劳模')}, 劳动模范 ×${occurrences(json, '劳动模范')})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function expectCount(page: Page, count: number, text: string): Promise<void> {
  const el = page.locator('.find-count');
  await expect.poll(() => el.getAttribute('data-count')).toBe(String(count));
  expect(await el.innerText()).toBe(text);
}

/** What marks the current match: the highlighted body text, or the value of the outlined field (headline, caption …). */
const marked = (page: Page) =>
  page.evaluate(() => {
    const range = [...(CSS.highlights.get('masthead-find') ?? [])][0];
    if (range) return `body:${range.toString()}`;
    const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>('[data-find-hit]');
    return field ? `${field.name}:${field.value}` : null;
  });

/** The headline of the article open in the pane. */
const openHeadline = (page: Page) => page.locator('.article-pane').getAttribute('aria-label');

describe('find and replace', () => {
  it('finds 劳模 across the issue, replaces one and then all, undoes the replace all in one step, and finds a Latin whole word', async () => {
    const app = await openApp(browser);
    const { page } = app;
    try {
      const { slug, firstHeadline, articlesWithTerm } = await importSample(app);
      const original = await readFile(join(app.workspace, slug, 'issue.json'), 'utf8');
      const n = occurrences(original, '劳模');
      const longForm = occurrences(original, '劳动模范');
      expect(n).toBeGreaterThanOrEqual(5);
      // The sample holds 劳模 in several articles, in headlines, bodies and a caption.
      expect(articlesWithTerm).toBeGreaterThanOrEqual(2);

      // Ctrl+F: the bar opens with the focus in it; typing gives the count for the whole issue.
      await page.locator('.sidebar').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+f');
      const findInput = page.locator('.find-bar input[name=find]');
      await expect.poll(() => findInput.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('劳模');
      await expectCount(page, n, `共 ${n} 处`);

      // Enter and Shift+Enter move between matches, opening the article that holds each.
      await page.keyboard.press('Enter');
      await expectCount(page, n, `第 1 / ${n} 处`);
      await expect.poll(() => marked(page)).toBe('body:劳模');
      const firstMatchArticle = await openHeadline(page);
      expect(firstMatchArticle).toBeTruthy();
      expect(await page.locator('.tree-article.selected').innerText()).toContain(firstMatchArticle ?? '');
      let moved = 1;
      while ((await openHeadline(page)) === firstMatchArticle) {
        await page.keyboard.press('Enter');
        moved += 1;
        expect(moved).toBeLessThanOrEqual(n);
        await expect.poll(() => marked(page)).toMatch(/^(body:劳模|\w+:.*劳模)/);
      }
      await expectCount(page, n, `第 ${moved} / ${n} 处`);
      await page.keyboard.press('Shift+Enter');
      await expectCount(page, n, `第 ${moved - 1} / ${n} 处`);
      expect(await openHeadline(page)).toBe(firstMatchArticle);
      await app.screenshot('find');

      // Ctrl+H shows the replace row; Replace takes the current match only and moves on.
      await page.keyboard.press('Control+h');
      const replaceInput = page.locator('.find-bar input[name=replace]');
      await expect.poll(() => replaceInput.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('劳动模范');
      await page.getByRole('button', { name: '替换', exact: true }).click();
      await expectCount(page, n - 1, `第 ${moved - 1} / ${n - 1} 处`);
      await onDisk(app, slug, (json) => occurrences(json, '劳模') === n - 1 && occurrences(json, '劳动模范') === longForm + 1);

      // Replace all: the count drops to nothing, the open editor and the file follow.
      await page.locator('.tree-article', { hasText: '巾帼匠心筑梦' }).click();
      const editor = page.locator('.article-pane[aria-label="巾帼匠心筑梦 强国复兴有我"] .ed-content');
      await expect.poll(() => editor.innerText()).toContain('巾帼劳模工匠');
      await page.getByRole('button', { name: '全部替换' }).click();
      await expectCount(page, 0, '无结果');
      expect(await page.locator('.find-replaced').innerText()).toBe(`已替换 ${n - 1} 处`);
      await expect.poll(() => editor.innerText()).not.toContain('劳模');
      expect(await editor.innerText()).toContain('劳动模范');
      const replaced = await onDisk(app, slug, (json) => !json.includes('劳模'));
      expect(occurrences(replaced, '劳动模范')).toBe(longForm + n);
      await app.screenshot('find-replaced');

      // Esc closes the bar; Ctrl+Z outside a text field undoes the whole replace all, then the single replace.
      await replaceInput.focus();
      await page.keyboard.press('Escape');
      await page.locator('.find-bar').waitFor({ state: 'detached' });
      await page.keyboard.press('Control+z');
      await expect.poll(() => editor.innerText()).toContain('劳模');
      await onDisk(app, slug, (json) => occurrences(json, '劳模') === n - 1 && occurrences(json, '劳动模范') === longForm + 1);
      await page.keyboard.press('Control+f');
      await expectCount(page, n - 1, `共 ${n - 1} 处`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+z');
      const restored = await onDisk(app, slug, (json) => occurrences(json, '劳模') === n);
      expect(occurrences(restored, '劳动模范')).toBe(longForm);

      // Whole word on a Latin term: AI, ai count; AIGC and OpenAI do not.
      await page.keyboard.press('Control+f');
      await findInput.fill('AI');
      await expectCount(page, 4, '共 4 处');
      await page.locator('.find-bar input[name=wholeWord]').check();
      await expectCount(page, 2, '共 2 处');
      await page.locator('.find-bar input[name=matchCase]').check();
      await expectCount(page, 1, '共 1 处');
      await page.locator('.find-bar input[name=matchCase]').uncheck();
      await findInput.press('Enter');
      await expect.poll(() => openHeadline(page)).toBe(firstHeadline);
      await page.keyboard.press('Control+h');
      await replaceInput.fill('人工智能');
      await page.getByRole('button', { name: '全部替换' }).click();
      await expectCount(page, 0, '无结果');
      const firstEditor = page.locator('.article-pane .ed-content');
      await expect.poll(() => firstEditor.innerText()).toContain('人工智能 赋能工会工作，AIGC 与 OpenAI 不算，人工智能 算。');
      await onDisk(app, slug, (json) => json.includes('人工智能 赋能工会工作，AIGC 与 OpenAI 不算，人工智能 算。'));

      // What was typed a moment ago, before the editor's autosave delay, is searched too
      // (the bar flushes the editors on opening; the editor's blur would as well).
      await page.keyboard.press('Escape');
      await firstEditor.locator('p').last().click();
      await page.keyboard.press('End');
      await page.keyboard.insertText(' AI');
      await page.keyboard.press('Control+f');
      expect(await page.locator('.find-count').getAttribute('data-count')).toBe('1');
    } finally {
      await app.close();
    }
  });
});
