import type { Match } from '../model/find.js';
import type { Issue } from '../model/issue.js';
import { editIssue, type TextField } from '../model/places.js';
import { checkPunctuation, type PunctuationFix, type PunctuationRule } from './punctuation.js';

/**
 * Proofreading (校对) over an issue: every punctuation mark to correct in its articles,
 * in print order, found where find and replace looks (headers, body, captions), and
 * corrected one by one or all at once.
 */

/** One mark to correct: where it stands (as a find match), what it should be, and by which rule. */
export interface ProofHit extends Match {
  replacement: string;
  rule: PunctuationRule;
  /** A few characters of the text on either side, to show the mark in its sentence. */
  context: { before: string; after: string };
  /** For half of a bracket or quote pair: where the pair opens (correcting one corrects both). */
  pair?: number;
}

/** How many characters of context a hit carries on each side. */
const CONTEXT_CHARS = 10;
/** How many times `fixInIssue` looks again for marks its own corrections put into Chinese. */
const MAX_ROUNDS = 5;

const isLowSurrogate = (text: string, i: number) => i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i]);

/** Up to CONTEXT_CHARS before `start` and after `end`, on the same line, never cutting a surrogate pair. */
function contextOf(text: string, start: number, end: number): { before: string; after: string } {
  let from = Math.max(0, start - CONTEXT_CHARS);
  if (isLowSurrogate(text, from)) from++;
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  if (isLowSurrogate(text, to)) to--;
  return { before: text.slice(from, start).split('\n').at(-1) ?? '', after: text.slice(end, to).split('\n')[0] };
}

/** Header fields are set apart with spaces on purpose (“市总工会党组 学习贯彻全国两会精神”, “通讯员 张三”). */
const SPACED_ON_PURPOSE: readonly TextField[] = ['kicker', 'headline', 'deck', 'byline'];

function fixesAt(field: TextField, text: string): PunctuationFix[] {
  const fixes = checkPunctuation(text);
  return SPACED_ON_PURPOSE.includes(field) ? fixes.filter((f) => f.rule !== 'spacing') : fixes;
}

/** Every punctuation mark to correct in the issue's articles, in print order. */
export function proofIssue(issue: Issue): ProofHit[] {
  const hits: ProofHit[] = [];
  editIssue(issue, (articleId, field, path, text) => {
    for (const f of fixesAt(field, text)) {
      const hit: ProofHit = { articleId, field, path, start: f.start, end: f.end, text: text.slice(f.start, f.end), replacement: f.replacement, rule: f.rule, context: contextOf(text, f.start, f.end) };
      if (f.pair !== undefined) hit.pair = f.pair;
      hits.push(hit);
    }
    return [];
  });
  return hits;
}

function samePlace(hit: ProofHit, articleId: string, field: TextField, path: readonly number[]): boolean {
  return hit.articleId === articleId && hit.field === field && hit.path.length === path.length && hit.path.every((p, i) => p === path[i]);
}

/**
 * Makes every correction (`'all'`), those of one rule, or one hit found earlier by
 * `proofIssue` (with the other half of its bracket or quote pair), and returns the new
 * issue with the number made; the given issue is never changed. A hit whose text
 * changed since it was found is not touched. All, or a rule, is made again on its own
 * result until nothing is left (a correction can put its neighbour into Chinese: 好!!).
 * With nothing to correct, the same issue object comes back (count 0).
 */
export function fixInIssue(issue: Issue, which: 'all' | { rule: PunctuationRule } | ProofHit): { issue: Issue; count: number } {
  if (which !== 'all' && 'articleId' in which) {
    return editIssue(issue, (articleId, field, path, text) => {
      if (!samePlace(which, articleId, field, path)) return [];
      return fixesAt(field, text).filter(
        (f) => (f.start === which.start && f.end === which.end && f.replacement === which.replacement) || (which.pair !== undefined && f.pair === which.pair),
      );
    });
  }
  let result = { issue, count: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = editIssue(result.issue, (_articleId, field, _path, text) => {
      const fixes = fixesAt(field, text);
      return which === 'all' ? fixes : fixes.filter((f) => f.rule === which.rule);
    });
    if (next.count === 0) break;
    result = { issue: next.issue, count: result.count + next.count };
  }
  return result;
}
