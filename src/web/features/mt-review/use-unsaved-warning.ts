import { useEffect } from 'react';

/**
 * Asks before the page is left (reload, close, typed address) while the form has unsaved changes. The declarative
 * router has no navigation blocker: the page's own back link asks itself, and the form says so in words.
 */
export function useUnsavedWarning(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
