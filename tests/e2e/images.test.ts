import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssueSchema } from '../../shared/model/issue.js';
import { makePng } from '../fixtures/docx/build.js';
import { launchChromium, openApp } from './harness.js';

const SAMPLE = resolve(import.meta.dirname, '../../resources/samples/yugong-2024-03.txt');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('photos in the editor', () => {
  it('puts a photo from disk into the waiting figure, keeps its caption, and prints it at full resolution', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'masthead-img-'));
    const photo = join(dir, '现场.png');
    await writeFile(photo, makePng(1200, 800));
    const broken = join(dir, '坏图.png');
    await writeFile(broken, 'this is not an image');
    const app = await openApp(browser);
    const { page } = app;
    try {
      await app.pickFiles([SAMPLE]);
      const draft = await app.handlers['import:previewText']({ path: SAMPLE });
      const { slug } = await app.handlers['import:createFromLines']({
        lines: draft.lines,
        fields: { ...draft.fields, publicationName: '渝工简报', template: 'bulletin' },
      });
      await page.goto(`${page.url().split('#')[0]}#/issue/${encodeURIComponent(slug)}`);
      await page.locator('.tree-article', { hasText: '巾帼匠心筑梦' }).click();

      // A file that is not an image: a clear message, and the figure still waits.
      app.answerFileDialog([broken]);
      await page.getByRole('button', { name: '选择图片…' }).click();
      await page.getByRole('alert').getByText('这不是可用的图片文件').waitFor();
      expect(await page.locator('.ed-figure-img').count()).toBe(0);

      app.answerFileDialog([photo]);
      await page.getByRole('button', { name: '选择图片…' }).click();
      await page.locator('.ed-figure-img').waitFor();
      // Its pixel size shows under it; 1200 px across 117 mm of the 简报 column is some 260 ppi: no warning.
      await page.locator('.ed-figure-pixels', { hasText: '1200 × 800 像素' }).waitFor();
      expect(await page.locator('.ed-figure-lowres').count()).toBe(0);
      await app.screenshot('editor-photo');

      const savedFigure = async () => {
        const issue = IssueSchema.parse(JSON.parse(await readFile(join(app.workspace, slug, 'issue.json'), 'utf8')));
        const article = issue.sections.flatMap((s) => s.articles).find((a) => a.headline.startsWith('巾帼匠心筑梦'));
        const figure = article?.body.root.children.find((b) => b.type === 'figure');
        return figure?.type === 'figure' ? figure : null;
      };
      // Autosave lands within about a second.
      await expect.poll(async () => (await savedFigure())?.assetId, { timeout: 5_000 }).toMatch(/^[0-9a-f]{64}\.png$/);
      const figure = await savedFigure();
      // The size the main process read from the file is recorded on the figure.
      expect(figure).toMatchObject({ caption: '巾帼劳模工匠大宣讲现场', pixelWidth: 1200, pixelHeight: 800 });
      const assetId = figure?.assetId ?? null;
      expect(assetId).toMatch(/^[0-9a-f]{64}\.png$/);
      expect(await readFile(join(app.workspace, slug, 'assets', assetId ?? ''))).toEqual(await readFile(photo));

      // The exported PDF carries the photo at its full 1200 × 800 pixels.
      await page.getByRole('button', { name: '导出 PDF' }).click();
      await page.locator('.export-done').waitFor({ timeout: 30_000 });
      const pdf = join(app.dataDir, 'exports', '渝工简报 2024年第3期.pdf');
      const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
      expect(images).toMatch(/\s1200\s+800\s/);
    } finally {
      await app.close();
    }
  });
});

describe('photos dropped or pasted into the body', () => {
  it('stores a pasted picture in assets/ and puts a figure at the cursor; refuses a broken one with a message', async () => {
    const app = await openApp(browser);
    const { page } = app;
    try {
      const { slug } = await app.handlers['issue:create']({
        template: 'newsletter', publicationName: '工会通讯', publisher: '', year: 2024, no: 6, serial: null, date: '2024-06-01',
      });
      await page.goto(`${page.url().split('#')[0]}#/issue/${encodeURIComponent(slug)}`);
      await page.getByRole('button', { name: '＋ 添加栏目' }).click();
      await page.getByRole('button', { name: /^＋ 添加稿件$/ }).click();
      const body = page.locator('[contenteditable="true"]').first();
      await body.click();
      await page.keyboard.type('第一段。');
      const png = makePng(640, 480).toString('base64');
      // What a screenshot pasted from the clipboard looks like to the page: one image file, no HTML.
      const paste = async (base64: string, type: string) =>
        body.evaluate(
          (el, [data, mime]) => {
            const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], 'clip.png', { type: mime }));
            el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
          },
          [base64, type] as const,
        );
      await paste(btoa('not an image'), 'image/png');
      await page.getByRole('alert').getByText('这不是可用的图片文件').waitFor();
      await paste(png, 'image/png');
      await page.locator('.ed-figure-img').waitFor();

      const saved = async () => {
        const issue = IssueSchema.parse(JSON.parse(await readFile(join(app.workspace, slug, 'issue.json'), 'utf8')));
        return issue.sections[0].articles[0].body.root.children.filter((b) => b.type === 'figure');
      };
      await expect.poll(async () => (await saved()).length, { timeout: 5_000 }).toBe(1);
      const [figure] = await saved();
      expect(figure.type === 'figure' && figure.assetId).toMatch(/^[0-9a-f]{64}\.png$/);
      expect(figure).toMatchObject({ pixelWidth: 640, pixelHeight: 480 });
      const id = figure.type === 'figure' ? (figure.assetId ?? '') : '';
      expect(await readFile(join(app.workspace, slug, 'assets', id))).toEqual(Buffer.from(png, 'base64'));

      // 640 px fill a newsletter column (84 mm, ~194 ppi) well enough, but not the page's 174 mm.
      await page.locator('.ed-figure-pixels', { hasText: '640 × 480 像素' }).waitFor();
      expect(await page.locator('.ed-figure-lowres').count()).toBe(0);
      await page.getByRole('radio', { name: '通栏' }).click();
      await page.locator('.ed-figure-lowres', { hasText: '分辨率偏低（约 93 ppi），印刷可能模糊' }).waitFor();
      await page.locator('.ed-figure-lowres').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await app.screenshot('editor-photo-lowres');
    } finally {
      await app.close();
    }
  });
});

describe('pasting from Word and web pages with their pictures', () => {
  it('stores pictures that travel in the HTML (data:) or beside it on disk (file:, as Word does) as figures with their captions', async () => {
    // Where Word saves a copied picture: the temp folder, the one place (with Word for Mac's
    // own) main reads a clipboard-named picture from.
    const dir = await mkdtemp(join(tmpdir(), 'masthead-paste-'));
    const onDisk = join(dir, 'msohtmlclip1', '01', 'clip_image001.png');
    await mkdir(join(dir, 'msohtmlclip1', '01'), { recursive: true });
    const diskPng = makePng(300, 200);
    await writeFile(onDisk, diskPng);
    const inline = makePng(200, 100);
    const app = await openApp(browser);
    const { page } = app;
    try {
      const { slug } = await app.handlers['issue:create']({
        template: 'newsletter', publicationName: '工会通讯', publisher: '', year: 2024, no: 7, serial: null, date: '2024-07-01',
      });
      await page.goto(`${page.url().split('#')[0]}#/issue/${encodeURIComponent(slug)}`);
      await page.getByRole('button', { name: '＋ 添加栏目' }).click();
      await page.getByRole('button', { name: /^＋ 添加稿件$/ }).click();
      const body = page.locator('[contenteditable="true"]').first();
      await body.click();
      const html =
        `<p class=MsoNormal><span style="font-family:宋体">活动现场气氛热烈。</span></p>` +
        `<p><img src="file://${onDisk}"></p><p>图为职工代表发言</p>` +
        `<p><img src="data:image/png;base64,${inline.toString('base64')}"></p><p>图为颁奖仪式</p>`;
      // Word's HTML is on the system clipboard too: main reads only the pictures it names.
      app.answerClipboard(html);
      await body.evaluate((el, h) => {
        const data = new DataTransfer();
        data.setData('text/html', h);
        data.setData('text/plain', '活动现场气氛热烈。');
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, html);
      await page.locator('.ed-figure-img').nth(1).waitFor();

      const figures = async () => {
        const issue = IssueSchema.parse(JSON.parse(await readFile(join(app.workspace, slug, 'issue.json'), 'utf8')));
        return issue.sections[0].articles[0].body.root.children.flatMap((b) => (b.type === 'figure' ? [b] : []));
      };
      await expect.poll(async () => (await figures()).filter((f) => f.assetId).length, { timeout: 5_000 }).toBe(2);
      const [first, second] = await figures();
      expect([first.caption, second.caption]).toEqual(['图为职工代表发言', '图为颁奖仪式']);
      expect([first.pixelWidth, first.pixelHeight, second.pixelWidth, second.pixelHeight]).toEqual([300, 200, 200, 100]);
      expect(await readFile(join(app.workspace, slug, 'assets', first.assetId ?? ''))).toEqual(diskPng);
      expect(await readFile(join(app.workspace, slug, 'assets', second.assetId ?? ''))).toEqual(inline);
    } finally {
      await app.close();
    }
  });
});
