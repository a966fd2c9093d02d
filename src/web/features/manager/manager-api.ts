import { z } from 'zod';
import { complaintDetail } from '../../../contract/complaints.ts';
import { employeeRepeatCounts, waitingApprovals } from '../../../contract/manager.ts';
import { department, staffUser } from '../../../contract/staff.ts';
import { api } from '../../lib/api-client.ts';

export const fetchDepartments = () => api.get('/api/departments', { schema: z.array(department) });
export const fetchActiveStaff = () => api.get('/api/staff?active=true', { schema: z.array(staffUser) });
export const fetchApprovalsWaiting = () =>
  api.get('/api/manager/approvals-waiting', { schema: waitingApprovals });
export const fetchEmployeeRepeatCounts = () =>
  api.get('/api/manager/employee-repeat-counts', { schema: employeeRepeatCounts });

const versionOnly = z.object({ version: z.number().int() });

/**
 * Reassigns with optimistic concurrency: the complaint's current version goes into If-Match, so a change by
 * someone else in between is refused (412) instead of silently overwritten.
 */
export async function assignHandler(complaintId: string, handlerId: string) {
  const current = await api.get(`/api/complaints/${complaintId}`, { schema: versionOnly });
  return api.post(
    `/api/complaints/${complaintId}/assign`,
    { handlerId },
    { schema: complaintDetail, headers: { 'if-match': `"${current.version}"` } },
  );
}

type Decidable = { complaintId: string; version: number | null; subject: string };

/** The manager decides from the list on the version the list showed: a change since then is refused (412). */
function decide(item: Decidable, path: 'approvals' | 'approval-refusals', body: object) {
  return api.post(`/api/complaints/${item.complaintId}/${path}`, body, {
    schema: complaintDetail,
    headers: item.version === null ? {} : { 'if-match': `"${item.version}"` },
  });
}

export const approveInPlace = (item: Decidable) => decide(item, 'approvals', { subject: item.subject });
export const refuseInPlace = (item: Decidable, reason: string) =>
  decide(item, 'approval-refusals', { subject: item.subject, reason });
