import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssueSchema } from '../../shared/model/issue.js';
import { launchChromium, openApp } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the layout inspector', () => {
  it('edits page, columns, fonts by Chinese size name, masthead and colophon, and saves them in the issue', async () => {
    const app = await openApp(browser);
    const { page } = app;
    try {
      const slug = await app.handlers['issue:create']({
        template: 'bulletin',
        publicationName: '渝工简报',
        publisher: '重庆市总工会',
        year: 2024,
        no: 3,
        serial: null,
        date: '2024-03-20',
      });
      await page.goto(`${page.url().split('#')[0]}#/issue/${encodeURIComponent(slug.slug)}`);
      await page.locator('.issue-view').waitFor();
      await page.getByRole('tab', { name: '版式' }).click();
      await page.locator('select[name=pagePreset]').selectOption('K16');
      await page.locator('select[name=columns]').selectOption('2');
      await page.locator('select[name=size-body]').selectOption({ label: '小四（12）' });
      await page.locator('select[name=font-headline]').selectOption('方正小标宋简体');
      await page.locator('select[name=pageNumberStyle]').selectOption('chinese');
      await app.screenshot('inspector-layout');
      await page.getByRole('tab', { name: '报头报尾' }).click();
      await page.locator('input[name=serial]').fill('186');
      await page.locator('input[name=internal]').check();
      await page.locator('input[name="dist-报"]').fill('全国总工会');
      await page.locator('input[name=copies]').fill('500');
      await page.locator('.save-status[data-state="saved"]').waitFor();

      const issue = IssueSchema.parse(JSON.parse(await readFile(join(app.workspace, slug.slug, 'issue.json'), 'utf8')));
      expect(issue.layout.page).toEqual({ preset: 'K16', widthMm: 185, heightMm: 260 });
      expect(issue.layout.columns).toBe(2);
      expect(issue.layout.fonts.body.sizePt).toBe(12);
      expect(issue.layout.fonts.headline.family).toBe('方正小标宋简体');
      expect(issue.layout.pageNumbers.style).toBe('chinese');
      expect(issue.number.serial).toBe(186);
      expect(issue.publication.internal).toBe(true);
      expect(issue.colophon).toMatchObject({ distribution: [{ label: '报', text: '全国总工会' }], copies: 500 });
      await app.screenshot('inspector-info');
    } finally {
      await app.close();
    }
  });
});

describe('layout templates', () => {
  it('saves the current layout as a template that another issue can apply', async () => {
    const app = await openApp(browser);
    const { page } = app;
    try {
      const base = { template: 'bulletin' as const, publisher: '', year: 2024, no: 1, serial: null, date: '2024-01-10' };
      const a = await app.handlers['issue:create']({ ...base, publicationName: '甲刊' });
      const b = await app.handlers['issue:create']({ ...base, publicationName: '乙刊' });
      const origin = page.url().split('#')[0];
      await page.goto(`${origin}#/issue/${encodeURIComponent(a.slug)}`);
      await page.getByRole('tab', { name: '版式' }).click();
      await page.locator('select[name=columns]').selectOption('3');
      await page.locator('input[name=accent]').fill('#1f4e9c');
      await page.getByRole('button', { name: '将当前版式另存为模板…' }).click();
      await page.getByRole('dialog').locator('input[name=text]').fill('蓝色三栏');
      await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
      await page.locator('.save-status[data-state="saved"]').waitFor();

      await page.goto(`${origin}#/issue/${encodeURIComponent(b.slug)}`);
      await page.getByRole('tab', { name: '版式' }).click();
      await page.locator('select[name=template]').selectOption({ label: '蓝色三栏' });
      await page.locator('.save-status[data-state="saved"]').waitFor();
      const issue = IssueSchema.parse(JSON.parse(await readFile(join(app.workspace, b.slug, 'issue.json'), 'utf8')));
      expect(issue.layout.columns).toBe(3);
      expect(issue.layout.accentColor).toBe('#1f4e9c');
      expect(issue.layout.template).toBe('user-蓝色三栏');
    } finally {
      await app.close();
    }
  });
});
