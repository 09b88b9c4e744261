import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { BLUR_COMMAND, CLEAR_HISTORY_COMMAND, COMMAND_PRIORITY_LOW, KEY_DOWN_COMMAND, mergeRegister } from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { BodySchema, type Body } from '../../../../shared/model/body.js';
import { registerFlusher } from '../../pendingEdits.js';
import { fromBody, toBody } from '../../serialize.js';

/** How long the editor waits after the last keystroke before it hands the body on. */
export const AUTOSAVE_DELAY_MS = 300;
/** While typing never pauses, the body is still handed on this often. */
export const AUTOSAVE_MAX_WAIT_MS = 2000;
/** The name of the performance measure of one hand-on (serialize, validate, `onChange`). */
export const AUTOSAVE_MEASURE = 'masthead:editor-autosave';
/** The tag of updates that load a body from outside (they are not edits to save). */
export const EXTERNAL_UPDATE_TAG = 'masthead-external-body';

interface AutosavePluginProps {
  /** The body as the document holds it. A different body than the editor last handed on is loaded. */
  body: Body;
  /** A validated body with the user's changes. */
  onChange(body: Body): void;
  /** True from the first unsaved keystroke until the body is handed on. */
  onPendingChange?(pending: boolean): void;
  /** True while the editor holds something the body schema refuses (it is not handed on). */
  onInvalidChange?(invalid: boolean): void;
}

/**
 * Hands the body to `onChange` 300 ms after the last edit (at least every 2 s while
 * typing goes on), never in the middle of an IME composition; and at once on Ctrl/Cmd+S,
 * when the editor loses focus, when it unmounts (another article is opened) and when
 * the window closes. Nothing typed is lost: a pending change always reaches `onChange`.
 */
export function AutosavePlugin({ body, onChange, onPendingChange, onInvalidChange }: AutosavePluginProps) {
  const [editor] = useLexicalComposerContext();
  const callbacks = useRef({ onChange, onPendingChange, onInvalidChange });
  useLayoutEffect(() => {
    callbacks.current = { onChange, onPendingChange, onInvalidChange };
  });
  // The body last handed on or loaded, and its JSON, to tell real changes from echoes
  // (a box made once: a useRef argument would be stringified again on every render).
  const [known] = useState(() => ({ current: { body, json: JSON.stringify(body) } }));
  const pendingSince = useRef<number | null>(null);
  const invalid = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const setPending = useCallback((pending: boolean) => {
    if ((pendingSince.current !== null) === pending) return;
    pendingSince.current = pending ? performance.now() : null;
    callbacks.current.onPendingChange?.(pending);
  }, []);

  const flush = useCallback(
    (evenWhileComposing = false) => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      if (pendingSince.current === null) return;
      // The composition's end schedules the save again.
      if (editor.isComposing() && !evenWhileComposing) return;
      const started = performance.now();
      const parsed = BodySchema.safeParse(toBody(editor.getEditorState()));
      if (invalid.current !== !parsed.success) {
        invalid.current = !parsed.success;
        callbacks.current.onInvalidChange?.(invalid.current);
      }
      if (!parsed.success) {
        console.error('The editor holds a body the schema refuses', parsed.error);
        return;
      }
      setPending(false);
      const json = JSON.stringify(parsed.data);
      if (json === known.current.json) return;
      known.current = { body: parsed.data, json };
      callbacks.current.onChange(parsed.data);
      // Visible in the profiler and read by tests/bench/editor.bench.ts.
      performance.measure(AUTOSAVE_MEASURE, { start: started });
    },
    [editor, known, setPending],
  );

  const schedule = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    const waited = pendingSince.current === null ? 0 : performance.now() - pendingSince.current;
    const delay = Math.max(0, Math.min(AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS - waited));
    timer.current = setTimeout(() => flush(), delay);
  }, [flush]);

  useEffect(() => {
    const onCompositionEnd = () => {
      if (pendingSince.current !== null) schedule();
    };
    return mergeRegister(
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
        if (tags.has(EXTERNAL_UPDATE_TAG) || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
        setPending(true);
        if (!editor.isComposing()) schedule();
      }),
      editor.registerRootListener((root, prevRoot) => {
        prevRoot?.removeEventListener('compositionend', onCompositionEnd);
        root?.addEventListener('compositionend', onCompositionEnd);
      }),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          // Ctrl/Cmd+S saves the issue (IssueView): the body must be in it first.
          if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') flush();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          flush();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor, flush, schedule, setPending]);

  // Closing the window (and a menu save, once wired): see pendingEdits.ts.
  useEffect(() => registerFlusher(() => flush(true)), [flush]);

  // Another article opened, or the issue closed: a layout-effect cleanup runs before the
  // issue document's own (passive) cleanup saves what is pending.
  useLayoutEffect(() => () => flush(true), [flush]);

  // A body changed from outside (the undo, a reload) replaces the editor's content.
  // A layout effect, so no autosave can run between the commit and this check: a passive
  // effect could see the body of the previous hand-on as "changed from outside" and bring
  // back the older text.
  useLayoutEffect(() => {
    if (body === known.current.body) return;
    const json = JSON.stringify(body);
    known.current = { body, json };
    if (json === JSON.stringify(toBody(editor.getEditorState()))) return;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    setPending(false);
    editor.setEditorState(editor.parseEditorState(fromBody(body)), { tag: EXTERNAL_UPDATE_TAG });
    editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
  }, [body, editor, known, setPending]);

  return null;
}
