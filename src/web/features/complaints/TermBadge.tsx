import { Badge } from '@mantine/core';
import type { z } from 'zod';
import type { termProgress } from '../../../contract/complaints.ts';
import { WHOLE_BADGE_STYLES } from '../../components/whole-badge.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type TermProgress = z.infer<typeof termProgress>;

// Colour is never the only signal (WCAG 1.4.1): each state has its own icon and words too.
function Icon({ state }: { state: TermProgress['state'] }) {
  const common = {
    width: 14,
    height: 14,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 2.5,
    focusable: false,
  } as const;
  if (state === 'overdue')
    return (
      <svg {...common} aria-hidden>
        <path d="M12 3 2 21h20L12 3z" />
        <path d="M12 10v5M12 18v.5" />
      </svg>
    );
  if (state === 'due_today')
    return (
      <svg {...common} aria-hidden>
        <circle cx="12" cy="12" r="9" />
        <path d="M12 7v5l3 2" />
      </svg>
    );
  if (state === 'stopped' || state === 'no_term')
    return (
      <svg {...common} aria-hidden>
        <rect x="6" y="6" width="12" height="12" />
      </svg>
    );
  return (
    <svg {...common} aria-hidden>
      <path d="m5 12 5 5 9-10" />
    </svg>
  );
}

// Darker than Mantine's shades: each reaches 4.5:1 as text on white and behind white text (WCAG 1.4.3).
export const TERM_COLOURS: Record<TermProgress['state'], string> = {
  on_track: '#1b5e20',
  due_today: '#8a4500',
  overdue: '#b3261e',
  stopped: '#495057',
  no_term: '#495057',
};

export function useTermText() {
  const { t } = useI18n();
  return (progress: TermProgress): string => {
    switch (progress.state) {
      case 'on_track':
        return t.complaint.term.daysLeft(progress.workingDaysLeft);
      case 'due_today':
        return t.complaint.term.dueToday;
      case 'overdue':
        return t.complaint.term.overdue(progress.workingDaysLate);
      case 'stopped':
        return t.complaint.term.stopped;
      case 'no_term':
        return t.complaint.term.noTerm;
    }
  };
}

/** "nog 3 werkdagen" / "vandaag" / "2 werkdagen te laat", with colour, icon and text. */
export function TermBadge({ progress, size = 'md' }: { progress: TermProgress; size?: 'sm' | 'md' | 'lg' }) {
  const describe = useTermText();
  return (
    <Badge
      color={TERM_COLOURS[progress.state]}
      variant={progress.state === 'overdue' || progress.state === 'due_today' ? 'filled' : 'outline'}
      size={size}
      leftSection={<Icon state={progress.state} />}
      data-term-state={progress.state}
      data-testid="term-badge"
      styles={WHOLE_BADGE_STYLES}
    >
      {describe(progress)}
    </Badge>
  );
}
