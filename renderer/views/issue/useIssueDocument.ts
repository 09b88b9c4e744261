import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorData } from '../../../shared/api/errors.js';
import type { Issue } from '../../../shared/model/issue.js';
import { call, errorData } from '../../api.js';
import { registerCloseFlush } from '../../closeGuard.js';
import { flushEditors } from '../../editor/pendingEdits.js';

/** Autosave waits this long after the last edit (the promise is: saved within a second). */
export const AUTOSAVE_DELAY_MS = 400;
const UNDO_LIMIT = 200;

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'conflict';

export interface IssueDocument {
  issue: Issue | null;
  loadError: AppErrorData | null;
  saveState: SaveState;
  saveError: AppErrorData | null;
  /** True right after an explicit save kept a history version. */
  checkpointed: boolean;
  /**
   * Applies a change. Edits with the same `coalesce` key in a row (typing in one field)
   * make one undo step.
   */
  edit(change: (issue: Issue) => Issue, coalesce?: string): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /** Saves now and keeps a history version (Ctrl/Cmd+S). */
  saveNow(): Promise<void>;
  /** Saves pending edits now (before another process changes the file, e.g. an import); false when they could not be saved. */
  flush(): Promise<boolean>;
  reload(): void;
}

/**
 * An open issue with autosave: every edit is saved about 0.4 s after the last one,
 * one save at a time, always over the stamp of the previous save. A change made on
 * disk by another program stops autosave (`conflict`) instead of overwriting it.
 */
export function useIssueDocument(slug: string): IssueDocument {
  const [issue, setIssue] = useState<Issue | null>(null);
  const [loadError, setLoadError] = useState<AppErrorData | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<AppErrorData | null>(null);
  const [checkpointed, setCheckpointed] = useState(false);
  const [loadCount, setLoadCount] = useState(0);

  const current = useRef<Issue | null>(null);
  const stamp = useRef<string | null>(null);
  const version = useRef(0);
  const savedVersion = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const blocked = useRef(false);
  // Undo and redo stacks of whole issues (structure edits are cheap to keep whole).
  const undoStack = useRef<Issue[]>([]);
  const redoStack = useRef<Issue[]>([]);
  const lastCoalesce = useRef<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    setIssue(null);
    setLoadError(null);
    call('issue:open', { slug }).then(
      (opened) => {
        if (!live) return;
        current.current = opened.issue;
        stamp.current = opened.stamp;
        version.current = savedVersion.current = 0;
        blocked.current = false;
        setIssue(opened.issue);
        setSaveState('saved');
        setSaveError(null);
        undoStack.current = [];
        redoStack.current = [];
      },
      (err: unknown) => live && setLoadError(errorData(err)),
    );
    return () => {
      live = false;
    };
  }, [slug, loadCount]);

  const save = useCallback(
    async (checkpoint: boolean): Promise<void> => {
      // Several callers (timer, Ctrl+S, flush) may wait here: each waits until no save is running.
      while (inFlight.current) await inFlight.current;
      const doc = current.current;
      if (!doc || stamp.current === null || blocked.current) return;
      if (!checkpoint && version.current === savedVersion.current) return;
      const v = version.current;
      setSaveState('saving');
      const run = call('issue:save', { slug, issue: doc, stamp: stamp.current, checkpoint }).then(
        (saved) => {
          stamp.current = saved.stamp;
          savedVersion.current = v;
          setSaveError(null);
          setCheckpointed(checkpoint);
          setSaveState(version.current === v ? 'saved' : 'pending');
        },
        (err: unknown) => {
          const data = errorData(err);
          setSaveError(data);
          if (data.code === 'issue.changedOnDisk') {
            blocked.current = true;
            setSaveState('conflict');
          } else {
            setSaveState('failed');
          }
        },
      );
      inFlight.current = run;
      await run;
      inFlight.current = null;
      if (version.current !== savedVersion.current && !blocked.current) schedule();
    },
    // `schedule` (declared below) only touches refs, so `save` depends on the slug alone.
    [slug],
  );

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void save(false);
    }, AUTOSAVE_DELAY_MS);
  }, [save]);

  const apply = useCallback(
    (next: Issue) => {
      current.current = next;
      version.current += 1;
      setIssue(next);
      setCheckpointed(false);
      if (!blocked.current) setSaveState('pending');
      schedule();
    },
    [schedule],
  );

  const edit = useCallback(
    (change: (issue: Issue) => Issue, coalesce?: string) => {
      const before = current.current;
      if (!before) return;
      const next = change(before);
      if (next === before) return;
      if (coalesce === undefined || coalesce !== lastCoalesce.current) {
        undoStack.current = [...undoStack.current.slice(-UNDO_LIMIT + 1), before];
      }
      lastCoalesce.current = coalesce;
      redoStack.current = [];
      apply(next);
    },
    [apply],
  );

  const step = useCallback(
    (from: { current: Issue[] }, to: { current: Issue[] }) => {
      const target = from.current.at(-1);
      if (!target || !current.current) return;
      lastCoalesce.current = undefined;
      from.current = from.current.slice(0, -1);
      to.current = [...to.current, current.current];
      apply(target);
    },
    [apply],
  );
  const undo = useCallback(() => step(undoStack, redoStack), [step]);
  const redo = useCallback(() => step(redoStack, undoStack), [step]);

  const saveNow = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    await save(true);
  }, [save]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    await save(false);
    while (inFlight.current) await inFlight.current;
    return !blocked.current && version.current === savedVersion.current;
  }, [save]);

  // Closing the window waits for this issue's pending edits (the editor's too) to be saved.
  useEffect(
    () =>
      registerCloseFlush(async () => {
        flushEditors();
        await flush();
      }),
    [flush],
  );

  // Leaving the issue (back to the library, closing the window) saves what is pending.
  useEffect(() => {
    const flush = () => {
      if (version.current !== savedVersion.current) void save(false);
    };
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      if (timer.current) clearTimeout(timer.current);
      flush();
    };
  }, [save]);

  return {
    issue,
    loadError,
    saveState,
    saveError,
    checkpointed,
    edit,
    undo,
    redo,
    canUndo: undoStack.current.length > 0,
    canRedo: redoStack.current.length > 0,
    saveNow,
    flush,
    reload: () => setLoadCount((n) => n + 1),
  };
}
