import { Text } from '@mantine/core';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDay } from '../complaints/format.ts';

/**
 * Issue 22, policy 2.3: how the term is counted, in words and always visible (not a hover tooltip): why day 0 is
 * the day it is, how many working days follow, what does not count, and what "nog N werkdagen" counts — so a new
 * complaint received after the cut-off that reads "nog 6 werkdagen" explains itself.
 */
export function TermExplanation({ term }: { term: ComplaintDetail['term'] }) {
  const { t, locale } = useI18n();
  const e = term.explanation;
  if (e === null) return null;
  const x = t.complaint.term.explain;
  const day = (value: string) => formatDay(value, locale);
  return (
    <Text size="sm" c="dimmed" data-testid="term-explanation">
      <strong>{t.complaint.term.explanationTitle}:</strong>{' '}
      {x[e.startRule](day(e.receivedDay), e.cutOffTime, day(e.startDay))}{' '}
      {x.count(e.workingDays, day(e.originalDueDay))} {e.extended ? `${x.extended(day(e.dueDay))} ` : ''}
      {term.progress.state === 'on_track' ? x.daysLeft : ''}
    </Text>
  );
}
