import { Badge } from '@mantine/core';
import type { z } from 'zod';
import type { termProgress } from '../../../contract/complaints.ts';
import { WHOLE_BADGE_STYLES } from '../../components/whole-badge.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Progress = z.infer<typeof termProgress>;

const COLOR: Record<Progress['state'], string> = {
  // Dark enough for 4.5:1 at badge size on white and on striped rows.
  on_track: '#1b5e20',
  due_today: '#8a4b00',
  overdue: 'red.9',
  stopped: '#495057',
  no_term: '#495057',
};

/** The term in words ("nog 3 werkdagen", "2 werkdagen te laat"): the colour is never the only signal. */
export function TermBadge({ progress }: { progress: Progress }) {
  const { t } = useI18n();
  const text =
    progress.state === 'on_track'
      ? t.people.termLeft(progress.workingDaysLeft)
      : progress.state === 'due_today'
        ? t.people.termToday
        : progress.state === 'overdue'
          ? t.people.termLate(progress.workingDaysLate)
          : progress.state === 'no_term'
            ? t.complaint.term.noTerm
            : t.people.termStopped;
  return (
    <Badge
      color={COLOR[progress.state]}
      variant={progress.state === 'overdue' ? 'filled' : 'outline'}
      styles={WHOLE_BADGE_STYLES}
    >
      {text}
    </Badge>
  );
}
