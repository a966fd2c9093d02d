import {
  type BulkAssignInput,
  bulkAssignResult,
  type QueueCountsQuery,
  queueCounts,
  type SavedViewInput,
  savedView,
  savedViewList,
} from '../../../contract/work-queue.ts';
import { api, apiRequest } from '../../lib/api-client.ts';
import type { QueueFilters } from '../complaints/complaints-api.ts';

export const workQueueKeys = {
  tabCounts: (filters: QueueFilters) => ['complaints', 'queue-counts', filters] as const,
  savedViews: ['saved-views'] as const,
};

function query(values: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The tab counts for the queue's filters; whose complaints is each tab's own business. */
export function fetchQueueCounts(filters: QueueFilters) {
  const { handlerId: _handler, sort: _sort, ...rest } = filters;
  return api.get(`/api/complaints/queue-counts${query(rest as QueueCountsQuery)}`, { schema: queueCounts });
}

export function bulkAssign(input: BulkAssignInput) {
  return api.post('/api/complaints/bulk-assign', input, { schema: bulkAssignResult });
}

export const fetchSavedViews = () => api.get('/api/saved-views', { schema: savedViewList });

export const saveView = (input: SavedViewInput) => api.post('/api/saved-views', input, { schema: savedView });

export const deleteSavedView = (id: string) =>
  apiRequest('DELETE', `/api/saved-views/${encodeURIComponent(id)}`);
