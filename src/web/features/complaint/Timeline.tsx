import { Anchor, Badge, Group, Timeline as MantineTimeline, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { tenantLocaleOf } from '../../../domain/index.ts';
import { labelOf } from '../../i18n/code-labels.ts';
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
                    {labelOf(t.complaint.event, event.type)}
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
                {event.type === 'routed' && <RoutedLine payload={event.payload} />}
                {event.type === 'complainant_locale_changed' && <LocaleLine payload={event.payload} />}
                {(event.type === 'merged_into' || event.type === 'complaint_merged_in') && (
                  <MergeLine complaint={complaint} payload={event.payload} />
                )}
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

/** Issue 22: the other complaint of a merge, as a link (only when the reader may see it). */
function MergeLine({ complaint, payload }: { complaint: ComplaintDetail; payload: Record<string, unknown> }) {
  const id = payload.mergedIntoComplaintId ?? payload.mergedComplaintId;
  const other = [complaint.mergedInto, ...complaint.mergedFrom].find((c) => c !== null && c.id === id);
  if (!other) return null;
  return (
    <Anchor component={Link} to={`/klachten/${other.id}`} size="sm">
      {other.reference}
    </Anchor>
  );
}

/** Issue 21: the complainant's language before and after, by name. */
function LocaleLine({ payload }: { payload: Record<string, unknown> }) {
  const { t } = useI18n();
  const name = (value: unknown) => t.intake.languages[tenantLocaleOf(value)];
  return (
    <Text size="sm" data-testid="locale-line">
      {`${name(payload.from)} → ${name(payload.to)}`}
    </Text>
  );
}

type Side = {
  handler?: { name: string } | null;
  department?: { name: string } | null;
  manager?: { name: string } | null;
} | null;

/** policy 1.3, 2.6: where a routed complaint came from and went to, by name (as they were at that moment). */
function RoutedLine({ payload }: { payload: Record<string, unknown> }) {
  const { t } = useI18n();
  const describe = (side: Side) => {
    if (!side) return null;
    const department = side.department?.name ?? '';
    const who = side.handler?.name ?? t.complaint.routedQueue(department);
    const where = side.handler && department ? ` (${department})` : '';
    const manager = side.manager ? `, ${t.complaint.routedManager(side.manager.name)}` : '';
    return `${who}${where}${manager}`;
  };
  const from = describe(payload.from as Side);
  const to = describe(payload.to as Side);
  return (
    <Text size="sm" data-testid="routed-line">
      {from && `${t.complaint.routedFrom}: ${from} → `}
      {`${t.complaint.routedTo}: ${to ?? ''}`}
    </Text>
  );
}
