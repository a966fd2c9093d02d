import { useEffect, useRef } from 'react';

/** A keyboard shortcut's handler; return `false` when it did nothing, so the key keeps its usual meaning. */
export type ShortcutHandler = (event: KeyboardEvent) => boolean | undefined;

/** Where typing is typing: a shortcut never fires there. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

/**
 * Single-key shortcuts (issue 22), keyed on `KeyboardEvent.key` ('j', '?'). They do not fire while typing in a
 * field, with Ctrl, Alt or Meta held (the browser's and screen reader's own keys), inside an open dialog, or when
 * `enabled` is false. The latest handlers are used without re-subscribing on every render.
 */
export function useShortcuts(handlers: Record<string, ShortcutHandler>, enabled = true) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
      if (isTypingTarget(event.target)) return;
      if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const handler = latest.current[event.key];
      if (handler === undefined) return;
      if (handler(event) === false) return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
