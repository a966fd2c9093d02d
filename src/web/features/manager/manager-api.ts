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
