import { INTEGRATION_EVENT_TYPES } from '../../../../domain/index.ts';

const SIGNATURE_HEADER = {
  name: 'Gehoord-Signature',
  in: 'header',
  required: true,
  description:
    't=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>; reject when t is more than 300 s from your clock.',
  schema: { type: 'string' },
};

/** The OpenAPI 3.1 `webhooks` section: one entry per event type, all with the IntegrationEvent envelope. */
export function addWebhooksToOpenApi<T extends Record<string, unknown>>(document: T): T {
  const webhooks: Record<string, unknown> = {};
  for (const [type, label] of Object.entries(INTEGRATION_EVENT_TYPES)) {
    webhooks[type] = {
      post: {
        operationId: `webhook${type
          .split(/[^A-Za-z0-9]+/)
          .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
          .join('')}`,
        summary: label,
        description: 'Sent to every active webhook endpoint subscribed to this type. De-duplicate on `id`.',
        parameters: [
          SIGNATURE_HEADER,
          {
            name: 'Gehoord-Event-Id',
            in: 'header',
            required: true,
            schema: { type: 'string', format: 'uuid' },
          },
          {
            name: 'Gehoord-Event-Type',
            in: 'header',
            required: true,
            schema: { type: 'string', const: type },
          },
        ],
        // Your endpoint receives it without a session or token: the Gehoord-Signature header proves the sender.
        security: [],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/IntegrationEvent' } } },
        },
        responses: {
          '2XX': {
            description: 'Received. Anything else (or no answer within 10 s) is retried with backoff.',
          },
        },
      },
    };
  }
  return { ...document, webhooks };
}
