import { useEffect } from 'react';

/** A new page starts at its top (the router keeps the old scroll position, e.g. the intake's submit button). */
export function useScrollToTop(key: string): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the trigger: scroll up when the page changes
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [key]);
}
