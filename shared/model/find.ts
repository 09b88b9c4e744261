import type { Issue } from './issue.js';
import { editIssue, type TextField } from './places.js';

/**
 * Find and replace (查找和替换) across an issue's articles: the kicker, headline, deck and
 * byline of each article, its body text and its figure captions, in print order.
 *
 * Offsets are UTF-16 code units (JavaScript string indexes) into the plain text of one
 * place: a header field, a caption, or one text block of the body, where a line break
 * counts as `\n`. A query is one line, so a match never crosses a line break or a block.
 *
 * Whole word (全字匹配): a match is a whole word unless a letter or digit of a
 * space-separated script (Latin, Greek, Cyrillic, Hangul …) runs on from its first
 * character backwards or from its last character forwards: `art` is a whole word in
 * `art, 艺术` and in `AI赋能`, not in `artist` or `4art`. Chinese and Japanese are
 * written without spaces, so every CJK character is a word boundary: searching 工会
 * whole-word finds it in 市总工会 too (a dictionary would be needed to do better, and
 * an editor replacing 工会 means every 工会). A query that starts or ends with a space
 * or a punctuation mark is bounded there by that character.
 */

/** Where a match can stand in an article, in print order. */
export type FindField = TextField;

/** What to look for. */
export interface FindQuery {
  /** The text to find, taken literally (no patterns); '' or a text with a line break finds nothing. */
  text: string;
  /** Match whole words only (see the module comment for what a word is in CJK text). */
  wholeWord: boolean;
  /** Tell upper from lower case (Latin, Greek, Cyrillic …); false by default. */
  matchCase?: boolean;
}

/** One occurrence of the query. */
export interface Match {
  articleId: string;
  field: FindField;
  /**
   * For `body` and `caption`: the child indexes from the body's root down to the block
   * holding the text (`[2]` the third block; `[1, 0]` the first item of a list that is
   * the second block; `[3, 0, 1, 0]` table 3, row 0, cell 1, paragraph 0). `[]` for the
   * header fields.
   */
  path: number[];
  /** Start of the match in the place's plain text (UTF-16 code units, inclusive). */
  start: number;
  /** End of the match (exclusive). */
  end: number;
  /** The text matched, as it stands in the issue (its case may differ from the query). */
  text: string;
}

// Letters and digits of scripts that separate words with spaces; CJK (Han, kana, and
// the iteration and prolonged sound marks) is excluded, so each CJK character stands alone.
const SPACED_WORD_CHAR = /^[\p{L}\p{N}\p{M}_]$/u;
const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u30FC]$/u;

function isSpacedWordChar(ch: string | undefined): boolean {
  return ch !== undefined && SPACED_WORD_CHAR.test(ch) && !CJK_CHAR.test(ch);
}

/** The code point that ends just before `index` (a surrogate pair kept whole). */
function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text[index - 1];
}

/** The code point that starts at `index`. */
function charAt(text: string, index: number): string | undefined {
  const cp = text.codePointAt(index);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

function isWholeWord(text: string, start: number, end: number): boolean {
  const first = charAt(text, start);
  const last = charBefore(text, end);
  if (isSpacedWordChar(first) && isSpacedWordChar(charBefore(text, start))) return false;
  if (isSpacedWordChar(last) && isSpacedWordChar(charAt(text, end))) return false;
  return true;
}

type Ranges = { start: number; end: number }[];

/** Finds the query's non-overlapping occurrences in one text, left to right; null when the query finds nothing anywhere. */
function compileQuery(query: FindQuery): ((text: string) => Ranges) | null {
  if (query.text === '' || /[\n\r]/.test(query.text)) return null;
  const source = query.text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  const flags = query.matchCase ? 'gu' : 'giu';
  return (text) => {
    const re = new RegExp(source, flags);
    const found: Ranges = [];
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!query.wholeWord || isWholeWord(text, start, end)) {
        found.push({ start, end });
      } else {
        // A rejected candidate may hide a whole word that starts inside it ("aa a").
        re.lastIndex = start + 1;
      }
    }
    return found;
  };
}

/**
 * Every occurrence of the query in the issue's articles, in print order: section by
 * section, article by article; in each article the kicker, headline, deck, byline,
 * then the body block by block with each figure's caption where the figure stands.
 * Section titles, the masthead and the colophon are not searched.
 */
export function findInIssue(issue: Issue, query: FindQuery): Match[] {
  const find = compileQuery(query);
  if (!find) return [];
  const matches: Match[] = [];
  editIssue(issue, (articleId, field, path, text) => {
    for (const r of find(text)) matches.push({ articleId, field, path, ...r, text: text.slice(r.start, r.end) });
    return [];
  });
  return matches;
}

function samePlace(m: Match, articleId: string, field: FindField, path: readonly number[]): boolean {
  return m.articleId === articleId && m.field === field && m.path.length === path.length && m.path.every((p, i) => p === path[i]);
}

/**
 * Replaces every occurrence of the query (`'all'`) or one match found earlier by
 * `findInIssue`, and returns a new issue with the number of replacements; the given
 * issue is never changed. A match that no longer stands where it was found (the text
 * changed since) is not replaced. With nothing replaced, the same issue object comes
 * back (count 0), so the caller can tell there is nothing to undo. In the body the
 * replacement takes the format (bold …) of the run where the match starts; figures
 * keep their images, only captions change.
 */
export function replaceInIssue(
  issue: Issue,
  query: FindQuery,
  replacement: string,
  which: 'all' | Match,
): { issue: Issue; count: number } {
  const find = compileQuery(query);
  if (!find) return { issue, count: 0 };
  return editIssue(issue, (articleId, field, path, text) => {
    const ranges = find(text);
    const chosen = which === 'all' ? ranges : samePlace(which, articleId, field, path) ? ranges.filter((r) => r.start === which.start && r.end === which.end) : [];
    return chosen.map((r) => ({ ...r, replacement }));
  });
}
