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
}

/** How many characters of context a hit carries on each side. */
const CONTEXT_CHARS = 10;

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
      const context = {
        before: text.slice(Math.max(0, f.start - CONTEXT_CHARS), f.start).split('\n').at(-1) ?? '',
        after: text.slice(f.end, f.end + CONTEXT_CHARS).split('\n')[0],
      };
      hits.push({ articleId, field, path, start: f.start, end: f.end, text: text.slice(f.start, f.end), replacement: f.replacement, rule: f.rule, context });
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
 * `proofIssue`, and returns the new issue with the number made; the given issue is
 * never changed. A hit whose text changed since it was found is not touched. With
 * nothing to correct, the same issue object comes back (count 0).
 */
export function fixInIssue(issue: Issue, which: 'all' | { rule: PunctuationRule } | ProofHit): { issue: Issue; count: number } {
  return editIssue(issue, (articleId, field, path, text) => {
    const fixes = fixesAt(field, text);
    if (which === 'all') return fixes;
    if (!('articleId' in which)) return fixes.filter((f) => f.rule === which.rule);
    if (!samePlace(which, articleId, field, path)) return [];
    return fixes.filter((f) => f.start === which.start && f.end === which.end && f.replacement === which.replacement);
  });
}
