/**
 * What must happen before the window closes: each open document registers a function
 * that saves what is pending. The main process asks (menu command `prepareClose`) and
 * waits; the page closes the window itself once everything is on disk.
 */
const flushers = new Set<() => Promise<unknown>>();

/** Registers a save-before-close; returns the unregister function. */
export function registerCloseFlush(flush: () => Promise<unknown>): () => void {
  flushers.add(flush);
  return () => {
    flushers.delete(flush);
  };
}

/** Saves everything pending, then closes the window (even when a save failed: the main process has the last word). */
export async function flushAndClose(): Promise<void> {
  await Promise.allSettled([...flushers].map((f) => f()));
  window.close();
}
