import { bodyOf, figureNode, paragraphNode, type BlockNode } from '../model/body.js';
import { createArticle, createSection } from '../model/factory.js';
import type { Article, Section } from '../model/issue.js';

/**
 * Plain-text and Markdown drafts (often text extracted from an old PDF) turned into
 * sections and articles. Two steps an editor can check in between: `draftLines` guesses
 * a role for every line, `linesToSections` builds the issue from the (corrected) lines.
 * The text is kept as written: no punctuation is changed here.
 */

/** What a line of a draft is. */
export const LINE_ROLES = ['banner', 'kicker', 'headline', 'deck', 'byline', 'caption', 'paragraph'] as const;
export type LineRole = (typeof LINE_ROLES)[number];

/** One line of a draft with its role. */
export interface DraftLine {
  role: LineRole;
  text: string;
}

interface RawBlock {
  text: string;
  /** Empty lines before this one: two or more often mark where a photo stood. */
  gapBefore: number;
  /** Marked as a heading in Markdown (`#`, `##` …). */
  markdownHeading: boolean;
}

// Sentence-final marks: a line ending with one of these is complete (GB/T 15834 marks,
// their ASCII stand-ins, and closing quotes and brackets).
const COMPLETE_END = /[。！？!?…”’"』」）)】》〉；;：:.]$/;
const PUNCTUATION = /[，。！？、；：,.!?;:“”"‘’'（）()《》【】—…·]/;
const BYLINE_START = /^(通讯员|记者|作者|来源|供稿|撰稿|文[/／：:]|图[/／：:]|摄影?[/／：:]?)/;
const CAPTION_WORDS = /(现场|合影|留影|图为|剪影|风采|掠影|一角|场景)$|^图为/;
const PHOTO_SECTION = /^(图片新闻|图片报道|图说|图片|影像|摄影|图文)/;
const MAX_BANNER = 10;
const MAX_HEADLINE = 40;
const MAX_DECK = 50;

/** Whether a line ends a sentence (so a paragraph ending with it is complete). */
export function endsComplete(text: string): boolean {
  return COMPLETE_END.test(text.trim());
}

/** Whether a section title names a photo-news section (图片新闻 …). */
export function isPhotoSection(title: string): boolean {
  return PHOTO_SECTION.test(title.trim());
}

function length(text: string): number {
  return Array.from(text).length;
}

/** Splits text into non-empty lines, remembering blank lines and Markdown heading marks. */
function splitBlocks(text: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  let gap = 0;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/[\s\u3000]+$/u, '').replace(/^[ \t]+/, '');
    if (line.trim() === '') {
      gap += 1;
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    blocks.push({ text: heading ? heading[1].trim() : line, gapBefore: gap, markdownHeading: heading !== null });
    gap = 0;
  }
  return blocks;
}

function isShortLabel(text: string): boolean {
  return length(text) <= MAX_BANNER && !PUNCTUATION.test(text) && !/\d/.test(text) && !/\s/.test(text.trim());
}

/** Guesses the role of each line of a text draft. */
export function draftLines(text: string): DraftLine[] {
  const blocks = splitBlocks(text);
  const lines: DraftLine[] = [];
  let inArticle = false;
  let inPhotoSection = false;
  let hasDeck = false;
  blocks.forEach((block, i) => {
    const t = block.text;
    const next = blocks[i + 1];
    const prev = lines.at(-1);
    const short = !endsComplete(t);
    let role: LineRole;
    if (block.markdownHeading) {
      role = 'headline';
    } else if (
      isShortLabel(t) &&
      prev?.role !== 'headline' &&
      (isPhotoSection(t) || !next || next.markdownHeading || isShortLabel(next.text))
    ) {
      role = 'banner';
    } else if (BYLINE_START.test(t) && length(t) <= 60 && inArticle) {
      role = 'byline';
    } else if (prev?.role === 'headline' && !hasDeck && short && (length(t) <= MAX_DECK || t.startsWith('——'))) {
      role = 'deck';
    } else if (inArticle && short && length(t) <= MAX_HEADLINE && (block.gapBefore >= 2 || CAPTION_WORDS.test(t))) {
      role = 'caption';
    } else if (
      short &&
      length(t) <= MAX_HEADLINE &&
      !/[，,。]/.test(t) &&
      next !== undefined &&
      !next.markdownHeading &&
      length(next.text) > MAX_HEADLINE &&
      (!inArticle || prev?.role === 'paragraph')
    ) {
      role = 'headline';
    } else {
      role = 'paragraph';
    }
    if (role === 'banner') {
      inArticle = false;
      inPhotoSection = isPhotoSection(t);
    }
    if (role === 'headline') {
      inArticle = true;
      hasDeck = false;
    }
    if (role === 'deck') hasDeck = true;
    if (role === 'paragraph' && inPhotoSection) inArticle = true;
    lines.push({ role, text: t });
  });
  return joinBrokenParagraphs(lines);
}

/**
 * Mends paragraphs cut by the original page breaks: a paragraph that does not end a
 * sentence is joined with the paragraph after it (…测评研 + 究中心主任 → 测评研究中心主任).
 * A paragraph ending with 。！？” or a closing bracket is complete and never joined.
 */
export function joinBrokenParagraphs(lines: readonly DraftLine[]): DraftLine[] {
  const out: DraftLine[] = [];
  for (const line of lines) {
    const prev = out.at(-1);
    if (prev && prev.role === 'paragraph' && line.role === 'paragraph' && !endsComplete(prev.text)) {
      out[out.length - 1] = { role: 'paragraph', text: prev.text + line.text.trimStart() };
    } else {
      out.push({ ...line });
    }
  }
  return out;
}

/** Joins line `index` with the next line (the editor's correction in the preview). */
export function joinWithNext(lines: readonly DraftLine[], index: number): DraftLine[] {
  if (index < 0 || index >= lines.length - 1) return [...lines];
  const joined = { role: lines[index].role, text: lines[index].text + lines[index + 1].text };
  return [...lines.slice(0, index), joined, ...lines.slice(index + 2)];
}

/** Splits line `index` in two at character `at`; both halves keep the role. */
export function splitLine(lines: readonly DraftLine[], index: number, at: number): DraftLine[] {
  const line = lines[index];
  if (!line) return [...lines];
  const chars = Array.from(line.text);
  if (at <= 0 || at >= chars.length) return [...lines];
  const first = { role: line.role, text: chars.slice(0, at).join('').trimEnd() };
  const second = { role: line.role, text: chars.slice(at).join('').trimStart() };
  return [...lines.slice(0, index), first, second, ...lines.slice(index + 1)];
}

/** The lines of the article that starts at `headlineIndex` (up to the next headline or banner). */
function articleRange(lines: readonly DraftLine[], headlineIndex: number): [number, number] {
  let start = headlineIndex;
  if (start > 0 && lines[start - 1].role === 'kicker') start -= 1;
  let end = headlineIndex + 1;
  while (end < lines.length && lines[end].role !== 'headline' && lines[end].role !== 'banner' && lines[end].role !== 'kicker') end++;
  return [start, end];
}

/** Moves the article headed at `headlineIndex` to the end of the section whose banner is at `bannerIndex`. */
export function moveArticleToSection(lines: readonly DraftLine[], headlineIndex: number, bannerIndex: number): DraftLine[] {
  if (lines[headlineIndex]?.role !== 'headline' || lines[bannerIndex]?.role !== 'banner') return [...lines];
  const [start, end] = articleRange(lines, headlineIndex);
  const moved = lines.slice(start, end);
  const rest = [...lines.slice(0, start), ...lines.slice(end)];
  const banner = bannerIndex >= end ? bannerIndex - moved.length : bannerIndex;
  let insert = banner + 1;
  while (insert < rest.length && rest[insert].role !== 'banner') insert++;
  return [...rest.slice(0, insert), ...moved, ...rest.slice(insert)];
}

/** Builds sections and articles from draft lines. Text before any banner goes to an untitled section. */
export function linesToSections(lines: readonly DraftLine[]): Section[] {
  const sections: Section[] = [];
  let section: Section | null = null;
  let article: Article | null = null;
  let blocks: BlockNode[] = [];
  let kicker = '';

  const finishArticle = () => {
    if (article && section) {
      section.articles.push({ ...article, body: bodyOf(blocks) });
    }
    article = null;
    blocks = [];
  };
  const currentSection = (): Section => {
    if (!section) {
      section = createSection('');
      sections.push(section);
    }
    return section;
  };
  const startArticle = (headline: string, kind: Article['kind']): Article => {
    finishArticle();
    currentSection();
    article = { ...createArticle(headline), kind, kicker };
    kicker = '';
    return article;
  };
  const ensureArticle = (): Article => article ?? startArticle('', isPhotoSection(currentSection().title) ? 'photo' : 'story');

  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') continue;
    switch (line.role) {
      case 'banner':
        finishArticle();
        section = createSection(text);
        sections.push(section);
        break;
      case 'kicker':
        finishArticle();
        kicker = text;
        break;
      case 'headline':
        startArticle(text, isPhotoSection(currentSection().title) ? 'photo' : 'story');
        break;
      case 'deck':
        ensureArticle().deck = text;
        break;
      case 'byline': {
        const a = ensureArticle();
        a.byline = a.byline ? `${a.byline} ${text}` : text;
        break;
      }
      case 'caption':
        ensureArticle();
        blocks.push(figureNode(text));
        break;
      case 'paragraph': {
        // In a photo-news section each paragraph is the text of its own photo item.
        const photo = isPhotoSection(currentSection().title);
        const hasText = blocks.some((b) => b.type === 'paragraph');
        if (photo && (!article || hasText)) startArticle('', 'photo');
        else ensureArticle();
        blocks.push(paragraphNode(text));
        break;
      }
    }
  }
  finishArticle();
  return sections;
}
