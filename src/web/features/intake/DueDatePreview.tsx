import { Text } from '@mantine/core';
import { computeDueAt, DEFAULT_CALENDAR_SETTINGS } from '../../../domain/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDay, fromDateTimeLocalValue } from '../complaints/format.ts';
import { useCalendarSettings } from '../complaints/reference-queries.ts';

/** The due date the moment the receipt time is known: the domain's own rule with the organisation's calendar. */
export function DueDatePreview({ receivedAt }: { receivedAt: string }) {
  const { t, locale } = useI18n();
  const settings = useCalendarSettings().data ?? DEFAULT_CALENDAR_SETTINGS;
  const instant = fromDateTimeLocalValue(receivedAt);
  let text = t.intake.dueAtUnknown;
  if (instant) {
    try {
      text = t.intake.dueAt(formatDay(computeDueAt(new Date(instant), settings).dueAt, locale));
    } catch {
      // A settings shape the domain refuses: say nothing rather than a wrong date.
    }
  }
  return (
    <Text fw={700} aria-live="polite" data-testid="intake-due-date">
      {text}
    </Text>
  );
}
