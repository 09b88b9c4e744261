import type { TextEdit } from '../model/places.js';

/*
 * Punctuation in Chinese text (GB/T 15834-2011, DOMAIN.md): the marks a contributor typed
 * with the keyboard in English mode — , ! ? : ; ( ) " -- ... — found where they stand in
 * Chinese, each with the mark it should be; and digits and Latin letters typed full-width
 * (２０２４, ＰＬＣ), which stay half-width in Chinese text (GB/T 15835). Latin text, numbers (2,300 · 10:30 · 1068.45),
 * web addresses and the like are left alone: a mark counts as standing in Chinese when
 * the nearest character before or after it (past spaces) is Chinese — a Han character or
 * a full-width mark.
 */

/** Which rule a fix comes from (the proofreading panel groups by it). */
export type PunctuationRule = 'halfWidth' | 'period' | 'parentheses' | 'quotes' | 'dash' | 'ellipsis' | 'fullWidthAlnum' | 'spacing';

/** One mark to change: the text from `start` to `end` becomes `replacement`. */
export interface PunctuationFix extends TextEdit {
  rule: PunctuationRule;
}

const FULL_WIDTH: Record<string, string> = { ',': '，', '!': '！', '?': '？', ':': '：', ';': '；' };

const HAN = /\p{Script=Han}/u;
/** Full-width and Chinese marks: CJK symbols, full-width forms, curly quotes, dashes, ellipsis, middle dot. */
const CHINESE_MARK = /[\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/u;
/** Marks after which (or before which) a space is never wanted in Chinese text. */
const SPACE_HUGGING_MARK = /[，。！？：；、）》」』”’（《「『“‘]/u;
const SPACE = /[ \u3000\t]/;
const DIGIT = /[0-9]/;

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

/** , ! ? : ; in Chinese → ， ！ ？ ： ； (not between digits: 2,300 and 10:30 stay). */
function halfWidthMarks(text: string, out: PunctuationFix[]): void {
  for (let i = 0; i < text.length; i++) {
    const mark = FULL_WIDTH[text[i]];
    if (!mark) continue;
    if ((text[i] === ',' || text[i] === ':') && DIGIT.test(text[i - 1] ?? '') && DIGIT.test(text[i + 1] ?? '')) continue;
    if (inChinese(text, i, i + 1)) out.push(withSpaces(text, i, i + 1, mark, 'halfWidth'));
  }
}

/** A full stop typed as . right after Chinese, ending the text or followed by Chinese → 。 */
function periods(text: string, out: PunctuationFix[]): void {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '.' || text[i - 1] === '.' || text[i + 1] === '.') continue;
    if (!isChinese(text[i - 1])) continue;
    const next = after(text, i + 1).ch;
    if (next === undefined || isChinese(next)) out.push(withSpaces(text, i, i + 1, '。', 'period'));
  }
}

/** ( … ) around or beside Chinese → （ … ）, pair by pair (an unpaired one is left). */
function parentheses(text: string, out: PunctuationFix[]): void {
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length > 0) {
      const start = open.pop() as number;
      const inside = text.slice(start + 1, i);
      if ([...inside].some((ch) => HAN.test(ch)) || isChinese(text[start - 1]) || isChinese(text[i + 1])) {
        out.push({ start, end: start + 1, replacement: '（', rule: 'parentheses' });
        out.push({ start: i, end: i + 1, replacement: '）', rule: 'parentheses' });
      }
    }
  }
}

/** Straight double quotes in Chinese → “ ”, taken in pairs (an odd last one is left). */
function quotes(text: string, out: PunctuationFix[]): void {
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '"') at.push(i);
  for (let k = 0; k + 1 < at.length; k += 2) {
    const [start, end] = [at[k], at[k + 1]];
    const inside = text.slice(start + 1, end);
    if ([...inside].some((ch) => HAN.test(ch)) || inChinese(text, start, end + 1)) {
      out.push({ start, end: start + 1, replacement: '“', rule: 'quotes' });
      out.push({ start: end, end: end + 1, replacement: '”', rule: 'quotes' });
    }
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

/**
 * The punctuation to correct in one text, ascending and never overlapping (where two
 * rules reach the same characters, the fix that starts first is kept). Making them all
 * leaves a text in which this finds nothing more.
 */
export function checkPunctuation(text: string): PunctuationFix[] {
  const found: PunctuationFix[] = [];
  for (const rule of [halfWidthMarks, periods, parentheses, quotes, dashes, ellipses, fullWidthAlnum]) rule(text, found);
  spacing(text, [...found], found);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const fixes: PunctuationFix[] = [];
  for (const fix of found) {
    const last = fixes.at(-1);
    if (last && fix.start < last.end) continue;
    if (text.slice(fix.start, fix.end) !== fix.replacement) fixes.push(fix);
  }
  return fixes;
}
