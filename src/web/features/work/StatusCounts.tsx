import { Button, Group, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../../domain/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { complaintKeys, fetchStatusCounts, type QueueFilters } from '../complaints/complaints-api.ts';
import { REFRESH_MS } from './refresh.ts';

/** How many complaints per status for the current tab and filters; a click filters on that status. */
export function StatusCounts({
  filters,
  selected,
  onSelect,
}: {
  filters: QueueFilters;
  selected: string;
  onSelect: (status: string) => void;
}) {
  const { t } = useI18n();
  const counts = useQuery({
    queryKey: complaintKeys.counts(filters),
    queryFn: () => fetchStatusCounts(filters),
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  // A capped search's counts are lower bounds (decision 038)
  const shown = (count: number) => (counts.data?.totalIsLowerBound ? t.work.countAtLeast(count) : count);
  return (
    <Group component="section" aria-labelledby="counts-title" gap="xs" wrap="wrap" mih={30}>
      <Text component="h2" id="counts-title" fw={700} size="sm" m={0}>
        {t.work.countsTitle}:
      </Text>
      {/* Same height while loading: no layout shift. */}
      {counts.isPending ? (
        <Skeleton height={26} width={320} />
      ) : counts.data ? (
        <Group gap="xs" data-testid="status-counts">
          <Button
            size="compact-sm"
            variant={selected === '' ? 'filled' : 'default'}
            aria-pressed={selected === ''}
            onClick={() => onSelect('')}
          >
            {t.work.countsTotal}:{' '}
            {counts.data.totalIsLowerBound ? t.work.countsMoreThan(counts.data.total) : counts.data.total}
          </Button>
          {(Object.keys(COMPLAINT_STATUSES) as ComplaintStatus[])
            .filter((status) => (counts.data.counts[status] ?? 0) > 0 || selected === status)
            .map((status) => (
              <Button
                key={status}
                size="compact-sm"
                variant={selected === status ? 'filled' : 'default'}
                aria-pressed={selected === status}
                onClick={() => onSelect(selected === status ? '' : status)}
              >
                {t.complaint.status[status]}: {shown(counts.data.counts[status] ?? 0)}
              </Button>
            ))}
          <Text size="sm" c={counts.data.overdue > 0 ? 'red.9' : undefined} fw={600}>
            {t.work.countsOverdue}: {shown(counts.data.overdue)}
          </Text>
        </Group>
      ) : (
        <Text size="sm">—</Text>
      )}
    </Group>
  );
}
