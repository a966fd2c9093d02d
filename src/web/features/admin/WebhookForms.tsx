import { Button, Checkbox, Code, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  createWebhookInput,
  type integrationEventType,
  updateWebhookInput,
  type webhookEndpoint,
} from '../../../contract/integrations.ts';
import { INTEGRATION_EVENT_TYPES } from '../../../domain/integration-events.ts';
import { DialogActions, EntityForm, FormSection } from '../../components/forms/EntityForm.tsx';
import { SavedNotice } from '../../components/forms/FormNotices.tsx';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { createWebhook, updateWebhook } from './outgoing-api.ts';

export const webhooksKey = ['admin', 'webhooks'];
export type Webhook = z.infer<typeof webhookEndpoint>;
type EventType = z.infer<typeof integrationEventType>;
type Values = { name: string; url: string; eventTypes: EventType[]; allowPrivateNetwork: boolean };

const EVENT_TYPES = Object.keys(INTEGRATION_EVENT_TYPES) as EventType[];

function useWebhookFields(prefix: string) {
  const { t } = useI18n();
  const s = t.adminScreens;
  return {
    name: { id: `${prefix}-name`, label: t.admin.name },
    url: { id: `${prefix}-url`, label: s.webhookUrl },
    eventTypes: { id: `${prefix}-events`, label: s.webhookEvents },
  };
}

/** Name, address, the events from the catalogue and the private-network switch: one set for create and edit. */
type FieldsForm = Pick<
  ReturnType<typeof useEntityForm<Values>>,
  'text' | 'checkbox' | 'values' | 'setValue' | 'error'
>;

function WebhookFields({ form, prefix }: { form: FieldsForm; prefix: string }) {
  const { t } = useI18n();
  const s = t.adminScreens;
  return (
    <Stack gap="sm">
      <TextInput label={t.admin.name} required {...form.text('name')} />
      <TextInput
        label={s.webhookUrl}
        description={s.webhookUrlHint}
        required
        type="url"
        {...form.text('url')}
      />
      <Checkbox.Group
        id={`${prefix}-events`}
        label={s.webhookEvents}
        value={form.values.eventTypes}
        onChange={(value) => form.setValue('eventTypes', value as EventType[])}
        error={form.error('eventTypes')}
      >
        <Stack gap={4} mt={4}>
          {EVENT_TYPES.map((type) => (
            <Checkbox key={type} value={type} label={s.webhookEventLabels[type]} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Checkbox label={s.webhookPrivate} {...form.checkbox('allowPrivateNetwork')} />
    </Stack>
  );
}

export function CreateWebhookForm() {
  const { t } = useI18n();
  const s = t.adminScreens;
  const queryClient = useQueryClient();
  const form = useEntityForm({
    initial: { name: '', url: '', eventTypes: [], allowPrivateNetwork: false } as Values,
    fields: useWebhookFields('new-webhook'),
    schema: createWebhookInput,
    submit: createWebhook,
    resetOnSuccess: true,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
  return (
    <FormSection id="new-webhook" title={s.webhookNew}>
      {form.isSuccess && form.data && (
        <SavedNotice mb="sm" title={s.webhookCreated(form.data.endpoint.name)}>
          <Text size="sm">{s.webhookSecretOnce}</Text>
          <Code className="secret" data-testid="webhook-secret">
            {form.data.secret}
          </Code>
        </SavedNotice>
      )}
      <EntityForm form={form}>
        <WebhookFields form={form} prefix="new-webhook" />
        <Button type="submit" mt="md" loading={form.isPending}>
          {s.webhookAdd}
        </Button>
      </EntityForm>
    </FormSection>
  );
}

export function EditWebhookForm({ webhook, onDone }: { webhook: Webhook; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useEntityForm({
    initial: {
      name: webhook.name,
      url: webhook.url,
      eventTypes: webhook.eventTypes,
      allowPrivateNetwork: webhook.allowPrivateNetwork,
    } as Values,
    fields: useWebhookFields('edit-webhook'),
    schema: updateWebhookInput,
    submit: (input) => updateWebhook(webhook.id, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: webhooksKey });
      onDone();
    },
  });
  return (
    <EntityForm form={form}>
      <WebhookFields form={form} prefix="edit-webhook" />
      <DialogActions onCancel={onDone} pending={form.isPending} />
    </EntityForm>
  );
}
