import { Alert, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { LoadingScreen } from '../../components/LoadingScreen.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { labelOf } from '../../i18n/code-labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { formatDateTime } from '../people/format.ts';
import { fetchAuthEvents } from './admin-api.ts';

/** Who signed in, failed, changed roles or used a token: when and from where (newest first). */
export function AuditLogPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t.admin.auditTitle);
  const events = useInfiniteQuery({
    queryKey: ['admin', 'auth-events'],
    queryFn: ({ pageParam }) => fetchAuthEvents(pageParam),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  });
  return (
    <Stack gap="md">
      <Title order={1}>{t.admin.auditTitle}</Title>
      <Text>{t.admin.auditIntro}</Text>
      {events.isPending && <LoadingScreen />}
      {events.isError && (
        <Alert color="red.9" variant="outline" role="alert">
          {describeApiError(events.error, locale, t)}
        </Alert>
      )}
      {events.isSuccess && (
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
                {events.data.pages
                  .flatMap((page) => page.items)
                  .map((event) => (
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
      )}
    </Stack>
  );
}
