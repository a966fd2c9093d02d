import {
  Anchor,
  Badge,
  Button,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { FormFailure, SavedNotice } from '../../components/forms/FormNotices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { formatDateTime } from '../people/format.ts';
import { QueryState } from '../people/QueryState.tsx';
import { fetchOutbox, type OutboxMessage, type OutboxStatus, retryOutboxMessage } from './outgoing-api.ts';

const STATUSES: OutboxStatus[] = ['pending', 'sending', 'sent', 'failed', 'cancelled', 'to_post'];

/** How the list names a message's state: a queued message that failed before is being retried. */
export function shownStatus(message: Pick<OutboxMessage, 'status' | 'attempts'>) {
  return message.status === 'pending' && message.attempts > 0 ? 'retrying' : message.status;
}

/**
 * Issue 22: every e-mail Gehoord sends, with its state and why it failed; a failed one can be sent again.
 * No message text here: a message about a complaint the administrator may not open is shown without
 * recipients, subject or error (the server leaves them out).
 */
export function OutboxPage() {
  const { t, locale } = useI18n();
  const s = t.adminScreens;
  useDocumentTitle(s.outboxTitle);
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const queryClient = useQueryClient();
  const messages = useQuery({ queryKey: ['admin', 'outbox', status], queryFn: () => fetchOutbox(status) });
  const retry = useMutation({
    mutationFn: retryOutboxMessage,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['admin', 'outbox'] }),
  });

  return (
    <Stack gap="md">
      <Title order={1}>{s.outboxTitle}</Title>
      <Text>{s.outboxIntro}</Text>
      <NativeSelect
        label={s.outboxFilter}
        maw={320}
        value={status ?? ''}
        onChange={(event) => setStatus((event.currentTarget.value || null) as OutboxStatus | null)}
        data={[
          { value: '', label: s.outboxAll },
          ...STATUSES.map((value) => ({ value, label: s.outboxStatus[value] })),
        ]}
      />
      {retry.isSuccess && <SavedNotice>{s.outboxRetried}</SavedNotice>}
      <FormFailure message={retry.isError ? describeApiError(retry.error, locale, t) : undefined} />
      <QueryState query={messages}>
        {(list) =>
          list.length === 0 ? (
            <Text>{s.outboxEmpty}</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped data-testid="outbox">
                <Table.Caption>{s.outboxCaption(list.length)}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{s.outboxCreated}</Table.Th>
                    <Table.Th scope="col">{s.outboxKind}</Table.Th>
                    <Table.Th scope="col">{s.outboxRecipient}</Table.Th>
                    <Table.Th scope="col">{s.outboxComplaint}</Table.Th>
                    <Table.Th scope="col">{s.outboxState}</Table.Th>
                    <Table.Th scope="col">{s.outboxAttempts}</Table.Th>
                    <Table.Th scope="col">{s.outboxError}</Table.Th>
                    <Table.Th scope="col">{t.admin.actions}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((message) => (
                    <Table.Tr key={message.id}>
                      <Table.Td>{formatDateTime(message.createdAt, locale)}</Table.Td>
                      <Table.Td>{message.kindLabel[locale]}</Table.Td>
                      <Table.Td>
                        {message.redacted ? s.outboxShielded : message.to.join(', ') || '—'}
                      </Table.Td>
                      <Table.Td>
                        {message.complaintId ? (
                          <Anchor component={Link} to={`/klachten/${message.complaintId}`}>
                            {s.outboxOpenComplaint}
                          </Anchor>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          variant="outline"
                          color={message.status === 'failed' ? 'red.9' : '#495057'}
                          tt="none"
                        >
                          {s.outboxStatus[shownStatus(message)]}
                        </Badge>
                        {message.sentAt && <Text size="xs">{formatDateTime(message.sentAt, locale)}</Text>}
                      </Table.Td>
                      <Table.Td>{message.attempts}</Table.Td>
                      <Table.Td>{message.lastError ?? '—'}</Table.Td>
                      <Table.Td>
                        {message.status === 'failed' && (
                          <Button
                            size="compact-sm"
                            variant="outline"
                            loading={retry.isPending && retry.variables === message.id}
                            onClick={() => retry.mutate(message.id)}
                          >
                            {s.outboxRetry}
                            <VisuallyHidden> {formatDateTime(message.createdAt, locale)}</VisuallyHidden>
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}
