import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Issue } from '../../../../shared/model/issue.js';
import { fixInIssue, proofIssue, type ProofHit } from '../../../../shared/proof/proofIssue.js';
import type { PunctuationRule } from '../../../../shared/proof/punctuation.js';
import { flushEditors } from '../../../editor/pendingEdits.js';
import { useI18n } from '../../../i18n/I18n.js';
import { clearMatch, showMatch } from '../find/showMatch.js';

/** Rows listed per rule; the rest are counted (the sample has ~140 in one rule). */
const ROWS_PER_RULE = 200;

export interface ProofPanelProps {
  issue: Issue;
  /** The issue document's `edit`: one call is one undo step. */
  edit(change: (issue: Issue) => Issue): void;
  /** Shows the article holding a hit (selects it in the tree). */
  onReveal(articleId: string): void;
}

/**
 * The proofreading tab (校对): every punctuation mark to correct in the issue, grouped by
 * rule, each shown in its sentence; a click shows it in the article, and marks are
 * corrected one at a time, a rule at a time, or all at once — each one undo step.
 * From the keyboard: ↑/↓ move between marks (showing each), Ctrl/Cmd+Enter corrects one.
 */
export function ProofPanel({ issue, edit, onReveal }: ProofPanelProps) {
  const { t } = useI18n();
  const [fixed, setFixed] = useState<{ count: number; issue: Issue } | null>(null);
  // The open article's last keystrokes belong in what is checked.
  useEffect(() => {
    flushEditors();
  }, []);
  useEffect(() => () => clearMatch(), []);
  const hits = useMemo(() => proofIssue(issue), [issue]);
  const groups = useMemo(() => {
    const byRule = new Map<PunctuationRule, ProofHit[]>();
    for (const hit of hits) byRule.set(hit.rule, [...(byRule.get(hit.rule) ?? []), hit]);
    return [...byRule];
  }, [hits]);
  // The rows as listed (group by group), for moving between them from the keyboard.
  const listed = useMemo(() => groups.flatMap(([, list]) => list.slice(0, ROWS_PER_RULE)), [groups]);
  const rows = useRef<HTMLDivElement>(null);
  const indexOf = useMemo(() => new Map(listed.map((hit, i) => [hit, i])), [listed]);
  // After a correction from the keyboard, the focus goes to the row now at the same place.
  const [focusAt, setFocusAt] = useState<number | null>(null);
  useEffect(() => {
    if (focusAt === null) return;
    const buttons = rows.current?.querySelectorAll<HTMLButtonElement>('.proof-show') ?? [];
    buttons[Math.min(focusAt, buttons.length - 1)]?.focus();
    setFocusAt(null);
  }, [focusAt, listed]);
  const headlines = useMemo(() => new Map(issue.sections.flatMap((s) => s.articles.map((a) => [a.id, a.headline] as const))), [issue]);

  const fix = (which: Parameters<typeof fixInIssue>[1]) => {
    flushEditors();
    const done: { count: number; issue: Issue | null } = { count: 0, issue: null };
    // `edit` hands over the latest issue: a hit whose text changed since corrects nothing.
    edit((latest) => {
      const result = fixInIssue(latest, which);
      done.count = result.count;
      done.issue = result.issue;
      return result.issue;
    });
    clearMatch();
    if (done.issue && done.count > 0) setFixed({ count: done.count, issue: done.issue });
  };

  const reveal = (hit: ProofHit) => {
    flushEditors();
    onReveal(hit.articleId);
    showMatch(hit, true);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = Number((e.target as HTMLElement).closest<HTMLElement>('.proof-show')?.dataset.index ?? NaN);
    if (Number.isNaN(index)) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.max(0, Math.min(listed.length - 1, index + (e.key === 'ArrowDown' ? 1 : -1)));
      rows.current?.querySelector<HTMLButtonElement>(`.proof-show[data-index="${next}"]`)?.focus();
      reveal(listed[next]);
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      fix(listed[index]);
      setFocusAt(index);
    }
  };

  return (
    <div className="inspector-body proof" role="region" aria-label={t('proof.title')} ref={rows} onKeyDown={onKeyDown}>
      <p className="proof-hint">{t('proof.hint')}</p>
      <div className="proof-summary">
        <span role="status">{hits.length === 0 ? t('proof.none') : t('proof.total', { n: hits.length })}</span>
        {hits.length > 0 && (
          <button type="button" className="btn btn-primary btn-small" onClick={() => fix('all')}>
            {t('proof.fixAll')}
          </button>
        )}
      </div>
      {fixed && fixed.issue === issue && <p className="proof-fixed" role="status">{t('proof.fixed', { n: fixed.count })}</p>}
      {groups.map(([rule, list]) => (
        <section key={rule} className="proof-group" data-rule={rule}>
          <header className="proof-group-head">
            <h3>
              {t(`proof.rule.${rule}`)} <span className="proof-count">{list.length}</span>
            </h3>
            <button type="button" className="btn btn-small" onClick={() => fix({ rule })}>
              {t('proof.fixRule')}
            </button>
          </header>
          <ol className="proof-list">
            {list.slice(0, ROWS_PER_RULE).map((hit) => (
              <li key={`${hit.articleId}:${hit.field}:${hit.path.join('.')}:${hit.start}`} className="proof-hit">
                <button type="button" className="proof-show" title={t('proof.show')} data-index={indexOf.get(hit)} onClick={() => reveal(hit)}>
                  <span className="proof-where">
                    {headlines.get(hit.articleId)} · {t(`proof.field.${hit.field}`)}
                  </span>
                  <span className="proof-context">
                    {hit.context.before}
                    <del>{hit.text.replace(/[ \u3000\t]/g, '␣')}</del>
                    <ins>{hit.replacement}</ins>
                    {hit.context.after}
                  </span>
                </button>
                <button type="button" className="btn btn-quiet btn-small" onClick={() => fix(hit)}>
                  {t('proof.fixOne')}
                </button>
              </li>
            ))}
          </ol>
          {list.length > ROWS_PER_RULE && <p className="proof-more">{t('proof.more', { n: list.length - ROWS_PER_RULE })}</p>}
        </section>
      ))}
    </div>
  );
}
