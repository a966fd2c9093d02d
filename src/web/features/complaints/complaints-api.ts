import { z } from 'zod';
import { attachment } from '../../../contract/attachments.ts';
import {
  type ComplaintDetail,
  type ComplaintListQuery,
  complaintDetail,
  complaintPage,
  likelyDuplicate,
  likelyRepeat,
  type RegisterComplaintInput,
  statusCounts,
} from '../../../contract/complaints.ts';
import { contractor, pageOf, person, unit } from '../../../contract/reference-data.ts';
import { department, staffUser } from '../../../contract/staff.ts';
import type { ComplaintActionPath } from '../../../domain/index.ts';
import { ApiError, api, apiRequest, toApiError } from '../../lib/api-client.ts';

/** Work-queue filters as the page keeps them: the API's query, all optional, strings as typed. */
export type QueueFilters = Partial<
  Pick<
    ComplaintListQuery,
    | 'handlerId'
    | 'departmentId'
    | 'overdue'
    | 'repeat'
    | 'confidential'
    | 'q'
    | 'sort'
    | 'status'
    | 'category'
    | 'channel'
    | 'dueWithinWorkingDays'
    | 'open'
  >
>;

export const complaintKeys = {
  all: ['complaints'] as const,
  list: (filters: QueueFilters) => ['complaints', 'list', filters] as const,
  counts: (filters: QueueFilters) => ['complaints', 'counts', filters] as const,
  detail: (id: string) => ['complaints', 'detail', id] as const,
  attachments: (id: string) => ['complaints', 'attachments', id] as const,
  likelyRepeats: (query: LikelyRepeatsQuery) => ['complaints', 'likely-repeats', query] as const,
  likelyDuplicates: (query: LikelyDuplicatesQuery) => ['complaints', 'likely-duplicates', query] as const,
};

function toSearchParams(filters: QueueFilters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function fetchComplaintPage(filters: QueueFilters, cursor: string | undefined, signal?: AbortSignal) {
  return api.get(`/api/complaints${toSearchParams(filters, { cursor, limit: '50' })}`, {
    schema: complaintPage,
    ...(signal ? { signal } : {}),
  });
}

export function fetchStatusCounts(filters: QueueFilters) {
  // Counts per status: the status filter itself would hide the other statuses' numbers.
  // Nor the open filter: a click on "closed" must still find the closed ones (issue 22).
  const { status: _status, sort: _sort, open: _open, ...rest } = filters;
  return api.get(`/api/complaints/counts${toSearchParams(rest)}`, { schema: statusCounts });
}

export function fetchComplaint(id: string) {
  return api.get(`/api/complaints/${encodeURIComponent(id)}`, { schema: complaintDetail });
}

export type LikelyRepeatsQuery = { complainantId?: string; unitId?: string; text?: string };

export function fetchLikelyRepeats(query: LikelyRepeatsQuery) {
  return api.get(`/api/complaints/likely-repeats${toSearchParams(query as QueueFilters)}`, {
    schema: z.array(likelyRepeat),
  });
}

/** Issue 22: of a registered complaint (`complaintId`) or of one being registered. */
export type LikelyDuplicatesQuery = {
  complaintId?: string;
  complainantId?: string;
  text?: string;
  receivedAt?: string;
};

export function fetchLikelyDuplicates(query: LikelyDuplicatesQuery) {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== ''));
  return api.get(`/api/complaints/likely-duplicates?${params}`, { schema: z.array(likelyDuplicate) });
}

/** A retry with the same key (double click, flaky network) returns the first complaint instead of a second. */
export function registerComplaint(input: RegisterComplaintInput, idempotencyKey: string) {
  return apiRequest('POST', '/api/complaints', {
    body: input,
    schema: complaintDetail,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

/** The paths of the steps on a complaint: the domain's action catalogue (complaint-action-catalogue.ts). */
export type { ComplaintActionPath };

/** One step on a complaint, on the version the user saw: someone else's change in between gives a 412. */
export function postComplaintAction(
  complaint: Pick<ComplaintDetail, 'id' | 'version'>,
  path: ComplaintActionPath,
  body: unknown = {},
) {
  return apiRequest('POST', `/api/complaints/${complaint.id}/${path}`, {
    body,
    schema: complaintDetail,
    headers: { 'if-match': `"${complaint.version}"` },
  });
}

export function fetchAttachments(id: string) {
  return api.get(`/api/complaints/${id}/attachments`, { schema: z.array(attachment) });
}

/** Multipart, so not through apiRequest's JSON body; errors still come back as problem+json. */
export async function uploadAttachment(complaint: Pick<ComplaintDetail, 'id' | 'version'>, file: File) {
  const form = new FormData();
  form.set('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/complaints/${complaint.id}/attachments`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json, application/problem+json', 'if-match': `"${complaint.version}"` },
      body: form,
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network_error',
      messages: {
        nl: 'Gehoord is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
        en: 'Gehoord cannot be reached. Check your connection and try again.',
      },
    });
  }
  if (!response.ok) throw await toApiError(response);
  // The upload is a new version of the complaint; the next write needs that version.
  const version = Number(/\d+/.exec(response.headers.get('x-complaint-etag') ?? '')?.[0] ?? Number.NaN);
  return { attachment: attachment.parse(await response.json()), version };
}

export function searchPersons(search: string, signal?: AbortSignal) {
  return api.get(`/api/persons?search=${encodeURIComponent(search)}&limit=8`, {
    schema: pageOf(person, 'PersonPage'),
    ...(signal ? { signal } : {}),
  });
}

export function fetchStaff() {
  return api.get('/api/staff?active=true', { schema: z.array(staffUser) });
}

export function fetchDepartments() {
  return api.get('/api/departments', { schema: z.array(department) });
}

export function fetchContractors() {
  return api.get('/api/contractors?limit=200&active=true', { schema: pageOf(contractor, 'ContractorPage') });
}

export function fetchUnit(id: string) {
  return api.get(`/api/units/${encodeURIComponent(id)}`, { schema: unit });
}
