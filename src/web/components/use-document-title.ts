import { useEffect } from 'react';

/** Each page has its own title, so browser tabs, history and screen readers tell pages apart (WCAG 2.4.2). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — Gehoord`;
  }, [title]);
}
