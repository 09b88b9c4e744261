/**
 * The open editors' unsaved changes, to be handed to the issue document before it
 * saves for good: on closing the window, and (for the lead to wire) before a menu
 * "Save". Editors hold at most ~0.3 s of typing that the document has not seen yet.
 */
const flushers = new Set<() => void>();

/** Registers an editor's flush (hand its pending body on now); returns the unregister. */
export function registerFlusher(flush: () => void): () => void {
  flushers.add(flush);
  return () => {
    flushers.delete(flush);
  };
}

/** Hands every open editor's unsaved changes on, synchronously. */
export function flushEditors(): void {
  for (const flush of flushers) flush();
}

// Registered when this module loads, before any issue view registers its own
// beforeunload save: listeners run in registration order, so the editors' last
// keystrokes are in the document when it saves.
if (typeof window !== 'undefined') window.addEventListener('beforeunload', flushEditors);
