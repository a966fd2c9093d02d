import { complaintPage } from '../../../contract/complaints.ts';
import { api } from '../../lib/api-client.ts';

/** Query values as the API reads them; empty ones are left out. */
export type ListParams = Record<string, string | number | boolean | undefined>;

export function toSearch(params: ListParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** One page of complaints from any list endpoint (work queue filters, or a person's, unit's or complex's). */
export function fetchComplaintPage(
  path: string,
  params: ListParams,
  cursor: string | null,
  signal?: AbortSignal,
) {
  return api.get(`${path}${toSearch({ ...params, ...(cursor ? { cursor } : {}) })}`, {
    schema: complaintPage,
    ...(signal ? { signal } : {}),
  });
}
