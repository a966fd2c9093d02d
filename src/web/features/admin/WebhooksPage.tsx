import { Badge, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormDialog } from '../../components/forms/FormDialog.tsx';
import { FormFailure } from '../../components/forms/FormNotices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { QueryState } from '../people/QueryState.tsx';
import { fetchWebhooks, updateWebhook } from './outgoing-api.ts';
import { WebhookDeliveries } from './WebhookDeliveries.tsx';
import { CreateWebhookForm, EditWebhookForm, type Webhook, webhooksKey } from './WebhookForms.tsx';

/** Issue 22: webhook subscriptions of integrations: create, change, switch off and on, and their deliveries. */
export function WebhooksPage() {
  const { t, locale } = useI18n();
  const s = t.adminScreens;
  useDocumentTitle(s.webhooksTitle);
  const queryClient = useQueryClient();
  const webhooks = useQuery({ queryKey: webhooksKey, queryFn: fetchWebhooks });
  const [editing, setEditing] = useState<Webhook | null>(null);
  const [showing, setShowing] = useState<Webhook | null>(null);
  const toggle = useMutation({
    mutationFn: (webhook: Webhook) => updateWebhook(webhook.id, { active: !webhook.active }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
  return (
    <Stack gap="lg">
      <Title order={1}>{s.webhooksTitle}</Title>
      <Text maw={760}>{s.webhooksIntro}</Text>
      <CreateWebhookForm />
      <FormFailure message={toggle.isError ? describeApiError(toggle.error, locale, t) : undefined} />
      <QueryState query={webhooks}>
        {(list) =>
          list.length === 0 ? (
            <Text>{s.webhooksNone}</Text>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table striped data-testid="webhooks">
                <Table.Caption>{s.webhooksCaption(list.length)}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.admin.name}</Table.Th>
                    <Table.Th scope="col">{s.webhookUrl}</Table.Th>
                    <Table.Th scope="col">{s.webhookEvents}</Table.Th>
                    <Table.Th scope="col">{t.admin.state}</Table.Th>
                    <Table.Th scope="col">{t.admin.actions}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((webhook) => (
                    <Table.Tr key={webhook.id}>
                      <Table.Th scope="row">{webhook.name}</Table.Th>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{webhook.url}</Table.Td>
                      <Table.Td>{webhook.eventTypes.length}</Table.Td>
                      <Table.Td>
                        <Badge variant="outline" color={webhook.active ? '#1b5e20' : 'red.9'} tt="none">
                          {webhook.active ? t.admin.active : s.webhookOff}
                        </Badge>
                        {webhook.disabledReason && <Text size="xs">{webhook.disabledReason}</Text>}
                        {webhook.consecutiveFailures > 0 && (
                          <Text size="xs">{s.webhookFailures(webhook.consecutiveFailures)}</Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button size="compact-sm" variant="outline" onClick={() => setEditing(webhook)}>
                            {t.admin.edit}
                            <VisuallyHidden> {webhook.name}</VisuallyHidden>
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="outline"
                            loading={toggle.isPending && toggle.variables?.id === webhook.id}
                            onClick={() => toggle.mutate(webhook)}
                          >
                            {webhook.active ? s.webhookSwitchOff : s.webhookSwitchOn}
                            <VisuallyHidden> {webhook.name}</VisuallyHidden>
                          </Button>
                          <Button size="compact-sm" variant="subtle" onClick={() => setShowing(webhook)}>
                            {s.webhookDeliveries}
                            <VisuallyHidden> {webhook.name}</VisuallyHidden>
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {showing && <WebhookDeliveries key={showing.id} webhook={showing} />}
      <FormDialog item={editing} title={(w) => s.webhookEdit(w.name)} onClose={() => setEditing(null)}>
        {(w) => <EditWebhookForm key={w.id} webhook={w} onDone={() => setEditing(null)} />}
      </FormDialog>
    </Stack>
  );
}
