import type { z } from 'zod';
import { answerComposer, answerPreview, savedDraft } from '../../../../contract/messages.ts';
import { api, apiRequest } from '../../../lib/api-client.ts';

// Issue 22: the answer composer's calls: standard texts and one's own draft, saving as one types, the preview.

export type AnswerComposer = z.infer<typeof answerComposer>;
export type AnswerPreview = z.infer<typeof answerPreview>;

export const composerKeys = {
  composer: (id: string) => ['complaints', 'answer-composer', id] as const,
  preview: (id: string, text: string) => ['complaints', 'answer-preview', id, text] as const,
};

export function fetchAnswerComposer(id: string) {
  return api.get(`/api/complaints/${id}/answer-composer`, { schema: answerComposer });
}

export function saveAnswerDraft(id: string, text: string, templateKind: string | null) {
  return apiRequest('PUT', `/api/complaints/${id}/answer-draft`, {
    body: { text, templateKind },
    schema: savedDraft,
  });
}

export function discardAnswerDraft(id: string) {
  return apiRequest('DELETE', `/api/complaints/${id}/answer-draft`);
}

export function fetchAnswerPreview(id: string, text: string) {
  return api.post(`/api/complaints/${id}/answer-preview`, { text }, { schema: answerPreview });
}
