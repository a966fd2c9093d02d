import { Alert, Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ComplaintListItem } from '../../../contract/complaints.ts';
import { LoadingScreen } from '../../components/LoadingScreen.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { COMPLAINT_PAGE_SIZE } from './complaint-filters.ts';
import { fetchComplaintPage, type ListParams } from './complaint-list-api.ts';
import { formatDate } from './format.ts';
import { TermBadge } from './TermBadge.tsx';

type Column = 'complainant' | 'complex' | 'handler';

/**
 * A list of complaints from one endpoint, newest or most urgent first, with "more" paging. Every reference
 * links to the case page. Used by the person, unit and complex pages and the manager's lists.
 */
export function ComplaintHistory({
  path,
  params = {},
  caption,
  hide = [],
  emptyText,
  testId,
  action,
}: {
  path: string;
  params?: ListParams;
  caption: string;
  hide?: Column[];
  emptyText?: string;
  testId?: string;
  /** An extra last column, e.g. the manager's "reassign" button. */
  action?: { label: string; render: (item: ComplaintListItem) => ReactNode };
}) {
  const { t, locale } = useI18n();
  const query = useInfiniteQuery({
    queryKey: ['complaint-list', path, params],
    queryFn: ({ pageParam, signal }) =>
      fetchComplaintPage(path, { limit: COMPLAINT_PAGE_SIZE, ...params }, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

  if (query.isPending) return <LoadingScreen />;
  if (query.isError)
    return (
      <Alert color="red.9" variant="outline" title={t.app.errorSummaryTitle}>
        {describeApiError(query.error, locale, t)}
      </Alert>
    );
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <Text data-testid={testId}>{emptyText ?? t.people.noComplaints}</Text>;
  const show = (column: Column) => !hide.includes(column);
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover data-testid={testId} aria-busy={query.isFetching}>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.people.columnReference}</Table.Th>
              <Table.Th scope="col">{t.people.columnReceived}</Table.Th>
              {show('complainant') && <Table.Th scope="col">{t.people.columnComplainant}</Table.Th>}
              {show('complex') && <Table.Th scope="col">{t.people.columnComplex}</Table.Th>}
              <Table.Th scope="col">{t.people.columnCategory}</Table.Th>
              <Table.Th scope="col">{t.people.columnStatus}</Table.Th>
              {show('handler') && <Table.Th scope="col">{t.people.columnHandler}</Table.Th>}
              <Table.Th scope="col">{t.people.columnTerm}</Table.Th>
              {action && <Table.Th scope="col">{action.label}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/klachten/${item.id}`}>
                    {item.reference}
                  </Anchor>
                  {item.confidential && (
                    <Text component="span" size="sm" ml={6}>
                      ({t.people.confidential})
                    </Text>
                  )}
                  {item.repeat && (
                    <Text component="span" size="sm" ml={6}>
                      ({t.people.repeat})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatDate(item.receivedAt, locale)}</Table.Td>
                {show('complainant') && <Table.Td>{item.complainantName ?? '—'}</Table.Td>}
                {show('complex') && <Table.Td>{item.housingComplexName ?? '—'}</Table.Td>}
                <Table.Td>
                  {item.category ? t.people.categories[item.category] : t.people.notTriaged}
                </Table.Td>
                <Table.Td>{t.people.statuses[item.status]}</Table.Td>
                {show('handler') && <Table.Td>{item.handlerName ?? t.people.unassigned}</Table.Td>}
                <Table.Td>
                  <TermBadge progress={item.progress} />
                </Table.Td>
                {action && <Table.Td>{action.render(item)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {query.hasNextPage && (
        <Group mt="sm">
          <Button variant="outline" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t.people.more}
          </Button>
        </Group>
      )}
    </>
  );
}
