import { z } from 'zod';
import { quarterThemes, themeRequest } from '../../../contract/complaint-themes.ts';
import {
  actionDetail,
  agenda,
  type decisionInput,
  improvementAction,
  meeting,
  type newMeetingInput,
  policyIssue,
  quarterFigures,
  type updateActionInput,
  type updateMeetingInput,
} from '../../../contract/learning.ts';
import { staffUser } from '../../../contract/staff.ts';
import { api, apiRequest } from '../../lib/api-client.ts';

export type Agenda = z.infer<typeof agenda>;
export type QuarterFigures = z.infer<typeof quarterFigures>;
export type PolicyIssue = z.infer<typeof policyIssue>;
export type ImprovementAction = z.infer<typeof improvementAction>;
export type ActionDetail = z.infer<typeof actionDetail>;
export type Meeting = z.infer<typeof meeting>;
export type DecisionInput = z.input<typeof decisionInput>;
export type ActionFilters = { status?: string; ownerId?: 'me'; overdue?: boolean };

export const mtKeys = {
  all: ['mt-review'] as const,
  agenda: (quarter: string) => ['mt-review', 'agenda', quarter] as const,
  figures: (quarter: string) => ['mt-review', 'figures', quarter] as const,
  themes: (quarter: string) => ['mt-review', 'themes', quarter] as const,
  meeting: (id: string) => ['mt-review', 'meeting', id] as const,
  actions: (filters: ActionFilters) => ['mt-review', 'actions', filters] as const,
  action: (id: string) => ['mt-review', 'action', id] as const,
};

export const fetchAgenda = (quarter: string) =>
  api.get(`/api/mt/quarters/${encodeURIComponent(quarter)}/agenda`, { schema: agenda });
export const fetchFigures = (quarter: string) =>
  api.get(`/api/mt/quarters/${encodeURIComponent(quarter)}/figures`, { schema: quarterFigures });
export type QuarterThemes = z.infer<typeof quarterThemes>;
export type ComplaintTheme = QuarterThemes['themes'][number];
export const fetchThemes = (quarter: string) =>
  api.get(`/api/mt/quarters/${encodeURIComponent(quarter)}/themes`, { schema: quarterThemes });
export const requestThemes = (quarter: string) =>
  api.post(`/api/mt/quarters/${encodeURIComponent(quarter)}/themes/run`, {}, { schema: themeRequest });
export const createActionFromTheme = (title: string, quarter: string, key: string) =>
  api.post('/api/improvement-actions', { title, theme: { quarter, key } }, { schema: improvementAction });
export const mergeIssues = (intoId: string, issueIds: string[]) =>
  api.post('/api/mt/policy-issues/merge', { intoId, issueIds }, { schema: policyIssue });

export const createMeeting = (input: z.input<typeof newMeetingInput>) =>
  api.post('/api/mt/meetings', input, { schema: meeting });
export const fetchMeeting = (id: string) => api.get(`/api/mt/meetings/${id}`, { schema: meeting });
export const updateMeeting = (id: string, input: z.input<typeof updateMeetingInput>) =>
  apiRequest('PATCH', `/api/mt/meetings/${id}`, { body: input, schema: meeting });
export const recordDecision = (id: string, input: DecisionInput) =>
  api.post(`/api/mt/meetings/${id}/decisions`, input, { schema: meeting });
export const approveMeeting = (id: string) =>
  api.post(`/api/mt/meetings/${id}/approve`, {}, { schema: meeting });
export const meetingPdfUrl = (id: string) => `/api/mt/meetings/${id}/pdf`;

export function fetchActions(filters: ActionFilters) {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.ownerId) params.set('ownerId', filters.ownerId);
  if (filters.overdue) params.set('overdue', 'true');
  const query = params.toString();
  return api.get(`/api/improvement-actions${query ? `?${query}` : ''}`, {
    schema: z.array(improvementAction),
  });
}
export const fetchAction = (id: string) =>
  api.get(`/api/improvement-actions/${id}`, { schema: actionDetail });
export const updateAction = (id: string, input: z.input<typeof updateActionInput>) =>
  apiRequest('PATCH', `/api/improvement-actions/${id}`, { body: input, schema: actionDetail });

export const fetchActiveStaff = () => api.get('/api/staff?active=true', { schema: z.array(staffUser) });
