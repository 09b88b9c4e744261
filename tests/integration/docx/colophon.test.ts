// The colophon (报尾 / 版记) of the sample bulletin in the DOCX, laid out by LibreOffice and
// read back with poppler. Protected: GB/T 9704-2012 §7.4.1 — in a one-column issue the
// colophon stands at the foot of the last page, its last rule on the bottom edge of the type
// area, as in the PDF — and the frame that puts it there hides or moves no article text:
// every page reads as it does when the colophon just follows the last article (the same
// DOCX with its frame taken out), and no word of the issue lies within the colophon's
// rules. With columns the colophon follows the last article (colophon.ts says why). The
// files stay in <tmpdir>/masthead-docx-colophon/ to be looked at.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { packDocx } from '../../../shared/export/docx/document.js';
import { bodyOf, paragraphNode } from '../../../shared/model/body.js';
import type { Issue } from '../../../shared/model/issue.js';
import { addArticle, addSection, updateArticle } from '../../../shared/model/ops.js';
import { colophonTexts, sampleBulletin } from '../../helpers/sampleBulletin.js';
import { renderPage } from '../../unit/electron/pdf/poppler.js';
import { NO_ASSETS } from '../../unit/shared/export/docx/unpack.js';
import { docxToPdf, hasCommand } from './tools.js';

const OUT = join(tmpdir(), 'masthead-docx-colophon');
const canRender = hasCommand('soffice') && hasCommand('pdftotext') && hasCommand('pdftoppm');
const MM_PER_PT = 25.4 / 72;
const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * The sample with a closing story of `chars` characters, so that the issue ends low on
 * its last page: with LibreOffice 7.4 and the Noto CJK fonts, 500 leave the colophon just
 * room under the story and 540 send it to a page of its own (either way the checks hold).
 */
function withClosingStory(issue: Issue, chars: number): Issue {
  const filler = '市总工会将紧紧围绕全市现代制造业集群体系建设和科技创新布局，继续用好网上劳动和技能竞赛这一有力抓手，激发职工创新创造活力。';
  const text = filler.repeat(Math.ceil(chars / filler.length)).slice(0, chars);
  const paragraphs = text.match(/.{1,120}/gu) ?? [];
  const section = addSection(issue, '工作动态');
  const story = addArticle(section.issue, section.section.id, '市总工会召开专题会议');
  return updateArticle(story.issue, story.article.id, { body: bodyOf(paragraphs.map((p) => paragraphNode(p))) });
}

/** The same DOCX with every `w:framePr` taken out: the colophon just follows the last article. */
async function withoutFrames(docx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')?.async('string');
  zip.file('word/document.xml', (xml ?? '').replace(/<w:framePr [^>]*\/>/g, ''));
  return zip.generateAsync({ type: 'uint8array' });
}


/** The text of each page (`pdftotext -layout`, pages split on form feeds), squashed, the colophon's text and the page number taken out. */
function articlePages(pdf: string, issue: Issue): string[] {
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  return pages.map((page) => colophonTexts(issue).reduce((text, c) => text.replace(c, ''), squash(page)).replace(/—\d+—$/, ''));
}

interface Word {
  text: string;
  /** Left edge, and top and bottom edges, mm from the top left corner of the page. */
  xMin: number;
  yMin: number;
  yMax: number;
}

/** The words of page `page` (1-based) with their edges (`pdftotext -bbox`), line by line from the top, each line from the left. */
function words(pdf: string, page: number): Word[] {
  const html = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  const all = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[4],
    xMin: Number(m[1]) * MM_PER_PT,
    yMin: Number(m[2]) * MM_PER_PT,
    yMax: Number(m[3]) * MM_PER_PT,
  }));
  return all.sort((a, b) => Math.round(a.yMax) - Math.round(b.yMax) || a.xMin - b.xMin);
}

/** The squashed text of `list`, in their order. */
const textOf = (list: readonly Word[]) => squash(list.map((w) => w.text).join(''));

/**
 * The full-width rules of page `page` below `belowMm` (the running header's rule is
 * above it), top to bottom: the middle of each run of pixel rows, mm from the top of the
 * page, where nine in ten pixels across the type area (`leftMm` … `rightMm`) are dark.
 * A banner's rule counts too: the colophon's are the last three.
 */
async function rules(pdf: string, page: number, leftMm: number, rightMm: number, belowMm: number): Promise<number[]> {
  const dpi = 200;
  const px = (mm: number) => (mm / 25.4) * dpi;
  const grey = renderPage(await readFile(pdf), page, dpi);
  const dark: number[] = [];
  for (let y = Math.ceil(px(belowMm)); y < grey.height; y++) {
    let n = 0;
    let all = 0;
    for (let x = Math.ceil(px(leftMm + 0.5)); x < Math.floor(px(rightMm - 0.5)); x++, all++) if (grey.at(x, y) < 128) n++;
    if (n >= all * 0.9) dark.push(((y + 0.5) / dpi) * 25.4);
  }
  const runs: number[][] = [];
  for (const y of dark) {
    const run = runs.at(-1);
    if (run && y - (run.at(-1) ?? 0) < 0.3) run.push(y);
    else runs.push([y]);
  }
  return runs.map((run) => (run[0] + (run.at(-1) ?? run[0])) / 2);
}

/** Packs `issue`, and the same DOCX without frames, and lays both out with LibreOffice. */
async function render(issue: Issue, name: string): Promise<{ docx: Uint8Array; pdf: string; following: string }> {
  const docx = await packDocx(issue, NO_ASSETS);
  await writeFile(join(OUT, `${name}.docx`), docx);
  await writeFile(join(OUT, `${name}-following.docx`), await withoutFrames(docx));
  const [pdf, following] = await Promise.all([docxToPdf(join(OUT, `${name}.docx`), OUT), docxToPdf(join(OUT, `${name}-following.docx`), OUT)]);
  return { docx, pdf, following };
}

beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
});

describe.skipIf(!canRender).each([
  { fill: 'the sample as it is', chars: 0 },
  { fill: 'a closing story that ends just above the colophon', chars: 500 },
  { fill: 'a closing story that leaves the colophon no room', chars: 540 },
])('the colophon of the one-column bulletin, with $fill', ({ chars }) => {
  const base = sampleBulletin('bulletin');
  const issue = chars ? withClosingStory(base, chars) : base;
  const { page, margins } = issue.layout;
  const areaBottomMm = page.heightMm - margins.bottomMm;
  let pdf = '';
  let following = '';
  let pages: string[] = [];
  let last = 0;
  let lastRules: number[] = [];

  beforeAll(async () => {
    ({ pdf, following } = await render(issue, `bulletin-${chars}`));
    pages = articlePages(pdf, issue);
    last = pages.length;
    lastRules = (await rules(pdf, last, margins.leftMm, page.widthMm - margins.rightMm, margins.topMm)).slice(-3);
  }, 200_000);

  it('ends with its last rule on the bottom edge of the type area of the last page', () => {
    // thick, thin, thick; the last 1 pt (0.35 mm) thick, its middle just above the edge
    expect(lastRules).toHaveLength(3);
    expect(Math.abs((lastRules.at(-1) ?? 0) - areaBottomMm)).toBeLessThan(0.8);
  });

  it('holds every line of the colophon between its rules, the last just above the foot', () => {
    const [top, thin, bottom] = lastRules;
    const lines = words(pdf, last);
    expect(textOf(lines.filter((w) => w.yMin > top && w.yMax < thin))).toBe(colophonTexts(issue).slice(0, issue.colophon.distribution.length).join(''));
    expect(textOf(lines.filter((w) => w.yMin > thin && w.yMax < bottom))).toBe(colophonTexts(issue).slice(issue.colophon.distribution.length).join(''));
    const lowest = Math.max(...lines.filter((w) => w.yMax < areaBottomMm).map((w) => w.yMax));
    expect(areaBottomMm - lowest).toBeLessThan(4);
  });

  it('hides and moves no article text: every page reads as when the colophon just follows the last article', () => {
    expect(pages).toEqual(articlePages(following, issue));
    // and from its first rule down to the foot of the type area there is nothing but the colophon
    const [top] = lastRules;
    expect(textOf(words(pdf, last).filter((w) => w.yMax > top && w.yMin < areaBottomMm))).toBe(colophonTexts(issue).join(''));
  });
});

describe.skipIf(!canRender)('the colophon of the two-column newsletter', () => {
  const issue = sampleBulletin('newsletter');
  const { page, margins } = issue.layout;
  let docx: Uint8Array;
  let pdf = '';
  let last = 0;

  beforeAll(async () => {
    ({ docx, pdf } = await render(issue, 'newsletter'));
    last = articlePages(pdf, issue).length;
  }, 200_000);

  it('follows the last article, whole and between rules across the type area (no frame among columns)', async () => {
    const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).not.toContain('w:framePr');
    const lineRules = (await rules(pdf, last, margins.leftMm, page.widthMm - margins.rightMm, margins.topMm)).slice(-3);
    expect(lineRules).toHaveLength(3);
    const [top, , bottom] = lineRules;
    const lines = words(pdf, last);
    expect(textOf(lines.filter((w) => w.yMin > top && w.yMax < bottom))).toBe(colophonTexts(issue).join(''));
    // the last article's text ends above it, 10 mm clear
    const articleEnd = Math.max(...lines.filter((w) => w.yMax < top && w.yMin > margins.topMm).map((w) => w.yMax));
    expect(top - articleEnd).toBeGreaterThan(8);
    expect(bottom).toBeLessThan(page.heightMm - margins.bottomMm);
  });
});
