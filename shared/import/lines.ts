/**
 * Heuristics on single lines of an imported contribution: what looks like a caption,
 * a byline, a deck. Shared by the clean-up (captions) and the article split (headline,
 * kicker, deck, byline) so both read a line the same way. Lengths count UTF-16 code
 * units, which for CJK text is characters.
 */

/** The longest line that still counts as "short" (a caption, kicker or deck), in characters. */
export const SHORT_LINE_MAX = 40;

/** Full-width and ASCII marks that end a sentence. */
const SENTENCE_END = /[。！？!?]/;

/** True when the line holds a sentence-ending mark anywhere (。！？). */
export function hasSentenceEnd(line: string): boolean {
  return SENTENCE_END.test(line);
}

/** True for a short stand-alone line: at most SHORT_LINE_MAX characters and no 。！？. */
export function isShortLine(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= SHORT_LINE_MAX && !hasSentenceEnd(t);
}

// 图为… / 图： / 图1： / 图 1: (LibreOffice's numbered caption) / 图片： / 照片：
const CAPTION_START = /^(?:图为|(?:图片?|照片)\s*\d*\s*[:：．.])/;

/** True when a line announces itself as a caption (图为…, 图：…, 图1：…). */
export function isCaptionText(line: string): boolean {
  return CAPTION_START.test(line.trim());
}

/** The longest line read as a byline, in characters. */
export const BYLINE_MAX = 60;

// Optional bracket, optional 本报/本刊, a keyword; 文/图/摄 need a separator so that
// 文化… or 图书… are not taken for credits.
const BYLINE_START =
  /^[（(【[]?\s*(?:(?:本报|本刊|特约)?(?:通讯员|记者)|作者|来源|供稿(?:单位)?|撰稿|(?:文|图|摄影?|文图|文\/图|图\/文)\s*[:：/／|])/;
// 张三 摄 / （李四 摄） at the end of a line
const PHOTO_CREDIT_END = /\s摄[）)】\]]?$/;

/**
 * True when a line reads as a byline or credit: 通讯员 张三, 记者：李四, 作者/来源/供稿…,
 * 文/张三, 图：李四, （供稿：办公室）, 王五 摄. Long lines and lines with 。！？，；
 * are body text even when they start with 记者 (记者从…获悉，…).
 */
export function isBylineText(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > BYLINE_MAX || /[。！？!?，,；;]/.test(t)) return false;
  return BYLINE_START.test(t) || PHOTO_CREDIT_END.test(t);
}

/** True for a line that is only a date (2024年3月15日, 2024-03-15, 2024.3.15). */
export function isDateLine(line: string): boolean {
  return /^\s*\d{4}\s*(?:年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[-./]\d{1,2}[-./]\d{1,2})\s*$/.test(line);
}

/** True when a line starts with a dash, as a deck (副题) often does: ——…, —…, --…. */
export function startsWithDash(line: string): boolean {
  return /^\s*(?:[—―─]|--)/.test(line);
}
