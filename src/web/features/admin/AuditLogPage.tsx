import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { labelOf } from '../../i18n/code-labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../people/format.ts';
import { QueryState } from '../people/QueryState.tsx';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { type AuditFilter, fetchAuditPage } from './outgoing-api.ts';

export const NO_AUDIT_FILTER: AuditFilter = { type: '', userId: '', from: '', until: '' };

/** Who signed in, failed, changed roles, used a token or changed outgoing traffic: filtered, newest first. */
export function AuditLogPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t.admin.auditTitle);
  const [filter, setFilter] = useState<AuditFilter>(NO_AUDIT_FILTER);
  const events = useInfiniteQuery({
    queryKey: ['admin', 'auth-events', filter],
    queryFn: ({ pageParam }) => fetchAuditPage(filter, pageParam),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  });
  return (
    <Stack gap="md">
      <Title order={1}>{t.admin.auditTitle}</Title>
      <Text>{t.admin.auditIntro}</Text>
      <AuditFilterForm onApply={setFilter} />
      <QueryState query={events}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) return <Text role="status">{t.adminScreens.auditNone}</Text>;
          return (
            <>
              <Table.ScrollContainer minWidth={800}>
                <Table striped data-testid="audit-log">
                  <Table.Caption>{t.admin.auditCaption}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t.admin.auditWhen}</Table.Th>
                      <Table.Th scope="col">{t.admin.auditWhat}</Table.Th>
                      <Table.Th scope="col">{t.admin.auditWho}</Table.Th>
                      <Table.Th scope="col">{t.admin.auditSubject}</Table.Th>
                      <Table.Th scope="col">{t.admin.auditFrom}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((event) => (
                      <Table.Tr key={event.id}>
                        <Table.Td>{formatDateTime(event.occurredAt, locale)}</Table.Td>
                        <Table.Td>{labelOf(t.admin.auditEvent, event.type)}</Table.Td>
                        <Table.Td>{event.actorName ?? event.apiTokenName ?? event.email ?? '—'}</Table.Td>
                        <Table.Td>{event.subjectName ?? '—'}</Table.Td>
                        <Table.Td>{event.ip ?? '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {events.hasNextPage && (
                <div>
                  <Button
                    variant="outline"
                    loading={events.isFetchingNextPage}
                    onClick={() => events.fetchNextPage()}
                  >
                    {t.people.more}
                  </Button>
                </div>
              )}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
