import { useEffect, useRef } from 'react';

// Events that must not reach Lexical's listeners on the editor root: inside the caption
// field they belong to the field (typing, IME composition, clipboard, undo, Enter).
const OWN_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'compositionstart',
  'compositionupdate',
  'cut',
  'copy',
  'paste',
  'drop',
  'dragstart',
  'dragover',
  'pointerdown',
  'click',
] as const;

interface CaptionInputProps {
  value: string;
  label: string;
  placeholder: string;
  /** A changed caption; `continued` when it follows the previous change within a second (one undo step). */
  onCommit(caption: string, continued: boolean): void;
}

/**
 * The caption field of a figure. It is a plain input living inside the editor's
 * contenteditable, so its events are handled natively and stopped here, before
 * Lexical sees them; a composition (IME) commits once, at its end.
 */
export function CaptionInput({ value, label, placeholder, onCommit }: CaptionInputProps) {
  const ref = useRef<HTMLInputElement>(null);
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  });

  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    let last = -Infinity;
    const send = () => {
      const now = performance.now();
      commit.current(input.value, now - last < 1000);
      last = now;
    };
    const stop = (e: Event) => e.stopPropagation();
    const onInput = (e: Event) => {
      e.stopPropagation();
      if (!(e instanceof InputEvent && e.isComposing)) send();
    };
    const onCompositionEnd = (e: Event) => {
      e.stopPropagation();
      send();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && !e.isComposing) {
        e.preventDefault();
        input.blur();
      }
    };
    input.addEventListener('keydown', onKeyDown);
    input.addEventListener('input', onInput);
    input.addEventListener('compositionend', onCompositionEnd);
    for (const name of OWN_EVENTS) input.addEventListener(name, stop);
    return () => {
      input.removeEventListener('keydown', onKeyDown);
      input.removeEventListener('input', onInput);
      input.removeEventListener('compositionend', onCompositionEnd);
      for (const name of OWN_EVENTS) input.removeEventListener(name, stop);
    };
  }, []);

  // An outside change (undo in the editor) shows, unless the user is typing in the field.
  useEffect(() => {
    const input = ref.current;
    if (input && input.value !== value && input.ownerDocument.activeElement !== input) input.value = value;
  }, [value]);

  return (
    <input
      ref={ref}
      className="ed-figure-caption"
      name="figureCaption"
      defaultValue={value}
      aria-label={label}
      placeholder={placeholder}
      autoComplete="off"
      spellCheck={false}
    />
  );
}
