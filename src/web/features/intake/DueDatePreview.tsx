import { Alert, Text } from '@mantine/core';
import {
  computeDueAt,
  DEFAULT_CALENDAR_SETTINGS,
  describeTermProgress,
  type TermProgress,
} from '../../../domain/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { appNow } from '../../lib/app-clock.ts';
import { formatDay, fromDateTimeLocalValue } from '../complaints/format.ts';
import { useCalendarSettings } from '../complaints/reference-queries.ts';

/**
 * The due date the moment the receipt time is known: the domain's own rule with the organisation's calendar.
 * A letter received long ago can have a due date that is already today or past (issue 22): that is said
 * plainly, and the complaint can still be registered.
 */
export function DueDatePreview({ receivedAt }: { receivedAt: string }) {
  const { t, locale } = useI18n();
  const settings = useCalendarSettings().data ?? DEFAULT_CALENDAR_SETTINGS;
  const instant = fromDateTimeLocalValue(receivedAt);
  let text = t.intake.dueAtUnknown;
  let progress: TermProgress | null = null;
  if (instant) {
    try {
      const { dueAt } = computeDueAt(new Date(instant), settings);
      text = t.intake.dueAt(formatDay(dueAt, locale));
      progress = describeTermProgress(appNow(), dueAt, settings);
    } catch {
      // A settings shape the domain refuses: say nothing rather than a wrong date.
    }
  }
  return (
    <>
      <Text fw={700} aria-live="polite" data-testid="intake-due-date">
        {text}
      </Text>
      {progress && progress.state !== 'on_track' && (
        <Alert variant="light" color="red" maw={360} data-testid="intake-due-warning" role="status">
          {progress.state === 'due_today' ? t.intake.dueToday : t.intake.duePast(progress.workingDaysLate)}
        </Alert>
      )}
    </>
  );
}
