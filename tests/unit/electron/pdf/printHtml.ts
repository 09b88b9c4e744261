// Print HTML for the printer tests and the PDF benchmark: a page in the shape
// shared/export/print gives (lang zh-CN, @page size and margins, bundled fonts as
// data: URLs), without depending on that generator.
import { readFileSync } from 'node:fs';
import { fontFaceCss, bundledFontStack, type BundledFontId } from '../../../../electron/services/print/fonts.js';

/** One line of Chinese text in each bundled font, regular and bold. */
export const FONT_SAMPLES: ReadonlyArray<{ id: BundledFontId; weight: 400 | 700; text: string }> = [
  { id: 'noto-serif-sc', weight: 400, text: '宋体正文：劳模精神代代相传。' },
  { id: 'noto-serif-sc', weight: 700, text: '宋体加粗：重庆市总工会。' },
  { id: 'noto-sans-sc', weight: 400, text: '黑体常规：渝工建功立业。' },
  { id: 'noto-sans-sc', weight: 700, text: '黑体标题：渝工铸魂' },
  { id: 'lxgw-wenkai', weight: 400, text: '楷体副题——渝工暖心行动' },
  { id: 'lxgw-wenkai', weight: 700, text: '楷体加粗：图片新闻' },
];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A whole print document: `@page` of `size` with 20 mm margins, the given CSS and body. */
export function printDocument(options: { size: string; css: string; body: string; title?: string }): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(options.title ?? '简报')}</title>
<style>
@page { size: ${options.size}; margin: 20mm; }
html { -webkit-print-color-adjust: exact; }
body { margin: 0; font-family: ${bundledFontStack('noto-serif-sc')}; font-size: 12pt; line-height: 1.6; line-break: strict; }
${options.css}
</style></head><body>${options.body}</body></html>`;
}

/** A page showing every FONT_SAMPLES line in its font, with the @font-face rules it needs. */
export async function fontSamplesHtml(size = 'A4'): Promise<string> {
  const text = FONT_SAMPLES.map((s) => s.text).join('');
  const faces = await fontFaceCss(FONT_SAMPLES, text);
  const body = FONT_SAMPLES.map(
    (s) => `<p style='font-family: ${bundledFontStack(s.id)}; font-weight: ${s.weight}'>${escapeHtml(s.text)}</p>`,
  ).join('\n');
  return printDocument({ size, css: faces, body });
}

/** The sample bulletin (yugong-2024-03.txt) as plain text. */
export const SAMPLE_TEXT = readFileSync(new URL('../../../../resources/samples/yugong-2024-03.txt', import.meta.url), 'utf8');

/**
 * The sample bulletin as a ~4-page A4 issue: `#` lines as bold Noto Sans headlines,
 * short lines as section banners in bold Noto Sans, lines starting with —— as WenKai
 * decks, the rest as Noto Serif body paragraphs with a 2-character indent. `edit` is
 * added to the first paragraph (to print the issue as after an edit).
 */
export async function sampleIssueHtml(edit = ''): Promise<string> {
  const text = SAMPLE_TEXT.replace('近日', `近日${edit}`);
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const body = lines
    .map((line) => {
      if (line.startsWith('#')) return `<h2>${escapeHtml(line.replace(/^#+\s*/, ''))}</h2>`;
      if (line.startsWith('——')) return `<p class="deck">${escapeHtml(line)}</p>`;
      if (line.length <= 6) return `<h1 class="banner">${escapeHtml(line)}</h1>`;
      return `<p>${escapeHtml(line)}</p>`;
    })
    .join('\n');
  const footer = '第页共渝工简报2024年第3期';
  const faces = await fontFaceCss(
    [
      { id: 'noto-serif-sc', weight: 400 },
      { id: 'noto-serif-sc', weight: 700 },
      { id: 'noto-sans-sc', weight: 700 },
      { id: 'lxgw-wenkai', weight: 400 },
    ],
    text + footer,
  );
  const css = `${faces}
@page { @bottom-center { content: "第 " counter(page) " 页"; font-family: ${bundledFontStack('noto-serif-sc')}; font-size: 9pt; } }
h1.banner { font-family: ${bundledFontStack('noto-sans-sc')}; font-weight: 700; font-size: 16pt; color: #fff; background: #c00; padding: 2pt 8pt; }
h2 { font-family: ${bundledFontStack('noto-sans-sc')}; font-weight: 700; font-size: 15pt; text-align: center; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.deck { font-family: ${bundledFontStack('lxgw-wenkai')}; text-align: center; text-indent: 0; }`;
  return printDocument({ size: 'A4', css, body, title: '渝工简报' });
}
