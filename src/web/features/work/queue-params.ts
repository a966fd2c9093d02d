import type { CurrentUser } from '../../../contract/auth.ts';
import { complaintCategory, complaintStatus, intakeChannel } from '../../../contract/complaints.ts';
import {
  canDoOrganizationAction,
  defaultQueueDepartment,
  mayViewDepartmentQueue,
  type StaffActor,
} from '../../../domain/index.ts';
import type { QueueFilters } from '../complaints/complaints-api.ts';

export type QueueTab = 'mine' | 'department' | 'unassigned' | 'all';
const TABS: readonly QueueTab[] = ['mine', 'department', 'unassigned', 'all'];

/** The page's state lives in the address, so a filtered queue can be bookmarked, shared and saved. */
export type QueueParams = {
  tab: QueueTab;
  /** The department of the "my department" and "unassigned" tabs; '' when the user has none. */
  dept: string;
  q: string;
  status: string;
  category: string;
  channel: string;
  sort: 'due' | 'received' | 'received_asc';
  overdue: boolean;
  repeat: boolean;
  confidential: boolean;
  /** Also the complaints whose procedure has ended (the queue shows the open ones by default). */
  closed: boolean;
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
  'closed',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function actorOf(user: CurrentUser): StaffActor {
  return {
    userId: user.id,
    roles: user.roles,
    departmentId: user.departmentId,
    managedDepartmentIds: user.managedDepartmentIds,
  };
}

/** The tabs this user gets: the department tabs when there is a department to show, "all" when allowed. */
export function availableTabs(user: CurrentUser, dept: string): QueueTab[] {
  return TABS.filter((tab) => {
    if (tab === 'department' || tab === 'unassigned') return dept !== '';
    if (tab === 'all') return canDoOrganizationAction(actorOf(user), 'complaints.list_all');
    return true;
  });
}

/**
 * Reads the address. `fallbackDepartment` is the department to show when the address names none and the user
 * has no department of their own (an administrator: the first department of the organisation).
 */
export function readQueueParams(
  search: URLSearchParams,
  user: CurrentUser,
  fallbackDepartment = '',
): QueueParams {
  const actor = actorOf(user);
  const asked = search.get('dept') ?? '';
  const dept =
    UUID.test(asked) && mayViewDepartmentQueue(actor, asked)
      ? asked
      : (defaultQueueDepartment(actor) ??
        (mayViewDepartmentQueue(actor, fallbackDepartment) ? fallbackDepartment : ''));
  const tabValue = search.get('tab') as QueueTab | null;
  const tab = tabValue !== null && availableTabs(user, dept).includes(tabValue) ? tabValue : 'mine';
  const sort = search.get('sort');
  const pick = (key: string, valid: { safeParse: (v: unknown) => { success: boolean } }) => {
    const value = search.get(key) ?? '';
    return valid.safeParse(value).success ? value : '';
  };
  return {
    tab,
    dept,
    q: search.get('q') ?? '',
    status: pick('status', complaintStatus),
    category: pick('category', complaintCategory),
    channel: pick('channel', intakeChannel),
    sort: sort === 'received' || sort === 'received_asc' ? sort : 'due',
    overdue: search.get('overdue') === 'true',
    repeat: search.get('repeat') === 'true',
    confidential: search.get('confidential') === 'true',
    closed: search.get('closed') === 'true',
  };
}

/** What the API gets for these params: the tab decides whose complaints; open ones unless asked otherwise. */
export function toQueueFilters(params: QueueParams): QueueFilters {
  const filters: QueueFilters = { sort: params.sort };
  if (params.tab === 'mine') filters.handlerId = 'me';
  if ((params.tab === 'department' || params.tab === 'unassigned') && params.dept)
    filters.departmentId = params.dept;
  if (params.tab === 'unassigned') filters.handlerId = 'none';
  const q = params.q.trim();
  if (q) filters.q = q;
  if (params.status) filters.status = [params.status as NonNullable<QueueFilters['status']>[number]];
  // A chosen status says itself whether it is open; otherwise the queue shows the open ones
  else if (!params.closed) filters.open = true;
  if (params.category) filters.category = [params.category as NonNullable<QueueFilters['category']>[number]];
  if (params.channel) filters.channel = [params.channel as NonNullable<QueueFilters['channel']>[number]];
  if (params.overdue) filters.overdue = true;
  if (params.repeat) filters.repeat = true;
  if (params.confidential) filters.confidential = true;
  return filters;
}

/** The filters the tab counts share: the list's filters with the tab's department, without whose. */
export function toCountFilters(params: QueueParams): QueueFilters {
  const { handlerId: _handler, departmentId: _department, sort: _sort, ...rest } = toQueueFilters(params);
  return params.dept ? { ...rest, departmentId: params.dept } : rest;
}

/** Only the filters (not the tab), as a query string: what a saved view keeps. */
export function filterQueryString(search: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = search.get(key);
    if (value) kept.set(key, value);
  }
  return kept.toString();
}
