import { z } from 'zod';
import { type AuthEventType, authEventPage } from '../../../contract/audit.ts';
import {
  createdWebhook,
  type createWebhookInput,
  type updateWebhookInput,
  webhookDelivery,
  webhookEndpoint,
} from '../../../contract/integrations.ts';
import { outboxMessage, type outboxStatus } from '../../../contract/messages.ts';
import { type OrganizationSettings, organizationSettings } from '../../../contract/organization.ts';
import { ssoSettings, type UpdateSsoSettingsInput } from '../../../contract/sso.ts';
import { api, apiRequest } from '../../lib/api-client.ts';

// Issue 22: the administrator's screens for what leaves Gehoord (mail, webhooks), sign-in and the audit log.

export type OutboxStatus = z.infer<typeof outboxStatus>;
export type OutboxMessage = z.infer<typeof outboxMessage>;

export const fetchOutbox = (status: OutboxStatus | null) =>
  api.get(`/api/admin/outbox?limit=200${status ? `&status=${status}` : ''}`, {
    schema: z.array(outboxMessage),
  });
export const retryOutboxMessage = (id: string) =>
  api.post(`/api/admin/outbox/${id}/retry`, {}, { schema: outboxMessage });

export const fetchWebhooks = () => api.get('/api/admin/webhooks', { schema: z.array(webhookEndpoint) });
export const createWebhook = (input: z.input<typeof createWebhookInput>) =>
  api.post('/api/admin/webhooks', input, { schema: createdWebhook });
export const updateWebhook = (id: string, input: z.input<typeof updateWebhookInput>) =>
  apiRequest('PATCH', `/api/admin/webhooks/${id}`, { body: input, schema: webhookEndpoint });
export const fetchWebhookDeliveries = (id: string) =>
  api.get(`/api/admin/webhooks/${id}/deliveries`, { schema: z.array(webhookDelivery) });
export const redeliverWebhook = (id: string, deliveryId: number) =>
  api.post(`/api/admin/webhooks/${id}/deliveries/${deliveryId}/redeliver`);

export const fetchSsoSettings = () => api.get('/api/admin/sso-settings', { schema: ssoSettings });
export const saveSsoSettings = (input: UpdateSsoSettingsInput) =>
  apiRequest('PUT', '/api/admin/sso-settings', { body: input, schema: ssoSettings });

export const fetchOrganizationSettings = () =>
  api.get('/api/admin/organization', { schema: organizationSettings });
export const saveOrganizationSettings = (input: OrganizationSettings) =>
  apiRequest('PUT', '/api/admin/organization', { body: input, schema: organizationSettings });

export type AuditFilter = { type: AuthEventType | ''; userId: string; from: string; until: string };

export const fetchAuditPage = (filter: AuditFilter, before: number | null) => {
  const params = new URLSearchParams({ limit: '50' });
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  if (before) params.set('before', String(before));
  return api.get(`/api/admin/auth-events?${params.toString()}`, { schema: authEventPage });
};
