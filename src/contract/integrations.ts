import { z } from 'zod';
import { INTEGRATION_EVENT_TYPES } from '../domain/index.ts';

export const integrationEventType = z
  .enum(
    Object.keys(INTEGRATION_EVENT_TYPES) as [
      keyof typeof INTEGRATION_EVENT_TYPES,
      ...(keyof typeof INTEGRATION_EVENT_TYPES)[],
    ],
  )
  .meta({ id: 'IntegrationEventType' });

export const webhookEndpoint = z
  .object({
    id: z.uuid(),
    name: z.string(),
    url: z.string(),
    eventTypes: z.array(integrationEventType),
    allowPrivateNetwork: z.boolean(),
    active: z.boolean(),
    disabledReason: z.string().nullable(),
    consecutiveFailures: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebhookEndpoint' });

export const createWebhookInput = z
  .object({
    name: z.string().trim().min(1).max(120).meta({ example: 'CRM (KIS)' }),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .meta({ example: 'https://crm.example.nl/hooks/gehoord' }),
    eventTypes: z.array(integrationEventType).min(1).max(20),
    allowPrivateNetwork: z
      .boolean()
      .default(false)
      .describe(
        'Allow an address in a private, loopback or link-local range (an on-premises CRM). Off by default.',
      ),
  })
  .meta({ id: 'CreateWebhookInput' });

export const updateWebhookInput = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    eventTypes: z.array(integrationEventType).min(1).max(20).optional(),
    allowPrivateNetwork: z.boolean().optional(),
    active: z.boolean().optional().describe('Switch off, or on again after it was disabled for failures.'),
  })
  .meta({ id: 'UpdateWebhookInput' });

export const createdWebhook = z
  .object({
    endpoint: webhookEndpoint,
    secret: z.string().describe('Shown this once: the key for verifying `Gehoord-Signature`.'),
  })
  .meta({ id: 'CreatedWebhook' });

export const webhookDelivery = z
  .object({
    id: z.number().int(),
    eventId: z.uuid(),
    type: z.string(),
    complaintId: z.uuid().nullable(),
    status: z
      .enum(['pending', 'delivered', 'failed', 'withheld'])
      .describe(
        "'withheld': not sent because the complaint became confidential after the event (decided at delivery time)",
      ),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });

/** The envelope of every webhook and feed item; `data.complaint` always, `data.contact` for contact moments. */
export const integrationEvent = z
  .object({
    id: z.uuid().describe('Stable event id: de-duplicate on it (delivery is at least once).'),
    type: integrationEventType,
    occurredAt: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({
    id: 'IntegrationEvent',
    example: {
      id: '5b0e3f0e-2a7d-4c7e-9f0e-1f2b3c4d5e6f',
      type: 'complaint.contact_logged',
      occurredAt: '2026-11-26T09:30:00.000Z',
      data: {
        complaint: {
          id: '…',
          reference: 'K-2026-00042',
          status: 'in_progress',
          link: 'https://klachten.example.nl/klachten/…',
        },
        contact: {
          reference: 'K-2026-00042',
          complainantId: '…',
          at: '2026-11-26T09:25:00.000Z',
          channel: 'phone',
          direction: 'outbound',
          summary: 'Mevrouw gebeld, nieuwe afspraak gemaakt.',
          link: 'https://klachten.example.nl/klachten/…',
        },
      },
    },
  });

export const feedQuery = z.object({
  after: z
    .string()
    .max(200)
    .optional()
    .describe('The `nextCursor` of the previous page; omit to start at the beginning.'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const feedPage = z
  .object({
    items: z.array(integrationEvent),
    nextCursor: z.string().describe('Pass as `after`; unchanged when nothing new.'),
  })
  .meta({ id: 'ChangeFeedPage' });
