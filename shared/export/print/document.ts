import type { Article, Issue, Section } from '../../model/issue.js';
import { formatIssueLine } from '../../model/issueLine.js';
import type { AssetResolver } from '../assets.js';
import { bodyHtml, figureHtml } from './body.js';
import { colophonMarksHtml } from './colophon.js';
import { printCss, type FamilyCss } from './css.js';
import { escapeHtml } from './inline.js';

/** What the print HTML needs besides the issue. */
export interface PrintOptions {
  /** @font-face rules for the bundled fonts the issue uses (built in Node from the font files). */
  fontCss: string;
  /** CSS `font-family` of a layout family; default: the family then its bundled stand-in. */
  familyCss?: FamilyCss;
  /** Adds the marks the PDF service measures to put the colophon at the foot of the last page (./colophon.ts). */
  colophonMarks?: boolean;
}

/** 2024-03-20 → 2024年3月20日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function mastheadHtml(issue: Issue, assets: AssetResolver): string {
  const p = issue.publication;
  const titleImage = issue.masthead.titleAssetId ? assets.dataUrl(issue.masthead.titleAssetId) : null;
  const title = titleImage ? `<img src="${titleImage}" alt="${escapeHtml(p.name)}">` : escapeHtml(p.name);
  const top =
    p.internal || p.permit
      ? `<div class="mh-top"><span>${p.internal ? '内部资料\u3000免费交流' : ''}</span><span>${p.permit ? escapeHtml(p.permit) : ''}</span></div>`
      : '';
  return `<header class="masthead">
${top}<h1 class="mh-title">${title}</h1>
${p.subtitle ? `<div class="mh-subtitle">${escapeHtml(p.subtitle)}</div>` : ''}
<div class="mh-issue">${escapeHtml(formatIssueLine(issue.number))}</div>
<div class="mh-meta"><span>${escapeHtml(p.publisher)}</span><span>${chineseDate(issue.date)}</span></div>
<div class="mh-rule"></div>
</header>`;
}

function headlineHtml(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeHtml(line.trim()))
    .join('<br>');
}

function articleHeadHtml(a: Article): string {
  const parts = [
    a.kicker ? `<div class="kicker">${escapeHtml(a.kicker)}</div>` : '',
    a.headline ? `<h2 class="headline">${headlineHtml(a.headline)}</h2>` : '',
    a.deck ? `<div class="deck">${escapeHtml(a.deck)}</div>` : '',
    a.byline ? `<div class="byline">${escapeHtml(a.byline)}</div>` : '',
  ].join('');
  return parts ? `<header class="art-head">${parts}</header>` : '';
}

function storyHtml(a: Article, assets: AssetResolver): string {
  return `<article class="article" data-article="${escapeHtml(a.id)}">
${articleHeadHtml(a)}
<div class="art-body">
${bodyHtml(a.body.root.children, assets)}
</div>
</article>`;
}

/** A photo-news item: its photos (a marked frame while none is placed), headline, and text as a long caption. */
function photoItemHtml(a: Article, assets: AssetResolver): string {
  const figures = a.body.root.children.filter((b) => b.type === 'figure');
  const photos = figures.length
    ? figures.map((f) => figureHtml(f, assets)).join('')
    : '<figure class="fig"><div class="fig-missing" aria-hidden="true"></div></figure>';
  const text = a.body.root.children
    .filter((b) => b.type !== 'figure')
    .map((b) => bodyHtml([b], assets).replace(/^<p(?=[ >])/, '<p class="photo-text"'))
    .join('');
  const headline = a.headline ? `<h2 class="headline">${headlineHtml(a.headline)}</h2>` : '';
  return `<article class="photo-item" data-article="${escapeHtml(a.id)}">${photos}${headline}${text}</article>`;
}

function bannersHtml(titles: string[], first: boolean): string {
  const chips = titles.map((t) => `<span class="banner">${escapeHtml(t)}</span>`).join('');
  return `<div class="banner-row${first ? ' first' : ''}">${chips}</div>`;
}

/** Sections in print order; a section with no articles shares its banner row with the next one. */
function sectionsHtml(sections: readonly Section[], assets: AssetResolver): string {
  const out: string[] = [];
  let pending: string[] = [];
  sections.forEach((section) => {
    if (section.title) pending.push(section.title);
    if (section.articles.length === 0) return;
    if (pending.length) out.push(bannersHtml(pending, out.length === 0));
    pending = [];
    const photos = section.articles.filter((a) => a.kind === 'photo');
    const stories = section.articles.filter((a) => a.kind !== 'photo');
    out.push(...stories.map((a) => storyHtml(a, assets)));
    if (photos.length) out.push(`<div class="photo-grid">${photos.map((a) => photoItemHtml(a, assets)).join('')}</div>`);
  });
  if (pending.length) out.push(bannersHtml(pending, out.length === 0));
  return out.join('\n');
}

function colophonHtml(issue: Issue, marks: boolean): string {
  const c = issue.colophon;
  const lines = c.distribution
    .filter((l) => l.text.trim() !== '')
    .map((l) => `<p><span class="label">${l.label}：</span>${escapeHtml(l.text)}</p>`)
    .join('');
  const people = [
    c.editor ? `责任编辑：${escapeHtml(c.editor)}` : '',
    c.reviewer ? `审核：${escapeHtml(c.reviewer)}` : '',
    c.approver ? `签发：${escapeHtml(c.approver)}` : '',
  ].filter(Boolean);
  const peopleLine =
    people.length || c.copies !== null
      ? `<div class="col-line"><span>${people.join('\u3000')}</span><span>${c.copies !== null ? `共印${c.copies}份` : ''}</span></div>`
      : '';
  return `<footer class="colophon">${marks ? colophonMarksHtml() : ''}
<div class="rule"></div>
${lines ? `${lines}<div class="rule thin"></div>` : ''}
<div class="col-line"><span>${escapeHtml(issue.publication.publisher)}</span><span>${chineseDate(issue.date)}印发</span></div>
${peopleLine}
<div class="rule"></div>
</footer>`;
}

/**
 * The issue as one self-contained HTML document with CSS paged media, ready for
 * Chromium to print: masthead on page 1, banners, articles, photo news, colophon.
 * Pure: fonts come in `options.fontCss`, images through `assets`.
 */
export function toPrintHtml(issue: Issue, options: PrintOptions, assets: AssetResolver): string {
  const line = formatIssueLine(issue.number);
  const header = issue.layout.header.text || `${issue.publication.name}\u3000${line}`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${issue.publication.name} ${line}`)}</title>
<style>
${options.fontCss}
${printCss(issue.layout, header, options.familyCss)}
</style>
</head>
<body>
${mastheadHtml(issue, assets)}
<main class="issue">
${sectionsHtml(issue.sections, assets)}
</main>
${colophonHtml(issue, options.colophonMarks ?? false)}
</body>
</html>
`;
}
