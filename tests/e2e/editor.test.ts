// The article editor in Chromium: Chinese typed through an IME (driven over the Chrome
// DevTools Protocol), formats, lists, figures, undo, fast switching between articles,
// and everything on disk (issue.json, validated) and back after a reload.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, CDPSession, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodySchema, bodyOf, paragraphNode, TextFormat, type Body, type InlineNode } from '../../shared/model/body.js';
import { IssueSchema, type Issue } from '../../shared/model/issue.js';
import { addArticle, addSection, updateArticle } from '../../shared/model/ops.js';
import { bodyText } from '../../shared/model/text.js';
import { APP_ORIGIN, launchChromium, openApp, type AppHarness } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Makes an issue through the services with one section and the given articles, and opens it in the page. */
export async function seedIssue(app: AppHarness, articles: { headline: string; body: Body }[]): Promise<{ slug: string; ids: string[] }> {
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
  const made = addSection(opened.issue, '渝工铸魂');
  let issue = made.issue;
  const ids: string[] = [];
  for (const a of articles) {
    const added = addArticle(issue, made.section.id, a.headline);
    issue = updateArticle(added.issue, added.article.id, { body: a.body });
    ids.push(added.article.id);
  }
  await app.handlers['issue:save']({ slug, issue, stamp: opened.stamp, checkpoint: false });
  await app.page.goto(`${APP_ORIGIN}/index.html#/issue/${encodeURIComponent(slug)}`);
  await app.page.locator('.issue-view').waitFor();
  return { slug, ids };
}

async function readIssue(app: AppHarness, slug: string): Promise<Issue> {
  const issue = IssueSchema.parse(JSON.parse(await readFile(join(app.workspace, slug, 'issue.json'), 'utf8')));
  for (const s of issue.sections) for (const a of s.articles) BodySchema.parse(a.body);
  return issue;
}

function bodyOn(issue: Issue, articleId: string): Body {
  for (const s of issue.sections) for (const a of s.articles) if (a.id === articleId) return a.body;
  throw new Error(`no article ${articleId}`);
}

/** Waits until the article's body on disk satisfies `check` (autosave lands within about a second). */
async function onDisk(app: AppHarness, slug: string, articleId: string, check: (body: Body) => boolean): Promise<Body> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const body = bodyOn(await readIssue(app, slug), articleId);
    if (check(body)) return body;
    if (Date.now() > deadline) throw new Error(`body on disk never matched: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Types `text` as an IME does: composition updates letter by letter, then the committed text. */
async function imeType(cdp: CDPSession, steps: string[], text: string): Promise<void> {
  for (const step of steps) await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
  await cdp.send('Input.insertText', { text });
}

/**
 * Puts the caret at the end of `target` (as a click there would) and waits until Lexical
 * has taken the new selection (it follows the DOM's selectionchange, a task later).
 */
async function caretAtEnd(target: Locator): Promise<void> {
  await target.click();
  await target.evaluate(async (el) => {
    const selection = el.ownerDocument.getSelection();
    const range = el.ownerDocument.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
    selection?.removeAllRanges();
    selection?.addRange(range);
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
  });
}

async function openArticle(page: Page, headline: string): Promise<void> {
  await page.locator('.tree-article', { hasText: headline }).click();
  await page.locator(`.article-pane[aria-label="${headline}"] .ed-content`).waitFor();
}

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const inlineRuns = (body: Body): InlineNode[] =>
  body.root.children.flatMap((b) => (b.type === 'paragraph' || b.type === 'heading' || b.type === 'quote' ? b.children : []));

describe('the article editor in Chromium', () => {
  it('types Chinese through an IME, formats, lists, arranges a figure and undoes, all saved and back after a reload', async () => {
    const app = await openApp(browser);
    const { page } = app;
    try {
      const { slug, ids } = await seedIssue(app, [{ headline: '市总工会党组学习贯彻全国两会精神', body: bodyOf([]) }]);
      const [id] = ids;
      await openArticle(page, '市总工会党组学习贯彻全国两会精神');
      const editor = page.locator('.ed-content');
      await editor.click();
      const cdp = await page.context().newCDPSession(page);

      // 中文 through an IME: pinyin compositions, then the committed characters, once.
      await imeType(cdp, ['z', 'zh', 'zho', 'zhon', 'zhong', '中'], '中');
      await imeType(cdp, ['w', 'we', 'wen'], '文');
      await onDisk(app, slug, id, (b) => bodyText(b) === '中文');
      // A composition held open past every autosave delay is neither saved nor interrupted.
      await cdp.send('Input.imeSetComposition', { text: 'jian', selectionStart: 4, selectionEnd: 4 });
      await page.waitForTimeout(2_600);
      // (Lexical pads a composition with a zero-width space, gone when it ends.)
      expect((await editor.innerText()).replace('\u200b', '')).toBe('中文jian');
      expect(bodyText(bodyOn(await readIssue(app, slug), id))).toBe('中文');
      await imeType(cdp, ['jianbao', '简报'], '简报');
      expect(await editor.innerText()).toBe('中文简报');
      let body = await onDisk(app, slug, id, (b) => bodyText(b).includes('中文简报'));
      expect(occurrences(bodyText(body), '中文')).toBe(1);
      expect(bodyText(body)).not.toContain('\u200b');
      expect(bodyText(body)).not.toMatch(/[a-z]/);

      // Ctrl+B, then back to plain.
      await page.keyboard.press('Control+b');
      await imeType(cdp, ['zhong', '重点'], '重点');
      await page.keyboard.press('Control+b');
      await imeType(cdp, ['。'], '。');
      body = await onDisk(app, slug, id, (b) => inlineRuns(b).some((r) => r.type === 'text' && r.text === '重点'));
      expect(inlineRuns(body)).toEqual([
        expect.objectContaining({ text: '中文简报', format: 0 }),
        expect.objectContaining({ text: '重点', format: TextFormat.bold }),
        expect.objectContaining({ text: '。', format: 0 }),
      ]);

      // A bulleted list of two items.
      await page.keyboard.press('Enter');
      await page.locator('.ed-tool[data-tool=bullet]').click();
      await imeType(cdp, ['第一项'], '第一项');
      await page.keyboard.press('Enter');
      await imeType(cdp, ['第二项'], '第二项');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter'); // an empty item ends the list
      await imeType(cdp, ['段落'], '列表后的段落');

      // A figure placeholder with its caption typed through the IME.
      await page.locator('.ed-tool[data-tool=figure]').click();
      const caption = page.locator('.ed-figure-caption');
      await caption.click();
      await imeType(cdp, ['laomo', '劳模'], '劳模座谈会现场');
      await caption.press('Enter');
      await page.locator('.ed-figure-body [role=radio]', { hasText: '通栏' }).click();

      body = await onDisk(app, slug, id, (b) => b.root.children.some((c) => c.type === 'figure' && c.caption === '劳模座谈会现场' && c.width === 'page'));
      expect(body.root.children.map((b) => b.type)).toEqual(['paragraph', 'list', 'paragraph', 'figure', 'paragraph']);
      const list = body.root.children[1];
      expect(list.type === 'list' && list.listType).toBe('bullet');
      expect(bodyText(body)).toBe('中文简报重点。\n第一项\n第二项\n列表后的段落');
      expect(body.root.children[3]).toEqual({
        type: 'figure', version: 1, assetId: null, caption: '劳模座谈会现场', width: 'page', pixelWidth: null, pixelHeight: null,
      });

      // Drag the figure by its grip above the first paragraph (into the space above it).
      await page.locator('.ed-figure-frame').hover();
      const grip = page.locator('.ed-drag-handle');
      await grip.waitFor();
      await grip.dragTo(editor, { targetPosition: { x: 60, y: 6 } });
      body = await onDisk(app, slug, id, (b) => b.root.children[0]?.type === 'figure');
      expect(body.root.children.map((b) => b.type)).toEqual(['figure', 'paragraph', 'list', 'paragraph', 'paragraph']);

      // Undo with Ctrl+Z takes back what was typed last, in the editor and on disk.
      await caretAtEnd(editor.locator('p').last());
      await imeType(cdp, ['cuowu'], '错误文字');
      await onDisk(app, slug, id, (b) => bodyText(b).includes('错误文字'));
      await page.keyboard.press('Control+z');
      expect(await editor.innerText()).not.toContain('错误文字');
      await onDisk(app, slug, id, (b) => !bodyText(b).includes('错误文字'));
      // Ctrl+Y and Ctrl+Shift+Z redo (as in Word and WPS); Ctrl+I and Ctrl+U format.
      await page.keyboard.press('Control+y');
      expect(await editor.innerText()).toContain('错误文字');
      await page.keyboard.press('Control+z');
      expect(await editor.innerText()).not.toContain('错误文字');
      await page.keyboard.press('Control+Shift+z');
      expect(await editor.innerText()).toContain('错误文字');
      await editor.locator('p').last().click({ clickCount: 3 });
      await page.keyboard.press('Control+i');
      await page.keyboard.press('Control+u');
      await onDisk(app, slug, id, (b) =>
        inlineRuns(b).some((r) => r.type === 'text' && r.text.includes('错误文字') && r.format === (TextFormat.italic | TextFormat.underline)),
      );
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+z');
      expect(await editor.innerText()).not.toContain('错误文字');
      await onDisk(app, slug, id, (b) => !bodyText(b).includes('错误文字'));
      await page.locator('.save-status[data-state="saved"]').waitFor();
      await app.screenshot('editor');

      // After a reload, everything is there.
      await page.reload();
      await page.locator('.issue-view').waitFor();
      await openArticle(page, '市总工会党组学习贯彻全国两会精神');
      const text = await page.locator('.ed-content').innerText();
      for (const part of ['中文简报重点。', '第一项', '第二项', '列表后的段落']) expect(text).toContain(part);
      expect(await page.locator('.ed-content strong, .ed-content .ed-bold').first().innerText()).toBe('重点');
      expect(await page.locator('.ed-figure-caption').inputValue()).toBe('劳模座谈会现场');
    } finally {
      await app.close();
    }
  });

  it('loses nothing when switching articles quickly, saving with Ctrl+S, leaving the issue or closing right after typing', async () => {
    const app = await openApp(browser);
    const { page } = app;
    try {
      const heads = ['甲稿', '乙稿', '丙稿'];
      const { slug, ids } = await seedIssue(
        app,
        heads.map((headline) => ({ headline, body: bodyOf([paragraphNode(`${headline}原文。`)]) })),
      );
      const cdp = await page.context().newCDPSession(page);
      // Type into each article and leave it at once, well inside the autosave delay, twice round.
      for (const round of ['一', '二']) {
        for (const headline of heads) {
          await openArticle(page, headline);
          await caretAtEnd(page.locator('.ed-content p').last());
          await imeType(cdp, ['xin'], `${headline}新${round}`);
        }
      }
      await openArticle(page, '甲稿');
      const issue = await (async () => {
        for (const [i, headline] of heads.entries()) await onDisk(app, slug, ids[i], (b) => bodyText(b).includes(`${headline}新二`));
        return readIssue(app, slug);
      })();
      for (const [i, headline] of heads.entries()) {
        expect(bodyText(bodyOn(issue, ids[i]))).toBe(`${headline}原文。${headline}新一${headline}新二`);
      }

      // Ctrl+S straight after typing: the history version already holds the new words.
      await caretAtEnd(page.locator('.ed-content p').last());
      await imeType(cdp, ['baocun'], '保存前最后一句');
      await page.keyboard.press('Control+s');
      await page.locator('.save-status', { hasText: '已保存并留存历史版本' }).waitFor();
      const history = await app.handlers['issue:open']({ slug });
      expect(bodyText(bodyOn(history.issue, ids[0]))).toContain('保存前最后一句');
      const dir = join(app.workspace, slug, 'history');
      const versions = (await (await import('node:fs/promises')).readdir(dir)).sort();
      const newest = IssueSchema.parse(JSON.parse(await readFile(join(dir, versions.at(-1) ?? ''), 'utf8')));
      expect(bodyText(bodyOn(newest, ids[0]))).toContain('保存前最后一句');

      // Back to the library straight after typing: the words still reach the disk.
      await caretAtEnd(page.locator('.ed-content p').last());
      await imeType(cdp, ['likai'], '离开前');
      await page.getByRole('button', { name: '← 期刊库' }).click();
      await page.locator('.issue-card').first().waitFor();
      await onDisk(app, slug, ids[0], (b) => bodyText(b).endsWith('离开前'));

      // Closing the window (here: reloading it) straight after typing keeps them too.
      await page.goto(`${APP_ORIGIN}/index.html#/issue/${encodeURIComponent(slug)}`);
      await openArticle(page, '乙稿');
      await caretAtEnd(page.locator('.ed-content p').last());
      await imeType(cdp, ['guanbi'], '关闭前');
      await page.reload();
      await onDisk(app, slug, ids[1], (b) => bodyText(b).endsWith('关闭前'));

      // Closing the app window: Electron asks the page first (prepareClose); the page saves, then closes itself.
      await openArticle(page, '乙稿');
      await caretAtEnd(page.locator('.ed-content p').last());
      await imeType(cdp, ['zuihou'], '窗口关闭前');
      // (A page opened by Playwright may not close itself, so window.close is recorded instead.)
      await page.evaluate(() => {
        const w = window as unknown as { closeCalled: boolean };
        w.closeCalled = false;
        window.close = () => {
          w.closeCalled = true;
        };
      });
      await app.menu('prepareClose');
      await onDisk(app, slug, ids[1], (b) => bodyText(b).endsWith('窗口关闭前'));
      await expect.poll(() => page.evaluate(() => (window as unknown as { closeCalled: boolean }).closeCalled)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('sets subheadings and quotes, inserts a table and a rule, pastes from Word, and shows them as they will print', async () => {
    const app = await openApp(browser);
    const { page } = app;
    try {
      const { slug, ids } = await seedIssue(app, [
        {
          headline: '巾帼匠心筑梦 强国复兴有我',
          body: bodyOf([
            paragraphNode('3月6日，市总工会举办巾帼劳模工匠大宣讲活动，6位来自全市各行各业的女性劳模工匠代表走上讲台，讲述奋斗故事，分享成长感悟。'),
            paragraphNode('扎根一线 练就过硬本领'),
            paragraphNode('“每一次技术攻关，都是对自己的一次超越。”全国劳动模范、重庆某机械厂高级技师李红说。'),
            paragraphNode('宣讲现场气氛热烈，台下职工纷纷表示，要以劳模工匠为榜样，立足岗位建功立业。'),
          ]),
        },
      ]);
      await openArticle(page, '巾帼匠心筑梦 强国复兴有我');
      const cdp = await page.context().newCDPSession(page);
      const paragraphs = page.locator('.ed-content > p');

      const blockStyle = page.locator('select[name=blockStyle]');
      await caretAtEnd(paragraphs.nth(1));
      await blockStyle.selectOption('h2');
      await page.locator('.ed-content h2', { hasText: '扎根一线' }).waitFor();
      expect(await blockStyle.inputValue()).toBe('h2');

      await caretAtEnd(page.locator('.ed-content > p', { hasText: '每一次技术攻关' }));
      expect(await blockStyle.inputValue()).toBe('paragraph');
      await blockStyle.selectOption('quote');
      await page.locator('.ed-content blockquote', { hasText: '每一次技术攻关' }).waitFor();

      // A table after the last paragraph, with a header row to type into.
      await caretAtEnd(page.locator('.ed-content > p').last());
      await page.locator('.ed-tool[data-tool=table]').click();
      for (const [i, text] of ['单位', '人数', '占比'].entries()) {
        await caretAtEnd(page.locator('.ed-content table th').nth(i));
        await imeType(cdp, [text], text);
      }
      await caretAtEnd(page.locator('.ed-content table td').first());
      await imeType(cdp, ['yi'], '一车间');
      // The table grows from the toolbar while the cursor stands in it: a row below, a column to the right.
      await page.locator('.ed-tool[data-tool=rowBelow]').click();
      await page.locator('.ed-tool[data-tool=columnRight]').click();
      await page.locator('.ed-content table tr').nth(3).waitFor();
      // A rule under the subheading, and the last paragraph centred.
      await caretAtEnd(page.locator('.ed-content h2'));
      await page.locator('.ed-tool[data-tool=rule]').click();
      await caretAtEnd(page.locator('.ed-content > p', { hasText: '宣讲现场' }));
      await page.locator('.ed-tool[data-tool=align-center]').click();

      // Pasting from Word brings the words and their emphasis, not Word's fonts and colours.
      await caretAtEnd(page.locator('.ed-content > p').last());
      await page.locator('.ed-content').evaluate((el) => {
        const data = new DataTransfer();
        data.setData('text/html', '<p class=MsoNormal><span style="font-family:仿宋_GB2312;color:red">粘贴来的<b>重点</b>文字</span></p>');
        data.setData('text/plain', '粘贴来的重点文字');
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      });
      await page.locator('.ed-content strong, .ed-content .ed-bold', { hasText: '重点' }).waitFor();

      const body = await onDisk(
        app,
        slug,
        ids[0],
        (b) => b.root.children.some((c) => c.type === 'horizontalrule') && bodyText(b).includes('粘贴来的重点文字'),
      );
      expect(JSON.stringify(body)).not.toMatch(/仿宋|color/);
      const types = body.root.children.map((b) => b.type);
      expect(types.slice(0, 6)).toEqual(['paragraph', 'heading', 'horizontalrule', 'quote', 'paragraph', 'table']);
      expect(body.root.children[4]).toMatchObject({ type: 'paragraph', format: 'center' });
      const table = body.root.children.find((b) => b.type === 'table');
      const header = table?.type === 'table' ? table.children[0].children.map((c) => [c.headerState, bodyText(bodyOf(c.children))]) : [];
      expect(header.filter(([, text]) => text !== '')).toEqual([
        [1, '单位'],
        [1, '人数'],
        [1, '占比'],
      ]);
      // 3 × 3 grown by one row and one column
      expect(table?.type === 'table' && table.children.map((row) => row.children.length)).toEqual([4, 4, 4, 4]);
      await page.locator('.workarea').evaluate((el) => el.scrollTo(0, 0));
      await page.locator('.save-status[data-state="saved"]').waitFor();
      await app.screenshot('editor-blocks');
      await page.locator('.ed-content table').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.locator('.ed-content table td').first().hover();
      await app.screenshot('editor-table');
    } finally {
      await app.close();
    }
  });
});
