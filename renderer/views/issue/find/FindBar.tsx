import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useI18n } from '../../../i18n/I18n.js';
import { useMenuCommand } from '../../../useMenuCommand.js';
import { clearMatch, showMatch } from './showMatch.js';
import { useFind, type FindOptions } from './useFind.js';

/** A single-line selection in the page (the editor's included), to search for. */
function selectedText(): string | undefined {
  const text = window.getSelection()?.toString() ?? '';
  return text !== '' && text.length <= 200 && !/[\n\r]/.test(text) ? text : undefined;
}

/**
 * The find-and-replace bar of the issue view (查找和替换): Ctrl/Cmd+F opens it, Ctrl/Cmd+H
 * opens it with the replace row, Esc closes it. Enter and Shift+Enter move between
 * matches across the whole issue, selecting the article that holds each one.
 */
export function FindBar(props: FindOptions) {
  const { t } = useI18n();
  const find = useFind(props);
  const findInput = useRef<HTMLInputElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const [focusRequest, setFocusRequest] = useState<{ field: 'find' | 'replace'; seq: number } | null>(null);

  // Registered on the window in the capture phase, so the shortcut works from the
  // editor too and the editor never sees it (on macOS Lexical reads Ctrl+H as Backspace).
  const openBar = (mode: 'find' | 'replace') => {
    const prefill = selectedText();
    find.open(mode, prefill);
    const field = mode === 'replace' && (prefill ?? find.text) !== '' ? 'replace' : 'find';
    setFocusRequest((r) => ({ field, seq: (r?.seq ?? 0) + 1 }));
  };
  // Edit ▸ Find / Replace in the application menu (its accelerators reach the menu, not the page).
  useMenuCommand((command) => {
    if (command === 'find' || command === 'replace') openBar(command);
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey) return;
      const key = e.key.toLowerCase();
      // Ctrl/Cmd+Alt+F too: macOS keeps Cmd+H for hiding the app.
      const mode = e.altKey ? (e.code === 'KeyF' ? 'replace' : null) : key === 'f' ? 'find' : key === 'h' ? 'replace' : null;
      if (mode === null) return;
      if (e.target instanceof Element && e.target.closest('[role=dialog]')) return;
      e.preventDefault();
      e.stopPropagation();
      openBar(mode);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  useEffect(() => {
    if (!focusRequest) return;
    const input = (focusRequest.field === 'replace' ? replaceInput : findInput).current;
    input?.focus();
    input?.select();
  }, [focusRequest]);

  // Marks the current match in the open article; scrolls to it only when the user moved to it.
  const currentMatch = find.current === null ? null : find.matches[find.current];
  const scrolledFor = useRef(0);
  useEffect(() => {
    const scroll = scrolledFor.current !== find.revealSeq;
    scrolledFor.current = find.revealSeq;
    return showMatch(currentMatch, scroll);
  }, [currentMatch, find.revealSeq]);
  useEffect(() => clearMatch, []);

  if (find.mode === 'closed') return null;

  const n = find.matches.length;
  const count =
    find.text === ''
      ? ''
      : n === 0
        ? t('find.count.none')
        : find.current === null
          ? t('find.count.total', { n })
          : t('find.count.position', { i: find.current + 1, n });

  const onBarKey = (e: ReactKeyboardEvent) => {
    if (e.key === 'Escape' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      find.close();
    }
  };
  const onFindKey = (e: ReactKeyboardEvent) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      find.go(e.shiftKey ? -1 : 1);
    }
  };
  const onReplaceKey = (e: ReactKeyboardEvent) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      find.replaceOne();
    }
  };

  return (
    <div className="find-bar" role="search" aria-label={t('find.region')} onKeyDown={onBarKey}>
      <button
        type="button"
        className="btn-icon find-toggle"
        aria-expanded={find.mode === 'replace'}
        aria-label={t('find.toggleReplace')}
        title={t('find.toggleReplace')}
        onClick={() => find.open(find.mode === 'replace' ? 'find' : 'replace')}
      >
        {find.mode === 'replace' ? '▾' : '▸'}
      </button>
      <div className="find-rows">
        <div className="find-row">
          <input
            ref={findInput}
            className="find-input"
            name="find"
            autoComplete="off"
            spellCheck={false}
            aria-label={t('find.find')}
            placeholder={t('find.find')}
            value={find.text}
            onChange={(e) => find.setText(e.target.value)}
            onKeyDown={onFindKey}
          />
          <span className="find-count" aria-live="polite" data-count={n} data-current={find.current === null ? 0 : find.current + 1}>
            {count}
          </span>
          <button type="button" className="btn-icon" aria-label={t('find.previous')} title={t('find.previous')} disabled={n === 0} onClick={() => find.go(-1)}>
            ↑
          </button>
          <button type="button" className="btn-icon" aria-label={t('find.next')} title={t('find.next')} disabled={n === 0} onClick={() => find.go(1)}>
            ↓
          </button>
          <label className="find-check" title={t('find.wholeWordHint')}>
            <input type="checkbox" name="wholeWord" checked={find.wholeWord} onChange={(e) => find.setWholeWord(e.target.checked)} />
            {t('find.wholeWord')}
          </label>
          <label className="find-check">
            <input type="checkbox" name="matchCase" checked={find.matchCase} onChange={(e) => find.setMatchCase(e.target.checked)} />
            {t('find.matchCase')}
          </label>
          {find.replaced !== null && (
            <span className="find-replaced" data-replaced={find.replaced}>
              {t('find.replaced', { n: find.replaced })}
            </span>
          )}
          <button type="button" className="btn-icon find-close" aria-label={t('find.close')} title={t('find.close')} onClick={find.close}>
            ×
          </button>
        </div>
        {find.mode === 'replace' && (
          <div className="find-row">
            <input
              ref={replaceInput}
              className="find-input"
              name="replace"
              autoComplete="off"
              spellCheck={false}
              aria-label={t('find.replaceWith')}
              placeholder={t('find.replaceWith')}
              value={find.replacement}
              onChange={(e) => find.setReplacement(e.target.value)}
              onKeyDown={onReplaceKey}
            />
            <button type="button" className="btn btn-small" disabled={n === 0} onClick={find.replaceOne}>
              {t('find.replace')}
            </button>
            <button type="button" className="btn btn-small" disabled={n === 0} onClick={find.replaceAll}>
              {t('find.replaceAll')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
