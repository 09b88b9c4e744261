import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, paragraphNode } from '../../shared/model/body.js';
import { addArticle, addSection, updateArticle } from '../../shared/model/ops.js';
import { launchChromium, openApp } from './harness.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/samples/yugong-2024-03.txt');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the page preview and exports', () => {
  it('shows the printed pages of the imported sample, follows an edit, warns about target pages, and exports PDF and Word', async () => {
    const app = await openApp(browser, { files: [SAMPLE] });
    const { page } = app;
    try {
      await app.pickFiles([SAMPLE]);
      const draft = await app.handlers['import:previewText']({ path: SAMPLE });
      const { slug } = await app.handlers['import:createFromLines']({
        lines: draft.lines,
        fields: { ...draft.fields, publicationName: '渝工简报', publisher: '重庆市总工会办公室', template: 'bulletin', serial: 186 },
      });
      await page.goto(`${page.url().split('#')[0]}#/issue/${encodeURIComponent(slug)}`);
      const count = page.locator('.preview-count');
      await page.waitForFunction(() => Number(document.querySelector('.preview-count')?.getAttribute('data-pages')) > 0, null, { timeout: 30_000 });
      const pages = Number(await count.getAttribute('data-pages'));
      expect(pages).toBeGreaterThanOrEqual(6);
      // Every page is drawn (a drawn canvas has pixels that are not all white).
      // Pages are drawn as they scroll into view; the first one is in view.
      const ink = () =>
        page.locator('.preview-page canvas').first().evaluate((c: HTMLCanvasElement) => {
          const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
          let n = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i] < 200) n++;
          return n;
        });
      await expect.poll(ink, { timeout: 10_000 }).toBeGreaterThan(1000);
      await app.screenshot('issue-preview');

      // Two columns: fewer pages, shown without reopening anything.
      await page.getByRole('tab', { name: '版式' }).click();
      await page.locator('select[name=columns]').selectOption('2');
      await page.locator('select[name=size-body]').selectOption({ label: '五号（10.5）' });
      await page.locator('input[name=targetPages]').fill('2');
      await page.getByRole('tab', { name: '页面预览' }).click();
      await page.waitForFunction((before) => {
        const n = Number(document.querySelector('.preview-count')?.getAttribute('data-pages'));
        return n > 0 && n < before;
      }, pages, { timeout: 30_000 });
      const after = Number(await count.getAttribute('data-pages'));
      expect(after).toBeLessThan(pages);
      if (after > 2) expect(await page.locator('.preview-warnings').innerText()).toContain('超出目标页数');

      await page.getByRole('button', { name: '导出 PDF' }).click();
      await page.locator('.export-done').waitFor({ timeout: 30_000 });
      const pdf = join(app.dataDir, 'exports', '渝工简报 2024年第3期.pdf');
      expect(existsSync(pdf)).toBe(true);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(new RegExp(`Pages:\\s+${after}\\b`));
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
      expect(fonts).not.toContain('Type 3');

      await page.getByRole('button', { name: '导出 Word' }).click();
      await page.locator('.export-done', { hasText: '.docx' }).waitFor({ timeout: 30_000 });
      expect(existsSync(join(app.dataDir, 'exports', '渝工简报 2024年第3期.docx'))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('warns when the last page is nearly empty, not counting the colophon at its foot', async () => {
    const app = await openApp(browser);
    const { page } = app;
    try {
      const { slug } = await app.handlers['issue:create']({
        template: 'bulletin', publicationName: '渝工简报', publisher: '重庆市总工会办公室', year: 2024, no: 4, serial: null, date: '2024-04-20',
      });
      const opened = await app.handlers['issue:open']({ slug });
      const section = addSection(opened.issue, '渝工建功');
      const added = addArticle(section.issue, section.section.id, '短讯');
      const issue = updateArticle(added.issue, added.article.id, { body: bodyOf([paragraphNode('本报讯 市总工会召开会议。')]) });
      await app.handlers['issue:save']({ slug, issue, stamp: opened.stamp, checkpoint: false });
      await page.goto(`${page.url().split('#')[0]}#/issue/${encodeURIComponent(slug)}`);
      await expect
        .poll(() => page.locator('.preview-warnings').innerText().catch(() => ''), { timeout: 30_000 })
        .toMatch(/最后一页只排了约 \d+%，版面偏空。/);
    } finally {
      await app.close();
    }
  });
});
