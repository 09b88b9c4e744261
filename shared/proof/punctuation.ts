import type { TextEdit } from '../model/places.js';

/*
 * Punctuation in Chinese text (GB/T 15834-2011, DOMAIN.md): the marks a contributor typed
 * with the keyboard in English mode — , ! ? : ; ( ) " -- ... — found where they stand in
 * Chinese, each with the mark it should be; and digits and Latin letters typed full-width
 * (２０２４, ＰＬＣ), which stay half-width in Chinese text (GB/T 15835). Latin text and
 * numbers (2,300 · 10:30 · 1068.45) are left alone: a mark counts as standing in Chinese
 * when the nearest character before or after it (past spaces) is Chinese — a Han
 * character or a full-width mark. Web addresses and e-mail addresses are never touched.
 */

/** Which rule a fix comes from (the proofreading panel groups by it). */
export type PunctuationRule =
  | 'halfWidth'
  | 'period'
  | 'numbering'
  | 'parentheses'
  | 'quotes'
  | 'dash'
  | 'ellipsis'
  | 'fullWidthAlnum'
  | 'spacing';

/** One mark to change: the text from `start` to `end` becomes `replacement`. */
export interface PunctuationFix extends TextEdit {
  rule: PunctuationRule;
  /** For a bracket or a quote: where its pair's opening mark stands (both halves are corrected together). */
  pair?: number;
}

const FULL_WIDTH: Record<string, string> = { ',': '，', '!': '！', '?': '？', ':': '：', ';': '；' };

const HAN = /\p{Script=Han}/u;
/** Full-width and Chinese marks: CJK symbols, full-width forms, curly quotes, dashes, ellipsis, middle dot. */
const CHINESE_MARK = /[\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/u;
/** Marks after which (or before which) a space is never wanted in Chinese text. */
const SPACE_HUGGING_MARK = /[，。！？：；、）》」』”’（《「『“‘]/u;
const SPACE = /[ \u3000\t]/;
const DIGIT = /[0-9]/;
/** 一. 二. … at the start of a line: a Chinese ordinal takes 、 (GB/T 15834 4.5), not a full stop. */
const CHINESE_ORDINAL = /^[一二三四五六七八九十百]+$/u;
/** Web and e-mail addresses: their marks belong to them. */
const ADDRESS = /(?:https?|ftp|file):\/\/[^\s，。；！？、“”‘’（）《》【】]+|www\.[^\s，。；！？、“”‘’（）《》【】]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

function isChinese(ch: string | undefined): boolean {
  return ch !== undefined && (HAN.test(ch) || CHINESE_MARK.test(ch));
}

/** The nearest character before `index` that is not a space, and where it is. */
function before(text: string, index: number): { ch: string | undefined; at: number } {
  let i = index - 1;
  while (i >= 0 && SPACE.test(text[i])) i--;
  return { ch: i >= 0 ? text[i] : undefined, at: i };
}

/** The nearest character from `index` on that is not a space, and where it is. */
function after(text: string, index: number): { ch: string | undefined; at: number } {
  let i = index;
  while (i < text.length && SPACE.test(text[i])) i++;
  return { ch: i < text.length ? text[i] : undefined, at: i };
}

function inChinese(text: string, start: number, end: number): boolean {
  return isChinese(before(text, start).ch) || isChinese(after(text, end).ch);
}

/**
 * A mark from `start` to `end` becoming `mark`, taking the spaces around it along when
 * it has text on both sides (a full-width mark carries its own space).
 */
function withSpaces(text: string, start: number, end: number, mark: string, rule: PunctuationRule): PunctuationFix {
  const prev = before(text, start);
  const next = after(text, end);
  const from = prev.at >= 0 ? prev.at + 1 : start;
  const to = next.at < text.length ? next.at : end;
  return { start: from, end: to, replacement: mark, rule };
}

/**
 * , ! ? : ; in Chinese → ， ！ ？ ： ； a run at a time (“好!!” → “好！！”), not between
 * digits: 2,300 and 10:30 stay.
 */
function halfWidthMarks(text: string, out: PunctuationFix[]): void {
  for (let i = 0; i < text.length; i++) {
    if (!FULL_WIDTH[text[i]]) continue;
    let end = i + 1;
    while (end < text.length && FULL_WIDTH[text[end]]) end++;
    const run = text.slice(i, end);
    const numeric = (run === ',' || run === ':') && DIGIT.test(text[i - 1] ?? '') && DIGIT.test(text[end] ?? '');
    if (!numeric && inChinese(text, i, end)) out.push(withSpaces(text, i, end, [...run].map((c) => FULL_WIDTH[c]).join(''), 'halfWidth'));
    i = end - 1;
  }
}

/** A full stop typed as . right after Chinese, ending the text or followed by Chinese → 。 */
function periods(text: string, out: PunctuationFix[]): void {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '.' || text[i - 1] === '.' || text[i + 1] === '.') continue;
    if (!isChinese(text[i - 1])) continue;
    const lineStart = text.lastIndexOf('\n', i - 1) + 1;
    if (CHINESE_ORDINAL.test(text.slice(lineStart, i).trim())) {
      out.push(withSpaces(text, i, i + 1, '、', 'numbering'));
      continue;
    }
    const next = after(text, i + 1).ch;
    if (next === undefined || isChinese(next)) out.push(withSpaces(text, i, i + 1, '。', 'period'));
  }
}

/** Both halves of a bracket or quote pair, corrected together. */
function pushPair(out: PunctuationFix[], start: number, end: number, marks: string, rule: PunctuationRule): void {
  out.push({ start, end: start + 1, replacement: marks[0], rule, pair: start });
  out.push({ start: end, end: end + 1, replacement: marks[1], rule, pair: start });
}

/** ( … ) around or beside Chinese → （ … ）, pair by pair within a line (an unpaired one is left). */
function parentheses(text: string, out: PunctuationFix[]): void {
  let open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') open = [];
    else if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length > 0) {
      const start = open.pop() as number;
      const inside = text.slice(start + 1, i);
      if ([...inside].some((ch) => HAN.test(ch)) || isChinese(text[start - 1]) || isChinese(text[i + 1])) pushPair(out, start, i, '（）', 'parentheses');
    }
  }
}

/**
 * Straight double quotes in Chinese → “ ”, line by line: a straight quote opens where
 * none is open and closes an open one, curly quotes already there counting too
 * (“十四五"规划 → “十四五”规划). A line whose quotes do not pair up (5'10" …) is left.
 */
function quotes(text: string, out: PunctuationFix[]): void {
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const pairs: [number, number][] = [];
    let open: { at: number; straight: boolean } | null = null;
    let balanced = true;
    for (let k = 0; k < line.length && balanced; k++) {
      const ch = line[k];
      if (ch === '“') balanced = open === null;
      else if (ch === '”') balanced = open !== null;
      else if (ch !== '"') continue;
      if (!balanced) break;
      if (open === null) open = { at: k, straight: ch === '"' };
      else {
        pairs.push([open.straight ? open.at : -1, ch === '"' ? k : -1]);
        open = null;
      }
    }
    if (balanced && open === null) {
      for (const [a, b] of pairs) {
        const [start, end] = [a < 0 ? null : lineStart + a, b < 0 ? null : lineStart + b];
        if (start === null && end === null) continue;
        const from = start ?? text.lastIndexOf('“', end as number);
        const to = end ?? text.indexOf('”', start as number);
        const inside = text.slice(from + 1, to);
        if (!([...inside].some((ch) => HAN.test(ch)) || inChinese(text, from, to + 1))) continue;
        if (start !== null && end !== null) pushPair(out, start, end, '“”', 'quotes');
        else if (start !== null) out.push({ start, end: start + 1, replacement: '“', rule: 'quotes' });
        else if (end !== null) out.push({ start: end, end: end + 1, replacement: '”', rule: 'quotes' });
      }
    }
    lineStart += line.length + 1;
  }
}

/** A 破折号 typed as -- (or －－, or three or more em dashes) in Chinese → —— */
function dashes(text: string, out: PunctuationFix[]): void {
  for (const m of text.matchAll(/-{2,}|－{2,}|—{3,}/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    if (inChinese(text, start, end)) out.push({ start, end, replacement: '——', rule: 'dash' });
  }
}

/** A 省略号 typed as ... or 。。。 or a single … in Chinese → …… */
function ellipses(text: string, out: PunctuationFix[]): void {
  for (const m of text.matchAll(/\.{3,}|。{3,}|…+/gu)) {
    if (m[0] === '……') continue;
    const start = m.index;
    const end = start + m[0].length;
    if (inChinese(text, start, end)) out.push({ start, end, replacement: '……', rule: 'ellipsis' });
  }
}

/** Digits and Latin letters typed full-width (２０２４年, ＰＬＣ) → half-width, a run at a time. */
function fullWidthAlnum(text: string, out: PunctuationFix[]): void {
  for (const m of text.matchAll(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+/gu)) {
    const replacement = [...m[0]].map((ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).join('');
    out.push({ start: m.index, end: m.index + m[0].length, replacement, rule: 'fullWidthAlnum' });
  }
}

/**
 * Spaces inside a line next to a full-width mark (“工作 ，” · “。 下一步”) are dropped,
 * judged on the text as the other rules leave it (a " that becomes “ counts as “).
 */
function spacing(text: string, others: readonly PunctuationFix[], out: PunctuationFix[]): void {
  const becomes = new Map<number, string>();
  for (const f of others) {
    if (f.replacement === '') continue;
    becomes.set(f.start, f.replacement[0]);
    becomes.set(f.end - 1, f.replacement[f.replacement.length - 1]);
  }
  for (const m of text.matchAll(/[ \u3000\t]+/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start === 0 || end === text.length || text[start - 1] === '\n' || text[end] === '\n') continue;
    const prev = becomes.get(start - 1) ?? text[start - 1];
    const next = becomes.get(end) ?? text[end];
    const hugs = (SPACE_HUGGING_MARK.test(prev) && isChinese(next)) || (SPACE_HUGGING_MARK.test(next) && isChinese(prev));
    if (hugs) out.push({ start, end, replacement: '', rule: 'spacing' });
  }
}

/** `text` with its web and e-mail addresses blanked out (same length, nothing Chinese, no marks), and where they are. */
function maskAddresses(text: string): { view: string; masked: [number, number][] } {
  const masked: [number, number][] = [];
  const view = text.replace(ADDRESS, (m: string, at: number) => {
    masked.push([at, at + m.length]);
    return 'x'.repeat(m.length);
  });
  return { view, masked };
}

/**
 * The punctuation to correct in one text, ascending and never overlapping (where two
 * rules reach the same characters, the fix that starts first is kept, and a pair is
 * kept or dropped whole). A correction can put its neighbour into Chinese (好!! …):
 * checking the corrected text again finds those (`fixInIssue` repeats until none are left).
 */
export function checkPunctuation(text: string): PunctuationFix[] {
  const { view, masked } = maskAddresses(text);
  const found: PunctuationFix[] = [];
  for (const rule of [halfWidthMarks, periods, parentheses, quotes, dashes, ellipses, fullWidthAlnum]) rule(view, found);
  spacing(view, [...found], found);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PunctuationFix[] = [];
  for (const fix of found) {
    const last = kept.at(-1);
    if (last && fix.start < last.end) continue;
    if (masked.some(([from, to]) => fix.start < to && fix.end > from)) continue;
    if (text.slice(fix.start, fix.end) !== fix.replacement) kept.push(fix);
  }
  // A pair whose other half was dropped is dropped too: a lone （ with a ) would be worse.
  const halves = new Map<number, number>();
  for (const f of kept) if (f.pair !== undefined) halves.set(f.pair, (halves.get(f.pair) ?? 0) + 1);
  return kept.filter((f) => f.pair === undefined || halves.get(f.pair) === 2 || !found.some((g) => g !== f && g.pair === f.pair));
}
