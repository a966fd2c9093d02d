import { Button, Checkbox, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, INTAKE_CHANNELS } from '../../../domain/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { QueueParams } from './queue-params.ts';

type Props = {
  params: QueueParams;
  onChange: (changes: Partial<Record<keyof QueueParams, string | boolean>>) => void;
  onReset: () => void;
};

/** Search (debounced, so typing does not fire a request per key), filters and sort of the work queue. */
export function QueueFilterForm({ params, onChange, onReset }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState(params.q);
  const [debounced] = useDebouncedValue(search, 300);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed (debounced) value drives this effect, see below
  useEffect(() => {
    if (debounced !== params.q) onChange({ q: debounced });
    // Only the typed value drives this; params.q changes when a saved filter is applied (below).
  }, [debounced]);
  // A saved filter or "clear filters" changes the search from outside; our own debounced value is not echoed
  // back, so keys typed meanwhile are not lost.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change from outside (params.q) drives this effect
  useEffect(() => {
    if (params.q !== debounced) setSearch(params.q);
  }, [params.q]);

  const options = (record: Record<string, string>) => [
    { value: '', label: t.work.anyOption },
    ...Object.entries(record).map(([value, label]) => ({ value, label })),
  ];
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <form role="search"> keeps its form semantics; not every screen reader announces <search> yet
    <form role="search" aria-label={t.work.filtersTitle} onSubmit={(event) => event.preventDefault()}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3, lg: 5 }} spacing="sm">
        <TextInput
          id="queue-search"
          type="search"
          label={t.work.search}
          description={t.work.searchHint}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <NativeSelect
          label={t.work.status}
          value={params.status}
          data={options(
            Object.fromEntries(
              Object.keys(COMPLAINT_STATUSES).map((k) => [k, t.complaint.status[k as never]]),
            ),
          )}
          onChange={(event) => onChange({ status: event.currentTarget.value })}
        />
        <NativeSelect
          label={t.work.category}
          value={params.category}
          data={options(
            Object.fromEntries(
              Object.keys(COMPLAINT_CATEGORIES).map((k) => [k, t.complaint.category[k as never]]),
            ),
          )}
          onChange={(event) => onChange({ category: event.currentTarget.value })}
        />
        <NativeSelect
          label={t.work.channel}
          value={params.channel}
          data={options(
            Object.fromEntries(Object.keys(INTAKE_CHANNELS).map((k) => [k, t.complaint.channel[k as never]])),
          )}
          onChange={(event) => onChange({ channel: event.currentTarget.value })}
        />
        <NativeSelect
          label={t.work.sort}
          value={params.sort}
          data={[
            { value: 'due', label: t.work.sortDue },
            { value: 'received', label: t.work.sortReceived },
            { value: 'received_asc', label: t.work.sortReceivedAsc },
          ]}
          onChange={(event) => onChange({ sort: event.currentTarget.value })}
        />
      </SimpleGrid>
      <Group mt="sm" gap="lg">
        <Checkbox
          label={t.work.onlyOverdue}
          checked={params.overdue}
          onChange={(event) => onChange({ overdue: event.currentTarget.checked })}
        />
        <Checkbox
          label={t.work.onlyRepeat}
          checked={params.repeat}
          onChange={(event) => onChange({ repeat: event.currentTarget.checked })}
        />
        <Checkbox
          label={t.work.onlyConfidential}
          checked={params.confidential}
          onChange={(event) => onChange({ confidential: event.currentTarget.checked })}
        />
        <Checkbox
          label={t.work.showClosed}
          checked={params.closed}
          onChange={(event) => onChange({ closed: event.currentTarget.checked })}
        />
        <Button variant="subtle" size="compact-sm" onClick={onReset}>
          {t.work.resetFilters}
        </Button>
      </Group>
    </form>
  );
}
