import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxBuffer, exportDocx } from '../../../electron/services/export/docx.js';
import { DOCX_READBACK_STYLE_MAP } from '../../../shared/export/docx/styles.js';
import type { InlineNode } from '../../../shared/model/body.js';
import type { Issue } from '../../../shared/model/issue.js';
import type { TemplateId } from '../../../shared/layout/templates.js';
import { sampleIssue, writeSampleIssue } from './sampleIssue.js';
import { docxToPdf, hasCommand, pdfFonts, pdfImages, pdfPages, pdfText, validateDocx } from './tools.js';

// The sample bulletin exported to DOCX through the real services, then read back with the
// tools a recipient's software stands for: the OOXML schemas (Word's strictness), mammoth
// (importers), LibreOffice and poppler (what the pages look like). The DOCX files and PNG
// pages stay in <tmpdir>/masthead-docx/ to be looked at.

const OUT = join(tmpdir(), 'masthead-docx');
const TEMPLATES: TemplateId[] = ['bulletin', 'newsletter'];
const canRender = hasCommand('soffice') && hasCommand('pdftotext') && hasCommand('pdfimages') && hasCommand('pdftoppm');
const canValidate = hasCommand('xmllint') && hasCommand('xsltproc') && hasCommand('unzip');

type Kind = 'headline' | 'deck' | 'caption' | 'paragraph';

function inlineText(nodes: readonly InlineNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

/** What a reader must find, in order: every headline, deck, caption and paragraph, photo news with photos first. */
function expectedItems(issue: Issue): Array<[Kind, string]> {
  const out: Array<[Kind, string]> = [];
  const body = (blocks: Issue['sections'][number]['articles'][number]['body']['root']['children']) => {
    for (const b of blocks) {
      if (b.type === 'paragraph' && inlineText(b.children).trim()) out.push(['paragraph', inlineText(b.children)]);
      if (b.type === 'figure' && b.caption.trim()) out.push(['caption', b.caption.trim()]);
    }
  };
  for (const section of issue.sections) {
    for (const a of section.articles.filter((x) => x.kind !== 'photo')) {
      if (a.headline.trim()) out.push(['headline', a.headline.trim()]);
      if (a.deck.trim()) out.push(['deck', a.deck.trim()]);
      body(a.body.root.children);
    }
    for (const a of section.articles.filter((x) => x.kind === 'photo')) {
      body(a.body.root.children.filter((b) => b.type === 'figure'));
      if (a.headline.trim()) out.push(['headline', a.headline.trim()]);
      body(a.body.root.children.filter((b) => b.type !== 'figure'));
    }
  }
  return out;
}

/** The headlines, decks, captions and plain paragraphs of mammoth's HTML, in order. */
function readBackItems(html: string): Array<[Kind, string]> {
  const out: Array<[Kind, string]> = [];
  for (const node of parseDocument(html).children) {
    if (!('attribs' in node)) continue;
    const cls = node.attribs.class ?? '';
    const text = DomUtils.textContent(node);
    if ((node.name === 'h1' || node.name === 'h2') && cls === 'headline') out.push(['headline', text]);
    else if (node.name === 'p' && (cls === 'deck' || cls === 'caption')) out.push([cls, text]);
    else if (node.name === 'p' && cls === '' && text.trim() !== '') out.push(['paragraph', text]);
  }
  return out;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Whether `needles` occur in `haystack` one after another (whitespace ignored). */
function inOrder(haystack: string, needles: readonly string[]): { ok: boolean; missing: string | null } {
  const hay = squeeze(haystack);
  let at = 0;
  for (const needle of needles) {
    const found = hay.indexOf(squeeze(needle), at);
    if (found < 0) return { ok: false, missing: needle };
    at = found + squeeze(needle).length;
  }
  return { ok: true, missing: null };
}

let workspace = '';
const files: Record<string, string> = {};

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'masthead-docx-ws-'));
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  for (const template of TEMPLATES) {
    const dir = await writeSampleIssue(workspace, template);
    files[template] = join(OUT, `${template}.docx`);
    const result = await exportDocx(dir, files[template]);
    expect(result.missingAssets).toEqual([]);
    expect(result.bytes).toBe((await stat(files[template])).size);
  }
}, 60_000);

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

describe('DOCX export of the sample bulletin', () => {
  it('packs the same bytes in memory as it writes, with every image in the package', async () => {
    const dir = join(workspace, 'yugong-bulletin');
    const { buffer } = await docxBuffer(dir);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const written = await readFile(files.bulletin);
    expect(Math.abs(written.length - buffer.length)).toBeLessThan(64); // only the timestamps differ
  });

  it.skipIf(!canValidate)('validates against the OOXML transitional schemas (validate-docx.sh: no error)', async () => {
    const { code, output } = await validateDocx(...TEMPLATES.map((t) => files[t]));
    expect(output).not.toMatch(/^FAIL/m);
    expect(output).not.toContain('INVALID');
    expect(code, output).toBe(0);
  }, 120_000);

  it.each(TEMPLATES)('reads back (mammoth) every headline, deck, caption and paragraph in order: %s', async (template) => {
    const { value: html, messages } = await mammoth.convertToHtml({ path: files[template] }, { styleMap: [...DOCX_READBACK_STYLE_MAP] });
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    const expected = expectedItems(sampleIssue(template));
    expect(expected.filter(([k]) => k === 'caption').length).toBeGreaterThanOrEqual(3);
    expect(readBackItems(html)).toEqual(expected);
    expect(html).toMatch(/<table><thead><tr><th><p><strong>奖项<\/strong><\/p><\/th>.*<\/thead><tbody><tr><td><p>网上劳动竞赛先进集体<\/p><\/td>/s);
    expect(html).toMatch(/<ol><li>登录“重庆市总工会职工服务网（官网）”报名<\/li><li>区县总工会、产业工会审核<\/li>/);
    expect(html).toMatch(/<ul><li>月度、季度、年度“劳动之星”“技能之星”<\/li><li>“创新之星”“安康之星”和“服务之星”<ul><li>最高奖励5000元<\/li><\/ul>/);
    const { value: raw } = await mammoth.extractRawText({ path: files[template] });
    expect(inOrder(raw, expected.map(([, text]) => text)).missing).toBeNull();
  });
});

describe.skipIf(!canRender).each(TEMPLATES)('LibreOffice lays out the %s DOCX', (template) => {
  let pdf = '';
  beforeAll(async () => {
    pdf = await docxToPdf(files[template], OUT);
    await pdfPages(pdf, join(OUT, `${template}-page`), 60);
  }, 200_000);

  it('with the masthead title, banners and headlines in order', async () => {
    const issue = sampleIssue(template);
    const banners = issue.sections.filter((s) => s.title && s.articles.length > 0).map((s) => s.title);
    const heads = issue.sections.flatMap((s) => [
      ...(s.title ? [s.title] : []),
      ...s.articles.filter((a) => a.kind !== 'photo').map((a) => a.headline),
      ...s.articles.filter((a) => a.kind === 'photo').map((a) => a.headline),
    ]);
    const text = await pdfText(pdf);
    expect(banners).toContain('图片新闻');
    expect(inOrder(text, ['渝工简报', '2024年第3期（总第186期）', ...heads.filter(Boolean), '共印300份'])).toEqual({ ok: true, missing: null });
  });

  it('with the PNG and JPEG images placed', async () => {
    const images = await pdfImages(pdf);
    expect(images.length).toBeGreaterThanOrEqual(3);
    // The JPEG photo twice (a story and photo news), the PNG poster once; LibreOffice re-encodes
    // the PNG as JPEG and may resample it, so it is known by its 16:10 aspect ratio.
    expect(images.filter((i) => i.width === 640 && i.height === 480).length).toBe(2);
    expect(images.filter((i) => Math.abs(i.width / i.height - 1.6) < 0.01)).toHaveLength(1);
  });

  it('with the serif body and sans banners the layout sets', async () => {
    const fonts = (await pdfFonts(pdf)).join(' ');
    expect(fonts).toMatch(/NotoSerifCJK/);
    expect(fonts).toMatch(/NotoSansCJK/);
  });
});
