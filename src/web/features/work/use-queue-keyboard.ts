import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type RefObject, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ComplaintListItem } from '../../../contract/complaints.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { useShortcuts } from '../../lib/use-shortcuts.ts';
import { complaintKeys } from '../complaints/complaints-api.ts';
import { bulkAssign } from './work-queue-api.ts';

const isInteractive = (target: EventTarget | null) =>
  target instanceof Element && target.closest('a, button, input, select, textarea') !== null;

/**
 * The queue's keyboard (issue 22): j/k choose the next or previous row (its link gets the focus), Enter or o
 * open it, a assigns it to me, x selects it. The chosen row and a short status message for screen readers.
 */
export function useQueueKeyboard({
  items,
  userId,
  links,
  onToggle,
}: {
  items: ComplaintListItem[];
  userId: string;
  links: RefObject<Map<string, HTMLAnchorElement>>;
  onToggle: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const index = items.findIndex((item) => item.id === activeId);
  const active = index >= 0 ? items[index] : undefined;

  const assignToMe = useMutation({
    mutationFn: (item: ComplaintListItem) => bulkAssign({ complaintIds: [item.id], handlerId: userId }),
    onSuccess: (result, item) => {
      const [row] = result.results;
      setMessage(
        row?.ok
          ? t.work.assignedToMe(item.reference)
          : t.work.bulkRefusedRow(item.reference, row?.messages[locale] ?? ''),
      );
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
    },
    onError: (error) => setMessage(describeApiError(error, locale, t)),
  });

  const move = (step: number) => {
    if (items.length === 0) return false;
    const next = items[Math.min(items.length - 1, Math.max(0, index < 0 ? 0 : index + step))];
    if (next === undefined) return false;
    setActiveId(next.id);
    links.current.get(next.id)?.focus();
    return true;
  };
  const open = (event: KeyboardEvent) => {
    // Enter on a link or button does what it always does
    if (event.key === 'Enter' && isInteractive(event.target)) return false;
    if (active === undefined) return false;
    navigate(`/klachten/${active.id}`);
    return true;
  };

  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    o: open,
    Enter: open,
    a: () => {
      if (active === undefined || assignToMe.isPending) return false;
      assignToMe.mutate(active);
      return true;
    },
    x: () => {
      if (active === undefined) return false;
      onToggle(active.id);
      return true;
    },
  });

  return { activeId: active?.id ?? null, setActiveId, message };
}
