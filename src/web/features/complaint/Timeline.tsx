import { Badge, Group, Timeline as MantineTimeline, Paper, Stack, Text } from '@mantine/core';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../complaints/format.ts';

/** Every event on the complaint, newest first: who did what, when, and what was said. */
export function Timeline({ complaint }: { complaint: ComplaintDetail }) {
  const { t, locale } = useI18n();
  const events = [...complaint.timeline].reverse();
  return (
    <section aria-labelledby="timeline-title">
      <Text component="h2" id="timeline-title" fw={700} size="lg" mb="xs">
        {t.complaint.timelineTitle}
      </Text>
      <Paper withBorder p="md">
        <MantineTimeline bulletSize={12} lineWidth={2} data-testid="timeline">
          {events.map((event) => (
            <MantineTimeline.Item
              key={event.id}
              title={
                <Group gap="xs">
                  <Text fw={600} component="span">
                    {t.complaint.event[event.type] ?? event.type}
                  </Text>
                  {event.contact && (
                    <Badge size="sm" variant="outline" color="gehoord">
                      {t.complaint.contactKind[event.contact.kind]} ·{' '}
                      {t.complaint.direction[event.contact.direction]}
                    </Badge>
                  )}
                </Group>
              }
            >
              <Stack gap={2}>
                <Text size="xs">
                  <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>{' '}
                  {t.complaint.timelineBy(event.actor.name ?? t.complaint.system)}
                </Text>
                {event.summary && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {event.summary}
                  </Text>
                )}
              </Stack>
            </MantineTimeline.Item>
          ))}
        </MantineTimeline>
      </Paper>
    </section>
  );
}
