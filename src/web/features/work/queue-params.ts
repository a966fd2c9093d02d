import type { CurrentUser } from '../../../contract/auth.ts';
import { complaintCategory, complaintStatus, intakeChannel } from '../../../contract/complaints.ts';
import type { QueueFilters } from '../complaints/complaints-api.ts';

export type QueueTab = 'mine' | 'department' | 'all';

/** The page's state lives in the address, so a filtered queue can be bookmarked, shared and saved. */
export type QueueParams = {
  tab: QueueTab;
  q: string;
  status: string;
  category: string;
  channel: string;
  sort: 'due' | 'received' | 'received_asc';
  overdue: boolean;
  repeat: boolean;
  confidential: boolean;
};

export const FILTER_KEYS = [
  'q',
  'status',
  'category',
  'channel',
  'sort',
  'overdue',
  'repeat',
  'confidential',
];

export function readQueueParams(search: URLSearchParams, user: CurrentUser): QueueParams {
  const tab = search.get('tab');
  const sort = search.get('sort');
  const canSeeDepartment = user.managedDepartmentIds.length > 0;
  const pick = (key: string, valid: { safeParse: (v: unknown) => { success: boolean } }) => {
    const value = search.get(key) ?? '';
    return valid.safeParse(value).success ? value : '';
  };
  return {
    tab: tab === 'all' || (tab === 'department' && canSeeDepartment) ? tab : 'mine',
    q: search.get('q') ?? '',
    status: pick('status', complaintStatus),
    category: pick('category', complaintCategory),
    channel: pick('channel', intakeChannel),
    sort: sort === 'received' || sort === 'received_asc' ? sort : 'due',
    overdue: search.get('overdue') === 'true',
    repeat: search.get('repeat') === 'true',
    confidential: search.get('confidential') === 'true',
  };
}

/** What the API gets for these params: the tab decides whose complaints. */
export function toQueueFilters(params: QueueParams, user: CurrentUser): QueueFilters {
  const filters: QueueFilters = { sort: params.sort };
  if (params.tab === 'mine') filters.handlerId = 'me';
  if (params.tab === 'department' && user.managedDepartmentIds[0])
    filters.departmentId = user.managedDepartmentIds[0];
  const q = params.q.trim();
  if (q) filters.q = q;
  if (params.status) filters.status = [params.status as NonNullable<QueueFilters['status']>[number]];
  if (params.category) filters.category = [params.category as NonNullable<QueueFilters['category']>[number]];
  if (params.channel) filters.channel = [params.channel as NonNullable<QueueFilters['channel']>[number]];
  if (params.overdue) filters.overdue = true;
  if (params.repeat) filters.repeat = true;
  if (params.confidential) filters.confidential = true;
  return filters;
}

/** Only the filters (not the tab), as a query string: what a saved filter keeps. */
export function filterQueryString(search: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = search.get(key);
    if (value) kept.set(key, value);
  }
  return kept.toString();
}
