import { useMemo, useState } from 'react';
import { findInIssue, replaceInIssue, type FindQuery, type Match } from '../../../../shared/model/find.js';
import type { Issue } from '../../../../shared/model/issue.js';
import { flushEditors } from '../../../editor/pendingEdits.js';

/** Closed, finding, or finding with the replace row shown. */
export type FindMode = 'closed' | 'find' | 'replace';

export interface FindOptions {
  issue: Issue;
  /** The issue document's `edit`: one call is one undo step. */
  edit(change: (issue: Issue) => Issue): void;
  /** Shows the article holding a match (selects it in the tree). */
  onReveal(articleId: string): void;
}

export interface FindState {
  mode: FindMode;
  text: string;
  replacement: string;
  wholeWord: boolean;
  matchCase: boolean;
  matches: Match[];
  /** The match last moved to, as an index into `matches`; null before any move. */
  current: number | null;
  /** How many the last Replace all replaced, while the issue is still the one it made (an undo or edit hides it). */
  replaced: number | null;
  /** Goes up each time the user moves to a match (the view scrolls to it then, not on every edit). */
  revealSeq: number;
  open(mode: 'find' | 'replace', prefill?: string): void;
  close(): void;
  setText(text: string): void;
  setReplacement(text: string): void;
  setWholeWord(on: boolean): void;
  setMatchCase(on: boolean): void;
  /** Moves to the next (1) or previous (-1) match, wrapping around, and reveals it. */
  go(delta: 1 | -1): void;
  /** Replaces the current match and moves on; with no current match, moves to the first. */
  replaceOne(): void;
  replaceAll(): void;
}

/** Matches of the new issue that stand inside the text just put in place of `m`. */
function insideReplacement(matches: readonly Match[], m: Match, length: number): number {
  return matches.filter(
    (n) =>
      n.articleId === m.articleId &&
      n.field === m.field &&
      n.path.join('.') === m.path.join('.') &&
      n.start >= m.start &&
      n.start < m.start + length,
  ).length;
}

/**
 * The find bar's state and actions: the query, the matches in the current issue (kept
 * up to date as the issue changes), moving between them and replacing through `edit`,
 * so each Replace or Replace all is one undo step of the issue.
 */
export function useFind({ issue, edit, onReveal }: FindOptions): FindState {
  const [mode, setMode] = useState<FindMode>('closed');
  const [text, setTextState] = useState('');
  const [replacement, setReplacement] = useState('');
  const [wholeWord, setWholeWordState] = useState(false);
  const [matchCase, setMatchCaseState] = useState(false);
  const [current, setCurrent] = useState<number | null>(null);
  const [replaced, setReplaced] = useState<{ count: number; issue: Issue } | null>(null);
  const [revealSeq, setRevealSeq] = useState(0);

  const query: FindQuery = useMemo(() => ({ text, wholeWord, matchCase }), [text, wholeWord, matchCase]);
  const matches = useMemo(() => (mode === 'closed' ? [] : findInIssue(issue, query)), [mode, issue, query]);
  // An edit elsewhere may leave fewer matches than the index the user was at.
  const index = current !== null && current < matches.length ? current : null;

  const queryChanged = () => {
    setCurrent(null);
    setReplaced(null);
  };

  const go = (delta: 1 | -1) => {
    flushEditors();
    if (matches.length === 0) return;
    const next = index === null ? (delta > 0 ? 0 : matches.length - 1) : (index + delta + matches.length) % matches.length;
    setCurrent(next);
    setReplaced(null);
    setRevealSeq((n) => n + 1);
    onReveal(matches[next].articleId);
  };

  const replaceOne = () => {
    flushEditors();
    if (index === null) {
      go(1);
      return;
    }
    const target = matches[index];
    const done: { issue: Issue | null } = { issue: null };
    // `edit` hands over the document's latest issue; a match that no longer stands there replaces nothing.
    edit((latest) => {
      const result = replaceInIssue(latest, query, replacement, target);
      if (result.count > 0) done.issue = result.issue;
      return result.issue;
    });
    if (done.issue === null) return;
    const left = findInIssue(done.issue, query);
    const next = index + insideReplacement(left, target, replacement.length);
    const wrapped = left.length === 0 ? null : next < left.length ? next : 0;
    setCurrent(wrapped);
    setRevealSeq((n) => n + 1);
    if (wrapped !== null) onReveal(left[wrapped].articleId);
  };

  const replaceAll = () => {
    flushEditors();
    const done: { count: number; issue: Issue | null } = { count: 0, issue: null };
    edit((latest) => {
      const result = replaceInIssue(latest, query, replacement, 'all');
      done.count = result.count;
      done.issue = result.issue;
      return result.issue;
    });
    setCurrent(null);
    if (done.issue) setReplaced({ count: done.count, issue: done.issue });
  };

  return {
    mode,
    text,
    replacement,
    wholeWord,
    matchCase,
    matches,
    current: index,
    replaced: replaced && replaced.issue === issue ? replaced.count : null,
    revealSeq,
    open(next, prefill) {
      // The open article's last keystrokes belong in what is searched.
      flushEditors();
      setMode(next);
      if (prefill !== undefined && prefill !== text) {
        setTextState(prefill);
        queryChanged();
      }
    },
    close() {
      setMode('closed');
      setCurrent(null);
      setReplaced(null);
    },
    setText(value) {
      setTextState(value);
      queryChanged();
    },
    setReplacement,
    setWholeWord(on) {
      setWholeWordState(on);
      queryChanged();
    },
    setMatchCase(on) {
      setMatchCaseState(on);
      queryChanged();
    },
    go,
    replaceOne,
    replaceAll,
  };
}
