/**
 * Defers a heavy import (and its one-time setup) until the first caller needs it: most processes never
 * render a PDF or speak IMAP, and loading those libraries at start-up costs memory and start time.
 * Every call returns the same promise; a failed load is forgotten so the next call tries again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
