import { Anchor, Badge, Button, Center, Checkbox, Group, Skeleton, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { CurrentUser } from '../../../contract/auth.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { WHOLE_BADGE_STYLES } from '../../components/whole-badge.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { complaintKeys, fetchComplaintPage, type QueueFilters } from '../complaints/complaints-api.ts';
import { formatDay, formatTime } from '../complaints/format.ts';
import { TermBadge } from '../complaints/TermBadge.tsx';
import { BulkAssignBar } from './BulkAssignBar.tsx';
import { REFRESH_MS } from './refresh.ts';
import { useQueueKeyboard } from './use-queue-keyboard.ts';

/** The queue itself: cursor pages, rows to select for bulk assignment, keyboard shortcuts (issue 22). */
export function QueueTable({ filters, user }: { filters: QueueFilters; user: CurrentUser }) {
  const { t, locale } = useI18n();
  const query = useInfiniteQuery({
    queryKey: complaintKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchComplaintPage(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const [selected, setSelected] = useState<string[]>([]);
  const links = useRef(new Map<string, HTMLAnchorElement>());
  const filterKey = JSON.stringify(filters);
  // Another tab or filter: another set of rows, so nothing stays selected unseen
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared when the filters change
  useEffect(() => setSelected([]), [filterKey]);
  const toggle = (id: string) =>
    setSelected((current) => (current.includes(id) ? current.filter((s) => s !== id) : [...current, id]));
  const keyboard = useQueueKeyboard({ items, userId: user.id, links, onToggle: toggle });

  if (query.isError)
    return (
      <ErrorSummary message={describeApiError(query.error, locale, t)} attempt={query.errorUpdateCount} />
    );
  const visibleSelected = selected.filter((id) => items.some((item) => item.id === id));
  const allSelected = items.length > 0 && visibleSelected.length === items.length;

  return (
    <>
      <BulkAssignBar
        user={user}
        selected={visibleSelected}
        references={new Map(items.map((item) => [item.id, item.reference]))}
        onDone={() => setSelected([])}
        onClear={() => setSelected([])}
      />
      <Text role="status" size="sm" data-testid="queue-status" mih={20}>
        {keyboard.message}
      </Text>
      <Table.ScrollContainer minWidth={960}>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="work-queue">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
            {t.work.tableCaption(items.length)}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={40}>
                <Checkbox
                  aria-label={t.work.selectAllOnPage}
                  checked={allSelected}
                  indeterminate={visibleSelected.length > 0 && !allSelected}
                  disabled={items.length === 0}
                  onChange={() => setSelected(allSelected ? [] : items.map((item) => item.id))}
                />
              </Table.Th>
              <Table.Th scope="col">{t.work.columnReference}</Table.Th>
              <Table.Th scope="col">{t.work.columnComplainant}</Table.Th>
              <Table.Th scope="col">{t.work.columnComplex}</Table.Th>
              <Table.Th scope="col">{t.work.columnCategory}</Table.Th>
              <Table.Th scope="col">{t.work.columnHandler}</Table.Th>
              <Table.Th scope="col">{t.work.columnStatus}</Table.Th>
              <Table.Th scope="col">{t.work.columnTerm}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.isPending &&
              [1, 2, 3].map((row) => (
                <Table.Tr key={row}>
                  <Table.Td colSpan={8}>
                    <Skeleton height={24} />
                  </Table.Td>
                </Table.Tr>
              ))}
            {items.map((item) => (
              <Table.Tr
                key={item.id}
                data-active={item.id === keyboard.activeId || undefined}
                style={
                  item.id === keyboard.activeId
                    ? { outline: '3px solid var(--mantine-color-gehoord-8)', outlineOffset: -3 }
                    : undefined
                }
              >
                <Table.Td>
                  <Checkbox
                    aria-label={t.work.selectRow(item.reference)}
                    checked={selected.includes(item.id)}
                    onChange={() => toggle(item.id)}
                  />
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/klachten/${item.id}`}
                    fw={600}
                    style={{ whiteSpace: 'nowrap' }}
                    ref={(element: HTMLAnchorElement | null) => {
                      if (element) links.current.set(item.id, element);
                      else links.current.delete(item.id);
                    }}
                    onFocus={() => keyboard.setActiveId(item.id)}
                  >
                    {item.reference}
                  </Anchor>
                  <Group gap={4} mt={2} preventGrowOverflow={false}>
                    {item.confidential && (
                      <Badge size="xs" color="gray.8" variant="outline" styles={WHOLE_BADGE_STYLES}>
                        {t.work.confidential}
                      </Badge>
                    )}
                    {item.repeat && (
                      <Badge size="xs" color="gehoord" variant="outline" styles={WHOLE_BADGE_STYLES}>
                        {t.work.repeat}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{item.complainantName ?? '—'}</Table.Td>
                <Table.Td>{item.housingComplexName ?? '—'}</Table.Td>
                <Table.Td>{item.category ? t.complaint.category[item.category] : t.work.noCategory}</Table.Td>
                <Table.Td>{item.handlerName ?? t.work.unassigned}</Table.Td>
                <Table.Td>{t.complaint.status[item.status]}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <TermBadge progress={item.progress} size="sm" />
                  {item.dueAt !== null && (
                    <Text size="xs" mt={2}>
                      {t.complaint.term.dueOn(formatDay(item.dueAt, locale))}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {query.isSuccess && items.length === 0 && (
        <Text py="md" data-testid="work-queue-empty">
          {t.work.empty}
        </Text>
      )}
      <Group justify="space-between" mt="sm">
        <Text size="xs">
          {query.dataUpdatedAt > 0 ? t.work.updatedAt(formatTime(query.dataUpdatedAt, locale)) : ''}
        </Text>
        {query.hasNextPage && (
          <Center>
            <Button
              variant="default"
              loading={query.isFetchingNextPage}
              onClick={() => query.fetchNextPage()}
            >
              {t.work.loadMore}
            </Button>
          </Center>
        )}
      </Group>
    </>
  );
}
