import { List, Paper, Text } from '@mantine/core';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime, formatDay } from '../complaints/format.ts';

/** policy 2.5: the board's track of a suspected criminal offence — since when, the explanation, decisions, reminder. */
export function BoardTrackPanel({ complaint }: { complaint: ComplaintDetail }) {
  const { t, locale } = useI18n();
  const track = complaint.boardTrack;
  if (!track) return null;
  const text = t.complaint.boardTrack;
  return (
    <section aria-labelledby="board-track-title">
      <Text component="h2" id="board-track-title" fw={700} size="lg" mb="xs">
        {text.title}
      </Text>
      <Paper withBorder p="md" data-testid="board-track">
        <Text size="sm">{text.intro}</Text>
        <Text size="sm" mt="xs">
          {text.since(formatDateTime(track.startedAt, locale))}
        </Text>
        <Text size="sm">
          {track.explanation
            ? text.explained(formatDateTime(track.explanation.sentAt, locale), track.explanation.onTime)
            : `${text.notExplained} ${text.stoppedTerm(formatDay(track.stoppedTerm.originalDueAt, locale))}`}
        </Text>
        {track.endedAt === null && (
          <Text size="sm">
            {text.returnTo}: {t.complaint.status[track.returnTo]}
          </Text>
        )}
        <Text component="h3" fw={600} size="md" mt="sm">
          {text.decisionsTitle}
        </Text>
        {track.decisions.length === 0 ? (
          <Text size="sm">{text.noDecision}</Text>
        ) : (
          <List size="sm" spacing="xs">
            {track.decisions.map((d) => (
              <List.Item key={`${d.kind}-${d.at}`}>
                <strong>{text.decisions[d.kind]}</strong>
                {' — '}
                {text.decisionBy(formatDateTime(d.at, locale), d.by?.name ?? '')}
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {d.text}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        {track.reminderDay && (
          <Text size="sm" mt="xs">
            {text.reminder(formatDay(track.reminderDay, locale))}
          </Text>
        )}
        {track.endedAt && (
          <Text size="sm" mt="xs">
            {text.ended(formatDateTime(track.endedAt, locale))}
          </Text>
        )}
      </Paper>
    </section>
  );
}
