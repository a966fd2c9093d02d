import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { composerKeys, discardAnswerDraft, fetchAnswerComposer, saveAnswerDraft } from './composer-api.ts';

const SAVE_AFTER_MS = 700;

export type DraftStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed' };

/**
 * Issue 22: the answer being written, kept on the server as a draft of one's own. The draft comes back when
 * the dialog is opened again or the page reloaded; typing saves it shortly after the last key, and closing
 * the dialog saves what was still waiting.
 */
export function useAnswerDraft(complaintId: string) {
  const composer = useQuery({
    queryKey: composerKeys.composer(complaintId),
    queryFn: () => fetchAnswerComposer(complaintId),
    // Always the server's latest: the draft may have been sent (and cleared) or written in another tab
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  const [text, setTextState] = useState('');
  const [templateKind, setTemplateKind] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const [status, setStatus] = useState<DraftStatus>({ kind: 'idle' });
  const pending = useRef<{ text: string; templateKind: string | null } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The draft is put in once, before the officer types anything
  useEffect(() => {
    if (restored || composer.data === undefined) return;
    const draft = composer.data.draft;
    if (draft !== null) {
      setTextState(draft.text);
      setTemplateKind(draft.templateKind);
      setStatus({ kind: 'saved', at: draft.updatedAt });
    }
    setRestored(true);
  }, [composer.data, restored]);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const next = pending.current;
    if (next === null) return;
    pending.current = null;
    setStatus({ kind: 'saving' });
    saveAnswerDraft(complaintId, next.text, next.templateKind).then(
      (saved) => setStatus({ kind: 'saved', at: saved.updatedAt }),
      () => setStatus({ kind: 'failed' }),
    );
  }, [complaintId]);

  const setText = useCallback(
    (value: string, kind?: string | null) => {
      setTextState(value);
      const nextKind = kind === undefined ? templateKind : kind;
      if (kind !== undefined) setTemplateKind(kind);
      pending.current = { text: value, templateKind: nextKind };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_AFTER_MS);
    },
    [flush, templateKind],
  );

  /** Sending the answer: no save may land after it, or a spent draft would come back. */
  const holdPending = useCallback(() => clearTimeout(timer.current), []);
  /** The answer went out: what was still waiting is spent (a failed send keeps it, saved on close). */
  const dropPending = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = null;
  }, []);

  /** Start again: the draft is thrown away on the server and the text emptied. */
  const discard = useCallback(() => {
    dropPending();
    setTextState('');
    setTemplateKind(null);
    setStatus({ kind: 'idle' });
    discardAnswerDraft(complaintId).catch(() => setStatus({ kind: 'failed' }));
  }, [complaintId, dropPending]);

  // Closing the dialog keeps what was typed last
  useEffect(() => flush, [flush]);

  return { composer, text, setText, templateKind, status, restored, holdPending, dropPending, discard };
}
