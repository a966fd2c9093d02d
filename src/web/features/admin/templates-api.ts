import { z } from 'zod';
import { messageTemplate, templatePreview } from '../../../contract/messages.ts';
import { api, apiRequest } from '../../lib/api-client.ts';

// Issue 22: the message templates screen's calls (the routes are messages-admin.routes.ts).

export type MessageTemplate = z.infer<typeof messageTemplate>;
export type TemplateLocale = 'nl' | 'en';
export type TemplateText = { subject: string; body: string };

export const templateKeys = {
  list: ['admin', 'message-templates'] as const,
  preview: (kind: string, locale: TemplateLocale, text: TemplateText) =>
    ['admin', 'message-templates', 'preview', kind, locale, text] as const,
};

export function fetchTemplates() {
  return api.get('/api/admin/message-templates', { schema: z.array(messageTemplate) });
}

export function previewTemplate(kind: string, locale: TemplateLocale, text: TemplateText) {
  return api.post(`/api/admin/message-templates/${kind}/${locale}/preview`, text, {
    schema: templatePreview,
  });
}

export function saveTemplate(kind: string, locale: TemplateLocale, text: TemplateText) {
  return apiRequest('PUT', `/api/admin/message-templates/${kind}/${locale}`, { body: text });
}

export function resetTemplate(kind: string, locale: TemplateLocale) {
  return apiRequest('DELETE', `/api/admin/message-templates/${kind}/${locale}`);
}
