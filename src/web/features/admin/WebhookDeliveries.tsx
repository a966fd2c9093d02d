import { Badge, Button, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormFailure, SavedNotice } from '../../components/forms/FormNotices.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { formatDateTime } from '../people/format.ts';
import { QueryState } from '../people/QueryState.tsx';
import { fetchWebhookDeliveries, redeliverWebhook } from './outgoing-api.ts';
import type { Webhook } from './WebhookForms.tsx';

/** The delivery log of one webhook (newest first): status, HTTP answer, last error; deliver one again. */
export function WebhookDeliveries({ webhook }: { webhook: Webhook }) {
  const { t, locale } = useI18n();
  const s = t.adminScreens;
  const queryClient = useQueryClient();
  const key = ['admin', 'webhooks', webhook.id, 'deliveries'];
  const deliveries = useQuery({ queryKey: key, queryFn: () => fetchWebhookDeliveries(webhook.id) });
  const resend = useMutation({
    mutationFn: (deliveryId: number) => redeliverWebhook(webhook.id, deliveryId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="webhook-deliveries">
      <Title order={2} size="h3" id="webhook-deliveries" mb="sm">
        {s.webhookDeliveriesOf(webhook.name)}
      </Title>
      {resend.isSuccess && <SavedNotice mb="sm">{s.webhookResent}</SavedNotice>}
      <FormFailure mb="sm" message={resend.isError ? describeApiError(resend.error, locale, t) : undefined} />
      <QueryState query={deliveries}>
        {(list) =>
          list.length === 0 ? (
            <Text>{s.webhookNoDeliveries}</Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped data-testid="webhook-deliveries">
                <Table.Caption>{s.webhookDeliveriesCaption(list.length)}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{s.outboxCreated}</Table.Th>
                    <Table.Th scope="col">{s.webhookEvent}</Table.Th>
                    <Table.Th scope="col">{t.admin.state}</Table.Th>
                    <Table.Th scope="col">{s.outboxAttempts}</Table.Th>
                    <Table.Th scope="col">{s.outboxError}</Table.Th>
                    <Table.Th scope="col">{t.admin.actions}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((delivery) => (
                    <Table.Tr key={delivery.id}>
                      <Table.Td>{formatDateTime(delivery.createdAt, locale)}</Table.Td>
                      <Table.Td>{delivery.type}</Table.Td>
                      <Table.Td>
                        <Badge
                          variant="outline"
                          color={delivery.status === 'failed' ? 'red.9' : '#495057'}
                          tt="none"
                        >
                          {s.deliveryStatus[delivery.status]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{delivery.attempts}</Table.Td>
                      <Table.Td>
                        {[delivery.lastStatusCode, delivery.lastError]
                          .filter((v) => v !== null)
                          .join(' — ') || '—'}
                      </Table.Td>
                      <Table.Td>
                        {delivery.status !== 'pending' && (
                          <Button
                            size="compact-sm"
                            variant="outline"
                            loading={resend.isPending && resend.variables === delivery.id}
                            onClick={() => resend.mutate(delivery.id)}
                          >
                            {s.webhookResend}
                            <VisuallyHidden> {delivery.id}</VisuallyHidden>
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
    </Paper>
  );
}
