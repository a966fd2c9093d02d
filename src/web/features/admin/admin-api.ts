import { z } from 'zod';
import { apiToken, type createApiTokenInput, createdApiToken } from '../../../contract/api-tokens.ts';
import { type ImportKind, importResult } from '../../../contract/imports.ts';
import { portalSettings } from '../../../contract/portal.ts';
import {
  calendarSettings,
  contractor,
  type createContractorInput,
  pageOf,
  type ReferenceValueKind,
  referenceValue,
  type reviseCalendarSettingsInput,
  type updateContractorInput,
  type updateReferenceValueInput,
} from '../../../contract/reference-data.ts';
import { routingSettings, type UpdateRoutingSettingsInput } from '../../../contract/routing-settings.ts';
import { setupGaps } from '../../../contract/setup.ts';
import {
  type createDepartmentInput,
  createdStaffUser,
  type createStaffUserInput,
  department,
  staffUser,
  type updateDepartmentInput,
  type updateStaffUserInput,
} from '../../../contract/staff.ts';
import { api, apiRequest } from '../../lib/api-client.ts';

export const fetchUsers = () => api.get('/api/staff', { schema: z.array(staffUser) });
export const createUser = (input: z.input<typeof createStaffUserInput>) =>
  api.post('/api/admin/users', input, { schema: createdStaffUser });
export const updateUser = (id: string, input: z.input<typeof updateStaffUserInput>) =>
  apiRequest('PATCH', `/api/admin/users/${id}`, { body: input, schema: staffUser });

export const fetchDepartments = () => api.get('/api/departments', { schema: z.array(department) });
export const createDepartment = (input: z.input<typeof createDepartmentInput>) =>
  api.post('/api/admin/departments', input, { schema: department });
export const updateDepartment = (id: string, input: z.input<typeof updateDepartmentInput>) =>
  apiRequest('PATCH', `/api/admin/departments/${id}`, { body: input, schema: department });

export const fetchApiTokens = () => api.get('/api/admin/api-tokens', { schema: z.array(apiToken) });
export const createApiToken = (input: z.input<typeof createApiTokenInput>) =>
  api.post('/api/admin/api-tokens', input, { schema: createdApiToken });
export const revokeApiToken = (id: string) => apiRequest('DELETE', `/api/admin/api-tokens/${id}`);

export const fetchReferenceValues = () =>
  api.get('/api/reference-values', { schema: z.array(referenceValue) });
export const updateReferenceValue = (
  kind: ReferenceValueKind,
  code: string,
  input: z.input<typeof updateReferenceValueInput>,
) => apiRequest('PATCH', `/api/reference-values/${kind}/${code}`, { body: input, schema: referenceValue });

export const fetchCalendarSettings = () => api.get('/api/calendar-settings', { schema: calendarSettings });
export const fetchCalendarVersions = () =>
  api.get('/api/calendar-settings/versions', { schema: z.array(calendarSettings) });
export const reviseCalendarSettings = (input: z.input<typeof reviseCalendarSettingsInput>) =>
  api.post('/api/calendar-settings', input, { schema: calendarSettings });

export type { ImportKind };
export { importResult };

export const fetchSetupGaps = () => api.get('/api/admin/setup-gaps', { schema: setupGaps });

export const fetchContractors = () =>
  api.get('/api/contractors?limit=200', { schema: pageOf(contractor, 'ContractorPage') });
export const createContractor = (input: z.input<typeof createContractorInput>) =>
  api.post('/api/contractors', input, { schema: contractor });
export const updateContractor = (id: string, input: z.input<typeof updateContractorInput>) =>
  apiRequest('PATCH', `/api/contractors/${id}`, { body: input, schema: contractor });

export const fetchPortalSettings = () => api.get('/api/admin/portal-settings', { schema: portalSettings });
export const savePortalSettings = (input: z.input<typeof portalSettings>) =>
  apiRequest('PUT', '/api/admin/portal-settings', { body: input, schema: portalSettings });

export const saveRoutingSettings = (input: UpdateRoutingSettingsInput) =>
  apiRequest('PUT', '/api/routing-settings', { body: input, schema: routingSettings });
