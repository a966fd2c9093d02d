import { useQuery } from '@tanstack/react-query';
import { calendarSettings } from '../../../contract/reference-data.ts';
import { routingSettings } from '../../../contract/routing-settings.ts';
import { api } from '../../lib/api-client.ts';
import { fetchContractors, fetchDepartments, fetchStaff } from './complaints-api.ts';

// Lists that change rarely: cached for minutes, shared by the intake and the case page.
const RARELY = 5 * 60_000;

export const useStaff = () =>
  useQuery({ queryKey: ['staff', 'active'], queryFn: fetchStaff, staleTime: RARELY });
export const useDepartments = () =>
  useQuery({ queryKey: ['departments'], queryFn: fetchDepartments, staleTime: RARELY });
export const useContractors = () =>
  useQuery({ queryKey: ['contractors', 'active'], queryFn: fetchContractors, staleTime: RARELY });
export const useCalendarSettings = () =>
  useQuery({
    queryKey: ['calendar-settings'],
    queryFn: () => api.get('/api/calendar-settings', { schema: calendarSettings }),
    staleTime: RARELY,
  });
/** The organisation's routing rule (policy 1.3); the admin screen changes it, triage shows its effect. */
export const routingSettingsKey = ['routing-settings'];
export const useRoutingSettings = () =>
  useQuery({
    queryKey: routingSettingsKey,
    queryFn: () => api.get('/api/routing-settings', { schema: routingSettings }),
    staleTime: RARELY,
  });
